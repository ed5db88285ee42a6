-- Every graded answer, committed before the screen moves on. kind is
-- 'question' or 'card'; rating is the scheduler grade (1 Again … 4 Easy).
CREATE TABLE answers (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('question', 'card')),
    item_id     TEXT NOT NULL,
    lang        TEXT NOT NULL,
    correct     INTEGER NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    chosen      TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0,
    source      TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL
);
CREATE INDEX answers_item ON answers (kind, item_id, answered_at);
