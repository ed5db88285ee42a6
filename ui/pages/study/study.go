// Package study is the Study page: a note beside the questions on the
// section being read. A wrong answer scrolls the note to the paragraph
// that explains it.
package study

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/cardform"
	"github.com/saa-study/saa-study/ui/components/question"
	"github.com/saa-study/saa-study/ui/components/reader"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/text"
)

// SplitWidth is the window width from which Study puts the note and the
// questions side by side; below it they stack.
const SplitWidth = 100

// focusKey switches between the note and the questions.
var focusKey = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "note ⇄ questions"))

// Study is a note beside the questions on the section being read.
type Study struct {
	c    *common.Common
	rd   *reader.Reader
	note *content.Note
	q    *question.Model

	focusNote bool
	section   string // the section whose questions are shown
	qs        []*content.Question
	qi        int
	scope     string // "section" or "note"

	seed    uint64
	answers int
	right   int
}

// New opens Study on note n at section ("" for the top).
func New(c *common.Common, n *content.Note, section string) *Study {
	s := &Study{c: c, note: n, q: question.New(c), seed: uint64(c.Clock().UnixNano())}
	s.rd = reader.NewAt(c, n, section)
	if section == "" {
		s.rd = reader.New(c, n)
	}
	// tab switches panes here, so links are selected with ] and [.
	s.rd.UseLinkKeys("]", "[")
	return s
}

func (s *Study) Title() string { return s.note.Title }

// Capturing keeps q from quitting while the reader's search field is open.
func (s *Study) Capturing() bool { return s.focusNote && s.rd.Capturing() }

func (s *Study) Init() tea.Cmd {
	s.layout()
	return s.rd.Init()
}

// MinPanelWidth is the narrowest the questions may be beside the note: a
// column of about 30 characters of option text, like a newspaper's.
const MinPanelWidth = 34

// noteWidth is the note's share of a split window: a little over half, or
// more when the note's widest diagram needs it — a diagram is never
// wrapped or cut, since a wrong answer scrolls the note to exactly those
// drawings. 0 when the window is too narrow to split.
func (s *Study) noteWidth() int {
	w := s.c.Width
	if w < SplitWidth {
		return 0
	}
	nw := max(w*11/20, render.DiagramWidth(s.rd.Note()))
	return min(nw, w-3-MinPanelWidth)
}

// layout splits the body between the note and the questions.
func (s *Study) layout() tea.Cmd {
	w, h := s.c.Width, s.c.Height
	if nw := s.noteWidth(); nw > 0 {
		return s.rd.SetSize(nw, h)
	}
	return s.rd.SetSize(w, max(h*9/20, 3))
}

func (s *Study) panelSize() (int, int) {
	w, h := s.c.Width, s.c.Height
	if nw := s.noteWidth(); nw > 0 {
		return w - nw - 3, h // the rule between the columns takes 3
	}
	return w, max(h-max(h*9/20, 3)-1, 2)
}

func (s *Study) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return s, s.layout()
	case question.SavedMsg:
		shown, cmd := s.q.Saved(msg)
		if shown {
			s.accept()
		}
		return s, cmd
	case tea.KeyPressMsg:
		if key.Matches(msg, focusKey) && !s.rd.Capturing() {
			s.focusNote = !s.focusNote
			return s, nil
		}
		if !s.focusNote {
			return s, s.panelKey(msg)
		}
	}
	before := s.rd.Note()
	rd, cmd := s.rd.Update(msg)
	s.rd = rd.(*reader.Reader)
	if s.rd.Note() != before {
		// Another note may need another width for its diagrams.
		cmd = tea.Batch(cmd, s.layout())
	}
	s.follow()
	return s, cmd
}

// follow loads the questions of the section on screen, unless an answer
// is being read.
func (s *Study) follow() {
	if !s.rd.Ready() || s.q.Graded() || s.q.Touched() {
		return
	}
	if s.rd.Note() != s.note {
		s.note, s.section = s.rd.Note(), ""
	}
	sec := s.rd.CurrentSection()
	if sec == "" && len(s.note.Sections) > 0 {
		sec = s.note.Sections[0].ID
	}
	if sec == s.section && s.qs != nil {
		return
	}
	s.section = sec
	s.load()
}

// load picks the questions that link to the section, or to the note when
// the section has none.
func (s *Study) load() {
	s.qs, s.qi, s.scope = nil, 0, "section"
	if s.c.Lib == nil {
		return
	}
	target := s.note.ID + "#" + s.section
	var onNote []*content.Question
	for _, q := range s.c.Lib.Questions(s.note.Lang) {
		switch {
		case q.Section == target:
			s.qs = append(s.qs, q)
		case strings.HasPrefix(q.Section, s.note.ID+"#") || q.Topic == s.note.ID:
			onNote = append(onNote, q)
		}
	}
	if len(s.qs) == 0 {
		s.qs, s.scope = onNote, "note"
	}
	if s.qs == nil {
		s.qs = []*content.Question{}
	}
	s.present()
}

func (s *Study) present() {
	if s.qi < len(s.qs) {
		s.q.Present(quiz.Present(s.qs[s.qi], s.seed+uint64(s.answers)))
		return
	}
	s.q.Clear()
}

// panelKey handles keys while the questions panel has focus.
func (s *Study) panelKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, s.c.Keys.Back) {
		return tea.Sequence(s.rd.SavePosition(), common.Pop)
	}
	if len(s.qs) == 0 || s.qi >= len(s.qs) || s.q.Saving() {
		return nil // nothing to answer, or the answer is on its way to the disk
	}
	if s.q.Graded() && key.Matches(msg, cardform.AddKey) {
		// A card from the question and its explanation, to keep.
		front, back := cardform.FromQuestion(s.qs[s.qi])
		return cardform.Open(s.c, front, back, s.qs[s.qi].ID)
	}
	ev, cmd := s.q.Update(msg)
	switch ev {
	case question.Submitted:
		return s.submit()
	case question.Next:
		s.rd.Highlight("")
		s.qi++
		s.present()
	}
	return cmd
}

// submit grades the answer and commits it; the feedback shows once it is
// on disk.
func (s *Study) submit() tea.Cmd {
	res, rating, took := s.q.Grade()
	s.q.Hold(res, rating)
	q := s.qs[s.qi]
	return s.q.Commit(progress.Answer{
		Kind: "question", ItemID: q.ID, Lang: string(q.Lang), Correct: res.Correct,
		Rating: int(rating), Chosen: question.IndexList(res.Chosen), DurationMS: took.Milliseconds(), Source: "study",
	})
}

// accept counts an answer that is now on disk, and scrolls the note to the
// section that explains it.
func (s *Study) accept() {
	s.answers++
	if s.q.Result().Correct {
		s.right++
	}
	if sec, ok := strings.CutPrefix(s.qs[s.qi].Section, s.note.ID+"#"); ok {
		s.rd.GotoSection(sec)
	}
}

func (s *Study) View() string {
	pw, ph := s.panelSize()
	panel := text.Fit(s.panel(pw, ph), ph)
	note := s.rd.View()
	if s.noteWidth() > 0 {
		sep := strings.TrimRight(strings.Repeat(s.c.Styles.Muted.Render("│")+"\n", s.c.Height), "\n")
		return lipgloss.JoinHorizontal(lipgloss.Top, text.Box(note, s.rd.Width(), s.c.Height), " ", sep, " ", panel)
	}
	rule := s.c.Styles.Muted.Render(strings.Repeat("─", s.c.Width))
	return text.Fit(note, s.rd.Height()) + "\n" + rule + "\n" + panel
}

// panel draws the question, or the feedback after answering, wrapped to w
// and scrolled so that the option under the cursor is within h lines; a
// last line says when more is below.
func (s *Study) panel(w, h int) string {
	st := s.c.Styles
	if len(s.qs) == 0 {
		return text.WrapIndent(st.Muted.Render(s.c.T("study.none")), w, 0)
	}
	if s.qi >= len(s.qs) {
		return text.WrapIndent(st.Good.Render(fmt.Sprintf(s.c.T("study.done"), s.right, s.answers)), w, 0) +
			text.WrapIndent(st.Muted.Render(s.c.T("study.donehint")), w, 0)
	}
	q := s.qs[s.qi]
	head := fmt.Sprintf(s.c.T("study.head"), s.qi+1, len(s.qs), s.c.T("domain."+q.Domain))
	if s.scope == "note" {
		head += " · " + s.c.T("study.onnote")
	}
	style := st.Header
	if s.focusNote {
		style = st.Muted
	}
	heads := text.Wrap(head, w)
	for i, l := range heads {
		heads[i] = style.Render(l)
	}
	head = strings.Join(heads, "\n")
	more := ""
	if h > 2 {
		more = st.Muted.Render(ansi.Truncate(s.c.T("study.more"), w, "…"))
	}
	// The option under the cursor always stays on screen.
	s.q.Follow()
	return s.q.View(head, s.q.Body(w, !s.focusNote, s.c.T("study.next")), h, more)
}

func (s *Study) ShortHelp() []key.Binding {
	if s.focusNote {
		return append([]key.Binding{focusKey}, s.rd.ShortHelp()...)
	}
	k := s.q.Keys
	if s.q.Graded() {
		return []key.Binding{k.Submit, k.Rate, k.Scroll, cardform.AddKey, focusKey}
	}
	return []key.Binding{s.q.PickHelp(), k.Submit, k.Unsure, focusKey}
}

func (s *Study) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, sec := range s.HelpSections() {
		if !sec.Inactive {
			out = append(out, sec.Keys)
		}
	}
	return out
}

// HelpSections says which keys apply where: the answering keys in the
// question pane, the reader's in the note pane, tab in both. The pane
// without focus is listed too, dimmed, as where tab leads.
func (s *Study) HelpSections() []common.HelpSection {
	k, ck := s.q.Keys, s.c.Keys
	question := []key.Binding{s.q.PickHelp(), k.Toggle, ck.Up, ck.Down, k.Submit, k.Unsure, k.Rate, k.Scroll, cardform.AddKey}
	var note []key.Binding
	for _, g := range s.rd.FullHelp() {
		note = append(note, g...)
	}
	qTitle, nTitle := s.c.T("help.question"), s.c.T("help.note")
	if s.focusNote {
		qTitle, nTitle = s.c.T("help.questionaway"), s.c.T("help.notefocus")
	}
	qs := common.HelpSection{Title: qTitle, Keys: question, Inactive: s.focusNote}
	ns := common.HelpSection{Title: nTitle, Keys: note, Inactive: !s.focusNote}
	both := common.HelpSection{Title: s.c.T("help.both"), Keys: []key.Binding{focusKey}}
	if s.focusNote {
		return []common.HelpSection{ns, both, qs}
	}
	return []common.HelpSection{qs, both, ns}
}

// Presented is the question on screen.
func (s *Study) Presented() quiz.Presented { return s.q.Presented() }

// NoteWidth is the width the note is drawn at.
func (s *Study) NoteWidth() int { return s.rd.Width() }
