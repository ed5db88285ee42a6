package dynamodb

import (
	"fmt"
	"strings"
)

// The legacy parameters (AttributesToGet, Expected, AttributeUpdates,
// KeyConditions, QueryFilter, ScanFilter, ConditionalOperator) predate
// expressions and mean the same things (LegacyConditionalParameters.html).
// After validation the request is rewritten into the expression form the
// engine runs, with placeholders of its own, so a legacy request is never
// silently ignored.

// legacyWriter builds expressions and their placeholder maps.
type legacyWriter struct {
	data   *jv
	names  *jv
	values *jv
	n      int
}

func newLegacyWriter(data *jv) *legacyWriter {
	w := &legacyWriter{data: data}
	w.names = data.get("ExpressionAttributeNames")
	if w.names.isNull() {
		w.names = &jv{kind: 'o'}
	}
	w.values = data.get("ExpressionAttributeValues")
	if w.values.isNull() {
		w.values = &jv{kind: 'o'}
	}
	return w
}

func (w *legacyWriter) name(attr string) string {
	w.n++
	k := fmt.Sprintf("#legacy%d", w.n)
	w.names.set(k, &jv{kind: 's', s: attr})
	return k
}

func (w *legacyWriter) value(v *jv) string {
	w.n++
	k := fmt.Sprintf(":legacy%d", w.n)
	w.values.set(k, v)
	return k
}

// finish stores the placeholder maps back into the request.
func (w *legacyWriter) finish() {
	if len(w.names.keys) > 0 {
		w.data.set("ExpressionAttributeNames", w.names)
	}
	if len(w.values.keys) > 0 {
		w.data.set("ExpressionAttributeValues", w.values)
	}
}

func (w *legacyWriter) setExpr(key, src string) {
	w.data.set(key, &jv{kind: 's', s: src})
}

func (w *legacyWriter) drop(keys ...string) { w.data.drop(keys...) }

// condition renders one legacy condition on attribute a.
func (w *legacyWriter) condition(a, op string, list []*jv) string {
	n := w.name(a)
	vals := make([]string, len(list))
	for i, v := range list {
		vals[i] = w.value(v)
	}
	switch op {
	case "EQ":
		return n + " = " + vals[0]
	case "NE":
		return n + " <> " + vals[0]
	case "LE":
		return n + " <= " + vals[0]
	case "LT":
		return n + " < " + vals[0]
	case "GE":
		return n + " >= " + vals[0]
	case "GT":
		return n + " > " + vals[0]
	case "NULL":
		return "attribute_not_exists(" + n + ")"
	case "NOT_NULL":
		return "attribute_exists(" + n + ")"
	case "CONTAINS":
		return "contains(" + n + ", " + vals[0] + ")"
	case "NOT_CONTAINS":
		return "NOT contains(" + n + ", " + vals[0] + ")"
	case "BEGINS_WITH":
		return "begins_with(" + n + ", " + vals[0] + ")"
	case "IN":
		return n + " IN (" + strings.Join(vals, ", ") + ")"
	case "BETWEEN":
		return n + " BETWEEN " + vals[0] + " AND " + vals[1]
	}
	return ""
}

func (w *legacyWriter) conditions(m *jv, joiner string, parens bool) string {
	var parts []string
	for _, a := range m.keys {
		c := m.get(a)
		var list []*jv
		if l := c.get("AttributeValueList"); l != nil {
			list = l.arr
		}
		c2 := w.condition(a, c.get("ComparisonOperator").str(), list)
		if parens {
			c2 = "(" + c2 + ")"
		}
		parts = append(parts, c2)
	}
	return strings.Join(parts, " "+joiner+" ")
}

func (w *legacyWriter) joiner() string {
	if w.data.get("ConditionalOperator").str() == "OR" {
		return "OR"
	}
	return "AND"
}

// expected renders an Expected map as a ConditionExpression.
func (w *legacyWriter) expected(exp *jv) string {
	var parts []string
	for _, a := range exp.keys {
		c := exp.get(a)
		switch {
		case c.has("ComparisonOperator"):
			var list []*jv
			if c.has("AttributeValueList") {
				list = c.get("AttributeValueList").arr
			} else if c.has("Value") {
				list = []*jv{c.get("Value")}
			}
			parts = append(parts, "("+w.condition(a, c.get("ComparisonOperator").str(), list)+")")
		case c.has("Exists") && !c.get("Exists").b:
			parts = append(parts, "(attribute_not_exists("+w.name(a)+"))")
		default:
			parts = append(parts, "("+w.name(a)+" = "+w.value(c.get("Value"))+")")
		}
	}
	return strings.Join(parts, " "+w.joiner()+" ")
}

// projection renders AttributesToGet as a ProjectionExpression.
func (w *legacyWriter) projection(list *jv) string {
	parts := make([]string, len(list.arr))
	for i, a := range list.arr {
		parts[i] = w.name(a.str())
	}
	return strings.Join(parts, ", ")
}

// updates renders AttributeUpdates as an UpdateExpression.
func (w *legacyWriter) updates(ups *jv) string {
	var set, remove, add, del []string
	for _, a := range ups.keys {
		u := ups.get(a)
		val := u.get("Value")
		action := u.get("Action").str()
		if action == "" {
			action = "PUT"
		}
		n := w.name(a)
		switch {
		case action == "PUT":
			set = append(set, n+" = "+w.value(val))
		case action == "DELETE" && val.isNull():
			remove = append(remove, n)
		case action == "DELETE":
			del = append(del, n+" "+w.value(val))
		case action == "ADD" && val.firstKey() == "L":
			empty := &jv{kind: 'o', keys: []string{"L"}, vals: []*jv{{kind: 'a', arr: []*jv{}}}}
			set = append(set, n+" = list_append(if_not_exists("+n+", "+w.value(empty)+"), "+w.value(val)+")")
		default:
			add = append(add, n+" "+w.value(val))
		}
	}
	var out []string
	if len(set) > 0 {
		out = append(out, "SET "+strings.Join(set, ", "))
	}
	if len(remove) > 0 {
		out = append(out, "REMOVE "+strings.Join(remove, ", "))
	}
	if len(add) > 0 {
		out = append(out, "ADD "+strings.Join(add, ", "))
	}
	if len(del) > 0 {
		out = append(out, "DELETE "+strings.Join(del, ", "))
	}
	return strings.Join(out, " ")
}

// rewriteLegacy turns the legacy parameters of a validated request into
// expressions.
func rewriteLegacy(data *jv) {
	// BatchGetItem: each table's AttributesToGet.
	if ri := data.get("RequestItems"); ri != nil && ri.kind == 'o' {
		for _, name := range ri.keys {
			ka := ri.get(name)
			if ka == nil || ka.kind != 'o' {
				continue
			}
			if l := ka.get("AttributesToGet"); !l.isNull() {
				w := newLegacyWriter(ka)
				w.setExpr("ProjectionExpression", w.projection(l))
				w.drop("AttributesToGet")
				w.finish()
			}
		}
	}
	legacy := []string{"AttributesToGet", "Expected", "AttributeUpdates", "KeyConditions", "QueryFilter", "ScanFilter"}
	any := false
	for _, k := range legacy {
		any = any || data.has(k)
	}
	if !any {
		data.drop("ConditionalOperator")
		return
	}
	w := newLegacyWriter(data)
	if l := data.get("AttributesToGet"); !l.isNull() {
		w.setExpr("ProjectionExpression", w.projection(l))
		if data.get("Select").str() == "SPECIFIC_ATTRIBUTES" {
			data.drop("Select")
		}
	}
	if e := data.get("Expected"); !e.isNull() && len(e.keys) > 0 {
		w.setExpr("ConditionExpression", w.expected(e))
	}
	if u := data.get("AttributeUpdates"); !u.isNull() && len(u.keys) > 0 {
		w.setExpr("UpdateExpression", w.updates(u))
		data.set("_attributeUpdates", &jv{kind: 'b', b: true})
	}
	// KeyConditions stay as they are: Query checks them against the key
	// schema with their own comparison operators, which no expression has.
	keep := data.get("KeyConditions")
	if !keep.isNull() && data.has("KeyConditionExpression") {
		keep = nil
	}
	for _, f := range []string{"QueryFilter", "ScanFilter"} {
		if m := data.get(f); !m.isNull() && len(m.keys) > 0 {
			w.setExpr("FilterExpression", w.conditions(m, w.joiner(), true))
			if f == "QueryFilter" {
				data.set("_filterName", &jv{kind: 's', s: f})
			}
		}
	}
	w.drop(append(legacy, "ConditionalOperator")...)
	if !keep.isNull() {
		data.set("KeyConditions", keep)
	}
	w.finish()
}
