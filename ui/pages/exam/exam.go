// Package exam is the Exam family of pages: the Exam menu, a running mock
// exam (no feedback until it is submitted, flags, an overview grid), its
// results and review, the history of attempts, and Practice (one question
// at a time with feedback, a drill of misses, a teacher's quiz). The
// answering itself is the question component's.
package exam

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/question"
)

// examKeys are the keys of a running exam besides the answering keys.
type examKeys struct {
	Next, Prev, Flag, Grid, Submit, Yes, No, Pause key.Binding
}

func newExamKeys() examKeys {
	return examKeys{
		Next:   key.NewBinding(key.WithKeys("enter", "n", "right", "l"), key.WithHelp("enter/n", "next")),
		Prev:   key.NewBinding(key.WithKeys("p", "left", "h"), key.WithHelp("p", "previous")),
		Flag:   key.NewBinding(key.WithKeys("m"), key.WithHelp("f/m", "flag for review")),
		Grid:   key.NewBinding(key.WithKeys("g", "tab"), key.WithHelp("g", "overview")),
		Submit: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "submit")),
		Yes:    key.NewBinding(key.WithKeys("y", "enter"), key.WithHelp("y", "submit")),
		No:     key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep going")),
		// esc leaves a running exam paused, its answers and time kept; the
		// help says so rather than the app's "back".
		Pause: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "pause")),
	}
}

// examScreen is a timed mock exam: no feedback until it is submitted, a
// countdown, flags, an overview grid and a confirmation before submitting.
// Its state is saved after every answer and flag, so it can be resumed.
type examScreen struct {
	c    *common.Common
	keys examKeys
	ex   *quiz.Exam
	pool []*content.Question
	lang content.Lang
	// replaces is the unfinished exam this one sets aside as abandoned
	// when it is stored (0: none).
	replaces int64

	q       *question.Model // the item on screen; no feedback, no unsure
	grid    bool
	gridPos int
	confirm bool
	gen     int // ticks of an older timer are ignored
	ticks   int
	done    bool // submitted; waiting for the store
	leaving bool // esc: the last state is being written, then common.Pop

	// Writes go one at a time so the newest state is always the last one
	// on disk: while one is in flight, later changes only mark dirty.
	inflight, dirty, finishing bool
	// disk holds the exam's row once stored and orders those writes with
	// the one Close makes on the way out; version numbers each state as it
	// is taken.
	disk    *examDisk
	version int

	// every schedules the next timer tick; nil means once a second. Tests
	// replace it and send examTickMsg themselves with a moved clock.
	every func(gen int) tea.Cmd
}

type (
	examTickMsg   struct{ gen int }
	examStoredMsg struct{ err error }
	examSavedMsg  struct{ err error }
	examFinishMsg struct{ err error }
)

// newExamScreen draws a new exam from the library's questions in the
// current language.
func newExamScreen(c *common.Common, cfg quiz.ExamConfig) (*examScreen, error) {
	return newExamFrom(c, questionPool(c, c.Lang), c.Lang, cfg)
}

// newExamFrom draws a new exam from pool (a retake passes the same pool).
func newExamFrom(c *common.Common, pool []*content.Question, lang content.Lang, cfg quiz.ExamConfig) (*examScreen, error) {
	if cfg.Seed == 0 {
		cfg.Seed = uint64(c.Clock().UnixNano())
	}
	ex, err := quiz.NewExam(pool, cfg, c.Clock())
	if err != nil {
		return nil, fmt.Errorf("starting the exam: %w", err)
	}
	s := &examScreen{c: c, keys: newExamKeys(), ex: ex, pool: pool, lang: lang, q: newPanel(c), disk: &examDisk{}}
	s.load()
	return s, nil
}

// resumeExamScreen rebuilds a stored, unfinished exam with the answers
// given and the time that was left at the last save.
func resumeExamScreen(c *common.Common, rec progress.ExamRecord) (*examScreen, error) {
	ex, pool, lang, err := resumeStored(c, rec, c.Clock())
	if err != nil {
		return nil, err
	}
	s := &examScreen{c: c, keys: newExamKeys(), ex: ex, pool: pool, lang: lang, q: newPanel(c), disk: &examDisk{id: rec.ID}}
	s.load()
	return s, nil
}

// resumeStored rebuilds a stored attempt at now from its saved state, over
// the questions of the language it was taken in.
func resumeStored(c *common.Common, rec progress.ExamRecord, now time.Time) (*quiz.Exam, []*content.Question, content.Lang, error) {
	var st quiz.ExamState
	if err := json.Unmarshal(rec.State, &st); err != nil {
		return nil, nil, "", fmt.Errorf("exam %d: reading its saved state: %w", rec.ID, err)
	}
	lang, ok := content.ParseLang(rec.Lang)
	if !ok {
		lang = c.Lang
	}
	pool := questionPool(c, lang)
	ex, err := quiz.Resume(pool, st, now)
	if err != nil {
		return nil, nil, "", fmt.Errorf("exam %d: %w", rec.ID, err)
	}
	return ex, pool, lang, nil
}

// newPanel is the exam's question panel: answers are recorded as they
// are chosen, so enter moves on rather than submits, and there is no
// "unsure" and no rating.
func newPanel(c *common.Common) *question.Model {
	q := question.New(c)
	q.Keys.Submit.SetEnabled(false)
	q.Keys.Unsure.SetEnabled(false)
	q.Keys.Rate.SetEnabled(false)
	return q
}

func questionPool(c *common.Common, lang content.Lang) []*content.Question {
	if c.Lib == nil {
		return nil
	}
	return c.Lib.Questions(lang)
}

func (s *examScreen) Title() string { return s.c.T("exam.title") }

func (s *examScreen) Init() tea.Cmd {
	s.gen++
	cmds := []tea.Cmd{s.tick()}
	if !s.disk.stored() && s.c.Progress.HasStore() {
		s.inflight = true
		cmds = append(cmds, s.create())
	}
	return tea.Batch(cmds...)
}

func (s *examScreen) tick() tea.Cmd {
	gen := s.gen
	if s.every != nil {
		return s.every(gen)
	}
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return examTickMsg{gen} })
}

// create stores the new exam so that a crash from now on can resume it.
func (s *examScreen) create() tea.Cmd {
	c, d, lang, old := s.c, s.disk, string(s.lang), s.replaces
	v, state := s.state()
	return func() tea.Msg {
		if !c.Progress.HasStore() {
			return examStoredMsg{}
		}
		d.mu.Lock()
		defer d.mu.Unlock()
		// An unfinished exam is never dropped: one the learner chose to
		// set aside stays in the history as abandoned.
		var id int64
		var err error
		if old != 0 {
			id, err = c.Progress.ReplaceExam(c.Ctx, old, lang, state)
		} else {
			id, err = c.Progress.StartExam(c.Ctx, lang, state)
		}
		if err == nil {
			d.id, d.written = id, v
		}
		return examStoredMsg{err}
	}
}

// state is the exam's state now, as stored, and its version.
func (s *examScreen) state() (int, []byte) {
	s.version++
	b, _ := json.Marshal(s.ex.State(s.c.Clock()))
	return s.version, b
}

// Close writes, on the way out (q, ctrl+c, a signal), what the exam has
// that is not on disk: the time left (saved otherwise every 10 seconds),
// an answer given while another write was in flight, or a submission
// waiting its turn. It waits for a write in flight, so its own is last.
func (s *examScreen) Close() {
	if !s.c.Progress.HasStore() {
		return
	}
	ctx := context.WithoutCancel(s.c.Context())
	if s.done {
		s.finishing = false
		s.finishCmd(ctx)()
		return
	}
	v, state := s.state()
	_ = s.disk.save(ctx, s.c.Progress, v, state)
}

// save writes the state after an answer or a flag, or marks it dirty
// when another write is in flight.
func (s *examScreen) save() tea.Cmd {
	if !s.c.Progress.HasStore() {
		return nil
	}
	s.dirty = true
	if s.inflight {
		return nil
	}
	return s.flush()
}

// flush starts the next write: the final one, a pending state, or (when
// leaving and all is written) the common.Pop.
func (s *examScreen) flush() tea.Cmd {
	switch {
	case s.finishing:
		s.inflight, s.finishing = true, false
		return s.finishCmd(s.c.Ctx)
	case s.dirty:
		s.inflight, s.dirty = true, false
		c, d := s.c, s.disk
		v, state := s.state()
		return func() tea.Msg { return examSavedMsg{d.save(c.Ctx, c.Progress, v, state)} }
	case s.leaving:
		return common.Pop
	}
	return nil
}

// load prepares the selection for the item on screen from its answer.
func (s *examScreen) load() {
	it, err := s.ex.Item(s.ex.Current())
	if err != nil {
		return
	}
	s.q.Present(it.Presented)
	s.q.Restore(it.Chosen)
}

func (s *examScreen) item() quiz.ExamItem {
	it, _ := s.ex.Item(s.ex.Current())
	return it
}

func (s *examScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case examTickMsg:
		if msg.gen != s.gen || s.done {
			return s, nil
		}
		if s.ex.Tick(s.c.Clock()) {
			return s, s.finish()
		}
		s.ticks++
		if s.ticks%10 == 0 {
			return s, tea.Batch(s.tick(), s.save()) // keep the time left fresh for a crash
		}
		return s, s.tick()
	case examStoredMsg:
		s.inflight = false
		if msg.err != nil {
			return s, tea.Batch(common.Err(msg.err), s.flush())
		}
		return s, s.flush()
	case examSavedMsg:
		s.inflight = false
		if msg.err != nil {
			return s, tea.Batch(common.Err(msg.err), s.flush())
		}
		return s, s.flush()
	case examFinishMsg:
		if msg.err != nil {
			return s, common.Err(msg.err)
		}
		res, _ := s.ex.Results()
		return s, tea.Sequence(common.Pop, common.Push(newExamResults(s.c, s.ex, res, s.pool)))
	case tea.KeyPressMsg:
		if s.done || s.leaving {
			return s, nil
		}
		return s, s.key(msg)
	}
	return s, nil
}

func (s *examScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	n := len(s.item().Presented.Options)
	switch {
	case s.confirm:
		switch {
		case key.Matches(msg, s.keys.Yes):
			s.confirm = false
			s.ex.Submit(s.c.Clock())
			return s.finish()
		case key.Matches(msg, s.keys.No):
			s.confirm = false
		}
		return nil
	case key.Matches(msg, k.Back) && s.grid:
		s.grid = false
		return nil
	case key.Matches(msg, k.Back):
		// Leaving pauses: the saved state keeps the time left.
		s.gen++
		s.leaving = true
		if !s.c.Progress.HasStore() {
			return common.Pop
		}
		return s.save()
	case key.Matches(msg, s.keys.Submit):
		s.confirm = true
		return nil
	case isFlagKey(msg, s.keys.Flag, n) || (s.grid && msg.String() == "f"):
		i := s.ex.Current()
		if s.grid {
			i = s.gridPos
		}
		it, _ := s.ex.Item(i)
		_ = s.ex.SetFlag(i, !it.Flagged)
		return s.save()
	case key.Matches(msg, s.keys.Grid):
		s.grid = !s.grid
		s.gridPos = s.ex.Current()
		return nil
	}
	if s.grid {
		return s.gridKey(msg)
	}
	switch ev, cmd := s.q.Update(msg); ev {
	case question.Changed:
		return s.record()
	case question.None:
	default:
		return cmd
	}
	switch {
	case key.Matches(msg, s.keys.Next):
		if s.ex.Current() == s.ex.Len()-1 {
			s.grid, s.gridPos = true, s.ex.Current()
			return nil
		}
		return s.move(s.ex.Current() + 1)
	case key.Matches(msg, s.keys.Prev):
		return s.move(s.ex.Current() - 1)
	}
	return nil
}

// move shows item i and saves, so a resume opens where the learner was.
func (s *examScreen) move(i int) tea.Cmd {
	if s.ex.Jump(i) != nil {
		return nil
	}
	s.load()
	return s.save()
}

// record keeps the selection as the item's answer at once, a partial one
// (one of two) too: it stays on screen and is graded wrong. More ticks
// than the question asks for are refused with a warning.
func (s *examScreen) record() tea.Cmd {
	sel := s.q.Selection()
	now, i := s.c.Clock(), s.ex.Current()
	p := s.item().Presented
	switch {
	case sel.Count() > p.Choose:
		s.q.SetWarn(fmt.Sprintf(s.c.T("exam.toomany"), p.Choose))
		return nil
	case sel.Count() > 0:
		if err := s.ex.Answer(i, sel.Chosen(), now); err != nil {
			return common.Err(err)
		}
	default:
		if err := s.ex.Clear(i, now); err != nil {
			return common.Err(err)
		}
	}
	return s.save()
}

func (s *examScreen) gridKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	n := s.ex.Len()
	cols := max(s.c.Width/gridCell, 1)
	switch {
	case key.Matches(msg, k.Open):
		s.grid = false
		return s.move(s.gridPos)
	case key.Matches(msg, k.Left), msg.String() == "p":
		s.gridPos = (s.gridPos - 1 + n) % n
	case key.Matches(msg, k.Right), msg.String() == "n":
		s.gridPos = (s.gridPos + 1) % n
	case key.Matches(msg, k.Up):
		s.gridPos = max(s.gridPos-cols, 0)
	case key.Matches(msg, k.Down):
		s.gridPos = min(s.gridPos+cols, n-1)
	}
	return nil
}

// finish commits every graded answer through the one answer seam, then
// stores the final state and score.
func (s *examScreen) finish() tea.Cmd {
	s.done, s.gen, s.finishing = true, s.gen+1, true
	if s.inflight {
		return nil // the write in flight will flush the final one
	}
	return s.flush()
}

func (s *examScreen) finishCmd(ctx context.Context) tea.Cmd {
	res, _ := s.ex.Results()
	c, d := s.c, s.disk
	_, state := s.state()
	var answers []progress.Answer
	for _, it := range res.Items {
		if !it.Answered {
			continue
		}
		q := it.Presented.Question
		answers = append(answers, progress.Answer{Kind: "question", ItemID: it.QuestionID, Lang: string(s.lang),
			Correct: it.Result.Correct, Rating: int(quiz.Rate(it.Result.Correct, false, -1, quiz.DefaultBudget(q))),
			Chosen: question.IndexList(it.Result.Chosen), Source: "exam", AnsweredAt: it.AnsweredAt})
	}
	score := progress.ExamScore{Total: res.Total, Correct: res.Correct, Percent: res.Percent, TimeUsed: res.TimeUsed}
	for _, d := range res.Domains {
		score.Domains = append(score.Domains, progress.ExamDomain{Domain: d.Domain, Correct: d.Correct, Total: d.Total, Percent: d.Percent})
	}
	return func() tea.Msg {
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.final {
			return examFinishMsg{}
		}
		err := c.Progress.FinishExam(ctx, d.id, state, score, answers)
		d.final = err == nil
		return examFinishMsg{err}
	}
}
