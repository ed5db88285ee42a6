package reader

import (
	"context"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
)

// BenchmarkOpenLongestNoteCached is opening a note already rendered at this
// width: a cache lookup and laying out the lines.
func BenchmarkOpenLongestNoteCached(b *testing.B) {
	lib, n := fixture.LongestNote(b)
	c := &common.Common{Ctx: context.Background(), Lib: lib, Lang: content.EN, IsDark: true, Styles: styles.New(true),
		Keys: keymap.Default(), Width: 100, Height: 30, Renders: render.NewCache()}
	out, _ := render.RenderNote(lib, n, 100, "dark")
	c.Renders.Put(render.Key{Lang: n.Lang, ID: n.ID, Width: render.WrapWidth(100), Style: "dark"}, out)
	b.ReportAllocs()
	for b.Loop() {
		r := New(c, n)
		if r.render() != nil || !r.ready {
			b.Fatal("not served from the cache")
		}
	}
}

// BenchmarkSearchAllNotes is a query over every note of a language, once
// the notes are rendered at this width.
func BenchmarkSearchAllNotes(b *testing.B) {
	lib, _ := fixture.LongestNote(b)
	c := &common.Common{Ctx: context.Background(), Lib: lib, Lang: content.EN, Renders: render.NewCache()}
	findNotes(c, content.EN, 100, "dark", "provisioned")
	b.ReportAllocs()
	for b.Loop() {
		if len(findNotes(c, content.EN, 100, "dark", "provisioned")) == 0 {
			b.Fatal("no match")
		}
	}
}
