// Package progress is what a screen or a command does to the learner's
// progress: it commits an answer and its review in one transaction, runs
// review sessions, computes statistics and readiness, and reads and writes
// exams, note positions, settings and exports. It joins the cores (quiz,
// srs, content) to the store, so that the UI never opens a transaction
// itself and never imports the store.
package progress

import (
	"context"
	"errors"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/store"
)

// Data the UI reads and writes, as the store keeps it.
type (
	Answer         = store.Answer
	SRSItem        = store.SRSItem
	SRSConfig      = store.SRSConfig
	ReviewRecord   = store.ReviewRecord
	ExamRecord     = store.ExamRecord
	ExamScore      = store.ExamScore
	ExamDomain     = store.ExamDomain
	NotePosition   = store.NotePosition
	QuestionReport = store.QuestionReport
)

// Item kinds in the schedule.
const (
	KindCard     = store.KindCard
	KindQuestion = store.KindQuestion
	KindLab      = store.KindLab
)

// errNoStore is returned by writes that need a progress file.
var errNoStore = errors.New("no progress database is open")

// ErrNothingToUndo is returned by Undo on an empty review log.
var ErrNothingToUndo = store.ErrNothingToUndo

// Options tune New. Loc is the time zone the study day is counted in
// (the learner's; nil means UTC), Now the clock for timestamps the caller
// does not give (default time.Now).
type Options struct {
	Loc *time.Location
	Now func() time.Time
}

// Progress is the learner's progress: the store and the content it is
// about. A Progress without a store (New(nil, …)) works as the UI did
// without a progress file: it reads the content and writes nothing.
type Progress struct {
	st  *store.Store
	lib *content.Library
	loc *time.Location
	now func() time.Time
}

// New joins an open store (nil for none) and the content library.
func New(st *store.Store, lib *content.Library, o Options) *Progress {
	if o.Loc == nil {
		o.Loc = time.UTC
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Progress{st: st, lib: lib, loc: o.Loc, now: o.Now}
}

// Open opens (or creates) the progress file at path for lib. The store's
// timestamps use o.Now too. Close it when done.
func Open(path string, lib *content.Library, o Options) (*Progress, error) {
	st, err := store.Open(path, store.Options{Now: o.Now})
	if err != nil {
		return nil, err
	}
	return New(st, lib, o), nil
}

// WithLibrary returns a Progress about lib that shares p's store, clock
// and time zone (p itself when lib is already its library).
func (p *Progress) WithLibrary(lib *content.Library) *Progress {
	if p == nil || p.lib == lib {
		return p
	}
	c := *p
	c.lib = lib
	return &c
}

// Close closes the store, if there is one.
func (p *Progress) Close() error {
	if !p.HasStore() {
		return nil
	}
	return p.st.Close()
}

// HasStore reports whether progress is saved: false for a nil Progress or
// one without a store.
func (p *Progress) HasStore() bool { return p != nil && p.st != nil }

// Path is the progress file, or "" without one.
func (p *Progress) Path() string {
	if !p.HasStore() {
		return ""
	}
	return p.st.Path()
}

// Library is the content progress is about (nil for a nil Progress).
func (p *Progress) Library() *content.Library {
	if p == nil {
		return nil
	}
	return p.lib
}

// Location is the time zone of the study day.
func (p *Progress) Location() *time.Location {
	if p == nil {
		return time.UTC
	}
	return p.loc
}

// Now is the clock's time.
func (p *Progress) Now() time.Time {
	if p == nil {
		return time.Now()
	}
	return p.now()
}

func orBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}
