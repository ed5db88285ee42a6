package dynamodb

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"testing"
	"unicode/utf16"
)

// parseJVReference is the request reader as encoding/json's token stream
// gives it, kept to check that parseJV reads every body the same way.
func parseJVReference(b []byte) (*jv, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var read func() (*jv, error)
	read = func() (*jv, error) {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' {
				v := &jv{kind: 'o'}
				for dec.More() {
					kt, err := dec.Token()
					if err != nil {
						return nil, err
					}
					k, _ := kt.(string)
					c, err := read()
					if err != nil {
						return nil, err
					}
					v.set(k, c)
				}
				_, err := dec.Token()
				return v, err
			}
			v := &jv{kind: 'a', arr: []*jv{}}
			for dec.More() {
				c, err := read()
				if err != nil {
					return nil, err
				}
				v.arr = append(v.arr, c)
			}
			_, err := dec.Token()
			return v, err
		case string:
			return &jv{kind: 's', s: t}, nil
		case json.Number:
			return &jv{kind: 'n', s: string(t)}, nil
		case bool:
			return &jv{kind: 'b', b: t}, nil
		case nil:
			return &jv{kind: 'z'}, nil
		}
		return nil, errors.New("unexpected JSON token")
	}
	v, err := read()
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errTrailing
	}
	return v, nil
}

// sameJV compares two parsed values, key order included.
func sameJV(a, b *jv) bool {
	x, _ := a.MarshalJSON()
	y, _ := b.MarshalJSON()
	return bytes.Equal(x, y)
}

// FuzzParseJV: parseJV accepts and refuses what encoding/json does and
// reads the same value, duplicate keys and odd strings included.
func FuzzParseJV(f *testing.F) {
	for _, s := range []string{
		`{"TableName":"t","Key":{"pk":{"S":"a"}},"Key":{"pk":{"N":"1.50e3"}}}`,
		`{"a":[1,-0.5,2e-3,true,false,null,"\u00e9\ud83d\ude00\n"],"b":{}}`,
		"{\"a\":\"\xff\xfe bad utf-8\"}",
		`{"a":"\ud800 lone surrogate"}`,
		`[1,2,]`, `{"a":1} {"b":2}`, `{"a":01}`, ` 42 `, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := parseJV(b)
		want, werr := parseJVReference(b)
		if (err == nil) != (werr == nil) {
			t.Fatalf("%q: parseJV error %v, encoding/json error %v", b, err, werr)
		}
		if err == nil && !json.Valid(b) {
			t.Fatalf("%q: parseJV read what json.Valid refuses", b) // the endpoint skips json.Valid then
		}
		if err == nil && !sameJV(got, want) {
			g, _ := got.MarshalJSON()
			w, _ := want.MarshalJSON()
			t.Fatalf("%q:\n parseJV       %s\n encoding/json %s", b, g, w)
		}
	})
}

// FuzzJVString: a string value is written exactly as encoding/json writes
// it, escapes and invalid UTF-8 included.
func FuzzJVString(f *testing.F) {
	for _, s := range []string{"plain", `q"b\s`, "<a&b>", "tab\there", "\u2028\u00e9\x7f", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		got, _ := (&jv{kind: 'o', keys: []string{s}, vals: []*jv{{kind: 's', s: s}}}).MarshalJSON()
		if string(got) != "{"+string(want)+":"+string(want)+"}" {
			t.Fatalf("%q: wrote %s, encoding/json %s", s, got, want)
		}
	})
}

// FuzzUTF16Len: a string's length in UTF-16 units is counted as
// utf16.Encode counts it, invalid UTF-8 included.
func FuzzUTF16Len(f *testing.F) {
	for _, s := range []string{"", "abc", "\u00e9\u4e2d", "\U0001F600x", "\xff\xfe", "\xed\xa0\x80", "a\x00b", "\uffff\U00010000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := utf16Len(s), len(utf16.Encode([]rune(s))); got != want {
			t.Fatalf("%q: %d units, utf16.Encode %d", s, got, want)
		}
	})
}
