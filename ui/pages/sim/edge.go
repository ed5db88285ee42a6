package sim

import (
	"errors"
	"fmt"

	"github.com/saa-study/saa-study/sim/edge"
	"github.com/saa-study/saa-study/ui/text"
)

// edgeTraced is how many of the first requests a console run traces: the
// latency chart is drawn per request from them.
const edgeTraced = 30

func edgeEngine() engine {
	return engine{
		id: "edge",
		fields: func() fieldSet {
			var actions, triggers []string
			for _, a := range edge.Actions() {
				actions = append(actions, string(a))
			}
			for _, tr := range edge.Triggers() {
				if tr != edge.ConnectionRequest {
					triggers = append(triggers, string(tr))
				}
			}
			fn := choiceField("simf.function", "cff", "lae", "none")
			hitRatio := numField("simf.hit_ratio", 0, 0.1, 0, 0.99)
			hitRatio.zero = "auto"
			paths := ladderField("simf.keys", 0, 0, 10, 100, 1000, 10000)
			paths.zero = "auto"
			return fieldSet{
				ladderField("simf.requests", 10000, 100, 1000, 10000, 100000),
				hitRatio,
				paths,
				fn,
				choiceField("simf.trigger", triggers...),
				choiceField("simf.action", actions...),
			}
		},
		scenarios: func() ([]scenario, error) {
			all, err := edge.Scenarios()
			if err != nil {
				return nil, fmt.Errorf("edge scenarios: %w", err)
			}
			out := make([]scenario, 0, len(all))
			for _, s := range all {
				out = append(out, scenario{s.ID, s.Title, s.Lesson})
			}
			return out, nil
		},
		settings: edgeSettings,
		info:     infoOf(edge.Scenarios),
		quick: func(fs fieldSet, t func(string) string) (outcome, error) {
			fn := fs.s("function")
			if fn == "none" {
				fn = ""
			}
			o := edge.QuickOptions{Requests: fs.i("requests"), HitRatioTarget: fs.n("hit_ratio"), Keys: fs.i("keys"),
				Function: fn, Trigger: edge.Trigger(fs.s("trigger")), Action: edge.Action(fs.s("action")), Seed: 1}
			out := outcome{title: t("sim.yours"), metrics: []string{t("simm.latency_req")}, xunit: "#"}
			d, err := edge.QuickDistribution(o)
			if err != nil {
				out.runs = []variant{edgeRefused(t("sim.yours"), err, t)}
				return out, nil
			}
			w := edge.Workload{Requests: o.Requests, Keys: o.Keys, Seed: o.Seed, Trace: edgeTraced}
			if o.HitRatioTarget > 0 {
				w.KeyDist, w.HitRatioTarget = edge.KeysTarget, o.HitRatioTarget
				if w.Keys == 0 {
					w.Keys = w.Requests
				}
			}
			s, err := edge.Run(d, w)
			if err != nil {
				out.runs = []variant{edgeRefused(t("sim.yours"), err, t)}
				return out, nil
			}
			out.runs = []variant{edgeRun(t("sim.yours"), s, t)}
			return out, nil
		},
		scenario: func(id string, t func(string) string) (outcome, error) {
			all, err := edge.Scenarios()
			if err != nil {
				return outcome{}, fmt.Errorf("edge scenarios: %w", err)
			}
			for _, sc := range all {
				if sc.ID != id {
					continue
				}
				sc.Workload.Trace = max(sc.Workload.Trace, edgeTraced)
				out := outcome{title: sc.Title, lesson: sc.Lesson, metrics: []string{t("simm.latency_req")}, xunit: "#"}
				runs, _ := sc.Run() // a refused distribution is a run, never an error
				for _, r := range runs {
					switch {
					case r.Refusal != nil:
						out.runs = append(out.runs, edgeRefused(r.Label(langOf(t)), r.Refusal, t))
					case r.Summary != nil:
						out.runs = append(out.runs, edgeRun(r.Label(langOf(t)), *r.Summary, t))
					}
				}
				return out, nil
			}
			return outcome{}, fmt.Errorf("no edge scenario %q", id)
		},
	}
}

// edgeRefused shows a distribution CloudFront would not accept: the refusal
// is the lesson, so it is the explanation, with the rule's fact id.
func edgeRefused(label string, err error, t func(string) string) variant {
	text := err.Error()
	var e *edge.Error
	if errors.As(err, &e) {
		// The engine wraps the refusal with where it happened; the refusal
		// itself reads the way CloudFront words it (and, in Korean, says
		// the same in Korean, the exception's name kept).
		text = e.In(langOf(t))
		if e.Fact != "" {
			text += " [" + e.Fact + "]"
		}
	}
	return variant{label: label, explain: t("sim.refused") + " " + text, events: []string{text}}
}

func edgeRun(label string, s edge.Summary, t func(string) string) variant {
	lat := make([]float64, len(s.Trace))
	for i, r := range s.Trace {
		lat[i] = r.LatencyMs
	}
	run := variant{
		label:  label,
		series: [][]float64{lat},
		stats: [][2]string{
			{t("sims.requests"), text.Comma(int64(s.Requests))},
			{t("sims.hit_ratio"), fmt.Sprintf("%.1f%%", 100*s.HitRatio)},
			{t("sims.origin_fetches"), text.Comma(int64(s.OriginFetches))},
			{t("sims.generated"), text.Comma(int64(s.Generated))},
			{t("sims.errors"), text.Comma(int64(s.Errors))},
			{"p50 / p99 ms", fmt.Sprintf("%.1f / %.1f", s.LatencyP50Ms, s.LatencyP99Ms)},
			{t("sims.cost"), fmt.Sprintf("$%.6f", s.Cost.TotalUSD)},
			{t("sims.per_million"), fmt.Sprintf("$%.4f", s.Cost.PerMillionUSD)},
		},
		explain: s.Explain(langOf(t)),
	}
	for _, tr := range edge.Triggers() {
		if n, ok := s.Invocations[tr]; ok {
			run.stats = append(run.stats, [2]string{string(tr), text.Comma(int64(n))})
			run.events = append(run.events, fmt.Sprintf("%s: %s %s", tr, text.Comma(int64(n)), t("sim.invocations")))
		}
	}
	var trace []string
	for _, r := range s.Trace {
		trace = append(trace, fmt.Sprintf("#%d %s  %s %s  → %d  %.1f ms", r.N, r.Path, t("sim.cache"), cacheWord(r.Cache, t), r.Status, r.LatencyMs))
		for _, st := range r.Steps {
			trace = append(trace, fmt.Sprintf("   %7.1f ms  %s %s", st.AtMs, text.PadRight(stageWord(st.Stage, t), 15), st.In(langOf(t))))
		}
	}
	run.pages = []page{{name: t("sim.v.trace"), lines: trace}, {name: t("sim.v.cost"), lines: s.Cost.In(langOf(t))}}
	return run
}

// cacheWord is a traced request's cache outcome ("hit", "miss" or "-") in
// the console's language.
func cacheWord(c string, t func(string) string) string {
	switch c {
	case "hit", "miss":
		return t("sim.cache." + c)
	}
	return c
}

// stageWord is a trace step's stage in the console's language: the cache
// and the origin are words; triggers keep CloudFront's event names.
func stageWord(stage string, t func(string) string) string {
	switch stage {
	case "cache":
		return t("sim.cache")
	case "origin":
		return t("sim.origin")
	}
	return stage
}
