package classroom

import "time"

// Points scores an answer: nothing when wrong; BasePoints plus a speed
// bonus falling linearly from SpeedBonus (instant) to 0 (at limit) when
// right.
func Points(correct bool, took, limit time.Duration) int {
	if !correct {
		return 0
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	took = min(max(took, 0), limit)
	return BasePoints + int(int64(SpeedBonus)*int64(limit-took)/int64(limit))
}

// HasTimer reports whether questions are timed (fixed for a session).
func (r *Room) HasTimer() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sess.TimerMS > 0
}

func (r *Room) limit() time.Duration {
	if r.sess.TimerMS > 0 {
		return time.Duration(r.sess.TimerMS) * time.Millisecond
	}
	return DefaultLimit
}

// pausedFor is the time paused since the current question (or run) opened,
// including a pause still going on.
func (r *Room) pausedFor(now time.Time) time.Duration {
	d := time.Duration(r.sess.PausedMS) * time.Millisecond
	if r.sess.Paused && !r.sess.PausedAt.IsZero() {
		d += now.Sub(r.sess.PausedAt)
	}
	return d
}

// remaining is the time left on the open teacher-paced question.
func (r *Room) remaining(now time.Time) (time.Duration, bool) {
	if r.sess.TimerMS <= 0 || r.sess.OpenedAt.IsZero() {
		return 0, false
	}
	end := r.sess.OpenedAt.Add(time.Duration(r.sess.TimerMS)*time.Millisecond + r.pausedFor(now))
	return end.Sub(now), true
}

// studentRemaining is a self-paced student's time left on the whole quiz
// (timer × questions, extended by the time the room spent paused).
func (r *Room) studentRemaining(s *student, now time.Time) (time.Duration, bool) {
	if r.sess.TimerMS <= 0 || s.startedAt.IsZero() {
		return 0, false
	}
	total := time.Duration(r.sess.TimerMS) * time.Millisecond * time.Duration(r.quiz.Len())
	return s.startedAt.Add(total + r.pausedFor(now)).Sub(now), true
}
