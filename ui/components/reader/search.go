package reader

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"charm.land/bubbles/v2/key"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
)

// search is a query over every note of a language. A note counts as
// found when its rendering — what the reader shows — has the phrase, read
// as one flow of text across wrapped lines, so the number of notes and
// the matches on screen always agree.
type search struct {
	query string
	notes []*content.Note // notes whose rendering has the query, in reading order
	here  []matchPos      // matches in the note on screen
	cur   int             // the selected match in here, or -1
}

// matchPos is where a match starts, and the pieces of it on each screen
// line (a phrase may wrap onto the next line).
type matchPos struct {
	line, col int
	spans     []span
}

// span is a piece of a match on one line: bytes [from, to) of its plain text.
type span struct{ line, from, to int }

// searchedMsg carries the notes found by a search run in a command.
type searchedMsg struct {
	query string
	notes []*content.Note
	keep  bool // only update the notes; the place on screen stays
}

// findNotes renders every note of the language at the reader's width
// (the cache makes this cheap after the first time) and keeps those whose
// text on screen has the query.
func findNotes(c *common.Common, lang content.Lang, width int, style, q string) []*content.Note {
	var out []*content.Note
	for _, n := range c.Lib.Notes(lang) {
		k := render.Key{Lang: n.Lang, ID: n.ID, Width: width, Style: style}
		rendered, ok := c.Renders.Get(k)
		if !ok {
			var err error
			if rendered, err = render.RenderNote(c.Lib, n, width, style); err != nil {
				continue
			}
			c.Renders.Put(k, rendered)
		}
		plain := strings.Split(ansi.Strip(strings.TrimRight(rendered, "\n")), "\n")
		if len(findMatches(plain, q)) > 0 {
			out = append(out, n)
		}
	}
	return out
}

// flowRune is one rune of the text read as a flow, and where it is on
// screen (line < 0: the space that joins two lines).
type flowRune struct {
	r         rune
	line, col int
	size      int
}

// findMatches finds q in lines read as running text: case does not
// matter, runs of spaces count as one, and a line break inside a
// paragraph counts as a space; a blank line ends the paragraph.
func findMatches(lines []string, q string) []matchPos {
	query := []rune(strings.ToLower(strings.Join(strings.Fields(q), " ")))
	if len(query) == 0 {
		return nil
	}
	var flow []flowRune
	space := func(line, col int) {
		if n := len(flow); n > 0 && flow[n-1].r != ' ' && flow[n-1].r != '\n' {
			flow = append(flow, flowRune{r: ' ', line: line, col: col})
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			flow = append(flow, flowRune{r: '\n', line: -1})
			continue
		}
		space(-1, 0)
		for col, r := range l {
			if unicode.IsSpace(r) {
				space(i, col)
				continue
			}
			flow = append(flow, flowRune{r: unicode.ToLower(r), line: i, col: col, size: utf8.RuneLen(r)})
		}
	}
	var out []matchPos
	for i := 0; i+len(query) <= len(flow); i++ {
		ok := true
		for j, qr := range query {
			if flow[i+j].r != qr {
				ok = false
				break
			}
		}
		if !ok || flow[i].line < 0 {
			continue
		}
		m := matchPos{line: flow[i].line, col: flow[i].col}
		for _, f := range flow[i : i+len(query)] {
			if f.line < 0 || f.r == ' ' {
				continue // a space inside one line is covered by the span around it
			}
			if n := len(m.spans); n > 0 && m.spans[n-1].line == f.line {
				m.spans[n-1].to = f.col + max(f.size, 1)
				continue
			}
			m.spans = append(m.spans, span{line: f.line, from: f.col, to: f.col + max(f.size, 1)})
		}
		out = append(out, m)
		i += len(query) - 1
	}
	return out
}

// locate finds the matches in the rendering of note n.
func (s *search) locate(n *content.Note, plain []string) {
	s.here = findMatches(plain, s.query)
	if s.cur >= len(s.here) {
		s.cur = len(s.here) - 1
	}
}

// pick resolves a wanted index: -2 means the last match.
func (s *search) pick(i int) int {
	if i == -2 || i >= len(s.here) {
		return len(s.here) - 1
	}
	return i
}

// firstAfter is the first match at or below line, or -1.
func (s *search) firstAfter(line int) int {
	for i, m := range s.here {
		if m.line >= line {
			return i
		}
	}
	return -1
}

func (s *search) current() (matchPos, bool) {
	if s.cur < 0 || s.cur >= len(s.here) {
		return matchPos{}, false
	}
	return s.here[s.cur], true
}

// neighbour is the next (or previous) note with matches, wrapping around.
func (s *search) neighbour(id string, forward bool) *content.Note {
	if len(s.notes) == 0 {
		return nil
	}
	at := -1
	for i, n := range s.notes {
		if n.ID == id {
			at = i
		}
	}
	step := 1
	if !forward {
		step = -1
	}
	if at < 0 {
		if forward {
			return s.notes[0]
		}
		return s.notes[len(s.notes)-1]
	}
	if len(s.notes) == 1 {
		return nil
	}
	return s.notes[(at+step+len(s.notes))%len(s.notes)]
}

func (s *search) summary(c *common.Common) string {
	if len(s.here) == 0 {
		return fmt.Sprintf(c.T("search.elsewhere"), s.query, len(s.notes))
	}
	if s.cur < 0 {
		return fmt.Sprintf(c.T("search.count"), s.query, len(s.here), len(s.notes))
	}
	return fmt.Sprintf(c.T("search.summary"), s.query, s.cur+1, len(s.here), len(s.notes))
}

func (r *Reader) searchKey(msg tea.KeyPressMsg) tea.Cmd {
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
			r.Refresh()
			return nil
		}
		return r.startSearch(q)
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	return cmd
}

// startSearch looks for q in every note, in a command: the first search at
// a width renders the notes not yet rendered.
func (r *Reader) startSearch(q string) tea.Cmd {
	c, lang, width, style := r.c, r.c.Lang, render.WrapWidth(r.Width()), r.styleName()
	return func() tea.Msg {
		return searchedMsg{query: q, notes: findNotes(c, lang, width, style, q)}
	}
}

// refind runs the search again (another language) without moving.
func (r *Reader) refind(q string) tea.Cmd {
	c, lang, width, style := r.c, r.c.Lang, render.WrapWidth(r.Width()), r.styleName()
	return func() tea.Msg {
		return searchedMsg{query: q, notes: findNotes(c, lang, width, style, q), keep: true}
	}
}

// searched shows the result of a search: the first match at or below the
// top of the screen, or the next note that has one.
func (r *Reader) searched(msg searchedMsg) tea.Cmd {
	if msg.keep {
		if r.srch != nil && r.srch.query == msg.query {
			r.srch.notes = msg.notes
		}
		return nil
	}
	r.srch = &search{query: msg.query, notes: msg.notes, cur: -1}
	r.srch.locate(r.note, r.plain)
	if len(r.srch.notes) == 0 {
		r.srch = nil
		r.Refresh()
		return common.Status(fmt.Sprintf(r.c.T("search.none"), msg.query))
	}
	if len(r.srch.here) == 0 || r.srch.firstAfter(r.vp.YOffset()) < 0 {
		return r.step(true)
	}
	r.srch.cur = r.srch.firstAfter(r.vp.YOffset())
	r.scrollToMatch()
	r.Refresh()
	return nil
}

// step moves to the next or previous match, into the next note with
// matches when this one has no more.
func (r *Reader) step(forward bool) tea.Cmd {
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
		return tea.Sequence(r.SavePosition(), r.open(n, "", 0))
	}
	r.scrollToMatch()
	r.Refresh()
	return nil
}

func (r *Reader) scrollToMatch() {
	if m, ok := r.srch.current(); ok {
		top, bottom := r.vp.YOffset(), r.vp.YOffset()+r.vp.Height()
		if m.line < top || m.line >= bottom {
			r.vp.SetYOffset(max(m.line-r.vp.Height()/3, 0))
		}
	}
}

// highlightSpans draws a plain line with the given byte ranges marked;
// selected[i] uses the stronger mark for spans[i].
func highlightSpans(st *styles.Styles, line string, spans []span, selected []bool) string {
	var b strings.Builder
	at := 0
	for i, sp := range spans {
		from, to := max(sp.from, at), min(sp.to, len(line))
		if from >= to {
			continue
		}
		style := st.Match
		if selected[i] {
			style = st.MatchSelected
		}
		b.WriteString(line[at:from])
		b.WriteString(style.Render(line[from:to]))
		at = to
	}
	b.WriteString(line[at:])
	return b.String()
}

// highlightLine draws a plain line with every occurrence of word marked
// (case-insensitively); selected uses the stronger mark.
func highlightLine(st *styles.Styles, line, word string, selected bool) string {
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

// markMatches draws the lines that hold matches (a wrapped match marks
// each of its lines) and notes them in marked.
func (r *Reader) markMatches(marked map[int]bool) []string {
	lines := append([]string(nil), r.lines...)
	type piece struct {
		sp  span
		sel bool
	}
	byLine := map[int][]piece{}
	for i, m := range r.srch.here {
		for _, sp := range m.spans {
			if sp.line < len(lines) {
				byLine[sp.line] = append(byLine[sp.line], piece{sp, i == r.srch.cur})
			}
		}
	}
	for l, ps := range byLine {
		spans, sel := make([]span, len(ps)), make([]bool, len(ps))
		for i, p := range ps {
			spans[i], sel[i] = p.sp, p.sel
		}
		marked[l] = true
		lines[l] = highlightSpans(r.c.Styles, r.plain[l], spans, sel)
	}
	return lines
}
