package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/sns"
	"github.com/saa-study/saa-study/ui/text"
)

func newSimSNSCmd(g *globals) *cobra.Command {
	var o sns.QuickOptions
	var scope, scenario string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "sns",
		Short: "An SNS topic fanning out to SQS queues: filter policies, FIFO order, what each subscriber receives",
		Long: `Publishes generated orders to a topic with three SQS subscribers: fraud (needs
orders placed in the US above 100 USD), shipping (placed and cancelled orders,
each customer in order) and analytics (everything). Each subscription's filter
policy is checked as SNS checks it; the run counts what each queue received,
what it did not need, what it missed and what it read out of order.`,
		Example: `  saa-study sim sns --fraud-policy '{"country": ["US"]}' --json
  saa-study sim sns --fifo-topic --fifo-queue
  saa-study sim sns --fraud-policy '{"amount": [{"numeric": [">", 5, "<", 1]}]}'   # refused, and why
  saa-study sim sns --scenario orders-fanout --lang ko`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if scenario != "" {
				return runSNSScenario(g, scenario, asJSON)
			}
			o.FraudScope = sns.Scope(scope)
			res, err := sns.Quick(o)
			if err != nil {
				return simError(err)
			}
			if asJSON {
				return writeJSON(g, res)
			}
			printSNS(g, "", res)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.Orders, "orders", 1000, "order events to publish")
	f.IntVar(&o.Customers, "customers", 50, "customers (message groups) the orders spread over")
	f.BoolVar(&o.FIFOTopic, "fifo-topic", false, "make the topic a FIFO topic")
	f.BoolVar(&o.FIFOQueue, "fifo-queue", false, "make the three queues FIFO queues (needs --fifo-topic)")
	f.StringVar(&o.FraudPolicy, "fraud-policy", "", "the fraud subscription's filter policy (JSON)")
	f.StringVar(&scope, "fraud-scope", string(sns.ScopeAttributes), "what the fraud policy reads: MessageAttributes or MessageBody")
	f.StringVar(&o.ShippingPolicy, "shipping-policy", "", "the shipping subscription's filter policy (JSON)")
	f.Uint64Var(&o.Seed, "seed", 1, "random seed")
	f.StringVar(&scenario, "scenario", "", "run a scenario: a shipped id or a YAML file")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func runSNSScenario(g *globals, arg string, asJSON bool) error {
	return runScenario(g, arg, asJSON, sns.ParseScenario, sns.Scenarios, func(g *globals, runs []sns.RunResult) {
		for _, r := range runs {
			if r.Refusal != nil {
				fmt.Fprintf(g.stdout, "[%s] refused: %v\n\n", r.Name, r.Refusal)
				continue
			}
			printSNS(g, r.Name, *r.Result)
		}
	}, func(sc sns.Scenario) map[string]any { return map[string]any{"fact": sc.Fact} })
}

func printSNS(g *globals, name string, r sns.Result) {
	if name != "" {
		fmt.Fprintf(g.stdout, "[%s]\n", name)
	}
	kind := "standard"
	if r.FIFOTopic {
		kind = "FIFO"
	}
	fmt.Fprintf(g.stdout, "%s topic: published %s  deliveries %s  filtered out %s\n", kind, text.Comma(int64(r.Published)), text.Comma(int64(r.Deliveries)), text.Comma(int64(r.FilteredOut)))
	fmt.Fprintf(g.stdout, "  %-12s %-8s %10s %10s %10s %10s %10s\n", "subscriber", "protocol", "delivered", "filtered", "unwanted", "missed", "reordered")
	for _, n := range r.Names {
		s := r.Subs[n]
		fmt.Fprintf(g.stdout, "  %-12s %-8s %10s %10s %10s %10s %10s\n", n, s.Protocol, text.Comma(int64(s.Delivered)), text.Comma(int64(s.FilteredOut)),
			text.Comma(int64(s.Unwanted)), text.Comma(int64(s.Missed)), text.Comma(int64(s.OutOfOrder)))
	}
	why := r.Explanation
	if lang, err := g.printLang(); err == nil && lang == content.KO {
		why = r.ExplanationKo
	}
	fmt.Fprintf(g.stdout, "%s\n\n", why)
}
