package quiz

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/saa-study/saa-study/content"
)

func TestPresentIsAReproduciblePermutation(t *testing.T) {
	for _, n := range []int{4, 5, 6} {
		q := mkQ("q", "secure", n, 0)
		for seed := uint64(0); seed < 200; seed++ {
			p := Present(q, seed)
			if !validOrder(p.Order, n) {
				t.Fatalf("n=%d seed=%d: order %v is not a permutation", n, seed, p.Order)
			}
			for pos, o := range p.Options {
				if o.Index != p.Order[pos] || o.Letter != string(rune('a'+pos)) || o.Text != q.Options[o.Index].Text {
					t.Fatalf("n=%d seed=%d pos=%d: option %+v does not match order %v", n, seed, pos, o, p.Order)
				}
			}
			if again := Present(q, seed); !slices.Equal(again.Order, p.Order) {
				t.Fatalf("seed %d gave %v then %v", seed, p.Order, again.Order)
			}
		}
	}
}

func TestDifferentSeedsGiveDifferentOrders(t *testing.T) {
	q := mkQ("q", "secure", 5, 1, 3)
	distinct := map[string]bool{}
	first := make([]int, 5) // how often each option is shown first
	const seeds = 5000
	for seed := uint64(0); seed < seeds; seed++ {
		p := Present(q, seed)
		distinct[fmt.Sprint(p.Order)] = true
		first[p.Order[0]]++
	}
	if len(distinct) != 120 {
		t.Errorf("5 options over %d seeds gave %d of the 120 orders", seeds, len(distinct))
	}
	for opt, c := range first {
		// Uniform would be 1000 each; ±20 % is far outside chance.
		if c < 800 || c > 1200 {
			t.Errorf("option %d shown first %d times of %d: the shuffle is biased", opt, c, seeds)
		}
	}
	// One session seed gives different questions different orders.
	same := 0
	for i := 0; i < 50; i++ {
		a := Present(mkQ(fmt.Sprintf("a%d", i), "cost", 5, 0), 7)
		b := Present(mkQ(fmt.Sprintf("b%d", i), "cost", 5, 0), 7)
		if slices.Equal(a.Order, b.Order) {
			same++
		}
	}
	if same > 10 {
		t.Errorf("%d of 50 question pairs share an order under one seed", same)
	}
}

func TestChooseLabel(t *testing.T) {
	tests := []struct {
		n    int
		lang content.Lang
		want string
	}{
		{1, content.EN, ""},
		{1, content.KO, ""},
		{2, content.EN, "Choose TWO"},
		{3, content.EN, "Choose THREE"},
		{4, content.EN, "Choose FOUR"},
		{2, content.KO, "2개 선택"},
		{3, content.KO, "3개 선택"},
	}
	for _, tt := range tests {
		if got := ChooseLabel(tt.n, tt.lang); got != tt.want {
			t.Errorf("ChooseLabel(%d, %s) = %q, want %q", tt.n, tt.lang, got, tt.want)
		}
	}
	q := mkQ("q", "secure", 5, 0, 2)
	q.Lang = content.KO
	if p := Present(q, 1); p.Label != "2개 선택" || p.Choose != 2 {
		t.Errorf("Korean choose-two question: label %q choose %d", p.Label, p.Choose)
	}
}

func TestParseLettersMapsDisplayToOriginal(t *testing.T) {
	p := Present(mkQ("q", "secure", 5, 0, 1), 3)
	tests := []struct {
		in   string
		want []int
		err  bool
	}{
		{"a", []int{p.Order[0]}, false},
		{"b d", []int{p.Order[1], p.Order[3]}, false},
		{"B,E", []int{p.Order[1], p.Order[4]}, false},
		{"", nil, false},
		{"f", nil, true},
		{"1", nil, true},
	}
	for _, tt := range tests {
		got, err := p.ParseLetters(tt.in)
		if (err != nil) != tt.err || !slices.Equal(got, tt.want) {
			t.Errorf("ParseLetters(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseLetters(%q) error %v is not ErrInvalid", tt.in, err)
		}
	}
}

func TestSelection(t *testing.T) {
	single := Present(mkQ("s", "secure", 4, 2), 9)
	multi := Present(mkQ("m", "secure", 5, 0, 4), 9)
	tests := []struct {
		name   string
		p      Presented
		do     func(s *Selection)
		count  int
		ready  bool
		chosen []int
	}{
		{"single set", single, func(s *Selection) { s.Set(1) }, 1, true, []int{single.Order[1]}},
		{"single set replaces", single, func(s *Selection) { s.Set(1); s.Set(3) }, 1, true, []int{single.Order[3]}},
		{"single toggle acts as set", single, func(s *Selection) { s.Toggle(0); s.Toggle(2) }, 1, true, []int{single.Order[2]}},
		{"multi one is not ready", multi, func(s *Selection) { s.Toggle(0) }, 1, false, []int{multi.Order[0]}},
		{"multi two is ready", multi, func(s *Selection) { s.Toggle(0); s.Toggle(3) }, 2, true, slices.Sorted(slices.Values([]int{multi.Order[0], multi.Order[3]}))},
		{"multi toggle off", multi, func(s *Selection) { s.Toggle(0); s.Toggle(3); s.Toggle(0) }, 1, false, []int{multi.Order[3]}},
		{"multi three is not ready", multi, func(s *Selection) { s.Toggle(0); s.Toggle(1); s.Toggle(2) }, 3, false, slices.Sorted(slices.Values(multi.Order[:3]))},
		{"out of range ignored", multi, func(s *Selection) { s.Toggle(-1); s.Toggle(5); s.Set(99) }, 0, false, nil},
		{"clear", multi, func(s *Selection) { s.Toggle(0); s.Clear() }, 0, false, nil},
	}
	for _, tt := range tests {
		s := NewSelection(tt.p)
		tt.do(s)
		if s.Count() != tt.count || s.Ready() != tt.ready || !slices.Equal(s.Chosen(), tt.chosen) {
			t.Errorf("%s: count %d ready %v chosen %v; want %d %v %v", tt.name, s.Count(), s.Ready(), s.Chosen(), tt.count, tt.ready, tt.chosen)
		}
	}
}
