package lambda

// QuickOptions is the flat form the CLI and the console fill in. Zero
// Memory, DurationMS and Seconds take QuickDefaults' values. Reserved nil
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

// QuickDefaults is where the CLI's flags and the console's form both
// start, so one run reads the same in each: 1,024 MB, 1 s per invocation
// (half of it CPU-bound), 100 requests per second for 60 s, the default
// account limit of 1,000, a 200 ms cold start, x86_64, free tier on.
func QuickDefaults() QuickOptions {
	return QuickOptions{Memory: 1024, DurationMS: 1000, RPS: 100, Seconds: 60, AccountLimit: 1000,
		ColdStartMS: 200, CPUShare: 0.5, Arch: ArchX86, FreeTier: true, Seed: 1}
}

// QuickCost is the bill in four numbers.
type QuickCost struct {
	Requests    float64 `json:"requests"`
	Compute     float64 `json:"compute"`
	Provisioned float64 `json:"provisioned"`
	Total       float64 `json:"total"`
}

// QuickResult is the CLI's JSON answer. Requests is what arrived;
// Invocations what ran (throttled requests are not invocations, as in
// CloudWatch), the same names as a scenario's Result.
type QuickResult struct {
	Requests       int64      `json:"requests"`
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
	// ExplanationKo is Explanation in Korean.
	ExplanationKo string `json:"-"`
}

// Quick runs a steady synchronous load against one function.
func Quick(q QuickOptions) (QuickResult, error) {
	d := QuickDefaults()
	if q.Memory == 0 {
		q.Memory = d.Memory
	}
	if q.DurationMS == 0 {
		q.DurationMS = d.DurationMS
	}
	if q.Seconds == 0 {
		q.Seconds = d.Seconds
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
		Requests: r.Requests, Invocations: r.Invocations, Succeeded: r.Succeeded, Throttled: r.Throttled, TimedOut: r.TimedOut,
		ColdStarts: r.ColdStarts, MaxConcurrency: r.MaxConcurrency, GBSeconds: r.Bill.GBSeconds,
		CostUSD:     QuickCost{Requests: r.Bill.Requests, Compute: r.Bill.Compute, Provisioned: r.Bill.Provisioned, Total: r.Bill.Total},
		Explanation: r.Explanation.String(), Bill: r.Bill.Lines, ExplanationKo: r.Explanation.In("ko"),
	}, nil
}
