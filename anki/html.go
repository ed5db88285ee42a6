package anki

import (
	"bytes"
	"html"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"
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
	var b bytes.Buffer
	if err := md().Convert([]byte(src), &b); err != nil {
		// goldmark only fails when the writer does; a bytes.Buffer
		// does not. Fall back to the escaped text rather than lose it.
		return "<pre>" + html.EscapeString(src) + "</pre>"
	}
	return strings.TrimSuffix(b.String(), "\n")
}

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
		var text strings.Builder
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			text.Write(seg.Value(src))
		}
		if b.HasClosure() {
			text.Write(b.ClosureLine.Value(src))
		}
		w.WriteString("<p>")
		w.WriteString(strings.ReplaceAll(html.EscapeString(strings.TrimRight(text.String(), "\n")), "\n", "<br>"))
		w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}

// StripHTML returns the text of an HTML fragment: tags dropped, entities
// decoded, as Anki's sort field and duplicate checksum read a field.
func StripHTML(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.TrimSpace(b.String())
		case xhtml.TextToken:
			b.Write(z.Text())
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			if name, _ := z.TagName(); string(name) == "br" {
				b.WriteByte(' ')
			}
		}
	}
}
