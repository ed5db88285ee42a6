package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/lab"
	"github.com/saa-study/saa-study/sim/say"
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
				return snsRefused(g, err)
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
		lang := g.simLang()
		for _, r := range runs {
			if r.Refusal != nil {
				why := r.Refusal.In(lang)
				if r.Refusal.Fact != "" {
					why += " [" + r.Refusal.Fact + "]" // cited as a reference
				}
				fmt.Fprintf(g.stdout, "[%s] %s: %s\n\n", r.Label(lang), text.T(content.Lang(lang), "simc.refused"), why)
				continue
			}
			printSNS(g, r.Label(lang), *r.Result)
		}
	}, func(sc sns.Scenario) map[string]any { return map[string]any{"fact": sc.Fact} })
}

// snsRefused is SNS's refusal as the one-line error: the exception as SNS
// words it, and the limit behind it, if any, as the fact itself.
func snsRefused(g *globals, err error) error {
	var e *sns.Error
	if !errors.As(err, &e) {
		return simError(err)
	}
	msg := e.In(g.simLang())
	if lib, lerr := content.Embedded(); lerr == nil && e.Fact != "" {
		msg += lab.Cite(lib, content.Lang(g.simLang()), " ["+e.Fact+"]")
	}
	return &exitError{code: 1, msg: msg}
}

// printSNS prints a run: the topic's totals, a row per subscriber and the
// engine's explanation, in the language asked for.
func printSNS(g *globals, name string, r sns.Result) {
	if name != "" {
		fmt.Fprintf(g.stdout, "[%s]\n", name)
	}
	lang := g.simLang()
	t := func(k string) string { return text.T(content.Lang(lang), k) }
	kind := t("sim.sns.standard")
	if r.FIFOTopic {
		kind = t("sim.sns.fifo")
	}
	fmt.Fprintln(g.stdout, kind+": "+figures(t("sims.published"), text.Comma(int64(r.Published)), t("sims.deliveries"), text.Comma(int64(r.Deliveries)),
		t("sims.filtered_out"), text.Comma(int64(r.FilteredOut))))
	head := []string{t("simc.subscriber"), t("simc.protocol"), t("sims.delivered"), t("sims.filtered_out"), t("sims.unwanted"), t("sims.missed"), t("sims.reordered")}
	rows := [][]string{head}
	for _, n := range r.Names {
		s := r.Subs[n]
		rows = append(rows, []string{n, s.Protocol, text.Comma(int64(s.Delivered)), text.Comma(int64(s.FilteredOut)),
			text.Comma(int64(s.Unwanted)), text.Comma(int64(s.Missed)), text.Comma(int64(s.OutOfOrder))})
	}
	widths := make([]int, len(head))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], text.Width(c))
		}
	}
	for _, row := range rows {
		line := " "
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-text.Width(c))
			if i < 2 {
				line += " " + c + pad // names to the left, figures to the right
			} else {
				line += "  " + pad + c
			}
		}
		fmt.Fprintln(g.stdout, strings.TrimRight(line, " "))
	}
	why := say.Pick(lang, r.Explanation, r.ExplanationKo)
	fmt.Fprintf(g.stdout, "%s\n\n", why)
}
