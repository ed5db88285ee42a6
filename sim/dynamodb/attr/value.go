// Package attr holds DynamoDB attribute values: the ten data types, their
// DynamoDB JSON form ({"S":"a"}), exact 38-digit numbers, ordering and
// equality, and item size by the documented rules.
package attr

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Type names a DynamoDB data type as it appears in DynamoDB JSON.
type Type string

// The ten data types.
const (
	TS    Type = "S"
	TN    Type = "N"
	TB    Type = "B"
	TBOOL Type = "BOOL"
	TNULL Type = "NULL"
	TL    Type = "L"
	TM    Type = "M"
	TSS   Type = "SS"
	TNS   Type = "NS"
	TBS   Type = "BS"
)

// Value is one attribute value. Exactly the field named by T is meaningful.
// Values are treated as immutable once built: updates copy.
type Value struct {
	T    Type
	S    string
	N    Number
	B    []byte
	BOOL bool
	L    []Value
	M    map[string]Value
	SS   []string
	NS   []Number
	BS   [][]byte
}

// Item is a set of named attributes: a table row, a key, or a map's content.
type Item map[string]Value

// Str builds an S value.
func Str(s string) Value { return Value{T: TS, S: s} }

// Num builds an N value from a decimal string known to be valid.
func Num(s string) Value { return Value{T: TN, N: MustNumber(s)} }

// NumOf builds an N value from a Number.
func NumOf(n Number) Value { return Value{T: TN, N: n} }

// Bin builds a B value.
func Bin(b []byte) Value { return Value{T: TB, B: b} }

// Bool builds a BOOL value.
func Bool(b bool) Value { return Value{T: TBOOL, BOOL: b} }

// Null builds a NULL value.
func Null() Value { return Value{T: TNULL} }

// List builds an L value.
func List(vs ...Value) Value { return Value{T: TL, L: vs} }

// Map builds an M value.
func Map(m Item) Value { return Value{T: TM, M: m} }

// Error is an AWS-shaped error: the exception name and its message.
type Error struct {
	Type    string `json:"__type"`
	Message string `json:"message"`
}

// Error implements error as "Type: Message".
func (e *Error) Error() string { return e.Type + ": " + e.Message }

func validation(msg string) error { return &Error{Type: "ValidationException", Message: msg} }

// Validation builds a ValidationException with msg.
func Validation(msg string) *Error { return &Error{Type: "ValidationException", Message: msg} }

func serialization(msg string) error { return &Error{Type: "SerializationException", Message: msg} }

const invalidPrefix = "One or more parameter values were invalid: "

// MarshalJSON writes DynamoDB JSON.
func (v Value) MarshalJSON() ([]byte, error) {
	return v.appendJSON(make([]byte, 0, 64)), nil
}

// appendString appends s quoted as json.Marshal quotes it: printable ASCII
// with nothing to escape directly, anything else through encoding/json.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always marshals
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func (v Value) appendJSON(b []byte) []byte {
	b = append(b, `{"`...)
	b = append(b, v.T...)
	b = append(b, `":`...)
	switch v.T {
	case TS:
		b = appendString(b, v.S)
	case TN:
		// a number's text needs no escaping
		b = append(b, '"')
		b = v.N.appendDecimal(b)
		b = append(b, '"')
	case TB:
		b = appendString(b, base64.StdEncoding.EncodeToString(v.B))
	case TBOOL:
		b = strconv.AppendBool(b, v.BOOL)
	case TNULL:
		b = append(b, "true"...)
	case TL:
		b = append(b, '[')
		for i, e := range v.L {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.appendJSON(b)
		}
		b = append(b, ']')
	case TM:
		b = appendItem(b, v.M)
	case TSS, TNS, TBS:
		b = append(b, '[')
		for i := 0; i < v.setLen(); i++ {
			if i > 0 {
				b = append(b, ',')
			}
			switch v.T {
			case TSS:
				b = appendString(b, v.SS[i])
			case TNS:
				b = appendString(b, v.NS[i].String())
			default:
				b = appendString(b, base64.StdEncoding.EncodeToString(v.BS[i]))
			}
		}
		b = append(b, ']')
	default:
		b = append(b, "null"...)
	}
	return append(b, '}')
}

func appendItem(b []byte, it Item) []byte {
	var small [16]string
	keys := small[:0]
	for k := range it {
		keys = append(keys, k)
	}
	slices.Sort(keys) // unlike sort.Strings, leaves small on the stack
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = it[k].appendJSON(b)
	}
	return append(b, '}')
}

// MarshalJSON writes the item with sorted keys, so output is deterministic.
func (it Item) MarshalJSON() ([]byte, error) {
	return it.AppendJSON(make([]byte, 0, 128)), nil
}

// AppendJSON appends what MarshalJSON writes. The result is compact, with
// strings escaped as json.Marshal escapes them, so encoding/json writes it
// unchanged where an Item is a member of a larger value.
func (it Item) AppendJSON(b []byte) []byte {
	if it == nil {
		return append(b, "null"...)
	}
	return appendItem(b, it)
}

func (v Value) setLen() int {
	switch v.T {
	case TSS:
		return len(v.SS)
	case TNS:
		return len(v.NS)
	case TBS:
		return len(v.BS)
	}
	return 0
}

// UnmarshalJSON reads DynamoDB JSON and validates it the way DynamoDB does,
// returning its ValidationException texts.
func (v *Value) UnmarshalJSON(data []byte) error {
	if t, s, ok := plainScalar(data); ok {
		switch t {
		case TS:
			*v = Value{T: TS, S: s}
			return nil
		case TN:
			n, err := ParseNumber(s)
			if err != nil {
				return err
			}
			*v = Value{T: TN, N: n}
			return nil
		}
	}
	return v.unmarshalGeneral(data)
}

// plainScalar reads the commonest values, {"S":"text"} and {"N":"12"} written
// compactly with nothing to unescape, without going through encoding/json;
// ok is false for anything else.
func plainScalar(data []byte) (Type, string, bool) {
	if len(data) < len(`{"S":""}`) || data[0] != '{' || data[1] != '"' || data[3] != '"' || data[4] != ':' || data[5] != '"' ||
		data[len(data)-2] != '"' || data[len(data)-1] != '}' {
		return "", "", false
	}
	var t Type
	switch data[2] {
	case 'S':
		t = TS
	case 'N':
		t = TN
	default:
		return "", "", false
	}
	body := data[6 : len(data)-2]
	for _, c := range body {
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return "", "", false
		}
	}
	return t, string(body), true
}

// unmarshalGeneral is UnmarshalJSON for any value, through encoding/json.
func (v *Value) unmarshalGeneral(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		return serialization("Start of structure or map found where not expected")
	}
	if len(raw) == 0 {
		return validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
	}
	if len(raw) > 1 {
		return validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
	}
	for k, r := range raw {
		return v.decode(Type(k), r)
	}
	return nil
}

func (v *Value) decode(t Type, r json.RawMessage) error {
	*v = Value{T: t}
	strs := func() ([]string, error) {
		var ss []string
		if err := json.Unmarshal(r, &ss); err != nil {
			return nil, serialization("Unexpected field type")
		}
		return ss, nil
	}
	switch t {
	case TS:
		if err := json.Unmarshal(r, &v.S); err != nil {
			return serialization("Unexpected field type")
		}
	case TN:
		var s string
		if err := json.Unmarshal(r, &s); err != nil {
			return serialization("Unexpected field type")
		}
		n, err := ParseNumber(s)
		if err != nil {
			return err
		}
		v.N = n
	case TB:
		var s string
		if err := json.Unmarshal(r, &s); err != nil {
			return serialization("Unexpected field type")
		}
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + fmt.Sprint(len(s)))
		}
		v.B = b
	case TBOOL:
		if err := json.Unmarshal(r, &v.BOOL); err != nil {
			return serialization("Unexpected field type")
		}
	case TNULL:
		var b bool
		if err := json.Unmarshal(r, &b); err != nil {
			return serialization("Unexpected field type")
		}
		if !b {
			return validation(invalidPrefix + "Null attribute value types must have the value of true")
		}
	case TL:
		if err := json.Unmarshal(r, &v.L); err != nil {
			return err
		}
		if v.L == nil {
			v.L = []Value{}
		}
	case TM:
		if err := json.Unmarshal(r, &v.M); err != nil {
			return err
		}
		if v.M == nil {
			v.M = Item{}
		}
	case TSS:
		ss, err := strs()
		if err != nil {
			return err
		}
		if len(ss) == 0 {
			return validation(invalidPrefix + "An string set  may not be empty")
		}
		if hasDup(ss) {
			return validation(invalidPrefix + "Input collection [" + strings.Join(ss, ", ") + "] contains duplicates.")
		}
		v.SS = ss
	case TNS:
		ss, err := strs()
		if err != nil {
			return err
		}
		if len(ss) == 0 {
			return validation(invalidPrefix + "An number set  may not be empty")
		}
		seen := map[string]bool{}
		for _, s := range ss {
			n, err := ParseNumber(s)
			if err != nil {
				return err
			}
			if seen[n.String()] {
				return validation("Input collection contains duplicates")
			}
			seen[n.String()] = true
			v.NS = append(v.NS, n)
		}
	case TBS:
		ss, err := strs()
		if err != nil {
			return err
		}
		if len(ss) == 0 {
			return validation(invalidPrefix + "Binary sets should not be empty")
		}
		seen := map[string]bool{}
		for _, s := range ss {
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + fmt.Sprint(len(s)))
			}
			if seen[string(b)] {
				return validation(invalidPrefix + "Input collection [" + strings.Join(ss, ", ") + "]of type BS contains duplicates.")
			}
			seen[string(b)] = true
			v.BS = append(v.BS, b)
		}
	default:
		return serialization("Unknown type: " + string(t))
	}
	return nil
}

func hasDup(ss []string) bool {
	seen := make(map[string]bool, len(ss))
	for _, s := range ss {
		if seen[s] {
			return true
		}
		seen[s] = true
	}
	return false
}
