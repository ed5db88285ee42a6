package lambda

import (
	"testing"

	"github.com/saa-study/saa-study/sim/say"
)

// koreanRuns are runs that reach every kind of explanation: each shipped
// scenario, the console's default settings and settings that throttle,
// time out, spill over or do nothing.
func koreanRuns(t *testing.T) map[string]Result {
	t.Helper()
	runs := map[string]Result{}
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		vs, err := s.Run()
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			runs[s.ID+"/"+v.Label] = v.Result
		}
	}
	zero, fifty := 0, 50
	quick := map[string]QuickOptions{
		"default":       QuickDefaults(),
		"reserved 0":    {RPS: 10, Reserved: &zero},
		"account limit": {RPS: 500, AccountLimit: 100},
		"scaling":       {RPS: 20000, DurationMS: 1000, Seconds: 20, AccountLimit: 100000},
		"timeout":       {RPS: 10, DurationMS: 5000, TimeoutS: 3},
		"provisioned":   {RPS: 10, Provisioned: 50},
		"spill-over":    {RPS: 100, Provisioned: 50, Reserved: &fifty},
		"cold starts":   {RPS: 1, Seconds: 10, ColdStartMS: 800},
		"no requests":   {RPS: 0},
		"arm, no free":  {RPS: 100, Arch: ArchArm},
		"async":         {RPS: 500, AccountLimit: 100},
		"sqs":           {RPS: 500, AccountLimit: 100},
	}
	d := QuickDefaults()
	for name, q := range quick {
		if q.Memory == 0 {
			q.Memory = d.Memory
		}
		if q.DurationMS == 0 {
			q.DurationMS = d.DurationMS
		}
		if q.Seconds == 0 {
			q.Seconds = d.Seconds
		}
		if q.TimeoutS == 0 {
			q.TimeoutS = 30
		}
		cfg := FunctionConfig{MemoryMB: q.Memory, TimeoutS: q.TimeoutS, Reserved: q.Reserved, Provisioned: q.Provisioned,
			ColdStartMS: q.ColdStartMS, Arch: q.Arch}
		w := Steady(q.RPS, q.Seconds, DurationModel{DurationMS: q.DurationMS})
		switch name {
		case "async":
			w.Type = InvokeAsync
		case "sqs":
			w.Type = InvokeSQS
		}
		r, err := Run(cfg, AccountConfig{ConcurrencyLimit: q.AccountLimit}, w, Options{FreeTier: name != "arm, no free", Seed: 1})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		runs[name] = r
	}
	return runs
}

// TestEveryRunReadsInKorean: in Korean, the explanation, every event and
// every bill line of every run carry no English sentence; in English the
// same checker does see the English, so it is not blind.
func TestEveryRunReadsInKorean(t *testing.T) {
	for name, r := range koreanRuns(t) {
		if len(say.English(r.Explanation.In("en"))) == 0 && r.Requests > 0 {
			t.Errorf("%s: the checker finds no English in %q", name, r.Explanation.In("en"))
		}
		lines := []string{r.Explanation.In("ko")}
		for _, e := range r.Events {
			lines = append(lines, e.In("ko"))
		}
		for _, l := range r.Bill.Lines {
			label, ar := l.In("ko")
			lines = append(lines, label, ar)
		}
		for _, s := range lines {
			for _, p := range say.NotKorean(s) {
				t.Errorf("%s: %q in %q", name, p, s)
			}
		}
	}
}

// TestQuickExplainsInKorean: the CLI's and the console's quick run carries
// the Korean explanation.
func TestQuickExplainsInKorean(t *testing.T) {
	r, err := Quick(QuickDefaults())
	if err != nil {
		t.Fatal(err)
	}
	if r.ExplanationKo == "" || len(say.NotKorean(r.ExplanationKo)) > 0 {
		t.Errorf("quick Korean explanation %q", r.ExplanationKo)
	}
}
