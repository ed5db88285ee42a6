package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/internal/fixture"
)

// TestEveryNoteFitsEveryWidth renders each built-in note in both languages
// at the widths people use, and checks no line is wider than the window
// (Korean counts two cells per syllable).
func TestEveryNoteFitsEveryWidth(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		for _, n := range lib.Notes(lang) {
			for _, w := range []int{40, 60, 80, 120} {
				for _, style := range []string{"dark", "light"} {
					out, err := RenderNote(lib, n, w, style)
					if err != nil {
						t.Fatalf("%s/%s at %d: %v", lang, n.ID, w, err)
					}
					for i, l := range strings.Split(out, "\n") {
						if cw := ansi.StringWidth(l); cw > w {
							t.Errorf("%s/%s at %d (%s), line %d is %d cells: %q", lang, n.ID, w, style, i+1, cw, ansi.Strip(l))
						}
					}
					if !strings.Contains(ansi.Strip(out), strings.Fields(n.Sections[0].Title)[0]) {
						t.Errorf("%s/%s at %d: the first section's title is missing", lang, n.ID, w)
					}
				}
			}
		}
	}
}

// TestLinkNamedLikeItsNote: a link whose text is the title of the note it
// leads to does not repeat the title.
func TestLinkNamedLikeItsNote(t *testing.T) {
	lib := fixture.Library(t)
	n := *lib.Note(content.EN, "second")
	n.Body = "See [Lambda limits](note:limits) and [the limits](note:limits).\n"
	got := PrepareMarkdown(lib, &n)
	if strings.Contains(got, "*Lambda limits* (→ Lambda limits)") || !strings.Contains(got, "*Lambda limits* (→)") {
		t.Errorf("same-named link repeated its title: %q", got)
	}
	if !strings.Contains(got, "*the limits* (→ Lambda limits)") {
		t.Errorf("a differently named link should name its note: %q", got)
	}
}

// BenchmarkRenderLongestNoteCold is glamour on the longest note at 100
// columns: what the first open of a note costs (done off the key path).
func BenchmarkRenderLongestNoteCold(b *testing.B) {
	lib, n := fixture.LongestNote(b)
	b.ReportMetric(float64(len(n.Body))/1024, "KB")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderNote(lib, n, 100, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrintNote is rendering the longest note at 100 columns for
// output that is not a terminal (`saa-study notes ID --print | less`):
// the plain style, no colour.
func BenchmarkPrintNote(b *testing.B) {
	lib, n := fixture.LongestNote(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderNote(lib, n, 100, "plain"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDiagramsAreNotColouredAsCode: a fence that names no language (the
// notes' diagrams) is shown as text in every style, not as the language
// chroma would guess (it took the lambda note's diagram for GDScript).
func TestDiagramsAreNotColouredAsCode(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	n := lib.Note(content.EN, "lambda")
	if n == nil || !strings.Contains(n.Body, "```\n") {
		t.Fatal("the lambda note has no unlabelled fence to check")
	}
	// The same note with each opening fence labelled by hand.
	lines, open := strings.Split(n.Body, "\n"), false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			if !open && l == "```" {
				lines[i] = "```text"
			}
			open = !open
		}
	}
	labelled := *n
	labelled.Body = strings.Join(lines, "\n")
	for _, style := range []string{"dark", "light"} {
		got, err := RenderNote(lib, n, 100, style)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := RenderNote(lib, &labelled, 100, style)
		if got != want {
			t.Errorf("%s: an unlabelled fence is not rendered as text", style)
		}
	}
}

// BenchmarkPrintNoteFreshStart is what `saa-study notes lambda-limits
// --print --width 100` does after start-up: a library with nothing read,
// the note (and the titles of the notes it links to), rendered plain.
func BenchmarkPrintNoteFreshStart(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib := content.OpenEmbedded()
		n := lib.Note(content.EN, "lambda-limits")
		if n == nil {
			b.Fatal("no note")
		}
		if _, err := RenderNote(lib, n, 100, "plain"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPlainIsTheDarkRenderingWithoutColour: a note printed to a pipe is
// rendered in the "plain" style (no colour codes) and
// reads exactly as the dark style's text with its escape codes removed,
// code blocks and diagrams included.
func TestPlainIsTheDarkRenderingWithoutColour(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	text := func(out string) string {
		lines := strings.Split(ansi.Strip(out), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		return strings.Join(lines, "\n")
	}
	for _, lang := range content.Langs {
		for _, n := range lib.Notes(lang) {
			for _, w := range []int{60, 100} {
				dark, err1 := RenderNote(lib, n, w, "dark")
				plain, err2 := RenderNote(lib, n, w, "plain")
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				if colourSGR.MatchString(plain) {
					t.Errorf("%s/%s: plain rendering has colour codes", lang, n.ID)
				}
				if a, b := text(dark), text(plain); a != b {
					al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
					for i := range min(len(al), len(bl)) {
						if al[i] != bl[i] {
							t.Errorf("%s/%s at %d, line %d:\ndark  %q\nplain %q", lang, n.ID, w, i+1, al[i], bl[i])
							break
						}
					}
				}
			}
		}
	}
}

// colourSGR matches an escape code that sets a foreground or background
// colour (30–49, 38;… and 48;…), not bold (1) or italic (3).
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9]*;)*[34][0-9][;m]`)

// TestTextFencesNamesOnlyBareFences: a fence without a language gets
// "text"; one with a language, and a closing fence, stay as they are.
func TestTextFencesNamesOnlyBareFences(t *testing.T) {
	in := "a\n```\nx \\--> y\n```\n\n```json\n{}\n```\n~~~\nz\n~~~\n"
	want := "a\n```text\nx \\--> y\n```\n\n```json\n{}\n```\n~~~text\nz\n~~~\n"
	if got := textFences(in); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestColourSGRTellsColourFromBoldAndItalic(t *testing.T) {
	for s, want := range map[string]bool{"\x1b[1m": false, "\x1b[3m": false, "\x1b[m": false, "\x1b[38;5;252m": true, "\x1b[1;31m": true, "\x1b[48;2;1;2;3m": true, "\x1b[34m": true} {
		if colourSGR.MatchString(s) != want {
			t.Errorf("%q: colour = %v", s, !want)
		}
	}
}
