// Package classroom runs a quiz for a room of students over SSH: each
// student takes it in their own terminal while the teacher watches a live
// dashboard. Room is the session state machine (who joined, what was
// answered, which question is open); it commits every answer to the store
// before acknowledging it. Server wires a Room to wish; the student and
// dashboard Bubble Tea models draw Room snapshots.
package classroom

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/store"
)

// Clock tells the time: the wall clock in a class, a virtual one in tests.
type Clock interface{ Now() time.Time }

// Paced says who moves the quiz on.
type Paced string

// The two ways to run a quiz.
const (
	TeacherPaced Paced = "teacher" // everyone on the same question, the teacher moves on
	SelfPaced    Paced = "self"    // each student at their own speed
)

// Phase is where a session is. Self-paced sessions use Lobby, Open (running)
// and Ended; teacher-paced ones go Open → Closed → Revealed → Board for
// each question.
type Phase string

// Session phases.
const (
	Lobby    Phase = "lobby"
	Open     Phase = "open"
	Closed   Phase = "closed"
	Revealed Phase = "revealed"
	Board    Phase = "board"
	Ended    Phase = "ended"
)

// Points for a right answer and the most a fast one adds. The bonus falls
// linearly from SpeedBonus at 0 s to 0 at the question's time limit
// (DefaultLimit when the quiz has no timer).
const (
	BasePoints   = 100
	SpeedBonus   = 50
	DefaultLimit = 60 * time.Second
)

// Error is a refusal shaped like an AWS error.
type Error struct {
	Code    string
	Message string
}

// Error renders "Code: Message".
func (e *Error) Error() string { return e.Code + ": " + e.Message }

func errState(format string, a ...any) error {
	return &Error{Code: "InvalidStateException", Message: fmt.Sprintf(format, a...)}
}

// Config starts a new session.
type Config struct {
	Store     *store.Store
	Clock     Clock
	Quiz      Quiz
	Paced     Paced
	Code      string
	Timer     time.Duration // per question; 0 for none
	SessionID string
}

// Room is one live classroom session. Every method is safe for concurrent
// use by the server's sessions and the dashboard.
type Room struct {
	mu       sync.Mutex
	joinMu   sync.Mutex // held by Join (outside mu) while a new student is stored
	st       *store.Store
	clk      Clock
	quiz     Quiz
	seed     uint64
	sess     store.ClassSession
	students map[string]*student
	order    []string
	subs     map[int]subscriber
	nextSub  int
	commits  batcher
}

// subscriber is a channel woken by changes; a student's only by changes
// to what everyone sees (a teacher's action), the dashboard's by every
// change (joins, answers).
type subscriber struct {
	ch  chan struct{}
	all bool
}

type student struct {
	name, fp  string
	lang      content.Lang
	conns     int
	startedAt time.Time
	shownAt   time.Time
	answers   []store.ClassAnswer // by position, in order
	pending   int                 // position of an answer being committed, -1 for none
	score     int
	correct   int
	took      int64
}

// NewRoom creates a session in the store and returns it in the lobby.
func NewRoom(ctx context.Context, cfg Config) (*Room, error) {
	if cfg.Quiz.Len() == 0 {
		return nil, &Error{Code: "ValidationException", Message: "the quiz has no questions"}
	}
	if cfg.Paced != TeacherPaced && cfg.Paced != SelfPaced {
		return nil, &Error{Code: "ValidationException", Message: fmt.Sprintf("paced %q: use teacher or self", cfg.Paced)}
	}
	if cfg.Code == "" {
		return nil, &Error{Code: "ValidationException", Message: "a join code is required"}
	}
	sess := store.ClassSession{
		ID: cfg.SessionID, QuizID: cfg.Quiz.ID, QuizTitle: cfg.Quiz.Title, Source: cfg.Quiz.Source,
		Paced: string(cfg.Paced), JoinCode: cfg.Code, Lang: string(cfg.Quiz.Lang), QuestionIDs: cfg.Quiz.IDs(),
		TimerMS: cfg.Timer.Milliseconds(), State: string(Lobby), Current: -1, CreatedAt: cfg.Clock.Now(),
	}
	if sess.ID == "" {
		sess.ID = cfg.Clock.Now().UTC().Format("20060102-150405")
	}
	if err := cfg.Store.CreateClassSession(ctx, sess); err != nil {
		return nil, fmt.Errorf("new classroom session: %w", err)
	}
	return newRoom(cfg.Store, cfg.Clock, cfg.Quiz, sess), nil
}

func newRoom(st *store.Store, clk Clock, q Quiz, sess store.ClassSession) *Room {
	h := fnv.New64a()
	_, _ = h.Write([]byte(sess.ID))
	return &Room{st: st, clk: clk, quiz: q, seed: h.Sum64(), sess: sess,
		students: map[string]*student{}, subs: map[int]subscriber{}, commits: batcher{st: st}}
}

// ResumeRoom reopens a stored session as it was: phase, current question,
// students and every answer. q must hold the same questions in the same
// order (it is loaded again from the session's Source).
func ResumeRoom(ctx context.Context, st *store.Store, clk Clock, q Quiz, id string) (*Room, error) {
	sess, err := st.ClassSession(ctx, id)
	if err != nil {
		return nil, err
	}
	ids := q.IDs()
	if len(ids) != len(sess.QuestionIDs) {
		return nil, &Error{Code: "ValidationException", Message: fmt.Sprintf("session %s has %d questions but the quiz now has %d", sess.ID, len(sess.QuestionIDs), len(ids))}
	}
	for i := range ids {
		if ids[i] != sess.QuestionIDs[i] {
			return nil, &Error{Code: "ValidationException", Message: fmt.Sprintf("session %s question %d was %s, the quiz now has %s", sess.ID, i+1, sess.QuestionIDs[i], ids[i])}
		}
	}
	r := newRoom(st, clk, q, sess)
	ps, err := st.ClassParticipants(ctx, sess.ID)
	if err != nil {
		return nil, fmt.Errorf("resume %s: %w", sess.ID, err)
	}
	for _, p := range ps {
		lang, _ := content.ParseLang(p.Lang)
		s := &student{name: p.Name, fp: p.KeyFP, lang: lang, startedAt: p.StartedAt, shownAt: clk.Now(), pending: -1}
		r.students[p.Name] = s
		r.order = append(r.order, p.Name)
	}
	as, err := st.ClassAnswers(ctx, sess.ID)
	if err != nil {
		return nil, fmt.Errorf("resume %s: %w", sess.ID, err)
	}
	for _, a := range as {
		if s := r.students[a.Name]; s != nil {
			s.add(a)
		}
	}
	return r, nil
}

func (s *student) add(a store.ClassAnswer) {
	s.answers = append(s.answers, a)
	s.score += a.Points
	s.took += a.DurationMS
	if a.Correct {
		s.correct++
	}
}

func (s *student) answer(pos int) *store.ClassAnswer {
	for i := range s.answers {
		if s.answers[i].Position == pos {
			return &s.answers[i]
		}
	}
	return nil
}

// ID is the session id.
func (r *Room) ID() string { return r.sess.ID }

// Code is the join code.
func (r *Room) Code() string { return r.sess.JoinCode }

// Quiz is the quiz being run.
func (r *Room) Quiz() Quiz { return r.quiz }

// Subscribe returns a channel that receives a value (coalesced) whenever
// the room changes, and a function to stop. It is for the dashboard;
// students use SubscribePhase.
func (r *Room) Subscribe() (<-chan struct{}, func()) { return r.subscribe(true) }

// SubscribePhase is Subscribe for what every student sees: it is woken by
// the teacher's actions, not by each join and answer, so that an answer
// does not redraw every screen in the room.
func (r *Room) SubscribePhase() (<-chan struct{}, func()) { return r.subscribe(false) }

func (r *Room) subscribe(all bool) (<-chan struct{}, func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	id := r.nextSub
	r.nextSub++
	ch := make(chan struct{}, 1)
	r.subs[id] = subscriber{ch: ch, all: all}
	return ch, func() {
		r.mu.Lock()
		delete(r.subs, id)
		r.mu.Unlock()
	}
}

// changed wakes the dashboard's subscribers (everyone's too when phase
// is set: what every student sees changed); r.mu is held.
func (r *Room) changed(phase bool) {
	for _, sub := range r.subs {
		if !sub.all && !phase {
			continue
		}
		select {
		case sub.ch <- struct{}{}:
		default:
		}
	}
}

// Join admits a student under name (sanitised). The same key (or, for
// keyless logins, a name nobody is using right now) resumes an existing
// student; anyone else gets the name with a numeric suffix. A new
// student is stored before Join returns, without holding the room while
// that is synced to disk: joins wait for each other, but answers and
// screens do not wait for a join.
func (r *Room) Join(ctx context.Context, name, keyFP string, lang content.Lang) (string, bool, error) {
	name = SanitizeName(name)
	r.joinMu.Lock()
	defer r.joinMu.Unlock()
	r.mu.Lock()
	if Phase(r.sess.State) == Ended {
		r.mu.Unlock()
		return "", false, errState("the session has ended")
	}
	final := name
	for n := 2; ; n++ {
		s, taken := r.students[final]
		if !taken {
			break
		}
		if s.fp == keyFP && (keyFP != "" || s.conns == 0) {
			s.conns++
			s.shownAt = r.clk.Now()
			if lang != "" {
				s.lang = lang
			}
			r.changed(false)
			r.mu.Unlock()
			return final, true, nil
		}
		final = withSuffix(name, n)
	}
	now := r.clk.Now()
	s := &student{name: final, fp: keyFP, lang: lang, conns: 1, shownAt: now, pending: -1}
	if r.sess.Paced == string(SelfPaced) && Phase(r.sess.State) == Open {
		s.startedAt = now
	}
	id := r.sess.ID
	r.mu.Unlock()
	// Only joins add students, and they hold joinMu: final stays free.
	p := store.ClassParticipant{SessionID: id, Name: final, KeyFP: keyFP, Lang: string(lang), StartedAt: s.startedAt, JoinedAt: now}
	if err := r.st.AddClassParticipant(ctx, p); err != nil {
		return "", false, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.students[final] = s
	r.order = append(r.order, final)
	r.changed(false)
	return final, false, nil
}

// Leave records that one of a student's connections closed.
func (r *Room) Leave(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.students[name]; s != nil && s.conns > 0 {
		s.conns--
		r.changed(false)
	}
}

// SetLang remembers the language a student switched to.
func (r *Room) SetLang(name string, lang content.Lang) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.students[name]; s != nil {
		s.lang = lang
	}
}

// Presented is question i as every student sees it: one option order for
// the whole session, so "b" means the same to everyone in the room.
func (r *Room) Presented(lang content.Lang, i int) quiz.Presented {
	return quiz.Present(r.quiz.Question(lang, i), r.seed)
}

// Answer grades a student's answer to question pos (chosen as original
// option indexes), commits it to the store and only then returns it. The
// room is not locked while the answer is synced to disk: answers that
// arrive meanwhile are committed together in the next transaction (see
// batcher), and screens keep drawing.
func (r *Room) Answer(ctx context.Context, name string, pos int, chosen []int) (store.ClassAnswer, error) {
	r.mu.Lock()
	s := r.students[name]
	if s == nil {
		r.mu.Unlock()
		return store.ClassAnswer{}, &Error{Code: "NotJoinedException", Message: fmt.Sprintf("%q has not joined", name)}
	}
	now := r.clk.Now()
	if err := r.canAnswer(s, pos, now); err != nil {
		r.mu.Unlock()
		return store.ClassAnswer{}, err
	}
	p := r.Presented(s.lang, pos)
	if err := quiz.Validate(p, chosen); err != nil {
		r.mu.Unlock()
		return store.ClassAnswer{}, err
	}
	res := quiz.Grade(p, chosen)
	took := now.Sub(s.shownAt)
	if r.sess.Paced == string(TeacherPaced) {
		took = now.Sub(r.sess.OpenedAt) - time.Duration(r.sess.PausedMS)*time.Millisecond
	}
	a := store.ClassAnswer{SessionID: r.sess.ID, Name: name, QuestionID: p.QuestionID, Position: pos,
		Chosen: quiz.Letters(res.Chosen), Shown: p.ShownLetters(res.Chosen), Correct: res.Correct, Points: Points(res.Correct, took, r.limit()),
		DurationMS: max(took, 0).Milliseconds(), AnsweredAt: now}
	s.pending = pos // a second answer to pos is refused while this one commits
	r.mu.Unlock()

	id, err := r.commits.commit(ctx, a)

	r.mu.Lock()
	defer r.mu.Unlock()
	s.pending = -1
	if err != nil {
		if errors.Is(err, store.ErrAlreadyAnswered) {
			return store.ClassAnswer{}, &Error{Code: "ConflictException", Message: "you already answered this question"}
		}
		return store.ClassAnswer{}, err
	}
	a.ID = id
	s.add(a)
	s.shownAt = now
	r.changed(false)
	return a, nil
}

func (r *Room) canAnswer(s *student, pos int, now time.Time) error {
	if r.sess.Paused {
		return errState("the quiz is paused")
	}
	if pos < 0 || pos >= r.quiz.Len() {
		return &Error{Code: "ValidationException", Message: fmt.Sprintf("no question %d", pos+1)}
	}
	if s.answer(pos) != nil || s.pending >= 0 {
		return &Error{Code: "ConflictException", Message: "you already answered this question"}
	}
	ph := Phase(r.sess.State)
	if r.sess.Paced == string(TeacherPaced) {
		if ph != Open || pos != r.sess.Current {
			return errState("question %d is not open", pos+1)
		}
		if d, ok := r.remaining(now); ok && d <= 0 {
			return &Error{Code: "TimeUpException", Message: "time is up for this question"}
		}
		return nil
	}
	if ph != Open {
		return errState("the quiz is %s", ph)
	}
	if pos != len(s.answers) {
		return errState("answer question %d first", len(s.answers)+1)
	}
	if d, ok := r.studentRemaining(s, now); ok && d <= 0 {
		return &Error{Code: "TimeUpException", Message: "your time is up"}
	}
	return nil
}
