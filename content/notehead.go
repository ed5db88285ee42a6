package content

import (
	"io/fs"
	"path"
	"strings"
)

// NoteHead is what a link to a note shows: the note's title and sections.
type NoteHead struct {
	ID       string
	Title    string
	Sections []Section
}

// Section returns a section by id, or nil.
func (h *NoteHead) Section(id string) *Section {
	for i := range h.Sections {
		if h.Sections[i].ID == id {
			return &h.Sections[i]
		}
	}
	return nil
}

// NoteHead returns a note's title and sections, or nil when there is no
// such note (see In). For the built-in content, a note not read yet is
// not: its front matter and heading lines are, so a note with links to
// ten others opens without reading the ten.
func (l *Library) NoteHead(lang Lang, id string) *NoteHead {
	if l.lazy != nil {
		if h, ok := l.lazy.head(l.In(lang), id); ok {
			return h
		}
	}
	n := l.Note(lang, id)
	if n == nil {
		return nil
	}
	return &NoteHead{ID: n.ID, Title: n.Title, Sections: n.Sections}
}

// NoteHeads returns the heads of every note of lang (see In), in reading
// order: what a list of the notes shows. For the built-in content it reads
// no note's body and none of its facts (the order comes from the index).
func (l *Library) NoteHeads(lang Lang) []*NoteHead {
	ids := l.Index(lang).Notes
	out := make([]*NoteHead, 0, len(ids))
	for _, id := range ids {
		if h := l.NoteHead(lang, id); h != nil {
			out = append(out, h)
		}
	}
	return out
}

// head reads a note's head from its own file, once; ok is false when the
// note has been read already or its file is not where its id says.
func (lp *lazyParts) head(lang Lang, id string) (*NoteHead, bool) {
	ps, ok := lp.parts[lang]
	if !ok || !idRe.MatchString(id) {
		return nil, false
	}
	p := &ps[partNotes]
	p.mu.Lock()
	defer p.mu.Unlock()
	f := "notes/" + string(lang) + "/" + id + ".md"
	if _, read := p.byFile[f]; read || p.done {
		return nil, false
	}
	if h, ok := p.heads[f]; ok {
		return h, true
	}
	src, err := fs.ReadFile(lp.fsys, f)
	if err != nil {
		return nil, false
	}
	front, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		return nil, false
	}
	var fm noteFront
	if _, err := decodeYAML(front, 2, &fm); err != nil || fm.ID != strings.TrimSuffix(path.Base(f), ".md") {
		return nil, false
	}
	h := &NoteHead{ID: fm.ID, Title: fm.Title, Sections: headingSections(string(body), lang, f, bodyLine, lp.loader())}
	if p.heads == nil {
		p.heads = map[string]*NoteHead{}
	}
	p.heads[f] = h
	return h, true
}
