// Package rdsproxy simulates a surge of Lambda invocations against a
// relational database, with and without RDS Proxy: connection exhaustion
// ("Too many connections"), pooling and multiplexing, pinning, the borrow
// timeout, and failover. It runs on a virtual clock with a seeded source,
// so a run is the same every time.
package rdsproxy

import (
	"fmt"
	"math"
)

// Limits holds the numbers the engine takes from AWS. Each field names the
// fact id it belongs to, so a test can check them against the facts file.
type Limits struct {
	// MaxConnectionsPercent default of a proxy target group: the pool may use
	// 100 % of max_connections. fact: rdsproxy.pooling
	MaxConnectionsPercent int `json:"max_connections_percent"`
	// MaxIdleConnectionsPercent default (50 % of max_connections kept idle).
	// fact: rdsproxy.pooling
	MaxIdleConnectionsPercent int `json:"max_idle_connections_percent"`
	// BorrowTimeoutS is the ConnectionBorrowTimeout default, 120 s.
	// fact: rdsproxy.pooling
	BorrowTimeoutS float64 `json:"borrow_timeout_s"`
	// FailoverReductionPct is AWS's "up to 66 %" shorter failover with the
	// proxy, a best case. fact: rdsproxy.failover
	FailoverReductionPct float64 `json:"failover_reduction_pct"`
	// MySQLMemoryDivisor: RDS for MySQL's default max_connections is
	// DBInstanceClassMemory / 12582880. fact: rdsproxy.pooling
	MySQLMemoryDivisor float64 `json:"mysql_memory_divisor"`
}

// DefaultLimits returns the documented defaults.
func DefaultLimits() Limits {
	return Limits{MaxConnectionsPercent: 100, MaxIdleConnectionsPercent: 50, BorrowTimeoutS: 120, FailoverReductionPct: 66, MySQLMemoryDivisor: 12582880}
}

// MaxConnectionsForMemory is RDS for MySQL's default max_connections for an
// instance class with memGiB of memory. RDS keeps some memory for the OS,
// so real instances report a little less.
func MaxConnectionsForMemory(memGiB float64) int {
	return int(math.Floor(memGiB * (1 << 30) / DefaultLimits().MySQLMemoryDivisor))
}

// Connection modes of the Lambda code.
const (
	ModeReuse         = "reuse"          // one connection per warm environment, opened outside the handler
	ModePerInvocation = "per-invocation" // open and close inside the handler
)

// DB is the database instance.
type DB struct {
	// MaxConnections is max_connections; 0 derives it from InstanceMemoryGiB.
	MaxConnections    int     `json:"max_connections" yaml:"max_connections"`
	InstanceMemoryGiB float64 `json:"instance_memory_gib,omitempty" yaml:"instance_memory_gib"`
	// ConnSetupMs is the cost of a new connection (TCP, TLS, auth); default 30.
	ConnSetupMs float64 `json:"conn_setup_ms" yaml:"conn_setup_ms"`
	// QueryMs is the length of one transaction; default 20, ± QueryJitterPct (default 20).
	QueryMs        float64 `json:"query_ms" yaml:"query_ms"`
	QueryJitterPct float64 `json:"query_jitter_pct" yaml:"query_jitter_pct"`
}

// Proxy is the RDS Proxy in front of the database; nil or Enabled false
// means Lambda connects directly.
type Proxy struct {
	Enabled                   bool `json:"enabled" yaml:"enabled"`
	MaxConnectionsPercent     int  `json:"max_connections_percent" yaml:"max_connections_percent"`
	MaxIdleConnectionsPercent int  `json:"max_idle_connections_percent" yaml:"max_idle_connections_percent"`
	// BorrowTimeoutS is ConnectionBorrowTimeout; 0 takes the default 120 s,
	// a negative value means wait forever (AWS's 0).
	BorrowTimeoutS float64 `json:"borrow_timeout_s" yaml:"borrow_timeout_s"`
	// PinnedPct is the share of client sessions that set session state (SET,
	// temporary tables, prepared statements) and get pinned to one DB connection.
	PinnedPct float64 `json:"pinned_pct" yaml:"pinned_pct"`
}

// Phase holds the concurrency of Lambda for a number of seconds.
type Phase struct {
	ForS        int `json:"for_s" yaml:"for_s"`
	Concurrency int `json:"concurrency" yaml:"concurrency"`
}

// Lambda is the calling function: its concurrency over time and its code.
type Lambda struct {
	Phases []Phase `json:"phases" yaml:"phases"`
	Mode   string  `json:"mode" yaml:"mode"`
	// ThinkMs is the non-database work of an invocation; default 30, min 1.
	ThinkMs float64 `json:"think_ms" yaml:"think_ms"`
}

// Failover makes the writer unavailable at AtS. Without the proxy, clients
// cannot connect for DurationS + DNSLagS (the new writer's DNS must reach
// them). With the proxy, that outage is cut by ReductionPct (default 66,
// AWS's best case; the AWS blog measured 32 % on RDS for MySQL) and clients
// wait in the proxy instead of failing.
type Failover struct {
	AtS       float64 `json:"at_s" yaml:"at_s"`
	DurationS float64 `json:"duration_s" yaml:"duration_s"`
	DNSLagS   float64 `json:"dns_lag_s" yaml:"dns_lag_s"`
	// ReductionPct nil takes the default; 0 means the proxy does not shorten it.
	ReductionPct *float64 `json:"reduction_pct,omitempty" yaml:"reduction_pct"`
}

// Config is one run.
type Config struct {
	DB       DB        `json:"db" yaml:"db"`
	Proxy    *Proxy    `json:"proxy,omitempty" yaml:"proxy"`
	Lambda   Lambda    `json:"lambda" yaml:"lambda"`
	Failover *Failover `json:"failover,omitempty" yaml:"failover"`
	Seed     uint64    `json:"seed" yaml:"seed"`
}

// Limits of one run, so that no input makes the engine run for long.
const (
	MaxSeconds     = 3600
	MaxConcurrency = 20000
	MaxInvocations = 3_000_000
)

// Error is an AWS-shaped error: an exception name and a message.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error formats the error as "Code: message".
func (e *Error) Error() string { return e.Code + ": " + e.Message }

func invalid(format string, args ...any) *Error {
	return &Error{Code: "InvalidParameterValue", Message: fmt.Sprintf(format, args...)}
}

// normalize fills defaults and checks ranges, returning an *Error.
func (c Config) normalize(lim Limits) (Config, error) {
	if c.DB.MaxConnections == 0 && c.DB.InstanceMemoryGiB > 0 && c.DB.InstanceMemoryGiB <= 4096 {
		c.DB.MaxConnections = MaxConnectionsForMemory(c.DB.InstanceMemoryGiB)
	}
	if c.DB.ConnSetupMs == 0 {
		c.DB.ConnSetupMs = 30
	}
	if c.DB.QueryMs == 0 {
		c.DB.QueryMs = 20
	}
	if c.DB.QueryJitterPct == 0 {
		c.DB.QueryJitterPct = 20
	}
	if c.Lambda.Mode == "" {
		c.Lambda.Mode = ModeReuse
	}
	if c.Lambda.ThinkMs == 0 {
		c.Lambda.ThinkMs = 30
	}
	if c.Proxy != nil {
		p := *c.Proxy
		if p.MaxConnectionsPercent == 0 {
			p.MaxConnectionsPercent = lim.MaxConnectionsPercent
		}
		if p.MaxIdleConnectionsPercent == 0 {
			// AWS: half of MaxConnectionsPercent when that is set, else 50.
			p.MaxIdleConnectionsPercent = min(lim.MaxIdleConnectionsPercent, p.MaxConnectionsPercent/2)
		}
		if p.BorrowTimeoutS == 0 {
			p.BorrowTimeoutS = lim.BorrowTimeoutS
		}
		c.Proxy = &p
	}
	if c.Failover != nil {
		f := *c.Failover
		if f.ReductionPct == nil {
			r := lim.FailoverReductionPct
			f.ReductionPct = &r
		}
		c.Failover = &f
	}
	d := c.DB
	switch {
	case d.MaxConnections < 1 || d.MaxConnections > 100000:
		return c, invalid("max_connections must be 1-100000 (or give instance_memory_gib), got %d", d.MaxConnections)
	case !(d.ConnSetupMs > 0 && d.ConnSetupMs <= 60000), !(d.QueryMs > 0 && d.QueryMs <= 60000):
		return c, invalid("conn_setup_ms and query_ms must be above 0 and at most 60000")
	case !(d.QueryJitterPct >= 0 && d.QueryJitterPct < 100):
		return c, invalid("query_jitter_pct must be 0-99")
	case c.Lambda.Mode != ModeReuse && c.Lambda.Mode != ModePerInvocation:
		return c, invalid("mode must be reuse or per-invocation, got %q", c.Lambda.Mode)
	case !(c.Lambda.ThinkMs >= 1 && c.Lambda.ThinkMs <= 60000):
		return c, invalid("think_ms must be 1-60000")
	case len(c.Lambda.Phases) == 0:
		return c, invalid("lambda needs at least one phase")
	}
	secs, work := 0, 0.0
	for i, p := range c.Lambda.Phases {
		if p.ForS < 1 || p.Concurrency < 0 || p.Concurrency > MaxConcurrency {
			return c, invalid("phase %d: for_s must be at least 1 and concurrency 0-%d", i, MaxConcurrency)
		}
		secs += p.ForS
		if secs > MaxSeconds {
			return c, invalid("the phases last more than %d s", MaxSeconds)
		}
		work += float64(p.ForS) * float64(p.Concurrency) * 1000 / (c.Lambda.ThinkMs + d.QueryMs)
	}
	if work > MaxInvocations {
		return c, invalid("about %.0f invocations; a run is capped at %d (shorten phases or lower concurrency)", work, MaxInvocations)
	}
	if p := c.Proxy; p != nil {
		switch {
		case p.MaxConnectionsPercent < 1 || p.MaxConnectionsPercent > 100:
			return c, invalid("MaxConnectionsPercent must be 1-100, got %d", p.MaxConnectionsPercent)
		case p.MaxIdleConnectionsPercent < 0 || p.MaxIdleConnectionsPercent > p.MaxConnectionsPercent:
			return c, invalid("MaxIdleConnectionsPercent must be 0-MaxConnectionsPercent, got %d", p.MaxIdleConnectionsPercent)
		case !(p.BorrowTimeoutS <= 3600):
			return c, invalid("ConnectionBorrowTimeout must be at most 3600 s")
		case !(p.PinnedPct >= 0 && p.PinnedPct <= 100):
			return c, invalid("pinned_pct must be 0-100")
		}
	}
	if f := c.Failover; f != nil {
		if !(f.AtS >= 0 && f.AtS <= MaxSeconds && f.DurationS >= 0 && f.DurationS <= MaxSeconds && f.DNSLagS >= 0 && f.DNSLagS <= MaxSeconds && *f.ReductionPct >= 0 && *f.ReductionPct <= 100) {
			return c, invalid("failover: at_s, duration_s and dns_lag_s must be 0-%d and reduction_pct 0-100", MaxSeconds)
		}
	}
	return c, nil
}
