package sfn

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/stepfunctions"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// openPicker starts the Step Functions picker in a w×h room.
func openPicker(t *testing.T, w, h int, lang content.Lang) *uitest.Harness {
	t.Helper()
	return uitest.NewHarness(t, NewPicker(uitest.Common(fixture.Library(t), nil, lang, w, h)))
}

// top is the console the picker opened.
func top(t *testing.T, h *uitest.Harness) *console {
	t.Helper()
	con, ok := h.Top().(*console)
	if !ok {
		t.Fatalf("no console (top %T)", h.Top())
	}
	return con
}

// typeText types into a text field without running the cursor-blink
// commands the harness would wait for.
func typeText(h *uitest.Harness, s string) {
	for _, r := range s {
		h.Top().Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// TestApprovalApproveThenReject is the human-approval lesson: the first run
// is approved and succeeds, the second is rejected with a reason and fails
// with that reason as its cause.
func TestApprovalApproveThenReject(t *testing.T) {
	h := openPicker(t, 80, 20, content.EN)
	h.Keys("enter") // approval is the first example
	con := top(t, h)
	h.Keys("r", "a")
	if r := con.snap.res; r.Status != stepfunctions.StatusSucceeded {
		t.Fatalf("first run: %s %s: %s; want SUCCEEDED", r.Status, r.Error, r.Cause)
	}
	h.Keys("n", "r", "x")
	if v := h.View(); !strings.Contains(v, "Reject with reason: > reason") {
		t.Fatalf("x should ask for a reason, its placeholder whole:\n%s", v)
	}
	typeText(h, "too expensive")
	h.Keys("enter")
	r := con.snap.res
	if r.Status != stepfunctions.StatusFailed || r.Error != "Rejected" || r.Cause != "too expensive" {
		t.Fatalf("second run: %s %s: %s; want FAILED Rejected: too expensive", r.Status, r.Error, r.Cause)
	}
	view := h.View()
	if !strings.Contains(view, "Standard:") || !strings.Contains(view, "Express:") {
		t.Errorf("the finished run should be priced both ways:\n%s", view)
	}
}

// TestOpenAFileShowsWhatToType: the last item asks for a path, and the
// empty field shows the kind of file it wants, whole.
func TestOpenAFileShowsWhatToType(t *testing.T) {
	for _, w := range []int{80, 40} {
		h := openPicker(t, w, 20, content.EN)
		h.Keys("G", "enter")
		if v := h.View(); !strings.Contains(v, "Path: > machine.asl.json") {
			t.Fatalf("%d columns: the path field should show its placeholder whole:\n%s", w, v)
		}
	}
}

func TestApprovalApproveReachesSucceeded(t *testing.T) {
	h := openPicker(t, 80, 20, content.EN)
	h.Keys("enter")
	con := top(t, h)
	h.Keys("r")
	if _, ok := con.waiting(); !ok {
		t.Fatalf("the approval example should wait for a task token, status %s", con.snap.res.Status)
	}
	h.Keys("a")
	r := con.snap.res
	if r.Status != stepfunctions.StatusSucceeded {
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
	h := openPicker(t, 80, 20, content.EN)
	h.Keys("down") // choice
	h.Keys("enter")
	con := top(t, h)
	n := len(con.snap.history)
	h.Keys("s")
	if len(con.snap.history) <= n {
		t.Fatalf("s should add history: %d → %d", n, len(con.snap.history))
	}
	h.Keys("r")
	if con.snap.res.Status == stepfunctions.StatusRunning {
		t.Fatal("r should run the choice example to its end")
	}
	h.Keys("g") // first event: ExecutionStarted, with the input
	h.Keys("enter")
	if !con.detail {
		t.Fatal("enter should open the event")
	}
	view := h.View()
	if !strings.Contains(view, "ExecutionStarted") || !strings.Contains(view, "input:") {
		t.Fatalf("event detail should show its input:\n%s", view)
	}
	h.Keys("esc")
	if con.detail || h.Top() != common.Screen(con) {
		t.Fatal("esc should close the detail and stay on the console")
	}
}

// TestSFNScreensFitTheWindow runs every example in the rooms the App
// leaves at 40×12, 80×24, 200×50 and 24×6, in both languages, looking at
// the graph, the history and an event's detail.
func TestSFNScreensFitTheWindow(t *testing.T) {
	for _, sz := range [][2]int{{40, 8}, {80, 20}, {200, 46}, {24, 4}} {
		for _, lang := range content.Langs {
			for i := range stepfunctions.Examples() {
				h := openPicker(t, sz[0], sz[1], lang)
				for range i {
					h.Keys("down")
				}
				h.Keys("enter")
				check := func(where string) {
					t.Helper()
					lines := strings.Split(h.Top().View(), "\n")
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
				h.Keys("s")
				check("step")
				h.Keys("r")
				check("run")
				h.Keys("a")
				check("after approve key")
				h.Keys("enter")
				check("detail")
				h.Keys("esc", "i")
				check("facts")
				h.Keys("esc")
			}
		}
	}
}

func TestDrawGraphShowsEveryStateAt80Columns(t *testing.T) {
	st := styles.New(true)
	for _, ex := range stepfunctions.Examples() {
		m, probs := stepfunctions.Validate(ex.Definition)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", ex.Name, probs)
		}
		gv := drawGraph(st, plainT, stepfunctions.Layout(m), nil, 80)
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
	h := []stepfunctions.Event{
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
	ex, _ := stepfunctions.ExampleByName("approval")
	m, _ := stepfunctions.Validate(ex.Definition)
	b, err := humanMocks(m, ex.Mocks)
	if err != nil {
		t.Fatal(err)
	}
	pm, err := stepfunctions.ParseMocks(b)
	if err != nil {
		t.Fatal(err)
	}
	if a := pm.Entries["RequestApproval"]; len(a) != 1 || !a[0].Pending {
		t.Errorf("RequestApproval answers = %+v, want one pending", a)
	}
	// Other mocks are kept as written.
	ex, _ = stepfunctions.ExampleByName("saga")
	m, _ = stepfunctions.Validate(ex.Definition)
	b, _ = humanMocks(m, ex.Mocks)
	orig, _ := stepfunctions.ParseMocks(ex.Mocks)
	got, _ := stepfunctions.ParseMocks(b)
	if len(got.Entries) != len(orig.Entries) {
		t.Errorf("saga mocks: %d entries, want %d", len(got.Entries), len(orig.Entries))
	}
}

func BenchmarkDrawGraph(b *testing.B) {
	st := styles.New(true)
	ex, _ := stepfunctions.ExampleByName("saga")
	m, _ := stepfunctions.Validate(ex.Definition)
	g := stepfunctions.Layout(m)
	marks := map[string]stateMark{m.StartAt: markActive}
	b.ReportAllocs()
	for b.Loop() {
		drawGraph(st, plainT, g, marks, 80)
	}
}

// TestSFNGraphCutsBetweenBoxes: when the graph is taller than its room it
// ends on a whole box and says there are more states, never on the top
// half of a box.
func TestSFNGraphCutsBetweenBoxes(t *testing.T) {
	for _, lang := range content.Langs {
		h := openPicker(t, 80, 20, lang)
		h.Keys("enter") // approval, the first example
		top(t, h)
		v := h.View()
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
