package anki

import (
	"strings"
	"testing"
)

// TestMarkdownToHTMLKeepsWhatAPersonReads: every Markdown feature our notes
// and cards use arrives in the field as the HTML element that shows it.
func TestMarkdownToHTMLKeepsWhatAPersonReads(t *testing.T) {
	src := "Set **reserved concurrency** with `PutFunctionConcurrency`; see [the guide](https://docs.aws.amazon.com/lambda/).\n\n" +
		"| Limit | Value |\n|---|---|\n| timeout | 900 s |\n\n" +
		"```json\n{\"a\": 1}\n```\n\n" +
		"- one\n- two\n\n1. first\n2. second\n\n~~old~~ *new*\n"
	got := MarkdownToHTML(src)
	for _, want := range []string{
		"<strong>reserved concurrency</strong>",
		"<code>PutFunctionConcurrency</code>",
		`<a href="https://docs.aws.amazon.com/lambda/">the guide</a>`,
		"<table>", "<th>Limit</th>", "<td>900 s</td>",
		`<pre><code class="language-json">{&quot;a&quot;: 1}`,
		"<ul>\n<li>one</li>", "<ol>\n<li>first</li>",
		"<del>old</del>", "<em>new</em>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// TestMarkdownToHTMLEscapesText: text that looks like HTML is shown, not
// obeyed, and cloze marks pass through for Anki's cloze note type.
func TestMarkdownToHTMLEscapesText(t *testing.T) {
	cases := map[string]string{
		"a < b & c > d":                          "<p>a &lt; b &amp; c &gt; d</p>",
		"<script>alert(1)</script>":              "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
		"inline <b>bold</b> tag":                 "<p>inline &lt;b&gt;bold&lt;/b&gt; tag</p>",
		"A {{c1::cold start}} and {{c2::**x**}}": "<p>A {{c1::cold start}} and {{c2::<strong>x</strong>}}</p>",
		"`<div>`":                                "<p><code>&lt;div&gt;</code></p>",
	}
	for in, want := range cases {
		if got := MarkdownToHTML(in); got != want {
			t.Errorf("MarkdownToHTML(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripHTML(t *testing.T) {
	cases := map[string]string{
		"plain":                        "plain",
		"<p>a &amp; <b>b</b><br>c</p>": "a & b c",
		"<p>x</p>\n<p>y</p>":           "x\ny",
		"<p>1 &lt; 2<br/>3</p>":        "1 < 2 3",
		"<td>a</td><td>b":              "ab",
		"<p>unclosed <b":               "unclosed",
	}
	for in, want := range cases {
		if got := StripHTML(in); got != want {
			t.Errorf("StripHTML(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzMarkdownToHTML: any text converts without a panic, and no raw tag
// from the input survives as a tag.
func FuzzMarkdownToHTML(f *testing.F) {
	for _, s := range []string{"", "**b**", "| a |\n|---|\n| 1 |", "```\ncode\n```", "<div>\nx\n</div>", "{{c1::x}}", "<!-- c -->", "- [ ] t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := MarkdownToHTML(s)
		if strings.Contains(out, "<script") {
			t.Fatalf("a raw tag survived: %q → %q", s, out)
		}
		_ = StripHTML(out)
	})
}
