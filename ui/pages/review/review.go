// Package review is the spaced-repetition session: today's due cards and
// questions, one at a time, each rating committed before the next shows;
// review ahead and drill weakest when nothing is due.
package review

import (
	"errors"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/cardform"
	"github.com/saa-study/saa-study/ui/components/question"
	"github.com/saa-study/saa-study/ui/text"
)

// reviewKeys are the keys of the review screen.
type reviewKeys struct {
	Reveal, Rate, Undo, Bury, Suspend, Ahead, Drill, Continue, Up, Down, OpenNote, Decks key.Binding
}

func newReviewKeys() reviewKeys {
	// 1–4 rate a card or a graded question here, with the answering keys' 1–4.
	rate := question.DefaultKeys().Rate
	rate.SetHelp("1–4", "rate")
	return reviewKeys{
		Reveal:   key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("space", "show answer")),
		Rate:     rate,
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Bury:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "bury")),
		Suspend:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "suspend")),
		Ahead:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "review ahead")),
		Drill:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "drill weakest")),
		Continue: key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "continue")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll")),
		// As on the exam's results: o opens the note that explains the item.
		OpenNote: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the note")),
		// The deck list, as Anki's main screen: every deck with its counts.
		Decks: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "decks")),
	}
}

type rvMode int

const (
	rvLoading  rvMode = iota
	rvFront           // a card's front
	rvBack            // a card with its answer shown
	rvQuestion        // a question being answered
	rvGraded          // a question graded, waiting for the rating
	rvLeech           // the leech notice
	rvEmpty           // nothing due now
	rvLab             // a lab: enter opens it, and it rates itself
)

// Messages of the review screen; gen drops answers to stale requests.
type (
	rvLoadedMsg struct {
		gen   int
		s     *progress.Session
		show  string // key to show first (after undo)
		leech string // key of a card that just became a leech
		note  string // status text
		err   error
	}
	rvWaitMsg struct{ gen int }
)

// Review is the spaced-repetition session: today's due cards and
// questions, one at a time, each rating committed before the next shows.
type Review struct {
	c    *common.Common
	keys reviewKeys
	gen  int
	busy bool // a command is writing; keys wait
	s    *progress.Session
	mode rvMode
	err  error

	curKey  string // the item shown
	it      progress.SRSItem
	entry   *progress.Entry
	shownAt time.Time
	preview [4]srs.Card
	scroll  int
	session int64

	// Questions: the panel answers them; the rating buttons are Review's.
	q         *question.Model
	suggested srs.Rating

	// Review ahead and drill weakest: a fixed list instead of the queue.
	list     []string
	listKind string
	listPos  int

	leechKey string
	deck     string // review only this deck or topic ("" = everything)
}

// New opens the review session of the learner's language.
func New(c *common.Common) *Review {
	r := &Review{c: c, keys: newReviewKeys(), session: c.Clock().UnixNano(), q: question.New(c)}
	r.q.Keys.Submit.SetHelp("enter", "check")
	return r
}

// NewDeck opens a review session of one deck or topic (a
// progress.DeckCount's ID).
func NewDeck(c *common.Common, deck string) *Review {
	r := New(c)
	r.deck = deck
	return r
}

func (r *Review) Title() string {
	if r.deck != "" {
		return r.c.T("home.review") + " · " + r.deck
	}
	return r.c.T("home.review")
}

func (r *Review) Init() tea.Cmd { return r.reload("", "", "") }

// reload rebuilds the session in a command.
func (r *Review) reload(show, leech, note string) tea.Cmd {
	r.gen++
	r.busy = true
	gen, c := r.gen, r.c
	var set *progress.Set
	if r.s != nil && r.s.Set().Lang == c.Lang {
		set = r.s.Set()
	}
	now, deck := c.Clock(), r.deck
	return func() tea.Msg {
		if set == nil && deck != "" {
			all, err := c.Progress.LoadSet(c.Context(), c.Lang)
			if err != nil {
				return rvLoadedMsg{gen: gen, err: err}
			}
			set = all.Only(deck)
		}
		s, err := c.Progress.LoadSession(c.Context(), c.Lang, set, now)
		return rvLoadedMsg{gen: gen, s: s, show: show, leech: leech, note: note, err: err}
	}
}

func (r *Review) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case rvLoadedMsg:
		if msg.gen != r.gen {
			return r, nil
		}
		r.busy = false
		if msg.err != nil {
			r.err = msg.err
			return r, common.Err(msg.err)
		}
		r.s, r.err = msg.s, nil
		r.list = nil
		if msg.leech != "" {
			r.mode, r.leechKey = rvLeech, msg.leech
			return r, rvStatusIf(msg.note)
		}
		r.next(msg.show)
		return r, tea.Batch(rvStatusIf(msg.note), r.waitCmd())
	case rvListMsg:
		return r.updateList(msg)
	case rvWaitMsg:
		if msg.gen == r.gen && r.mode == rvEmpty && !r.busy {
			return r, r.reload("", "", "")
		}
	case common.LangChangedMsg:
		r.s = nil
		return r, r.reload("", "", "")
	case common.ResumedMsg:
		// Back from a lab, which rated itself: on to what is due next.
		if r.mode == rvLab {
			return r, r.reload("", "", "")
		}
	case tea.KeyPressMsg:
		return r.onKey(msg)
	}
	return r, nil
}

func rvStatusIf(s string) tea.Cmd {
	if s == "" {
		return nil
	}
	return common.Status(s)
}

// waitCmd re-checks the queue when a learning step of today comes due.
func (r *Review) waitCmd() tea.Cmd {
	if r.mode != rvEmpty || r.s == nil || r.list != nil {
		return nil
	}
	until := r.s.WaitingUntil(r.c.Clock())
	if until.IsZero() {
		return nil
	}
	d := min(time.Minute, max(time.Second, until.Sub(r.c.Clock())))
	gen := r.gen
	return tea.Tick(d, func(time.Time) tea.Msg { return rvWaitMsg{gen} })
}

// next shows show if given and still in the session, else the queue's pick.
func (r *Review) next(show string) {
	now := r.c.Clock()
	if show != "" {
		if it, ok := r.s.Item(show); ok {
			r.showItem(show, it, now)
			return
		}
	}
	if r.list != nil {
		for r.listPos < len(r.list) {
			k := r.list[r.listPos]
			if it, ok := r.s.Item(k); ok {
				r.showItem(k, it, now)
				return
			}
			r.listPos++
		}
		r.list = nil
	}
	if k, ok := r.s.Pick(now); ok {
		if it, ok := r.s.Item(k); ok {
			r.showItem(k, it, now)
			return
		}
	}
	r.mode, r.curKey, r.entry = rvEmpty, "", nil
}

func (r *Review) showItem(k string, it progress.SRSItem, now time.Time) {
	r.curKey, r.it, r.entry = k, it, r.s.Set().Get(it.Kind, it.ItemID)
	r.shownAt, r.scroll = now, 0
	r.preview = r.s.Preview(it, now)
	if r.entry != nil && r.entry.Lab != nil {
		r.mode = rvLab
		return
	}
	if r.entry != nil && r.entry.Q != nil {
		r.mode = rvQuestion
		r.q.Present(quiz.Present(r.entry.Q, progress.ReviewSeed(k, it.Card.Reps, r.session)))
		return
	}
	r.mode = rvFront
}

// decksOpen reports whether D opens the decks now: from anything but a
// question being answered.
func (r *Review) decksOpen() bool { return r.mode != rvQuestion }

func (r *Review) onKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := r.keys
	switch {
	case key.Matches(msg, r.c.Keys.Back):
		return r, common.Pop
	case r.busy:
		return r, nil
	case key.Matches(msg, k.Up):
		r.scroll = max(0, r.scroll-1)
		return r, nil
	case key.Matches(msg, k.Down):
		r.scroll++
		return r, nil
	case key.Matches(msg, k.Decks) && r.decksOpen():
		return r, common.Open("decks")
	case key.Matches(msg, k.OpenNote) && r.noteSection() != "":
		// The session stays as it is beneath the note: back returns to
		// this card, still graded or turned over.
		return r, common.Open("note:" + r.noteSection())
	}
	switch r.mode {
	case rvLab:
		if key.Matches(msg, r.c.Keys.Open) && r.entry != nil {
			return r, common.Open("lab:" + r.entry.ID)
		}
		return r, r.common(msg)
	case rvLeech:
		if key.Matches(msg, k.Continue) {
			r.next("")
			return r, r.waitCmd()
		}
	case rvEmpty:
		switch {
		case key.Matches(msg, k.Ahead):
			return r, r.startList("ahead")
		case key.Matches(msg, k.Drill):
			return r, r.startList("drill")
		case key.Matches(msg, k.Undo):
			return r, r.undo()
		}
	case rvFront:
		switch {
		case key.Matches(msg, k.Reveal):
			r.mode = rvBack
			return r, nil
		case key.Matches(msg, k.Rate):
			// Rating from the front is allowed: the learner knows the answer.
			return r, r.rvRate(srs.Rating(msg.Text[0] - '0'))
		}
		return r, r.common(msg)
	case rvBack:
		if key.Matches(msg, k.Rate) {
			return r, r.rvRate(srs.Rating(msg.Text[0] - '0'))
		}
		return r, r.common(msg)
	case rvQuestion:
		switch {
		case key.Matches(msg, r.q.Keys.Pick):
			r.q.Pick(int(msg.Text[0] - 'a'))
			return r, nil
		case key.Matches(msg, r.q.Keys.Submit):
			// A partial answer (one of two) submits on a second enter,
			// graded wrong, as in Study and Practice.
			if ev, _ := r.q.Update(msg); ev != question.Submitted {
				if w := r.q.Warn(); w != "" && r.q.Touched() {
					return r, common.Status(w)
				}
				return r, common.Status(fmt.Sprintf(r.c.T("rv.choose"), r.q.Presented().Choose))
			}
			res, rating, _ := r.q.Grade()
			r.q.Show(res, rating)
			r.suggested = srs.Again
			if res.Correct {
				r.suggested = srs.Good
			}
			r.mode, r.scroll = rvGraded, 0
			return r, nil
		case key.Matches(msg, k.Undo):
			return r, r.undo()
		case key.Matches(msg, k.Suspend):
			// b is an option letter here; bury waits for the grading.
			return r, r.common(msg)
		}
	case rvGraded:
		switch {
		case key.Matches(msg, cardform.AddKey) && r.entry != nil && r.entry.Q != nil:
			front, back := cardform.FromQuestion(r.entry.Q)
			return r, cardform.Open(r.c, front, back, r.entry.Q.ID)
		case key.Matches(msg, k.Rate):
			return r, r.rvRate(srs.Rating(msg.Text[0] - '0'))
		case key.Matches(msg, k.Continue):
			return r, r.rvRate(r.suggested)
		}
		return r, r.common(msg)
	}
	return r, nil
}

// noteSection is the section ("note#section") that explains the item on
// screen, once its answer shows; "" before that or when it names none.
func (r *Review) noteSection() string {
	if r.entry == nil || (r.mode != rvBack && r.mode != rvGraded) {
		return ""
	}
	return r.entry.Section
}

// common handles undo, bury and suspend on a shown item.
func (r *Review) common(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, r.keys.Undo):
		return r.undo()
	case key.Matches(msg, r.keys.Bury):
		return r.write(func() error {
			return r.c.Progress.Bury(r.c.Context(), r.s, r.it, r.c.Clock())
		}, r.c.T("rv.buried"))
	case key.Matches(msg, r.keys.Suspend):
		return r.write(func() error {
			return r.c.Progress.Suspend(r.c.Context(), r.it)
		}, r.c.T("rv.suspended"))
	}
	return nil
}

// write runs a change to the shown item, then reloads the session.
func (r *Review) write(fn func() error, note string) tea.Cmd {
	load := r.reload("", "", note)
	gen := r.gen
	return func() tea.Msg {
		if err := fn(); err != nil {
			return rvLoadedMsg{gen: gen, err: err}
		}
		return load()
	}
}

// rate commits the rating, then moves on when the write has returned.
func (r *Review) rvRate(g srs.Rating) tea.Cmd {
	if !g.Valid() || r.entry == nil {
		return nil
	}
	c, it, now := r.c, r.it, r.c.Clock()
	when := progress.Rated{Shown: r.shownAt, At: now, Took: now.Sub(r.shownAt)}
	if r.list != nil {
		// Review ahead / drill: the list stays; only this item changes.
		r.gen++
		r.busy = true
		gen, s, key, pos := r.gen, r.s, r.curKey, r.listPos+1
		list, kind := r.list, r.listKind
		return func() tea.Msg {
			after, leech, err := c.Progress.Rate(c.Context(), s, it, g, when)
			if err != nil {
				return rvLoadedMsg{gen: gen, err: err}
			}
			s.Remember(after)
			return rvListMsg{gen: gen, s: s, list: list, kind: kind, pos: pos, leech: leech, key: key}
		}
	}
	load := r.reload("", "", "")
	gen, key, s := r.gen, r.curKey, r.s
	return func() tea.Msg {
		after, leech, err := c.Progress.Rate(c.Context(), s, it, g, when)
		if err != nil {
			return rvLoadedMsg{gen: gen, err: err}
		}
		// Committed: the next card comes from the session in memory, unless
		// the session is over and the screen must learn what comes next.
		var msg rvLoadedMsg
		if next, ok := s.After(it, after, now); ok {
			msg = rvLoadedMsg{gen: gen, s: next}
		} else {
			msg = load().(rvLoadedMsg)
		}
		if leech {
			msg.leech = key
		}
		return msg
	}
}

// undo restores the last rated item and shows it again.
func (r *Review) undo() tea.Cmd {
	c := r.c
	load := r.reload("", "", "")
	gen := r.gen
	return func() tea.Msg {
		it, err := c.Progress.Undo(c.Context())
		if errors.Is(err, progress.ErrNothingToUndo) {
			msg := load().(rvLoadedMsg)
			msg.note = text.T(c.Lang, "rv.noundo")
			return msg
		}
		if err != nil {
			return rvLoadedMsg{gen: gen, err: err}
		}
		msg := load().(rvLoadedMsg)
		if msg.s != nil {
			if _, ok := msg.s.Item(it.Key()); !ok {
				msg.s.Remember(it)
			}
		}
		msg.show, msg.note = it.Key(), text.T(c.Lang, "rv.undone")
		return msg
	}
}
