package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
)

// practiceKeys are the keys of a practice or quiz session.
type practiceKeys struct {
	Pick, Toggle, Submit, Unsure, Flag, Report, OpenNote, Rate, Drill, Scroll key.Binding
}

func newPracticeKeys() practiceKeys {
	return practiceKeys{
		Pick:     key.NewBinding(key.WithKeys("a", "b", "c", "d", "e", "f"), key.WithHelp("a–e", "choose")),
		Toggle:   key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "choose")),
		Submit:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer / next")),
		Unsure:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "unsure")),
		Flag:     key.NewBinding(key.WithKeys("m"), key.WithHelp("f/m", "flag")),
		Report:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "report")),
		OpenNote: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the note")),
		Rate:     key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1–4", "change rating")),
		Drill:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "drill what I missed")),
		Scroll:   key.NewBinding(key.WithKeys("pgdown", "pgup", "J", "K"), key.WithHelp("J/K", "scroll")),
	}
}

// quizRun is a teacher's quiz being taken: who answers, and where the
// results are written after every answer.
type quizRun struct {
	quiz    *content.Quiz
	who     string
	export  string
	records []quiz.Record
}

// practiceScreen asks questions one at a time with feedback after each:
// practice, a drill of missed questions, or a teacher's quiz.
type practiceScreen struct {
	c      *Common
	keys   practiceKeys
	p      *quiz.Practice
	source string // "practice" or "quiz": the answers' source in the store
	seed   uint64
	run    *quizRun

	pres      quiz.Presented
	sel       *quiz.Selection
	cursor    int
	unsure    bool
	started   time.Time
	result    *quiz.Result
	rating    quiz.Rating
	answer    int64
	saving    bool
	openAfter bool        // o was pressed before the answer was on disk
	committed quiz.Rating // the rating written with the answer
	flagged   []*content.Question
	warn      string
	scroll    int

	reporting bool
	input     textinput.Model
}

type (
	reportedMsg struct{ err error }
	exportedMsg struct {
		path string
		err  error
	}
)

func newPracticeScreen(c *Common, qs []*content.Question, f quiz.Filter, source string) (*practiceScreen, error) {
	seed := uint64(c.Clock().UnixNano())
	p, err := quiz.NewPractice(qs, f, seed)
	if err != nil {
		return nil, fmt.Errorf("practice: %w", err)
	}
	s := &practiceScreen{c: c, keys: newPracticeKeys(), p: p, source: source, seed: seed}
	s.input = textinput.New()
	s.input.Prompt = "› "
	s.input.CharLimit = 300
	s.next()
	return s, nil
}

// next shows the question waiting for an answer, options shuffled for this
// attempt.
func (s *practiceScreen) next() {
	s.result, s.unsure, s.warn, s.scroll, s.cursor, s.answer = nil, false, "", 0, 0, 0
	pr, ok := s.p.Next()
	if !ok {
		s.pres, s.sel = quiz.Presented{}, nil
		return
	}
	s.pres, s.sel, s.started = pr, quiz.NewSelection(pr), s.c.Clock()
}

func (s *practiceScreen) Title() string {
	if s.run != nil {
		return s.run.quiz.Title
	}
	return s.c.T("practice.title")
}

// Capturing keeps q and ? for the report field while it is open.
func (s *practiceScreen) Capturing() bool { return s.reporting }

func (s *practiceScreen) Init() tea.Cmd { return nil }

func (s *practiceScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case answerSavedMsg:
		s.saving = false
		if msg.err != nil {
			return s, common.Err(msg.err)
		}
		s.answer = msg.id
		var cmds []tea.Cmd
		if s.rating != s.committed && msg.id > 0 {
			// 1–4 was pressed while the answer was being written.
			cmds = append(cmds, rerate(s.c, msg.id, int(s.rating)))
		}
		if s.openAfter {
			// The note goes on top only now, so this message was not lost.
			s.openAfter = false
			cmds = append(cmds, openNoteOf(s.c, s.pres.Question))
		}
		return s, tea.Sequence(cmds...)
	case reportedMsg:
		if msg.err != nil {
			return s, common.Err(msg.err)
		}
		return s, common.Status(s.c.T("practice.reported"))
	case exportedMsg:
		if msg.err != nil {
			return s, common.Err(msg.err)
		}
		return s, common.Status(fmt.Sprintf(s.c.T("quiz.exported"), msg.path))
	case tea.KeyPressMsg:
		if s.reporting {
			return s, s.reportKey(msg)
		}
		return s, s.key(msg)
	}
	return s, nil
}

func (s *practiceScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	if key.Matches(msg, k.Back) {
		return common.Pop
	}
	if s.p.Done() && s.result == nil {
		if key.Matches(msg, s.keys.Drill) {
			return s.drill()
		}
		return nil
	}
	n := len(s.pres.Options)
	switch {
	case key.Matches(msg, s.keys.Report):
		s.reporting = true
		s.input.SetValue("")
		s.input.SetWidth(max(s.c.Width-4, 10))
		return s.input.Focus()
	case isFlagKey(msg, s.keys.Flag, n):
		s.toggleFlag()
		return nil
	case key.Matches(msg, s.keys.Scroll):
		if msg.String() == "pgdown" || msg.String() == "J" {
			s.scroll += 3
		} else {
			s.scroll = max(s.scroll-3, 0)
		}
		return nil
	}
	if s.result != nil {
		return s.feedbackKey(msg)
	}
	switch {
	case key.Matches(msg, s.keys.Pick):
		if i := int(msg.String()[0] - 'a'); i < n {
			s.cursor, s.warn = i, ""
			s.sel.Toggle(i)
		}
	case key.Matches(msg, s.keys.Toggle):
		s.sel.Toggle(s.cursor)
		s.warn = ""
	case key.Matches(msg, k.Up) && n > 0:
		s.cursor = (s.cursor - 1 + n) % n
	case key.Matches(msg, k.Down) && n > 0:
		s.cursor = (s.cursor + 1) % n
	case key.Matches(msg, s.keys.Unsure):
		s.unsure = !s.unsure
	case key.Matches(msg, s.keys.Submit):
		return s.submit()
	}
	return nil
}

func (s *practiceScreen) toggleFlag() {
	q := s.pres.Question
	if q == nil {
		return
	}
	if i := slices.Index(s.flagged, q); i >= 0 {
		s.flagged = slices.Delete(s.flagged, i, i+1)
		return
	}
	s.flagged = append(s.flagged, q)
}

// submit grades, rates and commits the answer before anything moves on.
func (s *practiceScreen) submit() tea.Cmd {
	chosen := s.sel.Chosen()
	if err := quiz.Validate(s.pres, chosen); err != nil {
		s.warn = s.c.T("study.choose")
		if s.pres.Choose > 1 {
			s.warn = fmt.Sprintf(s.c.T("study.choosen"), s.pres.Choose)
		}
		return nil
	}
	now := s.c.Clock()
	took := now.Sub(s.started)
	pres := s.pres
	res, rating, err := s.p.Answer(chosen, s.unsure, took, now)
	if err != nil {
		return common.Err(err)
	}
	s.pres = pres // keep the answered question on screen with its feedback
	s.result, s.rating, s.committed, s.scroll, s.saving = &res, rating, rating, 0, true
	q := pres.Question
	cmds := []tea.Cmd{commitAnswer(s.c, progress.Answer{Kind: "question", ItemID: q.ID, Lang: string(q.Lang), Correct: res.Correct,
		Rating: int(rating), Chosen: indexList(res.Chosen), DurationMS: took.Milliseconds(), Source: s.source, AnsweredAt: now})}
	if s.run != nil {
		s.run.records = append(s.run.records, quiz.NewRecord(s.run.who, s.run.quiz.ID, res, now, took))
		if c := s.exportCmd(); c != nil {
			cmds = append(cmds, c)
		}
	}
	return tea.Sequence(cmds...)
}

// exportCmd rewrites the teacher's results file, so a closed terminal
// still leaves every answer given so far.
func (s *practiceScreen) exportCmd() tea.Cmd {
	if s.run == nil || s.run.export == "" {
		return nil
	}
	path, recs := s.run.export, slices.Clone(s.run.records)
	return func() tea.Msg { return exportedMsg{path, progress.WriteQuizExport(path, recs)} }
}

func (s *practiceScreen) feedbackKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Rate):
		r := quiz.Rating(msg.String()[0] - '0')
		if !s.result.Correct && r != quiz.Again {
			s.warn = s.c.T("study.wrongagain")
			return nil
		}
		s.rating = r
		if s.answer > 0 {
			return rerate(s.c, s.answer, int(r))
		}
	case key.Matches(msg, s.keys.OpenNote):
		if s.saving {
			s.openAfter = true
			return nil
		}
		return openNoteOf(s.c, s.pres.Question)
	case key.Matches(msg, s.c.Keys.Down):
		s.scroll++
	case key.Matches(msg, s.c.Keys.Up):
		s.scroll = max(s.scroll-1, 0)
	case key.Matches(msg, s.keys.Submit):
		if s.saving {
			return nil // the answer is not on disk yet
		}
		s.next()
	}
	return nil
}

// drill starts a new session over the questions missed or flagged.
func (s *practiceScreen) drill() tea.Cmd {
	qs := s.p.Missed()
	for _, q := range s.flagged {
		if !slices.Contains(qs, q) {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 {
		return common.Status(s.c.T("results.nomissed"))
	}
	d, err := newPracticeScreen(s.c, qs, quiz.Filter{}, "practice")
	if err != nil {
		return common.Err(err)
	}
	return tea.Sequence(common.Pop, common.Push(d))
}

func (s *practiceScreen) reportKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		s.reporting = false
		s.input.Blur()
		return nil
	case "enter":
		s.reporting = false
		s.input.Blur()
		note := strings.TrimSpace(s.input.Value())
		q := s.pres.Question
		if note == "" || q == nil || !s.c.Progress.HasStore() {
			return nil
		}
		c, version := s.c, ""
		if c.Lib != nil {
			version = c.Lib.Version
		}
		r := progress.QuestionReport{QuestionID: q.ID, Lang: string(q.Lang), Note: note, ContentVersion: version, ReportedAt: c.Clock()}
		return func() tea.Msg {
			_, err := c.Progress.ReportQuestion(c.Ctx, r)
			return reportedMsg{err}
		}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}
