// Package sfn is Simulators → Step Functions: a picker of the shipped
// state machines (or a definition file), and a console that runs one a
// step at a time over sim/stepfunctions, with its graph, history and cost.
package sfn

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/sim/stepfunctions"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/text"
)

// Picker lists the shipped state machines and lets a path be typed.
type Picker struct {
	c       *common.Common
	menu    menu.Menu
	editing bool
	input   textinput.Model
}

// source is a definition to run: its name, ASL, input and mocks.
type source struct {
	name              string
	def, input, mocks []byte
	comment           string
}

type loadedMsg struct {
	src source
	err error
}

func NewPicker(c *common.Common) *Picker {
	p := &Picker{c: c}
	p.input = textinput.New()
	p.input.Placeholder = "machine.asl.json"
	p.input.CharLimit = 1024
	p.build()
	return p
}

func (p *Picker) build() {
	p.menu.Items = p.menu.Items[:0]
	for _, e := range stepfunctions.Examples() {
		desc := p.c.T("sfn.ex." + e.Name)
		if desc == "sfn.ex."+e.Name {
			desc = e.Comment // an example the interface text does not know
		}
		p.menu.Items = append(p.menu.Items, menu.Item{ID: e.Name, Title: e.Name, Desc: desc})
	}
	p.menu.Items = append(p.menu.Items, menu.Item{ID: "", Title: p.c.T("sfn.file"), Desc: p.c.T("sfn.file.d")})
}

func (p *Picker) Init() tea.Cmd   { return nil }
func (p *Picker) Title() string   { return p.c.T("sim.sfn") }
func (p *Picker) Capturing() bool { return p.editing }
func (p *Picker) ShortHelp() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}
func (p *Picker) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

func (p *Picker) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.LangChangedMsg:
		p.build()
	case loadedMsg:
		if msg.err != nil {
			return p, common.Err(msg.err)
		}
		return p, common.Push(newConsole(p.c, msg.src))
	case tea.KeyPressMsg:
		if p.editing {
			switch msg.String() {
			case "esc":
				p.editing = false
			case "enter":
				p.editing = false
				return p, loadFile(strings.TrimSpace(p.input.Value()))
			default:
				var cmd tea.Cmd
				p.input, cmd = p.input.Update(msg)
				return p, cmd
			}
			return p, nil
		}
		if p.menu.Move(p.c, msg) {
			return p, nil
		}
		switch {
		case key.Matches(msg, p.c.Keys.Back):
			return p, common.Pop
		case key.Matches(msg, p.c.Keys.Open):
			it, _ := p.menu.Selected()
			if it.ID == "" {
				p.editing = true
				return p, p.input.Focus()
			}
			if e, ok := stepfunctions.ExampleByName(it.ID); ok {
				return p, common.Push(newConsole(p.c, source{name: e.Name, def: e.Definition, input: e.Input, mocks: e.Mocks, comment: e.Comment}))
			}
		}
	}
	return p, nil
}

// loadFile reads a definition from disk in a command; the input is {}
// and there are no mocks (tasks echo their input).
func loadFile(path string) tea.Cmd {
	return func() tea.Msg {
		b, err := os.ReadFile(path)
		if err != nil {
			return loadedMsg{err: fmt.Errorf("reading the definition: %w", err)}
		}
		return loadedMsg{src: source{name: path, def: b, input: []byte("{}")}}
	}
}

func (p *Picker) View() string {
	st := p.c.Styles
	h := p.c.Height
	if p.editing {
		label := p.c.T("sfn.path")
		p.input.SetWidth(text.FieldWidth(p.c.Width, label, p.input.Prompt))
		return p.menu.View(p.c, max(1, h-2)) + "\n\n" + label + " " + p.input.View()
	}
	if h >= 10 {
		return st.Subtitle.Render(p.c.T("sfn.intro")) + "\n\n" + p.menu.View(p.c, h-2)
	}
	return p.menu.View(p.c, h)
}

// humanMocks makes every .waitForTaskToken state wait for the learner: its
// scripted answer (if any) is replaced with {"pending": true}.
func humanMocks(m *stepfunctions.Machine, mocks []byte) ([]byte, error) {
	entries := map[string]json.RawMessage{}
	if len(strings.TrimSpace(string(mocks))) > 0 {
		// JSON keeps every answer exactly; YAML goes through the parser.
		if err := json.Unmarshal(mocks, &entries); err != nil {
			pm, perr := stepfunctions.ParseMocks(mocks)
			if perr != nil {
				return nil, fmt.Errorf("mocks: %w", perr)
			}
			for k, v := range pm.Entries {
				b, err := json.Marshal(v)
				if err != nil {
					return nil, fmt.Errorf("mocks: %w", err)
				}
				entries[k] = b
			}
		}
	}
	var walk func(*stepfunctions.Machine)
	walk = func(m *stepfunctions.Machine) {
		if m == nil {
			return
		}
		for name, s := range m.States {
			if s.WaitsForCallback() {
				entries[name] = json.RawMessage(`[{"pending": true}]`)
			}
			for _, b := range s.Branches {
				walk(b)
			}
			walk(s.Processor)
		}
	}
	walk(m)
	out, err := json.Marshal(entries)
	if err != nil {
		return nil, fmt.Errorf("mocks: %w", err)
	}
	return out, nil
}
