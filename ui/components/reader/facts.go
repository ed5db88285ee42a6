package reader

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/components/factref"
	"github.com/saa-study/saa-study/ui/text"
)

// factsKey lists the facts the note inserts as references: each value,
// what it means, the AWS page that states it and when that was checked.
var factsKey = key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "facts cited"))

func (r *Reader) openFacts() {
	r.mode, r.factsTop = modeFacts, 0
}

// factNotes are the note's facts, numbered in the order the note first
// inserts them.
func (r *Reader) factNotes() []content.FactNote {
	var out []content.FactNote
	for _, id := range r.note.Facts {
		if f, ok := r.c.Lib.Fact(id); ok {
			out = append(out, content.NoteOf(f, r.note.Lang, len(out)+1))
		}
	}
	return out
}

func (r *Reader) factsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.c.Keys
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, factsKey):
		r.mode = modeRead
	case key.Matches(msg, k.Up):
		r.factsTop = max(0, r.factsTop-1)
	case key.Matches(msg, k.Down):
		r.factsTop++
	case key.Matches(msg, k.PageUp):
		r.factsTop = max(0, r.factsTop-max(1, r.Height()-2))
	case key.Matches(msg, k.PageDown):
		r.factsTop += max(1, r.Height()-2)
	case key.Matches(msg, k.Top):
		r.factsTop = 0
	}
	return nil
}

// factsView is the list of the note's facts under a heading.
func (r *Reader) factsView() string {
	st, w := r.c.Styles, max(r.Width(), 1)
	head := text.Truncate(st.Header.Render(r.c.T("reader.facts")), w)
	lines := factref.Wrap(factref.Lines(r.factNotes(), r.c.T), w)
	if len(lines) == 0 {
		lines = text.Wrap(r.c.T("reader.nofacts"), w)
	}
	body, off := text.Scroll(lines, r.factsTop, max(1, r.Height()-1))
	r.factsTop = off
	return head + "\n" + strings.TrimRight(body, "\n")
}

// Note is the note on screen (following a link changes it).
func (r *Reader) Note() *content.Note { return r.note }

// Ready reports whether the note has been rendered.
func (r *Reader) Ready() bool { return r.ready }

// Browsing reports whether the reader is only reading: no contents, no
// search field and no selected link that would take tab or enter.
func (r *Reader) Browsing() bool { return r.mode == modeRead && r.link < 0 }

// Highlight marks a section's heading ("" for none), the way Study shows
// where an answer is explained.
func (r *Reader) Highlight(section string) {
	r.highlight = section
	r.Refresh()
}
