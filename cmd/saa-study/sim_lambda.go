package main

import (
	"fmt"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/sim/apigateway"
	"github.com/saa-study/saa-study/sim/lambda"
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
			fmt.Fprintf(g.stdout, "requests %d  invocations %d  succeeded %d  throttled %d  timed out %d  cold starts %d  max concurrency %d\n",
				res.Requests, res.Invocations, res.Succeeded, res.Throttled, res.TimedOut, res.ColdStarts, res.MaxConcurrency)
			labelW := 0 // the widest label sets the column, so every line lines up
			for _, l := range res.Bill {
				labelW = max(labelW, utf8.RuneCountInString(l.Label))
			}
			for _, l := range res.Bill {
				fmt.Fprintf(g.stdout, "  %-*s %s\n", labelW, l.Label, l.Arithmetic)
			}
			fmt.Fprintf(g.stdout, "total $%.2f\n%s\n", res.CostUSD.Total, res.Explanation)
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
	f.IntVar(&o.ColdStartMS, "cold-start-ms", d.ColdStartMS, "INIT duration of a cold start, in ms")
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
		for _, r := range runs {
			res := r.Result
			fmt.Fprintf(g.stdout, "[%s] requests %d  invocations %d  throttled %d  cold starts %d  max concurrency %d  total $%.2f\n  %s\n\n",
				r.Label, res.Requests, res.Invocations, res.Throttled, res.ColdStarts, res.MaxConcurrency, res.Bill.Total, res.Explanation.String())
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
			fmt.Fprintf(g.stdout, "requests %d  ok %d  throttled %d  quota exceeded %d  timeouts %d  cache hits %d\n%s\n",
				res.Requests, res.OK, res.Throttled, res.QuotaExceeded, res.Timeouts, res.CacheHits, res.Explanation)
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
		for _, r := range runs {
			fmt.Fprintf(g.stdout, "[%s] %s\n", r.Label, r.Result.Explanation)
		}
	}, nil)
}
