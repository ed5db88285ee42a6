package dynamodb

import (
	"encoding/json"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// getItemInput reads a checked GetItem request straight into its input,
// as json.Unmarshal of the request written back out reads it, without
// writing it out. ok is false for anything it does not read the same way
// (a member GetItemInput does not spell exactly so, which encoding/json
// would match without regard to case; a key value other than a plain S or
// a valid N), and the request then goes the general way.
func getItemInput(data *jv) (in *GetItemInput, ok bool) {
	in = &GetItemInput{}
	for i, k := range data.keys {
		v := data.vals[i]
		switch k {
		case "TableName":
			if v.kind != 's' {
				return nil, false
			}
			in.TableName = v.s
		case "Key":
			if v.kind != 'o' {
				return nil, false
			}
			in.Key = make(Item, len(v.keys))
			for j, name := range v.keys {
				av, ok := plainAttr(v.vals[j])
				if !ok {
					return nil, false
				}
				in.Key[name] = av
			}
		case "ConsistentRead":
			if v.kind != 'b' {
				return nil, false
			}
			in.ConsistentRead = v.b
		case "ProjectionExpression":
			if v.kind != 's' {
				return nil, false
			}
			in.ProjectionExpression = v.s
		case "ReturnConsumedCapacity":
			if v.kind != 's' {
				return nil, false
			}
			in.ReturnConsumedCapacity = v.s
		case "ExpressionAttributeNames":
			if v.kind != 'o' {
				return nil, false
			}
			in.ExpressionAttributeNames = make(map[string]string, len(v.keys))
			for j, name := range v.keys {
				s := v.vals[j]
				if s.kind != 's' {
					return nil, false
				}
				in.ExpressionAttributeNames[name] = s.s
			}
		default:
			return nil, false
		}
	}
	return in, true
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

// appendJSON appends the answer as json.Marshal writes it: the item's own
// JSON is already compact and escaped as encoding/json escapes strings, so
// it goes in as it is.
func (o *GetItemOutput) appendJSON(b []byte) []byte {
	b = append(b, '{')
	if len(o.Item) > 0 {
		b = append(b, `"Item":`...)
		b = o.Item.AppendJSON(b)
	}
	if o.ConsumedCapacity != nil {
		if len(o.Item) > 0 {
			b = append(b, ',')
		}
		cc, _ := json.Marshal(o.ConsumedCapacity) // a plain struct always marshals
		b = append(b, `"ConsumedCapacity":`...)
		b = append(b, cc...)
	}
	return append(b, '}')
}
