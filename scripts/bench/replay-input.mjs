// replay-input.mjs writes a review history for `saa-study srs replay` and
// tsfsrs-replay.mjs: N cards (default 20,000), 1 to 20 reviews each (about
// 10.5 on average), ratings skewed towards Good, gaps from minutes to weeks.
// Deterministic (xorshift32, fixed seed). Usage: node replay-input.mjs [N] > in.json
const n = Number(process.argv[2] ?? 20000);
let x = 20261207;
const rand = () => {
  x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
  return x / 4294967296;
};
const MIN = 60e3, DAY = 1440 * MIN;
const out = ['{"cards":[\n'];
for (let c = 0; c < n; c++) {
  let t = Date.UTC(2025, 0, 1) + Math.floor(rand() * 300 * 86400) * 1000;
  const reviews = [];
  const count = 1 + Math.floor(rand() * 20);
  for (let i = 0; i < count; i++) {
    const u = rand();
    const rating = u < 0.12 ? 1 : u < 0.25 ? 2 : u < 0.9 ? 3 : 4;
    reviews.push(`{"rating":${rating},"ts":"${new Date(t).toISOString().replace('.000Z', 'Z')}"}`);
    t += rand() < 0.3 ? Math.floor(rand() * 60) * MIN + MIN : Math.floor(rand() * 30 * 1440) * MIN + MIN;
  }
  out.push(`{"id":"c${c}","reviews":[${reviews.join(',')}]}${c + 1 < n ? ',' : ''}\n`);
}
out.push(']}\n');
process.stdout.write(out.join(''));
