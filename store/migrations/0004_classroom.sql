-- Classroom quizzes served over SSH. One row per session a teacher runs;
-- its state columns are rewritten on every teacher action so a restarted
-- dashboard picks the session up exactly where it was.
CREATE TABLE classroom_sessions (
    id           TEXT PRIMARY KEY,
    quiz_id      TEXT NOT NULL,
    quiz_title   TEXT NOT NULL,
    source       TEXT NOT NULL,             -- quiz file path or topic id
    paced        TEXT NOT NULL CHECK (paced IN ('teacher', 'self')),
    join_code    TEXT NOT NULL,
    lang         TEXT NOT NULL,
    question_ids TEXT NOT NULL,             -- JSON array, in quiz order
    timer_ms     INTEGER NOT NULL DEFAULT 0,  -- per question; 0 = no timer
    state        TEXT NOT NULL,
    current      INTEGER NOT NULL DEFAULT -1, -- teacher-paced: question shown
    paused       INTEGER NOT NULL DEFAULT 0,
    opened_at    TEXT NOT NULL DEFAULT '',  -- when the current question (or self-paced run) opened
    paused_ms    INTEGER NOT NULL DEFAULT 0,  -- time spent paused since opened_at
    paused_at    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- Everyone who joined a session. key_fp is the SHA256 fingerprint of the
-- SSH key they authenticated with ('' for keyboard-interactive), used to
-- let the same person resume under the same name.
CREATE TABLE classroom_participants (
    session_id TEXT NOT NULL REFERENCES classroom_sessions (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    key_fp     TEXT NOT NULL DEFAULT '',
    lang       TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL DEFAULT '',    -- self-paced: when their clock started
    joined_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, name)
);

-- Every answer, committed when given. One answer per student and question.
CREATE TABLE classroom_answers (
    id          INTEGER PRIMARY KEY,
    session_id  TEXT NOT NULL,
    name        TEXT NOT NULL,
    question_id TEXT NOT NULL,
    position    INTEGER NOT NULL,
    chosen      TEXT NOT NULL,              -- option letters in file order
    correct     INTEGER NOT NULL,
    points      INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    answered_at TEXT NOT NULL,
    UNIQUE (session_id, name, question_id),
    FOREIGN KEY (session_id, name) REFERENCES classroom_participants (session_id, name) ON DELETE CASCADE
);
CREATE INDEX classroom_answers_session ON classroom_answers (session_id, answered_at, id);
