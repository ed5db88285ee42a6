package sim

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/sim/apigateway"
)

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
	failed := func(r variant) string {
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

// TestLambdaQueueAbsorbsWhatSyncThrottles: with reserved concurrency 50
// under ~140 concurrent requests, synchronous callers get 429s while an
// asynchronous queue holds the events and every one succeeds; concurrency
// never passes the reserved 50 either way.
func TestLambdaQueueAbsorbsWhatSyncThrottles(t *testing.T) {
	stat := func(r variant, name string) string {
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
