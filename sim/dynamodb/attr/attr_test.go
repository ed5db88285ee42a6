package attr

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in, out, err string
	}{
		{"0", "0", ""},
		{"-0.000", "0", ""},
		{"1.50", "1.5", ""},
		{"1e2", "100", ""},
		{"-12.5E-3", "-0.0125", ""},
		{"0.1", "0.1", ""},
		{"12345678901234567890123456789012345678", "12345678901234567890123456789012345678", ""},
		{"123456789012345678901234567890123456789", "", msgPrecision},
		{"1e126", "", msgOverflow},
		{"9.9e125", strings.Repeat("9", 2) + strings.Repeat("0", 124), ""},
		{"1e-131", "", msgUnderflow},
		{"1e-130", "0." + strings.Repeat("0", 129) + "1", ""},
		{"", "", msgNotNumeric},
		{"abc", "", msgNotNumeric + ": abc"},
		{"1.2.3", "", msgNotNumeric + ": 1.2.3"},
		{"1e", "", msgNotNumeric + ": 1e"},
	}
	for _, c := range cases {
		n, err := ParseNumber(c.in)
		if c.err != "" {
			var ae *Error
			if !errors.As(err, &ae) || ae.Message != c.err || ae.Type != "ValidationException" {
				t.Errorf("ParseNumber(%q) err = %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || n.String() != c.out {
			t.Errorf("ParseNumber(%q) = %q, %v; want %q", c.in, n.String(), err, c.out)
		}
	}
}

func TestNumberArithmeticIsExact(t *testing.T) {
	cases := []struct{ a, b, sum, diff string }{
		{"0.1", "0.2", "0.3", "-0.1"},
		{"99999999999999999999999999999999999999", "0", "99999999999999999999999999999999999999", "99999999999999999999999999999999999999"},
		{"1e10", "1", "10000000001", "9999999999"},
		{"-5", "5", "0", "-10"},
	}
	for _, c := range cases {
		s, err := MustNumber(c.a).Add(MustNumber(c.b))
		if err != nil || s.String() != c.sum {
			t.Errorf("%s+%s = %s, %v; want %s", c.a, c.b, s, err, c.sum)
		}
		d, err := MustNumber(c.a).Sub(MustNumber(c.b))
		if err != nil || d.String() != c.diff {
			t.Errorf("%s-%s = %s, %v; want %s", c.a, c.b, d, err, c.diff)
		}
	}
	if _, err := MustNumber("99999999999999999999999999999999999999").Add(MustNumber("0.1")); err == nil {
		t.Error("39 significant digits accepted")
	}
}

func TestNumberOrdering(t *testing.T) {
	ordered := []string{"-100", "-2.5", "-0.001", "0", "0.001", "0.01", "1", "1.5", "10", "1e20"}
	for i := range ordered {
		for j := range ordered {
			got := MustNumber(ordered[i]).Cmp(MustNumber(ordered[j]))
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got != want {
				t.Errorf("Cmp(%s,%s) = %d want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
}

func TestSizeRules(t *testing.T) {
	cases := []struct {
		name string
		item string
		size int
	}{
		{"string counts UTF-8 bytes plus name", `{"ab":{"S":"héllo"}}`, 2 + 6},
		{"number 1 digit", `{"n":{"N":"7"}}`, 1 + 2},
		{"number two digits pair", `{"n":{"N":"12"}}`, 1 + 2},
		{"number 1.2 splits pairs", `{"n":{"N":"1.2"}}`, 1 + 3},
		{"negative adds a byte", `{"n":{"N":"-12"}}`, 1 + 3},
		{"zero", `{"n":{"N":"0"}}`, 1 + 1},
		{"binary raw bytes", `{"b":{"B":"AAEC"}}`, 1 + 3},
		{"bool and null are 1", `{"t":{"BOOL":true},"z":{"NULL":true}}`, 2 + 2},
		{"list 3 + 1 per element", `{"l":{"L":[{"S":"ab"},{"BOOL":false}]}}`, 1 + 3 + (1 + 2) + (1 + 1)},
		{"map 3 + 1 per element + names", `{"m":{"M":{"k":{"S":"v"}}}}`, 1 + 3 + 1 + 1 + 1},
		{"string set sums members", `{"s":{"SS":["a","bc"]}}`, 1 + 3},
	}
	for _, c := range cases {
		var it Item
		if err := json.Unmarshal([]byte(c.item), &it); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := it.Size(); got != c.size {
			t.Errorf("%s: size %d want %d", c.name, got, c.size)
		}
	}
}

func TestUnmarshalValidation(t *testing.T) {
	cases := []struct{ in, typ, msg string }{
		{`{}`, "ValidationException", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
		{`{"S":"a","N":"1"}`, "ValidationException", "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"},
		{`{"NULL":false}`, "ValidationException", "One or more parameter values were invalid: Null attribute value types must have the value of true"},
		{`{"SS":[]}`, "ValidationException", "One or more parameter values were invalid: An string set  may not be empty"},
		{`{"NS":[]}`, "ValidationException", "One or more parameter values were invalid: An number set  may not be empty"},
		{`{"BS":[]}`, "ValidationException", "One or more parameter values were invalid: Binary sets should not be empty"},
		{`{"SS":["a","a"]}`, "ValidationException", "One or more parameter values were invalid: Input collection [a, a] contains duplicates."},
		{`{"NS":["1","1.0"]}`, "ValidationException", "Input collection contains duplicates"},
		{`{"N":"x"}`, "ValidationException", "The parameter cannot be converted to a numeric value: x"},
		{`{"N":"1e999"}`, "ValidationException", msgOverflow},
		{`{"S":5}`, "SerializationException", "Unexpected field type"},
		{`{"L":[{"NULL":false}]}`, "ValidationException", "One or more parameter values were invalid: Null attribute value types must have the value of true"},
	}
	for _, c := range cases {
		var v Value
		err := json.Unmarshal([]byte(c.in), &v)
		var ae *Error
		if !errors.As(err, &ae) || ae.Type != c.typ || ae.Message != c.msg {
			t.Errorf("%s: got %v, want %s: %s", c.in, err, c.typ, c.msg)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	in := `{"a":{"S":"x"},"b":{"N":"1.5"},"c":{"B":"AQI="},"d":{"BOOL":true},"e":{"NULL":true},"f":{"L":[{"N":"1"}]},"g":{"M":{"h":{"SS":["p","q"]}}},"i":{"NS":["2","3"]},"j":{"BS":["AQ=="]}}`
	var it Item
	if err := json.Unmarshal([]byte(in), &it); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(it)
	if string(out) != in {
		t.Errorf("round trip\n got %s\nwant %s", out, in)
	}
}

func TestEqualTreatsSetsAsUnordered(t *testing.T) {
	a := Value{T: TSS, SS: []string{"a", "b"}}
	b := Value{T: TSS, SS: []string{"b", "a"}}
	if !Equal(a, b) {
		t.Error("sets with same members differ")
	}
	if Equal(Num("1"), Str("1")) {
		t.Error("N and S equal")
	}
	if !Equal(Num("1.0"), Num("1")) {
		t.Error("1.0 != 1")
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"0", "-1.5e3", "1e126", "abc", "1.", ".5", "00012"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		m, err := ParseNumber(n.String())
		if err != nil || m.Cmp(n) != 0 {
			t.Fatalf("%q -> %q does not round-trip: %v", s, n.String(), err)
		}
		if got := string(n.appendDecimal([]byte("x"))); got != "x"+n.String() || len(n.String()) != n.decimalLen() && !n.IsZero() {
			t.Fatalf("%q: appendDecimal %q, String %q (length %d)", s, got, n.String(), n.decimalLen())
		}
		if got, want := string(Value{T: TN, N: n}.appendJSON(nil)), `{"N":"`+n.String()+`"}`; got != want {
			t.Fatalf("%q: %s, want %s", s, got, want)
		}
	})
}

func FuzzUnmarshalValue(f *testing.F) {
	for _, s := range []string{`{"S":"a"}`, `{"L":[{"N":"1"}]}`, `{"M":{"a":{"NULL":true}}}`, `{"NS":["1","2"]}`, `{}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v Value
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var w Value
		if err := json.Unmarshal(b, &w); err != nil || !Equal(v, w) {
			t.Fatalf("re-decode of %s failed: %v", b, err)
		}
		_ = v.Size()
	})
}

func BenchmarkUnmarshalItem(b *testing.B) {
	data := []byte(`{"pk":{"S":"user#1"},"sk":{"N":"42"},"name":{"S":"Alice"},"tags":{"SS":["a","b"]},"m":{"M":{"x":{"N":"1.5"}}}}`)
	b.ReportAllocs()
	for b.Loop() {
		var it Item
		if err := json.Unmarshal(data, &it); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzPlainScalar: the fast path for {"S":…} and {"N":…} decodes exactly
// what the general path decodes, and refuses what it refuses.
func FuzzPlainScalar(f *testing.F) {
	for _, s := range []string{`{"S":"a"}`, `{"N":"12.50"}`, `{"N":"1e400"}`, `{"S":""}`, `{"N":"x"}`, `{"S":"a\\"b"}`, `{"B":"AA=="}`, `{"S":"a"} `, `{"S":"x\u0041y"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, _, ok := plainScalar([]byte(s)); !ok {
			return
		}
		var fast, general Value
		errFast := fast.UnmarshalJSON([]byte(s))
		errGeneral := general.unmarshalGeneral([]byte(s))
		if (errFast == nil) != (errGeneral == nil) || (errFast == nil && !Equal(fast, general)) ||
			(errFast != nil && errFast.Error() != errGeneral.Error()) {
			t.Fatalf("%s: fast %+v %v, general %+v %v", s, fast, errFast, general, errGeneral)
		}
	})
}

// TestAppendKeyString: a key value's map key is its type and its text
// (a number's in plain decimal), appended after what is there.
func TestAppendKeyString(t *testing.T) {
	for _, c := range []struct {
		v    Value
		want string
	}{
		{Str(""), "S"}, {Str("a\u00e9"), "Sa\u00e9"}, {Num("-1.50e3"), "N-1500"}, {Num("0"), "N0"}, {Num("0.012"), "N0.012"},
		{Bin(nil), "B"}, {Bin([]byte{0, 0xff}), "B\x00\xff"}, {Bool(true), "?"},
	} {
		if got := c.v.KeyString(); got != c.want {
			t.Errorf("%v: KeyString %q, want %q", c.v, got, c.want)
		}
		if got := string(c.v.AppendKeyString([]byte("x"))); got != "x"+c.want {
			t.Errorf("%v: AppendKeyString %q, want %q", c.v, got, "x"+c.want)
		}
	}
}
