// bench.mjs times fsrs-rs's optimizer (through its Node binding) on the
// same logs as `go test -bench Optimize ./srs`: the 10 000-review log of
// vectors.json, and the 50 000-review log twice over (100 000 reviews).
import { readFileSync } from "node:fs";
import { computeParameters } from "@open-spaced-repetition/binding";
import { items, doubled } from "./common.mjs";

const v = JSON.parse(readFileSync(new URL("./vectors.json", import.meta.url)));
const log = (name) => v.logs.find((l) => l.name === name).cards;
const cases = [
  ["10k", log("learner-10000")],
  ["100k", doubled(log("learner-50000"))],
];
for (const [name, cards] of cases) {
  const set = items(cards);
  const reviews = cards.reduce((n, c) => n + c.reviews.length, 0);
  await computeParameters(set, { enableShortTerm: true }); // warm up
  const ms = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    await computeParameters(set, { enableShortTerm: true });
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `fsrs-rs ${name}: ${reviews} reviews, ${set.length} items, fit ${ms[1].toFixed(0)} ms ` +
      `(median of 3; min ${ms[0].toFixed(0)}), rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
  );
}
