package rdsproxy

import (
	"encoding/json"
	"fmt"
)

// QuickOptions is the scriptable twin of the RDS Proxy console: a baseline
// load, a surge, and optionally the proxy, pinning and a failover.
type QuickOptions struct {
	MaxConnections int `json:"max_connections"` // default 90
	Baseline       int `json:"baseline"`        // concurrency before and after the surge (default 10)
	Surge          int `json:"surge"`           // concurrency during the surge (default 200)
	SurgeS         int `json:"surge_s"`         // length of the surge (default 20)
	// Mode is reuse (default) or per-invocation.
	Mode           string  `json:"mode"`
	Proxy          bool    `json:"proxy"`
	PinnedPct      float64 `json:"pinned_pct"`
	BorrowTimeoutS float64 `json:"borrow_timeout_s"`
	// FailoverS, when above 0, makes the writer fail over 5 s into the surge.
	FailoverS float64 `json:"failover_s"`
	Seed      uint64  `json:"seed"`
}

// QuickConfig builds the Config QuickOptions describe: 5 s baseline, the
// surge, then baseline for 10 s (longer with a failover, so that the run
// lasts until clients without a proxy are back). The failover starts at
// 10 s and adds 10 s of DNS lag.
func QuickConfig(o QuickOptions) Config {
	def := func(v, d int) int {
		if v == 0 {
			return d
		}
		return v
	}
	c := Config{
		DB: DB{MaxConnections: def(o.MaxConnections, 90)},
		Lambda: Lambda{Mode: o.Mode, Phases: []Phase{
			{ForS: 5, Concurrency: def(o.Baseline, 10)},
			{ForS: def(o.SurgeS, 20), Concurrency: def(o.Surge, 200)},
			{ForS: 10, Concurrency: def(o.Baseline, 10)},
		}},
		Seed: o.Seed,
	}
	if o.Proxy {
		c.Proxy = &Proxy{Enabled: true, PinnedPct: o.PinnedPct, BorrowTimeoutS: o.BorrowTimeoutS}
	}
	if o.FailoverS > 0 && o.FailoverS <= MaxSeconds {
		c.Failover = &Failover{AtS: 10, DurationS: o.FailoverS, DNSLagS: 10}
		// keep the run going until clients without a proxy are back, plus 10 s
		if need := int(10+o.FailoverS+10+10) - 5 - c.Lambda.Phases[1].ForS; need > 10 {
			c.Lambda.Phases[2].ForS = need
		}
	}
	return c
}

// Quick runs QuickOptions.
func Quick(o QuickOptions) (Result, error) {
	r, err := Run(QuickConfig(o))
	if err != nil {
		return Result{}, fmt.Errorf("quick: %w", err)
	}
	return r, nil
}

// QuickJSON runs QuickOptions and returns the result as indented JSON.
func QuickJSON(o QuickOptions) ([]byte, error) {
	r, err := Quick(o)
	if err != nil {
		return nil, err
	}
	return json.MarshalIndent(r, "", "  ")
}
