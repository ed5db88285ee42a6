package attr

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// MaxItemBytes is the 400 KB item limit (aws-facts ddb.item.max), counting
// attribute names and values.
const MaxItemBytes = 400 * 1024

// MaxDepth is the nesting limit for L and M (aws-facts ddb.types).
const MaxDepth = 32

// Size is the billed size of the value in bytes: UTF-8 length for strings,
// raw length for binary, digit pairs for numbers, 1 for BOOL and NULL, and
// 3 bytes plus 1 per element for lists and maps (CapacityUnitCalculations).
func (v Value) Size() int {
	switch v.T {
	case TS:
		return len(v.S)
	case TN:
		return v.N.size()
	case TB:
		return len(v.B)
	case TBOOL, TNULL:
		return 1
	case TL:
		n := 3
		for _, e := range v.L {
			n += 1 + e.Size()
		}
		return n
	case TM:
		n := 3
		for k, e := range v.M {
			n += 1 + len(k) + e.Size()
		}
		return n
	case TSS:
		n := 0
		for _, s := range v.SS {
			n += len(s)
		}
		return n
	case TNS:
		n := 0
		for _, x := range v.NS {
			n += x.size()
		}
		return n
	case TBS:
		n := 0
		for _, b := range v.BS {
			n += len(b)
		}
		return n
	}
	return 0
}

// Size is the item's size: the sum of name lengths and value sizes.
func (it Item) Size() int {
	n := 0
	for k, v := range it {
		n += len(k) + v.Size()
	}
	return n
}

// Depth is the nesting depth of v (a scalar is 0).
func (v Value) Depth() int {
	d := 0
	switch v.T {
	case TL:
		for _, e := range v.L {
			d = max(d, e.Depth())
		}
		return d + 1
	case TM:
		for _, e := range v.M {
			d = max(d, e.Depth())
		}
		return d + 1
	}
	return 0
}

// IsScalarKeyType reports whether t may be a key attribute type.
func IsScalarKeyType(t Type) bool { return t == TS || t == TN || t == TB }

// Compare orders two scalars of the same type the way DynamoDB sorts keys:
// numbers numerically, strings and binary by unsigned bytes. ok is false when
// the values are not comparable (different or non-scalar types).
func Compare(a, b Value) (c int, ok bool) {
	if a.T != b.T {
		return 0, false
	}
	switch a.T {
	case TS:
		return strings.Compare(a.S, b.S), true
	case TN:
		return a.N.Cmp(b.N), true
	case TB:
		return bytes.Compare(a.B, b.B), true
	}
	return 0, false
}

// Equal is deep equality; sets compare as sets, whatever their order.
func Equal(a, b Value) bool {
	if a.T != b.T {
		return false
	}
	switch a.T {
	case TS:
		return a.S == b.S
	case TN:
		return a.N.Cmp(b.N) == 0
	case TB:
		return bytes.Equal(a.B, b.B)
	case TBOOL:
		return a.BOOL == b.BOOL
	case TNULL:
		return true
	case TL:
		if len(a.L) != len(b.L) {
			return false
		}
		for i := range a.L {
			if !Equal(a.L[i], b.L[i]) {
				return false
			}
		}
		return true
	case TM:
		if len(a.M) != len(b.M) {
			return false
		}
		for k, x := range a.M {
			y, ok := b.M[k]
			if !ok || !Equal(x, y) {
				return false
			}
		}
		return true
	case TSS, TNS, TBS:
		if a.setLen() != b.setLen() {
			return false
		}
		for i := 0; i < a.setLen(); i++ {
			if !b.SetHas(a.member(i)) {
				return false
			}
		}
		return true
	}
	return false
}

// ScalarOf returns the element type of a set type: S for SS and so on.
func ScalarOf(t Type) Type {
	switch t {
	case TSS:
		return TS
	case TNS:
		return TN
	case TBS:
		return TB
	}
	return ""
}

func (v Value) member(i int) Value {
	switch v.T {
	case TSS:
		return Str(v.SS[i])
	case TNS:
		return NumOf(v.NS[i])
	default:
		return Bin(v.BS[i])
	}
}

// Members lists the elements of a set as scalar values.
func (v Value) Members() []Value {
	out := make([]Value, v.setLen())
	for i := range out {
		out[i] = v.member(i)
	}
	return out
}

// SetHas reports whether the set v holds the scalar x.
func (v Value) SetHas(x Value) bool {
	if ScalarOf(v.T) != x.T {
		return false
	}
	for i := 0; i < v.setLen(); i++ {
		if Equal(v.member(i), x) {
			return true
		}
	}
	return false
}

// SetFrom builds a set of type t from scalar members (nil when empty, since
// DynamoDB has no empty sets).
func SetFrom(t Type, ms []Value) (Value, bool) {
	if len(ms) == 0 {
		return Value{}, false
	}
	v := Value{T: t}
	for _, m := range ms {
		switch t {
		case TSS:
			v.SS = append(v.SS, m.S)
		case TNS:
			v.NS = append(v.NS, m.N)
		case TBS:
			v.BS = append(v.BS, m.B)
		}
	}
	return v, true
}

// Union adds b's members to a (same set type).
func Union(a, b Value) Value {
	ms := a.Members()
	for _, m := range b.Members() {
		if !a.SetHas(m) {
			ms = append(ms, m)
		}
	}
	v, _ := SetFrom(a.T, ms)
	return v
}

// Difference removes b's members from a; ok is false when nothing remains.
func Difference(a, b Value) (Value, bool) {
	var ms []Value
	for _, m := range a.Members() {
		if !b.SetHas(m) {
			ms = append(ms, m)
		}
	}
	return SetFrom(a.T, ms)
}

// Clone copies v deeply, so an update never aliases stored data.
func (v Value) Clone() Value {
	switch v.T {
	case TL:
		l := make([]Value, len(v.L))
		for i, e := range v.L {
			l[i] = e.Clone()
		}
		v.L = l
	case TM:
		v.M = Item(v.M).Clone()
	case TSS:
		v.SS = append([]string(nil), v.SS...)
	case TNS:
		v.NS = append([]Number(nil), v.NS...)
	case TBS:
		v.BS = append([][]byte(nil), v.BS...)
	}
	return v
}

// Clone copies the item deeply.
func (it Item) Clone() Item {
	if it == nil {
		return nil
	}
	out := make(Item, len(it))
	for k, v := range it {
		out[k] = v.Clone()
	}
	return out
}

// String is a short form used in error messages, e.g. {S:abc}.
func (v Value) String() string {
	switch v.T {
	case TS:
		return "{S:" + v.S + "}"
	case TN:
		return "{N:" + v.N.String() + "}"
	case TBOOL:
		return fmt.Sprintf("{BOOL:%v}", v.BOOL)
	case TNULL:
		return "{NULL:true}"
	}
	b, _ := v.MarshalJSON()
	return string(b)
}

// KeyString encodes a scalar key value into a string that is unique per
// value, for use as a map key.
func (v Value) KeyString() string {
	var buf [64]byte
	return string(v.AppendKeyString(buf[:0]))
}

// AppendKeyString appends KeyString's bytes (to look a map up with
// without making the string).
func (v Value) AppendKeyString(b []byte) []byte {
	switch v.T {
	case TS:
		return append(append(b, 'S'), v.S...)
	case TN:
		return v.N.appendDecimal(append(b, 'N'))
	case TB:
		return append(append(b, 'B'), v.B...)
	}
	return append(b, '?')
}

// PageSize is what one item counts toward the 1 MB a single Query or Scan
// reads: its size in the compact form items are stored in (one byte per
// attribute name instead of the name, length prefixes on strings and sets)
// plus per-item overhead that grows with every 3 KB and with the sort key.
// rangeKey names the table's sort key ("" for a table without one).
func PageSize(it Item, rangeKey string) int {
	size, rk := 0, 0
	for k, v := range it {
		if rangeKey != "" && k == rangeKey {
			rk = v.stored(false)
			continue
		}
		size += v.stored(true) + 1
	}
	return 2 + size + (1+(1+size)/3072)*(18+rk)
}

// stored is the value's size in the stored form (compact when compact is
// true, the billed size otherwise, with compact nested values).
func (v Value) stored(compact bool) int {
	var sz int
	switch v.T {
	case TL:
		sz = 3
		for _, e := range v.L {
			sz += 1 + e.stored(compact)
		}
	case TM:
		sz = 3 + len(v.M)
		for k, e := range v.M {
			sz += e.stored(compact)
			if compact {
				sz++
			} else {
				sz += len(k)
			}
		}
	default:
		sz = v.Size()
	}
	if !compact {
		return sz
	}
	switch v.T {
	case TS:
		switch {
		case sz < 128:
			return sz + 1
		case sz < 16384:
			return sz + 2
		}
		return sz + 3
	case TB, TN:
		return sz + 1
	case TSS:
		return sz + len(v.SS) + 1
	case TNS:
		return sz + len(v.NS) + 1
	case TBS:
		return sz + len(v.BS) + 1
	case TNULL:
		return 0
	}
	return sz
}

// AppendKey appends a key scalar's identity: two S, N or B values append
// the same bytes exactly when Compare finds them equal (numbers by value,
// so 1.0 and 1 alike). It is for map keys, not for display.
func (v Value) AppendKey(b []byte) []byte {
	b = append(b, v.T...)
	switch v.T {
	case TS:
		b = append(b, v.S...)
	case TB:
		b = append(b, v.B...)
	case TN:
		if s := v.N.sign(); s != 0 {
			if s < 0 {
				b = append(b, '-')
			} else {
				b = append(b, '+')
			}
			b = strconv.AppendInt(b, int64(v.N.exp), 10)
			b = append(b, 'e')
			b = append(b, v.N.coef...)
		}
	}
	return b
}
