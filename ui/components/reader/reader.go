// Package reader is the note reader: one rendered note in a scrollable
// viewport, with its contents, search across every note, links between
// notes and a language switch that keeps the place. The Notes page shows it
// whole; Study shows it beside the questions.
package reader

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/cardform"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/text"
)

// readerKeys are the keys only the note reader has.
type readerKeys struct {
	TOC, Search, Next, Prev, Link, LinkBack, Follow, Lang, Test key.Binding
}

func newReaderKeys() readerKeys {
	return readerKeys{
		TOC:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "contents")),
		Search:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Next:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		Prev:     key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Link:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next link")),
		LinkBack: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous link")),
		Follow:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "follow link")),
		Lang:     key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "English/한국어")),
		Test:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "test me")),
	}
}

// Reader shows one rendered note in a scrollable viewport, with a table of
// contents, search across notes, links between notes, and a language switch
// that keeps the place.
type Reader struct {
	c    *common.Common
	keys readerKeys
	note *content.Note
	vp   viewport.Model

	gen   int        // generation of the render in flight; stale results are dropped
	want  render.Key // what the viewport should show
	ready bool

	lines  []string // the rendering, one entry per screen line
	plain  []string // the same without escape codes
	widths []int    // the display width of each line of lines
	// shown are the lines in the viewport (lines, with the selected link
	// and search matches marked), and shownW their widths: measured when
	// they change, not on every frame.
	shown    []string
	shownW   []int
	sections map[string]int // section id → line in the rendering
	links    []linkRef
	link     int // the selected link, or -1

	// After the next render: scroll to this line (restore) or section.
	restore        int
	pendingSection string
	pendingMatch   int // -1, or the match to select after a render (for N into a note)

	history []place // where following links came from

	w, h int // set when the reader is part of another screen

	// highlight is a section whose heading is marked (Study shows where an
	// answer is explained).
	highlight string

	rd reading // what has been read, for "% read"

	mode  readerMode
	toc   menu.Menu
	input textinput.Model
	srch  *search

	factsTop int // the first line of the facts list on screen
}

type readerMode int

const (
	modeRead readerMode = iota
	modeTOC
	modeSearch
	modeFacts // the facts the note cites (facts.go)
)

type renderedMsg struct {
	gen int
	key render.Key
	out string
	err error
}

type positionMsg struct{ line int }

// New opens a note at its top (or where the learner stopped reading).
func New(c *common.Common, n *content.Note) *Reader {
	r := &Reader{c: c, keys: newReaderKeys(), note: n, restore: -1, link: -1, pendingMatch: -1}
	r.vp = viewport.New(viewport.WithWidth(c.Width), viewport.WithHeight(r.vpHeight()))
	r.vp.KeyMap = viewport.DefaultKeyMap()
	// ctrl+u and ctrl+d page up and down (the program's paging keys); u
	// and d move half a page.
	r.vp.KeyMap.HalfPageUp.SetKeys("u")
	r.vp.KeyMap.HalfPageDown.SetKeys("d")
	r.input = textinput.New()
	r.input.Prompt = "/"
	r.input.CharLimit = 80
	return r
}

// NewAt opens a note scrolled to a section.
func NewAt(c *common.Common, n *content.Note, section string) *Reader {
	r := New(c, n)
	r.pendingSection = section
	return r
}

func (r *Reader) vpHeight() int { return max(r.Height()-1, 1) }

// Width and Height are the reader's area: the whole body, or the part a
// containing screen (Study) gives it with setSize.
func (r *Reader) Width() int {
	if r.w > 0 {
		return r.w
	}
	return r.c.Width
}

func (r *Reader) Height() int {
	if r.h > 0 {
		return r.h
	}
	return r.c.Height
}

// setSize gives the reader an area smaller than the body.
func (r *Reader) SetSize(w, h int) tea.Cmd {
	r.w, r.h = w, h
	return r.resize()
}

func (r *Reader) resize() tea.Cmd {
	r.vp.SetWidth(r.Width())
	r.vp.SetHeight(r.vpHeight())
	r.input.SetWidth(max(r.Width()-2, 1))
	return r.render()
}

func (r *Reader) styleName() string {
	if r.c.IsDark {
		return "dark"
	}
	return "light"
}

// Capturing implements Capturer: while typing a search, q is a letter.
func (r *Reader) Capturing() bool { return r.mode == modeSearch }

func (r *Reader) Init() tea.Cmd {
	c, n := r.c, r.note
	cmds := []tea.Cmd{r.render(), r.loadReading()}
	if r.pendingSection == "" {
		cmds = append(cmds, func() tea.Msg {
			if !c.Progress.HasStore() {
				return positionMsg{0}
			}
			p, err := c.Progress.NotePosition(c.Ctx, string(n.Lang), n.ID)
			if err != nil {
				return common.ErrMsg{Err: err}
			}
			return positionMsg{p.Line}
		})
	}
	return tea.Batch(cmds...)
}

// render asks for the note at the current width and style: from the cache
// at once, or from a command.
func (r *Reader) render() tea.Cmd {
	k := render.Key{Lang: r.note.Lang, ID: r.note.ID, Width: render.WrapWidth(r.Width()), Style: r.styleName()}
	r.want = k
	if out, ok := r.c.Renders.Get(k); ok {
		r.show(out)
		return nil
	}
	r.gen++
	gen, lib, n, cache := r.gen, r.c.Lib, r.note, r.c.Renders
	return func() tea.Msg {
		out, err := render.RenderNote(lib, n, k.Width, k.Style)
		if err == nil {
			cache.Put(k, out)
		}
		return renderedMsg{gen: gen, key: k, out: out, err: err}
	}
}

// show puts a rendering on screen and works out where sections and links
// landed in it.
func (r *Reader) show(out string) {
	frac := 0.0
	if r.ready && len(r.lines) > 0 {
		frac = float64(r.vp.YOffset()) / float64(len(r.lines))
	}
	r.lines = strings.Split(strings.TrimRight(out, "\n"), "\n")
	r.plain = make([]string, len(r.lines))
	r.widths = make([]int, len(r.lines))
	for i, l := range r.lines {
		r.plain[i] = ansi.Strip(l)
		r.widths[i] = text.Width(l)
	}
	r.locate()
	r.resetReading()
	if r.srch != nil {
		r.srch.locate(r.note, r.plain)
	}
	r.Refresh()
	switch {
	case r.pendingSection != "":
		r.vp.SetYOffset(r.sections[r.pendingSection])
		r.pendingSection = ""
		r.restore = -1
	case r.restore >= 0:
		r.vp.SetYOffset(r.restore)
		r.restore = -1
	case r.ready:
		r.vp.SetYOffset(int(frac * float64(len(r.lines))))
	}
	r.ready = true
	if r.srch != nil {
		if r.pendingMatch != -1 {
			r.srch.cur = r.srch.pick(r.pendingMatch)
			r.pendingMatch = -1
			r.scrollToMatch()
		}
		r.Refresh()
	}
}

func (r *Reader) Title() string { return r.note.Title }

func (r *Reader) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	r.account() // what was on screen until now has been read
	switch msg := msg.(type) {
	case readLoadedMsg:
		r.readLoaded(msg)
		return r, nil
	case renderedMsg:
		if msg.gen != r.gen || msg.key != r.want {
			return r, nil // a newer render is on its way
		}
		if msg.err != nil {
			return r, common.Err(msg.err)
		}
		r.show(msg.out)
		return r, nil
	case positionMsg:
		if r.ready {
			r.vp.SetYOffset(msg.line)
		} else {
			r.restore = msg.line
		}
		return r, nil
	case tea.WindowSizeMsg, common.ThemeChangedMsg:
		return r, r.resize()
	case common.LangChangedMsg:
		return r, r.switchLang()
	case openNoteMsg:
		return r, r.openNote(msg)
	case searchedMsg:
		return r, r.searched(msg)
	case tea.KeyPressMsg:
		switch r.mode {
		case modeTOC:
			return r, r.tocKey(msg)
		case modeSearch:
			return r, r.searchKey(msg)
		case modeFacts:
			return r, r.factsKey(msg)
		}
		if cmd, ok := r.readKey(msg); ok {
			return r, cmd
		}
	}
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return r, cmd
}

// readKey handles the reader's own keys in reading mode.
func (r *Reader) readKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.keys
	switch {
	case key.Matches(msg, r.c.Keys.Back):
		if r.srch != nil && r.srch.query != "" {
			r.srch = nil
			r.Refresh()
			return nil, true
		}
		if r.link >= 0 {
			r.link = -1
			r.Refresh()
			return nil, true
		}
		if n := len(r.history); n > 0 {
			back := r.history[n-1]
			r.history = r.history[:n-1]
			return tea.Sequence(r.SavePosition(), r.open(back.note, "", back.line)), true
		}
		return tea.Sequence(r.SavePosition(), common.Pop), true
	case key.Matches(msg, r.c.Keys.Top):
		r.vp.GotoTop()
		return nil, true
	case key.Matches(msg, r.c.Keys.Bottom):
		r.vp.GotoBottom()
		return nil, true
	case key.Matches(msg, k.TOC):
		r.openTOC()
		return nil, true
	case key.Matches(msg, factsKey):
		r.openFacts()
		return nil, true
	case key.Matches(msg, k.Search):
		r.mode = modeSearch
		r.input.SetValue("")
		return r.input.Focus(), true
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		if r.srch == nil {
			return nil, true
		}
		return r.step(key.Matches(msg, k.Next)), true
	case key.Matches(msg, k.Link), key.Matches(msg, k.LinkBack):
		r.cycleLink(key.Matches(msg, k.Link))
		return nil, true
	case key.Matches(msg, k.Follow) && r.link >= 0:
		return r.follow(), true
	case key.Matches(msg, k.Test):
		if r.w > 0 {
			return nil, false // already inside Study
		}
		return tea.Sequence(r.SavePosition(), common.Open("study:"+r.note.ID+"#"+r.CurrentSection())), true
	case key.Matches(msg, cardform.AddKey):
		front, back, source := cardform.FromSection(r.note, r.CurrentSection())
		return cardform.Open(r.c, front, back, source), true
	case key.Matches(msg, k.Lang):
		next := content.KO
		if r.c.Lang == content.KO {
			next = content.EN
		}
		r.c.Lang = next
		return func() tea.Msg { return common.LangChangedMsg{} }, true
	}
	return nil, false
}

// currentSection is the section whose heading is at or above the top line.
func (r *Reader) CurrentSection() string {
	best, bestLine := "", -1
	top := r.vp.YOffset() + 1
	for id, l := range r.sections {
		if l <= top && l > bestLine {
			best, bestLine = id, l
		}
	}
	return best
}

// SavePosition records the place in the note, the sections read and how
// much of the note they are.
func (r *Reader) SavePosition() tea.Cmd {
	if !r.c.Progress.HasStore() || !r.ready {
		return nil
	}
	r.account()
	c, n := r.c, r.note
	line, pct, read := r.vp.YOffset(), r.readPct(), r.readSections()
	return func() tea.Msg {
		if err := c.Progress.SetSetting(c.Ctx, readingKey(string(n.Lang), n.ID), read); err != nil {
			return common.ErrMsg{Err: err}
		}
		if err := c.Progress.SaveNotePosition(c.Ctx, string(n.Lang), n.ID, line, pct); err != nil {
			return common.ErrMsg{Err: err}
		}
		return nil
	}
}

func (r *Reader) View() string {
	if !r.ready {
		return r.c.Styles.Muted.Render(r.c.T("notes.rendering"))
	}
	switch r.mode {
	case modeTOC:
		head := r.c.Styles.Header.Render(r.c.T("reader.contents"))
		return head + "\n" + r.toc.View(r.c, r.Height()-1)
	case modeFacts:
		return r.factsView()
	}
	return r.page() + "\n" + r.footer()
}

func (r *Reader) footer() string {
	st := r.c.Styles
	if r.mode == modeSearch {
		return r.input.View()
	}
	parts := []string{fmt.Sprintf("%d%%", int(r.vp.ScrollPercent()*100))}
	if r.srch == nil && r.link < 0 {
		parts = append(parts, fmt.Sprintf(r.c.T("notes.read"), r.readPct()))
	}
	if r.srch != nil {
		parts = append(parts, r.srch.summary(r.c))
	}
	if r.link >= 0 {
		l := r.links[r.link]
		title := l.note
		if n := r.c.Lib.Note(r.note.Lang, l.note); n != nil {
			title = n.Title
		}
		if lb := r.c.Lib.Lab(r.note.Lang, l.lab); lb != nil {
			title = r.c.T("lab.title") + " · " + lb.Title
		}
		parts = append(parts, fmt.Sprintf(r.c.T("reader.link"), title))
	}
	if len(r.history) > 0 {
		parts = append(parts, r.c.T("reader.back"))
	}
	return st.Muted.Render(strings.Join(parts, " · "))
}

func (r *Reader) ShortHelp() []key.Binding {
	if r.mode == modeSearch {
		return []key.Binding{r.c.Keys.Open}
	}
	if r.mode == modeFacts {
		return []key.Binding{r.c.Keys.Up, r.c.Keys.Down, r.c.Keys.Back}
	}
	if r.mode == modeTOC {
		return []key.Binding{r.c.Keys.Up, r.c.Keys.Down, r.c.Keys.Open, closeTOCKey}
	}
	b := []key.Binding{r.c.Keys.PageDown, r.keys.TOC, r.keys.Search}
	if r.srch != nil {
		b = append(b, r.keys.Next)
	}
	if r.link >= 0 {
		b = append(b, r.keys.Follow)
	} else {
		b = append(b, r.keys.Link)
	}
	if r.w == 0 {
		b = append(b, r.keys.Test)
	}
	return append(b, factsKey, r.keys.Lang)
}

func (r *Reader) FullHelp() [][]key.Binding {
	k := r.vp.KeyMap
	return [][]key.Binding{
		{k.Up, k.Down, r.c.Keys.PageUp, r.c.Keys.PageDown, k.HalfPageUp, k.HalfPageDown, r.c.Keys.Top, r.c.Keys.Bottom},
		{r.keys.TOC, r.keys.Search, r.keys.Next, r.keys.Prev},
		{r.keys.Link, r.keys.LinkBack, r.keys.Follow, r.keys.Lang, r.keys.Test, cardform.AddKey, readKey, factsKey},
	}
}
