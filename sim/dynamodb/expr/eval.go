package expr

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// Get follows a document path through an item.
func Get(item attr.Item, p Path) (attr.Value, bool) {
	if len(p) == 0 || item == nil {
		return attr.Value{}, false
	}
	v, ok := item[p[0].Name]
	if !ok {
		return attr.Value{}, false
	}
	for _, e := range p[1:] {
		if e.IsIndex {
			if v.T != attr.TL || e.Index >= len(v.L) {
				return attr.Value{}, false
			}
			v = v.L[e.Index]
		} else {
			if v.T != attr.TM {
				return attr.Value{}, false
			}
			if v, ok = v.M[e.Name]; !ok {
				return attr.Value{}, false
			}
		}
	}
	return v, true
}

// Resolve evaluates a condition operand against an item; false means the
// operand has no value (missing attribute, size of an unsized type).
func Resolve(o Operand, item attr.Item) (attr.Value, bool) {
	switch v := o.(type) {
	case ValueOperand:
		return v.Value, v.Value.T != ""
	case PathOperand:
		return Get(item, v.Path)
	case SizeOperand:
		x, ok := Get(item, v.Path)
		if !ok {
			return attr.Value{}, false
		}
		n := -1
		switch x.T {
		case attr.TS:
			n = len(x.S)
		case attr.TB:
			n = len(x.B)
		case attr.TL:
			n = len(x.L)
		case attr.TM:
			n = len(x.M)
		case attr.TSS, attr.TNS, attr.TBS:
			n = len(x.Members())
		}
		if n < 0 {
			return attr.Value{}, false
		}
		return attr.Num(strconv.Itoa(n)), true
	}
	return attr.Value{}, false
}

// Eval reports whether item satisfies c. A missing item is an empty one, so
// attribute_not_exists holds on it. Comparisons across types are false, as
// in DynamoDB; <> is true when the values differ or one is missing.
func Eval(c Cond, item attr.Item) bool {
	switch c := c.(type) {
	case And:
		return Eval(c.L, item) && Eval(c.R, item)
	case Or:
		return Eval(c.L, item) || Eval(c.R, item)
	case Not:
		return !Eval(c.C, item)
	case Compare:
		l, okl := Resolve(c.L, item)
		r, okr := Resolve(c.R, item)
		if c.Op == "<>" {
			return !okl || !okr || !attr.Equal(l, r)
		}
		if !okl || !okr {
			return false
		}
		if c.Op == "=" {
			return attr.Equal(l, r)
		}
		cmp, ok := attr.Compare(l, r)
		if !ok {
			return false
		}
		switch c.Op {
		case "<":
			return cmp < 0
		case "<=":
			return cmp <= 0
		case ">":
			return cmp > 0
		case ">=":
			return cmp >= 0
		}
	case Between:
		x, ok := Resolve(c.X, item)
		lo, ok1 := Resolve(c.Lo, item)
		hi, ok2 := Resolve(c.Hi, item)
		if !ok || !ok1 || !ok2 {
			return false
		}
		a, oka := attr.Compare(x, lo)
		b, okb := attr.Compare(x, hi)
		return oka && okb && a >= 0 && b <= 0
	case In:
		x, ok := Resolve(c.X, item)
		if !ok {
			return false
		}
		for _, o := range c.List {
			if v, ok := Resolve(o, item); ok && attr.Equal(x, v) {
				return true
			}
		}
		return false
	case Func:
		return evalFunc(c, item)
	}
	return false
}

func evalFunc(f Func, item attr.Item) bool {
	switch f.Name {
	case "attribute_exists", "attribute_not_exists":
		po, _ := f.Args[0].(PathOperand)
		_, ok := Get(item, po.Path)
		return ok == (f.Name == "attribute_exists")
	}
	a, ok1 := Resolve(f.Args[0], item)
	b, ok2 := Resolve(f.Args[1], item)
	if !ok1 || !ok2 {
		return false
	}
	switch f.Name {
	case "attribute_type":
		return b.T == attr.TS && string(a.T) == b.S
	case "begins_with":
		switch {
		case a.T == attr.TS && b.T == attr.TS:
			return strings.HasPrefix(a.S, b.S)
		case a.T == attr.TB && b.T == attr.TB:
			return bytes.HasPrefix(a.B, b.B)
		}
	case "contains":
		switch a.T {
		case attr.TS:
			return b.T == attr.TS && strings.Contains(a.S, b.S)
		case attr.TB:
			return b.T == attr.TB && bytes.Contains(a.B, b.B)
		case attr.TSS, attr.TNS, attr.TBS:
			return a.SetHas(b)
		case attr.TL:
			for _, e := range a.L {
				if attr.Equal(e, b) {
					return true
				}
			}
		}
	}
	return false
}

// Paths lists the document paths a condition reads, for key-attribute checks.
func Paths(c Cond) []Path {
	var out []Path
	add := func(os ...Operand) {
		for _, o := range os {
			switch v := o.(type) {
			case PathOperand:
				out = append(out, v.Path)
			case SizeOperand:
				out = append(out, v.Path)
			}
		}
	}
	var walk func(Cond)
	walk = func(c Cond) {
		switch c := c.(type) {
		case And:
			walk(c.L)
			walk(c.R)
		case Or:
			walk(c.L)
			walk(c.R)
		case Not:
			walk(c.C)
		case Compare:
			add(c.L, c.R)
		case Between:
			add(c.X, c.Lo, c.Hi)
		case In:
			add(c.X)
			add(c.List...)
		case Func:
			add(c.Args...)
		}
	}
	walk(c)
	return out
}
