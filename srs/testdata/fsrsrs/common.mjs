// Shared by gen.mjs and bench.mjs: turning a card history into the items
// fsrs-rs trains on, exactly as the Go package does (srs.ItemsFromCards).
import { FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";

// A card is {start, reviews: [[rating, delta_t], ...]}; the first review has
// delta_t 0. Each later review with delta_t > 0 makes one item: the card's
// reviews up to and including it. Items are ordered by the day of their last
// review, then by card, then by position (the order recency weights use).
export function items(cards) {
  const out = [];
  cards.forEach((card, ci) => {
    let day = card.start;
    card.reviews.forEach(([, dt], i) => {
      day += dt;
      if (i > 0 && dt > 0) out.push({ day, ci, i });
    });
  });
  out.sort((a, b) => a.day - b.day || a.ci - b.ci || a.i - b.i);
  return out.map(({ ci, i }) =>
    new FSRSBindingItem(
      cards[ci].reviews.slice(0, i + 1).map(([r, dt]) => new FSRSBindingReview(r, dt)),
    ),
  );
}

// doubled returns the cards twice, the copy starting a year later: a bigger
// log with the same shape, for benchmarks.
export function doubled(cards) {
  return cards.concat(cards.map((c) => ({ start: c.start + 365, reviews: c.reviews })));
}
