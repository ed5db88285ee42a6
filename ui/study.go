package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/reader"
	"github.com/saa-study/saa-study/ui/text"
)

// SplitWidth is the window width from which Study puts the note and the
// questions side by side; below it they stack.
const SplitWidth = 100

// studyKeys are the keys of the questions panel.
type studyKeys struct {
	Pick, Toggle, Submit, Unsure, Focus, Rate, Scroll key.Binding
}

func newStudyKeys() studyKeys {
	return studyKeys{
		Pick:   key.NewBinding(key.WithKeys("a", "b", "c", "d", "e", "f"), key.WithHelp("a–f", "choose")),
		Toggle: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "choose")),
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer / next")),
		Unsure: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "unsure")),
		Focus:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "note ⇄ questions")),
		Rate:   key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1–4", "change rating")),
		Scroll: key.NewBinding(key.WithKeys("pgdown", "pgup", "J", "K"), key.WithHelp("J/K", "scroll")),
	}
}

// study is a note beside the questions on the section being read. A wrong
// answer scrolls the note to the paragraph that explains it.
type study struct {
	c    *Common
	keys studyKeys
	rd   *reader.Reader
	note *content.Note

	focusNote bool
	section   string // the section whose questions are shown
	qs        []*content.Question
	qi        int
	scope     string // "section" or "note"

	pres    quiz.Presented
	chosen  map[int]bool // display positions
	cursor  int
	unsure  bool
	started time.Time
	result  *quiz.Result
	rating  quiz.Rating
	answer  int64 // store row of the committed answer
	saving  bool
	pending *quiz.Result // graded, on its way to the store
	warn    string
	scroll  int
	seed    uint64
	answers int
	right   int
}

func newStudy(c *Common, n *content.Note, section string) *study {
	s := &study{c: c, keys: newStudyKeys(), note: n, seed: uint64(c.Clock().UnixNano())}
	s.rd = reader.NewAt(c, n, section)
	if section == "" {
		s.rd = reader.New(c, n)
	}
	return s
}

func (s *study) Title() string { return s.note.Title }

// Capturing keeps q from quitting while the reader's search field is open.
func (s *study) Capturing() bool { return s.focusNote && s.rd.Capturing() }

func (s *study) Init() tea.Cmd {
	s.layout()
	return s.rd.Init()
}

// layout splits the body between the note and the questions.
func (s *study) layout() tea.Cmd {
	w, h := s.c.Width, s.c.Height
	if w >= SplitWidth {
		return s.rd.SetSize(w*11/20, h)
	}
	return s.rd.SetSize(w, max(h*9/20, 3))
}

func (s *study) panelSize() (int, int) {
	w, h := s.c.Width, s.c.Height
	if w >= SplitWidth {
		return w - w*11/20 - 3, h // the rule between the columns takes 3
	}
	return w, max(h-max(h*9/20, 3)-1, 2)
}

func (s *study) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return s, s.layout()
	case answerSavedMsg:
		s.saving = false
		if msg.err != nil {
			s.pending = nil // not accepted: the learner can answer again
			return s, common.Err(msg.err)
		}
		s.answer = msg.id
		s.accept()
		return s, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, s.keys.Focus) && !s.rd.Capturing() && s.rd.Browsing() {
			s.focusNote = !s.focusNote
			return s, nil
		}
		if !s.focusNote {
			return s, s.panelKey(msg)
		}
	}
	rd, cmd := s.rd.Update(msg)
	s.rd = rd.(*reader.Reader)
	s.follow()
	return s, cmd
}

// follow loads the questions of the section on screen, unless an answer
// is being read.
func (s *study) follow() {
	if !s.rd.Ready() || s.result != nil || len(s.chosen) > 0 {
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
func (s *study) load() {
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

func (s *study) present() {
	s.chosen, s.cursor, s.unsure, s.result, s.warn, s.scroll, s.answer = map[int]bool{}, 0, false, nil, "", 0, 0
	if s.qi < len(s.qs) {
		s.pres = quiz.Present(s.qs[s.qi], s.seed+uint64(s.answers))
		s.started = s.c.Clock()
	}
}

// panelKey handles keys while the questions panel has focus.
func (s *study) panelKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	if key.Matches(msg, k.Back) {
		return tea.Sequence(s.rd.SavePosition(), common.Pop)
	}
	if len(s.qs) == 0 || s.qi >= len(s.qs) {
		return nil
	}
	if s.saving {
		return nil // the answer is on its way to the disk
	}
	if s.result != nil {
		return s.feedbackKey(msg)
	}
	n := len(s.pres.Options)
	switch {
	case key.Matches(msg, s.keys.Pick):
		if i := int(msg.String()[0] - 'a'); i < n {
			s.pick(i)
		}
	case key.Matches(msg, k.Up):
		s.cursor = (s.cursor - 1 + n) % n
	case key.Matches(msg, k.Down):
		s.cursor = (s.cursor + 1) % n
	case key.Matches(msg, s.keys.Toggle):
		s.pick(s.cursor)
	case key.Matches(msg, s.keys.Unsure):
		s.unsure = !s.unsure
	case key.Matches(msg, s.keys.Scroll):
		s.scrollPanel(msg)
	case key.Matches(msg, s.keys.Submit):
		return s.submit()
	}
	return nil
}

func (s *study) pick(i int) {
	s.warn = ""
	if s.pres.Choose == 1 {
		s.chosen = map[int]bool{i: true}
	} else {
		s.chosen[i] = !s.chosen[i]
		if !s.chosen[i] {
			delete(s.chosen, i)
		}
	}
	s.cursor = i
}

func (s *study) scrollPanel(msg tea.KeyPressMsg) {
	switch msg.String() {
	case "pgdown", "J":
		s.scroll += 3
	default:
		s.scroll = max(s.scroll-3, 0)
	}
}

// submit grades the answer, commits it, and shows where it is explained.
func (s *study) submit() tea.Cmd {
	var chosen []int
	for pos := range s.pres.Options {
		if s.chosen[pos] {
			chosen = append(chosen, s.pres.Order[pos])
		}
	}
	if err := quiz.Validate(s.pres, chosen); err != nil {
		s.warn = s.c.T("study.choose")
		if s.pres.Choose > 1 {
			s.warn = fmt.Sprintf(s.c.T("study.choosen"), s.pres.Choose)
		}
		return nil
	}
	res := quiz.Grade(s.pres, chosen)
	took := s.c.Clock().Sub(s.started)
	s.pending = &res
	s.rating = quiz.Rate(res.Correct, s.unsure, took, quiz.DefaultBudget(s.qs[s.qi]))
	q := s.qs[s.qi]
	s.saving = true
	return commitAnswer(s.c, progress.Answer{
		Kind: "question", ItemID: q.ID, Lang: string(q.Lang), Correct: res.Correct,
		Rating: int(s.rating), Chosen: indexList(chosen), DurationMS: took.Milliseconds(), Source: "study",
	})
}

// accept shows the feedback of an answer that is now on disk, and scrolls
// the note to the section that explains it.
func (s *study) accept() {
	if s.pending == nil {
		return
	}
	s.result, s.pending = s.pending, nil
	s.answers++
	if s.result.Correct {
		s.right++
	}
	s.scroll = 0
	if sec, ok := strings.CutPrefix(s.qs[s.qi].Section, s.note.ID+"#"); ok {
		s.rd.GotoSection(sec)
	}
}

func (s *study) feedbackKey(msg tea.KeyPressMsg) tea.Cmd {
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
	case key.Matches(msg, s.keys.Scroll), key.Matches(msg, s.c.Keys.Down), key.Matches(msg, s.c.Keys.Up):
		if key.Matches(msg, s.c.Keys.Down) {
			s.scroll++
		} else if key.Matches(msg, s.c.Keys.Up) {
			s.scroll = max(s.scroll-1, 0)
		} else {
			s.scrollPanel(msg)
		}
	case key.Matches(msg, s.keys.Submit):
		if s.saving {
			return nil // the answer is not on disk yet
		}
		s.rd.Highlight("")
		s.qi++
		s.present()
	}
	return nil
}

func indexList(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}

func (s *study) View() string {
	pw, ph := s.panelSize()
	panel := text.Fit(s.panel(pw, ph), ph)
	note := s.rd.View()
	if s.c.Width >= SplitWidth {
		sep := strings.TrimRight(strings.Repeat(s.c.Styles.Muted.Render("│")+"\n", s.c.Height), "\n")
		return lipgloss.JoinHorizontal(lipgloss.Top, text.Box(note, s.rd.Width(), s.c.Height), " ", sep, " ", panel)
	}
	rule := s.c.Styles.Muted.Render(strings.Repeat("─", s.c.Width))
	return text.Fit(note, s.rd.Height()) + "\n" + rule + "\n" + panel
}

// panel draws the question, or the feedback after answering, wrapped to w
// and scrolled so that the option under the cursor is within h lines; a
// last line says when more is below.
func (s *study) panel(w, h int) string {
	st := s.c.Styles
	var b strings.Builder
	wrap := func(text string, indent int) {
		pad := strings.Repeat(" ", indent)
		for _, l := range strings.Split(ansi.Wrap(text, max(w-indent, 10), ""), "\n") {
			b.WriteString(pad + l + "\n")
		}
	}
	if len(s.qs) == 0 {
		wrap(st.Muted.Render(s.c.T("study.none")), 0)
		return b.String()
	}
	if s.qi >= len(s.qs) {
		wrap(st.Good.Render(fmt.Sprintf(s.c.T("study.done"), s.right, s.answers)), 0)
		wrap(st.Muted.Render(s.c.T("study.donehint")), 0)
		return b.String()
	}
	q := s.qs[s.qi]
	curFrom, curTo := -1, -1 // the lines of the option under the cursor
	head := fmt.Sprintf(s.c.T("study.head"), s.qi+1, len(s.qs), s.c.T("domain."+q.Domain))
	if s.scope == "note" {
		head += " · " + s.c.T("study.onnote")
	}
	if s.focusNote {
		head = st.Muted.Render(head)
	} else {
		head = st.Header.Render(head)
	}
	b.WriteString(head + "\n")
	wrap(plainMarkdown(s.pres.Stem), 0)
	if s.pres.Label != "" {
		wrap(st.Warn.Render(s.pres.Label), 0)
	}
	b.WriteString("\n")
	if s.result == nil {
		cursor := s.cursor
		if s.focusNote {
			cursor = -1
		}
		opts := drawOptions(st, s.pres, func(i int) bool { return s.chosen[i] }, cursor, w)
		curFrom, curTo = cursorOptionLines(opts, strings.Count(b.String(), "\n"))
		b.WriteString(opts)
		if s.unsure {
			wrap(st.Warn.Render(s.c.T("study.unsure")), 0)
		}
		if s.saving {
			wrap(st.Muted.Render(s.c.T("study.saving")), 0)
		}
	} else {
		verdict := st.Good.Render("✓ " + s.c.T("study.right"))
		if !s.result.Correct {
			verdict = st.Bad.Render("✗ " + s.c.T("study.wrong"))
		}
		b.WriteString(verdict + "  " + st.Muted.Render(fmt.Sprintf(s.c.T("study.rating"), s.c.T("rating."+s.rating.String()))) + "\n")
		b.WriteString(drawFeedback(st, s.result.PerOption, w))
		if len(q.Facts) > 0 {
			wrap(st.Muted.Render(s.c.T("study.facts")+" "+s.factList(q.Facts)), 0)
		}
		wrap(st.Muted.Render(s.c.T("study.next")), 0)
	}
	if s.warn != "" {
		wrap(st.Warn.Render(s.warn), 0)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	body := h - 1 // the head line stays
	if curFrom > 0 && body > 1 {
		// Keep the cursor's option on screen (above the "more" line).
		s.scroll = min(s.scroll, curFrom-1)
		s.scroll = max(s.scroll, curTo-body+1)
	}
	if s.scroll > 0 {
		s.scroll = min(s.scroll, max(len(lines)-h, 0)) // stop when the end shows
		lines = append(lines[:1:1], lines[min(1+s.scroll, len(lines)):]...)
	}
	if h > 2 && len(lines) > h {
		lines = append(lines[:h-1], st.Muted.Render(ansi.Truncate(s.c.T("study.more"), w, "…")))
	}
	return strings.Join(lines, "\n")
}

// cursorOptionLines finds the lines of drawn options that belong to the option
// under the cursor, counted from first (the line the options start on).
func cursorOptionLines(opts string, first int) (from, to int) {
	from, to = -1, -1
	for i, l := range strings.Split(strings.TrimRight(opts, "\n"), "\n") {
		plain := ansi.Strip(l)
		switch {
		case strings.HasPrefix(plain, "▸ "):
			from, to = first+i, first+i
		case from >= 0 && to == first+i-1 && strings.HasPrefix(plain, "      "):
			to = first + i
		}
	}
	return from, to
}

func (s *study) factList(ids []string) string {
	return factLine(s.c.Lib, ids, s.note.Lang)
}

// plainMarkdown drops the few Markdown marks a stem may carry and joins
// the lines of each paragraph, for the narrow panel where glamour would be
// too slow to run per key press.
func plainMarkdown(s string) string {
	r := strings.NewReplacer("**", "", "__", "", "`", "")
	paras := strings.Split(r.Replace(s), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

func (s *study) ShortHelp() []key.Binding {
	if s.focusNote {
		return append([]key.Binding{s.keys.Focus}, s.rd.ShortHelp()...)
	}
	if s.result != nil {
		return []key.Binding{s.keys.Submit, s.keys.Rate, s.keys.Scroll, s.keys.Focus}
	}
	return []key.Binding{pickHelp(s.keys.Pick, len(s.pres.Options)), s.keys.Submit, s.keys.Unsure, s.keys.Focus}
}

// pickHelp names the letters a question really has ("a–d") in the help
// bar of a choose-a-letter binding.
func pickHelp(b key.Binding, options int) key.Binding {
	if options > 0 && options <= 6 {
		b.SetHelp(fmt.Sprintf("a–%c", 'a'+options-1), b.Help().Desc)
	}
	return b
}

func (s *study) FullHelp() [][]key.Binding {
	return append([][]key.Binding{{s.keys.Pick, s.keys.Toggle, s.keys.Submit, s.keys.Unsure, s.keys.Rate, s.keys.Scroll, s.keys.Focus}}, s.rd.FullHelp()...)
}
