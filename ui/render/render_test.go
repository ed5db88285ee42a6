package render

import (
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
