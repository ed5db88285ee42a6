package stepfunctions

import "time"

// Prices in USD, us-east-1 (aws.amazon.com/step-functions/pricing/).
const (
	// StandardPerTransition: $0.025 per 1,000 state transitions.
	StandardPerTransition = 0.025 / 1000
	// StandardFreeTransitions per month, for every account, indefinitely.
	StandardFreeTransitions = 4000
	// ExpressPerRequest: $1.00 per 1 million requests.
	ExpressPerRequest = 1.00 / 1e6
	// ExpressPerGBSecond is the first duration tier ($0.06 per GB-hour).
	ExpressPerGBSecond = 0.00001667
	// ExpressMemoryChunkMB and ExpressDurationStep are the billing grains.
	ExpressMemoryChunkMB = 64
	ExpressDurationStep  = 100 * time.Millisecond
)

// Cost is the price of one execution.
type Cost struct {
	Type WorkflowType `json:"type"`
	// Standard: transitions (retries included) with and without the free
	// tier, the latter assuming this run is the month's only usage.
	StateTransitions    int     `json:"stateTransitions,omitempty"`
	WithoutFreeTierUSD  float64 `json:"withoutFreeTierUSD"`
	WithFreeTierUSD     float64 `json:"withFreeTierUSD"`
	FreeTierTransitions int     `json:"freeTierTransitions,omitempty"`
	// Express: one request plus duration × memory.
	Requests         int     `json:"requests,omitempty"`
	BilledDurationMs int64   `json:"billedDurationMs,omitempty"`
	BilledMemoryMB   int     `json:"billedMemoryMB,omitempty"`
	GBSeconds        float64 `json:"gbSeconds,omitempty"`
	RequestUSD       float64 `json:"requestUSD,omitempty"`
	DurationUSD      float64 `json:"durationUSD,omitempty"`
}

// Price computes what one execution costs. For Express, memoryMB is
// rounded up to 64 MB chunks (0 counts as one chunk) and the duration up
// to the next 100 ms (at least 100 ms).
func Price(typ WorkflowType, transitions int, duration time.Duration, memoryMB int) Cost {
	if typ != Express {
		c := Cost{Type: Standard, StateTransitions: transitions, FreeTierTransitions: StandardFreeTransitions}
		c.WithoutFreeTierUSD = float64(transitions) * StandardPerTransition
		if over := transitions - StandardFreeTransitions; over > 0 {
			c.WithFreeTierUSD = float64(over) * StandardPerTransition
		}
		return c
	}
	c := Cost{Type: Express, Requests: 1}
	steps := (duration + ExpressDurationStep - 1) / ExpressDurationStep
	if steps < 1 {
		steps = 1
	}
	billed := steps * ExpressDurationStep
	chunks := (memoryMB + ExpressMemoryChunkMB - 1) / ExpressMemoryChunkMB
	if chunks < 1 {
		chunks = 1
	}
	c.BilledDurationMs = billed.Milliseconds()
	c.BilledMemoryMB = chunks * ExpressMemoryChunkMB
	c.GBSeconds = billed.Seconds() * float64(c.BilledMemoryMB) / 1024
	c.RequestUSD = ExpressPerRequest
	c.DurationUSD = c.GBSeconds * ExpressPerGBSecond
	c.WithoutFreeTierUSD = c.RequestUSD + c.DurationUSD
	c.WithFreeTierUSD = c.WithoutFreeTierUSD // Express has no free tier
	return c
}
