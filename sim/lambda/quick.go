package lambda

// QuickOptions is the flat form the CLI fills from flags. Zero values take
// defaults: 128 MB, 100 ms, 60 s, account limit 1,000, x86_64. Reserved nil
// means none. CPUShare 0 makes duration independent of memory.
type QuickOptions struct {
	Memory       int     `json:"memory"`
	DurationMS   float64 `json:"duration_ms"`
	RPS          float64 `json:"rps"`
	Seconds      float64 `json:"seconds"`
	Reserved     *int    `json:"reserved,omitempty"`
	Provisioned  int     `json:"provisioned"`
	AccountLimit int     `json:"account_limit"`
	ColdStartMS  int     `json:"cold_start_ms"`
	CPUShare     float64 `json:"cpu_share"`
	Arch         string  `json:"arch"`
	FreeTier     bool    `json:"free_tier"`
	Seed         uint64  `json:"seed"`
	// TimeoutS is the function timeout; 0 picks one long enough for the
	// duration and cold start.
	TimeoutS int `json:"timeout_s,omitempty"`
}

// QuickCost is the bill in four numbers.
type QuickCost struct {
	Requests    float64 `json:"requests"`
	Compute     float64 `json:"compute"`
	Provisioned float64 `json:"provisioned"`
	Total       float64 `json:"total"`
}

// QuickResult is the CLI's JSON answer.
type QuickResult struct {
	Invocations    int64      `json:"invocations"`
	Succeeded      int64      `json:"succeeded"`
	Throttled      int64      `json:"throttled"`
	TimedOut       int64      `json:"timed_out"`
	ColdStarts     int64      `json:"cold_starts"`
	MaxConcurrency int64      `json:"max_concurrency"`
	GBSeconds      float64    `json:"gb_seconds"`
	CostUSD        QuickCost  `json:"cost_usd"`
	Explanation    string     `json:"explanation"`
	Bill           []BillLine `json:"bill"`
}

// Quick runs a steady synchronous load against one function. Invocations
// counts requests that arrived (throttled ones included).
func Quick(q QuickOptions) (QuickResult, error) {
	if q.Memory == 0 {
		q.Memory = 128
	}
	if q.DurationMS == 0 {
		q.DurationMS = 100
	}
	if q.Seconds == 0 {
		q.Seconds = 60
	}
	timeout := int(q.DurationMS/1000) + 1 + (q.ColdStartMS+999)/1000
	timeout = min(max(timeout, 3), 900)
	if q.TimeoutS != 0 {
		timeout = q.TimeoutS
	}
	cfg := FunctionConfig{MemoryMB: q.Memory, TimeoutS: timeout, Reserved: q.Reserved, Provisioned: q.Provisioned,
		ColdStartMS: q.ColdStartMS, Arch: q.Arch}
	w := Steady(q.RPS, q.Seconds, DurationModel{DurationMS: q.DurationMS, CPUShare: q.CPUShare})
	r, err := Run(cfg, AccountConfig{ConcurrencyLimit: q.AccountLimit}, w, Options{FreeTier: q.FreeTier, Seed: q.Seed})
	if err != nil {
		return QuickResult{}, err
	}
	return QuickResult{
		Invocations: r.Requests, Succeeded: r.Succeeded, Throttled: r.Throttled, TimedOut: r.TimedOut,
		ColdStarts: r.ColdStarts, MaxConcurrency: r.MaxConcurrency, GBSeconds: r.Bill.GBSeconds,
		CostUSD:     QuickCost{Requests: r.Bill.Requests, Compute: r.Bill.Compute, Provisioned: r.Bill.Provisioned, Total: r.Bill.Total},
		Explanation: r.Explanation.String(), Bill: r.Bill.Lines,
	}, nil
}
