package sim

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	scen "github.com/saa-study/saa-study/sim/scenario"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/text"
)

// engine adapts one engine to the shared console: its form, its shipped
// scenarios, and two ways to run (the form, or a scenario). The run
// functions are called inside a tea.Cmd and must be pure.
type engine struct {
	id        string
	fields    func() fieldSet
	scenarios func() ([]scenario, error)
	quick     func(fs fieldSet, t func(string) string) (outcome, error)
	scenario  func(id string, t func(string) string) (outcome, error)
	// settings, when set, gives a scenario's setup as form values
	// ("memory=1024 …"): running the scenario loads them into the form.
	settings func(id string) string
	// info, when set, gives a scenario's title and lesson in both
	// languages, for the Korean console.
	info func(id string) (scen.Info, bool)
}

// scenario is a shipped scenario as the console lists it.
type scenario struct{ id, title, lesson string }

// outcome is what a run shows: one or more runs (variants) side by side.
type outcome struct {
	title, lesson string
	metrics       []string // chart metric names; variant.series follows this order
	xunit         string   // the x axis: "s" (one point a second) or "#" (per request)
	// overlay adds a first chart that draws the first three metrics of the
	// selected run together (DB connections vs queued vs errors).
	overlay bool
	runs    []variant
}

// variant is one variant's result, already in display form.
type variant struct {
	label   string
	stats   [][2]string // name, value: the rows of the compare table
	series  [][]float64 // one per metric, a point per second (or per request)
	events  []string
	explain string // "what happened and why [fact.id]"
	pages   []page
}

// page is an extra view of one run (the bill, the request path …).
type page struct {
	name  string
	lines []string
	table bool // cut long lines instead of wrapping them
}

type doneMsg struct {
	gen int
	out outcome
	err error
	// scenario is the id of the scenario that ran, "" for the form.
	scenario string
}

type scenariosMsg struct {
	list []scenario
	err  error
}

type consoleMode int

const (
	modeSetup consoleMode = iota
	modeRunning
	modeResult
)

// console is the console of one engine: the form and scenarios, then a
// result with a chart, a comparison, the event log and extra pages.
type console struct {
	c      *common.Common
	eng    engine
	fields fieldSet
	scens  []scenario
	menu   menu.Menu
	mode   consoleMode
	gen    int

	editing bool
	input   textinput.Model
	problem string // a typed value refused, as a sentence

	out    outcome
	run    int // selected variant
	view   int // selected tab: 0 chart, 1 compare, 2 log, then pages
	metric int
	scroll int

	// lab, when set, makes this console a lab's (see lab.go).
	lab *labState
	// hTop is what a lab pins above the console, in lines.
	hTop int
}

type consoleKeys struct {
	Tab, BackTab, Metric, Run, Variant, Facts key.Binding
}

var keys = consoleKeys{
	Tab:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next view")),
	BackTab: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous view")),
	Metric:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "metric")),
	Run:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "run")),
	// Variant only names ←/→ in the help of a result; they match k.Left/k.Right.
	Variant: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "variant")),
	Facts:   key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "facts cited")),
}

func newConsole(c *common.Common, eng engine) *console {
	s := &console{c: c, eng: eng, fields: eng.fields()}
	s.input = textinput.New()
	s.input.CharLimit = 12
	s.build()
	return s
}

func (s *console) build() {
	cur := s.menu.Cursor
	s.menu.Items = s.menu.Items[:0]
	for _, f := range s.fields {
		note := "◂ " + f.str() + " ▸"
		if f.text {
			note = "" // shown whole under the form: a policy cut short cannot be read
		}
		s.menu.Items = append(s.menu.Items, menu.Item{ID: "f", Title: s.label(f), Note: note})
	}
	s.menu.Items = append(s.menu.Items, menu.Item{ID: "run", Title: "▶ " + s.c.T("sim.run")})
	for _, sc := range s.scens {
		s.menu.Items = append(s.menu.Items, menu.Item{ID: "s:" + sc.id, Title: "◆ " + sc.id, Desc: s.scenarioText(sc).title})
	}
	s.menu.Cursor = min(cur, len(s.menu.Items)-1)
}

func (s *console) Init() tea.Cmd {
	if s.lab != nil {
		return nil // a lab has no scenarios, and its form is not kept
	}
	list := s.eng.scenarios
	return tea.Batch(func() tea.Msg {
		l, err := list()
		return scenariosMsg{l, err}
	}, s.loadForm())
}

func (s *console) Title() string {
	if s.lab != nil {
		return s.c.T("lab.title") + " · " + s.lab.l.Title
	}
	return s.c.T("sim." + s.eng.id)
}

// Capturing is true while a number is being typed.
func (s *console) Capturing() bool { return s.editing }

func (s *console) start(run func() (outcome, error)) tea.Cmd {
	s.gen++
	s.mode = modeRunning
	gen := s.gen
	return func() tea.Msg {
		out, err := run()
		return doneMsg{gen: gen, out: out, err: err}
	}
}

func (s *console) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case formLoadedMsg:
		s.fields.apply(msg.saved)
		s.build()
	case scenariosMsg:
		if msg.err != nil {
			return s, common.Err(msg.err)
		}
		s.scens = msg.list
		s.build()
	case doneMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		if msg.err != nil {
			s.mode = modeSetup
			return s, common.Err(msg.err)
		}
		out := msg.out
		if msg.scenario != "" && s.eng.info != nil {
			if i, ok := s.eng.info(msg.scenario); ok {
				out.title, out.lesson = i.In(string(s.c.Lang))
			}
		}
		s.out, s.mode = cite(out, s.c.Lib, s.c.Lang, s.c.T), modeResult
		s.run, s.view, s.metric, s.scroll = 0, 0, 0, 0
	case labRanMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		return s, s.labDone(msg)
	case labRatedMsg:
		if msg.err != nil {
			return s, common.Err(msg.err)
		}
		s.lab.rated = true
	case common.LangChangedMsg:
		if s.lab != nil {
			if l := s.c.Lib.Lab(s.c.Lang, s.lab.l.ID); l != nil {
				s.lab.l = l
			}
		}
		s.build()
	case tea.KeyPressMsg:
		switch s.mode {
		case modeSetup:
			return s.setupKey(msg)
		case modeRunning:
			if key.Matches(msg, s.c.Keys.Back) {
				s.gen++ // drop the run in flight
				s.mode = modeSetup
			}
		case modeResult:
			return s.resultKey(msg)
		}
	}
	return s, nil
}

func (s *console) setupKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := s.c.Keys
	if s.editing {
		switch msg.String() {
		case "esc":
			s.editing = false
		case "enter":
			s.editing = false
			if f := s.field(); f != nil {
				if strings.TrimSpace(s.input.Value()) == "" && !f.text {
					return s, nil // nothing typed: the value stays
				}
				if err := f.set(s.input.Value()); err != nil {
					s.problem = s.label(f) + ": " + err.Error() + "."
					return s, nil
				}
				s.problem = ""
				s.build()
			}
		default:
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			return s, cmd
		}
		return s, nil
	}
	if s.lab != nil {
		if cmd, ok := s.labKey(msg); ok {
			return s, cmd
		}
	}
	if s.menu.Move(s.c, msg) {
		return s, nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return s, tea.Sequence(s.saveForm(), common.Pop)
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		if f := s.field(); f != nil {
			dir := 1
			if key.Matches(msg, k.Left) {
				dir = -1
			}
			f.move(dir)
			s.build()
		}
	case key.Matches(msg, keys.Run):
		return s, s.runQuick()
	case key.Matches(msg, k.Open):
		it, _ := s.menu.Selected()
		switch {
		case it.ID == "f":
			f := s.field()
			if f.isChoice() {
				f.move(1)
				s.build()
				return s, nil
			}
			s.editing, s.problem = true, ""
			if f.text {
				// A text (a JSON policy) is edited, not retyped: it starts
				// as it is, the cursor at its end, on a line of its own.
				s.input.CharLimit = content.LabTextMax
				s.input.SetWidth(max(10, s.c.Width-4))
				s.input.Placeholder = ""
				s.input.SetValue(f.txt)
				s.input.CursorEnd()
				return s, s.input.Focus()
			}
			// What is typed replaces the value, which stays as the
			// placeholder until then; the width holds all of it (with
			// none set, the text input shows its first character: 90 as 9).
			s.input.CharLimit = 12
			s.input.SetValue("")
			s.input.Placeholder = f.str()
			s.input.SetWidth(max(s.input.CharLimit, text.Width(s.input.Placeholder)))
			return s, s.input.Focus()
		case it.ID == "run":
			return s, s.runQuick()
		case strings.HasPrefix(it.ID, "s:"):
			id, run, t := strings.TrimPrefix(it.ID, "s:"), s.eng.scenario, s.c.T
			if s.eng.settings != nil {
				// The scenario's setup becomes the form, to change and run again.
				s.fields.apply(s.eng.settings(id))
				s.build()
			}
			cmd := s.start(func() (outcome, error) { return run(id, t) })
			tag := func() tea.Msg {
				m := cmd()
				if d, ok := m.(doneMsg); ok {
					d.scenario = id
					return d
				}
				return m
			}
			return s, tea.Batch(s.saveForm(), tag)
		}
	}
	return s, nil
}

func (s *console) runQuick() tea.Cmd {
	fs, run, t := s.fields.clone(), s.eng.quick, s.c.T
	return tea.Batch(s.saveForm(), s.start(func() (outcome, error) { return run(fs, t) }))
}

// scenarioText is a scenario's title and lesson in the console's language.
func (s *console) scenarioText(sc scenario) scenario {
	if s.eng.info != nil {
		if i, ok := s.eng.info(sc.id); ok {
			sc.title, sc.lesson = i.In(string(s.c.Lang))
		}
	}
	return sc
}

// label is a field's name as the form shows it.
func (s *console) label(f *formField) string {
	if f.label != "" {
		return f.label
	}
	return s.c.T(f.key)
}

// field is the form field under the cursor, or nil.
func (s *console) field() *formField {
	if s.menu.Cursor < len(s.fields) {
		return s.fields[s.menu.Cursor]
	}
	return nil
}

func (s *console) views() []string {
	v := []string{s.c.T("sim.v.chart"), s.c.T("sim.v.compare"), s.c.T("sim.v.log")}
	if s.run < len(s.out.runs) {
		for _, p := range s.out.runs[s.run].pages {
			v = append(v, p.name)
		}
	}
	return v
}

func (s *console) resultKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := s.c.Keys
	if s.lab != nil {
		if cmd, ok := s.labKey(msg); ok {
			return s, cmd
		}
	}
	nv := len(s.views())
	switch {
	case key.Matches(msg, k.Back):
		s.mode = modeSetup
	case key.Matches(msg, keys.Tab):
		s.view, s.scroll = (s.view+1)%nv, 0
	case key.Matches(msg, keys.BackTab):
		s.view, s.scroll = (s.view-1+nv)%nv, 0
	case key.Matches(msg, k.Left):
		if n := len(s.out.runs); n > 0 {
			s.run, s.scroll = (s.run-1+n)%n, 0
		}
	case key.Matches(msg, k.Right):
		if n := len(s.out.runs); n > 0 {
			s.run, s.scroll = (s.run+1)%n, 0
		}
	case key.Matches(msg, keys.Metric):
		if n := s.chartCount(); n > 0 {
			s.metric = (s.metric + 1) % n
		}
	case key.Matches(msg, k.Up):
		s.scroll = max(0, s.scroll-1)
	case key.Matches(msg, k.Down):
		s.scroll++
	case key.Matches(msg, k.PageDown):
		s.scroll += max(1, s.c.Height-4)
	case key.Matches(msg, k.PageUp):
		s.scroll = max(0, s.scroll-max(1, s.c.Height-4))
	case key.Matches(msg, k.Top):
		s.scroll = 0
	case key.Matches(msg, k.Bottom):
		s.scroll = 1 << 30
	case key.Matches(msg, keys.Run):
		return s, s.runQuick()
	case key.Matches(msg, keys.Facts):
		for i, v := range s.views() {
			if v == s.c.T("sim.v.facts") {
				s.view, s.scroll = i, 0
			}
		}
	}
	// Switching runs can leave the view past the new run's pages.
	s.view = min(s.view, len(s.views())-1)
	return s, nil
}

func (s *console) ShortHelp() []key.Binding {
	k := s.c.Keys
	if s.lab != nil {
		if s.mode == modeResult {
			return []key.Binding{keys.Tab, keys.Facts, keys.Run, s.lab.giveUpKey()}
		}
		return []key.Binding{k.Up, k.Down, k.Change, k.Open, keys.Run, s.lab.giveUpKey()}
	}
	switch s.mode {
	case modeResult:
		if len(s.out.runs) < 2 {
			// ←/→ pick a variant; with one run there is nothing to pick.
			return []key.Binding{keys.Tab, keys.Facts, keys.Metric, k.Down}
		}
		return []key.Binding{keys.Tab, keys.Variant, keys.Facts, keys.Metric, k.Down}
	}
	return []key.Binding{k.Up, k.Down, k.Change, k.Open, keys.Run}
}

func (s *console) FullHelp() [][]key.Binding {
	k := s.c.Keys
	rows := [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Open, keys.Run},
		{keys.Tab, keys.BackTab, keys.Facts, keys.Metric, k.PageUp, k.PageDown, k.Top, k.Bottom},
	}
	if s.lab != nil {
		rows = append(rows, []key.Binding{s.lab.giveUpKey(), k.Back})
	}
	return rows
}
