package exam

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/cardform"
	"github.com/saa-study/saa-study/ui/components/question"
)

// practiceKeys are the keys of a practice or quiz session besides the
// answering keys.
type practiceKeys struct {
	Flag, Report, OpenNote, Drill key.Binding
}

func newPracticeKeys() practiceKeys {
	return practiceKeys{
		Flag:     key.NewBinding(key.WithKeys("m"), key.WithHelp("f/m", "flag")),
		Report:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "report")),
		OpenNote: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the note")),
		Drill:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "drill what I missed")),
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
	c      *common.Common
	keys   practiceKeys
	p      *quiz.Practice
	source string // "practice" or "quiz": the answers' source in the store
	seed   uint64
	run    *quizRun

	q         *question.Model
	openAfter bool // o was pressed before the answer was on disk
	flagged   []*content.Question

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

func newPracticeScreen(c *common.Common, qs []*content.Question, f quiz.Filter, source string) (*practiceScreen, error) {
	seed := uint64(c.Clock().UnixNano())
	p, err := quiz.NewPractice(qs, f, seed)
	if err != nil {
		return nil, fmt.Errorf("practice: %w", err)
	}
	s := &practiceScreen{c: c, keys: newPracticeKeys(), p: p, source: source, seed: seed, q: question.New(c)}
	s.input = textinput.New()
	s.input.Prompt = "› "
	s.input.CharLimit = 300
	s.next()
	return s, nil
}

// next shows the question waiting for an answer, options shuffled for this
// attempt.
func (s *practiceScreen) next() {
	pr, ok := s.p.Next()
	if !ok {
		s.q.Clear()
		return
	}
	s.q.Present(pr)
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

func (s *practiceScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case question.SavedMsg:
		_, cmd := s.q.Saved(msg)
		if msg.Err != nil {
			return s, cmd
		}
		cmds := []tea.Cmd{cmd}
		if s.openAfter {
			// The note goes on top only now, so this message was not lost.
			s.openAfter = false
			cmds = append(cmds, openNoteOf(s.c, s.q.Question()))
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
	if s.p.Done() && !s.q.Graded() {
		if key.Matches(msg, s.keys.Drill) {
			return s.drill()
		}
		return nil
	}
	n := len(s.q.Presented().Options)
	switch {
	case key.Matches(msg, s.keys.Report):
		s.reporting = true
		s.input.SetValue("")
		s.input.SetWidth(max(s.c.Width-4, 10))
		return s.input.Focus()
	case isFlagKey(msg, s.keys.Flag, n):
		s.toggleFlag()
		return nil
	case s.q.Graded() && key.Matches(msg, s.keys.OpenNote):
		if s.q.Saving() {
			s.openAfter = true
			return nil
		}
		return openNoteOf(s.c, s.q.Question())
	case s.q.Graded() && key.Matches(msg, cardform.AddKey) && s.q.Question() != nil:
		front, back := cardform.FromQuestion(s.q.Question())
		return cardform.Open(s.c, front, back, s.q.Question().ID)
	}
	ev, cmd := s.q.Update(msg)
	switch ev {
	case question.Submitted:
		return s.submit()
	case question.Next:
		s.next()
	}
	return cmd
}

func (s *practiceScreen) toggleFlag() {
	q := s.q.Question()
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
	now := s.c.Clock()
	took := now.Sub(s.q.Started())
	res, rating, err := s.p.Answer(s.q.Selection().Chosen(), s.q.Unsure(), took, now)
	if err != nil {
		return common.Err(err)
	}
	s.q.Show(res, rating) // the answered question stays on screen with its feedback
	q := s.q.Question()
	cmds := []tea.Cmd{s.q.Commit(progress.Answer{Kind: "question", ItemID: q.ID, Lang: string(q.Lang), Correct: res.Correct,
		Rating: int(rating), Chosen: question.IndexList(res.Chosen), DurationMS: took.Milliseconds(), Source: s.source, AnsweredAt: now})}
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
		q := s.q.Question()
		if note == "" || q == nil || !s.c.Progress.HasStore() {
			return nil
		}
		c, version := s.c, ""
		if c.Lib != nil {
			version = c.Lib.Version()
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
