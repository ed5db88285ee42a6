package exam

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/text"
)

// practiceCounts are the session sizes offered; 0 means all.
var practiceCounts = []int{5, 10, 20, 0}

// practiceSetup chooses what to practise: how many questions, due ones
// first, and which domains and topics.
type practiceSetup struct {
	c       *common.Common
	rows    []string // "count", "due", "dom:<d>", "topic:<id>", "start"
	cursor  int
	offset  int
	count   int // index into practiceCounts
	due     bool
	domains map[string]bool
	topics  map[string]bool
}

// dueMsg carries the ids of the questions the scheduler has due.
type dueMsg struct {
	ids []string
	err error
}

func newPracticeSetup(c *common.Common) *practiceSetup {
	p := &practiceSetup{c: c, count: 1, domains: map[string]bool{}, topics: map[string]bool{}}
	p.rows = append(p.rows, "count")
	if c.Progress.HasStore() {
		p.rows = append(p.rows, "due")
	}
	for _, d := range content.Domains {
		p.rows = append(p.rows, "dom:"+d)
	}
	if c.Lib != nil {
		has := map[string]bool{}
		for _, q := range c.Lib.Questions(c.Lang) {
			has[q.Topic] = true
		}
		for _, n := range c.Lib.Notes(c.Lang) {
			if has[n.ID] {
				p.rows = append(p.rows, "topic:"+n.ID)
			}
		}
	}
	p.rows = append(p.rows, "start")
	return p
}

func (p *practiceSetup) Init() tea.Cmd { return nil }
func (p *practiceSetup) Title() string { return p.c.T("practice.setup.title") }

func (p *practiceSetup) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case dueMsg:
		if msg.err != nil {
			return p, common.Err(msg.err)
		}
		return p, p.start(msg.ids)
	case tea.KeyPressMsg:
		k := p.c.Keys
		n := len(p.rows)
		row := p.rows[p.cursor]
		switch {
		case key.Matches(msg, k.Back):
			return p, common.Pop
		case key.Matches(msg, k.Up):
			p.cursor = (p.cursor - 1 + n) % n
		case key.Matches(msg, k.Down):
			p.cursor = (p.cursor + 1) % n
		case row == "count" && key.Matches(msg, k.Left):
			p.count = (p.count - 1 + len(practiceCounts)) % len(practiceCounts)
		case row == "count" && (key.Matches(msg, k.Right) || msg.String() == "enter" || msg.String() == "space"):
			p.count = (p.count + 1) % len(practiceCounts)
		case row == "start" && msg.String() == "enter":
			return p, p.begin()
		case msg.String() == "s":
			return p, p.begin()
		case msg.String() == "enter" || msg.String() == "space":
			p.toggle(row)
		}
	}
	return p, nil
}

func (p *practiceSetup) toggle(row string) {
	switch {
	case row == "due":
		p.due = !p.due
	case strings.HasPrefix(row, "dom:"):
		d := strings.TrimPrefix(row, "dom:")
		p.domains[d] = !p.domains[d]
	case strings.HasPrefix(row, "topic:"):
		t := strings.TrimPrefix(row, "topic:")
		p.topics[t] = !p.topics[t]
	}
}

// begin starts the session, first asking the scheduler what is due when
// "due first" is on.
func (p *practiceSetup) begin() tea.Cmd {
	if !p.due || !p.c.Progress.HasStore() {
		return p.start(nil)
	}
	c := p.c
	return func() tea.Msg {
		now := c.Clock()
		ids, err := c.Progress.DueQuestions(c.Ctx, now)
		return dueMsg{ids, err}
	}
}

func (p *practiceSetup) filter(due []string) quiz.Filter {
	f := quiz.Filter{Max: practiceCounts[p.count], DueFirst: due}
	for _, d := range content.Domains {
		if p.domains[d] {
			f.Domains = append(f.Domains, d)
		}
	}
	for _, r := range p.rows {
		if t, ok := strings.CutPrefix(r, "topic:"); ok && p.topics[t] {
			f.Topics = append(f.Topics, t)
		}
	}
	return f
}

func (p *practiceSetup) start(due []string) tea.Cmd {
	var qs []*content.Question
	if p.c.Lib != nil {
		qs = p.c.Lib.Questions(p.c.Lang)
	}
	s, err := newPracticeScreen(p.c, qs, p.filter(due), "practice")
	if err != nil {
		return common.Status(p.c.T("practice.none"))
	}
	return common.Push(s)
}

func (p *practiceSetup) label(row string) string {
	box := func(on bool) string {
		if on {
			return "[x] "
		}
		return "[ ] "
	}
	switch {
	case row == "count":
		n := p.c.T("practice.all")
		if v := practiceCounts[p.count]; v > 0 {
			n = fmt.Sprint(v)
		}
		return fmt.Sprintf(p.c.T("practice.count"), n)
	case row == "due":
		return box(p.due) + p.c.T("practice.due")
	case strings.HasPrefix(row, "dom:"):
		d := strings.TrimPrefix(row, "dom:")
		// As the exam guide names and weighs it: Domain 1 is secure.
		return box(p.domains[d]) + fmt.Sprintf(p.c.T("practice.domain"),
			slices.Index(content.Domains, d)+1, p.c.T("domain.guide."+d), content.DomainWeight[d])
	case strings.HasPrefix(row, "topic:"):
		t := strings.TrimPrefix(row, "topic:")
		title := t
		if n := p.c.Lib.Note(p.c.Lang, t); n != nil {
			title = n.Title
		}
		return box(p.topics[t]) + title
	}
	return p.c.T("practice.start")
}

func (p *practiceSetup) View() string {
	st := p.c.Styles
	w, h := p.c.Width, p.c.Height
	var out []string
	if h >= 10 {
		for _, l := range text.Wrap(p.c.T("practice.setup"), w) {
			out = append(out, st.Muted.Render(l))
		}
	}
	rows := max(h-len(out), 1)
	// Each row wraps under its own text (a long topic title on a narrow
	// window), so rows are blocks of lines; the cursor's block stays in view.
	blocks := make([][]string, len(p.rows))
	for i, row := range p.rows {
		lines := strings.Split(text.Hang(p.label(row), max(w-2, 10), 4), "\n")
		for j, l := range lines {
			switch {
			case i == p.cursor && j == 0:
				lines[j] = st.Cursor.Render("▸ ") + st.ItemSelected.Render(l)
			case i == p.cursor:
				lines[j] = "  " + st.ItemSelected.Render(l)
			default:
				lines[j] = "  " + l
			}
		}
		blocks[i] = lines
	}
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	for p.offset < p.cursor && linesFrom(blocks, p.offset, p.cursor) > rows {
		p.offset++
	}
	for i := p.offset; i < len(blocks) && len(out) < h; i++ {
		for _, l := range blocks[i] {
			if len(out) < h {
				out = append(out, text.Truncate(l, w))
			}
		}
	}
	return strings.Join(out, "\n") + "\n"
}

// linesFrom counts the lines of blocks from..to, both included.
func linesFrom(blocks [][]string, from, to int) int {
	n := 0
	for i := from; i <= to && i < len(blocks); i++ {
		n += len(blocks[i])
	}
	return n
}

func (p *practiceSetup) ShortHelp() []key.Binding {
	k := p.c.Keys
	act := key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "toggle"))
	if p.cursor < len(p.rows) && p.rows[p.cursor] == "count" {
		act = key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change"))
	}
	return []key.Binding{k.Up, k.Down, act, key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start"))}
}

func (p *practiceSetup) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
