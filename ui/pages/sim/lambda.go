package sim

import (
	"fmt"
	"math"

	"github.com/saa-study/saa-study/sim/lambda"
	scen "github.com/saa-study/saa-study/sim/scenario"
	"github.com/saa-study/saa-study/ui/components/chart"
	"github.com/saa-study/saa-study/ui/text"
)

// powerTuneMemories are the memory sizes the power-tuning view sweeps: from
// the 128 MB minimum to the 10,240 MB maximum, with 1,769 MB (one vCPU)
// where CPU-bound work stops getting faster per GB.
var powerTuneMemories = []int{128, 256, 512, 1024, 1536, 1769, 2048, 3008, 4096, 6144, 8192, 10240}

func lambdaEngine() engine {
	return engine{
		id: "lambda",
		fields: func() fieldSet {
			reserved := ladderField("simf.reserved", -1, -1, 0, 10, 50, 100, 200, 500, 1000)
			reserved.below = "none"
			timeout := ladderField("simf.timeout", -1, -1, 1, 3, 10, 30, 60, 300, 900)
			timeout.below = "auto"
			d := lambda.QuickDefaults() // the CLI's flags start from the same values
			return fieldSet{
				ladderField("simf.memory", float64(d.Memory), 128, 256, 512, 1024, 1536, 1769, 2048, 3008, 4096, 6144, 8192, 10240),
				ladderField("simf.duration_ms", d.DurationMS, 10, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 30000),
				timeout,
				ladderField("simf.rps", d.RPS, 1, 10, 50, 100, 200, 500, 1000, 2000, 5000),
				ladderField("simf.seconds", d.Seconds, 10, 30, 60, 120, 300),
				reserved,
				ladderField("simf.provisioned", float64(d.Provisioned), 0, 10, 50, 100, 200, 500, 1000),
				ladderField("simf.account_limit", float64(d.AccountLimit), 100, 500, 1000, 3000, 10000),
				numField("simf.cold_start_ms", float64(d.ColdStartMS), 100, 0, 15000),
				numField("simf.cpu_share", d.CPUShare, 0.1, 0, 1),
				choiceField("simf.arch", lambda.ArchX86, lambda.ArchArm),
				choiceField("simf.invoke", lambda.InvokeSync, lambda.InvokeAsync, lambda.InvokeSQS),
				choiceField("simf.free_tier", "on", "off"),
			}
		},
		scenarios: func() ([]scenario, error) {
			all, err := lambda.Scenarios()
			if err != nil {
				return nil, fmt.Errorf("lambda scenarios: %w", err)
			}
			out := make([]scenario, 0, len(all))
			for _, s := range all {
				out = append(out, scenario{s.ID, s.Title, s.Lesson})
			}
			return out, nil
		},
		quick:    lambdaQuick,
		scenario: lambdaScenario,
		settings: lambdaSettings,
		info: func(id string) (scen.Info, bool) {
			sc, err := lambda.ScenarioByID(id)
			if err != nil {
				return scen.Info{}, false
			}
			return sc.About(), true
		},
	}
}

// lambdaQuickInput turns the form into what lambda.Quick would run, kept
// here so the console can draw the per-second series Quick leaves out.
func lambdaQuickInput(fs fieldSet) (lambda.FunctionConfig, lambda.Workload) {
	dm := lambda.DurationModel{DurationMS: fs.n("duration_ms"), CPUShare: fs.n("cpu_share")}
	cold := fs.i("cold_start_ms")
	timeout := fs.i("timeout")
	if timeout < 0 {
		// auto: long enough for the duration at this memory plus INIT, as
		// lambda.Quick picks it, but measured at the chosen memory.
		at := dm.At(fs.i("memory"), lambda.DefaultLimits())
		timeout = min(max(int(math.Ceil(at/1000))+1+(cold+999)/1000, 3), 900)
	}
	cfg := lambda.FunctionConfig{MemoryMB: fs.i("memory"), TimeoutS: timeout, Provisioned: fs.i("provisioned"),
		ColdStartMS: cold, Arch: fs.s("arch")}
	if r := fs.i("reserved"); r >= 0 {
		cfg.Reserved = &r
	}
	w := lambda.Steady(fs.n("rps"), fs.n("seconds"), dm)
	w.Type = fs.s("invoke")
	return cfg, w
}

func lambdaQuick(fs fieldSet, t func(string) string) (outcome, error) {
	cfg, w := lambdaQuickInput(fs)
	acct := lambda.AccountConfig{ConcurrencyLimit: fs.i("account_limit")}
	r, err := lambda.Run(cfg, acct, w, lambda.Options{FreeTier: fs.s("free_tier") == "on", Seed: 1})
	if err != nil {
		return outcome{}, fmt.Errorf("lambda run: %w", err)
	}
	run := lambdaRun(t("sim.yours"), cfg, w, r, t)
	return outcome{title: t("sim.yours"), metrics: lambdaMetrics(t), runs: []variant{run}}, nil
}

func lambdaScenario(id string, t func(string) string) (outcome, error) {
	sc, err := lambda.ScenarioByID(id)
	if err != nil {
		return outcome{}, fmt.Errorf("lambda scenario: %w", err)
	}
	vrs, err := sc.Run()
	if err != nil {
		return outcome{}, fmt.Errorf("lambda scenario: %w", err)
	}
	out := outcome{title: sc.Title, lesson: sc.Lesson, metrics: lambdaMetrics(t)}
	for i, v := range vrs {
		fn := sc.Function
		if i < len(sc.Variants) {
			fn = sc.Variants[i].Function
		}
		out.runs = append(out.runs, lambdaRun(v.Label, fn, sc.Workload, v.Result, t))
	}
	return out, nil
}

func lambdaMetrics(t func(string) string) []string {
	return []string{t("simm.concurrency"), t("simm.throttles"), t("simm.cold_starts"), t("simm.p99"), t("simm.backlog")}
}

func lambdaRun(label string, cfg lambda.FunctionConfig, w lambda.Workload, r lambda.Result, t func(string) string) variant {
	n := len(r.Series)
	conc, thr, cold, p99, backlog := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i, s := range r.Series {
		conc[i], thr[i], cold[i], p99[i], backlog[i] = float64(s.Concurrency), float64(s.Throttles), float64(s.ColdStarts), s.P99MS, float64(s.Backlog)
	}
	run := variant{
		label:  label,
		series: [][]float64{conc, thr, cold, p99, backlog},
		stats: [][2]string{
			{t("sims.requests"), text.Comma(r.Requests)},
			{t("sims.invocations"), text.Comma(r.Invocations)},
			{t("sims.succeeded"), text.Comma(r.Succeeded)},
			{t("sims.throttled"), text.Comma(r.Throttled)},
			{t("sims.timed_out"), text.Comma(r.TimedOut)},
			{t("sims.cold_starts"), text.Comma(r.ColdStarts)},
			{t("sims.max_concurrency"), text.Comma(r.MaxConcurrency)},
			{t("sims.cost"), fmt.Sprintf("$%.4f", r.Bill.Total)},
		},
		explain: r.Explanation.In(langOf(t)),
	}
	for _, e := range r.Events {
		line := e.In(langOf(t))
		if e.Fact != "" {
			line += " [" + e.Fact + "]"
		}
		run.events = append(run.events, line)
	}
	var bill []string
	for _, l := range r.Bill.Lines {
		label, ar := l.In(langOf(t))
		bill = append(bill, label+":", "    "+ar)
	}
	run.pages = append(run.pages, page{t("sim.v.bill"), bill, false})
	run.pages = append(run.pages, page{t("sim.v.power"), powerTuneLines(cfg, w.Duration, t), true})
	return run
}

// powerTuneLines is the memory sweep as a table: duration and cost per
// invocation at each size, the cheapest and the fastest marked.
func powerTuneLines(cfg lambda.FunctionConfig, dm lambda.DurationModel, t func(string) string) []string {
	pts, err := lambda.PowerTune(cfg, dm, powerTuneMemories)
	if err != nil {
		return []string{err.Error()}
	}
	rows := [][]string{{"MB", t("simp.avg"), t("simp.billed"), t("simp.per_call"), t("simp.per_m"), ""}}
	for _, p := range pts {
		mark := ""
		if p.Cheapest {
			mark += "★ " + t("sim.cheapest") + " "
		}
		if p.Fastest {
			mark += "⚡ " + t("sim.fastest")
		}
		rows = append(rows, []string{fmt.Sprint(p.MemoryMB), fmt.Sprintf("%.1f", p.AvgMS), fmt.Sprint(p.BilledMS),
			fmt.Sprintf("%.10f", p.CostPerInvocation), fmt.Sprintf("%.2f", p.CostPer1M), mark})
	}
	lines := chart.Columns(rows, 1<<20)
	return append(lines, "", t("sim.power.note"))
}
