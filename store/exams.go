package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrNoSuchExam is returned for an exam id that is not stored.
var ErrNoSuchExam = errors.New("ResourceNotFoundException: no such exam")

// ErrExamSubmitted is returned when an exam that was already submitted is
// written to as if it were still running.
var ErrExamSubmitted = errors.New("ConditionalCheckFailedException: the exam was already submitted")

// ErrExamAbandoned is returned when an exam that was set aside for a new
// one is written to as if it were still running.
var ErrExamAbandoned = errors.New("ConditionalCheckFailedException: the exam was abandoned for a new one")

// ExamDomain is one domain's share of a submitted exam.
type ExamDomain struct {
	Domain  string  `json:"domain"`
	Correct int     `json:"correct"`
	Total   int     `json:"total"`
	Percent float64 `json:"percent"`
}

// ExamScore is what FinishExam stores next to the final state.
type ExamScore struct {
	Total    int
	Correct  int
	Percent  float64
	Domains  []ExamDomain
	TimeUsed time.Duration
}

// ExamRecord is one stored exam attempt. State is the quiz.ExamState JSON,
// kept opaque here so the store does not depend on the exam rules.
type ExamRecord struct {
	ID          int64           `json:"id"`
	Lang        string          `json:"lang"`
	State       json.RawMessage `json:"-"`
	StartedAt   time.Time       `json:"started_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
	Submitted   bool            `json:"submitted"`
	SubmittedAt time.Time       `json:"submitted_at,omitzero"`
	// Abandoned: left unfinished when a new exam started; its state keeps
	// the answers it had.
	Abandoned   bool         `json:"abandoned,omitempty"`
	AbandonedAt time.Time    `json:"abandoned_at,omitzero"`
	Total       int          `json:"questions"`
	Correct     int          `json:"correct"`
	Percent     float64      `json:"percent"`
	Domains     []ExamDomain `json:"domains"`
	TimeUsedMS  int64        `json:"time_used_ms"`
}

// StartExam stores a new exam with its first state and returns its id.
func (s *Store) StartExam(ctx context.Context, lang string, state []byte) (int64, error) {
	return s.ReplaceExam(ctx, 0, lang, state)
}

// ReplaceExam sets the unfinished exam old aside (see AbandonExam) and
// stores a new exam with its first state, in one transaction; old 0 sets
// nothing aside.
func (s *Store) ReplaceExam(ctx context.Context, old int64, lang string, state []byte) (int64, error) {
	if !json.Valid(state) {
		return 0, fmt.Errorf("ValidationException: exam state is not valid JSON")
	}
	now := s.stamp()
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if old != 0 {
			if err := abandon(ctx, tx, old, now); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO exams (lang, state, started_at, updated_at) VALUES (?, ?, ?, ?)`,
			lang, string(state), now, now)
		if err != nil {
			return fmt.Errorf("%s: storing the exam: %w", s.path, err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// SaveExamState rewrites a running exam's state (after an answer or a
// flag) in one durable transaction, so a crash resumes from exactly here.
func (s *Store) SaveExamState(ctx context.Context, id int64, state []byte) error {
	if !json.Valid(state) {
		return fmt.Errorf("ValidationException: exam state is not valid JSON")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := openExam(ctx, tx, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE exams SET state = ?, updated_at = ? WHERE id = ?`, string(state), s.stamp(), id)
		if err != nil {
			return fmt.Errorf("%s: saving exam %d: %w", s.path, id, err)
		}
		return nil
	})
}

// openExam checks that exam id exists, is not submitted and not abandoned.
func openExam(ctx context.Context, tx *sql.Tx, id int64) error {
	var submitted, abandoned bool
	err := tx.QueryRowContext(ctx, `SELECT submitted, abandoned FROM exams WHERE id = ?`, id).Scan(&submitted, &abandoned)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("exam %d: %w", id, ErrNoSuchExam)
	}
	if err != nil {
		return err
	}
	if submitted {
		return fmt.Errorf("exam %d: %w", id, ErrExamSubmitted)
	}
	if abandoned {
		return fmt.Errorf("exam %d: %w", id, ErrExamAbandoned)
	}
	return nil
}

// FinishExam stores the final state and the score of a submitted exam.
func (s *Store) FinishExam(ctx context.Context, id int64, state []byte, sc ExamScore) error {
	if !json.Valid(state) {
		return fmt.Errorf("ValidationException: exam state is not valid JSON")
	}
	if sc.Domains == nil {
		sc.Domains = []ExamDomain{}
	}
	doms, err := json.Marshal(sc.Domains)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := openExam(ctx, tx, id); err != nil {
			return err
		}
		now := s.stamp()
		_, err := tx.ExecContext(ctx, `UPDATE exams SET state = ?, updated_at = ?, submitted = 1, submitted_at = ?,
			total = ?, correct = ?, percent = ?, domains = ?, time_used_ms = ? WHERE id = ?`,
			string(state), now, now, sc.Total, sc.Correct, sc.Percent, string(doms), sc.TimeUsed.Milliseconds(), id)
		if err != nil {
			return fmt.Errorf("%s: finishing exam %d: %w", s.path, id, err)
		}
		return nil
	})
}

// AbandonExam sets an unfinished exam aside, keeping its state and
// answers: it no longer offers itself for resuming and is listed in the
// history as abandoned.
func (s *Store) AbandonExam(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return abandon(ctx, tx, id, s.stamp()) })
}

func abandon(ctx context.Context, tx *sql.Tx, id int64, now string) error {
	if err := openExam(ctx, tx, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE exams SET abandoned = 1, abandoned_at = ?, updated_at = ? WHERE id = ?`, now, now, id); err != nil {
		return fmt.Errorf("setting exam %d aside: %w", id, err)
	}
	return nil
}

const examCols = `id, lang, state, started_at, updated_at, submitted, submitted_at, total, correct, percent, domains, time_used_ms, abandoned, abandoned_at`

func scanExam(r scanner) (ExamRecord, error) {
	var e ExamRecord
	var state, started, updated, subAt, doms, abAt string
	if err := r.Scan(&e.ID, &e.Lang, &state, &started, &updated, &e.Submitted, &subAt, &e.Total, &e.Correct, &e.Percent, &doms, &e.TimeUsedMS, &e.Abandoned, &abAt); err != nil {
		return e, err
	}
	if abAt != "" {
		e.AbandonedAt, _ = time.Parse(time.RFC3339Nano, abAt)
	}
	e.State = json.RawMessage(state)
	e.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
	e.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
	if subAt != "" {
		e.SubmittedAt, _ = time.Parse(time.RFC3339Nano, subAt)
	}
	if err := json.Unmarshal([]byte(doms), &e.Domains); err != nil {
		e.Domains = nil
	}
	if e.Domains == nil {
		e.Domains = []ExamDomain{}
	}
	return e, nil
}

// Exam returns one stored exam.
func (s *Store) Exam(ctx context.Context, id int64) (ExamRecord, error) {
	e, err := scanExam(s.db.QueryRowContext(ctx, `SELECT `+examCols+` FROM exams WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("exam %d: %w", id, ErrNoSuchExam)
	}
	return e, err
}

// UnfinishedExam returns the newest exam that was started and never
// submitted (a crash or a closed terminal); ok is false when there is none.
func (s *Store) UnfinishedExam(ctx context.Context) (e ExamRecord, ok bool, err error) {
	e, err = scanExam(s.db.QueryRowContext(ctx, `SELECT `+examCols+` FROM exams WHERE submitted = 0 AND abandoned = 0 ORDER BY id DESC LIMIT 1`))
	if errors.Is(err, sql.ErrNoRows) {
		return ExamRecord{}, false, nil
	}
	if err != nil {
		return ExamRecord{}, false, fmt.Errorf("%s: reading exams: %w", s.path, err)
	}
	return e, true, nil
}

// ExamHistory lists submitted and abandoned exams, newest first (by when
// each was submitted or set aside).
func (s *Store) ExamHistory(ctx context.Context) ([]ExamRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+examCols+` FROM exams WHERE submitted = 1 OR abandoned = 1
		ORDER BY CASE WHEN submitted = 1 THEN submitted_at ELSE abandoned_at END DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("%s: reading exams: %w", s.path, err)
	}
	defer rows.Close()
	out := []ExamRecord{}
	for rows.Next() {
		e, err := scanExam(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// QuestionReport is a learner's note that a question is wrong or unclear.
type QuestionReport struct {
	ID             int64     `json:"id"`
	QuestionID     string    `json:"question_id"`
	Lang           string    `json:"lang"`
	Note           string    `json:"note"`
	ContentVersion string    `json:"content_version"`
	ReportedAt     time.Time `json:"reported_at"`
}

// ReportQuestion stores a report and returns its id. An empty note or
// question id is refused: a report nobody can act on is noise.
func (s *Store) ReportQuestion(ctx context.Context, r QuestionReport) (int64, error) {
	r.Note = strings.TrimSpace(r.Note)
	if r.QuestionID == "" || r.Note == "" {
		return 0, fmt.Errorf("ValidationException: a report needs a question id and a note")
	}
	at := s.stamp()
	if !r.ReportedAt.IsZero() {
		at = r.ReportedAt.UTC().Format(time.RFC3339Nano)
	}
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO question_reports (question_id, lang, note, content_version, reported_at) VALUES (?, ?, ?, ?, ?)`,
			r.QuestionID, r.Lang, r.Note, r.ContentVersion, at)
		if err != nil {
			return fmt.Errorf("%s: storing the report: %w", s.path, err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// QuestionReports lists every report, oldest first.
func (s *Store) QuestionReports(ctx context.Context) ([]QuestionReport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, question_id, lang, note, content_version, reported_at FROM question_reports ORDER BY reported_at, id`)
	if err != nil {
		return nil, fmt.Errorf("%s: reading reports: %w", s.path, err)
	}
	defer rows.Close()
	out := []QuestionReport{}
	for rows.Next() {
		var r QuestionReport
		var at string
		if err := rows.Scan(&r.ID, &r.QuestionID, &r.Lang, &r.Note, &r.ContentVersion, &at); err != nil {
			return nil, err
		}
		r.ReportedAt, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, r)
	}
	return out, rows.Err()
}
