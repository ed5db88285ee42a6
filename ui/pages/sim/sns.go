package sim

import (
	"errors"
	"fmt"
	"strings"

	"github.com/saa-study/saa-study/sim/sns"
	"github.com/saa-study/saa-study/ui/text"
)

// snsFraudFilters are the fraud subscription's filter policies the form
// offers, from none to exactly what fraud needs (on the attributes, then
// on the body); the CLI and the labs take any policy.
var snsFraudFilters = []struct{ name, policy string }{
	{"none", ""},
	{"country", `{"country":["US"]}`},
	{"country+amount", `{"country":["US"],"amount":[{"numeric":[">",100]}]}`},
	{"placed+country+amount", sns.FraudWants},
	{"body:placed+country+amount", sns.FraudWants},
}

func snsEngine() engine {
	return engine{
		id: "sns",
		fields: func() fieldSet {
			var fraud []string
			for _, f := range snsFraudFilters {
				fraud = append(fraud, f.name)
			}
			return fieldSet{
				ladderField("simf.orders", 1000, 100, 500, 1000, 5000, 10000),
				ladderField("simf.customers", 50, 1, 10, 50, 200),
				choiceField("simf.topic", "standard", "fifo"),
				choiceField("simf.queue", "standard", "fifo"),
				choiceField("simf.fraud_filter", fraud...),
				choiceField("simf.shipping_filter", "none", "placed+cancelled"),
			}
		},
		scenarios: func() ([]scenario, error) {
			all, err := sns.Scenarios()
			if err != nil {
				return nil, fmt.Errorf("sns scenarios: %w", err)
			}
			out := make([]scenario, 0, len(all))
			for _, s := range all {
				out = append(out, scenario{s.ID, s.Title, s.Lesson})
			}
			return out, nil
		},
		info: infoOf(sns.Scenarios),
		quick: func(fs fieldSet, t func(string) string) (outcome, error) {
			o := sns.QuickOptions{Orders: fs.i("orders"), Customers: fs.i("customers"), FIFOTopic: fs.s("topic") == "fifo",
				FIFOQueue: fs.s("queue") == "fifo", Seed: 1}
			for _, f := range snsFraudFilters {
				if f.name == fs.s("fraud_filter") {
					o.FraudPolicy = f.policy
					if len(f.name) > 5 && f.name[:5] == "body:" {
						o.FraudScope = sns.ScopeBody
					}
				}
			}
			if fs.s("shipping_filter") != "none" {
				o.ShippingPolicy = sns.ShippingWants
			}
			// A lab's own policies, typed whole, stand for the presets.
			if fs.has("fraud_policy") {
				o.FraudPolicy, o.FraudScope = fs.s("fraud_policy"), sns.Scope(fs.s("fraud_scope"))
			}
			if fs.has("shipping_policy") {
				o.ShippingPolicy = fs.s("shipping_policy")
			}
			cfg := sns.QuickConfig(o)
			out := outcome{title: t("sim.yours"), metrics: snsMetrics(cfg, t), xunit: "#", overlay: true}
			r, err := sns.Run(cfg)
			if err != nil {
				out.runs = []variant{snsRefused(t("sim.yours"), err, cfg, t)}
				return out, nil
			}
			out.runs = []variant{snsRun(t("sim.yours"), r, cfg, out.metrics, t)}
			return out, nil
		},
		scenario: func(id string, t func(string) string) (outcome, error) {
			all, err := sns.Scenarios()
			if err != nil {
				return outcome{}, fmt.Errorf("sns scenarios: %w", err)
			}
			for _, sc := range all {
				if sc.ID != id {
					continue
				}
				runs, err := sc.Run()
				if err != nil {
					return outcome{}, fmt.Errorf("sns scenario %s: %w", id, err)
				}
				out := outcome{title: sc.Title, lesson: sc.Lesson, xunit: "#", overlay: true}
				for _, r := range sc.Runs {
					if len(r.Config.Subscriptions) >= len(out.metrics) {
						out.metrics = snsMetrics(r.Config, t)
					}
				}
				for i, r := range runs {
					cfg := sc.Runs[i].Config
					if r.Refusal != nil {
						out.runs = append(out.runs, snsRefused(r.Label(langOf(t)), r.Refusal, cfg, t))
						continue
					}
					out.runs = append(out.runs, snsRun(r.Label(langOf(t)), *r.Result, cfg, out.metrics, t))
				}
				return out, nil
			}
			return outcome{}, fmt.Errorf("no sns scenario %q", id)
		},
	}
}

// snsRefused shows a topic SNS would not accept: the refusal is the lesson.
func snsRefused(label string, err error, cfg sns.Config, t func(string) string) variant {
	msg := err.Error()
	var e *sns.Error
	if errors.As(err, &e) {
		msg = e.In(langOf(t))
		if e.Fact != "" {
			msg += " [" + e.Fact + "]"
		}
	}
	return variant{label: label, explain: t("sim.refused") + " " + msg, events: []string{msg},
		pages: []page{{name: t("sim.v.policies"), lines: snsPolicies(cfg, t)}}}
}

// snsMetrics are the chart's series: the messages each subscriber (at
// most three, drawn together) has received as the orders are published.
func snsMetrics(cfg sns.Config, t func(string) string) []string {
	var out []string
	for _, s := range cfg.Subscriptions {
		if len(out) < 3 {
			out = append(out, s.Name+" "+t("simm.sns_received"))
		}
	}
	return out
}

func snsRun(label string, r sns.Result, cfg sns.Config, metrics []string, t func(string) string) variant {
	run := variant{
		label: label,
		stats: [][2]string{
			{t("sims.published"), text.Comma(int64(r.Published))},
			{t("sims.deliveries"), text.Comma(int64(r.Deliveries))},
			{t("sims.filtered_out"), text.Comma(int64(r.FilteredOut))},
		},
		explain: r.Explanation,
	}
	if t("sim.lang") == "ko" {
		run.explain = r.ExplanationKo
	}
	var subs []string
	for _, n := range r.Names {
		s := r.Subs[n]
		run.stats = append(run.stats,
			[2]string{n + " " + t("sims.delivered"), text.Comma(int64(s.Delivered))},
			[2]string{n + " " + t("sims.unwanted"), text.Comma(int64(s.Unwanted))},
			[2]string{n + " " + t("sims.missed"), text.Comma(int64(s.Missed))},
			[2]string{n + " " + t("sims.reordered"), text.Comma(int64(s.OutOfOrder))})
		subs = append(subs, fmt.Sprintf("%s (%s): %s %s, %s %s, %s %s, %s %s, %s %s", n, s.Protocol,
			t("sims.delivered"), text.Comma(int64(s.Delivered)), t("sims.filtered_out"), text.Comma(int64(s.FilteredOut)),
			t("sims.unwanted"), text.Comma(int64(s.Unwanted)), t("sims.missed"), text.Comma(int64(s.Missed)),
			t("sims.reordered"), text.Comma(int64(s.OutOfOrder))))
	}
	run.events = subs
	for _, m := range metrics {
		name, _, _ := strings.Cut(m, " ") // "fraud received"
		series := r.Received[name]
		if series == nil && len(r.Names) > 0 {
			series = make([]float64, len(r.Received[r.Names[0]]))
		}
		run.series = append(run.series, series)
	}
	run.pages = []page{{name: t("sim.v.policies"), lines: snsPolicies(cfg, t)}}
	return run
}

// snsPolicies lists each subscription with its filter policy and what it
// needs, so a run can be read against the policies that produced it.
func snsPolicies(cfg sns.Config, t func(string) string) []string {
	kind := t("sim.sns.standard")
	if cfg.FIFO {
		kind = t("sim.sns.fifo")
	}
	lines := []string{kind, ""}
	for _, s := range cfg.Subscriptions {
		head := s.Name + " (" + s.Protocol
		if s.FIFOQueue {
			head += ", FIFO"
		}
		head += ")"
		policy := s.FilterPolicy
		if policy == "" {
			policy = t("sim.sns.nopolicy")
		}
		if s.Scope == sns.ScopeBody {
			policy += " · MessageBody"
		}
		lines = append(lines, head, "  "+t("sim.sns.policy")+" "+policy)
		if s.Wants != "" {
			lines = append(lines, "  "+t("sim.sns.needs")+" "+s.Wants)
		}
		lines = append(lines, "")
	}
	return lines
}
