package notes

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// TestListsOpenTheReaderOrStudy: the Notes list opens the second note in
// the reader, the Study list opens it beside its questions; esc goes back.
func TestListsOpenTheReaderOrStudy(t *testing.T) {
	lib := fixture.Library(t)
	for _, tc := range []struct {
		name string
		new  func(*common.Common) common.Screen
		want string
	}{
		{"notes", NewList, "note:second"},
		{"study", NewStudyList, "study:second"},
	} {
		c := uitest.Common(lib, nil, content.EN, 80, 24)
		h := uitest.NewHarness(t, tc.new(c))
		if got := h.Top().Title(); got != c.T(tc.name+".title") {
			t.Errorf("%s: title %q", tc.name, got)
		}
		for _, n := range []string{"Lambda limits", "Second note"} {
			if !strings.Contains(h.View(), n) {
				t.Errorf("%s: the list lacks %q:\n%s", tc.name, n, h.View())
			}
		}
		h.Keys("down", "enter")
		if !slices.Equal(h.Opened, []string{tc.want}) {
			t.Errorf("%s: opened %q, want %q", tc.name, h.Opened, tc.want)
		}
		_, cmd := h.Top().Update(uitest.Press("esc"))
		if msgs := uitest.Run(cmd); len(msgs) != 1 || msgs[0] != (common.PopMsg{}) {
			t.Errorf("%s: esc should close the list, got %v", tc.name, msgs)
		}
	}
}

// TestReadingPositionRefreshesOnReturn: coming back from a note, the list
// asks progress again and shows how much has been read.
func TestReadingPositionRefreshesOnReturn(t *testing.T) {
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), nil, progress.Options{Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := uitest.Common(fixture.Library(t), p, content.EN, 80, 24)
	h := uitest.NewHarness(t, NewList(c))
	if v := h.View(); strings.Contains(v, "% read") {
		t.Fatalf("nothing has been read yet:\n%s", v)
	}
	if err := c.Progress.SaveNotePosition(context.Background(), "en", "second", 3, 40); err != nil {
		t.Fatal(err)
	}
	h.Send(common.ResumedMsg{})
	if v := h.View(); !strings.Contains(v, "40% read") {
		t.Fatalf("after reading, the list should say how much:\n%s", v)
	}
}
