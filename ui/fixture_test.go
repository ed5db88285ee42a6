package ui

import (
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// testLibrary builds a small, valid library (see fixture.Library).
func testLibrary(t testing.TB) *content.Library { return fixture.Library(t) }

// testProgress opens a fresh progress file; the app binds it to its content.
func testProgress(t testing.TB) *progress.Progress {
	t.Helper()
	s, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), nil, progress.Options{Loc: time.Local})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func fixedClock() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

// drive feeds msg to the app and runs every command it returns, the way the
// program would, until nothing is left. Quit stops it.
func drive(a *App, msg tea.Msg) (quit bool) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if _, ok := m.(tea.QuitMsg); ok {
			return true
		}
		_, cmd := a.Update(m)
		queue = append(queue, run(cmd)...)
	}
	return false
}

// run executes a command the way the program would (see uitest.Run).
func run(cmd tea.Cmd) []tea.Msg { return uitest.Run(cmd) }
