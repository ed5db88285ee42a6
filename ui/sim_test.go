package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/apigateway"
	"github.com/saa-study/saa-study/ui/components/chart"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

func engines() []simEngine {
	return []simEngine{lambdaEngine(), apigatewayEngine(), edgeEngine(), rdsproxyEngine()}
}

func plainT(k string) string { return text.T(content.EN, k) }

var factID = regexp.MustCompile(`\[([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\]`)

// TestSimConsoleFlows opens each console from the Simulators menu, runs its
// first shipped scenario and waits for the explanation with its fact id.
func TestSimConsoleFlows(t *testing.T) {
	for i, eng := range engines() {
		t.Run(eng.id, func(t *testing.T) {
			scs, err := eng.scenarios()
			if err != nil || len(scs) == 0 {
				t.Fatalf("scenarios: %v (%d)", err, len(scs))
			}
			want, err := eng.scenario(scs[0].id, plainT)
			if err != nil {
				t.Fatal(err)
			}
			m := factID.FindStringSubmatch(want.runs[0].explain)
			if m == nil {
				t.Fatalf("%s: explanation %q cites no fact id", scs[0].id, want.runs[0].explain)
			}
			app := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "sim"})
			tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			waitFor(t, tm, "Step Functions")
			for range i {
				tm.Send(press("down"))
			}
			tm.Send(press("enter"))
			waitFor(t, tm, scs[0].id) // the scenario list has loaded
			for range len(eng.fields()) + 1 {
				tm.Send(press("down"))
			}
			tm.Send(press("enter"))
			waitFor(t, tm, m[1]+"]")
			tm.Send(press("q"))
			tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
			view := ansi.Strip(tm.FinalModel(t).(*App).View().Content)
			if !strings.Contains(view, want.title) || !strings.Contains(view, "["+m[1]+"]") {
				t.Fatalf("the result should show the scenario title and the explanation:\n%s", view)
			}
		})
	}
}

// TestSimScreensFitTheWindow runs every console (form and first scenario)
// and walks every view and chart at three sizes: no line is wider than the
// window and the screen has no more lines than it.
func TestSimScreensFitTheWindow(t *testing.T) {
	lib := testLibrary(t)
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {200, 50}, {24, 6}} {
		for i, eng := range engines() {
			for _, lang := range content.Langs {
				a := New(Options{Ctx: context.Background(), Lib: lib, Lang: lang, Theme: "dark", Start: "sim"})
				drive(a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				check := func(where string) {
					t.Helper()
					lines := strings.Split(a.View().Content, "\n")
					if len(lines) > sz[1] {
						t.Errorf("%s %s %dx%d %s: %d lines", eng.id, lang, sz[0], sz[1], where, len(lines))
					}
					for _, l := range lines {
						if w := text.Width(l); w > sz[0] {
							t.Errorf("%s %s %dx%d %s: line of %d cells: %q", eng.id, lang, sz[0], sz[1], where, w, ansi.Strip(l))
						}
					}
				}
				for range i {
					drive(a, press("down"))
				}
				drive(a, press("enter"))
				check("form")
				for _, start := range []string{"r", "scenario"} {
					if start == "r" {
						drive(a, press("r"))
					} else {
						for range len(eng.fields()) + 1 {
							drive(a, press("down"))
						}
						drive(a, press("enter"))
					}
					con := a.top().(*simConsole)
					if con.mode != modeResult {
						t.Fatalf("%s %s: no result", eng.id, start)
					}
					for range con.chartCount() {
						check(start + " chart")
						drive(a, press("m"))
					}
					for v := range con.views() {
						for _, k := range []string{"tab", "right", "pgdown"} {
							drive(a, keyMsg(k))
							check(start + " view " + con.views()[(v+1)%len(con.views())])
						}
					}
					drive(a, press("esc"))
					con.menu.Cursor = 0
				}
			}
		}
	}
}

// keyMsg covers the keys press does not.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	}
	return press(k)
}

func TestLineChartNeverWiderThanAsked(t *testing.T) {
	st := styles.New(true)
	big := make([]float64, 600)
	for i := range big {
		big[i] = float64(i*i) * 1234.5
	}
	series := []chart.Series{{Name: "a", Data: big}, {Name: "b", Data: []float64{3}}, {Name: "c", Data: []float64{0, 0, 0}}, {Name: "d"}}
	for w := 1; w <= 220; w += 7 {
		for _, h := range []int{1, 3, 5, 9, 12, 24, 50} {
			out := chart.Line(st, series, w, h, 599, "s")
			if out == "" {
				continue
			}
			lines := strings.Split(out, "\n")
			if len(lines) > h {
				t.Errorf("%dx%d: %d lines", w, h, len(lines))
			}
			for _, l := range lines {
				if text.Width(l) > w {
					t.Errorf("%dx%d: line of %d cells %q", w, h, text.Width(l), ansi.Strip(l))
				}
			}
		}
	}
	if chart.Line(st, []chart.Series{{Name: "empty"}}, 80, 20, 0, "s") != "" {
		t.Error("a chart of no data should draw nothing")
	}
}

func TestFieldSteps(t *testing.T) {
	mem := ladderField("simf.memory", 1024, 128, 512, 1024, 10240)
	mem.move(1)
	if mem.num != 10240 {
		t.Errorf("→ from 1024 = %v, want 10240", mem.num)
	}
	mem.move(1)
	if mem.num != 10240 {
		t.Errorf("→ at the top = %v, want it to stay at 10240", mem.num)
	}
	if err := mem.set("700"); err != nil || mem.num != 700 {
		t.Fatalf("typed 700: %v %v", mem.num, err)
	}
	mem.move(-1) // off the ladder: ← goes to the rung below
	if mem.num != 512 {
		t.Errorf("← from 700 = %v, want 512", mem.num)
	}
	if err := mem.set("20000"); err == nil {
		t.Error("20000 MB is over the 10,240 MB maximum and must be refused")
	}
	share := numField("simf.cpu_share", 0.5, 0.1, 0, 1)
	for range 7 {
		share.move(1)
	}
	if share.num != 1 {
		t.Errorf("cpu share clamps at 1, got %v", share.num)
	}
	share.move(-1)
	if share.str() != "0.9" {
		t.Errorf("0.1 steps leave no float noise: %q", share.str())
	}
	res := ladderField("simf.reserved", -1, -1, 0, 10)
	res.below = "none"
	if res.str() != "none" {
		t.Errorf("reserved -1 shows %q, want none", res.str())
	}
	if err := res.set("none"); err != nil || res.num != -1 {
		t.Errorf("typing none: %v %v", res.num, err)
	}
	arch := choiceField("simf.arch", "x86_64", "arm64")
	arch.move(-1)
	if arch.str() != "arm64" {
		t.Errorf("choices wrap: %q", arch.str())
	}
	fs := fieldSet{mem, arch}
	cl := fs.clone()
	mem.num = 128
	if cl.n("memory") != 512 {
		t.Error("a cloned form must not see later edits (the run is in flight)")
	}
}

func TestTypingANumberInTheForm(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Lang: content.EN, Theme: "dark", Start: "sim"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("enter")) // Lambda
	drive(a, press("enter")) // edit memory
	con := a.top().(*simConsole)
	if !con.Capturing() {
		t.Fatal("enter on a number field should open the text field")
	}
	for range 4 {
		a.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	typeText(a, "2048")
	if drive(a, press("enter")) {
		t.Fatal("q-less typing must not quit")
	}
	if got := con.fields.n("memory"); got != 2048 {
		t.Fatalf("memory = %v after typing 2048", got)
	}
}

// TestPowerTuningMarks pins the power-tuning view to Lambda's pricing rule:
// when duration does not depend on memory (CPU share 0) the smallest memory
// is both cheapest and fastest (ties go to the lower size); when the work is
// all CPU, the largest memory is fastest.
func TestPowerTuningMarks(t *testing.T) {
	fs := lambdaEngine().fields()
	fs.get("cpu_share").num = 0
	cfg, w := lambdaQuickInput(fs)
	lines := powerTuneLines(cfg, w.Duration, plainT)
	if !strings.HasPrefix(lines[1], "128 ") || !strings.Contains(lines[1], "★ cheapest") || !strings.Contains(lines[1], "⚡ fastest") {
		t.Errorf("128 MB should be cheapest and fastest:\n%s", strings.Join(lines, "\n"))
	}
	fs.get("cpu_share").num = 1
	cfg, w = lambdaQuickInput(fs)
	lines = powerTuneLines(cfg, w.Duration, plainT)
	last := lines[len(powerTuneMemories)]
	if !strings.HasPrefix(last, "10240") || !strings.Contains(last, "⚡ fastest") {
		t.Errorf("10,240 MB should be fastest for CPU-bound work:\n%s", strings.Join(lines, "\n"))
	}
}

// TestRDSProxyQuickComparesWithAndWithout: the same surge runs straight to
// the database and through the proxy; only the direct run hits
// max_connections and fails.
func TestRDSProxyQuickComparesWithAndWithout(t *testing.T) {
	out, err := rdsproxyEngine().quick(rdsproxyEngine().fields(), plainT)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.runs) != 2 || out.runs[0].label != "direct" || out.runs[1].label != "RDS Proxy" {
		t.Fatalf("runs = %+v", out.runs)
	}
	failed := func(r simRun) string {
		for _, kv := range r.stats {
			if kv[0] == "failed" {
				return kv[1]
			}
		}
		return "?"
	}
	if failed(out.runs[0]) == "0" || failed(out.runs[1]) != "0" {
		t.Errorf("200 clients against max_connections 90: direct failed %s (want > 0), proxy failed %s (want 0)",
			failed(out.runs[0]), failed(out.runs[1]))
	}
	if !strings.Contains(out.runs[0].explain, "[rdsproxy.pooling]") {
		t.Errorf("the direct run should cite rdsproxy.pooling: %q", out.runs[0].explain)
	}
	if !out.overlay || len(out.runs[0].series) != len(out.metrics) {
		t.Error("DB connections, queued and errors are drawn together")
	}
}

// TestEdgeRefusalIsTheLesson: a CloudFront Function on an origin trigger is
// refused the way CloudFront refuses it, and the console says so.
func TestEdgeRefusalIsTheLesson(t *testing.T) {
	fs := edgeEngine().fields()
	fs.get("function").choice = 0 // cff
	tr := fs.get("trigger")
	for i, c := range tr.choices {
		if c == "origin-request" {
			tr.choice = i
		}
	}
	out, err := edgeEngine().quick(fs, plainT)
	if err != nil {
		t.Fatal(err)
	}
	if e := out.runs[0].explain; !strings.HasPrefix(e, "refused: InvalidFunctionAssociation") {
		t.Errorf("explanation = %q", e)
	}
}

func TestAPIGatewayShowsTheRequestPath(t *testing.T) {
	out, err := apigatewayEngine().quick(apigatewayEngine().fields(), plainT)
	if err != nil {
		t.Fatal(err)
	}
	r := out.runs[0]
	// 12,000 rps against the account's 10,000 rps (burst 5,000) throttles.
	if !strings.Contains(r.explain, "[apigw.throttle.account]") {
		t.Errorf("explanation = %q", r.explain)
	}
	if len(r.pages) == 0 || len(r.pages[0].lines) < 3 || !strings.Contains(r.pages[0].lines[0], "200") {
		t.Errorf("request path = %v", r.pages)
	}
	// The bucket starts with the 5,000 burst and refills 10,000 a second
	// while 12,000 arrive: it is empty after 5,000 / 2,000 = 2.5 s, that is
	// after about 30,000 requests, and that request stops at the throttle.
	n, resp, ok := firstRefused(apigateway.QuickAPI(apigateway.QuickOptions{RPS: 12000, Seconds: 10, IntegrationMS: 50}),
		apigateway.QuickOptions{RPS: 12000, Seconds: 10})
	if !ok || n < 29_990 || n > 30_000 || resp.Status != 429 {
		t.Fatalf("first refused = #%d (%d), want about #30,000 with 429", n, resp.Status)
	}
	last := resp.Steps[len(resp.Steps)-1]
	if last.OK || last.Fact != "apigw.throttle.account" {
		t.Errorf("the path should stop at the account throttle: %+v", last)
	}
}

func BenchmarkLineChart(b *testing.B) {
	st := styles.New(true)
	series := make([]chart.Series, 3)
	for i := range series {
		d := make([]float64, 600)
		for j := range d {
			d[j] = float64((j * (i + 3)) % 997)
		}
		series[i] = chart.Series{Name: "s", Data: d}
	}
	b.ReportAllocs()
	for b.Loop() {
		chart.Line(st, series, 80, 18, 599, "s")
	}
}

// BenchmarkSimResultView is one redraw of a Lambda result (chart view),
// which happens on every key press.
func BenchmarkSimResultView(b *testing.B) {
	a := New(Options{Ctx: context.Background(), Lang: content.EN, Theme: "dark", Start: "sim"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("enter"))
	drive(a, press("r"))
	b.ReportAllocs()
	for b.Loop() {
		a.View()
	}
}

// FuzzFieldSet: whatever is typed into a form field, the form never panics
// and never holds a value outside the field's range.
func FuzzFieldSet(f *testing.F) {
	for _, s := range []string{"1024", "none", "-5", "1e309", "NaN", "0x10", "12,000", " 7 ", "arm64"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fld := range lambdaEngine().fields() {
			before := fld.num
			err := fld.set(s)
			switch {
			case err != nil && fld.num != before:
				t.Fatalf("%s: refused %q but changed %v → %v", fld.key, s, before, fld.num)
			case err == nil && !fld.isChoice() && fld.num >= 0 && (fld.num < fld.lo || fld.num > fld.hi || fld.num != fld.num):
				t.Fatalf("%s: accepted %q as %v outside %v..%v", fld.key, s, fld.num, fld.lo, fld.hi)
			}
			fld.move(1)
			fld.move(-1)
			_ = fld.str()
		}
	})
}

// FuzzWrapText: wrapping never makes a line wider than asked and never
// loses a word.
func FuzzWrapText(f *testing.F) {
	f.Add("A function may run for at most 900 s [lambda.timeout.max]", 20)
	f.Add("함수는 제한 시간까지 실행할 수 있습니다", 7)
	f.Add("averyveryverylongwordwithoutspaces", 4)
	f.Fuzz(func(t *testing.T, s string, w int) {
		w = 4 + abs(w)%100
		lines := text.Wrap(s, w)
		for _, l := range lines {
			if text.Width(l) > w {
				t.Fatalf("line %q is %d cells, over %d", l, text.Width(l), w)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestLambdaQueueAbsorbsWhatSyncThrottles: with reserved concurrency 50
// under ~140 concurrent requests, synchronous callers get 429s while an
// asynchronous queue holds the events and every one succeeds; concurrency
// never passes the reserved 50 either way.
func TestLambdaQueueAbsorbsWhatSyncThrottles(t *testing.T) {
	stat := func(r simRun, name string) string {
		for _, kv := range r.stats {
			if kv[0] == name {
				return kv[1]
			}
		}
		return "?"
	}
	for _, c := range []struct {
		invoke    string
		throttled bool
	}{{"sync", true}, {"async", false}, {"sqs", false}} {
		fs := lambdaEngine().fields()
		fs.get("reserved").num = 50
		if err := fs.get("invoke").set(c.invoke); err != nil {
			t.Fatal(err)
		}
		out, err := lambdaQuick(fs, plainT)
		if err != nil {
			t.Fatal(err)
		}
		r := out.runs[0]
		if got := stat(r, "throttled") != "0"; got != c.throttled {
			t.Errorf("%s: throttled = %s", c.invoke, stat(r, "throttled"))
		}
		if !c.throttled && stat(r, "succeeded") != "6,000" {
			t.Errorf("%s: succeeded = %s, want all 6,000", c.invoke, stat(r, "succeeded"))
		}
		if stat(r, "max concurrency") != "50" {
			t.Errorf("%s: max concurrency = %s, want the reserved 50", c.invoke, stat(r, "max concurrency"))
		}
	}
}

// TestSimViewNameStaysInSight: the current view is marked with brackets
// (colour alone is lost under NO_COLOR) and, when the names do not all fit,
// the current one is still shown with its place and the key.
func TestSimViewNameStaysInSight(t *testing.T) {
	for _, w := range []int{40, 80} {
		a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Lang: content.EN, Theme: "dark", Start: "sim"})
		drive(a, tea.WindowSizeMsg{Width: w, Height: 12})
		drive(a, press("enter")) // Lambda
		drive(a, press("r"))
		con := a.top().(*simConsole)
		for range con.views() {
			v := ansi.Strip(a.View().Content)
			want := "[" + con.views()[con.view] + "]"
			if !strings.Contains(v, want) {
				t.Errorf("%d columns: the view %q is not in sight:\n%s", w, want, v)
			}
			drive(a, press("tab"))
		}
	}
}
