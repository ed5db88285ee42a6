package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/store"
)

// noteList shows every note of the current language with how much of it
// has been read.
type noteList struct {
	c        *Common
	menu     menu
	lang     content.Lang
	progress map[string]store.NotePosition
}

type positionsMsg map[string]store.NotePosition

func newNoteList(c *Common) *noteList {
	l := &noteList{c: c}
	l.build()
	return l
}

func (l *noteList) build() {
	l.lang = l.c.Lang
	l.menu.items = l.menu.items[:0]
	if l.c.Lib == nil {
		return
	}
	for _, n := range l.c.Lib.Notes(l.c.Lang) {
		note := l.c.t("notes.unread")
		if p, ok := l.progress[n.ID]; ok && p.ReadPct > 0 {
			note = fmt.Sprintf(l.c.t("notes.read"), p.ReadPct)
		}
		l.menu.items = append(l.menu.items, menuItem{id: n.ID, title: n.Title, note: note})
	}
}

func (l *noteList) loadPositions() tea.Cmd {
	c := l.c
	lang := c.Lang
	return func() tea.Msg {
		if c.Store == nil {
			return positionsMsg(nil)
		}
		p, err := c.Store.NotePositions(c.Ctx, string(lang))
		if err != nil {
			return errMsg{err}
		}
		return positionsMsg(p)
	}
}

func (l *noteList) Init() tea.Cmd { return l.loadPositions() }
func (l *noteList) Title() string { return l.c.t("notes.title") }

func (l *noteList) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case positionsMsg:
		l.progress = msg
		l.build()
	case tea.WindowSizeMsg:
		// Coming back from a note: refresh how much has been read.
		return l, l.loadPositions()
	case langChangedMsg:
		l.build()
	case tea.KeyPressMsg:
		if l.menu.move(l.c, msg) {
			return l, nil
		}
		switch {
		case key.Matches(msg, l.c.Keys.Back):
			return l, pop
		case key.Matches(msg, l.c.Keys.Open):
			if it, ok := l.menu.selected(); ok {
				if n := l.c.Lib.Note(l.c.Lang, it.id); n != nil {
					return l, push(newReader(l.c, n))
				}
			}
		}
	}
	return l, nil
}

func (l *noteList) View() string {
	if l.lang != l.c.Lang {
		l.build()
	}
	if len(l.menu.items) == 0 {
		return l.c.Styles.Muted.Render(l.c.t("notes.empty"))
	}
	return l.menu.view(l.c, l.c.Height)
}

func (l *noteList) ShortHelp() []key.Binding {
	k := l.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (l *noteList) FullHelp() [][]key.Binding {
	k := l.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}}
}

// reader shows one rendered note in a scrollable viewport.
type reader struct {
	c     *Common
	note  *content.Note
	vp    viewport.Model
	gen   int       // generation of the render in flight; stale results are dropped
	want  renderKey // what the viewport should show
	have  renderKey // what it shows
	ready bool
	// restore is the saved line to scroll to once the first render lands.
	restore int
}

type renderedMsg struct {
	gen int
	key renderKey
	out string
	err error
}

type positionMsg struct{ line int }

func newReader(c *Common, n *content.Note) *reader {
	r := &reader{c: c, note: n, restore: -1}
	r.vp = viewport.New(viewport.WithWidth(c.Width), viewport.WithHeight(r.vpHeight()))
	r.vp.KeyMap = viewport.DefaultKeyMap()
	return r
}

func (r *reader) vpHeight() int { return max(r.c.Height-1, 1) }

func (r *reader) styleName() string {
	if r.c.IsDark {
		return "dark"
	}
	return "light"
}

func (r *reader) Init() tea.Cmd {
	c, n := r.c, r.note
	load := func() tea.Msg {
		if c.Store == nil {
			return positionMsg{0}
		}
		p, err := c.Store.NotePosition(c.Ctx, string(n.Lang), n.ID)
		if err != nil {
			return errMsg{err}
		}
		return positionMsg{p.Line}
	}
	return tea.Batch(load, r.render())
}

// render asks for the note at the current width and style: from the cache
// at once, or from a command.
func (r *reader) render() tea.Cmd {
	k := renderKey{lang: r.note.Lang, id: r.note.ID, width: wrapWidth(r.c.Width), style: r.styleName()}
	r.want = k
	if out, ok := r.c.renders.get(k); ok {
		r.show(k, out)
		return nil
	}
	r.gen++
	gen, lib, n, cache := r.gen, r.c.Lib, r.note, r.c.renders
	return func() tea.Msg {
		out, err := RenderNote(lib, n, k.width, k.style)
		if err == nil {
			cache.put(k, out)
		}
		return renderedMsg{gen: gen, key: k, out: out, err: err}
	}
}

func (r *reader) show(k renderKey, out string) {
	// Keep the reader's place in proportion when the width changes.
	frac := 0.0
	if r.ready && r.vp.TotalLineCount() > 0 {
		frac = float64(r.vp.YOffset()) / float64(r.vp.TotalLineCount())
	}
	r.vp.SetContent(out)
	if r.ready {
		r.vp.SetYOffset(int(frac * float64(r.vp.TotalLineCount())))
	}
	r.have, r.ready = k, true
	if r.restore >= 0 {
		r.vp.SetYOffset(r.restore)
		r.restore = -1
	}
}

func (r *reader) Title() string { return r.note.Title }

func (r *reader) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		if msg.gen != r.gen || msg.key != r.want {
			return r, nil // a newer render is on its way
		}
		if msg.err != nil {
			return r, errCmd(msg.err)
		}
		r.show(msg.key, msg.out)
		return r, nil
	case positionMsg:
		if r.ready {
			r.vp.SetYOffset(msg.line)
		} else {
			r.restore = msg.line
		}
		return r, nil
	case tea.WindowSizeMsg, themeChangedMsg:
		r.vp.SetWidth(r.c.Width)
		r.vp.SetHeight(r.vpHeight())
		return r, r.render()
	case tea.KeyPressMsg:
		if key.Matches(msg, r.c.Keys.Back) {
			return r, tea.Sequence(r.savePosition(), pop)
		}
	}
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return r, cmd
}

// savePosition records the place in the note and how much has been read.
func (r *reader) savePosition() tea.Cmd {
	if r.c.Store == nil || !r.ready {
		return nil
	}
	c, n := r.c, r.note
	line := r.vp.YOffset()
	pct := r.readPct()
	return func() tea.Msg {
		if err := c.Store.SaveNotePosition(c.Ctx, string(n.Lang), n.ID, line, pct); err != nil {
			return errMsg{err}
		}
		return nil
	}
}

// readPct is the share of the note that has been on screen.
func (r *reader) readPct() int {
	total := r.vp.TotalLineCount()
	if total == 0 {
		return 0
	}
	seen := min(r.vp.YOffset()+r.vp.Height(), total)
	return seen * 100 / total
}

func (r *reader) View() string {
	if !r.ready {
		return r.c.Styles.Muted.Render(r.c.t("notes.rendering"))
	}
	foot := r.c.Styles.Muted.Render(fmt.Sprintf("%s · %d%%", r.note.Title, int(r.vp.ScrollPercent()*100)))
	return strings.TrimRight(r.vp.View(), "\n") + "\n" + foot
}

func (r *reader) ShortHelp() []key.Binding {
	k := r.c.Keys
	return []key.Binding{k.Up, k.Down, k.PageDown}
}

func (r *reader) FullHelp() [][]key.Binding {
	k := r.vp.KeyMap
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown}}
}
