package reader

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"charm.land/bubbles/v2/key"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/styles"
)

// search is a query over every note of a language. Notes are chosen by
// their source text; the matches inside the note on screen are found in its
// rendering, so they can be shown where the reader sees them.
type search struct {
	query string
	notes []*content.Note // notes whose text contains the query, in reading order
	here  []matchPos      // matches in the note on screen
	cur   int             // the selected match in here, or -1
}

type matchPos struct{ line, col int }

func newSearch(lib *content.Library, lang content.Lang, q string) *search {
	s := &search{query: q, cur: -1}
	low := strings.ToLower(q)
	for _, n := range lib.Notes(lang) {
		if strings.Contains(strings.ToLower(n.Body), low) || strings.Contains(strings.ToLower(n.Title), low) {
			s.notes = append(s.notes, n)
		}
	}
	return s
}

// locate finds the matches in the rendering of note n.
func (s *search) locate(n *content.Note, plain []string) {
	s.here = s.here[:0]
	low := strings.ToLower(s.query)
	for i, l := range plain {
		ll := strings.ToLower(l)
		for off := 0; ; {
			j := strings.Index(ll[off:], low)
			if j < 0 {
				break
			}
			s.here = append(s.here, matchPos{line: i, col: off + j})
			off += j + len(low)
		}
	}
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
		r.srch = newSearch(r.c.Lib, r.c.Lang, q)
		r.srch.locate(r.note, r.plain)
		if len(r.srch.notes) == 0 {
			return common.Status(fmt.Sprintf(r.c.T("search.none"), q))
		}
		if len(r.srch.here) == 0 || r.srch.firstAfter(r.vp.YOffset()) < 0 {
			return r.step(true)
		}
		r.srch.cur = r.srch.firstAfter(r.vp.YOffset())
		r.scrollToMatch()
		r.Refresh()
		return nil
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	return cmd
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
