// bench.mjs measures how many scheduling steps per second ts-fsrs does on
// this machine, to compare with `go test -bench BenchmarkNext ./srs`.
// Same step as the Go benchmark: a Review card, 12.5 days of stability,
// answered one day late, ratings cycling Again..Easy.
import { fsrs } from "ts-fsrs";

const f = fsrs({});
const card = {
  due: new Date("2025-01-13T10:00:00Z"),
  stability: 12.5,
  difficulty: 5.3,
  elapsed_days: 0,
  scheduled_days: 12,
  reps: 6,
  lapses: 0,
  learning_steps: 0,
  state: 2,
  last_review: new Date("2025-01-01T10:00:00Z"),
};
const now = new Date("2025-01-14T08:00:00Z");

function run(n) {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += f.next(card, now, (i % 4) + 1).card.reps;
  return sink;
}

run(200000); // warm up the JIT
// Wall time suffers when the machine is busy; CPU time (user+system of
// this process) much less, so both are printed.
const rounds = [];
const cpu = [];
for (let r = 0; r < 5; r++) {
  const n = 500000;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  run(n);
  const ns = Number(process.hrtime.bigint() - t0);
  const c = process.cpuUsage(c0);
  rounds.push(ns / n);
  cpu.push(((c.user + c.system) * 1000) / n);
}
rounds.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const best = rounds[0];
console.log(
  `ts-fsrs next(): wall best of 5 ${best.toFixed(0)} ns/step = ${(1e9 / best / 1e6).toFixed(2)} M steps/s ` +
    `(median ${rounds[2].toFixed(0)} ns); CPU best ${cpu[0].toFixed(0)} ns/step = ${(1e9 / cpu[0] / 1e6).toFixed(2)} M steps/s`,
);
