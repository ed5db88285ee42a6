-- Labs join the schedule: answers and srs_item accept kind 'lab'. SQLite
-- cannot change a CHECK constraint, so both tables are rebuilt with their
-- rows and indexes.
CREATE TABLE answers_new (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('question', 'card', 'lab')),
    item_id     TEXT NOT NULL,
    lang        TEXT NOT NULL,
    correct     INTEGER NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    chosen      TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0,
    source      TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL
);
INSERT INTO answers_new SELECT id, kind, item_id, lang, correct, rating, chosen, duration_ms, source, answered_at FROM answers;
DROP TABLE answers;
ALTER TABLE answers_new RENAME TO answers;
CREATE INDEX answers_item ON answers (kind, item_id, answered_at);

CREATE TABLE srs_item_next (
    kind           TEXT NOT NULL CHECK (kind IN ('card', 'question', 'lab')),
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
INSERT INTO srs_item_next SELECT kind, item_id, deck, ord, due, stability, difficulty, elapsed_days, scheduled_days,
    reps, lapses, learning_steps, state, last_review, suspended, buried_until, leech FROM srs_item;
DROP TABLE srs_item;
ALTER TABLE srs_item_next RENAME TO srs_item;
CREATE INDEX srs_item_due ON srs_item (state, due) WHERE suspended = 0;
CREATE INDEX srs_item_new ON srs_item (ord, item_id) WHERE state = 0 AND suspended = 0;
