package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/pages/sim"
	"github.com/saa-study/saa-study/ui/text"
)

// openSFN drives an app from the Simulators menu to the Step Functions
// picker.
func openSFN(t *testing.T, w, h int, lang content.Lang) *App {
	t.Helper()
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Lang: lang, Theme: "dark", Start: "sim"})
	drive(a, tea.WindowSizeMsg{Width: w, Height: h})
	for range slices.Index(sim.Entries, "sfn") {
		drive(a, press("down"))
	}
	drive(a, press("enter"))
	if got, want := a.top().Title(), text.T(lang, "sim.sfn"); got != want {
		t.Fatalf("the Step Functions entry should open the Step Functions picker, got %q", got)
	}
	return a
}

// TestApprovalApproveThenReject is the human-approval lesson: the first run
// is approved and succeeds, the second is rejected with a reason and fails
// with that reason as its cause (the run's result is pinned in
// ui/pages/sim/sfn).
func TestApprovalApproveThenReject(t *testing.T) {
	app := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "sim"})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "Step Functions")
	for range slices.Index(sim.Entries, "sfn") {
		tm.Send(press("down"))
	}
	tm.Send(press("enter"))
	waitFor(t, tm, "approval")
	tm.Send(press("enter")) // approval is the first example
	waitFor(t, tm, "ExecutionStarted")
	tm.Send(press("r"))
	waitFor(t, tm, "approve (a)")
	tm.Send(press("a"))
	waitFor(t, tm, "SUCCEEDED")

	tm.Send(press("n"))
	waitFor(t, tm, "RUNNING")
	tm.Send(press("r"))
	waitFor(t, tm, "approve (a)")
	tm.Send(press("x"))
	waitFor(t, tm, "Reject with reason")
	tm.Type("too expensive")
	tm.Send(press("enter"))
	waitFor(t, tm, "FAILED")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	view := ansi.Strip(tm.FinalModel(t).(*App).View().Content)
	if !strings.Contains(view, "FAILED") || !strings.Contains(view, "Rejected: too expensive") {
		t.Errorf("the second run should fail with the reason as its cause:\n%s", view)
	}
	if !strings.Contains(view, "Standard:") || !strings.Contains(view, "Express:") {
		t.Errorf("the finished run should be priced both ways:\n%s", view)
	}
}

func TestOpenADefinitionFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "m.json")
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(good, []byte(`{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":"hi","End":true}}}`), 0o600)
	os.WriteFile(bad, []byte(`{"StartAt":"Nowhere","States":{"Hello":{"Type":"Pass","End":true}}}`), 0o600)
	for _, c := range []struct {
		path, want string
	}{{good, "SUCCEEDED"}, {bad, "not valid"}, {filepath.Join(dir, "missing.json"), "reading the definition"}} {
		a := openSFN(t, 80, 24, content.EN)
		drive(a, press("G")) // "Open a file…" is last
		drive(a, press("enter"))
		typeText(a, c.path)
		drive(a, press("enter"))
		if c.want != "reading the definition" {
			drive(a, press("r"))
		}
		if view := ansi.Strip(a.View().Content); !strings.Contains(view, c.want) {
			t.Errorf("%s: want %q in\n%s", filepath.Base(c.path), c.want, view)
		}
	}
}

// typeText types into a text field without running the cursor-blink
// commands that drive would wait for.
func typeText(a *App, s string) {
	for _, r := range s {
		a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}
