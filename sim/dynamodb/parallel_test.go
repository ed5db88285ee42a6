package dynamodb

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/saa-study/saa-study/sim/clock"
)

// TestHandlerRequestsInFlight: sixteen clients at once, each writing and
// reading back its own items while the others do the same. Requests are
// checked and decoded side by side and run one at a time, so every write
// is acknowledged, read back whole, and counted once.
func TestHandlerRequestsInFlight(t *testing.T) {
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) { testRequestsInFlight(t, s.start) })
	}
}

func testRequestsInFlight(t *testing.T, start func(testing.TB, *DB) string) {
	db := NewWithOptions(clock.New(clock.Epoch), Options{NoThrottling: true})
	url := start(t, db)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	post := func(op, body string) (int, []byte) {
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewBufferString(body))
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		signForTest(req.Header, "us-east-1")
		res, err := client.Do(req)
		if err != nil {
			t.Error(err)
			return 0, nil
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, b
	}
	if code, b := post("CreateTable", `{"TableName":"par","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}`); code != 200 {
		t.Fatalf("CreateTable: %d %s", code, b)
	}
	const clients, each = 16, 40
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				key := fmt.Sprintf(`"pk":{"S":"c%d"},"sk":{"N":"%d"}`, c, i)
				if code, b := post("PutItem", `{"TableName":"par","Item":{`+key+`,"v":{"S":"from c`+fmt.Sprint(c)+`"}}}`); code != 200 {
					t.Errorf("PutItem: %d %s", code, b)
					return
				}
				code, b := post("GetItem", `{"TableName":"par","ConsistentRead":true,"Key":{`+key+`}}`)
				var got struct{ Item map[string]map[string]string }
				if code != 200 || json.Unmarshal(b, &got) != nil || got.Item["v"]["S"] != fmt.Sprint("from c", c) || got.Item["sk"]["N"] != fmt.Sprint(i) {
					t.Errorf("GetItem c%d/%d: %d %s", c, i, code, b)
					return
				}
				// A malformed request is refused without disturbing the others.
				if code, _ := post("GetItem", `{"TableName":"par","Key":{"pk":{"S":"x"},"sk":{"N":"not a number"}}}`); code != 400 {
					t.Errorf("bad GetItem: %d", code)
				}
			}
		}()
	}
	wg.Wait()
	code, b := post("Scan", `{"TableName":"par","Select":"COUNT"}`)
	var n struct{ Count int }
	if code != 200 || json.Unmarshal(b, &n) != nil || n.Count != clients*each {
		t.Fatalf("Scan: %d %s, want Count %d", code, b, clients*each)
	}
}
