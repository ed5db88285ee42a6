package ui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
)

// longestNote is the biggest built-in note, the worst case for rendering.
func longestNote(b *testing.B) (*content.Library, *content.Note) {
	lib, err := content.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var best *content.Note
	for _, n := range lib.Notes(content.EN) {
		if best == nil || len(n.Body) > len(best.Body) {
			best = n
		}
	}
	return lib, best
}

// BenchmarkRenderLongestNoteCold is glamour on the longest note at 100
// columns: what the first open of a note costs (done off the key path).
func BenchmarkRenderLongestNoteCold(b *testing.B) {
	lib, n := longestNote(b)
	b.ReportMetric(float64(len(n.Body))/1024, "KB")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.RenderNote(lib, n, 100, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenLongestNoteCached is opening a note already rendered at this
// width: a cache lookup and laying out the lines.
func BenchmarkOpenLongestNoteCached(b *testing.B) {
	lib, n := longestNote(b)
	c := &Common{Ctx: context.Background(), Lib: lib, Lang: content.EN, IsDark: true, Styles: styles.New(true),
		Keys: keymap.Default(), Width: 100, Height: 30, Renders: render.NewCache()}
	out, _ := render.RenderNote(lib, n, 100, "dark")
	c.Renders.Put(render.Key{Lang: n.Lang, ID: n.ID, Width: render.WrapWidth(100), Style: "dark"}, out)
	b.ReportAllocs()
	for b.Loop() {
		r := newReader(c, n)
		if r.render() != nil || !r.ready {
			b.Fatal("not served from the cache")
		}
	}
}

// BenchmarkScrollKeyToFrame is one key press in a long note until the next
// frame's text is ready: Update plus the whole App View.
func BenchmarkScrollKeyToFrame(b *testing.B) {
	lib, n := longestNote(b)
	a := New(Options{Ctx: context.Background(), Lib: lib, Lang: content.EN, Theme: "dark"})
	drive(a, tea.WindowSizeMsg{Width: 100, Height: 30})
	drive(a, common.PushMsg{Screen: newReader(a.c, n)})
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	up := tea.KeyPressMsg{Code: tea.KeyUp}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := down
		if i%40 >= 20 {
			k = up
		}
		i++
		a.Update(k)
		_ = a.View()
	}
}

// BenchmarkSearchAllNotes is a query over every note of a language.
func BenchmarkSearchAllNotes(b *testing.B) {
	lib, _ := longestNote(b)
	b.ReportAllocs()
	for b.Loop() {
		s := newSearch(lib, content.EN, "provisioned")
		if len(s.notes) == 0 {
			b.Fatal("no match")
		}
	}
}
