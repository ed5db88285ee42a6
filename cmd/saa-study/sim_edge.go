package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"

	"github.com/saa-study/saa-study/sim/edge"
	"github.com/saa-study/saa-study/sim/rdsproxy"
	"github.com/saa-study/saa-study/sim/say"
)

func newSimEdgeCmd(g *globals) *cobra.Command {
	var o edge.QuickOptions
	var trigger, action, scenario string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "edge",
		Short: "A CloudFront distribution with CloudFront Functions or Lambda@Edge: cache, triggers, latency, cost",
		Example: `  saa-study sim edge --requests 100000 --function cff --trigger viewer-request --json
  saa-study sim edge --function cff --trigger origin-request     # refused, and why
  saa-study sim edge --scenario origin-selection`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if scenario != "" {
				return runEdgeScenario(g, scenario, asJSON)
			}
			o.Trigger, o.Action = edge.Trigger(trigger), edge.Action(action)
			sum, err := edge.Quick(o)
			var refused *edge.Error
			if errors.As(err, &refused) && g.simLang() == "ko" {
				return &exitError{code: 1, msg: refused.In("ko")}
			}
			if err != nil {
				return simError(err)
			}
			if asJSON {
				return writeJSON(g, sum)
			}
			printEdge(g, "", sum)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.Requests, "requests", 10000, "requests to send")
	f.IntVar(&o.Keys, "keys", 0, "distinct paths (default: the engine's)")
	f.Float64Var(&o.HitRatioTarget, "hit-ratio", 0, "aim for this cache hit ratio (0..1) instead of a Zipf key mix")
	f.StringVar(&o.Function, "function", "", "attach a function: cff (CloudFront Functions) or lae (Lambda@Edge)")
	f.StringVar(&trigger, "trigger", "viewer-request", "Which event runs the function: viewer-request, origin-request, origin-response or viewer-response")
	f.StringVar(&action, "action", "add-header", "what the function does: add-header, rewrite-uri, redirect-country, check-jwt, ab-cookie, pick-origin, read-body, call-api")
	f.Uint64Var(&o.Seed, "seed", 1, "random seed")
	f.StringVar(&scenario, "scenario", "", "run a scenario: a shipped id or a YAML file")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func runEdgeScenario(g *globals, arg string, asJSON bool) error {
	return runScenario(g, arg, asJSON, edge.ParseScenario, edge.Scenarios, func(g *globals, runs []edge.RunResult) {
		for _, r := range runs {
			lang := g.simLang()
			if r.Refusal != nil {
				fmt.Fprintf(g.stdout, "[%s] %s: %v\n\n", r.Label(lang), text.T(content.Lang(lang), "simc.refused"), r.Refusal.In(lang))
				continue
			}
			printEdge(g, r.Label(lang), *r.Summary)
		}
	}, func(sc edge.Scenario) map[string]any { return map[string]any{"fact": sc.Fact} })
}

func printEdge(g *globals, name string, s edge.Summary) {
	if name != "" {
		fmt.Fprintf(g.stdout, "[%s]\n", name)
	}
	lang := g.simLang()
	t := func(k string) string { return text.T(content.Lang(lang), k) }
	fmt.Fprintln(g.stdout, figures(t("sims.requests"), s.Requests, t("simc.hits"), s.Hits, t("simc.misses"), s.Misses,
		t("sims.hit_ratio"), fmt.Sprintf("%.1f%%", s.HitRatio*100), t("sims.errors"), s.Errors))
	fmt.Fprintf(g.stdout, "%s p50 %.1f ms  p99 %.1f ms\n", t("simc.latency"), s.LatencyP50Ms, s.LatencyP99Ms)
	for tr, n := range s.Invocations {
		fmt.Fprintf(g.stdout, t("simc.fnruns")+"\n", tr, n)
	}
	for _, l := range s.Cost.In(lang) {
		fmt.Fprintf(g.stdout, "  %v\n", l)
	}
	why := say.Pick(lang, s.Explanation, s.ExplanationKo)
	fmt.Fprintf(g.stdout, "%s $%.6f\n%s\n\n", t("sims.cost"), s.Cost.TotalUSD, why)
}

func newSimRDSProxyCmd(g *globals) *cobra.Command {
	var o rdsproxy.QuickOptions
	var scenario string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "rdsproxy",
		Short: "Lambda surging against a database's max_connections, with and without RDS Proxy",
		Example: `  saa-study sim rdsproxy --surge 300 --json
  saa-study sim rdsproxy --surge 300 --proxy
  saa-study sim rdsproxy --scenario failover`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if scenario != "" {
				return runRDSProxyScenario(g, scenario, asJSON)
			}
			res, err := rdsproxy.Quick(o)
			if err != nil {
				return simError(err)
			}
			if asJSON {
				return writeJSON(g, res)
			}
			printRDSProxy(g, "", res)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.MaxConnections, "max-connections", 90, "the database's max_connections")
	f.IntVar(&o.Baseline, "baseline", 10, "Lambda concurrency before and after the surge")
	f.IntVar(&o.Surge, "surge", 200, "Lambda concurrency during the surge")
	f.IntVar(&o.SurgeS, "surge-seconds", 20, "length of the surge")
	f.StringVar(&o.Mode, "mode", "reuse", "reuse (a connection per warm environment) or per-invocation")
	f.BoolVar(&o.Proxy, "proxy", false, "put RDS Proxy in front of the database")
	f.Float64Var(&o.PinnedPct, "pinned-pct", 0, "share of sessions pinned to a connection (0..100)")
	f.Float64Var(&o.BorrowTimeoutS, "borrow-timeout", 0, "Seconds a request waits for a free connection, ConnectionBorrowTimeout (default 120)")
	f.Float64Var(&o.FailoverS, "failover", 0, "fail the writer over for this many seconds during the surge")
	f.Uint64Var(&o.Seed, "seed", 1, "random seed")
	f.StringVar(&scenario, "scenario", "", "run a scenario: a shipped id or a YAML file")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func runRDSProxyScenario(g *globals, arg string, asJSON bool) error {
	return runScenario(g, arg, asJSON, rdsproxy.ParseScenario, rdsproxy.Scenarios, func(g *globals, runs []rdsproxy.RunResult) {
		for _, r := range runs {
			printRDSProxy(g, r.Label(g.simLang()), r.Result)
		}
	}, nil)
}

func printRDSProxy(g *globals, name string, r rdsproxy.Result) {
	if name != "" {
		fmt.Fprintf(g.stdout, "[%s]\n", name)
	}
	lang := g.simLang()
	t := func(k string) string { return text.T(content.Lang(lang), k) }
	fmt.Fprintln(g.stdout, figures(t("sims.invocations"), r.Invocations, t("sims.succeeded"), r.Succeeded, t("sims.failed"), r.Failed,
		t("sims.peak_db"), fmt.Sprintf("%d/%d", r.PeakDBConns, r.MaxConnections), t("sims.peak_queued"), r.PeakQueued))
	for e, n := range r.Errors {
		fmt.Fprintf(g.stdout, "  %d × %s\n", n, e)
	}
	why, _ := r.In(lang)
	fmt.Fprintf(g.stdout, "%s p50 %.0f ms  p99 %.0f ms\n%s\n\n", t("simc.latency"), r.P50Ms, r.P99Ms, why)
}
