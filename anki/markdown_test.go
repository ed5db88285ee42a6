package anki

import "testing"

func TestMarkdown(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"What is <b>Lambda</b>'s max timeout?", "What is **Lambda**'s max timeout?"},
		{"line one<br>line two", "line one  \nline two"},
		{"<div>first</div><div>second</div>", "first\n\nsecond"},
		{"The limit is {{c1::<b>900</b> seconds::time}}.", "The limit is {{c1::**900** seconds}}."},
		{"{{c1::a}} and {{c2::b_c*d}}", `{{c1::a}} and {{c2::b\_c\*d}}`},
		{"<ul><li>one</li><li>two</li></ul>", "- one\n- two"},
		{"<img src=\"diagram.png\">", "![](diagram.png)"},
		{"hear [sound:say it.mp3]", "hear [sound: say it.mp3](<say it.mp3>)"},
		{"<pre><code>aws lambda invoke</code></pre>", "```\naws lambda invoke\n```"},
		{"a&nbsp;b &amp; c", "a b & c"},
		{"<style>.card{}</style>x<script>alert(1)</script>", "x"},
		{"<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>", "| A | B |\n|---|---|\n| 1 | 2 |"},
	}
	for _, c := range cases {
		if got := Markdown(c.in); got != c.want {
			t.Errorf("Markdown(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
