// gen.mjs writes vectors.json: review histories scheduled by ts-fsrs, the
// reference the Go package srs must reproduce. Run with `npm install && node gen.mjs`.
//
// The histories are made here from a fixed seed, so the output is the same on
// every run; they are stored in vectors.json next to the expected results, so
// the Go tests never need Node.
import { writeFileSync } from "node:fs";
import {
  fsrs,
  createEmptyCard,
  forgetting_curve,
  generatorParameters,
  default_w,
  FSRSVersion,
} from "ts-fsrs";

// xorshift32: a tiny deterministic generator; its quality is ample for
// choosing review patterns.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const PROFILES = [
  "on_time",
  "late",
  "early",
  "same_day",
  "long_break",
  "midnight",
  "lapser",
  "mixed",
];

// pickRating simulates a learner: recall with probability p, then a
// pass grade skewed towards Good.
function pickRating(rand, p) {
  if (rand() >= p) return 1;
  const u = rand();
  if (u < 0.15) return 2;
  if (u < 0.88) return 3;
  return 4;
}

// history builds one card's reviews by running the scheduler as it goes, so
// that "late" and "early" are relative to the real due date.
function history(f, rand, profile, withMillis) {
  const start = Date.UTC(2025, 0, 1) + Math.floor(rand() * 300) * DAY;
  let now = start + Math.floor(rand() * DAY);
  if (!withMillis) now -= now % 1000;
  if (profile === "midnight") now = now - (now % DAY) + 23 * HOUR + 50 * MIN + Math.floor(rand() * 9) * MIN;
  let card = createEmptyCard(new Date(now));
  const n = 4 + Math.floor(rand() * 22);
  const reviews = [];
  let breakAt = profile === "long_break" ? 2 + Math.floor(rand() * (n - 2)) : -1;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const due = card.due.getTime();
      const gap = Math.max(due - now, MIN);
      let next = due;
      let p = profile === "mixed" ? PROFILES[Math.floor(rand() * 7)] : profile;
      switch (p) {
        case "on_time":
          next = due + Math.floor(rand() * 3 * HOUR);
          break;
        case "late":
          next = due + Math.floor(rand() * (rand() < 0.3 ? 45 : 6) * DAY) + Math.floor(rand() * HOUR);
          break;
        case "early":
          next = now + Math.floor(gap * (0.2 + 0.7 * rand()));
          break;
        case "same_day":
          // Re-review within the same UTC day when possible, Review cards too.
          next = rand() < 0.5 ? now + Math.floor(rand() * 4 * HOUR) + MIN : due;
          break;
        case "long_break":
          next = due + (i === breakAt ? (60 + Math.floor(rand() * 200)) * DAY : Math.floor(rand() * DAY));
          break;
        case "midnight": {
          // Alternate 23:5x -> 00:0x (next UTC day) and 00:0x -> 23:5x (same day).
          const day = Math.floor(Math.max(due, now + MIN) / DAY) * DAY;
          const mm = Math.floor(rand() * 9) * MIN + Math.floor(rand() * 60) * 1000;
          const nowMin = (now % DAY) / MIN;
          if (nowMin >= 23 * 60) next = Math.floor(now / DAY) * DAY + DAY + mm;
          else if (nowMin < 60 && rand() < 0.6) next = Math.floor(now / DAY) * DAY + 23 * HOUR + 50 * MIN + mm;
          else next = day + 23 * HOUR + 50 * MIN + mm;
          if (next <= now) next = now + MIN;
          break;
        }
        case "lapser":
          next = due + Math.floor(rand() * 2 * DAY);
          break;
      }
      if (next <= now) next = now + MIN;
      if (!withMillis) next -= next % 1000;
      if (next <= now) next = now + 1000;
      now = next;
    }
    const at = new Date(now);
    let p;
    if (card.state === 0) p = 0.75;
    else if (card.state === 1 || card.state === 3) p = 0.8;
    else p = f.get_retrievability(card, at, false);
    if (profile === "lapser") p *= 0.45;
    const rating = pickRating(rand, p);
    const prev = card;
    const { card: next, log } = f.next(prev, at, rating);
    const r =
      prev.state === 0 ? null : forgetting_curve(f.parameters.w, log.elapsed_days, prev.stability);
    reviews.push({
      rating,
      ts: at.toISOString(),
      expect: {
        state: next.state,
        due: next.due.toISOString(),
        scheduled_days: next.scheduled_days,
        stability: next.stability,
        difficulty: next.difficulty,
        elapsed_days: next.elapsed_days,
        reps: next.reps,
        lapses: next.lapses,
        learning_steps: next.learning_steps,
        r,
        retrievability_before: f.get_retrievability(prev, at, false),
      },
    });
    card = next;
  }
  return reviews;
}

function cards(f, seed, count, prefix) {
  const rand = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const profile = PROFILES[i % PROFILES.length];
    out.push({ id: `${prefix}${String(i).padStart(3, "0")}`, profile, reviews: history(f, rand, profile, i % 11 === 5) });
  }
  return out;
}

// Parameter migration and clipping cases: input w (and relearning steps) and
// the w ts-fsrs actually uses.
const paramInputs = [
  { name: "defaults", w: [...default_w] },
  { name: "fsrs5_19", w: [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621] },
  { name: "fsrs45_17", w: [0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755] },
  { name: "out_of_range_21", w: [0, 200, -1, 150, 0.5, 9, -2, 1, 9, 2, 0, 9, 1, 2, -1, 2, 0.5, 3, -3, 1, 0.01] },
  { name: "two_relearning_steps", w: [...default_w], relearning_steps: ["10m", "1h"] },
  { name: "two_relearning_steps_high_w17", w: [...default_w.slice(0, 17), 1.9, 1.9, 0.0658, 0.1542], relearning_steps: ["5m", "30m", "1h"] },
  { name: "bad_length", w: [1, 2, 3] },
];
const quiet = console.debug;
const loud = console.warn;
console.debug = () => {};
console.warn = () => {};
const params = paramInputs.map((c) => {
  const p = generatorParameters({ w: c.w, relearning_steps: c.relearning_steps });
  const used = fsrs({ w: c.w, relearning_steps: c.relearning_steps }).parameters.w;
  return { ...c, migrated: p.w, used: [...used] };
});

const plain = fsrs({});
const fuzzed = fsrs({ enable_fuzz: true });
const out = {
  generator: `ts-fsrs ${FSRSVersion}, defaults (retention 0.9, steps 1m 10m, relearning 10m, short-term on)`,
  cards: cards(plain, 20250318, 336, "c"),
  fuzz_cards: cards(fuzzed, 777, 64, "f"),
  params,
};
console.debug = quiet;
console.warn = loud;
// One card per line: compact, and a regenerated file diffs card by card.
const lines = (xs) => "[\n" + xs.map((x) => JSON.stringify(x)).join(",\n") + "\n]";
writeFileSync(
  "vectors.json",
  `{"generator":${JSON.stringify(out.generator)},\n"cards":${lines(out.cards)},\n"fuzz_cards":${lines(out.fuzz_cards)},\n"params":${lines(out.params)}}\n`,
);
const n = out.cards.reduce((a, c) => a + c.reviews.length, 0);
const m = out.fuzz_cards.reduce((a, c) => a + c.reviews.length, 0);
console.log(`wrote vectors.json: ${out.cards.length} cards / ${n} reviews, ${out.fuzz_cards.length} fuzz cards / ${m} reviews, ${params.length} parameter cases`);
