package srs

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Error is what the package returns for bad input: an exception name and a
// message, in the shape AWS uses, so the CLI can print it as is.
type Error struct {
	Code    string // e.g. "ValidationException"
	Message string
	Err     error // the underlying cause, if any (a JSON syntax error, ...)
}

// Error implements error.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

func validation(format string, args ...any) error {
	return &Error{Code: "ValidationException", Message: fmt.Sprintf(format, args...)}
}

// Limits of stability, in days, as ts-fsrs clamps them.
const (
	SMin     = 0.001 // smallest stability
	SMax     = 36500 // largest stability
	initSMax = 100   // ceiling of the four initial stabilities
)

// Default settings, identical to ts-fsrs 5.4.2 (constant.ts).
const (
	DefaultRequestRetention = 0.9
	DefaultMaximumInterval  = 36500
	fsrs6DefaultDecay       = 0.1542
	fsrs5DefaultDecay       = 0.5
	w17w18Ceiling           = 2.0
)

// DefaultW is the FSRS-6 default parameter vector (21 weights). It is an
// array so nobody can change the defaults through a shared slice.
var DefaultW = [21]float64{
	0.212, 1.2931, 2.3065, 8.2956, // initial stability per grade
	6.4133, 0.8334, 3.0194, 0.001, // difficulty
	1.8722, 0.1666, 0.796, // stability after recall
	1.4835, 0.0614, 0.2629, 1.6483, // stability after a lapse
	0.6014, 1.8729, // Hard penalty, Easy bonus
	0.5425, 0.0912, 0.0658, // short-term (same-day) stability
	fsrs6DefaultDecay, // forgetting-curve decay
}

// Params configures a Scheduler. Start from DefaultParams: the zero value
// turns short-term learning steps off, which is not the default.
type Params struct {
	// W holds 17 (FSRS-4.5), 19 (FSRS-5) or 21 (FSRS-6) weights; older
	// vectors are migrated and every vector is clipped as ts-fsrs does.
	// Nil means the defaults.
	W []float64 `json:"w,omitempty"`
	// RequestRetention is the recall probability the intervals aim at, in
	// (0,1]; 0 means 0.9.
	RequestRetention float64 `json:"request_retention"`
	// MaximumInterval caps the interval computed for each rating, in days;
	// 0 means 36500. Keeping the ratings in order can schedule Good and
	// Easy a day or two past it (see the package documentation).
	MaximumInterval int `json:"maximum_interval"`
	// EnableFuzz spreads intervals of 3 days and more a little, seeded from
	// the card, so cards learned together do not stay bunched.
	EnableFuzz bool `json:"enable_fuzz"`
	// EnableShortTerm uses learning steps; off, every answer gives days.
	EnableShortTerm bool `json:"enable_short_term"`
	// LearningSteps for new and learning cards, like "1m", "10m", "1h",
	// "1d". Nil means 1m 10m; an empty list graduates at once.
	LearningSteps []string `json:"learning_steps"`
	// RelearningSteps after a lapse; nil means 10m.
	RelearningSteps []string `json:"relearning_steps"`
	// Day decides when one day ends and the next begins when counting
	// elapsed days. The zero value is UTC midnight, as ts-fsrs counts.
	Day DayBoundary `json:"-"`
}

// DefaultParams returns the ts-fsrs defaults: retention 0.9, steps 1m 10m,
// relearning 10m, short-term on, fuzz off, maximum interval 36500 days,
// days counted at UTC midnight.
func DefaultParams() Params {
	return Params{
		W:                DefaultW[:],
		RequestRetention: DefaultRequestRetention,
		MaximumInterval:  DefaultMaximumInterval,
		EnableShortTerm:  true,
		LearningSteps:    []string{"1m", "10m"},
		RelearningSteps:  []string{"10m"},
	}
}

// clipRanges returns the allowed range of each weight (default.ts).
func clipRanges(shortTerm bool) [21][2]float64 {
	w19min := 0.0
	if shortTerm {
		w19min = 0.01
	}
	return [21][2]float64{
		{SMin, initSMax}, {SMin, initSMax}, {SMin, initSMax}, {SMin, initSMax},
		{1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75},
		{0, 4.5}, {0, 0.8}, {0.001, 3.5},
		{0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4},
		{0, 1}, {1, 6},
		{0, w17w18Ceiling}, {0, w17w18Ceiling}, {w19min, 0.8},
		{0.1, 0.8},
	}
}

// ClipParameters clamps each weight into its range. With more than one
// relearning step the ceiling of w17 and w18 is lowered, so that several
// same-day relearning reviews cannot inflate stability after a lapse.
// Only the first len(w) ranges apply, as in ts-fsrs.
func ClipParameters(w []float64, relearningSteps int, shortTerm bool) []float64 {
	ranges := clipRanges(shortTerm)
	n := min(len(w), len(ranges))
	at := func(i int) float64 {
		if i < len(w) {
			return w[i]
		}
		return 0
	}
	if relearningSteps > 1 {
		w11 := clamp(at(11), ranges[11][0], ranges[11][1])
		w13 := clamp(at(13), ranges[13][0], ranges[13][1])
		w14 := clamp(at(14), ranges[14][0], ranges[14][1])
		v := -(math.Log(w11) + math.Log(math.Pow(2, w13)-1) + w14*0.3) / float64(relearningSteps)
		ceil := clamp(r8(math.Sqrt(math.Max(v, 0))), 0.01, w17w18Ceiling)
		ranges[17][1] = ceil
		ranges[18][1] = ceil
	}
	out := make([]float64, n)
	for i := range n {
		out[i] = clamp(w[i], ranges[i][0], ranges[i][1])
	}
	return out
}

// MigrateParameters turns a 17-, 19- or 21-weight vector into the 21
// weights FSRS-6 uses, the way ts-fsrs does (then clips once more, as its
// constructor does). FSRS-5 vectors get w19=0 (raised to its floor) and the
// FSRS-5 decay 0.5; FSRS-4.5 vectors also get their difficulty weights
// rewritten to the FSRS-5 form.
func MigrateParameters(w []float64, relearningSteps int, shortTerm bool) ([]float64, error) {
	if w == nil {
		return ClipParameters(DefaultW[:], relearningSteps, shortTerm), nil
	}
	for i, v := range w {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, validation("parameter w[%d] is not a finite number", i)
		}
	}
	var out []float64
	switch len(w) {
	case 21:
		out = ClipParameters(w, relearningSteps, shortTerm)
	case 19:
		out = append(ClipParameters(w, relearningSteps, shortTerm), 0, fsrs5DefaultDecay)
	case 17:
		out = ClipParameters(w, relearningSteps, shortTerm)
		out[4] = toFixed8(out[5]*2 + out[4])
		out[5] = toFixed8(math.Log(out[5]*3+1) / 3)
		out[6] = toFixed8(out[6] + 0.5)
		out = append(out, 0, 0, 0, fsrs5DefaultDecay)
	default:
		return nil, validation("parameters must have 17, 19 or 21 weights (FSRS-4.5, FSRS-5, FSRS-6), got %d", len(w))
	}
	return ClipParameters(out, relearningSteps, shortTerm), nil
}

// parseSteps converts "1m", "2h", "1d" into minutes, strictly: ts-fsrs'
// parseInt would read "1.5m" as 1 minute, which hides typos.
func parseSteps(steps []string, name string) ([]int, error) {
	out := make([]int, len(steps))
	for i, s := range steps {
		if len(s) < 2 {
			return nil, validation("%s[%d] %q: want a whole number and a unit m, h or d, like 10m", name, i, s)
		}
		n, err := strconv.Atoi(s[:len(s)-1])
		if err != nil || n < 0 || s[0] == '+' || s[0] == '-' {
			return nil, validation("%s[%d] %q: want a whole number and a unit m, h or d, like 10m", name, i, s)
		}
		mult := 0
		switch s[len(s)-1] {
		case 'm':
			mult = 1
		case 'h':
			mult = 60
		case 'd':
			mult = 1440
		default:
			return nil, validation("%s[%d] %q: unit must be m, h or d", name, i, s)
		}
		if n > 36500*1440/mult {
			return nil, validation("%s[%d] %q: longer than 100 years", name, i, s)
		}
		out[i] = n * mult
	}
	return out, nil
}

func clamp(v, lo, hi float64) float64 { return math.Min(math.Max(v, lo), hi) }

// jsRound is JavaScript's Math.round: the nearest integer, halves towards
// +Inf (Go's math.Round sends -2.5 to -3, JavaScript to -2).
func jsRound(x float64) float64 {
	f := math.Floor(x)
	if x-f >= 0.5 {
		return f + 1
	}
	return f
}

// r8 rounds to 8 decimals the way ts-fsrs' roundTo(x, 8) does.
func r8(x float64) float64 { return jsRound(x*1e8) / 1e8 }

// toFixed8 is +x.toFixed(8): rounding of the exact binary value, with an
// exact tie (like 1/512 = 0.001953125) going away from zero, where Go's
// formatting would round it to even.
func toFixed8(x float64) float64 {
	s := strconv.FormatFloat(x, 'f', 8, 64)
	exact := strconv.FormatFloat(x, 'f', -1, 64)
	// A shortest form of exactly 9 decimals ending in 5 that is also the
	// exact value is a tie.
	if _, frac, ok := strings.Cut(exact, "."); ok && len(frac) == 9 && frac[8] == '5' && isExactDecimal(x, exact) {
		step := 5e-9
		if x < 0 {
			step = -step
		}
		s = strconv.FormatFloat(x+step, 'f', 8, 64)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return x
	}
	return v
}

// isExactDecimal reports whether the decimal string is exactly x, not just
// the shortest string that reads back as x.
func isExactDecimal(x float64, dec string) bool {
	r, ok := new(big.Rat).SetString(dec)
	return ok && new(big.Rat).SetFloat64(x).Cmp(r) == 0
}
