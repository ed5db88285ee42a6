package content

import (
	"bytes"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// factEntries finds single facts of the built-in facts.yaml without
// parsing the whole file: a note uses a dozen of its facts, and the YAML
// parser is most of the time of opening one note. Each entry of the file
// starts with a line "- id: ..." (docs/content-format.md); an entry is
// parsed, as a one-item list, the first time its id is asked for.
// TestFactEntriesAreTheParsedFacts checks every entry against the full
// parse.
type factEntries struct {
	once   sync.Once
	src    []byte
	at     map[string]factEntry
	mu     sync.Mutex
	parsed map[string]*Fact
}

// factEntry is where one fact's entry is in the file: bytes and first line.
type factEntry struct{ start, end, line int }

// index finds where each entry starts.
func (fe *factEntries) index(fsys fs.FS) {
	fe.once.Do(func() {
		fe.src, _ = fs.ReadFile(fsys, "facts.yaml")
		fe.at, fe.parsed = map[string]factEntry{}, map[string]*Fact{}
		var id string
		var prev factEntry
		line, off := 1, 0
		for off <= len(fe.src) {
			end := bytes.IndexByte(fe.src[off:], '\n')
			if end < 0 {
				end = len(fe.src) - off
			}
			l := fe.src[off : off+end]
			if rest, ok := bytes.CutPrefix(l, []byte("- id:")); ok {
				if id != "" {
					prev.end = off
					fe.at[id] = prev
				}
				id = strings.TrimSpace(string(rest))
				if u, err := strconv.Unquote(id); err == nil {
					id = u
				}
				prev = factEntry{start: off, line: line}
			}
			off += end + 1
			line++
		}
		if id != "" {
			prev.end = len(fe.src)
			fe.at[id] = prev
		}
	})
}

// fact parses one entry, once.
func (fe *factEntries) fact(fsys fs.FS, id string) (*Fact, bool) {
	fe.index(fsys)
	fe.mu.Lock()
	defer fe.mu.Unlock()
	if f, ok := fe.parsed[id]; ok {
		return f, f != nil
	}
	var f *Fact
	if e, ok := fe.at[id]; ok {
		if got := parseFacts("facts.yaml", fe.src[e.start:e.end], Langs, &collector{}); len(got) == 1 && got[0].ID == id {
			f = &got[0]
			f.Line += e.line - 1
		}
	}
	fe.parsed[id] = f
	return f, f != nil
}

// prefetch parses the entries of ids not parsed yet in one pass of the
// YAML parser: a note inserts a dozen facts or more, and starting the
// parser once for each was most of the cost of reading them. When the
// joined entries do not read back as those facts in order (an odd file),
// fact parses them one at a time as before.
func (fe *factEntries) prefetch(fsys fs.FS, ids []string) {
	fe.index(fsys)
	fe.mu.Lock()
	defer fe.mu.Unlock()
	var src []byte
	var want []string
	var starts []int // the line of src where each entry starts
	line := 1
	for _, id := range ids {
		e, ok := fe.at[id]
		if _, done := fe.parsed[id]; done || !ok || slices.Contains(want, id) {
			continue
		}
		want = append(want, id)
		starts = append(starts, line)
		entry, before := fe.src[e.start:e.end], len(src)
		src = append(src, entry...)
		if !bytes.HasSuffix(entry, []byte("\n")) {
			src = append(src, '\n') // the file's last entry
		}
		line += bytes.Count(src[before:], []byte("\n"))
	}
	if len(want) < 2 {
		return
	}
	got := parseFacts("facts.yaml", src, Langs, &collector{})
	if len(got) != len(want) {
		return
	}
	for i := range got {
		if got[i].ID != want[i] {
			return
		}
	}
	for i := range got {
		f := got[i]
		f.Line += fe.at[want[i]].line - starts[i]
		fe.parsed[want[i]] = &f
	}
}
