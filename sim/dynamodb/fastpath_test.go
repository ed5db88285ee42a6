package dynamodb

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/saa-study/saa-study/sim/clock"
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
	db := New(clock.New(clock.Epoch))
	f.Fuzz(func(t *testing.T, s string) {
		data, err := db.checkRequest("GetItem", []byte(s))
		if err != nil || data == nil {
			return
		}
		body, _ := data.MarshalJSON()
		var want GetItemInput
		werr := json.Unmarshal(body, &want)
		got, ok := getItemInput(data)
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
		data, err := db.checkRequest("GetItem", []byte(s))
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if _, ok := getItemInput(data); ok {
			t.Errorf("%s: read by the fast reader", s)
		}
	}
	data, err := db.checkRequest("GetItem", []byte(`{"TableName":"bench","Key":{"pk":{"S":"p"},"sk":{"N":"1"}},"ConsistentRead":true}`))
	if err != nil {
		t.Fatal(err)
	}
	if in, ok := getItemInput(data); !ok || in.TableName != "bench" || len(in.Key) != 2 || !in.ConsistentRead {
		t.Fatalf("a plain request: %+v %v", in, ok)
	}
}

// FuzzGetItemOutput: the answer is written byte for byte as json.Marshal
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
	})
}
