package dynamodb

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// FuzzGetItemInput: a GetItem request the fast reader takes is read into
// exactly the input json.Unmarshal makes of the checked request written
// back out, which is what every other operation runs on.
func FuzzGetItemInput(f *testing.F) {
	for _, s := range []string{
		`{"TableName":"bench","Key":{"pk":{"S":"p1"},"sk":{"N":"12"}}}`,
		`{"TableName":"bench","Key":{"pk":{"S":"a\"b<c>\u00e9"},"sk":{"N":"-1.50E+3"}},"ConsistentRead":true}`,
		`{"TableName":"bench","Key":{"pk":{"S":"p"}},"ProjectionExpression":"#a, b","ExpressionAttributeNames":{"#a":"a"},"ReturnConsumedCapacity":"TOTAL"}`,
		`{"TableName":"bench","Key":{"pk":{"S":"p"}},"ExpressionAttributeNames":{}}`,
		`{"TableName":"bench","Key":{"pk":{"B":"AA=="}}}`,
		`{"TableName":"bench","Key":{"pk":{"S":"p"}},"AttributesToGet":["a","b"]}`,
		`{"tablename":"bench","TableName":"other","Key":{"pk":{"S":"p"}}}`,
		`{"TableName":"bench","Key":{"pk":{"S":"p"}},"ConsistentRead":"true"}`,
		`{"TableName":"bench","Key":{"pk":{"N":"1e400"}}}`,
		`{"TableName":"bench","Key":{}}`,
	} {
		f.Add(s)
	}
	fuzzFastReader(f, "GetItem", getItemInput)
}

// FuzzPutItemInput: as FuzzGetItemInput, for PutItem.
func FuzzPutItemInput(f *testing.F) {
	for _, s := range []string{
		`{"TableName":"bench","Item":{"pk":{"S":"p1"},"sk":{"N":"12"},"v":{"S":"payload"}}}`,
		`{"TableName":"bench","Item":{"pk":{"S":"a\"b<c>\u00e9"},"sk":{"N":"-1.50E+3"}},"ReturnValues":"ALL_OLD","ReturnConsumedCapacity":"TOTAL"}`,
		`{"TableName":"bench","Item":{"pk":{"S":"p"}},"ConditionExpression":"#a <> :v","ExpressionAttributeNames":{"#a":"a"},"ExpressionAttributeValues":{":v":{"N":"1"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}`,
		`{"TableName":"bench","Item":{"pk":{"S":"p"},"l":{"L":[]}}}`,
		`{"TableName":"bench","Item":{"pk":{"S":"p"}},"Expected":{"a":{"Exists":false}}}`,
		`{"TableName":"bench","item":{"pk":{"S":"p"}},"Item":{"pk":{"S":"q"}}}`,
		`{"TableName":"bench","Item":{"pk":{"S":"p"}},"ExpressionAttributeValues":{}}`,
	} {
		f.Add(s)
	}
	fuzzFastReader(f, "PutItem", putItemInput)
}

// fuzzFastReader checks that a request of op the fast reader takes is read
// into exactly the input json.Unmarshal makes of the checked request
// written back out.
func fuzzFastReader[In any](f *testing.F, op string, read func(*jv) (*In, bool)) {
	db := New(clock.New(clock.Epoch))
	f.Fuzz(func(t *testing.T, s string) {
		data, err := db.checkRequest(op, []byte(s), nil)
		if err != nil || data == nil {
			return
		}
		body, _ := data.MarshalJSON()
		var want In
		werr := json.Unmarshal(body, &want)
		got, ok := read(data)
		if !ok {
			return
		}
		if werr != nil {
			t.Fatalf("%s: fast reader took what json.Unmarshal refuses (%v)", s, werr)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Fatalf("%s:\n fast    %#v\n general %#v", s, *got, want)
		}
	})
}

// TestGetItemInputFallsBack: members the fast reader does not read as
// encoding/json does are left to the general path.
func TestGetItemInputFallsBack(t *testing.T) {
	db := New(clock.New(clock.Epoch))
	for _, s := range []string{
		`{"TableName":"bench","Key":{"pk":{"B":"AA=="}}}`,               // a binary key
		`{"TableName":"bench","tablename":"x","Key":{"pk":{"S":"p"}}}`,  // matched without regard to case
		`{"TableName":"bench","Key":{"pk":{"S":"p"}},"Unknown":1}`,      // a member DynamoDB ignores
		`{"TableName":"bench","Key":{"pk":{"S":"p"}},"Limit":{"a":[]}}`, // one json.Unmarshal would refuse
	} {
		data, err := db.checkRequest("GetItem", []byte(s), nil)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if _, ok := getItemInput(data); ok {
			t.Errorf("%s: read by the fast reader", s)
		}
	}
	data, err := db.checkRequest("GetItem", []byte(`{"TableName":"bench","Key":{"pk":{"S":"p"},"sk":{"N":"1"}},"ConsistentRead":true}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if in, ok := getItemInput(data); !ok || in.TableName != "bench" || len(in.Key) != 2 || !in.ConsistentRead {
		t.Fatalf("a plain request: %+v %v", in, ok)
	}
}

// FuzzGetItemOutput: the answer (and PutItem's) is written byte for byte as json.Marshal
// writes it, whatever the item holds.
func FuzzGetItemOutput(f *testing.F) {
	for _, s := range []string{
		`{"pk":{"S":"p1"},"sk":{"N":"12"},"v":{"S":"payload"}}`,
		`{"a<b":{"S":"x&y>z\u2028\u00e9\"\\"},"n":{"NS":["1","2.5"]},"b":{"B":"AAEC"},"bs":{"BS":["AA=="]}}`,
		`{"m":{"M":{"x":{"L":[{"NULL":true},{"BOOL":false},{"SS":["a","b"]}]}}}}`,
		`{}`,
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, withCapacity bool) {
		var it Item
		if json.Unmarshal([]byte(s), &it) != nil {
			return
		}
		out := &GetItemOutput{Item: it}
		if withCapacity {
			out.ConsumedCapacity = &ConsumedCapacity{TableName: "bench<&>", CapacityUnits: 0.5}
		}
		want, err := json.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := out.appendJSON(nil); string(got) != string(want) {
			t.Fatalf("%s:\n appendJSON   %s\n json.Marshal %s", s, got, want)
		}
		put := &ItemOutput{Attributes: out.Item, ConsumedCapacity: out.ConsumedCapacity}
		if want, _ = json.Marshal(put); string(put.appendJSON(nil)) != string(want) {
			t.Fatalf("%s:\n appendJSON   %s\n json.Marshal %s", s, put.appendJSON(nil), want)
		}
	})
}

// FuzzAuthParams: the Authorization header's parameters are read as a map
// of its comma- and space-separated fields reads them.
func FuzzAuthParams(f *testing.F) {
	for _, s := range []string{
		"AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0",
		"AWS4-HMAC-SHA256 Credential=a,Credential=b Signature=",
		"AWS4-HMAC-SHA256\tCredential=a, \tSignature=s\u00a0, SignedHeaders=h=i",
		"Credential=first-field-skipped", "", ",,, ,", "AWS4 =x Signature",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, auth string) {
		params := map[string]string{}
		fields := strings.FieldsFunc(auth, func(r rune) bool { return r == ',' || r == ' ' })
		for _, f := range fields[min(1, len(fields)):] {
			k, v, _ := strings.Cut(strings.TrimSpace(f), "=")
			params[k] = v
		}
		cred, sig, signed := authParams(auth)
		if cred != params["Credential"] || sig != params["Signature"] || signed != params["SignedHeaders"] {
			t.Fatalf("%q: read %q %q %q, want %q %q %q", auth, cred, sig, signed, params["Credential"], params["Signature"], params["SignedHeaders"])
		}
	})
}

// FuzzSignedRegion: the region is the third part of the credential split
// at "/", when it has at least five.
func FuzzSignedRegion(f *testing.F) {
	for _, s := range []string{
		"AWS4-HMAC-SHA256 Credential=x/20250101/eu-west-1/dynamodb/aws4_request, Signature=0",
		"Credential=a/b/c/d", "Credential=a//c/d/e/f", "Credential=/////", "no credential", "Credential=a/b/c,/d/e",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, auth string) {
		want := ""
		if _, cred, ok := strings.Cut(auth, "Credential="); ok {
			cred, _, _ = strings.Cut(cred, ",")
			if parts := strings.Split(cred, "/"); len(parts) >= 5 {
				want = parts[2]
			}
		}
		if got := signedRegion(auth); got != want {
			t.Fatalf("%q: region %q, want %q", auth, got, want)
		}
	})
}

// TestCmpTupleOrdersAsCompare: the store orders sort keys exactly as
// attr.Compare does, element by element, the shorter tuple first.
func TestCmpTupleOrdersAsCompare(t *testing.T) {
	vals := []attr.Value{
		attr.Str(""), attr.Str("a"), attr.Str("ab"), attr.Str("b"), attr.Str("\u00e9"),
		attr.Num("-10"), attr.Num("-1.5"), attr.Num("0"), attr.Num("2"), attr.Num("10"), attr.Num("1e2"),
		attr.Bin(nil), attr.Bin([]byte{0}), attr.Bin([]byte{0xff}), attr.Bool(true),
	}
	ref := func(a, b []attr.Value) int {
		for i := 0; i < len(a) && i < len(b); i++ {
			if c, _ := attr.Compare(a[i], b[i]); c != 0 {
				return c
			}
		}
		return len(a) - len(b)
	}
	sign := func(c int) int { return min(max(c, -1), 1) }
	for _, x := range vals {
		for _, y := range vals {
			for _, tup := range [][2][]attr.Value{{{x}, {y}}, {{x, y}, {x}}, {{y, x}, {y, y}}, {{x}, {x, y}}} {
				if got, want := sign(cmpTuple(tup[0], tup[1])), sign(ref(tup[0], tup[1])); got != want {
					t.Errorf("cmpTuple(%v, %v) = %d, want %d", tup[0], tup[1], got, want)
				}
			}
		}
	}
}

// FuzzQueryOutput: Query's and Scan's answer is written byte for byte as
// json.Marshal writes it through QueryOutput's MarshalJSON: with or without
// items (nil or none), a LastEvaluatedKey and consumed capacity.
func FuzzQueryOutput(f *testing.F) {
	for _, s := range []string{
		`{"pk":{"S":"p1"},"sk":{"N":"12"},"v":{"S":"payload"}}`,
		`{"a<b":{"S":"x&y>z\u2028\u00e9\"\\"},"n":{"NS":["1","2.5"]},"b":{"B":"AAEC"}}`,
		`{}`,
	} {
		for _, items := range []uint8{0, 1, 3} {
			f.Add(s, items, true, false)
			f.Add(s, items, false, true)
		}
	}
	f.Fuzz(func(t *testing.T, s string, items uint8, lastKey, withCapacity bool) {
		var it Item
		if json.Unmarshal([]byte(s), &it) != nil {
			return
		}
		out := &QueryOutput{Count: int(items), ScannedCount: int(items) * 2}
		switch items % 4 {
		case 0: // nil: no Items member
		case 1:
			out.Items = []Item{}
		default:
			for range items % 4 {
				out.Items = append(out.Items, it)
			}
			out.Items = append(out.Items, nil)
		}
		if lastKey {
			out.LastEvaluatedKey = it
		}
		if withCapacity {
			out.ConsumedCapacity = &ConsumedCapacity{TableName: "bench", CapacityUnits: 1.5, Table: &Capacity{CapacityUnits: 1.5}}
		}
		want, err := json.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := out.appendJSON(nil); string(got) != string(want) {
			t.Fatalf("%s:\n appendJSON   %s\n json.Marshal %s", s, got, want)
		}
	})
}

// TestTupleKeyMatchesCmpTuple: two sort keys of a table (whose types its
// schema fixes) have the same lookup key exactly when the store's order
// finds them equal, numbers by value.
func TestTupleKeyMatchesCmpTuple(t *testing.T) {
	vals := []attr.Value{
		attr.Str(""), attr.Str("a"), attr.Str("1"), attr.Str("N1"), attr.Str("a\x00"),
		attr.Num("0"), attr.Num("-0"), attr.Num("1"), attr.Num("1.0"), attr.Num("10"), attr.Num("1e1"),
		attr.Num("-1"), attr.Num("0.1"), attr.Num("1e-5"), attr.Num("-1e5"), attr.Num("-1000"), attr.Num("12"), attr.Num("1.2e1"),
		attr.Bin(nil), attr.Bin([]byte("a")), attr.Bin([]byte("N1")),
	}
	var tuples [][]attr.Value
	tuples = append(tuples, nil)
	for _, x := range vals {
		tuples = append(tuples, []attr.Value{x})
		for _, y := range vals {
			tuples = append(tuples, []attr.Value{x, y})
		}
	}
	sameTypes := func(a, b []attr.Value) bool {
		for i := range a {
			if a[i].T != b[i].T {
				return false
			}
		}
		return true
	}
	for _, a := range tuples {
		for _, b := range tuples {
			if len(a) == len(b) && !sameTypes(a, b) {
				continue // a table's sort keys all have the one type its schema gives
			}
			same := string(appendTupleKey(nil, a)) == string(appendTupleKey(nil, b))
			if equal := len(a) == len(b) && cmpTuple(a, b) == 0; same != equal {
				t.Fatalf("%v and %v: same key %v, equal %v", a, b, same, equal)
			}
		}
	}
}

// TestRequestID: 52 capitals and digits, a new one each time.
func TestRequestID(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		id := requestID()
		if len(id) != 52 || strings.Trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
			t.Fatalf("request id %q", id)
		}
		if seen[id] {
			t.Fatalf("request id %q twice", id)
		}
		seen[id] = true
	}
}

// FuzzPlainItemSize: the size of an item of plain values, counted without
// building it, is the size of the item json.Unmarshal builds from it.
func FuzzPlainItemSize(f *testing.F) {
	for _, s := range []string{
		`{"pk":{"S":"p1"},"sk":{"N":"12"},"v":{"S":"payload"}}`,
		`{"\u00e9":{"S":"\u4e2d\U0001F600"},"n":{"N":"-0.000123E+5"},"z":{"N":"0"}}`,
		`{"a":{"S":"x"},"a":{"S":"longer"}}`, `{}`, `{"b":{"B":"AA=="}}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseJV([]byte(s))
		if err != nil {
			return
		}
		size, ok := plainItemSize(v)
		if !ok {
			return
		}
		// as the checked request is written back out: one value a name
		var it Item
		b, _ := v.MarshalJSON()
		if err := json.Unmarshal(b, &it); err != nil {
			t.Fatalf("%s: sized, but json.Unmarshal refuses it: %v", s, err)
		}
		if want := it.Size(); size != want {
			t.Fatalf("%s: size %d, want %d", s, size, want)
		}
	})
}

// TestStoreKeepsOrderAndLookups: records written in any order, rewritten
// and deleted stay in sort order, and each is found by its key.
func TestStoreKeepsOrderAndLookups(t *testing.T) {
	s := newStore()
	h := attr.Str("p")
	want := map[int]int{} // sort key → version
	r := uint64(7)
	for step := range 5000 {
		r = r*6364136223846793005 + 1442695040888963407
		k := int(r>>33) % 300
		sk := []attr.Value{attr.Num(strconv.Itoa(k))}
		if r>>62 == 0 {
			s.del(h, sk)
			delete(want, k)
			continue
		}
		s.put(h, &record{sort: sk, item: Item{"v": attr.Num(strconv.Itoa(step))}})
		want[k] = step
	}
	if s.count != len(want) {
		t.Fatalf("%d records, want %d", s.count, len(want))
	}
	g := s.groups[h.KeyString()]
	for i := 1; i < len(g.recs); i++ {
		if cmpTuple(g.recs[i-1].sort, g.recs[i].sort) >= 0 {
			t.Fatalf("records %d and %d out of order", i-1, i)
		}
	}
	for k, step := range want {
		got := s.get(h, []attr.Value{attr.Num(strconv.Itoa(k))})
		if got == nil || !attr.Equal(got.item["v"], attr.Num(strconv.Itoa(step))) {
			t.Fatalf("key %d: %v, want version %d", k, got, step)
		}
	}
	if len(g.byKey) != len(g.recs) {
		t.Fatalf("%d keys for %d records", len(g.byKey), len(g.recs))
	}
}

// FuzzMatchPattern: the name pattern checked byte by byte matches what
// the model's regular expression matches.
func FuzzMatchPattern(f *testing.F) {
	for _, s := range []string{"bench", "a.b-c_D9", "", "a b", "tab\t", "name\n", "\u00e9t\u00e9", "\xff", "x$"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := matchPattern(namePattern, s), modelPattern(namePattern).MatchString(s); got != want {
			t.Fatalf("%q: %v, the regular expression %v", s, got, want)
		}
	})
}

// Checking a request copies only what the check changes: a request that
// is already in its checked form comes back as the very same tree, and one
// with a value to convert comes back converted, with what did not change
// shared and the request as sent left as it was.
func TestCheckTypesCopiesOnlyWhatChanges(t *testing.T) {
	types := shapeOf("Query")
	plain, err := parseJV([]byte(`{"ExpressionAttributeValues":{":p":{"S":"a"},":n":{"N":"1"}},"KeyConditionExpression":"pk = :p","TableName":"orders"}`))
	if err != nil {
		t.Fatal(err)
	}
	// put the members in the model's order, so nothing has to move
	var ordered []string
	for _, k := range types.keys {
		if plain.get(k) != nil {
			ordered = append(ordered, k)
		}
	}
	re := &jv{kind: 'o'}
	for _, k := range ordered {
		re.set(k, plain.get(k))
	}
	got, err := checkTypes(re, types, true)
	if err != nil {
		t.Fatal(err)
	}
	if got != re {
		t.Errorf("a request in checked form was copied")
	}

	sent := `{"TableName":"orders","ConsistentRead":"true","Limit":10.7,"ExpressionAttributeValues":{":p":{"S":"a"}},"KeyConditionExpression":"pk = :p"}`
	raw, err := parseJV([]byte(sent))
	if err != nil {
		t.Fatal(err)
	}
	got, err = checkTypes(raw, types, true)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.get("ConsistentRead"); c.kind != 'b' || !c.b {
		t.Errorf("ConsistentRead %+v, want true", c)
	}
	if l := got.get("Limit"); l.kind != 'n' || l.s != "10" {
		t.Errorf("Limit %+v, want 10", l)
	}
	if got.get("ExpressionAttributeValues") != raw.get("ExpressionAttributeValues") {
		t.Errorf("an unchanged member was copied")
	}
	if b, _ := raw.MarshalJSON(); string(b) != sent {
		t.Errorf("the request as sent changed: %s", b)
	}
}
