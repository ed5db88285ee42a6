package classroom

import (
	"context"
	"time"

	"github.com/saa-study/saa-study/store"
)

// Action is a teacher's command on the dashboard.
type Action string

// Teacher actions. Next walks a teacher-paced question through every step
// (open → closed → revealed → leaderboard → next question), so one key
// runs the class; Close and Reveal jump ahead.
const (
	ActStart  Action = "start"
	ActPause  Action = "pause" // toggles
	ActClose  Action = "close"
	ActReveal Action = "reveal"
	ActNext   Action = "next"
	ActEnd    Action = "end"
)

// Do applies a teacher action and saves the new state before returning,
// so a restarted dashboard finds the session where this one left it.
func (r *Room) Do(ctx context.Context, act Action) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.clk.Now()
	next := r.sess
	ph := Phase(next.State)
	teacher := next.Paced == string(TeacherPaced)
	var starting bool
	switch act {
	case ActStart:
		if ph != Lobby {
			return errState("the quiz has already started")
		}
		starting = true
		if teacher {
			openQuestion(&next, 0, now)
		} else {
			next.State, next.OpenedAt = string(Open), now
		}
	case ActPause:
		if ph == Lobby || ph == Ended {
			return errState("nothing to pause while the session is %s", ph)
		}
		if next.Paused {
			next.PausedMS += now.Sub(next.PausedAt).Milliseconds()
			next.Paused, next.PausedAt = false, time.Time{}
		} else {
			next.Paused, next.PausedAt = true, now
		}
	case ActClose:
		if !teacher || ph != Open {
			return errState("no open question to close")
		}
		unpause(&next, now)
		next.State = string(Closed)
	case ActReveal:
		if !teacher || (ph != Open && ph != Closed) {
			return errState("no question to reveal")
		}
		unpause(&next, now)
		next.State = string(Revealed)
	case ActNext:
		if !teacher {
			return errState("a self-paced quiz has no next: students move on by themselves")
		}
		switch ph {
		case Lobby:
			starting = true
			openQuestion(&next, 0, now)
		case Open:
			unpause(&next, now)
			next.State = string(Closed)
		case Closed:
			next.State = string(Revealed)
		case Revealed:
			next.State = string(Board)
		case Board:
			if next.Current+1 >= r.quiz.Len() {
				next.State = string(Ended)
			} else {
				openQuestion(&next, next.Current+1, now)
			}
		default:
			return errState("the session has ended")
		}
	case ActEnd:
		if ph == Ended {
			return errState("the session has already ended")
		}
		unpause(&next, now)
		next.State = string(Ended)
	default:
		return &Error{Code: "ValidationException", Message: "unknown action " + string(act)}
	}
	if err := r.st.SaveClassState(ctx, next); err != nil {
		return err
	}
	r.sess = next
	if starting && !teacher {
		r.startClocks(ctx, now)
	}
	if starting && teacher {
		r.resetShown(now)
	}
	r.changed(true)
	return nil
}

func openQuestion(s *store.ClassSession, i int, now time.Time) {
	s.State, s.Current, s.OpenedAt = string(Open), i, now
	s.Paused, s.PausedAt, s.PausedMS = false, time.Time{}, 0
}

func unpause(s *store.ClassSession, now time.Time) {
	if s.Paused {
		s.PausedMS += now.Sub(s.PausedAt).Milliseconds()
		s.Paused, s.PausedAt = false, time.Time{}
	}
}

// startClocks starts every waiting self-paced student's timer, in one
// write; r.mu held.
func (r *Room) startClocks(ctx context.Context, now time.Time) {
	var started []string
	for _, name := range r.order {
		s := r.students[name]
		if s.startedAt.IsZero() {
			s.startedAt, s.shownAt = now, now
			started = append(started, name)
		}
	}
	// The in-memory clocks stand even if this write fails; the next start
	// after a restart would only be more lenient.
	_ = r.st.SetClassParticipantStart(ctx, r.sess.ID, now, started...)
}

func (r *Room) resetShown(now time.Time) {
	for _, s := range r.students {
		s.shownAt = now
	}
}

// Tick closes a teacher-paced question whose timer ran out. The server
// calls it about once a second; it is a no-op otherwise.
func (r *Room) Tick(ctx context.Context) error {
	r.mu.Lock()
	now := r.clk.Now()
	expired := false
	if r.sess.Paced == string(TeacherPaced) && Phase(r.sess.State) == Open && !r.sess.Paused {
		if d, ok := r.remaining(now); ok && d <= 0 {
			expired = true
		}
	}
	r.mu.Unlock()
	if !expired {
		return nil
	}
	err := r.Do(ctx, ActClose)
	if e, ok := err.(*Error); ok && e.Code == "InvalidStateException" {
		return nil // the teacher got there first
	}
	return err
}
