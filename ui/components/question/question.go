// Package question is the question panel of every screen that asks one
// (Study, Practice, the exam, Review): the presented question and its
// selection (one answer, or "Choose TWO" toggles), the cursor, "unsure",
// grading through the quiz package, the options before grading and the
// feedback after, its own scrolling, committing the answer through
// progress, and one set of answering keys.
//
// Screens keep their own flow (the exam shows no feedback until it is
// submitted, Practice moves on and reports, Study keeps a note beside it)
// and hand the answering part to a Model.
package question

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
)

// Event says what a key press did to the question.
type Event int

const (
	// None: not a key of the question; the screen may use it.
	None Event = iota
	// Handled: the cursor, "unsure", the scroll or a warning changed.
	Handled
	// Changed: the selection changed.
	Changed
	// Submitted: enter with a complete answer, or a second enter on a
	// partial one (one of two, graded wrong); the screen grades it (Grade,
	// or its own session) and commits it.
	Submitted
	// Next: enter after the feedback, with the answer on disk.
	Next
	// Rated: 1–4 changed the rating of the graded answer.
	Rated
)

// Model is one question being answered.
type Model struct {
	// Keys are the answering keys; a screen may disable the ones it
	// does not use.
	Keys Keys
	c    *common.Common

	pres    quiz.Presented
	sel     *quiz.Selection
	cursor  int
	unsure  bool
	started time.Time
	warn    string
	armed   bool // enter was pressed once on a partial answer

	result    *quiz.Result // graded and shown
	pending   *quiz.Result // graded, shown once it is on disk
	rating    quiz.Rating
	committed quiz.Rating // the rating written with the answer
	answer    int64       // store row of the committed answer
	saving    bool

	scroll         int
	follow         bool // bring the cursor's option into view once
	curFrom, curTo int  // lines of the cursor's option in the last Body
}

// New is an empty panel; Present puts a question in it.
func New(c *common.Common) *Model {
	return &Model{Keys: DefaultKeys(), c: c, curFrom: -1, curTo: -1}
}

// Present shows p, nothing chosen, the clock started.
func (m *Model) Present(p quiz.Presented) {
	m.pres, m.sel, m.started = p, quiz.NewSelection(p), m.c.Clock()
	m.reset()
}

// Clear shows no question (a session that is over).
func (m *Model) Clear() {
	m.pres, m.sel = quiz.Presented{}, nil
	m.reset()
}

func (m *Model) reset() {
	m.cursor, m.unsure, m.warn, m.scroll, m.answer, m.armed = 0, false, "", 0, 0, false
	m.result, m.pending, m.saving = nil, nil, false
	m.curFrom, m.curTo = -1, -1
}

// Restore marks the options an earlier answer chose (original indexes).
func (m *Model) Restore(chosen []int) {
	for _, orig := range chosen {
		if pos := m.pres.Position(orig); pos >= 0 {
			m.sel.Toggle(pos)
		}
	}
}

// Presented is the question on screen.
func (m *Model) Presented() quiz.Presented { return m.pres }

// Question is the content behind the question on screen (nil when none).
func (m *Model) Question() *content.Question { return m.pres.Question }

// Selection is what is chosen so far (nil when no question is shown).
func (m *Model) Selection() *quiz.Selection { return m.sel }

// Touched reports whether any option is chosen.
func (m *Model) Touched() bool { return m.sel != nil && m.sel.Count() > 0 }

// Result is the graded answer once it shows; nil before.
func (m *Model) Result() *quiz.Result { return m.result }

// Graded reports whether the feedback shows.
func (m *Model) Graded() bool { return m.result != nil }

// Rating is the rating of the graded answer.
func (m *Model) Rating() quiz.Rating { return m.rating }

// Answer is the store row of the committed answer; 0 until it is on disk.
func (m *Model) Answer() int64 { return m.answer }

// Saving reports whether the answer is on its way to the disk.
func (m *Model) Saving() bool { return m.saving }

// Unsure reports whether the learner marked the answer unsure.
func (m *Model) Unsure() bool { return m.unsure }

// Started is when the question was shown.
func (m *Model) Started() time.Time { return m.started }

// Cursor is the display position under the cursor.
func (m *Model) Cursor() int { return m.cursor }

// Warn is the warning under the question ("" when none).
func (m *Model) Warn() string { return m.warn }

// SetWarn shows a warning under the question ("" clears it).
func (m *Model) SetWarn(s string) { m.warn = s }

// Follow brings the option under the cursor into view at the next View.
func (m *Model) Follow() { m.follow = true }

// Pick chooses the option at display position pos (or toggles it, on a
// question with several answers) and puts the cursor on it.
func (m *Model) Pick(pos int) {
	if m.sel == nil || pos < 0 || pos >= len(m.pres.Options) {
		return
	}
	m.sel.Toggle(pos)
	m.cursor, m.follow, m.warn, m.armed = pos, true, "", false
}

// Update handles a key while the question is answered or its feedback
// read, and says what it did.
func (m *Model) Update(msg tea.KeyPressMsg) (Event, tea.Cmd) {
	if m.sel == nil {
		return None, nil
	}
	if m.result != nil {
		return m.feedbackKey(msg)
	}
	k, n := m.c.Keys, len(m.pres.Options)
	switch {
	case key.Matches(msg, m.Keys.Pick):
		if i := int(msg.String()[0] - 'a'); i < n {
			m.Pick(i)
			return Changed, nil
		}
		return Handled, nil
	case key.Matches(msg, m.Keys.Toggle):
		m.Pick(m.cursor)
		return Changed, nil
	case key.Matches(msg, k.Up) && n > 0:
		m.cursor, m.follow = (m.cursor-1+n)%n, true
	case key.Matches(msg, k.Down) && n > 0:
		m.cursor, m.follow = (m.cursor+1)%n, true
	case key.Matches(msg, m.Keys.Unsure):
		m.unsure = !m.unsure
	case key.Matches(msg, m.Keys.Scroll):
		m.scrollBy(msg)
	case key.Matches(msg, m.Keys.Submit):
		if chosen := m.sel.Chosen(); quiz.Partial(m.pres, chosen) {
			// A partial answer is kept: the first enter says so, the
			// second submits it as it is, graded wrong.
			if m.armed {
				m.armed, m.warn = false, ""
				return Submitted, nil
			}
			m.armed = true
			m.warn = fmt.Sprintf(m.c.T("study.partial"), len(chosen), m.pres.Choose, m.pres.Choose-len(chosen))
			return Handled, nil
		}
		if err := quiz.Validate(m.pres, m.sel.Chosen()); err != nil {
			m.warn = m.c.T("study.choose")
			if m.pres.Choose > 1 {
				m.warn = fmt.Sprintf(m.c.T("study.choosen"), m.pres.Choose)
			}
			return Handled, nil
		}
		return Submitted, nil
	default:
		return None, nil
	}
	return Handled, nil
}

func (m *Model) scrollBy(msg tea.KeyPressMsg) {
	switch msg.String() {
	case "pgdown", "J":
		m.scroll += 3
	default:
		m.scroll = max(m.scroll-3, 0)
	}
}

// feedbackKey: 1–4 change the rating (a wrong answer stays Again), the
// feedback scrolls, enter moves on once the answer is on disk.
func (m *Model) feedbackKey(msg tea.KeyPressMsg) (Event, tea.Cmd) {
	switch {
	case key.Matches(msg, m.Keys.Rate):
		r := quiz.Rating(msg.String()[0] - '0')
		if !m.result.Correct && r != quiz.Again {
			m.warn = m.c.T("study.wrongagain")
			return Handled, nil
		}
		m.rating = r
		if m.answer > 0 {
			return Rated, rerate(m.c, m.answer, int(r))
		}
		return Rated, nil
	case key.Matches(msg, m.Keys.Scroll):
		m.scrollBy(msg)
	case key.Matches(msg, m.c.Keys.Down):
		m.scroll++
	case key.Matches(msg, m.c.Keys.Up):
		m.scroll = max(m.scroll-1, 0)
	case key.Matches(msg, m.Keys.Submit):
		if m.saving {
			return Handled, nil // the answer is not on disk yet
		}
		return Next, nil
	default:
		return None, nil
	}
	return Handled, nil
}

// Grade grades the selection: the result, the rating for the scheduler
// (from right or wrong, "unsure" and the time taken) and the time taken.
func (m *Model) Grade() (quiz.Result, quiz.Rating, time.Duration) {
	took := m.c.Clock().Sub(m.started)
	res := quiz.Grade(m.pres, m.sel.Chosen())
	return res, quiz.Rate(res.Correct, m.unsure, took, quiz.DefaultBudget(m.pres.Question)), took
}

// Show shows the feedback of a graded answer at once.
func (m *Model) Show(res quiz.Result, rating quiz.Rating) {
	m.result, m.pending, m.rating, m.scroll = &res, nil, rating, 0
}

// Hold keeps the feedback of a graded answer until it is on disk (Saved).
func (m *Model) Hold(res quiz.Result, rating quiz.Rating) {
	m.pending, m.rating = &res, rating
}
