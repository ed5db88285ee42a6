// Reads an Anki package with anki-reader (zip.js + sql.js) and prints what
// a peer finds in it as JSON: the collection header, decks, note types,
// every card with its fields by name, the notes and the review log.
// progress/anki_peer_test.go compares saa-study's own export with it, so
// `go test` never needs node.
//
// Run by hand (node 20):
//   cd anki/testdata/peer-reader && npm install --no-save --no-package-lock
//   SAA_WRITE_PEER_APKG=$PWD/small.apkg go test -run TestAnkiPeerVectors ../../../progress/
//   node read.mjs small.apkg > vectors.json
//   node fsrs.mjs small.apkg > fsrs-vectors.json
import { readFile } from 'node:fs/promises';
import { readAnkiPackage } from 'anki-reader';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read.mjs FILE.apkg');
  process.exit(2);
}
const bytes = await readFile(file);
const { collection, media } = await readAnkiPackage(new Blob([bytes]));
const db = collection.getRawCollection();
const rows = (sql) => {
  const r = db.exec(sql);
  if (r.length === 0) return [];
  return r[0].values.map((v) => Object.fromEntries(r[0].columns.map((c, i) => [c, v[i]])));
};

const out = {
  crt: collection.getCreationTime().getTime() / 1000,
  ver: collection.getVersion(),
  conf: (({ rollover, creationOffset, schedVer }) => ({ rollover, creationOffset, schedVer }))(collection.getConfig()),
  decks: [],
  models: [],
  cards: [],
  notes: [],
  revlog: [],
  media: Object.keys(media),
};

const decks = collection.getDecks();
for (const [id, deck] of Object.entries(decks)) {
  out.decks.push({ id: Number(id), name: deck.getName() });
  for (const [cid, card] of Object.entries(deck.getCards())) {
    const raw = card.getRawCard();
    out.cards.push({
      id: Number(cid),
      deck: deck.getName(),
      nid: Number(card.getNoteId()),
      ord: raw.ord, type: raw.type, queue: raw.queue, due: raw.due, ivl: raw.ivl,
      factor: raw.factor, reps: raw.reps, lapses: raw.lapses, left: raw.left, data: raw.data,
      fields: card.getFields(),
    });
  }
}
for (const [id, model] of Object.entries(collection.getModels())) {
  out.models.push({
    id: Number(id),
    name: model.getName(),
    type: model.getType(),
    fields: model.getFields().map((f) => f.name),
    templates: model.getTemplates().map((t) => ({ name: t.name, qfmt: t.qfmt, afmt: t.afmt })),
  });
}
for (const n of rows('SELECT id, guid, mid, tags, sfld FROM notes')) {
  out.notes.push({ id: n.id, guid: n.guid, mid: n.mid, tags: n.tags, sfld: String(n.sfld) });
}
for (const r of rows('SELECT id, cid, usn, ease, ivl, lastIvl, factor, time, type FROM revlog')) {
  out.revlog.push([r.id, r.cid, r.usn, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type]);
}
const byId = (a, b) => a.id - b.id;
out.decks.sort(byId);
out.models.sort(byId);
out.cards.sort(byId);
out.notes.sort(byId);
out.revlog.sort((a, b) => a[0] - b[0]);
console.log(JSON.stringify(out, null, 1));
