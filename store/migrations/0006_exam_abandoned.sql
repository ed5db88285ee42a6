-- An unfinished exam is never deleted: starting a new one marks it
-- abandoned, and it stays in the history with the answers it had.
ALTER TABLE exams ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exams ADD COLUMN abandoned_at TEXT NOT NULL DEFAULT '';
