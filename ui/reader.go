package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
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

// reader shows one rendered note in a scrollable viewport, with a table of
// contents, search across notes, links between notes, and a language switch
// that keeps the place.
type reader struct {
	c    *Common
	keys readerKeys
	note *content.Note
	vp   viewport.Model

	gen   int       // generation of the render in flight; stale results are dropped
	want  renderKey // what the viewport should show
	ready bool

	lines    []string       // the rendering, one entry per screen line
	plain    []string       // the same without escape codes
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

	mode  readerMode
	toc   menu
	input textinput.Model
	srch  *search
}

type readerMode int

const (
	modeRead readerMode = iota
	modeTOC
	modeSearch
)

// linkRef is a link to another note (or a section of one).
type linkRef struct {
	text, note, section string
	line                int
}

// place is a point in a note to go back to.
type place struct {
	note *content.Note
	line int
}

type renderedMsg struct {
	gen int
	key renderKey
	out string
	err error
}

type positionMsg struct{ line int }

func newReader(c *Common, n *content.Note) *reader {
	r := &reader{c: c, keys: newReaderKeys(), note: n, restore: -1, link: -1, pendingMatch: -1}
	r.vp = viewport.New(viewport.WithWidth(c.Width), viewport.WithHeight(r.vpHeight()))
	r.vp.KeyMap = viewport.DefaultKeyMap()
	r.input = textinput.New()
	r.input.Prompt = "/"
	r.input.CharLimit = 80
	return r
}

// newReaderAt opens a note scrolled to a section.
func newReaderAt(c *Common, n *content.Note, section string) *reader {
	r := newReader(c, n)
	r.pendingSection = section
	return r
}

func (r *reader) vpHeight() int { return max(r.height()-1, 1) }

// width and height are the reader's area: the whole body, or the part a
// containing screen (Study) gives it with setSize.
func (r *reader) width() int {
	if r.w > 0 {
		return r.w
	}
	return r.c.Width
}

func (r *reader) height() int {
	if r.h > 0 {
		return r.h
	}
	return r.c.Height
}

// setSize gives the reader an area smaller than the body.
func (r *reader) setSize(w, h int) tea.Cmd {
	r.w, r.h = w, h
	return r.resize()
}

func (r *reader) resize() tea.Cmd {
	r.vp.SetWidth(r.width())
	r.vp.SetHeight(r.vpHeight())
	r.input.SetWidth(max(r.width()-2, 1))
	return r.render()
}

func (r *reader) styleName() string {
	if r.c.IsDark {
		return "dark"
	}
	return "light"
}

// Capturing implements Capturer: while typing a search, q is a letter.
func (r *reader) Capturing() bool { return r.mode == modeSearch }

func (r *reader) Init() tea.Cmd {
	c, n := r.c, r.note
	cmds := []tea.Cmd{r.render()}
	if r.pendingSection == "" {
		cmds = append(cmds, func() tea.Msg {
			if !c.Progress.HasStore() {
				return positionMsg{0}
			}
			p, err := c.Progress.NotePosition(c.Ctx, string(n.Lang), n.ID)
			if err != nil {
				return errMsg{err}
			}
			return positionMsg{p.Line}
		})
	}
	return tea.Batch(cmds...)
}

// render asks for the note at the current width and style: from the cache
// at once, or from a command.
func (r *reader) render() tea.Cmd {
	k := renderKey{lang: r.note.Lang, id: r.note.ID, width: wrapWidth(r.width()), style: r.styleName()}
	r.want = k
	if out, ok := r.c.renders.get(k); ok {
		r.show(out)
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

// show puts a rendering on screen and works out where sections and links
// landed in it.
func (r *reader) show(out string) {
	frac := 0.0
	if r.ready && len(r.lines) > 0 {
		frac = float64(r.vp.YOffset()) / float64(len(r.lines))
	}
	r.lines = strings.Split(strings.TrimRight(out, "\n"), "\n")
	r.plain = make([]string, len(r.lines))
	for i, l := range r.lines {
		r.plain[i] = ansi.Strip(l)
	}
	r.locate()
	if r.srch != nil {
		r.srch.locate(r.note, r.plain)
	}
	r.refresh()
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
		r.refresh()
	}
}

// locate finds the rendered line of each section heading and link, in
// order, by their text.
func (r *reader) locate() {
	r.sections = map[string]int{}
	from := 0
	for _, s := range r.note.Sections {
		if i := findLine(r.plain, from, s.Title); i >= 0 {
			r.sections[s.ID] = i
			from = i + 1
		} else {
			r.sections[s.ID] = from
		}
	}
	r.links = r.links[:0]
	from = 0
	for _, m := range noteLinkRe.FindAllStringSubmatch(r.note.Body, -1) {
		l := linkRef{text: m[1], note: m[2], section: m[3], line: -1}
		if i := findLine(r.plain, from, l.text); i >= 0 {
			l.line, from = i, i
		}
		r.links = append(r.links, l)
	}
	if r.link >= len(r.links) {
		r.link = -1
	}
}

// findLine returns the first line at or after from that holds the start
// of text (its first words, as wrapping may split it), or -1.
func findLine(lines []string, from int, text string) int {
	probe := []rune(strings.TrimSpace(text))
	if len(probe) > 16 {
		probe = probe[:16]
	}
	p := string(probe)
	for i := from; i < len(lines); i++ {
		if strings.Contains(lines[i], p) {
			return i
		}
	}
	return -1
}

// refresh sets the viewport content with the selected link and the search
// matches marked.
func (r *reader) refresh() {
	lines := r.lines
	marked := map[int]bool{}
	if r.srch != nil && r.srch.query != "" {
		lines = append([]string(nil), r.lines...)
		for i, m := range r.srch.here {
			if m.line >= len(lines) || marked[m.line] {
				continue
			}
			marked[m.line] = true
			lines[m.line] = highlightLine(r.c.Styles, r.plain[m.line], r.srch.query, i == r.srch.cur)
		}
	}
	if r.link >= 0 && r.link < len(r.links) && r.links[r.link].line >= 0 && r.links[r.link].line < len(lines) {
		if !marked[r.links[r.link].line] {
			lines = append([]string(nil), lines...)
		}
		l := r.links[r.link]
		lines[l.line] = highlightLine(r.c.Styles, r.plain[l.line], l.text, true)
	}
	if r.highlight != "" {
		if l, ok := r.sections[r.highlight]; ok && l < len(lines) {
			lines = append([]string(nil), lines...)
			lines[l] = r.c.Styles.MatchSelected.Render(padRight(r.plain[l], r.width()-1))
		}
	}
	off := r.vp.YOffset()
	r.vp.SetContent(strings.Join(lines, "\n"))
	r.vp.SetYOffset(off)
}

// highlightLine draws a plain line with every occurrence of word marked
// (case-insensitively); selected uses the stronger mark.
func highlightLine(st *Styles, line, word string, selected bool) string {
	style := st.Match
	if selected {
		style = st.MatchSelected
	}
	low, w := strings.ToLower(line), strings.ToLower(word)
	if w == "" {
		return line
	}
	var b strings.Builder
	for {
		i := strings.Index(low, w)
		if i < 0 {
			b.WriteString(line)
			return b.String()
		}
		b.WriteString(line[:i])
		b.WriteString(style.Render(line[i : i+len(w)]))
		line, low = line[i+len(w):], low[i+len(w):]
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
		r.show(msg.out)
		return r, nil
	case positionMsg:
		if r.ready {
			r.vp.SetYOffset(msg.line)
		} else {
			r.restore = msg.line
		}
		return r, nil
	case tea.WindowSizeMsg, themeChangedMsg:
		return r, r.resize()
	case langChangedMsg:
		return r, r.switchLang()
	case openNoteMsg:
		return r, r.openNote(msg)
	case tea.KeyPressMsg:
		switch r.mode {
		case modeTOC:
			return r, r.tocKey(msg)
		case modeSearch:
			return r, r.searchKey(msg)
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
func (r *reader) readKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.keys
	switch {
	case key.Matches(msg, r.c.Keys.Back):
		if r.srch != nil && r.srch.query != "" {
			r.srch = nil
			r.refresh()
			return nil, true
		}
		if r.link >= 0 {
			r.link = -1
			r.refresh()
			return nil, true
		}
		if n := len(r.history); n > 0 {
			back := r.history[n-1]
			r.history = r.history[:n-1]
			return tea.Sequence(r.savePosition(), r.open(back.note, "", back.line)), true
		}
		return tea.Sequence(r.savePosition(), pop), true
	case key.Matches(msg, r.c.Keys.Top):
		r.vp.GotoTop()
		return nil, true
	case key.Matches(msg, r.c.Keys.Bottom):
		r.vp.GotoBottom()
		return nil, true
	case key.Matches(msg, k.TOC):
		r.openTOC()
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
		return tea.Sequence(r.savePosition(), push(newStudy(r.c, r.note, r.currentSection()))), true
	case key.Matches(msg, k.Lang):
		next := content.KO
		if r.c.Lang == content.KO {
			next = content.EN
		}
		r.c.Lang = next
		return func() tea.Msg { return langChangedMsg{} }, true
	}
	return nil, false
}

// currentSection is the section whose heading is at or above the top line.
func (r *reader) currentSection() string {
	best, bestLine := "", -1
	top := r.vp.YOffset() + 1
	for id, l := range r.sections {
		if l <= top && l > bestLine {
			best, bestLine = id, l
		}
	}
	return best
}

// switchLang shows the same note in the new language, at the same section.
func (r *reader) switchLang() tea.Cmd {
	if r.c.Lang == r.note.Lang || r.c.Lib == nil {
		return nil
	}
	other := r.c.Lib.Note(r.c.Lang, r.note.ID)
	if other == nil {
		return status(fmt.Sprintf("%s: no %s version", r.note.ID, r.c.Lang))
	}
	sec := r.currentSection()
	save := r.savePosition()
	r.note, r.ready, r.link, r.history = other, false, -1, nil
	r.pendingSection, r.restore = sec, -1
	if r.srch != nil {
		r.srch = newSearch(r.c.Lib, r.c.Lang, r.srch.query)
	}
	return tea.Batch(save, r.render())
}

// open replaces the note on screen (following a link or going back).
func (r *reader) open(n *content.Note, section string, line int) tea.Cmd {
	return func() tea.Msg { return openNoteMsg{n, section, line} }
}

type openNoteMsg struct {
	note    *content.Note
	section string
	line    int
}

func (r *reader) openNote(m openNoteMsg) tea.Cmd {
	r.note, r.ready, r.link = m.note, false, -1
	if r.srch != nil && r.pendingMatch == -1 {
		r.srch.cur = -1 // no match is selected in the new note yet
	}
	r.pendingSection, r.restore = m.section, -1
	if m.section == "" {
		r.restore = m.line
	}
	return r.render()
}

func (r *reader) cycleLink(forward bool) {
	var usable []int
	for i, l := range r.links {
		if l.line >= 0 {
			usable = append(usable, i)
		}
	}
	if len(usable) == 0 {
		return
	}
	// Start from the links on screen, so tab picks what the reader sees.
	top, bottom := r.vp.YOffset(), r.vp.YOffset()+r.vp.Height()
	next := -1
	if forward {
		for _, i := range usable {
			if (r.link < 0 && r.links[i].line >= top) || (r.link >= 0 && i > r.link) {
				next = i
				break
			}
		}
		if next < 0 {
			next = usable[0]
		}
	} else {
		for j := len(usable) - 1; j >= 0; j-- {
			i := usable[j]
			if (r.link < 0 && r.links[i].line < bottom) || (r.link >= 0 && i < r.link) {
				next = i
				break
			}
		}
		if next < 0 {
			next = usable[len(usable)-1]
		}
	}
	r.link = next
	l := r.links[next]
	if l.line < top || l.line >= bottom {
		r.vp.SetYOffset(max(l.line-r.vp.Height()/3, 0))
	}
	r.refresh()
}

func (r *reader) follow() tea.Cmd {
	l := r.links[r.link]
	target := r.c.Lib.Note(r.note.Lang, l.note)
	if target == nil {
		return status("no note " + l.note)
	}
	r.history = append(r.history, place{r.note, r.vp.YOffset()})
	section := l.section
	if section == "" && len(target.Sections) > 0 {
		section = "" // the top of the note
	}
	return tea.Sequence(r.savePosition(), r.open(target, section, 0))
}

func (r *reader) openTOC() {
	r.toc.items = r.toc.items[:0]
	cur := r.currentSection()
	for _, s := range r.note.Sections {
		title := s.Title
		if s.Level > 2 {
			title = "  " + title
		}
		r.toc.items = append(r.toc.items, menuItem{id: s.ID, title: title})
		if s.ID == cur {
			r.toc.cursor = len(r.toc.items) - 1
		}
	}
	r.mode = modeTOC
}

func (r *reader) tocKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, r.c.Keys.Back), key.Matches(msg, r.keys.TOC):
		r.mode = modeRead
	case key.Matches(msg, r.c.Keys.Open):
		if it, ok := r.toc.selected(); ok {
			r.vp.SetYOffset(r.sections[it.id])
		}
		r.mode = modeRead
	default:
		r.toc.move(r.c, msg)
	}
	return nil
}

func (r *reader) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, r.c.Keys.Back):
		r.mode = modeRead
		r.input.Blur()
		return nil
	case msg.Code == tea.KeyEnter:
		r.mode = modeRead
		r.input.Blur()
		q := strings.TrimSpace(r.input.Value())
		if q == "" {
			r.srch = nil
			r.refresh()
			return nil
		}
		r.srch = newSearch(r.c.Lib, r.c.Lang, q)
		r.srch.locate(r.note, r.plain)
		if len(r.srch.notes) == 0 {
			return status(fmt.Sprintf(r.c.t("search.none"), q))
		}
		if len(r.srch.here) == 0 || r.srch.firstAfter(r.vp.YOffset()) < 0 {
			return r.step(true)
		}
		r.srch.cur = r.srch.firstAfter(r.vp.YOffset())
		r.scrollToMatch()
		r.refresh()
		return nil
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	return cmd
}

// step moves to the next or previous match, into the next note with
// matches when this one has no more.
func (r *reader) step(forward bool) tea.Cmd {
	s := r.srch
	if forward && s.cur+1 < len(s.here) {
		s.cur++
	} else if !forward && s.cur > 0 {
		s.cur--
	} else {
		n := s.neighbour(r.note.ID, forward)
		if n == nil {
			return nil
		}
		if forward {
			r.pendingMatch = 0
		} else {
			r.pendingMatch = -2 // the last match
		}
		return tea.Sequence(r.savePosition(), r.open(n, "", 0))
	}
	r.scrollToMatch()
	r.refresh()
	return nil
}

func (r *reader) scrollToMatch() {
	if m, ok := r.srch.current(); ok {
		top, bottom := r.vp.YOffset(), r.vp.YOffset()+r.vp.Height()
		if m.line < top || m.line >= bottom {
			r.vp.SetYOffset(max(m.line-r.vp.Height()/3, 0))
		}
	}
}

// savePosition records the place in the note and how much has been read.
func (r *reader) savePosition() tea.Cmd {
	if !r.c.Progress.HasStore() || !r.ready {
		return nil
	}
	c, n := r.c, r.note
	line := r.vp.YOffset()
	pct := r.readPct()
	return func() tea.Msg {
		if err := c.Progress.SaveNotePosition(c.Ctx, string(n.Lang), n.ID, line, pct); err != nil {
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
	switch r.mode {
	case modeTOC:
		head := r.c.Styles.Header.Render(r.c.t("reader.contents"))
		return head + "\n" + r.toc.view(r.c, r.height()-1)
	}
	body := strings.TrimRight(r.vp.View(), "\n")
	return body + "\n" + r.footer()
}

func (r *reader) footer() string {
	st := r.c.Styles
	if r.mode == modeSearch {
		return r.input.View()
	}
	parts := []string{fmt.Sprintf("%d%%", int(r.vp.ScrollPercent()*100))}
	if r.srch != nil {
		parts = append(parts, r.srch.summary(r.c))
	}
	if r.link >= 0 {
		l := r.links[r.link]
		title := l.note
		if n := r.c.Lib.Note(r.note.Lang, l.note); n != nil {
			title = n.Title
		}
		parts = append(parts, fmt.Sprintf(r.c.t("reader.link"), title))
	}
	if len(r.history) > 0 {
		parts = append(parts, r.c.t("reader.back"))
	}
	return st.Muted.Render(strings.Join(parts, " · "))
}

func (r *reader) ShortHelp() []key.Binding {
	if r.mode == modeSearch {
		return []key.Binding{r.c.Keys.Open}
	}
	if r.mode == modeTOC {
		return []key.Binding{r.c.Keys.Up, r.c.Keys.Down, r.c.Keys.Open}
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
	return append(b, r.keys.Lang)
}

func (r *reader) FullHelp() [][]key.Binding {
	k := r.vp.KeyMap
	return [][]key.Binding{
		{k.Up, k.Down, r.c.Keys.PageUp, r.c.Keys.PageDown, k.HalfPageUp, k.HalfPageDown, r.c.Keys.Top, r.c.Keys.Bottom},
		{r.keys.TOC, r.keys.Search, r.keys.Next, r.keys.Prev},
		{r.keys.Link, r.keys.LinkBack, r.keys.Follow, r.keys.Lang, r.keys.Test},
	}
}

// gotoSection scrolls to a section and marks its heading (now, or after
// the render in flight lands).
func (r *reader) gotoSection(id string) {
	r.highlight = id
	if !r.ready {
		r.pendingSection = id
		return
	}
	if l, ok := r.sections[id]; ok {
		r.vp.SetYOffset(l)
	}
	r.refresh()
}
