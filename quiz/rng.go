package quiz

import (
	"hash/fnv"
	"math/bits"
	"math/rand/v2"
)

// rng is a small seeded generator. It draws raw words from PCG (whose
// output is fixed by its published algorithm) and does its own bounded
// reduction and shuffling, so an order derived from a seed stays the same
// across Go releases — a saved exam resumes with the same option order.
type rng struct{ src *rand.PCG }

// newRNG returns a generator for seed and a stream name; different streams
// (question ids, "exam-order", …) give independent sequences for one seed.
func newRNG(seed uint64, stream string) *rng {
	h := fnv.New64a()
	_, _ = h.Write([]byte(stream))
	return &rng{src: rand.NewPCG(seed, h.Sum64())}
}

// intn returns a uniform integer in [0, n) using Lemire's multiply-shift
// with rejection, so no value is favoured. n must be > 0.
func (r *rng) intn(n int) int {
	bound := uint64(n)
	hi, lo := bits.Mul64(r.src.Uint64(), bound)
	if lo < bound {
		thresh := -bound % bound
		for lo < thresh {
			hi, lo = bits.Mul64(r.src.Uint64(), bound)
		}
	}
	return int(hi)
}

// shuffle is Fisher–Yates: every permutation is equally likely.
func (r *rng) shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, r.intn(i+1))
	}
}

// perm returns a seeded permutation of 0..n-1.
func (r *rng) perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

// mix derives a new seed from one, for a follow-up session (a retake) that
// must not repeat the first one's order.
func mix(seed uint64) uint64 {
	// splitmix64 finaliser: a cheap bijection that scatters nearby seeds.
	z := seed + 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
