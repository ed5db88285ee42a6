// tsfsrs-replay.mjs is the peer of `saa-study srs replay FILE --json`: it
// reads the same history, schedules every review with ts-fsrs (defaults,
// fuzz off, as srs.Replay) and prints the same JSON line per review.
// Usage: node tsfsrs-replay.mjs PEER_DIR FILE   (PEER_DIR holds node_modules/ts-fsrs)
import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [peerDir, file] = process.argv.slice(2);
if (!peerDir || !file) {
  console.error('usage: node tsfsrs-replay.mjs PEER_DIR FILE');
  process.exit(2);
}
const require = createRequire(path.resolve(peerDir) + '/');
const { fsrs, createEmptyCard, forgetting_curve } = await import(pathToFileURL(require.resolve('ts-fsrs')).href);

const f = fsrs({ enable_fuzz: false });
const w = f.parameters.w;
const iso = (d) => d.toISOString().replace('.000Z', 'Z');
const data = JSON.parse(readFileSync(file, 'utf8'));
const cards = Array.isArray(data) ? data : data.cards;
let buf = [];
let size = 0;
const flush = () => { writeSync(1, buf.join('')); buf = []; size = 0; };
for (const c of cards) {
  let card;
  c.reviews.forEach((rv, i) => {
    const at = new Date(rv.ts);
    if (i === 0) card = createEmptyCard(at);
    const { card: next, log } = f.next(card, at, rv.rating);
    const r = card.state === 0 ? null : forgetting_curve(w, log.elapsed_days, card.stability);
    const line = JSON.stringify({
      id: c.id, i, rating: rv.rating, ts: iso(at), prev_state: card.state, elapsed_days: log.elapsed_days,
      r, state: next.state, stability: next.stability, difficulty: next.difficulty,
      scheduled_days: next.scheduled_days, due: iso(next.due), learning_steps: next.learning_steps,
      reps: next.reps, lapses: next.lapses,
    }) + '\n';
    buf.push(line);
    size += line.length;
    if (size > 1 << 16) flush();
    card = next;
  });
}
flush();
