package lambda

import (
	"fmt"

	"github.com/saa-study/saa-study/sim/say"
)

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
		at := fmt.Sprintf("t=%.2fs: ", float64(e.ms(e.now))/1000)
		t := say.Sprintf("run ended; peak concurrency %s", commas(e.res.MaxConcurrency))
		e.res.Events = append(e.res.Events, Event{AtMS: e.ms(e.now), Kind: "peak", Text: at + t.En, Ko: at + t.Ko,
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
		return explanation("", "No requests arrived, so nothing ran and only provisioned concurrency (if any) was billed.")
	}
	if r.Throttled > 0 {
		p := pct(r.Throttled, r.Requests)
		switch {
		case r.ThrottledByReserved >= r.ThrottledByAccount && r.ThrottledByReserved >= r.ThrottledByScaling:
			if e.capN == 0 {
				return explanation("lambda.throttle.code", "Reserved concurrency 0 stops the function: every request was throttled (429).")
			}
			return explanation("lambda.throttle.code", "Reserved concurrency %d capped the function: %.0f%% of requests were throttled (429).", e.capN, p)
		case r.ThrottledByAccount >= r.ThrottledByScaling:
			return explanation("lambda.concurrency.account", "The account concurrency limit left %d for this function: %.0f%% of requests were throttled (429).", e.capN, p)
		default:
			return explanation("lambda.scaling.rate", "Lambda adds at most %s environments per %d s per function: %.0f%% of requests were throttled (429) while it scaled.",
				commas(int64(e.l.ScalingEnvs)), e.l.ScalingWindowS, p)
		}
	}
	if e.typ != InvokeSync && r.MaxBacklog > 0 {
		wait := float64(r.MaxWaitMS) / 1000
		if r.DLQ > 0 {
			format := map[string]string{
				InvokeAsync:   "Lambda's async queue absorbed the load: up to %s events waited (longest %.1f s) and %s went to the dead-letter queue; peak concurrency %s.",
				InvokeSQS:     "The SQS queue absorbed the load: up to %s events waited (longest %.1f s) and %s went to the dead-letter queue; peak concurrency %s.",
				InvokeKinesis: "The Kinesis stream absorbed the load: up to %s events waited (longest %.1f s) and %s went to the dead-letter queue; peak concurrency %s.",
			}[e.typ]
			return explanation("", format, commas(r.MaxBacklog), wait, commas(r.DLQ), commas(r.MaxConcurrency))
		}
		format := map[string]string{
			InvokeAsync:   "Lambda's async queue absorbed the load: up to %s events waited (longest %.1f s) and none were lost; peak concurrency %s.",
			InvokeSQS:     "The SQS queue absorbed the load: up to %s events waited (longest %.1f s) and none were lost; peak concurrency %s.",
			InvokeKinesis: "The Kinesis stream absorbed the load: up to %s events waited (longest %.1f s) and none were lost; peak concurrency %s.",
		}[e.typ]
		return explanation("", format, commas(r.MaxBacklog), wait, commas(r.MaxConcurrency))
	}
	if r.TimedOut > 0 {
		return explanation("lambda.timeout.max", "%.0f%% of invocations ran past the %d s timeout and were stopped (and billed for the full %d s).",
			pct(r.TimedOut, r.Invocations), e.cfg.TimeoutS, e.cfg.TimeoutS)
	}
	if r.Errors > 0 {
		p := pct(r.Errors, r.Invocations)
		switch e.typ {
		case InvokeAsync:
			return explanation("", "%.1f%% of invocations failed with a function error; Lambda retried them (after 1 min, then 2 min) and sent %s events to the dead-letter queue.", p, commas(r.DLQ))
		case InvokeSQS, InvokeKinesis:
			return explanation("", "%.1f%% of invocations failed with a function error; the batches were retried and %s records ended in the dead-letter queue.", p, commas(r.DLQ))
		}
		return explanation("", "%.1f%% of invocations failed with a function error; the caller gets the error.", p)
	}
	if e.prov > 0 {
		if r.ColdStarts == 0 {
			return explanation("lambda.pc", "Provisioned concurrency %d served every request without a cold start; keeping it ready cost %s.",
				e.prov, usd(r.Bill.Provisioned))
		}
		return explanation("lambda.pc", "Provisioned concurrency %d served %.0f%% of requests warm; %s spilled over to on-demand with cold starts.",
			e.prov, pct(r.ProvisionedStarts, r.Invocations), commas(r.ColdStarts))
	}
	if r.ColdStarts > 0 && e.initBilled > 0 && pct(r.ColdStarts, r.Invocations) >= 1 {
		return explanation("lambda.billing.init", "%s cold start(s) (%.1f%% of invocations) each added %d ms of INIT, which is billed.",
			commas(r.ColdStarts), pct(r.ColdStarts, r.Invocations), e.initBilled)
	}
	return explanation("lambda.concurrency.account", "All %s invocations ran; peak concurrency %s ≈ requests per second × duration, within the limit of %s.",
		commas(r.Invocations), commas(r.MaxConcurrency), commas(e.capN))
}
