package dynamodb

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
)

// jv is a decoded JSON value that keeps the order of object keys. DynamoDB
// reports validation errors in the order of its API model and the keys of
// the request, so the request validator needs both orders.
//
// An object's members are two parallel slices, keys and vals, searched in
// order: a request's objects are small, and a map for each of them cost
// more than the search. An object with more than indexAbove members also
// keeps idx, each key's position.
type jv struct {
	kind byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' boolean, 'z' null
	s    string
	b    bool
	keys []string
	vals []*jv
	idx  map[string]int
	arr  []*jv
}

// indexAbove is the number of members past which an object keeps idx.
const indexAbove = 8

var errTrailing = errors.New("trailing data after JSON value")

// jvDecoders keeps decoders (and their buffers) from one request to the
// next.
var jvDecoders = sync.Pool{New: func() any { return new(jsontext.Decoder) }}

// parseJV decodes one JSON value. A repeated object key keeps its first
// position and its last value, as JSON.parse does. Strings read as
// encoding/json reads them (invalid UTF-8 becomes U+FFFD); numbers keep
// their text.
func parseJV(b []byte) (*jv, error) {
	dec := jvDecoders.Get().(*jsontext.Decoder)
	defer jvDecoders.Put(dec)
	dec.Reset(bytes.NewReader(b), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	v, err := decodeJV(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, errTrailing
	}
	return v, nil
}

func decodeJV(dec *jsontext.Decoder) (*jv, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case '{':
		// the object and room for its first four members, in one allocation
		o := new(struct {
			v    jv
			keys [4]string
			vals [4]*jv
		})
		v := &o.v
		v.kind, v.keys, v.vals = 'o', o.keys[:0], o.vals[:0]
		for dec.PeekKind() != '}' {
			kt, err := dec.ReadToken()
			if err != nil {
				return nil, err
			}
			k := kt.String()
			c, err := decodeJV(dec)
			if err != nil {
				return nil, err
			}
			v.set(k, c)
		}
		_, err := dec.ReadToken()
		return v, err
	case '[':
		v := &jv{kind: 'a', arr: []*jv{}}
		for dec.PeekKind() != ']' {
			c, err := decodeJV(dec)
			if err != nil {
				return nil, err
			}
			v.arr = append(v.arr, c)
		}
		_, err := dec.ReadToken()
		return v, err
	case '"':
		return &jv{kind: 's', s: tok.String()}, nil
	case '0':
		return &jv{kind: 'n', s: tok.String()}, nil
	case 't', 'f':
		return &jv{kind: 'b', b: tok.Bool()}, nil
	case 'n':
		return &jv{kind: 'z'}, nil
	}
	return nil, errors.New("unexpected JSON token")
}

// find is the position of key k of an object, -1 when it has none.
func (v *jv) find(k string) int {
	if v.idx != nil {
		if i, ok := v.idx[k]; ok {
			return i
		}
		return -1
	}
	for i, x := range v.keys {
		if x == k {
			return i
		}
	}
	return -1
}

// set adds or replaces key k of an object; a new key goes last.
func (v *jv) set(k string, c *jv) {
	if i := v.find(k); i >= 0 {
		v.vals[i] = c
		return
	}
	if v.keys == nil {
		// the first four members share one allocation
		m := new(struct {
			keys [4]string
			vals [4]*jv
		})
		v.keys, v.vals = m.keys[:0], m.vals[:0]
	}
	v.keys = append(v.keys, k)
	v.vals = append(v.vals, c)
	switch {
	case v.idx != nil:
		v.idx[k] = len(v.keys) - 1
	case len(v.keys) > indexAbove:
		v.reindex()
	}
}

// reindex builds idx from keys.
func (v *jv) reindex() {
	v.idx = make(map[string]int, len(v.keys))
	for i, x := range v.keys {
		v.idx[x] = i
	}
}

// drop removes members of an object.
func (v *jv) drop(keys ...string) {
	for _, k := range keys {
		i := v.find(k)
		if i < 0 {
			continue
		}
		v.keys = append(v.keys[:i], v.keys[i+1:]...)
		v.vals = append(v.vals[:i], v.vals[i+1:]...)
		if v.idx != nil {
			v.reindex()
		}
	}
}

// get returns member k of an object, nil when v is not an object or k is absent.
func (v *jv) get(k string) *jv {
	if v == nil || v.kind != 'o' {
		return nil
	}
	if i := v.find(k); i >= 0 {
		return v.vals[i]
	}
	return nil
}

// isNull reports a missing or null value.
func (v *jv) isNull() bool { return v == nil || v.kind == 'z' }

// has reports a member that is present and not null.
func (v *jv) has(k string) bool { return !v.get(k).isNull() }

// str is the string of a string value ("" otherwise).
func (v *jv) str() string {
	if v == nil || v.kind != 's' {
		return ""
	}
	return v.s
}

// num is the value of a number (NaN otherwise).
func (v *jv) num() float64 {
	if v == nil || v.kind != 'n' {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(v.s, 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

// truthy follows JavaScript's truthiness, which the validation rules of
// the API model are written in.
func (v *jv) truthy() bool {
	switch {
	case v == nil:
		return false
	case v.kind == 'z':
		return false
	case v.kind == 'b':
		return v.b
	case v.kind == 's':
		return v.s != ""
	case v.kind == 'n':
		f := v.num()
		return f != 0 && !math.IsNaN(f)
	}
	return true
}

// length is a string's length in UTF-16 units, an array's or object's size.
func (v *jv) length() int {
	switch v.kind {
	case 's':
		return utf16Len(v.s)
	case 'a':
		return len(v.arr)
	case 'o':
		return len(v.keys)
	}
	return 0
}

// utf16Len is len(utf16.Encode([]rune(s))) without building either: one
// unit a rune (U+FFFD for each byte of invalid UTF-8), two past U+FFFF.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// firstKey is the first key of an object ("" when empty).
func (v *jv) firstKey() string {
	if v == nil || v.kind != 'o' || len(v.keys) == 0 {
		return ""
	}
	return v.keys[0]
}

// MarshalJSON writes v compactly, object keys in order.
func (v *jv) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(256)
	v.write(&b)
	return b.Bytes(), nil
}

// writeString writes s quoted as encoding/json quotes it: plain printable
// ASCII directly, anything it would escape through encoding/json itself.
func writeString(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always marshals
			b.Write(q)
			return
		}
	}
	b.WriteByte('"')
	b.WriteString(s)
	b.WriteByte('"')
}

func (v *jv) write(b *bytes.Buffer) {
	switch v.kind {
	case 'o':
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, k)
			b.WriteByte(':')
			v.vals[i].write(b)
		}
		b.WriteByte('}')
	case 'a':
		b.WriteByte('[')
		for i, c := range v.arr {
			if i > 0 {
				b.WriteByte(',')
			}
			c.write(b)
		}
		b.WriteByte(']')
	case 's':
		writeString(b, v.s)
	case 'n':
		b.WriteString(v.s)
	case 'b':
		b.WriteString(strconv.FormatBool(v.b))
	default:
		b.WriteString("null")
	}
}

// display renders v the way DynamoDB's validator quotes a value: scalars
// bare, lists as [a, b], objects as compact JSON.
func (v *jv) display() string {
	switch {
	case v.isNull():
		return "null"
	case v.kind == 'a':
		parts := make([]string, len(v.arr))
		for i, c := range v.arr {
			parts[i] = c.display()
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case v.kind == 'o':
		b, _ := v.MarshalJSON()
		return string(b)
	case v.kind == 's':
		return v.s
	case v.kind == 'b':
		return strconv.FormatBool(v.b)
	}
	return jsNumber(v.num())
}

// jsNumber formats a float as JavaScript's String(number) does for the
// values a request carries.
func jsNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
