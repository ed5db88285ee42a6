package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
)

var unitWordRe = regexp.MustCompile(`^(?:ms|s|min|h|KB|MB|GB|TB|KiB|MiB|GiB|GB-s|GB-초|RCUs?|WCUs?|USD|%|초|분|시간|일|개|건|달러)$`)

// brokenNumbers lists the places where a rendering ends a line inside a
// number (or between a number and its unit) that goes on at the next line.
func brokenNumbers(source, out string) []string {
	var bad []string
	lines := strings.Split(ansi.Strip(out), "\n")
	for i := 0; i+1 < len(lines); i++ {
		a := strings.Fields(lines[i])
		b := strings.Fields(strings.TrimLeft(lines[i+1], " •│"))
		// A table cell narrower than a number has to cut it (40 columns,
		// four columns of table); that is the table's layout, not wrapping.
		if len(a) == 0 || len(b) == 0 || strings.Contains(lines[i], "│") {
			continue
		}
		last, first := a[len(a)-1], b[0]
		end, start := last[len(last)-1], first[0]
		switch {
		case strings.ContainsRune("0123456789,.$", rune(end)) && start >= '0' && start <= '9' && strings.Contains(source, last+first):
			bad = append(bad, last+"⏎"+first)
		case end >= '0' && end <= '9' && unitWordRe.MatchString(strings.TrimRight(first, ".,;:)")) && strings.Contains(source, last+" "+first):
			bad = append(bad, last+"⏎"+first)
		}
	}
	return bad
}

// TestNoLineBreaksInsideANumber: every built-in note, in both languages and
// at 40, 60, 80 and 100 columns, keeps "400,000", "$34.67", "1,769 MB" and
// "29 s" on one line.
func TestNoLineBreaksInsideANumber(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		for _, n := range lib.Notes(lang) {
			src := PrepareMarkdown(lib, n)
			for _, w := range []int{40, 60, 80, 100} {
				out, err := RenderNote(lib, n, w, "dark")
				if err != nil {
					t.Fatal(err)
				}
				if bad := brokenNumbers(src, out); len(bad) > 0 {
					t.Errorf("%s/%s at %d: %d numbers broken across lines: %q", lang, n.ID, w, len(bad), bad[:min(len(bad), 5)])
				}
			}
		}
	}
}

// TestJoinNumbersRoundTrips: the joins leave the text as it was.
func TestJoinNumbersRoundTrips(t *testing.T) {
	for _, s := range []string{"the 400,000 GB-s per month", "34.67달러", "$10.00 and 1,769 MB in 29 s.", "```\n1,000 x\n```", "2026-11-27, 20 %"} {
		if got := UnjoinNumbers(JoinNumbers(s)); got != s {
			t.Errorf("%q came back as %q", s, got)
		}
	}
}

// TestFencesAreFoundAsCommonMarkDoes: a line of the other fence mark inside
// a code block is code, not a fence. JoinNumbers leaves the code as it is
// and joins the numbers after the block; DiagramWidth measures that line
// as part of the diagram.
func TestFencesAreFoundAsCommonMarkDoes(t *testing.T) {
	md := "```\n~~~\ncode 1,000\n```\nthen 2,000 MB\n"
	got := JoinNumbers(md)
	want := "```\n~~~\ncode 1,000\n```\nthen 2" + string(joinComma) + "000" + string(joinSpace) + "MB\n"
	if got != want {
		t.Errorf("JoinNumbers\n got %q\nwant %q", got, want)
	}
	widest := strings.Repeat("~", 40) // a diagram's rule, not a fence
	n := &content.Note{Body: "```\nab\n" + widest + "\n```\n\n````\nabcd\n```\nthe ``` above is code too\n````\n"}
	if got, want := DiagramWidth(n), len(widest)+DiagramMargin; got != want {
		t.Errorf("DiagramWidth = %d, want %d (the widest line of code)", got, want)
	}
}
