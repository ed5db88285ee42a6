-- Mock exams: one row per attempt. state is the quiz.ExamState JSON,
-- rewritten after every answer and flag so a crash loses nothing; the
-- score columns are filled in when the exam is submitted.
CREATE TABLE exams (
    id           INTEGER PRIMARY KEY,
    lang         TEXT NOT NULL,
    state        TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    submitted    INTEGER NOT NULL DEFAULT 0,
    submitted_at TEXT NOT NULL DEFAULT '',
    total        INTEGER NOT NULL DEFAULT 0,
    correct      INTEGER NOT NULL DEFAULT 0,
    percent      REAL NOT NULL DEFAULT 0,
    domains      TEXT NOT NULL DEFAULT '[]',  -- JSON: [{domain, correct, total, percent}]
    time_used_ms INTEGER NOT NULL DEFAULT 0
);
-- "Is there an exam to resume?" reads the newest unsubmitted row.
CREATE INDEX exams_open ON exams (submitted, id);

-- Questions a learner reported as wrong or unclear, with the content
-- version they saw, so an author can check the exact text.
CREATE TABLE question_reports (
    id              INTEGER PRIMARY KEY,
    question_id     TEXT NOT NULL,
    lang            TEXT NOT NULL,
    note            TEXT NOT NULL,
    content_version TEXT NOT NULL DEFAULT '',
    reported_at     TEXT NOT NULL
);
