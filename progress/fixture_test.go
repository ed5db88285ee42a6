package progress

import (
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/content/contenttest"
)

func fixedClock() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

// testProgress opens a fresh progress file about lib, its study day in
// UTC and its clock fixed.
func testProgress(t testing.TB, lib *content.Library) *Progress {
	t.Helper()
	p, err := Open(filepath.Join(t.TempDir(), "progress.db"), lib, Options{Loc: time.UTC, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// srsLibrary has one note, a Q/A card, a cloze card with two numbers and a
// single-answer question, in both languages (see contenttest.SRS).
func srsLibrary(t testing.TB) *content.Library { return contenttest.Load(t, contenttest.SRS()) }

// srsFS is the content behind srsLibrary.
func srsFS() fstest.MapFS { return contenttest.SRS() }
