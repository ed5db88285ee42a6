// Package lambda simulates AWS Lambda concurrency, scaling, cold starts,
// throttles and billing on a virtual timeline, so a learner can change one
// setting and see what happens. It is pure and deterministic: time is
// simulated in fixed ticks and randomness comes from a seed.
package lambda

// Limits holds every number the simulator enforces. The defaults equal the
// facts in the project's facts file; each field names its fact id so a test
// can prove the two agree. Fields marked "not in facts" cite their source.
type Limits struct {
	// MemoryMinMB is lambda.memory.min.
	MemoryMinMB int
	// MemoryMaxMB is lambda.memory.max.
	MemoryMaxMB int
	// MemoryStepMB is lambda.memory.step.
	MemoryStepMB int
	// OneVCPUMB is lambda.cpu.one_vcpu: memory at which a function gets one vCPU.
	OneVCPUMB int
	// MaxVCPU is the vCPU ceiling at 10,240 MB (not in facts; sim-semantics §2.2,
	// docs configuration-memory.html).
	MaxVCPU float64
	// TimeoutMaxS is lambda.timeout.max.
	TimeoutMaxS int
	// TimeoutDefaultS is lambda.timeout.default.
	TimeoutDefaultS int
	// EnvMaxBytes is lambda.env.max (4 KB = 4,096 bytes).
	EnvMaxBytes int
	// TmpDefaultMB is lambda.tmp.default.
	TmpDefaultMB int
	// TmpMaxMB is lambda.tmp.max.
	TmpMaxMB int
	// AccountConcurrency is lambda.concurrency.account.
	AccountConcurrency int
	// UnreservedMin is lambda.concurrency.unreserved_min.
	UnreservedMin int
	// ScalingEnvs and ScalingWindowS are lambda.scaling.rate (1,000 per 10 s).
	ScalingEnvs int
	// ScalingWindowS is the window of lambda.scaling.rate, in seconds.
	ScalingWindowS int
	// ThrottleCode is lambda.throttle.code.
	ThrottleCode int
	// PackageZipDirectMB is lambda.package.zip_direct.
	PackageZipDirectMB int
	// PackageUnzippedMB is lambda.package.unzipped.
	PackageUnzippedMB int
	// PackageImageGB is lambda.package.image.
	PackageImageGB int
	// PayloadSyncMB is lambda.payload.sync.
	PayloadSyncMB int
	// PayloadAsyncMB is lambda.payload.async.
	PayloadAsyncMB int
	// PriceRequestsPerM is lambda.price.requests (USD per 1M requests).
	PriceRequestsPerM float64
	// FreeRequests is lambda.price.free_requests.
	FreeRequests int64
	// FreeGBSeconds is lambda.price.free_compute.
	FreeGBSeconds float64
	// PriceX86GBs is lambda.price.x86_gbs.
	PriceX86GBs float64
	// PriceArmGBs is lambda.price.arm_gbs.
	PriceArmGBs float64
	// BillingGranularityMS is lambda.billing.granularity.
	BillingGranularityMS int
	// InitMaxMS is the 10 s INIT limit (not in facts; sim-semantics §2.2,
	// docs lambda-runtime-environment.html).
	InitMaxMS int
	// PriceX86PCGBs is the provisioned-concurrency charge per GB-s kept ready,
	// x86 (not in facts; aws.amazon.com/lambda/pricing, us-east-1).
	PriceX86PCGBs float64
	// PriceArmPCGBs is the same charge on arm64 (not in facts; same page).
	PriceArmPCGBs float64
	// PriceX86PCDurationGBs is the duration price of invocations served by
	// provisioned environments, x86 (not in facts; same page).
	PriceX86PCDurationGBs float64
	// PriceArmPCDurationGBs is the same on arm64 (not in facts; same page).
	PriceArmPCDurationGBs float64
	// PCRoundS is the rounding of the provisioned period: up to 5 minutes
	// (not in facts; same page).
	PCRoundS int
	// SQSStartConcurrency is the SQS poller start (not in facts; sim-semantics
	// §2.2, services-sqs-scaling.html).
	SQSStartConcurrency int
	// SQSScalePerMinute is how many pollers SQS adds per minute (same source).
	SQSScalePerMinute int
	// SQSMaxConcurrency is the SQS poller ceiling (same source).
	SQSMaxConcurrency int
	// AsyncRetries is the async retry count on function error (sim-semantics
	// §2.2, invocation-async-error-handling.html).
	AsyncRetries int
	// AsyncRetryDelaysS are the delays before async retries 1 and 2.
	AsyncRetryDelaysS [2]int
	// AsyncMaxEventAgeS is how long an async event may wait (6 h, same source).
	AsyncMaxEventAgeS int
}

// DefaultLimits returns the documented defaults.
func DefaultLimits() Limits {
	return Limits{
		MemoryMinMB:           128,
		MemoryMaxMB:           10240,
		MemoryStepMB:          1,
		OneVCPUMB:             1769,
		MaxVCPU:               6,
		TimeoutMaxS:           900,
		TimeoutDefaultS:       3,
		EnvMaxBytes:           4 * 1024,
		TmpDefaultMB:          512,
		TmpMaxMB:              10240,
		AccountConcurrency:    1000,
		UnreservedMin:         100,
		ScalingEnvs:           1000,
		ScalingWindowS:        10,
		ThrottleCode:          429,
		PackageZipDirectMB:    50,
		PackageUnzippedMB:     250,
		PackageImageGB:        10,
		PayloadSyncMB:         6,
		PayloadAsyncMB:        1,
		PriceRequestsPerM:     0.20,
		FreeRequests:          1_000_000,
		FreeGBSeconds:         400_000,
		PriceX86GBs:           0.0000166667,
		PriceArmGBs:           0.0000133334,
		BillingGranularityMS:  1,
		InitMaxMS:             10_000,
		PriceX86PCGBs:         0.0000041667,
		PriceArmPCGBs:         0.0000033334,
		PriceX86PCDurationGBs: 0.0000097222,
		PriceArmPCDurationGBs: 0.0000077778,
		PCRoundS:              300,
		SQSStartConcurrency:   5,
		SQSScalePerMinute:     300,
		SQSMaxConcurrency:     1000,
		AsyncRetries:          2,
		AsyncRetryDelaysS:     [2]int{60, 120},
		AsyncMaxEventAgeS:     6 * 3600,
	}
}

// Facts maps each fact id these limits come from to its value, in the unit
// the facts table uses, so a test can compare them with the facts file.
func (l Limits) Facts() map[string]float64 {
	return map[string]float64{
		"lambda.memory.min":                 float64(l.MemoryMinMB),
		"lambda.memory.max":                 float64(l.MemoryMaxMB),
		"lambda.memory.step":                float64(l.MemoryStepMB),
		"lambda.cpu.one_vcpu":               float64(l.OneVCPUMB),
		"lambda.timeout.max":                float64(l.TimeoutMaxS),
		"lambda.timeout.default":            float64(l.TimeoutDefaultS),
		"lambda.env.max":                    float64(l.EnvMaxBytes) / 1024,
		"lambda.tmp.default":                float64(l.TmpDefaultMB),
		"lambda.tmp.max":                    float64(l.TmpMaxMB),
		"lambda.concurrency.account":        float64(l.AccountConcurrency),
		"lambda.concurrency.unreserved_min": float64(l.UnreservedMin),
		"lambda.scaling.rate":               float64(l.ScalingEnvs),
		"lambda.throttle.code":              float64(l.ThrottleCode),
		"lambda.package.zip_direct":         float64(l.PackageZipDirectMB),
		"lambda.package.unzipped":           float64(l.PackageUnzippedMB),
		"lambda.package.image":              float64(l.PackageImageGB),
		"lambda.payload.sync":               float64(l.PayloadSyncMB),
		"lambda.payload.async":              float64(l.PayloadAsyncMB),
		"lambda.price.requests":             l.PriceRequestsPerM,
		"lambda.price.free_requests":        float64(l.FreeRequests),
		"lambda.price.free_compute":         l.FreeGBSeconds,
		"lambda.price.x86_gbs":              l.PriceX86GBs,
		"lambda.price.arm_gbs":              l.PriceArmGBs,
		"lambda.billing.granularity":        float64(l.BillingGranularityMS),
	}
}
