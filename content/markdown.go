package content

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// doc is a parsed Markdown body with what is needed to map nodes back to
// file lines.
type doc struct {
	src       []byte
	root      ast.Node
	firstLine int   // file line of src's first line
	nl        []int // offsets of '\n' in src
}

var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

func parseDoc(src []byte, firstLine int) *doc {
	d := &doc{src: src, firstLine: firstLine}
	for i, b := range src {
		if b == '\n' {
			d.nl = append(d.nl, i)
		}
	}
	d.root = md.Parser().Parse(text.NewReader(src))
	return d
}

// line returns the file line holding byte offset off.
func (d *doc) line(off int) int {
	return d.firstLine + sort.SearchInts(d.nl, off)
}

// start returns the byte offset where a block begins (-1 if unknown).
func start(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := start(c); s >= 0 {
			return s
		}
	}
	return -1
}

// end returns the byte offset just past a block's last line (-1 if unknown).
func end(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(n.Lines().Len() - 1).Stop
	}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if e := end(c); e >= 0 {
			return e
		}
	}
	return -1
}

// nodeLine is the file line where node n starts.
func (d *doc) nodeLine(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if s := start(p); s >= 0 {
			return d.line(s)
		}
	}
	return d.firstLine
}

// plain returns the text of inline content without Markdown marks.
func (d *doc) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(d.src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for g := t.FirstChild(); g != nil; g = g.NextSibling() {
				if tx, ok := g.(*ast.Text); ok {
					b.Write(tx.Segment.Value(d.src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// lines returns the raw source lines of a leaf block, without the
// container indentation goldmark already stripped.
func (d *doc) lines(n ast.Node) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock || c.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		for i := 0; i < c.Lines().Len(); i++ {
			seg := c.Lines().At(i)
			out = append(out, strings.TrimRight(string(seg.Value(d.src)), "\r\n"))
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// raw returns the source text from the start of node a to the end of node b,
// as the author wrote it.
func (d *doc) raw(a, b ast.Node) string {
	s, e := start(a), end(b)
	if s < 0 || e < s {
		return ""
	}
	// Fenced code blocks end at their last content line; include the fence.
	if fc, ok := b.(*ast.FencedCodeBlock); ok && fc.Lines().Len() > 0 {
		if i := bytes.Index(d.src[e:], []byte("```")); i >= 0 {
			e += i + 3
		}
	}
	if s > 0 {
		// Start at the beginning of the line so list markers and fences stay.
		if i := bytes.LastIndexByte(d.src[:s], '\n'); i >= 0 {
			s = i + 1
		} else {
			s = 0
		}
	}
	return strings.TrimSpace(string(d.src[s:e]))
}

// headingID returns the {#id} attribute of a heading.
func headingID(h *ast.Heading) string {
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
		if s, ok := v.(string); ok {
			return s
		}
	}
	return ""
}

var (
	idRe          = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	metaLineRe    = regexp.MustCompile(`^([a-z_]+):\s*(.*)$`)
	headingAttrRe = regexp.MustCompile(`(?m)^(#{1,6} .*?)[ \t]*\{#[^}]*\}[ \t]*$`)
)

// metaBlock returns key→(value, line) when paragraph p is a block of
// "key: value" lines, and nil otherwise.
func (d *doc) metaBlock(n ast.Node) map[string]metaValue {
	p, ok := n.(*ast.Paragraph)
	if !ok {
		return nil
	}
	out := map[string]metaValue{}
	for i := 0; i < p.Lines().Len(); i++ {
		seg := p.Lines().At(i)
		l := strings.TrimSpace(string(seg.Value(d.src)))
		m := metaLineRe.FindStringSubmatch(l)
		if m == nil {
			return nil
		}
		out[m[1]] = metaValue{m[2], d.line(seg.Start)}
	}
	return out
}

// sortedKeys lists the keys of a metadata block in file order.
func sortedKeys(meta map[string]metaValue) []string {
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return meta[keys[i]].line < meta[keys[j]].line })
	return keys
}

type metaValue struct {
	v    string
	line int
}

// splitList splits "a, b,c" into trimmed non-empty parts.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// displayWidth counts terminal cells: East Asian wide characters take two.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r < 0x1100:
			w++
		case r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF && r != 0x303F, r >= 0xAC00 && r <= 0xD7A3,
			r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
			r >= 0xFFE0 && r <= 0xFFE6, r >= 0x1F300 && r <= 0x1F64F, r >= 0x20000 && r <= 0x3FFFD:
			w += 2
		default:
			w++
		}
	}
	return w
}
