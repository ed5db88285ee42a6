package quiz

import (
	"cmp"
	"slices"

	"github.com/saa-study/saa-study/content"
)

// Allocate splits n exam items over the domains by weight with the
// largest remainder (Hamilton) method: each domain first gets the whole
// part of n·weight/100; the seats still free go one each to the domains with
// the largest fractional parts (ties: larger weight, then content.Domains
// order). The counts always add up to n and each is within one of its
// exact share. With the SAA-C03 weights 30/26/24/20:
//
//	n = 20 → secure 6, resilient 5, performant 5, cost 4
//	n = 65 → secure 19, resilient 17, performant 16, cost 13
//
// (Exact shares for 65 are 19.5/16.9/15.6/13: the floors give 63 and the
// two free seats go to the .9 and .6 remainders, not to secure's .5.)
//
// The result has one entry per content.Domains name, in that order.
func Allocate(n int) map[string]int {
	weights := make([]int, len(content.Domains))
	for i, d := range content.Domains {
		weights[i] = content.DomainWeight[d]
	}
	counts := largestRemainder(n, weights, nil)
	out := make(map[string]int, len(counts))
	for i, d := range content.Domains {
		out[d] = counts[i]
	}
	return out
}

// largestRemainder shares n seats by weights. When caps is not nil no
// share exceeds its cap (seats that fit nowhere are left out); when every
// weight is zero the seats go round in order.
func largestRemainder(n int, weights, caps []int) []int {
	out := make([]int, len(weights))
	if n <= 0 || len(weights) == 0 {
		return out
	}
	total := 0
	for _, w := range weights {
		total += max(w, 0)
	}
	if total == 0 {
		for left := n; left > 0; {
			gave := false
			for i := range out {
				if left > 0 && (caps == nil || out[i] < caps[i]) {
					out[i]++
					left--
					gave = true
				}
			}
			if !gave {
				break
			}
		}
		return out
	}
	rem := make([]int, len(weights))
	given := 0
	for i, w := range weights {
		w = max(w, 0)
		out[i] = n * w / total
		rem[i] = n * w % total
		given += out[i]
	}
	idx := make([]int, len(weights))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(rem[b], rem[a]); c != 0 {
			return c
		}
		return cmp.Compare(weights[b], weights[a])
	})
	for k := 0; given < n && k < len(idx); k++ {
		out[idx[k]]++
		given++
	}
	if caps != nil {
		for i := range out {
			out[i] = min(out[i], caps[i])
		}
	}
	return out
}

// drawByDomain picks n distinct questions: Allocate's share from each
// domain, then, where a domain's pool is short, the missing seats from the
// domains that still have questions (shared by weight again, repeatedly),
// and last from questions whose domain is not one of the four. Each
// domain's candidates are sorted by id and shuffled with the seed, so the
// draw depends only on the pool's content and the seed.
func drawByDomain(pool []*content.Question, n int, r *rng) []*content.Question {
	names := append(slices.Clone(content.Domains), "") // "" = any other domain
	buckets := make([][]*content.Question, len(names))
	for _, q := range pool {
		i := slices.Index(content.Domains, q.Domain)
		if i < 0 {
			i = len(names) - 1
		}
		buckets[i] = append(buckets[i], q)
	}
	for _, b := range buckets {
		slices.SortFunc(b, func(x, y *content.Question) int { return cmp.Compare(x.ID, y.ID) })
		r.shuffle(len(b), func(i, j int) { b[i], b[j] = b[j], b[i] })
	}
	weights := make([]int, len(names))
	for i, d := range content.Domains {
		weights[i] = content.DomainWeight[d]
	}
	taken := make([]int, len(names))
	left := min(n, len(pool))
	for left > 0 {
		caps := make([]int, len(names))
		w := make([]int, len(names))
		spare := false
		for i := range names {
			caps[i] = len(buckets[i]) - taken[i]
			if caps[i] > 0 && weights[i] > 0 {
				w[i] = weights[i]
				spare = true
			}
		}
		if !spare { // only the "other" bucket has questions left
			w[len(names)-1] = 1
		}
		share := largestRemainder(left, w, caps)
		gave := 0
		for i, s := range share {
			taken[i] += s
			gave += s
		}
		if gave == 0 {
			break
		}
		left -= gave
	}
	var out []*content.Question
	for i, b := range buckets {
		out = append(out, b[:taken[i]]...)
	}
	return out
}
