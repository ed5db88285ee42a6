package anki

import (
	"bufio"
	"bytes"
	"html"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md converts our Markdown (CommonMark with GitHub tables and
// strikethrough) to HTML. Raw HTML in the source is shown as text, not
// obeyed: a card about "<div>" shows "<div>", and no field carries a
// script.
var md = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(rawAsText{}, 10))),
	)
})

// MarkdownToHTML returns the HTML of Markdown text for an Anki field:
// paragraphs, lists, tables, code blocks, inline code, emphasis and links
// all come through; text is HTML-escaped. Cloze marks ({{c1::...}}) pass
// through unchanged, so Anki's cloze note type finds them.
func MarkdownToHTML(src string) string {
	o := outPool.Get().(*out)
	defer outPool.Put(o)
	o.buf.Reset()
	o.w.Reset(&o.buf)
	source := []byte(src)
	m := md()
	doc := m.Parser().Parse(text.NewReader(source))
	// Rendering into a *bufio.Writer spares goldmark a new 4 KB buffer
	// per call (an export converts tens of thousands of fields).
	if err := m.Renderer().Render(o.w, source, doc); err != nil || o.w.Flush() != nil {
		// goldmark only fails when the writer does; a bytes.Buffer
		// does not. Fall back to the escaped text rather than lose it.
		return "<pre>" + html.EscapeString(src) + "</pre>"
	}
	return strings.TrimSuffix(o.buf.String(), "\n")
}

// out is a reusable output buffer for MarkdownToHTML.
type out struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var outPool = sync.Pool{New: func() any {
	o := &out{}
	o.w = bufio.NewWriter(&o.buf)
	return o
}}

// rawAsText renders raw HTML (inline and blocks) as escaped text.
type rawAsText struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (rawAsText) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				w.WriteString(html.EscapeString(string(seg.Value(src))))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		var sb strings.Builder
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			sb.Write(seg.Value(src))
		}
		if b.HasClosure() {
			sb.Write(b.ClosureLine.Value(src))
		}
		w.WriteString("<p>")
		w.WriteString(strings.ReplaceAll(html.EscapeString(strings.TrimRight(sb.String(), "\n")), "\n", "<br>"))
		w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}

// StripHTML returns the text of an HTML fragment: tags dropped (a <br>
// becomes a space), entities decoded, as Anki's sort field and duplicate
// checksum read a field. It expects HTML as MarkdownToHTML writes it,
// where a "<" in text is always escaped.
func StripHTML(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break // an unclosed tag: drop it
		}
		if tag := strings.ToLower(s[i+1 : i+j]); tag == "br" || strings.HasPrefix(tag, "br ") || strings.HasPrefix(tag, "br/") {
			b.WriteByte(' ')
		}
		s = s[i+j+1:]
	}
	return strings.TrimSpace(html.UnescapeString(b.String()))
}
