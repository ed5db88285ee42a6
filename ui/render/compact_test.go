package render

import (
	"fmt"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/internal/fixture"
)

// onScreen draws text on a fresh terminal of the given width, one row a
// line.
func onScreen(s string, w int) *vt.Emulator {
	e := vt.NewEmulator(w, strings.Count(s, "\n")+1)
	_, _ = e.WriteString(strings.ReplaceAll(s, "\n", "\r\n"))
	return e
}

// cellsDiffer says where two terminals show different cells, "" when a
// reader sees the same: a blank cell (a space with no background, reverse,
// underline or strike-through) is the same as an empty one.
func cellsDiffer(got, want *vt.Emulator) string {
	for y := range want.Height() {
		for x := range want.Width() {
			g, w := got.CellAt(x, y), want.CellAt(x, y)
			if g == nil || w == nil {
				continue
			}
			if showsNothing(g) && showsNothing(w) {
				continue
			}
			if g.Content != w.Content || !g.Style.Equal(&w.Style) || g.Link != w.Link {
				return fmt.Sprintf("row %d column %d: got %q %+v, want %q %+v", y, x, g.Content, g.Style, w.Content, w.Style)
			}
		}
	}
	return ""
}

// showsNothing: a space with no background and nothing drawn across it.
func showsNothing(c *uv.Cell) bool {
	return c.Content == " " && c.Link.URL == "" && c.Style.Bg == nil && c.Style.Underline == 0 &&
		c.Style.Attrs&(uv.AttrReverse|uv.AttrStrikethrough|uv.AttrBlink|uv.AttrRapidBlink) == 0
}

// TestCompactDrawsTheSameCells: every note, in both languages, colour
// styles and two widths, shows the same letters in the same colours and
// attributes on a terminal before and after Compact, which writes a small
// part of the escape codes.
func TestCompactDrawsTheSameCells(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		for _, n := range lib.Notes(lang) {
			for _, style := range []string{"dark", "light"} {
				for _, width := range []int{60, 100} {
					out, err := glamourRender(noteMarkdown(lib, n), width, style)
					if err != nil {
						t.Fatal(err)
					}
					got := Compact(out)
					if d := cellsDiffer(onScreen(got, width+2), onScreen(out, width+2)); d != "" {
						t.Fatalf("%s/%s %s at %d: %s", lang, n.ID, style, width, d)
					}
					if n.ID == "lambda-limits" && lang == content.EN && strings.Count(got, "\x1b[")*4 > strings.Count(out, "\x1b[") {
						t.Errorf("%s %d: %d escape codes after Compact, %d before", style, width, strings.Count(got, "\x1b["), strings.Count(out, "\x1b["))
					}
				}
			}
		}
	}
}

// TestCellsDifferSeesAChange: the comparison above sees a changed colour,
// a lost letter and a background dropped from a trailing space.
func TestCellsDifferSeesAChange(t *testing.T) {
	want := onScreen("\x1b[38;5;252mab\x1b[m\x1b[48;5;236m \x1b[m", 5)
	for _, got := range []string{
		"\x1b[38;5;251mab\x1b[m\x1b[48;5;236m \x1b[m",
		"\x1b[38;5;252ma\x1b[m\x1b[48;5;236m \x1b[m",
		"\x1b[38;5;252mab\x1b[m",
	} {
		if cellsDiffer(onScreen(got, 5), want) == "" {
			t.Errorf("%q drawn as the same cells as the original", got)
		}
	}
}

// BenchmarkCompact is Compact on the longest note at 100 columns in the
// dark style, done once for each render the reader keeps.
func BenchmarkCompact(b *testing.B) {
	lib, n := fixture.LongestNote(b)
	out, err := glamourRender(noteMarkdown(lib, n), 100, "dark")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(out))/1024, "KB")
	b.ReportAllocs()
	for b.Loop() {
		Compact(out)
	}
}

// FuzzCompact: any text, escape codes or not, keeps its letters and its
// lines (only trailing spaces may go).
func FuzzCompact(f *testing.F) {
	f.Add("\x1b[38;5;252mab\x1b[m\x1b[38;5;252m \x1b[m")
	f.Add("\x1b[48;5;236m  x \x1b[0m\x1b]8;;https://a\x07link\x1b]8;;\x07  ")
	f.Add("plain\nlines  \n\x1b[1;4mu\x1b[24m \x1b[m")
	f.Fuzz(func(t *testing.T, s string) {
		got := Compact(s)
		gl, wl := strings.Split(got, "\n"), strings.Split(s, "\n")
		if len(gl) != len(wl) {
			t.Fatalf("%d lines, want %d", len(gl), len(wl))
		}
		for i := range wl {
			if g, w := strings.TrimRight(ansi.Strip(gl[i]), " "), strings.TrimRight(ansi.Strip(wl[i]), " "); g != w {
				t.Fatalf("line %d: %q, want %q", i, g, w)
			}
		}
	})
}

// TestSectionsRenderAsTheWhole: a note rendered in runs of sections side
// by side is, once compacted, the note rendered in one piece: every note,
// in both languages, every style, three widths, cut into 2, 3 and 8 runs.
func TestSectionsRenderAsTheWhole(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cut := 0
	for _, lang := range content.Langs {
		for _, n := range lib.Notes(lang) {
			md := noteMarkdown(lib, n)
			for _, style := range []string{"dark", "light", "plain"} {
				for _, width := range []int{40, 60, 100} {
					whole, err := renderRuns(md, width, style, 1)
					if err != nil {
						t.Fatal(err)
					}
					want := Compact(whole)
					for _, k := range []int{2, 3, 8} {
						if len(sectionRuns(md, k)) > 1 {
							cut++
						}
						got, err := renderRuns(md, width, style, k)
						if err != nil {
							t.Fatal(err)
						}
						if got := Compact(got); got != want {
							t.Fatalf("%s/%s %s at %d in %d runs differs from the whole:\n%s", lang, n.ID, style, width, k, firstDiff(got, want))
						}
					}
				}
			}
		}
	}
	if cut == 0 {
		t.Fatal("no note was cut into runs")
	}
}

// firstDiff shows where two texts part.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	return fmt.Sprintf(" got …%q\nwant …%q", got[max(0, i-60):min(len(got), i+60)], want[max(0, i-60):min(len(want), i+60)])
}

// TestSectionRunsCutBeforeHeadings: runs start at "## " headings outside
// code, cover the text exactly, and are no more than asked for.
func TestSectionRunsCutBeforeHeadings(t *testing.T) {
	md := "intro\n\n## A\n\naaaa\n\n```\n## not a heading\n```\n\n## B\n\nbbbb\n\n## C\n\ncccc\n"
	for k := 1; k <= 5; k++ {
		runs := sectionRuns(md, k)
		if len(runs) > k || strings.Join(runs, "") != md {
			t.Fatalf("k=%d: runs %q", k, runs)
		}
		for i, r := range runs[1:] {
			if !strings.HasPrefix(r, "## ") || strings.HasPrefix(r, "## not") {
				t.Errorf("k=%d: run %d starts %q", k, i+1, r[:min(len(r), 12)])
			}
		}
	}
	if got := sectionRuns(md, 2); len(got) != 2 {
		t.Errorf("2 runs asked: got %d", len(got))
	}
	// A link defined once for the whole text keeps the text in one run,
	// so the section that uses it still links.
	withRef := md + "\nSee [the docs][d].\n\n[d]: https://docs.aws.amazon.com/\n"
	if got := sectionRuns(withRef, 3); len(got) != 1 {
		t.Errorf("a text with a link reference definition was cut into %d runs", len(got))
	}
	refs := "## A\n\nSee [the docs][d]. " + strings.Repeat("Words fill the first section. ", 20) + "\n\n## B\n\nmore\n\n[d]: https://docs.aws.amazon.com/\n"
	whole, _ := renderRuns(refs, 60, "dark", 1)
	split, _ := renderRuns(refs, 60, "dark", 2)
	if Compact(whole) != Compact(split) {
		t.Errorf("a reference link renders differently in runs:\n%s", firstDiff(Compact(split), Compact(whole)))
	}
}
