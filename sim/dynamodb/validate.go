package dynamodb

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
	"github.com/saa-study/saa-study/sim/dynamodb/expr"
)

// checkRequest runs DynamoDB's request validation for op on a raw body,
// before any table is looked up (see shape.go for the stages). It returns
// the request the engine should run: members converted to their model
// types, nulls dropped. It returns nil (and no error) for an operation
// without a model, whose body passes through unchanged. raw is the body
// already decoded, or nil.
func (db *DB) checkRequest(op string, body []byte, raw *jv) (*jv, error) {
	types := shapeOf(op)
	if types == nil {
		return nil, nil
	}
	if raw == nil {
		if len(strings.TrimSpace(string(body))) == 0 {
			body = []byte("{}")
		}
		var err error
		if raw, err = parseJV(body); err != nil {
			return nil, apiErr(ErrSerialization, "")
		}
	}
	if raw.kind != 'o' {
		return nil, typeError("Start of structure or map found where not expected")
	}
	data, err := checkTypes(raw, types, true)
	if err != nil {
		return nil, err
	}
	if err := checkConstraints(data, types); err != nil {
		return nil, err
	}
	if check := customChecks[op]; check != nil {
		if err := check(db, data); err != nil {
			return nil, err
		}
	}
	rewriteLegacy(data)
	return data, nil
}

var customChecks = map[string]func(*DB, *jv) error{
	"PutItem":            checkPutItem,
	"GetItem":            checkGetItem,
	"DeleteItem":         checkDeleteItem,
	"UpdateItem":         checkUpdateItem,
	"Query":              checkQuery,
	"Scan":               checkScan,
	"BatchGetItem":       checkBatchGetItem,
	"BatchWriteItem":     checkBatchWriteItem,
	"CreateTable":        checkCreateTable,
	"UpdateTable":        checkUpdateTable,
	"TagResource":        checkTagResource,
	"UntagResource":      checkUntagResource,
	"ListTagsOfResource": checkListTags,
}

const oneOrMore = "One or more parameter values were invalid: "

// checkAttrValue checks one AttributeValue: exactly one type, numbers in
// range, sets not empty and without duplicates.
func checkAttrValue(v *jv) error {
	if v.isNull() || v.kind != 'o' || len(v.keys) == 0 {
		return validationf("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
	}
	for _, typ := range v.keys {
		val := v.get(typ)
		switch typ {
		case "N":
			if err := checkNum(val.str()); err != nil {
				return err
			}
		case "NULL":
			if !val.truthy() {
				return invalid("Null attribute value types must have the value of true")
			}
		case "SS", "NS", "BS":
			if val.isNull() || len(val.arr) == 0 {
				switch typ {
				case "SS":
					return invalid("An string set  may not be empty")
				case "NS":
					return invalid("An number set  may not be empty")
				}
				return invalid("Binary sets should not be empty")
			}
			if typ == "NS" {
				for _, n := range val.arr {
					if err := checkNum(n.str()); err != nil {
						return err
					}
				}
			}
			if dup := findDuplicate(val); dup {
				switch typ {
				case "SS":
					return invalid("Input collection " + val.display() + " contains duplicates.")
				case "NS":
					return validationf("Input collection contains duplicates")
				}
				return invalid("Input collection " + val.display() + "of type BS contains duplicates.")
			}
		case "M":
			for _, k := range val.keys {
				if err := checkAttrValue(val.get(k)); err != nil {
					return err
				}
			}
		case "L":
			for _, e := range val.arr {
				if err := checkAttrValue(e); err != nil {
					return err
				}
			}
		}
	}
	if len(v.keys) > 1 {
		return validationf("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
	}
	return nil
}

func checkNum(s string) error {
	if _, err := attr.ParseNumber(s); err != nil {
		return validationf(ErrorMessage(err))
	}
	return nil
}

// findDuplicate reports whether a list of strings repeats one; dupName
// names the first repeat.
func findDuplicate(list *jv) bool { return dupName(list) != "" }

func dupName(list *jv) string {
	if list == nil {
		return ""
	}
	seen := map[string]bool{}
	for _, e := range list.arr {
		if seen[e.str()] {
			return e.str()
		}
		seen[e.str()] = true
	}
	return ""
}

func checkMap(m *jv) error {
	if m == nil {
		return nil
	}
	for _, k := range m.keys {
		if err := checkAttrValue(m.get(k)); err != nil {
			return err
		}
	}
	return nil
}

// checkExpressionParams applies the rules for mixing the expression
// parameters with the legacy ones.
func checkExpressionParams(data *jv, exprs, legacy []string) error {
	var used []string
	for _, e := range exprs {
		if data.has(e) {
			used = append(used, e)
		}
	}
	if len(used) > 0 {
		var old []string
		for _, l := range legacy {
			if l == "KeyConditions" && data.has("KeyConditions") && !data.has("KeyConditionExpression") {
				continue
			}
			if data.has(l) {
				old = append(old, l)
			}
		}
		if len(old) > 0 {
			return validationf("Can not use both expression and non-expression parameters in the same request: " +
				"Non-expression parameters: {" + strings.Join(old, ", ") + "} Expression parameters: {" + strings.Join(used, ", ") + "}")
		}
	}
	if data.has("ExpressionAttributeNames") && len(used) == 0 {
		return validationf("ExpressionAttributeNames can only be specified when using expressions")
	}
	var valExprs []string
	for _, e := range exprs {
		if e != "ProjectionExpression" {
			valExprs = append(valExprs, e)
		}
	}
	if len(valExprs) > 0 && data.has("ExpressionAttributeValues") {
		none := true
		for _, e := range valExprs {
			none = none && !data.has(e)
		}
		if none {
			verb := "is"
			if len(valExprs) > 1 {
				verb = "are"
			}
			return validationf("ExpressionAttributeValues can only be specified when using expressions: " + strings.Join(valExprs, " and ") + " " + verb + " null")
		}
	}
	return nil
}

var (
	nameKeyRe  = regexp.MustCompile(`^#[0-9a-zA-Z_]+$`)
	valueKeyRe = regexp.MustCompile(`^:[0-9a-zA-Z_]+$`)
)

// checkExpressions checks the placeholder maps and parses every
// expression of the request, in DynamoDB's order, with the engine's parsers.
func checkExpressions(data *jv) error {
	var names map[string]string
	var values map[string]attr.Value
	if n := data.get("ExpressionAttributeNames"); !n.isNull() {
		if len(n.keys) == 0 {
			return validationf("ExpressionAttributeNames must not be empty")
		}
		names = map[string]string{}
		for _, k := range n.keys {
			if !nameKeyRe.MatchString(k) {
				return validationf(`ExpressionAttributeNames contains invalid key: Syntax error; key: "` + k + `"`)
			}
			names[k] = n.get(k).str()
		}
	}
	if v := data.get("ExpressionAttributeValues"); !v.isNull() {
		if len(v.keys) == 0 {
			return validationf("ExpressionAttributeValues must not be empty")
		}
		for _, k := range v.keys {
			if !valueKeyRe.MatchString(k) {
				return validationf(`ExpressionAttributeValues contains invalid key: Syntax error; key: "` + k + `"`)
			}
		}
		values = map[string]attr.Value{}
		for _, k := range v.keys {
			if err := checkAttrValue(v.get(k)); err != nil {
				return validationf("ExpressionAttributeValues contains invalid value: " + ErrorMessage(err) + " for key " + k)
			}
			av, err := toAttr(v.get(k))
			if err != nil {
				return err
			}
			values[k] = av
		}
	}
	if names == nil && values == nil && data.get("UpdateExpression") == nil && data.get("ConditionExpression") == nil &&
		data.get("KeyConditionExpression") == nil && data.get("FilterExpression") == nil && data.get("ProjectionExpression") == nil {
		return nil // no expression, and nothing an expression could leave unused
	}
	ctx := expr.NewContext(names, values)
	if s := data.get("UpdateExpression"); s != nil {
		if _, err := expr.ParseUpdate(ctx, s.str()); err != nil {
			return err
		}
	}
	if s := data.get("ConditionExpression"); s != nil {
		if _, err := expr.ParseCondition(ctx, expr.KindCondition, s.str()); err != nil {
			return err
		}
	}
	if s := data.get("KeyConditionExpression"); s != nil {
		if parts, err := expr.ParseKeyCondition(ctx, s.str()); err == nil && (len(parts) < 1 || len(parts) > 2) {
			return validationf("Conditions can be of length 1 or 2 only")
		} else if err != nil {
			return err
		}
	}
	if s := data.get("FilterExpression"); s != nil {
		if _, err := expr.ParseCondition(ctx, expr.KindFilter, s.str()); err != nil {
			return err
		}
	}
	if s := data.get("ProjectionExpression"); s != nil {
		if _, err := expr.ParseProjection(ctx, s.str()); err != nil {
			return err
		}
	}
	return ctx.CheckUnused()
}

func toAttr(v *jv) (attr.Value, error) {
	var av attr.Value
	b, _ := v.MarshalJSON()
	err := json.Unmarshal(b, &av)
	return av, err
}

// argCounts is how many values each legacy ComparisonOperator takes
// (-1: one or more).
var argCounts = map[string]int{
	"EQ": 1, "NE": 1, "LE": 1, "LT": 1, "GE": 1, "GT": 1, "CONTAINS": 1, "NOT_CONTAINS": 1,
	"BEGINS_WITH": 1, "NULL": 0, "NOT_NULL": 0, "IN": -1, "BETWEEN": 2,
}

var opTypes = map[string][]string{
	"EQ": {"S", "N", "B", "SS", "NS", "BS"}, "NE": {"S", "N", "B", "SS", "NS", "BS"},
	"LE": {"S", "N", "B"}, "LT": {"S", "N", "B"}, "GE": {"S", "N", "B"}, "GT": {"S", "N", "B"},
	"CONTAINS": {"S", "N", "B"}, "NOT_CONTAINS": {"S", "N", "B"}, "BEGINS_WITH": {"S", "B"},
	"IN": {"S", "N", "B"}, "BETWEEN": {"S", "N", "B"},
}

func betweenReversed(list []*jv) bool {
	a, err1 := toAttr(list[0])
	b, err2 := toAttr(list[1])
	if err1 != nil || err2 != nil {
		return false
	}
	c, ok := attr.Compare(a, b)
	return ok && c > 0
}

// checkConditions checks KeyConditions, QueryFilter or ScanFilter.
func checkConditions(conds *jv) error {
	if conds == nil {
		return nil
	}
	for _, k := range conds.keys {
		c := conds.get(k)
		op := c.get("ComparisonOperator").str()
		var list []*jv
		if l := c.get("AttributeValueList"); l != nil {
			list = l.arr
		}
		for _, v := range list {
			if err := checkAttrValue(v); err != nil {
				return err
			}
		}
		n, known := argCounts[op]
		if known && ((n >= 0 && len(list) != n) || (n < 0 && len(list) < 1)) {
			return invalid("Invalid number of argument(s) for the " + op + " ComparisonOperator")
		}
		if len(list) > 0 {
			t := list[0].firstKey()
			for _, v := range list {
				if v.firstKey() != t {
					return invalid("AttributeValues inside AttributeValueList must be of same type")
				}
			}
		}
		if ts, ok := opTypes[op]; ok {
			for _, v := range list {
				if !contains(ts, v.firstKey()) {
					return invalid("ComparisonOperator " + op + " is not valid for " + v.firstKey() + " AttributeValue type")
				}
			}
		}
		if op == "BETWEEN" && betweenReversed(list) {
			return validationf("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkExpected checks the legacy Expected map of a write.
func checkExpected(data *jv) error {
	exp := data.get("Expected")
	if exp == nil {
		return nil
	}
	for _, key := range exp.keys {
		c := exp.get(key)
		switch {
		case c.has("AttributeValueList") && c.has("Value"):
			return invalid("Value and AttributeValueList cannot be used together for Attribute: " + key)
		case c.has("ComparisonOperator"):
			op := c.get("ComparisonOperator").str()
			if c.has("Exists") {
				return invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + key)
			}
			if op != "NULL" && op != "NOT_NULL" && !c.has("AttributeValueList") && !c.has("Value") {
				return invalid("Value or AttributeValueList must be used with ComparisonOperator: " + op + " for Attribute: " + key)
			}
			var list []*jv
			switch {
			case c.has("AttributeValueList"):
				list = c.get("AttributeValueList").arr
			case c.has("Value"):
				list = []*jv{c.get("Value")}
			}
			n := argCounts[op]
			if (n >= 0 && len(list) != n) || (n < 0 && len(list) < 1) {
				return invalid("Invalid number of argument(s) for the " + op + " ComparisonOperator")
			}
			if l := c.get("AttributeValueList"); l != nil && len(l.arr) > 0 {
				t := l.arr[0].firstKey()
				for _, v := range l.arr {
					if v.firstKey() != t {
						return invalid("AttributeValues inside AttributeValueList must be of same type")
					}
				}
				if op == "BETWEEN" && betweenReversed(l.arr) {
					return validationf("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")
				}
			}
		case c.has("AttributeValueList"):
			return invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + key)
		default:
			ex := c.get("Exists")
			exists := ex.isNull() || ex.b
			switch {
			case exists && !c.has("Value"):
				word := "null"
				if !ex.isNull() {
					word = fmt.Sprint(ex.b)
				}
				return invalid("Value must be provided when Exists is " + word + " for Attribute: " + key)
			case !exists && c.has("Value"):
				return invalid("Value cannot be used when Exists is false for Attribute: " + key)
			}
			if c.has("Value") {
				if err := checkAttrValue(c.get("Value")); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func checkAttributesToGet(data *jv) error {
	if d := dupName(data.get("AttributesToGet")); d != "" {
		return invalid("Duplicate value in attribute name: " + d)
	}
	return nil
}

func itemTooBig(item *jv) bool {
	if size, ok := plainItemSize(item); ok {
		return size > attr.MaxItemBytes
	}
	it, err := toItem(item)
	return err == nil && it.Size() > attr.MaxItemBytes
}

// plainItemSize is Item.Size of an item of plain S and N values, without
// building the item; ok is false for any other item.
func plainItemSize(v *jv) (size int, ok bool) {
	if v == nil || v.kind != 'o' {
		return 0, false
	}
	for i, k := range v.keys {
		av, ok := plainAttr(v.vals[i])
		if !ok {
			return 0, false
		}
		size += len(k) + av.Size()
	}
	return size, true
}

func toItem(v *jv) (Item, error) {
	if it, ok := plainItem(v); ok {
		return it, nil // as json.Unmarshal reads it (FuzzPutItemInput)
	}
	var it Item
	b, _ := v.MarshalJSON()
	err := json.Unmarshal(b, &it)
	return it, err
}

func checkPutItem(_ *DB, data *jv) error {
	if err := checkExpressionParams(data, []string{"ConditionExpression"}, []string{"Expected"}); err != nil {
		return err
	}
	if err := checkMap(data.get("Item")); err != nil {
		return err
	}
	if rv := data.get("ReturnValues").str(); rv != "" && rv != "ALL_OLD" && rv != "NONE" {
		return validationf("Return values set to invalid value")
	}
	if itemTooBig(data.get("Item")) {
		return validationf("Item size has exceeded the maximum allowed size")
	}
	if err := checkExpected(data); err != nil {
		return err
	}
	return checkExpressions(data)
}

func checkGetItem(_ *DB, data *jv) error {
	if err := checkExpressionParams(data, []string{"ProjectionExpression"}, []string{"AttributesToGet"}); err != nil {
		return err
	}
	if err := checkMap(data.get("Key")); err != nil {
		return err
	}
	if err := checkAttributesToGet(data); err != nil {
		return err
	}
	return checkExpressions(data)
}

func checkDeleteItem(_ *DB, data *jv) error {
	if err := checkExpressionParams(data, []string{"ConditionExpression"}, []string{"Expected"}); err != nil {
		return err
	}
	if err := checkMap(data.get("Key")); err != nil {
		return err
	}
	if err := checkExpected(data); err != nil {
		return err
	}
	return checkExpressions(data)
}

func checkUpdateItem(_ *DB, data *jv) error {
	if err := checkExpressionParams(data, []string{"UpdateExpression", "ConditionExpression"}, []string{"AttributeUpdates", "Expected"}); err != nil {
		return err
	}
	if err := checkMap(data.get("Key")); err != nil {
		return err
	}
	if ups := data.get("AttributeUpdates"); ups != nil {
		for _, k := range ups.keys {
			u := ups.get(k)
			val, action := u.get("Value"), u.get("Action").str()
			if !val.isNull() {
				if err := checkAttrValue(val); err != nil {
					return err
				}
			}
			if val.isNull() && action != "DELETE" {
				return invalid("Only DELETE action is allowed when no attribute value is specified")
			}
			t := val.firstKey()
			if !val.isNull() && action == "DELETE" && t != "SS" && t != "NS" && t != "BS" {
				return invalid("DELETE action with value is not supported for the type " + t)
			}
			if !val.isNull() && action == "ADD" && !contains([]string{"L", "SS", "NS", "BS", "N"}, t) {
				return invalid("ADD action is not supported for the type " + t)
			}
		}
	}
	if err := checkExpected(data); err != nil {
		return err
	}
	return checkExpressions(data)
}

// startKeyMessage prefixes an invalid ExclusiveStartKey's message, except
// for the number and duplicate messages, which DynamoDB reports bare.
var bareStartKeyMsg = regexp.MustCompile(`contains duplicates|number set|numeric value|significant digits|number with magnitude`)

func checkStartKey(data *jv) error {
	if err := checkMap(data.get("ExclusiveStartKey")); err != nil {
		msg := ErrorMessage(err)
		if !bareStartKeyMsg.MatchString(msg) {
			msg = "The provided starting key is invalid: " + msg
		}
		return validationf(msg)
	}
	return nil
}

func checkQuery(_ *DB, data *jv) error {
	if err := checkExpressionParams(data, []string{"ProjectionExpression", "FilterExpression", "KeyConditionExpression"},
		[]string{"AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"}); err != nil {
		return err
	}
	if err := checkConditions(data.get("QueryFilter")); err != nil {
		return err
	}
	if err := checkAttributesToGet(data); err != nil {
		return err
	}
	if err := checkStartKey(data); err != nil {
		return err
	}
	if !data.has("KeyConditions") && !data.has("KeyConditionExpression") {
		return validationf("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
	}
	if err := checkExpressions(data); err != nil {
		return err
	}
	if kc := data.get("KeyConditions"); kc != nil && !data.has("KeyConditionExpression") {
		if err := checkConditions(kc); err != nil {
			return err
		}
		if n := len(kc.keys); n != 1 && n != 2 {
			return validationf("Conditions can be of length 1 or 2 only")
		}
	}
	return nil
}

func checkScan(_ *DB, data *jv) error {
	if err := checkExpressionParams(data, []string{"ProjectionExpression", "FilterExpression"},
		[]string{"AttributesToGet", "ScanFilter", "ConditionalOperator"}); err != nil {
		return err
	}
	if err := checkAttributesToGet(data); err != nil {
		return err
	}
	if err := checkConditions(data.get("ScanFilter")); err != nil {
		return err
	}
	if err := checkStartKey(data); err != nil {
		return err
	}
	seg, total := data.get("Segment"), data.get("TotalSegments")
	if seg.truthy() && total.isNull() {
		return validationf("The TotalSegments parameter is required but was not present in the request when Segment parameter is present")
	}
	if total.truthy() {
		if seg.isNull() {
			return validationf("The Segment parameter is required but was not present in the request when parameter TotalSegments is present")
		}
		if seg.num() >= total.num() {
			return validationf("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: " +
				seg.display() + " is not less than TotalSegments: " + total.display())
		}
	}
	return checkExpressions(data)
}

func checkBatchGetItem(_ *DB, data *jv) error {
	reqs := data.get("RequestItems")
	n := 0
	for _, name := range reqs.keys {
		td := reqs.get(name)
		if td.isNull() {
			continue
		}
		if err := checkExpressionParams(td, []string{"ProjectionExpression"}, []string{"AttributesToGet"}); err != nil {
			return err
		}
		if err := checkAttributesToGet(td); err != nil {
			return err
		}
		if err := checkExpressions(td); err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, key := range td.get("Keys").arr {
			if err := checkMap(key); err != nil {
				return err
			}
			ks := append([]string(nil), key.keys...)
			sort.Strings(ks)
			var parts []string
			for _, k := range ks {
				b, _ := key.get(k).MarshalJSON()
				parts = append(parts, k+"="+string(b))
			}
			s := strings.Join(parts, "/")
			if seen[s] {
				return validationf("Provided list of item keys contains duplicates")
			}
			seen[s] = true
			n++
			if n > 100 {
				return validationf("Too many items requested for the BatchGetItem call")
			}
		}
	}
	return nil
}

func checkBatchWriteItem(_ *DB, data *jv) error {
	reqs := data.get("RequestItems")
	for _, name := range reqs.keys {
		list := reqs.get(name)
		if list.isNull() {
			continue
		}
		for _, r := range list.arr {
			if r.isNull() || len(r.keys) == 0 {
				return validationf("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
			}
		}
		for _, r := range list.arr {
			if p := r.get("PutRequest"); p.truthy() {
				if err := checkMap(p.get("Item")); err != nil {
					return err
				}
				if itemTooBig(p.get("Item")) {
					return validationf("Item size has exceeded the maximum allowed size")
				}
			} else if d := r.get("DeleteRequest"); d.truthy() {
				if err := checkMap(d.get("Key")); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func attrNames(list *jv) []string {
	var out []string
	if list == nil {
		return out
	}
	for _, e := range list.arr {
		out = append(out, e.get("AttributeName").str())
	}
	return out
}

func checkIndexKeys(ks *jv, defs []string) error {
	keys := attrNames(ks)
	for _, k := range keys {
		if !contains(defs, k) {
			return invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: [" +
				strings.Join(keys, ", ") + "], AttributeDefinitions: [" + strings.Join(defs, ", ") + "]")
		}
	}
	el := ks.arr
	if len(el) > 1 && el[0].get("AttributeName").str() == el[1].get("AttributeName").str() {
		return validationf("Both the Hash Key and the Range Key element in the KeySchema have the same name")
	}
	if el[0].get("KeyType").str() != "HASH" {
		return validationf("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
	}
	if len(el) > 1 && el[1].get("KeyType").str() != "RANGE" {
		return validationf("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type")
	}
	return nil
}

func checkProjectionShape(ix *jv) error {
	p := ix.get("Projection")
	if !p.has("ProjectionType") {
		return invalid("Unknown ProjectionType: null")
	}
	if pt := p.get("ProjectionType").str(); p.has("NonKeyAttributes") && pt != "INCLUDE" {
		return invalid("ProjectionType is " + pt + ", but NonKeyAttributes is specified")
	}
	return nil
}

const maxCapacityUnits = 1000000000000

func checkThroughputBounds(pt *jv) error {
	if pt == nil {
		return nil
	}
	if r := pt.get("ReadCapacityUnits"); r.num() > maxCapacityUnits {
		return validationf("Given value " + r.display() + " for ReadCapacityUnits is out of bounds")
	}
	if w := pt.get("WriteCapacityUnits"); w.num() > maxCapacityUnits {
		return validationf("Given value " + w.display() + " for WriteCapacityUnits is out of bounds")
	}
	return nil
}

func checkCreateTable(_ *DB, data *jv) error {
	pt := data.get("ProvisionedThroughput")
	if data.get("BillingMode").str() == "PAY_PER_REQUEST" {
		if pt.truthy() {
			return invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
		}
	} else {
		if !pt.truthy() || !pt.get("ReadCapacityUnits").truthy() || !pt.get("WriteCapacityUnits").truthy() {
			return invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
		}
		if err := checkThroughputBounds(pt); err != nil {
			return err
		}
	}
	defs := attrNames(data.get("AttributeDefinitions"))
	ks := data.get("KeySchema")
	keys := attrNames(ks)
	if len(keys) > len(defs) {
		return validationf("Invalid KeySchema: Some index key attribute have no definition")
	}
	if err := checkIndexKeys(ks, defs); err != nil {
		return err
	}
	lsis, gsis := data.get("LocalSecondaryIndexes"), data.get("GlobalSecondaryIndexes")
	if lsis == nil && gsis == nil && len(keys) != len(defs) {
		return invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
	}
	names := map[string]bool{}
	if lsis != nil {
		if len(lsis.arr) == 0 {
			return invalid("List of LocalSecondaryIndexes is empty")
		}
		if len(keys) != 2 {
			return invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")
		}
		for _, ix := range lsis.arr {
			name := ix.get("IndexName").str()
			iks := ix.get("KeySchema")
			if err := checkIndexKeys(iks, defs); err != nil {
				return err
			}
			if len(iks.arr) != 2 {
				return invalid("Index KeySchema does not have a range key for index: " + name)
			}
			if h := iks.arr[0].get("AttributeName").str(); h != keys[0] {
				return invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: " +
					name + ". index hash key: " + h + ", table hash key: " + keys[0])
			}
			if err := checkProjectionShape(ix); err != nil {
				return err
			}
			if names[name] {
				return invalid("Duplicate index name: " + name)
			}
			names[name] = true
		}
		if len(lsis.arr) > 5 {
			return invalid("Number of LocalSecondaryIndexes exceeds per-table limit of 5")
		}
	}
	if gsis != nil {
		if len(gsis.arr) == 0 {
			return invalid("List of GlobalSecondaryIndexes is empty")
		}
		for _, ix := range gsis.arr {
			name := ix.get("IndexName").str()
			if err := checkIndexKeys(ix.get("KeySchema"), defs); err != nil {
				return err
			}
			if err := checkProjectionShape(ix); err != nil {
				return err
			}
			if data.get("BillingMode").str() == "PAY_PER_REQUEST" && ix.has("ProvisionedThroughput") {
				return invalid("ProvisionedThroughput should not be specified for index: " + name + " when BillingMode is PAY_PER_REQUEST")
			}
			if names[name] {
				return invalid("Duplicate index name: " + name)
			}
			names[name] = true
		}
		if len(gsis.arr) > 20 {
			return invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20")
		}
	}
	return nil
}

func checkUpdateTable(_ *DB, data *jv) error {
	gu := data.get("GlobalSecondaryIndexUpdates")
	if !data.has("ProvisionedThroughput") && !data.has("BillingMode") && !data.get("StreamSpecification").truthy() &&
		(gu == nil || len(gu.arr) == 0) && !data.has("SSESpecification") && !data.has("ReplicaUpdates") &&
		!data.has("TableClass") && !data.has("DeletionProtectionEnabled") && !data.has("OnDemandThroughput") {
		return validationf("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required")
	}
	if data.get("BillingMode").str() == "PROVISIONED" && !data.has("ProvisionedThroughput") {
		return invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED")
	}
	if err := checkThroughputBounds(data.get("ProvisionedThroughput")); err != nil {
		return err
	}
	if gu != nil {
		seen := map[string]bool{}
		for _, u := range gu.arr {
			up, cr, del := u.get("Update"), u.get("Create"), u.get("Delete")
			if up.isNull() && cr.isNull() && del.isNull() {
				return invalid("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null")
			}
			name := up.get("IndexName").str()
			if name == "" {
				name = cr.get("IndexName").str()
			}
			if name == "" {
				name = del.get("IndexName").str()
			}
			if seen[name] {
				return invalid("Only one global secondary index update per index is allowed simultaneously. Index: " + name)
			}
			seen[name] = true
		}
	}
	return nil
}

var (
	arnShapeRe = regexp.MustCompile(`^.+:.+:.+:.+:.+:.+/.+$`)
	tableArnRe = regexp.MustCompile(`^arn:aws:dynamodb:.+:\d+:table/[^/]{2}[^/]+$`)
)

// AccessDeniedError is the answer to a tagging call on something that is
// not an ARN: IAM cannot even name the resource.
type AccessDeniedError struct{ msg string }

func (e *AccessDeniedError) Error() string { return "AccessDeniedException: " + e.msg }

func (db *DB) checkArn(data *jv, action string) error {
	if !data.has("ResourceArn") {
		return validationf("Invalid TableArn")
	}
	arn := data.get("ResourceArn").str()
	if !arnShapeRe.MatchString(arn) {
		res := arn
		if res == "" {
			res = "*"
		}
		return &AccessDeniedError{"User: arn:aws:iam::" + db.opts.Account + ":user/saa-study is not authorized to perform: dynamodb:" + action + " on resource: " + res}
	}
	return nil
}

func checkTagResource(db *DB, data *jv) error {
	if err := db.checkArn(data, "TagResource"); err != nil {
		return err
	}
	if !data.has("Tags") {
		return validationf("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null")
	}
	if arn := data.get("ResourceArn").str(); !tableArnRe.MatchString(arn) {
		return validationf("Invalid TableArn: Invalid ResourceArn provided as input " + arn)
	}
	if len(data.get("Tags").arr) == 0 {
		return validationf("Atleast one Tag needs to be provided as Input.")
	}
	return nil
}

func checkUntagResource(db *DB, data *jv) error {
	if err := db.checkArn(data, "UntagResource"); err != nil {
		return err
	}
	if !data.has("TagKeys") {
		return validationf("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null")
	}
	if arn := data.get("ResourceArn").str(); !tableArnRe.MatchString(arn) {
		return validationf("Invalid TableArn: Invalid ResourceArn provided as input " + arn)
	}
	if len(data.get("TagKeys").arr) == 0 {
		return validationf("Atleast one Tag Key needs to be provided as Input.")
	}
	return nil
}

func checkListTags(db *DB, data *jv) error {
	if err := db.checkArn(data, "ListTagsOfResource"); err != nil {
		return err
	}
	if arn := data.get("ResourceArn").str(); !tableArnRe.MatchString(arn) {
		return validationf("Invalid TableArn: Invalid ResourceArn provided as input " + arn)
	}
	return nil
}
