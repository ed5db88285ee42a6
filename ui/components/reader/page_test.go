package reader

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// openRendered opens a note in a reader of w×h, rendered.
func openRendered(t testing.TB, lang content.Lang, w, h int) *Reader {
	t.Helper()
	lib, n := fixture.LongestNote(t)
	if lang != content.EN {
		n = lib.Note(lang, n.ID)
	}
	c := &common.Common{Ctx: context.Background(), Lib: lib, Lang: lang, IsDark: true, Styles: styles.New(true),
		Keys: keymap.Default(), Width: w, Height: h, Renders: render.NewCache()}
	r := New(c, n)
	if cmd := r.render(); cmd != nil {
		r.Update(cmd())
	}
	if !r.ready {
		t.Fatal("the note did not render")
	}
	return r
}

// TestPageIsWhatTheViewportDraws: the reader draws its page from widths
// it measured once; the page must be what the viewport itself would draw
// (every line filled to the width, the page to its height), at the top,
// in the middle, at the end, with a link selected and matches marked, in
// English and Korean (two cells a syllable).
func TestPageIsWhatTheViewportDraws(t *testing.T) {
	for _, lang := range content.Langs {
		for _, size := range [][2]int{{100, 30}, {60, 20}} {
			r := openRendered(t, lang, size[0], size[1])
			check := func(when string) {
				t.Helper()
				want := strings.TrimRight(r.vp.View(), "\n")
				if got := r.page(); got != want {
					t.Fatalf("%s %dx%d, %s: page differs from the viewport's\ngot:\n%s\nwant:\n%s", lang, size[0], size[1], when, got, want)
				}
				lines := strings.Split(r.page(), "\n")
				if len(lines) != r.vpHeight() {
					t.Fatalf("%s: %d lines, want %d", when, len(lines), r.vpHeight())
				}
				for i, l := range lines {
					if text.Width(l) != size[0] {
						t.Fatalf("%s: line %d is %d cells, want %d", when, i, text.Width(l), size[0])
					}
				}
			}
			check("top")
			for range 7 {
				r.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
			}
			check("paged down")
			r.Update(tea.KeyPressMsg{Code: tea.KeyTab})
			check("a link selected")
			r.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
			check("the end")
			r.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
			for _, k := range "lambda" {
				r.Update(tea.KeyPressMsg{Code: k, Text: string(k)})
			}
			if _, cmd := r.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); cmd != nil {
				r.Update(cmd())
			}
			check("matches marked")
		}
	}
}
