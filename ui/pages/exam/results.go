package exam

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/question"
	"github.com/saa-study/saa-study/ui/text"
)

// resultKeys are the keys of the results and review screen.
type resultKeys struct {
	Filter, Retake, OpenNote key.Binding
}

func newResultKeys() resultKeys {
	return resultKeys{
		Filter:   key.NewBinding(key.WithKeys("tab", "w"), key.WithHelp("tab", "all/wrong/flagged")),
		Retake:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retake missed")),
		OpenNote: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the note")),
	}
}

// examResults shows a submitted exam: the score, a pass estimate, the
// time used, a bar per domain, and every item for review.
type examResults struct {
	c      *common.Common
	keys   resultKeys
	ex     *quiz.Exam
	res    quiz.Results
	pool   []*content.Question
	filter quiz.ReviewFilter
	items  []quiz.ReviewItem
	cursor int
	offset int
	detail bool
	scroll int
	note   string // a past attempt: when it was submitted or abandoned
}

func newExamResults(c *common.Common, ex *quiz.Exam, res quiz.Results, pool []*content.Question) *examResults {
	r := &examResults{c: c, keys: newResultKeys(), ex: ex, res: res, pool: pool}
	r.items = res.Review(r.filter)
	return r
}

func (r *examResults) Init() tea.Cmd { return nil }
func (r *examResults) Title() string { return r.c.T("results.title") }

func (r *examResults) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	k := r.c.Keys
	if r.detail {
		switch {
		case key.Matches(km, k.Back):
			r.detail = false
		case key.Matches(km, k.Down), key.Matches(km, k.PageDown):
			r.scroll++
		case key.Matches(km, k.Up), key.Matches(km, k.PageUp):
			r.scroll = max(r.scroll-1, 0)
		case key.Matches(km, r.keys.OpenNote):
			return r, openNoteOf(r.c, r.items[r.cursor].Presented.Question)
		case key.Matches(km, k.Right), km.String() == "n":
			r.cursor, r.scroll = min(r.cursor+1, len(r.items)-1), 0
		case key.Matches(km, k.Left), km.String() == "p":
			r.cursor, r.scroll = max(r.cursor-1, 0), 0
		}
		return r, nil
	}
	n := len(r.items)
	switch {
	case key.Matches(km, k.Back):
		return r, common.Pop
	case key.Matches(km, r.keys.Filter):
		r.filter = (r.filter + 1) % 3
		r.items, r.cursor, r.offset = r.res.Review(r.filter), 0, 0
	case key.Matches(km, r.keys.Retake):
		return r, r.retake()
	case key.Matches(km, k.Up) && n > 0:
		r.cursor = (r.cursor - 1 + n) % n
	case key.Matches(km, k.Down) && n > 0:
		r.cursor = (r.cursor + 1) % n
	case key.Matches(km, k.Open) && n > 0:
		r.detail, r.scroll = true, 0
	}
	return r, nil
}

// retake starts a new exam over what was answered wrong or left blank.
func (r *examResults) retake() tea.Cmd {
	cfg, err := r.ex.RetakeMissed()
	if err != nil {
		return common.Status(r.c.T("results.nomissed"))
	}
	s, err := newExamFrom(r.c, r.pool, r.c.Lang, cfg)
	if err != nil {
		return common.Status(r.c.T("results.nomissed"))
	}
	return tea.Sequence(common.Pop, common.Push(s))
}

// openNoteOf pushes a reader at the section a question links to.
func openNoteOf(c *common.Common, q *content.Question) tea.Cmd {
	if q == nil || c.Lib == nil || q.Section == "" {
		return common.Status(c.T("quiz.nonote"))
	}
	return common.Open("note:" + q.Section)
}

func (r *examResults) View() string {
	if r.detail && r.cursor < len(r.items) {
		return r.detailView()
	}
	st := r.c.Styles
	w, h := r.c.Width, r.c.Height
	res := r.res
	var b strings.Builder
	b.WriteString(st.Header.Render(fmt.Sprintf(r.c.T("results.score"), res.Percent, res.Correct, res.Total)) + "\n")
	if r.note != "" {
		b.WriteString(text.WrapIndent(st.Warn.Render(r.note), w, 0))
	}
	pass := st.Bad.Render(r.c.T("results.notyet"))
	if res.LikelyPass {
		pass = st.Good.Render(r.c.T("results.pass"))
	}
	b.WriteString(text.WrapIndent(pass+" "+st.Muted.Render(r.c.T("results.estimate")), w, 0))
	used := fmt.Sprintf(r.c.T("results.time"), text.Clock(res.TimeUsed), text.Clock(res.Duration))
	if res.TimedOut {
		used += " · " + r.c.T("results.timedout")
	}
	b.WriteString(st.Muted.Render(used) + "\n")
	if h >= 16 {
		b.WriteString(domainBars(r.c, res.Domains, w))
	}
	b.WriteString(r.filterLine() + "\n")
	top := strings.Count(b.String(), "\n")
	rows := max(h-top-1, 1)
	if r.cursor < r.offset {
		r.offset = r.cursor
	}
	if r.cursor >= r.offset+rows {
		r.offset = r.cursor - rows + 1
	}
	if len(r.items) == 0 {
		b.WriteString(st.Muted.Render(r.c.T("results.empty")) + "\n")
	}
	for i := r.offset; i < len(r.items) && i < r.offset+rows; i++ {
		b.WriteString(r.row(r.items[i], i == r.cursor, w) + "\n")
	}
	b.WriteString(st.Muted.Render(ansi.Truncate(r.c.T("results.hint"), w, "…")))
	return text.Fit(b.String(), h)
}

// domainBars draws one bar per exam domain that had questions.
func domainBars(c *common.Common, ds []quiz.DomainScore, w int) string {
	st := c.Styles
	nameW := 0
	for _, d := range ds {
		nameW = max(nameW, text.Width(c.T("domain."+d.Domain)))
	}
	barW := min(max(w-nameW-18, 4), 30)
	var b strings.Builder
	for _, d := range ds {
		if d.Total == 0 {
			continue
		}
		line := text.PadRight(c.T("domain."+d.Domain), nameW) + " " + bar(st, d.Percent/100, barW) +
			fmt.Sprintf(" %5.1f%% %d/%d", d.Percent, d.Correct, d.Total)
		b.WriteString(ansi.Truncate(line, w, "…") + "\n")
	}
	return b.String()
}

func (r *examResults) filterLine() string {
	st := r.c.Styles
	var parts []string
	for f := quiz.ReviewAll; f <= quiz.ReviewFlagged; f++ {
		name := r.c.T("results.filter." + f.String())
		if f == r.filter {
			name = st.ItemSelected.Render("[" + name + "]")
		} else {
			name = st.Muted.Render(name)
		}
		parts = append(parts, name)
	}
	return r.c.T("results.review") + " " + strings.Join(parts, " ")
}

func (r *examResults) row(it quiz.ReviewItem, sel bool, w int) string {
	st := r.c.Styles
	mark := st.Good.Render("✓")
	switch {
	case !it.Answered:
		mark = st.Muted.Render("–")
	case !it.Result.Correct:
		mark = st.Bad.Render("✗")
	}
	flag := " "
	if it.Flagged {
		flag = st.Warn.Render("⚑")
	}
	prefix := "  "
	if sel {
		prefix = st.Cursor.Render("▸ ")
	}
	stem := strings.Join(strings.Fields(question.PlainMarkdown(it.Presented.Stem)), " ")
	line := fmt.Sprintf("%s%s%s %2d %s", prefix, mark, flag, it.Index+1, stem)
	return ansi.Truncate(line, w, "…")
}

func (r *examResults) detailView() string {
	st := r.c.Styles
	w, h := r.c.Width, r.c.Height
	it := r.items[r.cursor]
	verdict := st.Good.Render("✓ " + r.c.T("study.right"))
	switch {
	case !it.Answered:
		verdict = st.Muted.Render("– " + r.c.T("results.blank"))
	case !it.Result.Correct:
		verdict = st.Bad.Render("✗ " + r.c.T("study.wrong"))
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(fmt.Sprintf(r.c.T("exam.head"), it.Index+1, r.res.Total)) + "  " + verdict + "\n")
	b.WriteString(text.WrapIndent(question.InlineMarkdown(st, it.Presented.Stem), w, 0))
	if it.Presented.Label != "" {
		b.WriteString(text.WrapIndent(st.Warn.Render(it.Presented.Label), w, 0))
	}
	b.WriteString(question.DrawFeedback(st, it.Result.PerOption, w))
	if q := it.Presented.Question; q != nil && len(q.Facts) > 0 {
		b.WriteString(text.WrapIndent(st.Muted.Render(r.c.T("study.facts")+" "+question.FactLine(r.c.Lib, q.Facts, q.Lang)), w, 0))
	}
	b.WriteString(text.WrapIndent(st.Muted.Render(r.c.T("results.detailhint")), w, 0))
	return scrolled(b.String(), &r.scroll, h)
}

// scrolled keeps the first line (the heading) and scrolls the rest.
func scrolled(s string, scroll *int, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	*scroll = min(*scroll, max(len(lines)-h, 0))
	if *scroll > 0 {
		lines = append(lines[:1:1], lines[1+*scroll:]...)
	}
	return strings.Join(lines, "\n")
}

func (r *examResults) ShortHelp() []key.Binding {
	if r.detail {
		return []key.Binding{r.c.Keys.Down, r.keys.OpenNote}
	}
	return []key.Binding{r.c.Keys.Open, r.keys.Filter, r.keys.Retake}
}

func (r *examResults) FullHelp() [][]key.Binding {
	k := r.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Open, r.keys.Filter, r.keys.Retake, r.keys.OpenNote}}
}
