package srs

import "time"

// DayBoundary says where one study day ends and the next begins. Elapsed
// days are the difference of calendar days after shifting every instant back
// by Hour in Loc, so with {Local, 4} a review at 01:00 still counts as the
// evening before, like Anki's "next day starts at".
//
// The zero value is UTC midnight: what ts-fsrs counts, and what replay and
// the conformance tests use. A local 4 am boundary is the app's default but
// is not conformant with ts-fsrs.
type DayBoundary struct {
	Loc  *time.Location // nil means UTC
	Hour int            // 0..23; hours after midnight at which a day starts
}

// LocalDayBoundary is the app's default: days change at 04:00 in loc.
func LocalDayBoundary(loc *time.Location) DayBoundary { return DayBoundary{Loc: loc, Hour: 4} }

// DayNumber returns the study day t falls in, counted from 1970-01-01 (day
// 0). Equal numbers mean the same study day.
func (b DayBoundary) DayNumber(t time.Time) int64 {
	if b.Loc == nil && b.Hour == 0 {
		return floorDiv(t.Unix(), 86400)
	}
	loc := b.Loc
	if loc == nil {
		loc = time.UTC
	}
	// A DST change shifts a 4 am boundary by an hour that night; that is
	// what a learner expects of "4 am local".
	s := t.In(loc).Add(-time.Duration(b.Hour) * time.Hour)
	y, m, d := s.Date()
	return floorDiv(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix(), 86400)
}

// ElapsedDays is the number of day boundaries crossed from last to now
// (negative if now is on an earlier study day).
func (b DayBoundary) ElapsedDays(last, now time.Time) int {
	return int(b.DayNumber(now) - b.DayNumber(last))
}

// DayStart returns the instant at which the study day containing t began.
func (b DayBoundary) DayStart(t time.Time) time.Time {
	loc := b.Loc
	if loc == nil {
		loc = time.UTC
	}
	s := t.In(loc).Add(-time.Duration(b.Hour) * time.Hour)
	y, m, d := s.Date()
	return time.Date(y, m, d, b.Hour, 0, 0, 0, loc)
}

// NextDayStart returns the instant the study day after the one containing t
// begins: "later today" means before this.
func (b DayBoundary) NextDayStart(t time.Time) time.Time {
	loc := b.Loc
	if loc == nil {
		loc = time.UTC
	}
	s := b.DayStart(t)
	y, m, d := s.Date()
	return time.Date(y, m, d+1, b.Hour, 0, 0, 0, loc)
}

// Date returns the calendar date ("2006-01-02") naming the study day of t.
func (b DayBoundary) Date(t time.Time) string {
	return b.DayStart(t).Format(time.DateOnly)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
