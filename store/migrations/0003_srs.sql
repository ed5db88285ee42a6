-- Spaced repetition: the schedule state of every item (a flashcard, one
-- cloze number of a flashcard, or a question), the log of every review,
-- and the learner's own decks. Times are Unix nanoseconds (0 = never).
CREATE TABLE srs_item (
    kind           TEXT NOT NULL CHECK (kind IN ('card', 'question')),
    item_id        TEXT NOT NULL,
    deck           TEXT NOT NULL DEFAULT '',
    ord            INTEGER NOT NULL DEFAULT 0,
    due            INTEGER NOT NULL,
    stability      REAL NOT NULL DEFAULT 0,
    difficulty     REAL NOT NULL DEFAULT 0,
    elapsed_days   INTEGER NOT NULL DEFAULT 0,
    scheduled_days INTEGER NOT NULL DEFAULT 0,
    reps           INTEGER NOT NULL DEFAULT 0,
    lapses         INTEGER NOT NULL DEFAULT 0,
    learning_steps INTEGER NOT NULL DEFAULT 0,
    state          INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
    last_review    INTEGER NOT NULL DEFAULT 0,
    suspended      INTEGER NOT NULL DEFAULT 0,
    buried_until   INTEGER NOT NULL DEFAULT 0,
    leech          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, item_id)
) WITHOUT ROWID;
-- "Due now": unsuspended items by state and due time, so the learning
-- steps and the most overdue reviews are range scans.
CREATE INDEX srs_item_due ON srs_item (state, due) WHERE suspended = 0;
-- New items in the order they are introduced.
CREATE INDEX srs_item_new ON srs_item (ord, item_id) WHERE state = 0 AND suspended = 0;

-- One row per rating. prev holds the item's state before the review as
-- JSON, so the last review can be undone exactly.
CREATE TABLE srs_review (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    state_before   INTEGER NOT NULL,
    state_after    INTEGER NOT NULL,
    stability      REAL NOT NULL,
    difficulty     REAL NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    due            INTEGER NOT NULL,
    reviewed_at    INTEGER NOT NULL,
    duration_ms    INTEGER NOT NULL DEFAULT 0,
    prev           TEXT NOT NULL
);
CREATE INDEX srs_review_item ON srs_review (kind, item_id, reviewed_at);
-- Today's counts read this index alone (it covers state_before).
CREATE INDEX srs_review_at ON srs_review (reviewed_at, state_before);

-- Decks the learner added: a content folder (path) or cards imported from
-- a CSV/TSV file (kept in srs_deck_card).
CREATE TABLE srs_deck (
    id         TEXT PRIMARY KEY,
    source     TEXT NOT NULL CHECK (source IN ('folder', 'import')),
    path       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE srs_deck_card (
    deck    TEXT NOT NULL REFERENCES srs_deck (id) ON DELETE CASCADE,
    card_id TEXT NOT NULL,
    ord     INTEGER NOT NULL,
    front   TEXT NOT NULL,
    back    TEXT NOT NULL,
    tags    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (deck, card_id)
);
