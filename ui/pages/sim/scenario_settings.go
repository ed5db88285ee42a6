package sim

import (
	"strings"

	"github.com/saa-study/saa-study/sim/apigateway"
	"github.com/saa-study/saa-study/sim/edge"
	"github.com/saa-study/saa-study/sim/rdsproxy"
)

// A scenario's setup as its engine's form values: running a scenario loads
// what the form can hold of it, so the learner can change one setting and
// run again. What the form has no field for (authorizers, a second stage)
// stays the scenario's own.

// apigwSettings is an API Gateway scenario as the form: its traffic, the
// stage its requests go to, and the method they call.
func apigwSettings(id string) string {
	sc, err := apigateway.ScenarioByID(id)
	if err != nil {
		return ""
	}
	rps, secs := 0.0, 0.0
	for _, p := range sc.Traffic.Phases {
		rps = max(rps, p.RPS)
		secs = max(secs, p.StartS+p.Seconds)
	}
	out := []string{"rps=" + ftoa(rps), "seconds=" + ftoa(secs)}
	if len(sc.API.Stages) > 0 {
		st := sc.API.Stages[0]
		for _, s := range sc.API.Stages {
			if s.Name == sc.Traffic.Template.Stage {
				st = s
			}
		}
		ttl := 0
		if st.CacheEnabled {
			ttl = apigateway.DefaultLimits().CacheTTLDefaultS
			if st.CacheTTLS != nil {
				ttl = *st.CacheTTLS
			}
		}
		out = append(out, "stage_rate="+ftoa(st.Throttle.Rate), "stage_burst="+itoa(st.Throttle.Burst), "cache_ttl="+itoa(ttl))
	}
	if len(sc.API.Methods) > 0 {
		m := sc.API.Methods[0]
		for _, x := range sc.API.Methods {
			if x.Path == sc.Traffic.Template.Path && x.Method == sc.Traffic.Template.Method {
				m = x
			}
		}
		out = append(out, "integration_ms="+ftoa(m.Integration.LatencyMS))
	}
	return strings.Join(out, " ")
}

// edgeSettings is an edge scenario as the form: its workload and the first
// run's function.
func edgeSettings(id string) string {
	all, err := edge.Scenarios()
	if err != nil {
		return ""
	}
	for _, sc := range all {
		if sc.ID != id {
			continue
		}
		w := sc.Workload
		out := []string{"requests=" + itoa(w.Requests), "hit_ratio=" + ftoa(w.HitRatioTarget), "keys=" + itoa(w.Keys)}
		fn := "function=none"
		if len(sc.Runs) > 0 && len(sc.Runs[0].Distribution.Associations) > 0 {
			a := sc.Runs[0].Distribution.Associations[0]
			fn = "function=" + string(a.Function.Kind)
			out = append(out, "trigger="+string(a.Trigger), "action="+string(a.Function.Action))
		}
		return strings.Join(append(out, fn), " ")
	}
	return ""
}

// rdsSettings is an RDS Proxy scenario as the form: the database, the
// Lambda load and, when its runs differ in the proxy, both variants.
func rdsSettings(id string) string {
	all, err := rdsproxy.Scenarios()
	if err != nil {
		return ""
	}
	for _, sc := range all {
		if sc.ID != id || len(sc.Runs) == 0 {
			continue
		}
		c := sc.Runs[0].Config
		out := []string{"max_connections=" + itoa(c.DB.MaxConnections)}
		if ph := c.Lambda.Phases; len(ph) > 0 {
			surge := ph[0]
			for _, p := range ph {
				if p.Concurrency > surge.Concurrency {
					surge = p
				}
			}
			out = append(out, "baseline="+itoa(ph[0].Concurrency), "surge="+itoa(surge.Concurrency), "surge_s="+itoa(surge.ForS))
		}
		if c.Lambda.Mode != "" {
			out = append(out, "mode="+c.Lambda.Mode)
		}
		with, without := false, false
		pinned, borrow := 0.0, 0.0
		for _, r := range sc.Runs {
			if p := r.Config.Proxy; p != nil && p.Enabled {
				if !with {
					pinned, borrow = p.PinnedPct, p.BorrowTimeoutS
				}
				with = true
			} else {
				without = true
			}
		}
		proxy := "off"
		switch {
		case with && without:
			proxy = "both"
		case with:
			proxy = "on"
		}
		failover := 0.0
		if c.Failover != nil {
			failover = c.Failover.DurationS
		}
		out = append(out, "proxy="+proxy, "pinned_pct="+ftoa(pinned), "borrow_timeout="+ftoa(borrow), "failover_s="+ftoa(failover))
		return strings.Join(out, " ")
	}
	return ""
}
