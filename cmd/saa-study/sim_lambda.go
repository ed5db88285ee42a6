package main

import (
	"fmt"
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/sim/apigateway"
	"github.com/saa-study/saa-study/sim/lambda"
	"github.com/saa-study/saa-study/sim/say"
)

func newSimLambdaCmd(g *globals) *cobra.Command {
	var o lambda.QuickOptions
	var reserved int
	var scenario string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lambda",
		Short: "A Lambda function under load: concurrency, throttles, cold starts and the bill",
		Example: `  saa-study sim lambda --memory 1024 --duration-ms 1000 --rps 100 --seconds 60 --json
  saa-study sim lambda --rps 100 --duration-ms 2000 --seconds 60 --reserved 100
  saa-study sim lambda --scenario provisioned-cold-starts`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if scenario != "" {
				return runLambdaScenario(g, scenario, asJSON)
			}
			if cmd.Flags().Changed("reserved") {
				o.Reserved = &reserved
			}
			res, err := lambda.Quick(o)
			if err != nil {
				return simError(err)
			}
			if asJSON {
				return writeJSON(g, res)
			}
			lang := g.simLang()
			t := func(k string) string { return text.T(content.Lang(lang), k) }
			fmt.Fprintln(g.stdout, figures(t("sims.requests"), res.Requests, t("sims.invocations"), res.Invocations, t("sims.succeeded"), res.Succeeded,
				t("sims.throttled"), res.Throttled, t("sims.timed_out"), res.TimedOut, t("sims.cold_starts"), res.ColdStarts, t("sims.max_concurrency"), res.MaxConcurrency))
			labelW := 0 // the widest label sets the column, so every line lines up
			for _, l := range res.Bill {
				label, _ := l.In(lang)
				labelW = max(labelW, text.Width(label))
			}
			for _, l := range res.Bill {
				label, ar := l.In(lang)
				fmt.Fprintf(g.stdout, "  %s%s %s\n", label, strings.Repeat(" ", labelW-text.Width(label)), ar)
			}
			why := say.Pick(lang, res.Explanation, res.ExplanationKo)
			fmt.Fprintf(g.stdout, "%s $%.2f\n%s\n", t("simc.total"), res.CostUSD.Total, why)
			return nil
		},
	}
	d := lambda.QuickDefaults() // the console's form starts from the same values
	f := cmd.Flags()
	f.IntVar(&o.Memory, "memory", d.Memory, "memory in MB (128–10240)")
	f.Float64Var(&o.DurationMS, "duration-ms", d.DurationMS, "time one invocation takes, in ms (at 1,769 MB when --cpu-share > 0)")
	f.Float64Var(&o.RPS, "rps", d.RPS, "requests per second")
	f.Float64Var(&o.Seconds, "seconds", d.Seconds, "how long the load lasts")
	f.IntVar(&reserved, "reserved", 0, "reserved concurrency (unset: none)")
	f.IntVar(&o.Provisioned, "provisioned", d.Provisioned, "provisioned concurrency")
	f.IntVar(&o.AccountLimit, "account-limit", d.AccountLimit, "the account's concurrency limit")
	f.IntVar(&o.ColdStartMS, "cold-start-ms", d.ColdStartMS, "Milliseconds a cold start adds (the INIT phase)")
	f.Float64Var(&o.CPUShare, "cpu-share", d.CPUShare, "share of the duration that is CPU-bound (0..1); 0 = duration does not depend on memory")
	f.StringVar(&o.Arch, "arch", d.Arch, "x86_64 or arm64")
	f.BoolVar(&o.FreeTier, "free-tier", d.FreeTier, "apply the monthly free tier")
	f.Uint64Var(&o.Seed, "seed", d.Seed, "random seed")
	f.StringVar(&scenario, "scenario", "", "run a scenario: a shipped id or a YAML file")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func runLambdaScenario(g *globals, arg string, asJSON bool) error {
	return runScenario(g, arg, asJSON, lambda.ParseScenario, lambda.Scenarios, func(g *globals, runs []lambda.VariantResult) {
		lang := g.simLang()
		t := func(k string) string { return text.T(content.Lang(lang), k) }
		for _, r := range runs {
			res := r.Result
			fmt.Fprintf(g.stdout, "[%s] %s  %s $%.2f\n  %s\n\n", r.Label,
				figures(t("sims.requests"), res.Requests, t("sims.invocations"), res.Invocations, t("sims.throttled"), res.Throttled,
					t("sims.cold_starts"), res.ColdStarts, t("sims.max_concurrency"), res.MaxConcurrency),
				t("simc.total"), res.Bill.Total, res.Explanation.In(lang))
		}
	}, nil)
}

func newSimAPIGatewayCmd(g *globals) *cobra.Command {
	var o apigateway.QuickOptions
	var scenario string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "apigateway",
		Short: "A REST API under load: throttling, quotas, caching, authorizers, timeouts",
		Example: `  saa-study sim apigateway --rps 12000 --seconds 10 --json
  saa-study sim apigateway --rps 50 --seconds 60 --integration-ms 30000 --cache-ttl 300
  saa-study sim apigateway --scenario quota-exhausted`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if scenario != "" {
				return runAPIGatewayScenario(g, scenario, asJSON)
			}
			res, err := apigateway.Quick(o)
			if err != nil {
				return simError(err)
			}
			if asJSON {
				return writeJSON(g, res)
			}
			lang := g.simLang()
			t := func(k string) string { return text.T(content.Lang(lang), k) }
			why := say.Pick(lang, res.Explanation, res.ExplanationKo)
			fmt.Fprintf(g.stdout, "%s\n%s\n", figures(t("sims.requests"), res.Requests, t("simc.ok"), res.OK, t("sims.throttled"), res.Throttled,
				t("sims.quota"), res.QuotaExceeded, t("simc.timeouts"), res.Timeouts, t("sims.cache_hits"), res.CacheHits), why)
			return nil
		},
	}
	f := cmd.Flags()
	f.Float64Var(&o.RPS, "rps", 100, "requests per second")
	f.Float64Var(&o.Seconds, "seconds", 10, "how long the load lasts")
	f.Float64Var(&o.Rate, "rate", 0, "stage throttle rate, requests/s (0: account level only)")
	f.IntVar(&o.Burst, "burst", 0, "stage throttle burst")
	f.IntVar(&o.CacheTTL, "cache-ttl", 0, "stage cache TTL in seconds (0: no cache; max 3600)")
	f.Float64Var(&o.IntegrationMS, "integration-ms", 50, "how long the backend takes, in ms")
	f.Uint64Var(&o.Seed, "seed", 1, "random seed")
	f.StringVar(&scenario, "scenario", "", "run a scenario: a shipped id or a YAML file")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func runAPIGatewayScenario(g *globals, arg string, asJSON bool) error {
	return runScenario(g, arg, asJSON, apigateway.ParseScenario, apigateway.Scenarios, func(g *globals, runs []apigateway.VariantResult) {
		lang := g.simLang()
		for _, r := range runs {
			why := say.Pick(lang, r.Result.Explanation, r.Result.ExplanationKo)
			fmt.Fprintf(g.stdout, "[%s] %s\n", r.Label, why)
		}
	}, nil)
}

// simLang is the language a sim command prints in: "en" or "ko" (an
// unusable --lang has already been refused by the time a run prints).
func (g *globals) simLang() string {
	lang, err := g.printLang()
	if err != nil {
		return "en"
	}
	return string(lang)
}

// figures prints label–number pairs as a sim summary line:
// "requests 6000  invocations 3000".
func figures(pairs ...any) string {
	var parts []string
	for i := 0; i+1 < len(pairs); i += 2 {
		parts = append(parts, fmt.Sprintf("%v %v", pairs[i], pairs[i+1]))
	}
	return strings.Join(parts, "  ")
}
