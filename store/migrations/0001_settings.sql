-- Settings chosen on the Settings screen (language, theme, …), and where
-- the learner stopped reading each note.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE note_position (
    lang       TEXT NOT NULL,
    note_id    TEXT NOT NULL,
    line       INTEGER NOT NULL DEFAULT 0,
    read_pct   INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (lang, note_id)
);
