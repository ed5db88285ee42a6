package dynamodb

import (
	"bytes"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// record is one stored item of a table or index.
// Its partition key value is its group's.
type record struct {
	sort []attr.Value // sort key tuple: [sk] for a table, [isk, pk, sk] for an index
	item Item
	size int
}

// group holds the records of one partition key value, in sort order.
type group struct {
	hash  attr.Value
	token uint64 // position in the hash ring, which fixes Scan order
	recs  []*record
	bytes int64
	// byKey finds a record by its whole sort key (tupleKey) without a
	// binary search, for reads of one item.
	byKey map[string]*record
}

// appendTupleKey appends a sort key tuple's identity: equal tuples (by
// cmpTuple) append the same bytes and different ones different bytes.
func appendTupleKey(b []byte, sk []attr.Value) []byte {
	if len(sk) == 1 {
		return sk[0].AppendKey(b)
	}
	for _, v := range sk {
		n := len(b)
		b = append(b, 0, 0, 0, 0) // the element's length, filled in below
		b = v.AppendKey(b)
		l := len(b) - n - 4
		b[n], b[n+1], b[n+2], b[n+3] = byte(l>>24), byte(l>>16), byte(l>>8), byte(l)
	}
	return b
}

// store keeps records grouped by partition key. Scan walks groups in token
// order, like DynamoDB walks its hash ring, so Scan order looks random but
// is stable.
type store struct {
	groups map[string]*group
	order  []*group
	count  int
	bytes  int64
}

func newStore() *store { return &store{groups: map[string]*group{}} }

func token(v attr.Value) uint64 {
	h := fnv.New64a()
	h.Write([]byte(v.KeyString()))
	return h.Sum64()
}

func cmpTuple(a, b []attr.Value) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		// attr.Compare's order, on the values where they are rather than
		// on copies of them
		x, y := &a[i], &b[i]
		c := 0
		switch {
		case x.T != y.T:
		case x.T == attr.TS:
			c = strings.Compare(x.S, y.S)
		case x.T == attr.TN:
			c = x.N.Cmp(y.N)
		case x.T == attr.TB:
			c = bytes.Compare(x.B, y.B)
		}
		if c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}

// find is the position of the first record whose sort key is not below
// sk, and whether its key is sk.
func (g *group) find(sk []attr.Value) (int, bool) {
	lo, hi := 0, len(g.recs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmpTuple(g.recs[m].sort, sk) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(g.recs) && cmpTuple(g.recs[lo].sort, sk) == 0
}

func (s *store) get(h attr.Value, sk []attr.Value) *record {
	var buf [64]byte
	return s.lookup(h, appendTupleKey(buf[:0], sk))
}

// lookup is get by the sort key's appendTupleKey bytes.
func (s *store) lookup(h attr.Value, key []byte) *record {
	var buf [64]byte
	g := s.groups[string(h.AppendKeyString(buf[:0]))]
	if g == nil {
		return nil
	}
	return g.byKey[string(key)]
}

// put stores r under partition key value h.
func (s *store) put(h attr.Value, r *record) {
	k := h.KeyString()
	g := s.groups[k]
	if g == nil {
		g = &group{hash: h, token: token(h), byKey: map[string]*record{}}
		s.groups[k] = g
		i := sort.Search(len(s.order), func(i int) bool { return groupLess(g, s.order[i]) })
		s.order = append(s.order, nil)
		copy(s.order[i+1:], s.order[i:])
		s.order[i] = g
	}
	key := string(appendTupleKey(nil, r.sort))
	_, replace := g.byKey[key]
	g.byKey[key] = r
	if replace {
		i, _ := g.find(r.sort)
		s.bytes += int64(r.size - g.recs[i].size)
		g.bytes += int64(r.size - g.recs[i].size)
		g.recs[i] = r
		return
	}
	// a key past the last, as keys written in order are, goes at the end
	// without a search
	i := len(g.recs)
	if i > 0 && cmpTuple(g.recs[i-1].sort, r.sort) > 0 {
		i, _ = g.find(r.sort)
	}
	g.recs = append(g.recs, nil)
	copy(g.recs[i+1:], g.recs[i:])
	g.recs[i] = r
	s.count++
	s.bytes += int64(r.size)
	g.bytes += int64(r.size)
}

func groupLess(a, b *group) bool {
	if a.token != b.token {
		return a.token < b.token
	}
	return a.hash.KeyString() < b.hash.KeyString()
}

func (s *store) del(h attr.Value, sk []attr.Value) {
	k := h.KeyString()
	g := s.groups[k]
	if g == nil {
		return
	}
	i, ok := g.find(sk)
	if !ok {
		return
	}
	s.bytes -= int64(g.recs[i].size)
	g.bytes -= int64(g.recs[i].size)
	s.count--
	var buf [64]byte
	delete(g.byKey, string(appendTupleKey(buf[:0], sk)))
	g.recs = append(g.recs[:i], g.recs[i+1:]...)
	if len(g.recs) == 0 {
		delete(s.groups, k)
		j := sort.Search(len(s.order), func(j int) bool { return !groupLess(s.order[j], g) })
		if j < len(s.order) && s.order[j] == g {
			s.order = append(s.order[:j], s.order[j+1:]...)
		}
	}
}

// scanFrom returns the position just after (h, sk) in scan order.
func (s *store) scanFrom(h attr.Value, sk []attr.Value) (gi, ri int) {
	g := &group{hash: h, token: token(h)}
	gi = sort.Search(len(s.order), func(i int) bool { return !groupLess(s.order[i], g) })
	if gi < len(s.order) && s.order[gi].hash.KeyString() == h.KeyString() {
		ri = sort.Search(len(s.order[gi].recs), func(i int) bool { return cmpTuple(s.order[gi].recs[i].sort, sk) > 0 })
		return gi, ri
	}
	return gi, 0
}

// groupBytes is the stored size of one partition key value's items.
func (s *store) groupBytes(h attr.Value) int64 {
	if g := s.groups[h.KeyString()]; g != nil {
		return g.bytes
	}
	return 0
}
