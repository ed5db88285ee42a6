package dynamodb

import (
	"encoding/json"
	"strconv"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// fastPrepared is prepare's shortcut for the commonest requests: a checked
// GetItem or PutItem is read straight into its input, as json.Unmarshal
// reads the request written back out, without writing it out, and its
// answer is written directly. It returns nil for anything else, and for a
// request it does not read the same way (a member the input does not spell
// exactly so, which encoding/json would match without regard to case; an
// attribute value other than a plain S or a valid N), which then goes the
// general way.
func fastPrepared(op string, data *jv) prepared {
	switch op {
	case "GetItem":
		if in, ok := getItemInput(data); ok {
			return func(db *DB) ([]byte, error) {
				out, err := db.GetItem(in)
				if err != nil {
					return nil, err
				}
				return out.appendJSON(nil), nil
			}
		}
	case "PutItem":
		if in, ok := putItemInput(data); ok {
			return func(db *DB) ([]byte, error) {
				out, err := db.PutItem(in)
				if err != nil {
					return nil, err
				}
				return out.appendJSON(nil), nil
			}
		}
	}
	return nil
}

func getItemInput(data *jv) (*GetItemInput, bool) {
	in := &GetItemInput{}
	for i, k := range data.keys {
		v, ok := data.vals[i], false
		switch k {
		case "TableName":
			in.TableName, ok = jvString(v)
		case "Key":
			in.Key, ok = plainItem(v)
		case "ConsistentRead":
			in.ConsistentRead, ok = v.b, v.kind == 'b'
		case "ProjectionExpression":
			in.ProjectionExpression, ok = jvString(v)
		case "ReturnConsumedCapacity":
			in.ReturnConsumedCapacity, ok = jvString(v)
		case "ExpressionAttributeNames":
			in.ExpressionAttributeNames, ok = stringMap(v)
		}
		if !ok {
			return nil, false
		}
	}
	return in, true
}

func putItemInput(data *jv) (*PutItemInput, bool) {
	in := &PutItemInput{}
	for i, k := range data.keys {
		v, ok := data.vals[i], false
		switch k {
		case "TableName":
			in.TableName, ok = jvString(v)
		case "Item":
			in.Item, ok = plainItem(v)
		case "ConditionExpression":
			in.ConditionExpression, ok = jvString(v)
		case "ExpressionAttributeNames":
			in.ExpressionAttributeNames, ok = stringMap(v)
		case "ExpressionAttributeValues":
			var vals Item
			vals, ok = plainItem(v)
			in.ExpressionAttributeValues = vals
		case "ReturnValues":
			in.ReturnValues, ok = jvString(v)
		case "ReturnConsumedCapacity":
			in.ReturnConsumedCapacity, ok = jvString(v)
		case "ReturnValuesOnConditionCheckFailure":
			in.ReturnValuesOnConditionCheckFailure, ok = jvString(v)
		}
		if !ok {
			return nil, false
		}
	}
	return in, true
}

// jvString reads a string.
func jvString(v *jv) (string, bool) { return v.s, v.kind == 's' }

// stringMap reads an object of strings.
func stringMap(v *jv) (map[string]string, bool) {
	if v.kind != 'o' {
		return nil, false
	}
	m := make(map[string]string, len(v.keys))
	for i, name := range v.keys {
		s := v.vals[i]
		if s.kind != 's' {
			return nil, false
		}
		m[name] = s.s
	}
	return m, true
}

// plainItem reads an object of plain attribute values.
func plainItem(v *jv) (Item, bool) {
	if v == nil || v.kind != 'o' {
		return nil, false
	}
	it := make(Item, len(v.keys))
	for i, name := range v.keys {
		av, ok := plainAttr(v.vals[i])
		if !ok {
			return nil, false
		}
		it[name] = av
	}
	return it, true
}

// plainAttr reads {"S":…} and {"N":…} with a valid number; ok is false for
// anything else.
func plainAttr(v *jv) (attr.Value, bool) {
	if v == nil || v.kind != 'o' || len(v.keys) != 1 {
		return attr.Value{}, false
	}
	c := v.vals[0]
	if c.kind != 's' {
		return attr.Value{}, false
	}
	switch v.keys[0] {
	case "S":
		return attr.Str(c.s), true
	case "N":
		n, err := attr.ParseNumber(c.s)
		if err != nil {
			return attr.Value{}, false
		}
		return attr.Value{T: attr.TN, N: n}, true
	}
	return attr.Value{}, false
}

// appendJSON appends the answer as json.Marshal writes it.
func (o *GetItemOutput) appendJSON(b []byte) []byte {
	return appendItemAnswer(b, "Item", o.Item, o.ConsumedCapacity)
}

// appendJSON appends the answer as json.Marshal writes it.
func (o *ItemOutput) appendJSON(b []byte) []byte {
	return appendItemAnswer(b, "Attributes", o.Attributes, o.ConsumedCapacity)
}

// appendItemAnswer appends {"NAME":item,"ConsumedCapacity":…}, each member
// left out when empty, as json.Marshal writes the two answers: the item's
// own JSON is already compact and escaped as encoding/json escapes
// strings, so it goes in as it is.
func appendItemAnswer(b []byte, name string, it Item, cc *ConsumedCapacity) []byte {
	b = append(b, '{')
	if len(it) > 0 {
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, `":`...)
		b = it.AppendJSON(b)
	}
	if cc != nil {
		if len(it) > 0 {
			b = append(b, ',')
		}
		j, _ := json.Marshal(cc) // a plain struct always marshals
		b = append(b, `"ConsumedCapacity":`...)
		b = append(b, j...)
	}
	return append(b, '}')
}

// appendJSON appends the answer as its MarshalJSON, through json.Marshal,
// writes it: Count, ScannedCount, LastEvaluatedKey and ConsumedCapacity,
// then Items, which is left out only when nil.
func (o *QueryOutput) appendJSON(b []byte) []byte {
	b = append(b, `{"Count":`...)
	b = strconv.AppendInt(b, int64(o.Count), 10)
	b = append(b, `,"ScannedCount":`...)
	b = strconv.AppendInt(b, int64(o.ScannedCount), 10)
	if len(o.LastEvaluatedKey) > 0 {
		b = append(b, `,"LastEvaluatedKey":`...)
		b = o.LastEvaluatedKey.AppendJSON(b)
	}
	if o.ConsumedCapacity != nil {
		j, _ := json.Marshal(o.ConsumedCapacity) // a plain struct always marshals
		b = append(b, `,"ConsumedCapacity":`...)
		b = append(b, j...)
	}
	if o.Items != nil {
		b = append(b, `,"Items":[`...)
		for i, it := range o.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = it.AppendJSON(b)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}
