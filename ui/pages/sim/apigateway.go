package sim

import (
	"fmt"
	"time"

	"github.com/saa-study/saa-study/content"

	"github.com/saa-study/saa-study/sim/apigateway"
	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/say"
	"github.com/saa-study/saa-study/ui/text"
)

func apigatewayEngine() engine {
	return engine{
		id: "apigateway",
		fields: func() fieldSet {
			return fieldSet{
				ladderField("simf.rps", 12000, 10, 50, 100, 1000, 5000, 10000, 12000, 15000, 20000),
				ladderField("simf.seconds", 10, 5, 10, 30, 60),
				ladderField("simf.stage_rate", 0, 0, 10, 50, 100, 500, 1000, 5000, 10000),
				ladderField("simf.stage_burst", 0, 0, 10, 50, 100, 500, 1000, 5000),
				ladderField("simf.cache_ttl", 0, 0, 60, 300, 3600),
				ladderField("simf.integration_ms", 50, 10, 50, 100, 500, 1000, 5000, 10000, 29000, 30000),
			}
		},
		scenarios: func() ([]scenario, error) {
			all, err := apigateway.Scenarios()
			if err != nil {
				return nil, fmt.Errorf("api gateway scenarios: %w", err)
			}
			out := make([]scenario, 0, len(all))
			for _, s := range all {
				out = append(out, scenario{s.ID, s.Title, s.Lesson})
			}
			return out, nil
		},
		settings: apigwSettings,
		info:     infoOf(apigateway.Scenarios),
		quick: func(fs fieldSet, t func(string) string) (outcome, error) {
			q := apigateway.QuickOptions{RPS: fs.n("rps"), Seconds: fs.n("seconds"), Rate: fs.n("stage_rate"),
				Burst: fs.i("stage_burst"), CacheTTL: fs.i("cache_ttl"), IntegrationMS: fs.n("integration_ms"), Seed: 1}
			// The same traffic Quick sends, through Simulate for the series.
			r, err := apigateway.Simulate(apigateway.QuickAPI(q), apigateway.Traffic{
				Phases:   []apigateway.Phase{{Seconds: q.Seconds, RPS: q.RPS}},
				Template: apigateway.Request{Stage: "prod", Method: "GET", Path: "/items"}}, q.Seed)
			if err != nil {
				return outcome{}, fmt.Errorf("api gateway run: %w", err)
			}
			run := apigwRun(t("sim.yours"), r, t)
			if n, resp, ok := firstRefused(apigateway.QuickAPI(q), q); ok {
				run.pages[0].lines = append(run.pages[0].lines, "")
				run.pages[0].lines = append(run.pages[0].lines, requestPath(fmt.Sprintf(t("sim.first_refused"), text.Comma(int64(n))), resp, langOf(t))...)
			}
			return outcome{title: t("sim.yours"), metrics: apigwMetrics(t), runs: []variant{run}}, nil
		},
		scenario: func(id string, t func(string) string) (outcome, error) {
			sc, err := apigateway.ScenarioByID(id)
			if err != nil {
				return outcome{}, fmt.Errorf("api gateway scenario: %w", err)
			}
			vrs, err := sc.Run()
			if err != nil {
				return outcome{}, fmt.Errorf("api gateway scenario: %w", err)
			}
			out := outcome{title: sc.Title, lesson: sc.Lesson, metrics: apigwMetrics(t)}
			for _, v := range vrs {
				out.runs = append(out.runs, apigwRun(v.Label, v.Result, t))
			}
			return out, nil
		},
	}
}

func apigwMetrics(t func(string) string) []string {
	return []string{t("simm.requests"), t("simm.throttles"), t("simm.p99"), t("simm.cache_hits"), t("simm.timeouts")}
}

func apigwRun(label string, r apigateway.Result, t func(string) string) variant {
	n := len(r.Series)
	req, thr, p99, hits, to := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i, s := range r.Series {
		req[i], thr[i], p99[i], hits[i], to[i] = float64(s.Requests), float64(s.Throttled+s.Quota), s.P99MS, float64(s.CacheHits), float64(s.Timeouts)
	}
	c := r.Counters
	run := variant{
		label:  label,
		series: [][]float64{req, thr, p99, hits, to},
		stats: [][2]string{
			{t("sims.requests"), text.Comma(c.Requests)},
			{t("sims.ok"), text.Comma(c.OK)},
			{t("sims.throttled"), text.Comma(c.Throttled)},
			{t("sims.quota"), text.Comma(c.QuotaExceeded)},
			{t("sims.timed_out"), text.Comma(c.Timeouts)},
			{t("sims.denied"), text.Comma(c.Unauthorized + c.Forbidden)},
			{t("sims.cache_hits"), fmt.Sprintf("%s (%.0f%%)", text.Comma(c.CacheHits), 100*c.CacheHitRatio())},
			{t("sims.integration_calls"), text.Comma(c.IntegrationCalls)},
		},
		explain: withFactID(say.Pick(langOf(t), r.Explanation, r.ExplanationKo), r.Fact),
	}
	for _, e := range r.Events {
		line := e.In(langOf(t))
		if e.Fact != "" {
			line += " [" + e.Fact + "]"
		}
		run.events = append(run.events, line)
	}
	// The first request, step by step through the pipeline.
	run.pages = []page{{name: t("sim.v.path"), lines: requestPath(t("sim.first_request"), r.Sample, langOf(t))}}
	return run
}

// requestPath lists one request's steps through the pipeline, each passed
// (✓) or where it stopped (✗), with the fact behind the rule.
func requestPath(title string, resp apigateway.Response, lang string) []string {
	msg := resp.Message
	if msg == "OK (from cache)" { // the one status text the simulator adds to the service's own
		msg = text.T(content.Lang(lang), "sim.fromcache")
	}
	path := []string{fmt.Sprintf("%s → %d %s (%.1f ms)", title, resp.Status, msg, resp.LatencyMS)}
	for i, s := range resp.Steps {
		mark := "✓"
		if !s.OK {
			mark = "✗"
		}
		name, detail := s.In(lang)
		line := fmt.Sprintf("%2d %s %s %s", i+1, mark, text.PadRight(name, 14), detail)
		if s.Fact != "" {
			line += " [" + s.Fact + "]"
		}
		path = append(path, line)
	}
	return path
}

// maxReplay bounds the search for a refused request, so a long run does not
// keep the console busy.
const maxReplay = 200_000

// firstRefused replays the form's steady traffic through a fresh gateway,
// tracing each request, and returns the first one that did not get a 2xx:
// the request whose path shows which rule stopped it.
func firstRefused(api apigateway.API, q apigateway.QuickOptions) (int, apigateway.Response, bool) {
	if q.RPS <= 0 {
		return 0, apigateway.Response{}, false
	}
	clk := clock.New(clock.Epoch)
	g, err := apigateway.New(api, clk, q.Seed)
	if err != nil {
		return 0, apigateway.Response{}, false
	}
	total := min(int(q.RPS*q.Seconds), maxReplay)
	for i := range total {
		clk.Set(clock.Epoch.Add(time.Duration(float64(i) / q.RPS * float64(time.Second))))
		r := g.Handle(apigateway.Request{Stage: "prod", Method: "GET", Path: "/items", Trace: true})
		if r.Status < 200 || r.Status > 299 {
			return i + 1, r, true
		}
	}
	return 0, apigateway.Response{}, false
}

// withFactID appends the fact id the way the engines' String methods do.
func withFactID(text, fact string) string {
	if fact == "" {
		return text
	}
	return text + " [" + fact + "]"
}
