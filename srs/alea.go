package srs

import (
	"math"
	"strconv"
	"strings"
)

// The fuzz of ts-fsrs draws one number from Johannes Baagøe's Alea
// generator, seeded with the string "<review ms>_<reps>_<D·S>". This file
// reproduces that generator and JavaScript's number-to-string conversion in
// plain float64 arithmetic, so fuzzed intervals match ts-fsrs bit for bit.

const twoPow32 = 4294967296.0
const twoPowM32 = 2.3283064365386963e-10 // 2^-32

// toUint32 is JavaScript's x >>> 0 for finite x.
func toUint32(x float64) float64 {
	// Dividing by 2^32 is exact, so this is an exact modulo (and much
	// cheaper than math.Mod).
	t := math.Trunc(x)
	return t - math.Floor(t/twoPow32)*twoPow32
}

// toInt32 is JavaScript's x | 0 for finite x.
func toInt32(x float64) float64 {
	u := toUint32(x)
	if u >= 2147483648 {
		u -= twoPow32
	}
	return u
}

// mash is Alea's string hash; its state n carries over between calls.
type mash struct{ n float64 }

func newMash() mash { return mash{n: 4022871197} }

func (m *mash) hash(data string) float64 {
	n := m.n
	step := func(c float64) {
		n += c
		h := 0.02519603282416938 * n
		n = toUint32(h)
		h -= n
		h *= n
		n = toUint32(h)
		h -= n
		n += h * twoPow32
	}
	// JavaScript iterates UTF-16 code units: a rune beyond the BMP is two.
	for _, r := range data {
		if r >= 0x10000 {
			r -= 0x10000
			step(float64(0xD800 + (r >> 10)))
			step(float64(0xDC00 + (r & 0x3FF)))
			continue
		}
		step(float64(r))
	}
	m.n = n
	return toUint32(n) * twoPowM32
}

// aleaFirst returns the first number in [0,1) Alea yields for seed. Alea
// hashes " " three times, then the seed into each of its three state words;
// only the first word feeds the first output, so the rest is skipped.
func aleaFirst(seed string) float64 {
	m := newMash()
	s0 := m.hash(" ")
	m.hash(" ")
	m.hash(" ")
	s0 -= m.hash(seed)
	if s0 < 0 {
		s0++
	}
	t := 2091639*s0 + 1*twoPowM32
	return t - toInt32(t)
}

// jsNumber formats x as JavaScript's String(x) does: shortest round-trip
// digits, plain notation from 1e-6 up to 1e21, exponent notation outside.
func jsNumber(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	case x == 0:
		return "0"
	}
	sign := ""
	if x < 0 {
		sign = "-"
		x = -x
	}
	e := strconv.FormatFloat(x, 'e', -1, 64) // d.ddde±xx
	mant, expStr, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expStr)
	k := len(digits)
	n := exp + 1 // value = 0.digits × 10^n
	var b strings.Builder
	b.WriteString(sign)
	switch {
	case k <= n && n <= 21:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", n-k))
	case 0 < n && n <= 21:
		b.WriteString(digits[:n])
		b.WriteByte('.')
		b.WriteString(digits[n:])
	case -6 < n && n <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -n))
		b.WriteString(digits)
	default:
		b.WriteString(digits[:1])
		if k > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		if n-1 >= 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(n - 1))
	}
	return b.String()
}
