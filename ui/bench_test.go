package ui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/reader"
	"github.com/saa-study/saa-study/ui/internal/fixture"
)

// BenchmarkScrollKeyToFrame is one key press in a long note until the next
// frame's text is ready: Update plus the whole App View.
func BenchmarkScrollKeyToFrame(b *testing.B) {
	lib, n := fixture.LongestNote(b)
	a := New(Options{Ctx: context.Background(), Lib: lib, Lang: content.EN, Theme: "dark"})
	drive(a, tea.WindowSizeMsg{Width: 100, Height: 30})
	drive(a, common.PushMsg{Screen: reader.New(a.c, n)})
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
