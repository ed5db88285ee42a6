package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	sfn "github.com/saa-study/saa-study/sim/stepfunctions"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// openSFN drives an app from the Simulators menu to the Step Functions
// picker.
func openSFN(t *testing.T, w, h int, lang content.Lang) *App {
	t.Helper()
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Lang: lang, Theme: "dark", Start: "sim"})
	drive(a, tea.WindowSizeMsg{Width: w, Height: h})
	for range len(simEntries) - 1 {
		drive(a, press("down"))
	}
	drive(a, press("enter"))
	if _, ok := a.top().(*sfnPicker); !ok {
		t.Fatalf("the last Simulators entry should open the Step Functions picker, got %T", a.top())
	}
	return a
}

// TestApprovalApproveThenReject is the human-approval lesson: the first run
// is approved and succeeds, the second is rejected with a reason and fails
// with that reason as its cause.
func TestApprovalApproveThenReject(t *testing.T) {
	app := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "sim"})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "Step Functions")
	for range len(simEntries) - 1 {
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

	final := tm.FinalModel(t).(*App)
	con := final.top().(*sfnConsole)
	r := con.snap.res
	if r.Status != sfn.StatusFailed || r.Error != "Rejected" || r.Cause != "too expensive" {
		t.Fatalf("second run: %s %s: %s; want FAILED Rejected: too expensive", r.Status, r.Error, r.Cause)
	}
	view := ansi.Strip(final.View().Content)
	if !strings.Contains(view, "Standard:") || !strings.Contains(view, "Express:") {
		t.Errorf("the finished run should be priced both ways:\n%s", view)
	}
}

func TestApprovalApproveReachesSucceeded(t *testing.T) {
	a := openSFN(t, 80, 24, content.EN)
	drive(a, press("enter"))
	con := a.top().(*sfnConsole)
	drive(a, press("r"))
	if _, ok := con.waiting(); !ok {
		t.Fatalf("the approval example should wait for a task token, status %s", con.snap.res.Status)
	}
	drive(a, press("a"))
	r := con.snap.res
	if r.Status != sfn.StatusSucceeded {
		t.Fatalf("approved run: %s %s %s", r.Status, r.Error, r.Cause)
	}
	// Approved? sends an approved request to Provision: a Pass state.
	if out, _ := r.Output.(map[string]any); out["status"] != "provisioned" {
		t.Errorf("output = %v, want status provisioned", r.Output)
	}
	// Standard bills state transitions: Approval, Approved?, Provision.
	if r.Transitions != 3 {
		t.Errorf("transitions = %d, want 3", r.Transitions)
	}
}

func TestStepAdvancesOneEventAndEnterInspects(t *testing.T) {
	a := openSFN(t, 80, 24, content.EN)
	drive(a, press("down")) // choice
	drive(a, press("enter"))
	con := a.top().(*sfnConsole)
	n := len(con.snap.history)
	drive(a, press("s"))
	if len(con.snap.history) <= n {
		t.Fatalf("s should add history: %d → %d", n, len(con.snap.history))
	}
	drive(a, press("r"))
	if con.snap.res.Status == sfn.StatusRunning {
		t.Fatal("r should run the choice example to its end")
	}
	drive(a, press("g")) // first event: ExecutionStarted, with the input
	drive(a, press("enter"))
	if !con.detail {
		t.Fatal("enter should open the event")
	}
	view := ansi.Strip(a.View().Content)
	if !strings.Contains(view, "ExecutionStarted") || !strings.Contains(view, "input:") {
		t.Fatalf("event detail should show its input:\n%s", view)
	}
	drive(a, press("esc"))
	if con.detail || a.top() != Screen(con) {
		t.Fatal("esc should close the detail and stay on the console")
	}
}

// TestSFNScreensFitTheWindow runs every example at three sizes, in both
// languages, looking at the graph, the history and an event's detail.
func TestSFNScreensFitTheWindow(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {200, 50}, {24, 6}} {
		for _, lang := range content.Langs {
			for i := range sfn.Examples() {
				a := openSFN(t, sz[0], sz[1], lang)
				for range i {
					drive(a, press("down"))
				}
				drive(a, press("enter"))
				check := func(where string) {
					t.Helper()
					lines := strings.Split(a.View().Content, "\n")
					if len(lines) > sz[1] {
						t.Errorf("%dx%d %s %s: %d lines", sz[0], sz[1], lang, where, len(lines))
					}
					for _, l := range lines {
						if w := text.Width(l); w > sz[0] {
							t.Errorf("%dx%d %s %s: line of %d cells: %q", sz[0], sz[1], lang, where, w, ansi.Strip(l))
						}
					}
				}
				check("start")
				drive(a, press("s"))
				check("step")
				drive(a, press("r"))
				check("run")
				drive(a, press("a"))
				check("after approve key")
				drive(a, press("enter"))
				check("detail")
				drive(a, press("esc"))
				drive(a, press("esc"))
			}
		}
	}
}

func TestDrawGraphShowsEveryStateAt80Columns(t *testing.T) {
	st := styles.New(true)
	for _, ex := range sfn.Examples() {
		m, probs := sfn.Validate(ex.Definition)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", ex.Name, probs)
		}
		gv := drawGraph(st, sfn.Layout(m), nil, 80)
		all := ansi.Strip(strings.Join(gv.lines, "\n"))
		for name := range m.States {
			if !strings.Contains(all, name) {
				t.Errorf("%s: state %s is not drawn:\n%s", ex.Name, name, all)
			}
			if _, ok := gv.at[name]; !ok {
				t.Errorf("%s: no line recorded for %s", ex.Name, name)
			}
		}
		for _, l := range gv.lines {
			if text.Width(l) > 80 {
				t.Errorf("%s: line of %d cells", ex.Name, text.Width(l))
			}
		}
	}
}

func TestStateMarksFollowTheHistory(t *testing.T) {
	h := []sfn.Event{
		{Type: "ExecutionStarted"},
		{Type: "TaskStateEntered", State: "A"},
		{Type: "TaskStateExited", State: "A"},
		{Type: "TaskStateEntered", State: "B"},
		{Type: "TaskFailed", State: "B"},
		{Type: "TaskStateExited", State: "B"},
		{Type: "PassStateEntered", State: "C"},
		{Type: "FailStateEntered", State: "F"},
	}
	m := stateMarks(h)
	if m["A"] != markDone || m["B"] != markFailed || m["C"] != markActive || m["D"] != markNone || m["F"] != markFailed {
		t.Errorf("marks = %v", m)
	}
}

// TestHumanMocksLeaveCallbacksToTheLearner: the approval example's mock
// would approve by itself after 90 minutes; the console makes it wait.
func TestHumanMocksLeaveCallbacksToTheLearner(t *testing.T) {
	ex, _ := sfn.ExampleByName("approval")
	m, _ := sfn.Validate(ex.Definition)
	b, err := humanMocks(m, ex.Mocks)
	if err != nil {
		t.Fatal(err)
	}
	pm, err := sfn.ParseMocks(b)
	if err != nil {
		t.Fatal(err)
	}
	if a := pm.Entries["RequestApproval"]; len(a) != 1 || !a[0].Pending {
		t.Errorf("RequestApproval answers = %+v, want one pending", a)
	}
	// Other mocks are kept as written.
	ex, _ = sfn.ExampleByName("saga")
	m, _ = sfn.Validate(ex.Definition)
	b, _ = humanMocks(m, ex.Mocks)
	orig, _ := sfn.ParseMocks(ex.Mocks)
	got, _ := sfn.ParseMocks(b)
	if len(got.Entries) != len(orig.Entries) {
		t.Errorf("saga mocks: %d entries, want %d", len(got.Entries), len(orig.Entries))
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

func BenchmarkDrawGraph(b *testing.B) {
	st := styles.New(true)
	ex, _ := sfn.ExampleByName("saga")
	m, _ := sfn.Validate(ex.Definition)
	g := sfn.Layout(m)
	marks := map[string]stateMark{m.StartAt: markActive}
	b.ReportAllocs()
	for b.Loop() {
		drawGraph(st, g, marks, 80)
	}
}

// TestSFNGraphCutsBetweenBoxes: when the graph is taller than its room it
// ends on a whole box and says there are more states, never on the top
// half of a box.
func TestSFNGraphCutsBetweenBoxes(t *testing.T) {
	for _, lang := range content.Langs {
		a := openSFN(t, 80, 24, lang)
		drive(a, press("enter")) // approval, the first example
		if _, ok := a.top().(*sfnConsole); !ok {
			t.Fatalf("no console (top %T)", a.top())
		}
		v := ansi.Strip(a.View().Content)
		if !strings.Contains(v, text.T(lang, "sfn.graph.more")) {
			t.Fatalf("%s: a cut graph does not say there is more:\n%s", lang, v)
		}
		lines := strings.Split(v, "\n")
		for i, l := range lines {
			if strings.Contains(l, text.T(lang, "sfn.graph.more")) && i > 0 && boxOpen(lines[i-1]) {
				t.Errorf("%s: the graph ends on half a box: %q\n%s", lang, lines[i-1], v)
			}
		}
	}
}
