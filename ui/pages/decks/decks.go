// Package decks is the deck list, as Anki's main screen: every deck the
// learner reviews (the built-in topics and their own decks, imported ones
// included) with its new and due counts; enter reviews one deck, i imports
// an Anki package and x exports the selected deck as one.
package decks

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/text"
)

// keys of the deck list.
type keys struct{ Review, Import, Export, Confirm key.Binding }

func newKeys() keys {
	return keys{
		Review: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "review deck")),
		Import: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "import a package")),
		Export: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export a package")),
		// While a path is typed (esc, which cancels, the App lists itself).
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
	}
}

// What the path field is for.
const (
	askNone = iota
	askImport
	askExport
)

// Messages: the counts, and the end of an import or export. gen drops
// answers to stale requests.
type (
	loadedMsg struct {
		gen   int
		decks []progress.DeckCount
		err   error
	}
	doneMsg struct {
		status string
		err    error
	}
)

// Decks is the deck list.
type Decks struct {
	c     *common.Common
	keys  keys
	gen   int
	menu  menu.Menu
	decks []progress.DeckCount
	err   error
	busy  bool
	ask   int
	input textinput.Model
}

// New opens the deck list.
func New(c *common.Common) *Decks {
	d := &Decks{c: c, keys: newKeys(), busy: true}
	d.input = textinput.New()
	d.input.CharLimit = 4096
	return d
}

func (d *Decks) Init() tea.Cmd { return d.load() }

func (d *Decks) Title() string { return d.c.T("decks.title") }

// Capturing is true while a path is typed: every key goes to the field.
func (d *Decks) Capturing() bool { return d.ask != askNone }

func (d *Decks) ShortHelp() []key.Binding {
	if d.ask != askNone {
		return []key.Binding{d.keys.Confirm}
	}
	return []key.Binding{d.keys.Review, d.keys.Import, d.keys.Export}
}

func (d *Decks) FullHelp() [][]key.Binding {
	if d.ask != askNone {
		return [][]key.Binding{{d.keys.Confirm}}
	}
	k := d.c.Keys
	return [][]key.Binding{{k.Up, k.Down}, {d.keys.Review, d.keys.Import, d.keys.Export}}
}

func (d *Decks) load() tea.Cmd {
	d.gen++
	gen, c := d.gen, d.c
	now := c.Clock()
	return func() tea.Msg {
		ds, err := c.Progress.DeckCounts(c.Context(), c.Lang, now)
		return loadedMsg{gen: gen, decks: ds, err: err}
	}
}

func (d *Decks) build() {
	d.menu.Items = d.menu.Items[:0]
	for _, dc := range d.decks {
		title := dc.Title
		if dc.Source != progress.DeckBuiltin {
			title = dc.ID
		}
		d.menu.Items = append(d.menu.Items, menu.Item{
			ID: dc.ID, Title: title,
			Desc: d.c.T("decks.source." + dc.Source),
			Note: fmt.Sprintf(d.c.T("decks.counts"), dc.New, dc.Due),
		})
	}
	d.menu.Cursor = min(d.menu.Cursor, max(0, len(d.menu.Items)-1))
}

func (d *Decks) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.gen != d.gen {
			return d, nil
		}
		d.busy, d.err = false, msg.err
		d.decks = msg.decks
		d.build()
	case doneMsg:
		d.busy = false
		if msg.err != nil {
			return d, tea.Batch(common.Err(msg.err), d.load())
		}
		return d, tea.Batch(common.Status(msg.status), d.load())
	case common.ResumedMsg, common.LangChangedMsg:
		return d, d.load()
	case tea.KeyPressMsg:
		return d.onKey(msg)
	}
	return d, nil
}

func (d *Decks) onKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	if d.ask != askNone {
		switch msg.String() {
		case "esc":
			d.ask = askNone
			return d, nil
		case "enter":
			path := strings.TrimSpace(d.input.Value())
			ask := d.ask
			d.ask = askNone
			if path == "" {
				return d, nil
			}
			d.busy = true
			if ask == askImport {
				return d, d.importCmd(path)
			}
			return d, d.exportCmd(path)
		}
		var cmd tea.Cmd
		d.input, cmd = d.input.Update(msg)
		return d, cmd
	}
	if key.Matches(msg, d.c.Keys.Back) {
		return d, common.Pop
	}
	if d.menu.Move(d.c, msg) || d.busy {
		return d, nil
	}
	it, ok := d.menu.Selected()
	switch {
	case key.Matches(msg, d.keys.Review) && ok:
		return d, common.Open("review:" + it.ID)
	case key.Matches(msg, d.keys.Import):
		d.ask = askImport
		d.input.Placeholder = "deck.apkg"
		d.input.SetValue("")
		return d, d.input.Focus()
	case key.Matches(msg, d.keys.Export) && ok:
		d.ask = askExport
		d.input.Placeholder = ""
		d.input.SetValue(it.ID + ".apkg")
		d.input.CursorEnd()
		return d, d.input.Focus()
	}
	return d, nil
}

func (d *Decks) importCmd(path string) tea.Cmd {
	c := d.c
	return func() tea.Msg {
		sum, err := c.Progress.ImportAnki(c.Context(), expand(path), progress.AnkiImportOptions{Now: c.Clock()})
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{status: fmt.Sprintf(c.T("decks.imported"), filepath.Base(path), sum.Cards, sum.Reviews, sum.Unchanged)}
	}
}

func (d *Decks) exportCmd(path string) tea.Cmd {
	c := d.c
	it, _ := d.menu.Selected()
	return func() tea.Msg {
		sum, err := c.Progress.ExportAnki(c.Context(), expand(path),
			progress.AnkiExportOptions{Decks: []string{it.ID}, Lang: string(c.Lang), Now: c.Clock()})
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{status: fmt.Sprintf(c.T("decks.exported"), sum.Cards, sum.Reviews, path)}
	}
}

// expand turns a leading ~/ into the home folder, as a shell would.
func expand(path string) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return path
}

func (d *Decks) View() string {
	c, st := d.c, d.c.Styles
	h := c.Height
	if d.err != nil {
		return strings.Join(text.Wrap(st.Error.Render(d.err.Error()), c.Width), "\n")
	}
	if d.busy && len(d.decks) == 0 {
		return st.Muted.Render(c.T("decks.loading"))
	}
	var head []string
	if h >= 12 {
		head = append(text.Wrap(c.T("decks.intro"), c.Width), "")
	}
	var foot []string
	switch d.ask {
	case askImport, askExport:
		label := c.T("decks.path.import")
		if d.ask == askExport {
			label = c.T("decks.path.export")
		}
		d.input.SetWidth(max(1, c.Width-3))
		foot = append(text.Wrap(label, c.Width), d.input.View())
	default:
		if d.busy {
			foot = []string{st.Muted.Render(c.T("decks.working"))}
		}
	}
	if len(d.decks) == 0 {
		return strings.Join(append(head, text.Wrap(c.T("decks.none"), c.Width)...), "\n")
	}
	if len(head)+len(foot)+1 > h {
		head = nil
	}
	rows := max(1, h-len(head)-len(foot))
	out := append(head, d.menu.View(c, rows))
	return strings.Join(append(out, foot...), "\n")
}
