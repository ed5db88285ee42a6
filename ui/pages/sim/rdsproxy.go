package sim

import (
	"fmt"
	"sort"

	"github.com/saa-study/saa-study/sim/rdsproxy"
	"github.com/saa-study/saa-study/ui/text"
)

func rdsproxyEngine() engine {
	return engine{
		id: "rdsproxy",
		fields: func() fieldSet {
			return fieldSet{
				ladderField("simf.max_connections", 90, 30, 60, 90, 150, 300, 1000),
				ladderField("simf.baseline", 10, 1, 5, 10, 20, 50),
				ladderField("simf.surge", 200, 50, 100, 200, 500, 1000, 2000),
				ladderField("simf.surge_s", 20, 10, 20, 30, 60),
				choiceField("simf.mode", rdsproxy.ModeReuse, rdsproxy.ModePerInvocation),
				numField("simf.pinned_pct", 0, 10, 0, 100),
				ladderField("simf.borrow_timeout", 0, 0, 1, 5, 30, 120),
				ladderField("simf.failover_s", 0, 0, 30, 60, 120),
				choiceField("simf.proxy", "both", "off", "on"),
			}
		},
		scenarios: func() ([]scenario, error) {
			all, err := rdsproxy.Scenarios()
			if err != nil {
				return nil, fmt.Errorf("rds proxy scenarios: %w", err)
			}
			out := make([]scenario, 0, len(all))
			for _, s := range all {
				out = append(out, scenario{s.ID, s.Title, s.Lesson})
			}
			return out, nil
		},
		settings: rdsSettings,
		info:     infoOf(rdsproxy.Scenarios),
		quick: func(fs fieldSet, t func(string) string) (outcome, error) {
			o := rdsproxy.QuickOptions{MaxConnections: fs.i("max_connections"), Baseline: fs.i("baseline"), Surge: fs.i("surge"),
				SurgeS: fs.i("surge_s"), Mode: fs.s("mode"), PinnedPct: fs.n("pinned_pct"),
				BorrowTimeoutS: fs.n("borrow_timeout"), FailoverS: fs.n("failover_s"), Seed: 1}
			out := outcome{title: t("sim.yours.rds"), metrics: rdsMetrics(t), overlay: true}
			// both: the same load twice, straight to the database, then
			// through the proxy; on or off: that one run.
			variants := []bool{false, true}
			switch fs.s("proxy") {
			case "on":
				variants, out.title = []bool{true}, t("sim.yours")
			case "off":
				variants, out.title = []bool{false}, t("sim.yours")
			}
			var failed [2]int
			for i, proxy := range variants {
				o.Proxy = proxy
				r, err := rdsproxy.Quick(o)
				if err != nil {
					return outcome{}, fmt.Errorf("rds proxy run: %w", err)
				}
				label := t("sim.noproxy")
				if proxy {
					label = t("sim.withproxy")
				}
				out.runs = append(out.runs, rdsRun(label, r, t))
				failed[i] = r.Failed
			}
			if len(variants) == 2 {
				out.lesson = fmt.Sprintf(t("sim.rds.compare"), text.Comma(int64(failed[0])), text.Comma(int64(failed[1])))
			}
			return out, nil
		},
		scenario: func(id string, t func(string) string) (outcome, error) {
			all, err := rdsproxy.Scenarios()
			if err != nil {
				return outcome{}, fmt.Errorf("rds proxy scenarios: %w", err)
			}
			for _, sc := range all {
				if sc.ID != id {
					continue
				}
				rs, err := sc.Run()
				if err != nil {
					return outcome{}, fmt.Errorf("rds proxy scenario %s: %w", id, err)
				}
				out := outcome{title: sc.Title, lesson: sc.Lesson, metrics: rdsMetrics(t), overlay: true}
				for _, r := range rs {
					out.runs = append(out.runs, rdsRun(r.Label(langOf(t)), r.Result, t))
				}
				return out, nil
			}
			return outcome{}, fmt.Errorf("no rds proxy scenario %q", id)
		},
	}
}

// rdsMetrics: the first three are drawn together (overlay) for one run.
func rdsMetrics(t func(string) string) []string {
	return []string{t("simm.db_conns"), t("simm.queued"), t("simm.errors"), t("simm.p99"), t("simm.concurrency")}
}

func rdsRun(label string, r rdsproxy.Result, t func(string) string) variant {
	n := len(r.Series)
	db, q, errs, p99, conc := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i, s := range r.Series {
		db[i], q[i], errs[i], p99[i], conc[i] = float64(s.DBConns), float64(s.Queued), float64(s.Errors), s.P99Ms, float64(s.Concurrency)
	}
	run := variant{
		label:  label,
		series: [][]float64{db, q, errs, p99, conc},
		stats: [][2]string{
			{t("sims.invocations"), text.Comma(int64(r.Invocations))},
			{t("sims.succeeded"), text.Comma(int64(r.Succeeded))},
			{t("sims.failed"), text.Comma(int64(r.Failed))},
			{"max_connections", text.Comma(int64(r.MaxConnections))},
			{t("sims.pool"), text.Comma(int64(r.PoolSize))},
			{t("sims.peak_db"), text.Comma(int64(r.PeakDBConns))},
			{t("sims.peak_queued"), text.Comma(int64(r.PeakQueued))},
			{t("sims.new_conns"), text.Comma(int64(r.NewDBConns))},
			{"p50 / p99 ms", fmt.Sprintf("%.1f / %.1f", r.P50Ms, r.P99Ms)},
		},
	}
	why, events := r.In(langOf(t))
	run.explain, run.events = why, append([]string(nil), events...)
	kinds := make([]string, 0, len(r.Errors))
	for k := range r.Errors {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var errLines []string
	for _, k := range kinds {
		errLines = append(errLines, fmt.Sprintf("%s × %s", text.Comma(int64(r.Errors[k])), k))
	}
	if len(errLines) == 0 {
		errLines = []string{t("sim.noerrors")}
	}
	run.pages = []page{{name: t("sim.v.errors"), lines: errLines}}
	return run
}
