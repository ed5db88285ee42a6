package lambda

import "math"

// PowerPoint is one memory size in a power-tuning report.
type PowerPoint struct {
	MemoryMB int     `json:"memory_mb"`
	AvgMS    float64 `json:"avg_ms"`
	BilledMS int64   `json:"billed_ms"`
	// CostPerInvocation is the duration cost of one invocation (as AWS
	// Lambda Power Tuning reports it); CostPer1M adds the request price.
	CostPerInvocation float64 `json:"cost_per_invocation"`
	CostPer1M         float64 `json:"cost_per_1m"`
	Cheapest          bool    `json:"cheapest"`
	Fastest           bool    `json:"fastest"`
}

// PowerTune prices the duration model at each memory size, without the free
// tier, and marks the cheapest and the fastest (ties go to the lower memory).
func PowerTune(cfg FunctionConfig, dm DurationModel, memories []int) ([]PowerPoint, error) {
	l := DefaultLimits()
	cfg = cfg.WithDefaults(l)
	if len(memories) == 0 || len(memories) > 100 {
		return nil, invalid("PowerTune needs 1 to 100 memory sizes; got %d.", len(memories))
	}
	if err := (Workload{Phases: []Phase{{Seconds: 1}}, Duration: dm}).Validate(); err != nil {
		return nil, err
	}
	price := l.PriceX86GBs
	if cfg.Arch == ArchArm {
		price = l.PriceArmGBs
	}
	out := make([]PowerPoint, 0, len(memories))
	ci, fi := 0, 0
	for i, m := range memories {
		c := cfg
		c.MemoryMB = m
		if err := c.ValidateIn(AccountConfig{}, l); err != nil {
			return nil, err
		}
		avg := dm.At(m, l)
		billed := int64(math.Ceil(avg - 1e-9))
		cost := float64(billed) / 1000 * float64(m) / 1024 * price
		out = append(out, PowerPoint{MemoryMB: m, AvgMS: avg, BilledMS: billed, CostPerInvocation: cost,
			CostPer1M: 1e6*cost + l.PriceRequestsPerM})
		if cost < out[ci].CostPerInvocation || (cost == out[ci].CostPerInvocation && m < out[ci].MemoryMB) {
			ci = i
		}
		if avg < out[fi].AvgMS || (avg == out[fi].AvgMS && m < out[fi].MemoryMB) {
			fi = i
		}
	}
	out[ci].Cheapest = true
	out[fi].Fastest = true
	return out, nil
}
