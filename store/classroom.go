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

// ClassSession is one classroom quiz a teacher ran or is running, with the
// state a restarted dashboard needs to carry on.
type ClassSession struct {
	ID          string
	QuizID      string
	QuizTitle   string
	Source      string // quiz file path or topic id
	Paced       string // "teacher" or "self"
	JoinCode    string
	Lang        string
	QuestionIDs []string
	TimerMS     int64
	State       string
	Current     int
	Paused      bool
	OpenedAt    time.Time
	PausedMS    int64
	PausedAt    time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// ClassParticipant is one student of a session.
type ClassParticipant struct {
	SessionID string
	Name      string
	KeyFP     string
	Lang      string
	StartedAt time.Time
	JoinedAt  time.Time
}

// ClassAnswer is one student's answer to one question of a session.
type ClassAnswer struct {
	ID         int64
	SessionID  string
	Name       string
	QuestionID string
	Position   int
	Chosen     string // option letters in file order
	Shown      string // the same options by the letters on the student's screen
	Correct    bool
	Points     int
	DurationMS int64
	AnsweredAt time.Time
}

// ErrNoClassSession and ErrAlreadyAnswered are the classroom refusals.
var (
	ErrNoClassSession  = errors.New("no such classroom session")
	ErrAlreadyAnswered = errors.New("question already answered")
)

func classTS(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseClassTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// CreateClassSession stores a new session. CreatedAt and UpdatedAt default
// to now.
func (s *Store) CreateClassSession(ctx context.Context, c ClassSession) error {
	if c.CreatedAt.IsZero() {
		c.CreatedAt = s.now()
	}
	ids, err := json.Marshal(c.QuestionIDs)
	if err != nil {
		return fmt.Errorf("classroom session %s: %w", c.ID, err)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO classroom_sessions
			(id, quiz_id, quiz_title, source, paced, join_code, lang, question_ids, timer_ms, state, current, paused, opened_at, paused_ms, paused_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.QuizID, c.QuizTitle, c.Source, c.Paced, c.JoinCode, c.Lang, string(ids), c.TimerMS,
			c.State, c.Current, c.Paused, classTS(c.OpenedAt), c.PausedMS, classTS(c.PausedAt), classTS(c.CreatedAt), classTS(c.CreatedAt))
		if err != nil {
			return fmt.Errorf("classroom session %s: %w", c.ID, err)
		}
		return nil
	})
}

// SaveClassState rewrites the moving parts of a session (state, current
// question, pause and timer bookkeeping).
func (s *Store) SaveClassState(ctx context.Context, c ClassSession) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE classroom_sessions SET state = ?, current = ?, paused = ?,
			opened_at = ?, paused_ms = ?, paused_at = ?, updated_at = ? WHERE id = ?`,
			c.State, c.Current, c.Paused, classTS(c.OpenedAt), c.PausedMS, classTS(c.PausedAt), s.stamp(), c.ID)
		if err != nil {
			return fmt.Errorf("classroom session %s: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("classroom session %s: %w", c.ID, ErrNoClassSession)
		}
		return nil
	})
}

const classSessionCols = `id, quiz_id, quiz_title, source, paced, join_code, lang, question_ids, timer_ms,
	state, current, paused, opened_at, paused_ms, paused_at, created_at, updated_at`

func scanClassSession(sc interface{ Scan(...any) error }) (ClassSession, error) {
	var c ClassSession
	var ids, opened, pausedAt, created, updated string
	err := sc.Scan(&c.ID, &c.QuizID, &c.QuizTitle, &c.Source, &c.Paced, &c.JoinCode, &c.Lang, &ids, &c.TimerMS,
		&c.State, &c.Current, &c.Paused, &opened, &c.PausedMS, &pausedAt, &created, &updated)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal([]byte(ids), &c.QuestionIDs); err != nil {
		return c, fmt.Errorf("classroom session %s: question list: %w", c.ID, err)
	}
	c.OpenedAt, c.PausedAt = parseClassTS(opened), parseClassTS(pausedAt)
	c.CreatedAt, c.UpdatedAt = parseClassTS(created), parseClassTS(updated)
	return c, nil
}

// ClassSession loads one session by id, or the newest one when id is
// "latest" or empty.
func (s *Store) ClassSession(ctx context.Context, id string) (ClassSession, error) {
	q := `SELECT ` + classSessionCols + ` FROM classroom_sessions WHERE id = ?`
	args := []any{id}
	if id == "" || strings.EqualFold(id, "latest") {
		q = `SELECT ` + classSessionCols + ` FROM classroom_sessions ORDER BY created_at DESC, rowid DESC LIMIT 1`
		args = nil
	}
	c, err := scanClassSession(s.db.QueryRowContext(ctx, q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("classroom session %q: %w", id, ErrNoClassSession)
	}
	return c, err
}

// ClassSessions lists every session, newest first.
func (s *Store) ClassSessions(ctx context.Context) ([]ClassSession, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+classSessionCols+` FROM classroom_sessions ORDER BY created_at DESC, rowid DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ClassSession
	for rows.Next() {
		c, err := scanClassSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddClassParticipant stores a student who joined. Joining again under the
// same name keeps the first row (their start time and key).
func (s *Store) AddClassParticipant(ctx context.Context, p ClassParticipant) error {
	if p.JoinedAt.IsZero() {
		p.JoinedAt = s.now()
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO classroom_participants (session_id, name, key_fp, lang, started_at, joined_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, name) DO NOTHING`,
			p.SessionID, p.Name, p.KeyFP, p.Lang, classTS(p.StartedAt), classTS(p.JoinedAt))
		if err != nil {
			return fmt.Errorf("classroom participant %q: %w", p.Name, err)
		}
		return nil
	})
}

// SetClassParticipantStart records when self-paced students' clocks
// started, all in one transaction (a class starts everyone at once).
func (s *Store) SetClassParticipantStart(ctx context.Context, sessionID string, at time.Time, names ...string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, name := range names {
			if _, err := tx.ExecContext(ctx, `UPDATE classroom_participants SET started_at = ? WHERE session_id = ? AND name = ?`,
				classTS(at), sessionID, name); err != nil {
				return err
			}
		}
		return nil
	})
}

// ClassParticipants lists a session's students in the order they joined.
func (s *Store) ClassParticipants(ctx context.Context, sessionID string) ([]ClassParticipant, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT session_id, name, key_fp, lang, started_at, joined_at
		FROM classroom_participants WHERE session_id = ? ORDER BY joined_at, rowid`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ClassParticipant
	for rows.Next() {
		var p ClassParticipant
		var started, joined string
		if err := rows.Scan(&p.SessionID, &p.Name, &p.KeyFP, &p.Lang, &started, &joined); err != nil {
			return nil, err
		}
		p.StartedAt, p.JoinedAt = parseClassTS(started), parseClassTS(joined)
		out = append(out, p)
	}
	return out, rows.Err()
}

// RecordClassAnswer commits one answer durably. A second answer by the same
// student to the same question is refused with ErrAlreadyAnswered.
func (s *Store) RecordClassAnswer(ctx context.Context, a ClassAnswer) (int64, error) {
	ids, errs, err := s.RecordClassAnswers(ctx, []ClassAnswer{a})
	if err != nil {
		return 0, err
	}
	return ids[0], errs[0]
}

// RecordClassAnswers commits several answers in one transaction, so one
// sync to disk makes all of them durable: a classroom commits the answers
// that arrive while the previous commit is being synced together. Each
// answer gets its id, or ErrAlreadyAnswered in its place in errs; err is
// for the transaction as a whole (then nothing was stored).
func (s *Store) RecordClassAnswers(ctx context.Context, as []ClassAnswer) (ids []int64, errs []error, err error) {
	ids, errs = make([]int64, len(as)), make([]error, len(as))
	err = s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO classroom_answers
			(session_id, name, question_id, position, chosen, shown, correct, points, duration_ms, answered_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, name, question_id) DO NOTHING`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, a := range as {
			if a.AnsweredAt.IsZero() {
				a.AnsweredAt = s.now()
			}
			res, err := stmt.ExecContext(ctx, a.SessionID, a.Name, a.QuestionID, a.Position, a.Chosen, a.Shown,
				a.Correct, a.Points, a.DurationMS, classTS(a.AnsweredAt))
			if err != nil {
				return fmt.Errorf("classroom answer by %q to %s: %w", a.Name, a.QuestionID, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				errs[i] = fmt.Errorf("%q, %s: %w", a.Name, a.QuestionID, ErrAlreadyAnswered)
				continue
			}
			if ids[i], err = res.LastInsertId(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return ids, errs, nil
}

// ClassAnswers returns a session's answers in the order they were given.
func (s *Store) ClassAnswers(ctx context.Context, sessionID string) ([]ClassAnswer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, session_id, name, question_id, position, chosen, shown, correct, points, duration_ms, answered_at
		FROM classroom_answers WHERE session_id = ? ORDER BY answered_at, id`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ClassAnswer
	for rows.Next() {
		var a ClassAnswer
		var at string
		if err := rows.Scan(&a.ID, &a.SessionID, &a.Name, &a.QuestionID, &a.Position, &a.Chosen, &a.Shown, &a.Correct,
			&a.Points, &a.DurationMS, &at); err != nil {
			return nil, err
		}
		a.AnsweredAt = parseClassTS(at)
		out = append(out, a)
	}
	return out, rows.Err()
}
