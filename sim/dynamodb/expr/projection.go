package expr

import (
	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// ParseProjection parses a ProjectionExpression: paths separated by commas.
func ParseProjection(ctx *Context, src string) ([]Path, error) {
	if err := checkSource(KindProjection, src); err != nil {
		return nil, err
	}
	p := newParser(ctx, KindProjection, src)
	var out []Path
	for p.fail == "" {
		path, ok := p.path()
		if !ok {
			break
		}
		out = append(out, path)
		if p.isPunct(",") {
			p.next()
			continue
		}
		if p.peek().kind != tEOF {
			p.syntax()
		}
		break
	}
	for i := range out {
		for j := 0; j < i; j++ {
			p.checkOverlap(out[j], out[i])
		}
	}
	if err := p.result(); err != nil {
		return nil, err
	}
	return out, nil
}

// Project keeps only the given paths of item. Selected list elements keep
// their relative order and close up, as DynamoDB returns them.
func Project(item attr.Item, paths []Path) attr.Item {
	if item == nil {
		return nil
	}
	out := attr.Item{}
	for _, p := range paths {
		v, ok := item[p[0].Name]
		if !ok {
			continue
		}
		if len(p) == 1 {
			out[p[0].Name] = v
			continue
		}
		sub, ok := pick(v, p[1:])
		if !ok {
			continue
		}
		if prev, had := out[p[0].Name]; had {
			out[p[0].Name] = merge(prev, sub)
		} else {
			out[p[0].Name] = sub
		}
	}
	return finishItem(out)
}

// pick returns the skeleton of v containing only the path p. Lists are
// returned as maps keyed by index internally and flattened by finish.
func pick(v attr.Value, p Path) (attr.Value, bool) {
	if len(p) == 0 {
		return v, true
	}
	e := p[0]
	if e.IsIndex {
		if v.T != attr.TL || e.Index >= len(v.L) {
			return attr.Value{}, false
		}
		sub, ok := pick(v.L[e.Index], p[1:])
		if !ok {
			return attr.Value{}, false
		}
		return attr.Value{T: attr.TL, L: []attr.Value{sub}, NS: []attr.Number{attr.MustNumber(itoa(e.Index))}}, true
	}
	if v.T != attr.TM {
		return attr.Value{}, false
	}
	c, ok := v.M[e.Name]
	if !ok {
		return attr.Value{}, false
	}
	sub, ok := pick(c, p[1:])
	if !ok {
		return attr.Value{}, false
	}
	return attr.Map(attr.Item{e.Name: sub}), true
}

// merge combines two skeletons of the same attribute. Picked list elements
// carry their original index in NS so that they stay in order.
func merge(a, b attr.Value) attr.Value {
	switch {
	case a.T == attr.TM && b.T == attr.TM:
		m := attr.Item{}
		for k, v := range a.M {
			m[k] = v
		}
		for k, v := range b.M {
			if prev, ok := m[k]; ok {
				m[k] = merge(prev, v)
			} else {
				m[k] = v
			}
		}
		return attr.Map(m)
	case a.T == attr.TL && b.T == attr.TL && len(a.NS) == len(a.L) && len(b.NS) == len(b.L):
		l := append([]attr.Value{}, a.L...)
		ns := append([]attr.Number{}, a.NS...)
		for i, x := range b.L {
			pos := len(l)
			for j, n := range ns {
				if c := b.NS[i].Cmp(n); c == 0 {
					l[j] = merge(l[j], x)
					pos = -1
					break
				} else if c < 0 {
					pos = j
					break
				}
			}
			if pos >= 0 {
				l = append(l[:pos], append([]attr.Value{x}, l[pos:]...)...)
				ns = append(ns[:pos], append([]attr.Number{b.NS[i]}, ns[pos:]...)...)
			}
		}
		return attr.Value{T: attr.TL, L: l, NS: ns}
	}
	return b
}

// finishItem strips the bookkeeping pick leaves in picked lists.
func finishItem(item attr.Item) attr.Item {
	for k, v := range item {
		item[k] = finish(v)
	}
	return item
}

func finish(v attr.Value) attr.Value {
	switch v.T {
	case attr.TL:
		l := make([]attr.Value, len(v.L))
		for i, e := range v.L {
			l[i] = finish(e)
		}
		return attr.List(l...)
	case attr.TM:
		m := make(attr.Item, len(v.M))
		for k, e := range v.M {
			m[k] = finish(e)
		}
		return attr.Map(m)
	}
	return v
}
