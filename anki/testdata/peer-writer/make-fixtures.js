// Writes the .apkg fixtures of saa-study's import tests with a package
// writer that is not ours: anki-apkg-export 4.0.3 (a port of the anki2
// Ruby gem; schema 11, collection.anki2, JSON media map).
//
// Run by hand, never by `go test`:
//   cd anki/testdata/peer-writer && npm install && node make-fixtures.js
// node_modules is not committed; the .apkg files are.
//
// anki-apkg-export writes no review history, so history.apkg adds revlog
// rows through the peer's own sql.js database (apkg.db) before saving.
const fs = require('fs');
const AnkiExport = require('anki-apkg-export').default;

// A 1x1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function write(name, apkg) {
  const zip = await apkg.save();
  fs.writeFileSync(name, zip, 'binary');
  console.log('wrote', name);
}

async function main() {
  // basic.apkg: three cards with HTML, tags and a picture.
  const basic = new AnkiExport('SAA Peer::Basics');
  basic.addMedia('lambda-diagram.png', png);
  basic.addCard('What is the <b>maximum</b> timeout of a Lambda function?', '900 seconds (15 minutes)', { tags: ['lambda', 'limits'] });
  basic.addCard('Which DynamoDB feature gives microsecond reads?', '<ul><li>DAX</li><li>an in-memory cache</li></ul>', { tags: ['dynamodb'] });
  basic.addCard('Where does a Lambda function run?<br><img src="lambda-diagram.png" />', 'In an <i>execution environment</i>', { tags: 'lambda' });
  await write('basic.apkg', basic);

  // history.apkg: two cards with reviews; the second is suspended.
  const hist = new AnkiExport('Peer History');
  hist.addCard('API Gateway default timeout?', '29 seconds', { tags: ['apigateway'] });
  hist.addCard('Step Functions Express max duration?', '5 minutes', { tags: ['stepfunctions'] });
  const ids = hist.db.exec('SELECT id FROM cards ORDER BY id')[0].values.map(r => r[0]);
  const day = 86400000;
  const t0 = Date.UTC(2026, 9, 1, 9, 0, 0); // 2026-10-01 09:00 UTC
  // id (ms), cid, usn, ease, ivl, lastIvl, factor, time (ms), type
  const rows = [
    [t0, ids[0], -1, 3, -600, 0, 0, 8000, 0],
    [t0 + 10 * 60000, ids[0], -1, 3, 1, -600, 2500, 6000, 0],
    [t0 + 1 * day, ids[0], -1, 3, 3, 1, 2500, 5000, 1],
    [t0 + 4 * day, ids[0], -1, 1, -600, 3, 2300, 9000, 1],
    [t0 + 4 * day + 10 * 60000, ids[0], -1, 3, 1, -600, 2300, 4000, 2],
    [t0 + 5 * day, ids[0], -1, 0, 10, 1, 2300, 0, 4], // a manual reschedule: not an answer
    [t0 + 6 * day, ids[0], -1, 4, 8, 1, 2450, 3000, 1],
    [t0 + 1000, ids[1], -1, 3, -600, 0, 0, 7000, 0],
    [t0 + 10 * 60000 + 1000, ids[1], -1, 4, 4, -600, 2650, 3000, 0],
  ];
  for (const r of rows) {
    hist.db.run('INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)', r);
  }
  hist.db.run('UPDATE cards SET type = 2, queue = 2, ivl = 8, due = 200 WHERE id = ?', [ids[0]]);
  hist.db.run('UPDATE cards SET type = 2, queue = -1, ivl = 4, due = 190 WHERE id = ?', [ids[1]]);
  await write('history.apkg', hist);

  // zipslip.apkg: the media map names a file outside the deck folder.
  const bad = new AnkiExport('Peer Zip Slip');
  bad.addMedia('../../saa-zip-slip.txt', Buffer.from('should never be written'));
  bad.addCard('front <img src="../../saa-zip-slip.txt">', 'back');
  await write('zipslip.apkg', bad);
}

main().catch(err => { console.error(err); process.exit(1); });
