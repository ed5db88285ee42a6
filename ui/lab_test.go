package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/pages/sim"
	"github.com/saa-study/saa-study/ui/text"
)

// TestLabOpensFromItsNoteAndFromTheSimulatorsMenu: the note's "Try it in a
// lab" link opens the lab, and so does the Labs entry of the Simulators
// menu, in both languages.
func TestLabOpensFromItsNoteAndFromTheSimulatorsMenu(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock})
		drive(a, tea.WindowSizeMsg{Width: 100, Height: 30})
		drive(a, common.OpenMsg{Target: "note:lambda-limits#concurrency"})
		want := lib.Lab(lang, "lambda-reserved-throttle").Title
		found := false
		for range 60 {
			drive(a, tea.KeyPressMsg{Code: tea.KeyTab})
			if strings.Contains(ansi.Strip(a.View().Content), text.T(lang, "lab.title")+" · "+want) {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("%s: no link in the note leads to the lab %q", lang, want)
		}
		drive(a, press("enter"))
		if got := a.top().Title(); !strings.Contains(got, want) {
			t.Fatalf("%s: enter on the lab link opened %q", lang, got)
		}
		if v := ansi.Strip(a.View().Content); !strings.Contains(v, "throttled == 0") {
			t.Fatalf("%s: the lab's goal is not shown:\n%s", lang, v)
		}

		a.stack = a.stack[:1]
		drive(a, common.OpenMsg{Target: "sim"})
		for range sim.Entries { // "labs" comes after the engines
			drive(a, press("down"))
		}
		drive(a, press("enter"))
		drive(a, press("enter"))
		if got := a.top().Title(); !strings.Contains(got, lib.Labs(lang)[0].Title) {
			t.Fatalf("%s: Simulators › Labs › enter opened %q", lang, got)
		}
	}
}

// TestGivenUpLabComesBackInReview: a lab given up is rated Again and is
// due again within the day; Review shows it, and enter opens the lab.
func TestGivenUpLabComesBackInReview(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	now := fixedClock()
	clock := func() time.Time { return now }
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), lib, progress.Options{Loc: time.UTC, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: p, Lang: content.EN, Theme: "dark", Now: clock})
	drive(a, tea.WindowSizeMsg{Width: 100, Height: 30})
	drive(a, common.OpenMsg{Target: "lab:rdsproxy-pinning"})
	drive(a, press("r"))
	offersGiveUp := func() bool {
		return slices.ContainsFunc(a.shortHelp(), func(b key.Binding) bool { return b.Enabled() && b.Help().Desc == "give up" })
	}
	if !offersGiveUp() {
		t.Fatal("a lab not yet passed should offer x give up")
	}
	drive(a, press("x"))
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "come back in Review") {
		t.Fatalf("giving up did not save:\n%s", v)
	}
	if offersGiveUp() {
		t.Error("a lab given up still offers x give up")
	}
	a.stack = a.stack[:1]
	now = now.Add(30 * time.Minute)
	drive(a, common.OpenMsg{Target: "review"})
	title := lib.Lab(content.EN, "rdsproxy-pinning").Title
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, title) || !strings.Contains(v, "enter opens the lab") {
		t.Fatalf("Review does not bring the lab back:\n%s", v)
	}
	drive(a, press("enter"))
	if got := a.top().Title(); !strings.Contains(got, title) {
		t.Fatalf("enter in Review opened %q", got)
	}
}
