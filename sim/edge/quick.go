package edge

import (
	"encoding/json"
	"fmt"
)

// QuickOptions is the scriptable twin of the edge console: one function on
// one trigger in front of a single origin.
type QuickOptions struct {
	Requests int `json:"requests"`
	// HitRatioTarget, when above 0, makes the workload revisit seen paths with
	// that probability (key_dist target); otherwise Keys paths are drawn Zipf.
	HitRatioTarget float64 `json:"hit_ratio_target"`
	Keys           int     `json:"keys"`
	// Function is "cff", "lae" or "" for none.
	Function string  `json:"function"`
	Trigger  Trigger `json:"trigger"`
	// Action defaults to add-header.
	Action Action `json:"action"`
	Seed   uint64 `json:"seed"`
}

// QuickDistribution builds the distribution QuickOptions describe: a 1-day
// TTL, 20 ms to the edge, an origin at 80 ms ± 20 %, and typical function
// sizes (CloudFront Function 0.3 ms and 1 MB; Lambda@Edge 5 ms and 128 MB).
func QuickDistribution(o QuickOptions) (Distribution, error) {
	d := Distribution{TTLSeconds: 86400, EdgeLatencyMs: 20,
		Origins: []Origin{{Name: "origin-a", LatencyMs: 80, JitterPct: 20}, {Name: "origin-b", LatencyMs: 120, JitterPct: 20}}}
	if o.Function == "" {
		return d, nil
	}
	t := o.Trigger
	if t == "" {
		t = ViewerRequest
	}
	act := o.Action
	if act == "" {
		act = AddHeader
	}
	f := Function{Name: "quick-" + string(act), Kind: Kind(o.Function), Action: act}
	switch f.Kind {
	case CFF:
		f.DurationMs, f.MemoryMB, f.PackageKB = 0.3, 1, 2
	case LAE:
		f.DurationMs, f.MemoryMB, f.PackageKB = 5, 128, 200
	default:
		return d, newErr(ErrInvalidArgument, "", "function must be cff, lae or empty, got %q", o.Function)
	}
	if act == CallAPI {
		f.ExtraMs = 40
	}
	if act == CheckJWT || act == RedirectCountry {
		f.Fraction = 0.1
	}
	d.Associations = []Association{{Trigger: t, Function: f, IncludeBody: act == ReadBody}}
	return d, nil
}

// Quick runs QuickOptions and returns the summary.
func Quick(o QuickOptions) (Summary, error) {
	d, err := QuickDistribution(o)
	if err != nil {
		return Summary{}, fmt.Errorf("quick: %w", err)
	}
	w := Workload{Requests: o.Requests, Keys: o.Keys, Seed: o.Seed}
	if w.Requests == 0 {
		w.Requests = 10000
	}
	if o.HitRatioTarget > 0 {
		w.KeyDist, w.HitRatioTarget = KeysTarget, o.HitRatioTarget
		if w.Keys == 0 {
			w.Keys = w.Requests
		}
	}
	return Run(d, w)
}

// QuickJSON runs QuickOptions and returns the summary as indented JSON. A
// refusal comes back as the error (an *Error inside, see errors.As).
func QuickJSON(o QuickOptions) ([]byte, error) {
	s, err := Quick(o)
	if err != nil {
		return nil, err
	}
	return json.MarshalIndent(s, "", "  ")
}
