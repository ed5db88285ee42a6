package content

import (
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// MaxCodeWidth is the widest a line of a diagram or code block may be:
// with the page margin it fits a 60-column window.
const MaxCodeWidth = 58

type noteFront struct {
	ID      string   `yaml:"id"`
	Title   string   `yaml:"title"`
	Order   int      `yaml:"order"`
	Related []string `yaml:"related"`
}

// noteLink is a note:ID#section link found in a file, checked after all
// files are read.
type noteLink struct {
	file   string
	line   int
	lang   Lang
	target string
	// written is the link as the file has it ("note:x#y", "#y").
	written string
}

// parseNote reads one note file; facts are inserted before parsing so that
// lines stay where the author put them.
func parseNote(file string, lang Lang, src []byte, ld *loader) *Note {
	c := ld.c
	want := strings.TrimSuffix(path.Base(file), ".md")
	// A front matter that cannot be read is the first problem of the file;
	// the note still takes its id from the file name, and its body is
	// checked, so that only what depends on the front matter goes unsaid.
	var fm noteFront
	var keys map[string]int
	var items map[string][]int
	front, body, bodyLine, err := splitFrontMatter(src)
	switch {
	case err != nil && body == nil:
		// Not closed: there is no body to read, so every reference to
		// this note follows from this problem.
		c.addRoot(noteKey(lang, want), "reference to this note|references to this note", file, 1, "%v", err)
		return &Note{ID: want, Lang: lang, File: file, unreadable: true}
	case err != nil:
		c.addRoot(frontKey(file), frontWhat, file, 1, "%v", err)
	default:
		if line, err := decodeYAML(front, 2, &fm); err != nil {
			c.addRoot(frontKey(file), frontWhat, file, line, "%v", err)
			fm = noteFront{ID: want}
		} else {
			checkFrontMatter(front, file, c)
			keys, items = frontLines(front, 2)
			at := func(k string) int {
				if l, ok := keys[k]; ok {
					return l
				}
				return 2
			}
			switch {
			case fm.ID == "":
				c.add(file, 2, "front matter has no id: add \"id: %s\"", want)
			case fm.ID != want:
				c.add(file, at("id"), "note id %q does not match the file name %q: the id is the file name without .md; rename one of them", fm.ID, want+".md")
			}
			if strings.TrimSpace(fm.Title) == "" {
				c.add(file, at("title"), "front matter has no title: add \"title: ...\", the name shown in the list of notes")
			}
		}
	}
	n := &Note{ID: want, Lang: lang, Title: fm.Title, Order: fm.Order, Related: fm.Related, File: file, Facts: citedFacts(string(body))}
	for i := range fm.Related {
		line := 2
		if i < len(items["related"]) {
			line = items["related"][i]
		} else if l, ok := keys["related"]; ok {
			line = l
		}
		n.relatedLines = append(n.relatedLines, line)
	}
	if ld.light {
		// The built-in content: checked by the tests, so only what the
		// program shows is read (TestLightNotesAreTheParsedNotes).
		n.Sections = headingSections(string(body), lang, file, bodyLine, ld)
		n.Body = stripHeadingIDs(expandFacts(string(body), lang, file, bodyLine, ld))
		return n
	}
	checkActions(string(body), false, file, bodyLine, c)
	expanded := expandFacts(string(body), lang, file, bodyLine, ld)
	d := parseDoc([]byte(expanded), bodyLine)
	seen := map[string]int{}
	_ = ast.Walk(d.root, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := node.(type) {
		case *ast.Heading:
			if t.Level < 2 || t.Level > 3 {
				return ast.WalkSkipChildren, nil
			}
			id := headingID(t)
			line := d.nodeLine(t)
			if id == "" {
				if t.Level == 2 {
					c.addCause(idlessKey(lang, want), "reference to this note's sections, not checked until it has one|references to this note's sections, not checked until it has one", file, line,
						"section %q has no id: end the heading with {#some-id}", d.plain(t))
					n.idless = append(n.idless, line)
				}
				return ast.WalkSkipChildren, nil
			}
			if !idRe.MatchString(id) {
				c.addCause(badIDKey(lang, want, id), "reference to it|references to it", file, line, "section id %q: use lowercase letters, digits and '-'", id)
			}
			if prev, dup := seen[id]; dup {
				c.add(file, line, "duplicate section id %q (first at line %d)", id, prev)
				return ast.WalkSkipChildren, nil
			}
			seen[id] = line
			n.Sections = append(n.Sections, Section{ID: id, Title: d.plain(t), Level: t.Level, Line: line, BodyLine: line - bodyLine})
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			for i := 0; i < t.Lines().Len(); i++ {
				seg := t.Lines().At(i)
				l := strings.TrimRight(string(seg.Value(d.src)), "\r\n")
				if w := displayWidth(l); w > MaxCodeWidth {
					c.add(file, d.line(seg.Start), "code line is %d columns wide; keep diagrams within %d so they fit a 60-column window", w, MaxCodeWidth)
				}
				if strings.Contains(l, "\t") {
					c.add(file, d.line(seg.Start), "tab in a code block: use spaces")
				}
			}
		case *ast.Link:
			ld.collectLink(file, d.nodeLine(node), lang, want, string(t.Destination))
		}
		return ast.WalkContinue, nil
	})
	if len(n.Sections) == 0 {
		c.add(file, bodyLine, "note has no sections: add \"## Title {#id}\" headings")
	}
	n.Body = stripHeadingIDs(expanded)
	return n
}

// badIDKey names a section whose id is malformed: references to the id
// it was meant to be (in lowercase) follow from it.
func badIDKey(lang Lang, note, sec string) string {
	return "badid:" + string(lang) + "/" + note + "#" + strings.ToLower(sec)
}

// idlessKey names a note with a section heading that has no id: what
// refers to a section of it that does not resolve follows from that.
func idlessKey(lang Lang, id string) string { return "idless:" + string(lang) + "/" + id }

// noteKey names a note for problems that follow from it being unreadable.
func noteKey(lang Lang, id string) string { return "note:" + string(lang) + "/" + id }

// noteOf is the note id of a reference "note-id#section-id".
func noteOf(ref string) string {
	id, _, _ := strings.Cut(ref, "#")
	return id
}

// collectLink records note: links for the cross-file check.
// A "#section" link is checked as a link to that section of note self.
func (ld *loader) collectLink(file string, line int, lang Lang, self, dest string) {
	if sec, ok := strings.CutPrefix(dest, "#"); ok {
		ld.links = append(ld.links, noteLink{file: file, line: line, lang: lang, target: self + "#" + sec, written: dest})
		return
	}
	if target, ok := strings.CutPrefix(dest, "note:"); ok {
		ld.links = append(ld.links, noteLink{file: file, line: line, lang: lang, target: target, written: dest})
		return
	}
	if !strings.Contains(dest, ":") && !strings.HasPrefix(dest, "#") {
		// A relative path means nothing in the reader.
		ld.c.add(file, line, "link %s goes nowhere: link a note as note:ID or note:ID#section, a page as https://…", shown(dest))
	}
}

// stripHeadingIDs removes the {#id} marks from heading lines; a renderer
// would show them as text.
func stripHeadingIDs(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") && strings.Contains(l, "{#") {
			lines[i] = headingAttrRe.ReplaceAllString(l, "$1")
		}
	}
	return strings.Join(lines, "\n")
}

// citedFacts are the ids of the facts a text inserts, in the order of
// their first use.
func citedFacts(text string) []string {
	var out []string
	for _, m := range factCallRe.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(out, m[2]) {
			out = append(out, m[2])
		}
	}
	return out
}

// headingSections reads a note's sections from its heading lines alone,
// as parseNote's full reading finds them in content that has no problems:
// the level-2 and -3 headings outside code blocks, each with its id, its
// text without Markdown marks and with facts filled in, and its line.
func headingSections(body string, lang Lang, file string, bodyLine int, ld *loader) []Section {
	lines, at := headingLines(body)
	if len(lines) == 0 {
		return nil
	}
	// One blank line between headings makes each its own block, so the
	// i-th block is the i-th line.
	src := expandFacts(strings.Join(lines, "\n\n"), lang, file, bodyLine, ld)
	d := parseDoc([]byte(src), 1)
	var out []Section
	seen := map[string]bool{}
	i := 0
	for b := d.root.FirstChild(); b != nil && i < len(at); b, i = b.NextSibling(), i+1 {
		h, ok := b.(*ast.Heading)
		if !ok || h.Level < 2 || h.Level > 3 {
			continue
		}
		id := headingID(h)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, Section{ID: id, Title: d.plain(h), Level: h.Level, Line: bodyLine + at[i], BodyLine: at[i]})
	}
	return out
}

// headingLines returns the lines of body that open with "## " or "### "
// outside fenced code blocks, and the index of each in body.
func headingLines(body string) (lines []string, at []int) {
	var fence string // the open fence's marker, or ""
	for i, l := range strings.Split(body, "\n") {
		next, isFence := Fence(fence, l)
		fence = next
		if isFence {
			continue
		}
		if fence == "" && (strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "### ")) {
			lines = append(lines, l)
			at = append(at, i)
		}
	}
	return lines, at
}

// Fence reads one line of Markdown for fenced code. Given the mark of the
// code block open before the line ("" outside code), it returns the mark
// open after it, and whether the line is a fence line (three or more
// backticks or tildes, indented at most three spaces): it opens a block,
// closes the open one (the same character, at least as many, nothing
// after), or stands inside it.
func Fence(open, line string) (string, bool) {
	t := strings.TrimLeft(line, " ")
	m := fenceMarker(t)
	if m == "" || len(line)-len(t) > 3 {
		return open, false
	}
	switch {
	case open == "":
		return m, true
	case m[0] == open[0] && len(m) >= len(open) && strings.TrimSpace(t[len(m):]) == "":
		return "", true
	}
	return open, true
}

// fenceMarker returns the run of three or more backticks or tildes that a
// line (its indentation removed) starts with, or "".
func fenceMarker(l string) string {
	if len(l) < 3 || (l[0] != '`' && l[0] != '~') {
		return ""
	}
	n := 0
	for n < len(l) && l[n] == l[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return l[:n]
}
