package sns

import (
	"encoding/json"
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// Attribute is a message attribute: DataType String, String.Array, Number
// or Binary, and its value as text (a JSON array for String.Array).
type Attribute struct {
	Type  string `json:"type" yaml:"type"`
	Value string `json:"value" yaml:"value"`
}

// Message is one publish: a body, attributes and, on a FIFO topic, a
// message group.
type Message struct {
	Body       string               `json:"body,omitempty" yaml:"body"`
	Attributes map[string]Attribute `json:"attributes,omitempty" yaml:"attributes"`
	GroupID    string               `json:"group_id,omitempty" yaml:"group_id"`
}

// Matches tells whether a message passes the policy. A nil or empty policy
// passes everything; a body that is not a JSON object fails every body
// policy.
func (p *Policy) Matches(m Message, lim Limits) bool {
	if p == nil || len(p.alts) == 0 || (len(p.alts) == 1 && len(p.alts[0]) == 0) {
		return true
	}
	var body *node
	if p.Scope == ScopeBody {
		b, err := parseJSON([]byte(m.Body))
		if err != nil || b.kind != kObject {
			return false
		}
		body = b
	}
	for _, alt := range p.alts {
		ok := true
		for _, l := range alt {
			var vals []*node
			var exists bool
			if p.Scope == ScopeBody {
				vals, exists = bodyValues(body, l.path)
			} else {
				vals, exists = attrValues(m.Attributes, l.path[0])
			}
			if !l.matches(vals, exists, lim) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// attrValues are the values of an attribute the policy can compare:
// Binary attributes are ignored, a String.Array gives each element.
func attrValues(attrs map[string]Attribute, name string) ([]*node, bool) {
	a, ok := attrs[name]
	if !ok || a.Type == "Binary" || strings.HasPrefix(a.Type, "Binary.") {
		return nil, false
	}
	switch {
	case a.Type == "Number" || strings.HasPrefix(a.Type, "Number."):
		f, err := strconv.ParseFloat(a.Value, 64)
		if err != nil {
			return nil, true
		}
		return []*node{{kind: kNumber, num: f}}, true
	case a.Type == "String.Array":
		n, err := parseJSON([]byte(a.Value))
		if err != nil || n.kind != kArray {
			return nil, true
		}
		var out []*node
		for _, e := range n.arr {
			if e.scalar() {
				out = append(out, e)
			}
		}
		return out, true
	}
	return []*node{{kind: kString, str: a.Value}}, true
}

// bodyValues follows a path through the body's objects; an array on the
// way gives each of its elements. Only leaves (not objects) are values.
func bodyValues(body *node, path []string) ([]*node, bool) {
	cur := []*node{body}
	for _, k := range path {
		var next []*node
		for _, n := range cur {
			for _, e := range flat(n) {
				if v := e.get(k); v != nil {
					next = append(next, v)
				}
			}
		}
		cur = next
	}
	var out []*node
	for _, n := range cur {
		for _, e := range flat(n) {
			if e.scalar() {
				out = append(out, e)
			}
		}
	}
	return out, len(out) > 0
}

// flat gives an array's elements (recursively), or the node itself.
func flat(n *node) []*node {
	if n.kind != kArray {
		return []*node{n}
	}
	var out []*node
	for _, e := range n.arr {
		out = append(out, flat(e)...)
	}
	return out
}

// matches is OR across the key's conditions.
func (l leaf) matches(vals []*node, exists bool, lim Limits) bool {
	for _, c := range l.conds {
		if c.op == opExists {
			if c.exists == exists {
				return true
			}
			continue
		}
		for _, v := range vals {
			if c.matches(v, lim) {
				return true
			}
		}
	}
	return false
}

func (c cond) matches(v *node, lim Limits) bool {
	switch c.op {
	case opEqual:
		return same(c.lit, v, lim)
	case opPrefix:
		return v.kind == kString && strings.HasPrefix(v.str, c.s)
	case opSuffix:
		return v.kind == kString && strings.HasSuffix(v.str, c.s)
	case opEqualsIgnoreCase:
		return v.kind == kString && strings.EqualFold(v.str, c.s)
	case opAnythingBut:
		if v.kind != kString && v.kind != kNumber {
			return false
		}
		for _, x := range c.list {
			if same(x, v, lim) {
				return false
			}
		}
		return true
	case opAnythingButPrefix:
		return v.kind == kString && !strings.HasPrefix(v.str, c.s)
	case opNumeric:
		if v.kind != kNumber {
			return false
		}
		x := fixed(v.num, lim)
		for _, t := range c.terms {
			if !compare(x, t.op, fixed(t.v, lim)) {
				return false
			}
		}
		return true
	case opCIDR:
		if v.kind != kString {
			return false
		}
		a, err := netip.ParseAddr(v.str)
		return err == nil && c.cidr.Contains(a.Unmap())
	}
	return false
}

func compare(x int64, op string, y int64) bool {
	switch op {
	case "<":
		return x < y
	case "<=":
		return x <= y
	case "=":
		return x == y
	case ">":
		return x > y
	}
	return x >= y // ">="
}

// same compares a policy literal with a value: strings with strings,
// numbers with numbers (to the documented decimal accuracy).
func same(lit, v *node, lim Limits) bool {
	if lit.kind != v.kind {
		return false
	}
	switch lit.kind {
	case kString:
		return lit.str == v.str
	case kNumber:
		return fixed(lit.num, lim) == fixed(v.num, lim)
	case kBool:
		return lit.b == v.b
	}
	return true // null
}

// fixed rounds to the decimal places SNS compares numbers with.
func fixed(x float64, lim Limits) int64 {
	return int64(math.Round(x * math.Pow10(lim.NumericDecimals)))
}

// bodyJSON builds a message body from a value, for generated workloads.
func bodyJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
