package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/reader"
	"github.com/saa-study/saa-study/ui/internal/fixture"
)

// TestPercentReadIsWhatWasOnScreenLongEnough: jumping to the end with G,
// or following a link at once, reads nothing; paging through the note
// with time to read each page reads it all; the help says what "% read"
// means.
func TestPercentReadIsWhatWasOnScreenLongEnough(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	st := testProgress(t)
	clock := &fixture.ManualClock{T: fixedClock()}
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: st, Lang: content.EN, Theme: "dark", Now: clock.Now})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	read := func() int {
		p, err := st.NotePosition(context.Background(), "en", "lambda-limits")
		if err != nil {
			t.Fatal(err)
		}
		return p.ReadPct
	}
	open := func() {
		a.stack = a.stack[:1]
		drive(a, common.OpenMsg{Target: "note:lambda-limits"})
		drive(a, press("g"))
	}

	open()
	clock.Advance(time.Second)
	drive(a, press("G"))
	clock.Advance(time.Second)
	drive(a, press("esc"))
	if p := read(); p >= 50 {
		t.Fatalf("G and out again: %d%% read", p)
	}

	open()
	drive(a, press("tab"))
	drive(a, press("enter"))
	drive(a, press("esc")) // back from the linked note
	drive(a, press("esc"))
	if p := read(); p >= 50 {
		t.Fatalf("following a link at once: %d%% read", p)
	}

	open()
	rd := a.top().(*reader.Reader)
	if !strings.Contains(helpText(rd.FullHelp()), "% read") {
		t.Error("the help does not say what % read means")
	}
	for range 200 {
		clock.Advance(90 * time.Second) // time to read a page
		before := a.text()
		drive(a, press("pgdown"))
		if a.text() == before {
			break
		}
	}
	clock.Advance(90 * time.Second)
	drive(a, press("esc"))
	if p := read(); p < 95 {
		t.Fatalf("paged through with time to read every page: only %d%% read", p)
	}
}

func helpText(groups [][]key.Binding) string {
	var b strings.Builder
	for _, g := range groups {
		for _, k := range g {
			b.WriteString(k.Help().Key + " " + k.Help().Desc + "\n")
		}
	}
	return b.String()
}
