package expr

import (
	"bytes"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// KeyPart is the condition on one key attribute of a Query.
type KeyPart struct {
	Name   string
	Op     string // EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH
	Values []attr.Value
}

// Match reports whether v satisfies the part.
func (k KeyPart) Match(v attr.Value) bool {
	c := func(i int) (int, bool) { return attr.Compare(v, k.Values[i]) }
	switch k.Op {
	case "EQ":
		x, ok := c(0)
		return ok && x == 0
	case "LT":
		x, ok := c(0)
		return ok && x < 0
	case "LE":
		x, ok := c(0)
		return ok && x <= 0
	case "GT":
		x, ok := c(0)
		return ok && x > 0
	case "GE":
		x, ok := c(0)
		return ok && x >= 0
	case "BETWEEN":
		a, ok1 := c(0)
		b, ok2 := c(1)
		return ok1 && ok2 && a >= 0 && b <= 0
	case "BEGINS_WITH":
		w := k.Values[0]
		switch {
		case v.T == attr.TS && w.T == attr.TS:
			return strings.HasPrefix(v.S, w.S)
		case v.T == attr.TB && w.T == attr.TB:
			return bytes.HasPrefix(v.B, w.B)
		}
	}
	return false
}

var keyOps = map[string]string{"=": "EQ", "<": "LT", "<=": "LE", ">": "GT", ">=": "GE"}
var flipped = map[string]string{"=": "=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}

// ParseKeyCondition parses a KeyConditionExpression into one part per key
// attribute. Matching the parts against the table's key schema is the
// engine's job, since only it knows the schema.
func ParseKeyCondition(ctx *Context, src string) ([]KeyPart, error) {
	c, err := ParseCondition(ctx, KindKeyCondition, src)
	if err != nil {
		return nil, err
	}
	var parts []KeyPart
	if msg := collectKey(c, &parts); msg != "" {
		return nil, attr.Validation(msg)
	}
	return parts, nil
}

const badKeyCond = "Invalid condition in KeyConditionExpression: "

func collectKey(c Cond, parts *[]KeyPart) string {
	var op string
	var args []Operand
	switch c := c.(type) {
	case And:
		if m := collectKey(c.L, parts); m != "" {
			return m
		}
		return collectKey(c.R, parts)
	case Or:
		return "Invalid operator used in KeyConditionExpression: OR"
	case Not:
		return "Invalid operator used in KeyConditionExpression: NOT"
	case In:
		return "Invalid operator used in KeyConditionExpression: IN"
	case Compare:
		if c.Op == "<>" {
			return "Invalid operator used in KeyConditionExpression: <>"
		}
		op, args = c.Op, []Operand{c.L, c.R}
	case Between:
		if _, ok := c.X.(PathOperand); !ok {
			return badKeyCond + "BETWEEN operator must have the key attribute as its first operand"
		}
		op, args = "BETWEEN", []Operand{c.X, c.Lo, c.Hi}
	case Func:
		if c.Name != "begins_with" {
			return "Invalid operator used in KeyConditionExpression: " + c.Name
		}
		if _, ok := c.Args[0].(PathOperand); !ok {
			return badKeyCond + "begins_with operator must have the key attribute as its first operand"
		}
		op, args = "BEGINS_WITH", c.Args
	default:
		return badKeyCond + "No key attribute specified"
	}
	name, at := "", -1
	var vals []attr.Value
	for i, a := range args {
		switch a := a.(type) {
		case SizeOperand:
			return "KeyConditionExpressions cannot contain nested operations"
		case PathOperand:
			if name != "" {
				return badKeyCond + "Multiple attribute names used in one condition"
			}
			if len(a.Path) > 1 {
				return "KeyConditionExpressions cannot have conditions on nested attributes"
			}
			name, at = a.Path[0].Name, i
		case ValueOperand:
			vals = append(vals, a.Value)
		}
	}
	if name == "" {
		return badKeyCond + "No key attribute specified"
	}
	for _, p := range *parts {
		if p.Name == name {
			return "KeyConditionExpressions must only contain one condition per key"
		}
	}
	if _, ok := keyOps[op]; ok {
		if at != 0 {
			op = flipped[op]
		}
		op = keyOps[op]
	}
	*parts = append(*parts, KeyPart{Name: name, Op: op, Values: vals})
	return ""
}

// Position places v relative to the part's range: -1 below it, 0 inside,
// +1 above. Matching keys are contiguous in sort order, so a Query can
// binary-search its bounds instead of testing every item.
func (k KeyPart) Position(v attr.Value) int {
	if k.Match(v) {
		return 0
	}
	c, _ := attr.Compare(v, k.Values[0])
	switch k.Op {
	case "LT", "LE":
		return 1
	case "GT", "GE":
		return -1
	case "BETWEEN":
		if c < 0 {
			return -1
		}
		return 1
	}
	if c < 0 {
		return -1
	}
	return 1
}
