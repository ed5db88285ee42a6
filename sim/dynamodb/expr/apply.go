package expr

import (
	"sort"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// Apply runs the update on a copy of item (nil for a new item) and returns
// the new item. Every right-hand side reads the item as it was before the
// update, as in DynamoDB.
func (u *Update) Apply(item attr.Item) (attr.Item, error) {
	orig := item
	out := item.Clone()
	if out == nil {
		out = attr.Item{}
	}
	vals := make([]attr.Value, len(u.Actions))
	for i, a := range u.Actions {
		if a.Kind == "SET" {
			v, err := evalSet(a.Value, orig)
			if err != nil {
				return nil, err
			}
			vals[i] = v
		}
	}
	var removes []Path
	for _, i := range listIndexOrder(u.Actions) {
		a := u.Actions[i]
		var err error
		switch a.Kind {
		case "SET":
			err = setPath(out, a.Path, vals[i])
		case "REMOVE":
			if !parentFits(out, a.Path) {
				return nil, errBadPath
			}
			removes = append(removes, a.Path)
		case "ADD", "DELETE":
			v := a.Value.(ValueOperand).Value
			cur, ok := Get(out, a.Path)
			var nv attr.Value
			keep := true
			switch {
			case a.Kind == "ADD" && !ok:
				nv = v
			case a.Kind == "DELETE" && !ok:
				if !parentFits(out, a.Path) {
					return nil, errBadPath
				}
				continue
			case a.Kind == "ADD" && cur.T == attr.TN && v.T == attr.TN:
				nv, err = addNum(cur, v)
			case cur.T == v.T && attr.ScalarOf(v.T) != "":
				if a.Kind == "ADD" {
					nv = attr.Union(cur, v)
				} else {
					nv, keep = attr.Difference(cur, v)
				}
			default:
				return nil, errOperandType
			}
			if err == nil {
				if keep {
					err = setPath(out, a.Path, nv)
				} else {
					removes = append(removes, a.Path)
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	// Remove list elements from the highest index down, so that each index
	// still names the element the expression meant.
	sort.SliceStable(removes, func(i, j int) bool {
		a, b := removes[i], removes[j]
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k] != b[k] {
				return a[k].IsIndex && b[k].IsIndex && a[k].Index > b[k].Index
			}
		}
		return false
	})
	for _, r := range removes {
		removePath(out, r)
	}
	return out, nil
}

func addNum(a, b attr.Value) (attr.Value, error) {
	n, err := a.N.Add(b.N)
	if err != nil {
		return attr.Value{}, err
	}
	return attr.NumOf(n), nil
}

func evalSet(o Operand, item attr.Item) (attr.Value, error) {
	switch o := o.(type) {
	case ValueOperand:
		return o.Value, nil
	case PathOperand:
		v, ok := Get(item, o.Path)
		if !ok {
			return attr.Value{}, errMissingOperand
		}
		return v, nil
	case IfNotExists:
		if v, ok := Get(item, o.Path); ok {
			return v, nil
		}
		return evalSet(o.Default, item)
	case ListAppend:
		a, err := evalSet(o.A, item)
		if err != nil {
			return a, err
		}
		b, err := evalSet(o.B, item)
		if err != nil {
			return b, err
		}
		if a.T != attr.TL || b.T != attr.TL {
			return attr.Value{}, errOperandType
		}
		l := append(append([]attr.Value{}, a.L...), b.L...)
		return attr.List(l...), nil
	case Arith:
		a, err := evalSet(o.A, item)
		if err != nil {
			return a, err
		}
		b, err := evalSet(o.B, item)
		if err != nil {
			return b, err
		}
		if a.T != attr.TN || b.T != attr.TN {
			return attr.Value{}, errOperandType
		}
		if o.Op == "-" {
			b = attr.NumOf(b.N.Neg())
		}
		return addNum(a, b)
	}
	return attr.Value{}, errOperandType
}

// setPath writes v at p, creating only the last step: parents must exist.
// An index past the end of a list appends.
func setPath(item attr.Item, p Path, v attr.Value) error {
	if len(p) == 1 {
		item[p[0].Name] = v
		return nil
	}
	root, ok := item[p[0].Name]
	if !ok {
		return errBadPath
	}
	nv, err := setIn(root, p[1:], v)
	if err != nil {
		return err
	}
	item[p[0].Name] = nv
	return nil
}

func setIn(c attr.Value, p Path, v attr.Value) (attr.Value, error) {
	e := p[0]
	if e.IsIndex {
		if c.T != attr.TL {
			return c, errBadPath
		}
		l := append([]attr.Value{}, c.L...)
		if len(p) == 1 {
			if e.Index >= len(l) {
				l = append(l, v)
			} else {
				l[e.Index] = v
			}
			return attr.List(l...), nil
		}
		if e.Index >= len(l) {
			return c, errBadPath
		}
		nv, err := setIn(l[e.Index], p[1:], v)
		if err != nil {
			return c, err
		}
		l[e.Index] = nv
		return attr.List(l...), nil
	}
	if c.T != attr.TM {
		return c, errBadPath
	}
	m := make(attr.Item, len(c.M)+1)
	for k, x := range c.M {
		m[k] = x
	}
	if len(p) == 1 {
		m[e.Name] = v
		return attr.Map(m), nil
	}
	child, ok := m[e.Name]
	if !ok {
		return c, errBadPath
	}
	nv, err := setIn(child, p[1:], v)
	if err != nil {
		return c, err
	}
	m[e.Name] = nv
	return attr.Map(m), nil
}

func removePath(item attr.Item, p Path) {
	if len(p) == 1 {
		delete(item, p[0].Name)
		return
	}
	root, ok := item[p[0].Name]
	if !ok {
		return
	}
	item[p[0].Name] = removeIn(root, p[1:])
}

func removeIn(c attr.Value, p Path) attr.Value {
	e := p[0]
	if e.IsIndex {
		if c.T != attr.TL || e.Index >= len(c.L) {
			return c
		}
		l := append([]attr.Value{}, c.L...)
		if len(p) == 1 {
			return attr.List(append(l[:e.Index], l[e.Index+1:]...)...)
		}
		l[e.Index] = removeIn(l[e.Index], p[1:])
		return attr.List(l...)
	}
	if c.T != attr.TM {
		return c
	}
	if _, ok := c.M[e.Name]; !ok {
		return c
	}
	m := make(attr.Item, len(c.M))
	for k, x := range c.M {
		m[k] = x
	}
	if len(p) == 1 {
		delete(m, e.Name)
	} else {
		m[e.Name] = removeIn(m[e.Name], p[1:])
	}
	return attr.Map(m)
}

// listIndexOrder is the order actions are applied in: as written, except
// that writes to elements of the same list go by ascending index, so that
// several writes past the end append in index order (a[4] before a[6]
// whichever was written first), as DynamoDB does.
func listIndexOrder(actions []Action) []int {
	order := make([]int, len(actions))
	slots := map[string][]int{}
	for i, a := range actions {
		order[i] = i
		if n := len(a.Path); n > 0 && a.Path[n-1].IsIndex {
			parent := a.Path[:n-1].String()
			slots[parent] = append(slots[parent], i)
		}
	}
	for _, idx := range slots {
		if len(idx) < 2 {
			continue
		}
		sorted := append([]int(nil), idx...)
		sort.SliceStable(sorted, func(x, y int) bool {
			px, py := actions[sorted[x]].Path, actions[sorted[y]].Path
			return px[len(px)-1].Index < py[len(py)-1].Index
		})
		for k, slot := range idx {
			order[slot] = sorted[k]
		}
	}
	return order
}

// parentFits reports whether the container of path's last element exists
// and is of the kind that element needs: a map for a name, a list for an
// index. A top-level attribute always fits.
func parentFits(item attr.Item, p Path) bool {
	if len(p) < 2 {
		return true
	}
	par, ok := Get(item, p[:len(p)-1])
	if !ok {
		return false
	}
	if p[len(p)-1].IsIndex {
		return par.T == attr.TL
	}
	return par.T == attr.TM
}
