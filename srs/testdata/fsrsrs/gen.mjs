// gen.mjs simulates learners whose memory follows FSRS-6 with known
// parameters, fits parameters to their review logs with fsrs-rs (the
// optimizer Anki uses, through @open-spaced-repetition/binding) and writes
// vectors.json: the logs, fsrs-rs's parameters, and fsrs-rs's evaluation
// (log loss, RMSE(bins)) of its parameters and of the defaults on each log.
// Deterministic: the simulation uses its own seeded generator.
import { writeFileSync } from "node:fs";
import { computeParameters, FSRSBinding } from "@open-spaced-repetition/binding";
import { items } from "./common.mjs";

const DEFAULT = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The learner's true memory, FSRS-6 formulas in double precision.
function model(w) {
  const decay = -w[20];
  const factor = Math.exp(Math.log(0.9) / decay) - 1;
  const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
  const initD = (g) => w[4] - Math.exp(w[5] * (g - 1)) + 1;
  return {
    r: (t, s) => Math.pow(1 + (factor * t) / s, decay),
    ivl: (s, ret) => (s / factor) * (Math.pow(ret, 1 / decay) - 1),
    init: (g) => ({ s: w[g - 1], d: clamp(initD(g), 1, 10) }),
    step(st, t, g) {
      const r = Math.pow(1 + (factor * t) / st.s, decay);
      let s;
      if (t === 0) {
        let inc = Math.exp(w[17] * (g - 3 + w[18])) * Math.pow(st.s, -w[19]);
        if (g >= 2) inc = Math.max(inc, 1);
        s = st.s * inc;
      } else if (g === 1) {
        s = Math.min(
          w[11] * Math.pow(st.d, -w[12]) * (Math.pow(st.s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]),
          st.s / Math.exp(w[17] * w[18]),
        );
      } else {
        s = st.s * (1 + Math.exp(w[8]) * (11 - st.d) * Math.pow(st.s, -w[9]) *
          (Math.exp((1 - r) * w[10]) - 1) * (g === 2 ? w[15] : 1) * (g === 4 ? w[16] : 1));
      }
      let d = st.d + ((10 - st.d) * (-w[6] * (g - 3))) / 9;
      d = clamp(w[7] * (initD(4) - d) + d, 1, 10);
      return { s: clamp(s, 0.001, 36500), d };
    },
  };
}

// simulate writes cards until the log holds `size` reviews. sameDay adds
// learning and relearning steps (reviews on the day of a first answer or a
// lapse) the way a learner with steps produces them.
function simulate({ seed, size, w, sameDay, newPerDay, retention }) {
  const rnd = mulberry32(seed);
  const m = model(w);
  const cards = [];
  let total = 0;
  for (let ci = 0; total < size; ci++) {
    const start = Math.floor(ci / newPerDay);
    const reviews = [];
    const add = (g, dt) => {
      reviews.push([g, dt]);
      total++;
    };
    const u = rnd();
    const g0 = u < 0.2 ? 1 : u < 0.32 ? 2 : u < 0.9 ? 3 : 4;
    let st = m.init(g0);
    add(g0, 0);
    if (sameDay && g0 <= 2) {
      const g = rnd() < 0.25 ? 1 : 3;
      st = m.step(st, 0, g);
      add(g, 0);
      if (g === 1) {
        st = m.step(st, 0, 3);
        add(3, 0);
      }
    }
    let day = start;
    const horizon = 400 + Math.floor(rnd() * 300);
    while (total < size) {
      const planned = Math.max(1, Math.round(m.ivl(st.s, retention)));
      const dt = Math.max(1, Math.round(planned * (0.75 + rnd() * 0.6)));
      day += dt;
      if (day - start > horizon) break;
      const recalled = rnd() < m.r(dt, st.s);
      let g = 1;
      if (recalled) {
        const v = rnd();
        g = v < 0.12 ? 2 : v < 0.9 ? 3 : 4;
      }
      st = m.step(st, dt, g);
      add(g, dt);
      if (sameDay && g === 1 && total < size) {
        const g2 = rnd() < 0.2 ? 1 : 3;
        st = m.step(st, 0, g2);
        add(g2, 0);
        if (g2 === 1 && total < size) {
          st = m.step(st, 0, 3);
          add(3, 0);
        }
      }
    }
    cards.push({ start, reviews });
  }
  return cards;
}

// Learners: the defaults changed in a few directions, so the fit has
// something to find.
function learner(seed) {
  const rnd = mulberry32(seed * 7919);
  return DEFAULT.map((x, i) => {
    if (i === 7 || i === 20) return x;
    const f = 0.6 + rnd() * 0.8;
    return +(x * f).toFixed(4);
  });
}

const logs = [
  { name: "learner-500", seed: 1, size: 500, sameDay: false, newPerDay: 4, retention: 0.9 },
  { name: "learner-2000", seed: 2, size: 2000, sameDay: false, newPerDay: 8, retention: 0.85 },
  { name: "learner-10000", seed: 3, size: 10000, sameDay: false, newPerDay: 15, retention: 0.9 },
  { name: "learner-50000", seed: 4, size: 50000, sameDay: false, newPerDay: 40, retention: 0.92 },
  { name: "same-day-lapses-6000", seed: 5, size: 6000, sameDay: true, newPerDay: 10, retention: 0.8 },
];

const out = {
  generator: "srs/testdata/fsrsrs/gen.mjs",
  reference: "@open-spaced-repetition/binding 0.5.0 (fsrs-rs 6.5.0), computeParameters with enableShortTerm true",
  logs: [],
};
for (const spec of logs) {
  const w = learner(spec.seed);
  const cards = simulate({ ...spec, w });
  const set = items(cards);
  const t0 = performance.now();
  const params = await computeParameters(set, { enableShortTerm: true });
  const ms = performance.now() - t0;
  const fitted = new FSRSBinding(params).evaluate(set);
  const defaults = new FSRSBinding(DEFAULT).evaluate(set);
  const reviews = cards.reduce((n, c) => n + c.reviews.length, 0);
  console.log(
    `${spec.name}: ${reviews} reviews, ${set.length} items, fit ${ms.toFixed(0)} ms, ` +
      `log loss ${defaults.logLoss.toFixed(5)} -> ${fitted.logLoss.toFixed(5)}`,
  );
  out.logs.push({
    name: spec.name,
    true_parameters: w,
    reviews,
    items: set.length,
    parameters: params,
    log_loss: fitted.logLoss,
    rmse_bins: fitted.rmseBins,
    default_log_loss: defaults.logLoss,
    default_rmse_bins: defaults.rmseBins,
    cards: cards.map((c) => ({ start: c.start, reviews: c.reviews })),
  });
}
// One card per line keeps the file diffable and small.
let text = JSON.stringify(out, null, 1);
text = text.replace(/\[\n\s*(\d+),\n\s*(\d+)\n\s*\]/g, "[$1,$2]");
text = text.replace(/"reviews": \[\n\s*((?:\[\d+,\d+\],?\n?\s*)+)\]/g, (_, inner) =>
  `"reviews": [${inner.replace(/\s+/g, "")}]`,
);
writeFileSync(new URL("./vectors.json", import.meta.url), text + "\n");
