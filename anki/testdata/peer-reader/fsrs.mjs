// Recomputes each card's FSRS memory state from the review log of an
// exported package the way Anki does, with fsrs-rs (Anki's FSRS engine,
// through @open-spaced-repetition/binding), and prints it as JSON:
// {"cards": {"<card id>": {"s": stability, "d": difficulty, "reviews": n}}}.
// progress/anki_peer_test.go checks that the memory state we write in each
// card's data column is the one Anki would rebuild from the revlog.
//
// As Anki's reviews_for_fsrs (rslib/src/scheduler/fsrs/params.rs): rows
// with a rating, from the last run of learning rows on; delta_t is the
// difference of whole days before the next day start (rollover hour).
//
// Run by hand (node 20), after read.mjs's steps (its npm install brings
// both packages of package.json):
//   node fsrs.mjs small.apkg > fsrs-vectors.json
import { readFile } from 'node:fs/promises';
import { readAnkiPackage } from 'anki-reader';
import { FSRSBinding } from '@open-spaced-repetition/binding';

const file = process.argv[2];
if (!file) {
  console.error('usage: node fsrs.mjs FILE.apkg');
  process.exit(2);
}
const { collection } = await readAnkiPackage(new Blob([await readFile(file)]));
const db = collection.getRawCollection();
const conf = collection.getConfig();
const crt = collection.getCreationTime().getTime() / 1000;
const rows = db.exec('SELECT id, cid, ease, ivl, type FROM revlog ORDER BY cid, id')[0]?.values ?? [];

// A day start (rollover) after every review: crt is one, in the zone of
// creationOffset (minutes west of UTC).
const last = rows.reduce((m, r) => Math.max(m, r[0] / 1000), crt);
const nextDayAt = crt + Math.ceil((last - crt + 1) / 86400) * 86400;
const daysBefore = (ms) => Math.floor((nextDayAt - Math.floor(ms / 1000)) / 86400);

const byCard = new Map();
for (const [id, cid, ease, ivl, type] of rows) {
  if (!byCard.has(cid)) byCard.set(cid, []);
  byCard.get(cid).push({ id, ease, ivl, type });
}
const fsrs = new FSRSBinding(); // FSRS-6 default parameters
const out = { conf: { rollover: conf.rollover, creationOffset: conf.creationOffset }, cards: {} };
for (const [cid, entries] of byCard) {
  // The history starts at the last run of learning rows.
  let start = -1;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].ease > 0 && entries[i].type === 0) start = i;
    else if (start >= 0) break;
  }
  if (start < 0) continue;
  const kept = entries.slice(start).filter((e) => e.ease > 0);
  let mem = null;
  let prev = null;
  for (const e of kept) {
    const dt = prev === null ? 0 : daysBefore(prev.id) - daysBefore(e.id);
    const next = fsrs.nextStates(mem, 0.9, dt);
    mem = [null, next.again, next.hard, next.good, next.easy][e.ease].memory;
    prev = e;
  }
  out.cards[String(cid)] = { s: mem.stability, d: mem.difficulty, reviews: kept.length };
}
console.log(JSON.stringify(out, null, 1));
