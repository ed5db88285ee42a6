package lambda

import "fmt"

func (e *engine) finish() {
	u := &e.res.Usage
	u.MemoryMB = e.cfg.MemoryMB
	u.Arch = e.cfg.Arch
	u.Provisioned = int(e.prov)
	if e.prov > 0 {
		u.ProvisionedSeconds = e.res.SimulatedSeconds
	}
	e.res.Bill = ComputeBill(*u, e.o.FreeTier, e.l)
	if e.res.MaxConcurrency > 0 {
		e.res.Events = append(e.res.Events, Event{AtMS: e.ms(e.now), Kind: "peak",
			Text: fmt.Sprintf("t=%.2fs: run ended; peak concurrency %s", float64(e.ms(e.now))/1000, commas(e.res.MaxConcurrency)),
			Fact: "lambda.concurrency.account"})
	}
	e.res.Explanation = e.explain()
}

func pct(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func (e *engine) explain() Explanation {
	r := &e.res
	if r.Requests == 0 {
		return Explanation{Text: "No requests arrived, so nothing ran and only provisioned concurrency (if any) was billed."}
	}
	if r.Throttled > 0 {
		p := pct(r.Throttled, r.Requests)
		switch {
		case r.ThrottledByReserved >= r.ThrottledByAccount && r.ThrottledByReserved >= r.ThrottledByScaling:
			if e.capN == 0 {
				return Explanation{Text: "Reserved concurrency 0 stops the function: every request was throttled (429).", Fact: "lambda.throttle.code"}
			}
			return Explanation{Text: fmt.Sprintf("Reserved concurrency %d capped the function: %.0f%% of requests were throttled (429).", e.capN, p), Fact: "lambda.throttle.code"}
		case r.ThrottledByAccount >= r.ThrottledByScaling:
			return Explanation{Text: fmt.Sprintf("The account concurrency limit left %d for this function: %.0f%% of requests were throttled (429).", e.capN, p), Fact: "lambda.concurrency.account"}
		default:
			return Explanation{Text: fmt.Sprintf("Lambda adds at most %s environments per %d s per function: %.0f%% of requests were throttled (429) while it scaled.",
				commas(int64(e.l.ScalingEnvs)), e.l.ScalingWindowS, p), Fact: "lambda.scaling.rate"}
		}
	}
	if e.typ != InvokeSync && r.MaxBacklog > 0 {
		what := map[string]string{InvokeAsync: "Lambda's async queue", InvokeSQS: "The SQS queue", InvokeKinesis: "The Kinesis stream"}[e.typ]
		lost := "none were lost"
		if r.DLQ > 0 {
			lost = fmt.Sprintf("%s went to the dead-letter queue", commas(r.DLQ))
		}
		return Explanation{Text: fmt.Sprintf("%s absorbed the load: up to %s events waited (longest %.1f s) and %s; peak concurrency %s.",
			what, commas(r.MaxBacklog), float64(r.MaxWaitMS)/1000, lost, commas(r.MaxConcurrency))}
	}
	if r.TimedOut > 0 {
		return Explanation{Text: fmt.Sprintf("%.0f%% of invocations ran past the %d s timeout and were stopped (and billed for the full %d s).",
			pct(r.TimedOut, r.Invocations), e.cfg.TimeoutS, e.cfg.TimeoutS), Fact: "lambda.timeout.max"}
	}
	if r.Errors > 0 {
		what := "the caller gets the error"
		switch e.typ {
		case InvokeAsync:
			what = fmt.Sprintf("Lambda retried them (after 1 min, then 2 min) and sent %s events to the dead-letter queue", commas(r.DLQ))
		case InvokeSQS, InvokeKinesis:
			what = fmt.Sprintf("the batches were retried and %s records ended in the dead-letter queue", commas(r.DLQ))
		}
		return Explanation{Text: fmt.Sprintf("%.1f%% of invocations failed with a function error; %s.", pct(r.Errors, r.Invocations), what)}
	}
	if e.prov > 0 {
		if r.ColdStarts == 0 {
			return Explanation{Text: fmt.Sprintf("Provisioned concurrency %d served every request without a cold start; keeping it ready cost %s.",
				e.prov, usd(r.Bill.Provisioned)), Fact: "lambda.pc"}
		}
		return Explanation{Text: fmt.Sprintf("Provisioned concurrency %d served %.0f%% of requests warm; %s spilled over to on-demand with cold starts.",
			e.prov, pct(r.ProvisionedStarts, r.Invocations), commas(r.ColdStarts)), Fact: "lambda.pc"}
	}
	if r.ColdStarts > 0 && e.initBilled > 0 && pct(r.ColdStarts, r.Invocations) >= 1 {
		return Explanation{Text: fmt.Sprintf("%s cold start(s) (%.1f%% of invocations) each added %d ms of INIT, which is billed.",
			commas(r.ColdStarts), pct(r.ColdStarts, r.Invocations), e.initBilled), Fact: "lambda.billing.init"}
	}
	return Explanation{Text: fmt.Sprintf("All %s invocations ran; peak concurrency %s ≈ requests per second × duration, within the limit of %s.",
		commas(r.Invocations), commas(r.MaxConcurrency), commas(e.capN)), Fact: "lambda.concurrency.account"}
}
