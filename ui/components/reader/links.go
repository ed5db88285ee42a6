package reader

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/render"
)

// Links between notes, the history they leave, the language switch and
// the table of contents: every way the reader moves to another place.

// linkRef is a link to another note (or a section of one), or to a lab.
type linkRef struct {
	text, note, section string
	lab                 string
	line                int
}

// place is a point in a note to go back to.
type place struct {
	note *content.Note
	line int
}

type openNoteMsg struct {
	note    *content.Note
	section string
	line    int
}

// locate finds the rendered line of each section heading and link, in
// order, by their text.
func (r *Reader) locate() {
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
	for _, m := range render.NoteLinkRe.FindAllStringSubmatch(r.note.Body, -1) {
		l := linkRef{text: m[1], note: m[3], section: m[4], line: -1}
		if m[2] == "lab" {
			l = linkRef{text: m[1], lab: m[3], line: -1}
		}
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

// switchLang shows the same note in the new language, at the same section.
func (r *Reader) switchLang() tea.Cmd {
	if r.c.Lang == r.note.Lang || r.c.Lib == nil {
		return nil
	}
	other := r.c.Lib.Note(r.c.Lang, r.note.ID)
	if other == nil || other.Lang != r.c.Lang {
		// A one-language folder has no other version; the status line
		// says which language it is in.
		return common.Status(fmt.Sprintf("%s: no %s version", r.note.ID, r.c.Lang))
	}
	sec := r.CurrentSection()
	save := r.SavePosition()
	r.note, r.ready, r.link, r.history = other, false, -1, nil
	r.pendingSection, r.restore = sec, -1
	var again tea.Cmd
	if r.srch != nil {
		// The same query over the notes of the other language.
		q := r.srch.query
		r.srch = &search{query: q, cur: -1}
		again = r.refind(q)
	}
	return tea.Batch(save, r.render(), r.loadReading(), again)
}

// open replaces the note on screen (following a link or going back).
func (r *Reader) open(n *content.Note, section string, line int) tea.Cmd {
	return func() tea.Msg { return openNoteMsg{n, section, line} }
}

func (r *Reader) openNote(m openNoteMsg) tea.Cmd {
	r.note, r.ready, r.link = m.note, false, -1
	if r.srch != nil && r.pendingMatch == -1 {
		r.srch.cur = -1 // no match is selected in the new note yet
	}
	r.pendingSection, r.restore = m.section, -1
	if m.section == "" {
		r.restore = m.line
	}
	return tea.Batch(r.render(), r.loadReading())
}

func (r *Reader) cycleLink(forward bool) {
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
	r.Refresh()
}

func (r *Reader) follow() tea.Cmd {
	l := r.links[r.link]
	if l.lab != "" {
		return tea.Sequence(r.SavePosition(), common.Open("lab:"+l.lab))
	}
	target := r.c.Lib.Note(r.note.Lang, l.note)
	if target == nil {
		return common.Status("no note " + l.note)
	}
	r.history = append(r.history, place{r.note, r.vp.YOffset()})
	section := l.section
	if section == "" && len(target.Sections) > 0 {
		section = "" // the top of the note
	}
	return tea.Sequence(r.SavePosition(), r.open(target, section, 0))
}

func (r *Reader) openTOC() {
	r.toc.Items = r.toc.Items[:0]
	cur := r.CurrentSection()
	for _, s := range r.note.Sections {
		title := s.Title
		if s.Level > 2 {
			title = "  " + title
		}
		r.toc.Items = append(r.toc.Items, menu.Item{ID: s.ID, Title: title})
		if s.ID == cur {
			r.toc.Cursor = len(r.toc.Items) - 1
		}
	}
	r.mode = modeTOC
}

// closeTOCKey names esc in the contents, which it closes (back to the
// note), as the contents' heading says.
var closeTOCKey = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close"))

func (r *Reader) tocKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, r.c.Keys.Back), key.Matches(msg, r.keys.TOC):
		r.mode = modeRead
	case key.Matches(msg, r.c.Keys.Open):
		if it, ok := r.toc.Selected(); ok {
			r.vp.SetYOffset(r.sections[it.ID])
		}
		r.mode = modeRead
	default:
		r.toc.Move(r.c, msg)
	}
	return nil
}

// gotoSection scrolls to a section and marks its heading (now, or after
// the render in flight lands).
func (r *Reader) GotoSection(id string) {
	r.highlight = id
	if !r.ready {
		r.pendingSection = id
		return
	}
	if l, ok := r.sections[id]; ok {
		r.vp.SetYOffset(l)
	}
	r.Refresh()
}

// UseLinkKeys moves link selection to other keys (Study keeps tab for
// switching panes): next and prev select the next and previous link.
func (r *Reader) UseLinkKeys(next, prev string) {
	r.keys.Link.SetKeys(next)
	r.keys.Link.SetHelp(next, r.keys.Link.Help().Desc)
	r.keys.LinkBack.SetKeys(prev)
	r.keys.LinkBack.SetHelp(prev, r.keys.LinkBack.Help().Desc)
}
