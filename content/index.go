package content

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// IndexItem is what a schedule needs of one question or card: its id,
// note, exam domain (questions), section and cloze numbers (cloze cards),
// without its text.
type IndexItem struct {
	ID, Topic, Domain, Section string
	Cloze                      []string
}

// Index lists the items of one language without their bodies: enough to
// count them and to register them in a schedule, which is what the home
// screen does at start. Its items are those of Notes, Questions and Cards,
// in the same order (TestIndexIsTheParsedContent checks this on the
// built-in content and on broken folders' parsed items).
type Index struct {
	Notes     []string // note ids, in reading order
	Questions []IndexItem
	Cards     []IndexItem
	Facts     int // how many facts the library has
}

// Index returns the light index of lang. For the built-in content, parts
// not parsed yet are scanned from their files (headings and the metadata
// lines under them) instead of parsed; anything else is read from the
// parsed items.
func (l *Library) Index(lang Lang) *Index {
	lang = l.In(lang)
	if l.lazy == nil {
		return indexOf(l, lang)
	}
	return l.lazy.index(lang)
}

// indexOf builds the index from parsed items.
func indexOf(l *Library, lang Lang) *Index {
	ix := &Index{Facts: len(l.Facts())}
	for _, n := range l.notesOf(lang) {
		ix.Notes = append(ix.Notes, n.ID)
	}
	for _, q := range l.questionsOf(lang) {
		ix.Questions = append(ix.Questions, IndexItem{ID: q.ID, Topic: q.Topic, Domain: q.Domain, Section: q.Section})
	}
	for _, c := range l.cardsOf(lang) {
		it := IndexItem{ID: c.ID, Topic: c.Topic, Section: c.Section}
		if c.IsCloze() {
			it.Cloze = c.ClozeNumbers()
		}
		ix.Cards = append(ix.Cards, it)
	}
	return ix
}

// lazyIndexes holds the scanned index of each language.
type lazyIndexes struct {
	mu sync.Mutex
	by map[Lang]*Index
}

func (lp *lazyParts) index(lang Lang) *Index {
	ix := &Index{Facts: lp.factCount()}
	// A part parsed already is read from its items; the others are
	// scanned once and kept.
	if p := lp.doneParts(lang, partNotes); p != nil {
		for _, n := range p.notes {
			ix.Notes = append(ix.Notes, n.ID)
		}
	} else {
		ix.Notes = lp.scanned(lang).Notes
	}
	if p := lp.doneParts(lang, partQuestions); p != nil {
		ix.Questions = indexOf(&Library{langs: []Lang{lang}, questions: map[Lang][]*Question{lang: p.questions}}, lang).Questions
	} else {
		ix.Questions = lp.scanned(lang).Questions
	}
	if p := lp.doneParts(lang, partCards); p != nil {
		ix.Cards = indexOf(&Library{langs: []Lang{lang}, cards: map[Lang][]*Card{lang: p.cards}}, lang).Cards
	} else {
		ix.Cards = lp.scanned(lang).Cards
	}
	return ix
}

// scanned returns the index of lang scanned from its files, once.
func (lp *lazyParts) scanned(lang Lang) *Index {
	lp.ix.mu.Lock()
	defer lp.ix.mu.Unlock()
	if ix, ok := lp.ix.by[lang]; ok {
		return ix
	}
	ix := &Index{
		Notes:     scanNoteOrder(lp.fsys, "notes/"+string(lang)),
		Questions: scanItems(lp.fsys, "questions/"+string(lang), false),
		Cards:     scanItems(lp.fsys, "cards/"+string(lang), true),
	}
	if lp.ix.by == nil {
		lp.ix.by = map[Lang]*Index{}
	}
	lp.ix.by[lang] = ix
	return ix
}

// doneParts returns a part when it is parsed already, else nil.
func (lp *lazyParts) doneParts(lang Lang, kind int) *part {
	ps, ok := lp.parts[lang]
	if !ok {
		return nil
	}
	p := &ps[kind]
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return p
	}
	return nil
}

// factCount counts the entries of facts.yaml without parsing them.
func (lp *lazyParts) factCount() int {
	lp.entries.index(lp.fsys)
	return len(lp.entries.at)
}

// scanNoteOrder reads only the front matter of each note: its order and
// title, which sort the notes as sortNotes does.
func scanNoteOrder(fsys fs.FS, dir string) []string {
	var ns []*Note
	for _, f := range mdFiles(fsys, dir, &collector{}) {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			continue
		}
		var fm noteFront
		if front, _, _, err := splitFrontMatter(src); err == nil {
			_, _ = decodeYAML(front, 2, &fm)
		}
		ns = append(ns, &Note{ID: strings.TrimSuffix(path.Base(f), ".md"), Title: fm.Title, Order: fm.Order})
	}
	sortNotes(ns)
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

// scanItems lists the "## id" blocks of the questions or cards files of a
// folder: the topic from the front matter, the domain and section from
// the metadata lines right under the heading, and, for a card without a
// "Q:" paragraph, its cloze numbers. Fenced code is skipped, as the
// Markdown parser does.
func scanItems(fsys fs.FS, dir string, cards bool) []IndexItem {
	var out []IndexItem
	for _, f := range mdFiles(fsys, dir, &collector{}) {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			continue
		}
		front, body, _, err := splitFrontMatter(src)
		if err != nil {
			continue
		}
		var fm questionFront
		if _, err := decodeYAML(front, 2, &fm); err != nil {
			continue
		}
		topic := fm.Topic
		if !cards && fm.Quiz != "" {
			topic = fm.Quiz
		}
		var cur *IndexItem
		var cloze []string // the block's cloze numbers, in order
		qa, inMeta, fence := false, false, ""
		flush := func() {
			if cur == nil {
				return
			}
			if cards && !qa {
				cur.Cloze = cloze
			}
			out = append(out, *cur)
		}
		for line := range bytes.Lines(body) {
			t := bytes.TrimSpace(line)
			if fence != "" {
				if bytes.HasPrefix(t, []byte(fence)) {
					fence = ""
				}
				continue
			}
			if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
				fence = string(t[:3])
				continue
			}
			if id, ok := bytes.CutPrefix(line, []byte("## ")); ok {
				flush()
				cur = &IndexItem{ID: string(bytes.TrimSpace(bytes.TrimRight(bytes.TrimSpace(id), "#"))), Topic: topic}
				cloze, qa, inMeta = nil, false, true
				continue
			}
			if cur == nil {
				continue
			}
			if len(t) == 0 {
				inMeta = false
				continue
			}
			if inMeta {
				if key, value, ok := metaLine(t); ok {
					switch key {
					case "domain":
						cur.Domain = string(value)
					case "section":
						cur.Section = string(value)
					}
					continue
				}
				inMeta = false
			}
			if !cards {
				continue
			}
			if bytes.HasPrefix(t, []byte("Q:")) {
				qa = true
			}
			// A cloze mark never spans lines (clozeRe does not match a
			// newline), so the numbers are gathered line by line.
			if !bytes.Contains(t, []byte("{{c")) {
				continue
			}
			for _, m := range clozeRe.FindAllSubmatch(t, -1) {
				if n := string(m[1]); !slices.Contains(cloze, n) {
					cloze = append(cloze, n)
				}
			}
		}
		flush()
	}
	return out
}

// metaLine reads a metadata line "key: value" as metaLineRe does (a key
// of lowercase letters and '_', spaces after the colon dropped), without
// running the expression on every line the index scans.
func metaLine(t []byte) (key string, value []byte, ok bool) {
	i := bytes.IndexByte(t, ':')
	if i <= 0 {
		return "", nil, false
	}
	for _, c := range t[:i] {
		if (c < 'a' || c > 'z') && c != '_' {
			return "", nil, false
		}
	}
	value = bytes.TrimLeft(t[i+1:], " \t\n\f\r") // \s in RE2
	if bytes.IndexByte(value, '\n') >= 0 {
		return "", nil, false // one line only, as '.' in the expression
	}
	return string(t[:i]), value, true
}
