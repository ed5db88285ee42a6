package sns

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// Scope is what a filter policy is matched against: the message
// attributes (the default) or the message body.
type Scope string

// The two values of a subscription's FilterPolicyScope attribute.
const (
	ScopeAttributes Scope = "MessageAttributes"
	ScopeBody       Scope = "MessageBody"
)

// Policy is a parsed, valid subscription filter policy. The zero Policy
// (no policy) accepts every message.
type Policy struct {
	Scope Scope
	// Keys is the number of keys counted against the limit.
	Keys int
	// Combinations is the policy's complexity, as AWS counts it.
	Combinations int
	// alts are the policy in disjunctive form: a message matches when every
	// leaf of one alternative matches ($or makes more than one).
	alts [][]leaf
}

// leaf is one property of the policy: a path to a value and the
// conditions, any of which may match (OR within a key's array).
type leaf struct {
	path  []string
	conds []cond
}

// op is a condition's operator.
type op int

const (
	opEqual op = iota
	opPrefix
	opSuffix
	opEqualsIgnoreCase
	opAnythingBut
	opAnythingButPrefix
	opNumeric
	opExists
	opCIDR
)

// cond is one entry of a key's array.
type cond struct {
	op     op
	lit    *node   // opEqual
	s      string  // prefix, suffix, equals-ignore-case, anything-but prefix
	list   []*node // anything-but values
	terms  []numTerm
	exists bool
	cidr   netip.Prefix
}

// numTerm is one comparison of a numeric condition: "<", "<=", "=", ">" or ">=".
type numTerm struct {
	op string
	v  float64
}

// invalid is the error AWS answers a bad filter policy with.
func invalid(format string, args ...any) *Error {
	return &Error{Code: ErrInvalidParameter, Message: "Invalid parameter: FilterPolicy: " + fmt.Sprintf(format, args...)}
}

// ParsePolicy validates a filter policy the way SNS does on Subscribe or
// SetSubscriptionAttributes and returns it ready to match. An empty source
// is no policy. Errors are *Error (InvalidParameterException).
func ParsePolicy(src string, scope Scope, lim Limits) (*Policy, error) {
	if scope == "" {
		scope = ScopeAttributes
	}
	if scope != ScopeAttributes && scope != ScopeBody {
		return nil, &Error{Code: ErrInvalidParameter, Message: fmt.Sprintf("Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [%s]. Please use either MessageBody or MessageAttributes", scope)}
	}
	if strings.TrimSpace(src) == "" {
		return &Policy{Scope: scope}, nil
	}
	if len(src) > lim.PolicyKB*1024 {
		return nil, invalid("Filter policy is too large: %d bytes, at most %d KB", len(src), lim.PolicyKB).withFact("sns.filter.size_max")
	}
	root, err := parseJSON([]byte(src))
	if err != nil {
		return nil, invalid("failed to parse JSON. %v", err)
	}
	if root.kind != kObject {
		return nil, invalid("Filter policy must be a JSON object")
	}
	p := &Policy{Scope: scope}
	p.Keys = countKeys(root, scope)
	if p.Keys > lim.KeysMax {
		return nil, invalid("Filter policy can not have more than %d keys", lim.KeysMax).withFact("sns.filter.keys_max")
	}
	var arrays []*node
	combos, err := shape(root, scope, 1, 1, &arrays)
	if err != nil {
		return nil, err
	}
	if combos > float64(lim.CombinationsMax) {
		return nil, invalid("Filter policy is too complex").withFact("sns.filter.combinations_max")
	}
	p.Combinations = int(combos)
	for _, a := range arrays {
		for _, r := range a.arr {
			if _, err := rule(r, lim); err != nil {
				return nil, err
			}
		}
	}
	p.alts = compile(root, nil, lim)
	return p, nil
}

// isOr tells whether key/value is an $or: an array of two or more objects.
func isOr(key string, v *node) bool {
	if key != "$or" || v.kind != kArray || len(v.arr) < 2 {
		return false
	}
	for _, e := range v.arr {
		if e.kind != kObject {
			return false
		}
	}
	return true
}

// countKeys counts the keys the limit applies to: every property name for
// attributes, the top-level names for the body (names inside an $or
// count where they stand).
func countKeys(obj *node, scope Scope) int {
	seen := map[string]bool{}
	var walk func(o *node, top bool)
	walk = func(o *node, top bool) {
		for i, k := range o.keys {
			v := o.vals[i]
			if isOr(k, v) {
				for _, b := range v.arr {
					walk(b, top)
				}
				continue
			}
			if top || scope == ScopeAttributes {
				seen[k] = true
			}
			if v.kind == kObject && scope == ScopeAttributes {
				walk(v, false)
			}
		}
	}
	walk(obj, true)
	return len(seen)
}

// shape checks the structure (objects and arrays in the right places) and
// returns the combinations: each array multiplies by its length times the
// depth of its key, and the branches of an $or add up.
func shape(obj *node, scope Scope, depth int, combos float64, arrays *[]*node) (float64, error) {
	for i, k := range obj.keys {
		v := obj.vals[i]
		switch {
		case isOr(k, v):
			sum := 0.0
			for _, b := range v.arr {
				c, err := shape(b, scope, depth, combos, arrays)
				if err != nil {
					return 0, err
				}
				sum += c
			}
			combos = sum
		case v.kind == kObject:
			if scope == ScopeAttributes {
				return 0, &Error{Code: ErrInvalidParameter, Message: "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy"}
			}
			c, err := shape(v, scope, depth+1, combos, arrays)
			if err != nil {
				return 0, err
			}
			combos = c
		case v.kind == kArray:
			if len(v.arr) == 0 {
				return 0, invalid("Empty arrays are not allowed")
			}
			*arrays = append(*arrays, v)
			combos *= float64(len(v.arr) * depth)
		default:
			return 0, invalid("%q must be an object or an array", k)
		}
		if combos > 1e12 {
			combos = 1e12 // far past any limit; keeps the sum finite
		}
	}
	return combos, nil
}

// rule validates one entry of a key's array.
func rule(r *node, lim Limits) (cond, error) {
	if r.scalar() {
		return cond{op: opEqual, lit: r}, nil
	}
	if r.kind != kObject {
		return cond{}, invalid("Match value must be String, number, true, false, or null")
	}
	if len(r.keys) != 1 {
		return cond{}, invalid("Only one key allowed in match expression")
	}
	name, v := r.keys[0], r.vals[0]
	switch name {
	case "prefix", "suffix", "equals-ignore-case":
		if v.kind != kString {
			return cond{}, invalid("%s match pattern must be a string", name)
		}
		o := map[string]op{"prefix": opPrefix, "suffix": opSuffix, "equals-ignore-case": opEqualsIgnoreCase}[name]
		return cond{op: o, s: v.str}, nil
	case "exists":
		if v.kind != kBool {
			return cond{}, invalid("exists match pattern must be either true or false.")
		}
		return cond{op: opExists, exists: v.b}, nil
	case "anything-but":
		return anythingBut(v)
	case "numeric":
		terms, err := numeric(v)
		return cond{op: opNumeric, terms: terms}, err
	case "cidr":
		return cidr(v)
	}
	return cond{}, invalid("Unrecognized match type %s", name)
}

func anythingBut(v *node) (cond, error) {
	switch v.kind {
	case kObject:
		for _, k := range v.keys {
			if k != "prefix" {
				return cond{}, invalid("Unsupported anything-but pattern: %s", k)
			}
		}
		p := v.get("prefix")
		if p == nil || p.kind != kString {
			return cond{}, invalid("prefix match pattern must be a string")
		}
		return cond{op: opAnythingButPrefix, s: p.str}, nil
	case kArray:
		if len(v.arr) == 0 {
			return cond{}, invalid("Empty arrays are not allowed")
		}
		for _, e := range v.arr {
			if e.kind != kString && e.kind != kNumber {
				return cond{}, invalid("Inside anything but list, start|null|boolean is not supported.")
			}
		}
		return cond{op: opAnythingBut, list: v.arr}, nil
	case kString, kNumber:
		return cond{op: opAnythingBut, list: []*node{v}}, nil
	}
	return cond{}, invalid("Inside anything but list, start|null|boolean is not supported.")
}

// numeric reads ["op", n] or [">"|">=", lo, "<"|"<=", hi].
func numeric(v *node) ([]numTerm, error) {
	if v.kind != kArray || len(v.arr) == 0 {
		return nil, invalid("Invalid member in numeric match: ]")
	}
	a := v.arr
	read := func(i int, allowed []string, badOp, unknownOp string) (numTerm, error) {
		o := a[i]
		if o.kind != kString {
			return numTerm{}, invalid("%s: %s", badOp, o.text())
		}
		ok := false
		for _, x := range allowed {
			ok = ok || x == o.str
		}
		if !ok {
			return numTerm{}, invalid("%s: %s", unknownOp, o.str)
		}
		name := o.str
		if name == "=" {
			name = "equals"
		}
		if i+1 >= len(a) || a[i+1].kind != kNumber {
			return numTerm{}, invalid("Value of %s must be numeric", name)
		}
		return numTerm{op: o.str, v: a[i+1].num}, nil
	}
	first, err := read(0, []string{"<", "<=", "=", ">", ">="}, "Invalid member in numeric match", "Unrecognized numeric range operator")
	if err != nil {
		return nil, err
	}
	if len(a) == 2 {
		return []numTerm{first}, nil
	}
	if first.op != ">" && first.op != ">=" {
		return nil, invalid("Too many elements in numeric expression")
	}
	second, err := read(2, []string{"<", "<="}, "Bad value in numeric range", "Bad numeric range operator")
	if err != nil {
		return nil, err
	}
	if second.v <= first.v {
		return nil, invalid("Bottom must be less than top")
	}
	if len(a) > 4 {
		return nil, invalid("Too many terms in numeric range expression")
	}
	return []numTerm{first, second}, nil
}

func cidr(v *node) (cond, error) {
	if v.kind != kString {
		return cond{}, invalid("prefix match pattern must be a string")
	}
	addr, bits, ok := strings.Cut(v.str, "/")
	if !ok || strings.Contains(bits, "/") {
		return cond{}, invalid("Malformed CIDR, one '/' required")
	}
	if _, err := strconv.Atoi(bits); err != nil {
		return cond{}, invalid("Malformed CIDR, mask bits must be an integer")
	}
	p, err := netip.ParsePrefix(v.str)
	if err != nil {
		return cond{}, invalid("Nonstandard IP address: %s", addr)
	}
	return cond{op: opCIDR, cidr: p.Masked()}, nil
}

// compile turns a valid policy object into alternatives of leaves.
func compile(obj *node, path []string, lim Limits) [][]leaf {
	alts := [][]leaf{nil}
	cross := func(with [][]leaf) {
		var out [][]leaf
		for _, a := range alts {
			for _, w := range with {
				out = append(out, append(append([]leaf{}, a...), w...))
			}
		}
		alts = out
	}
	for i, k := range obj.keys {
		v := obj.vals[i]
		switch {
		case isOr(k, v):
			var any [][]leaf
			for _, b := range v.arr {
				any = append(any, compile(b, path, lim)...)
			}
			cross(any)
		case v.kind == kObject:
			cross(compile(v, appendPath(path, k), lim))
		default:
			l := leaf{path: appendPath(path, k)}
			for _, r := range v.arr {
				c, _ := rule(r, lim)
				l.conds = append(l.conds, c)
			}
			cross([][]leaf{{l}})
		}
	}
	return alts
}

func appendPath(p []string, k string) []string { return append(append([]string{}, p...), k) }
