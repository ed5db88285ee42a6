package dynamodb

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func newDB() (*DB, *clock.Virtual) {
	c := clock.New(clock.Epoch)
	return New(c), c
}

func mustDo(t testing.TB, db *DB, op, body string) string {
	t.Helper()
	out, err := db.Do(op, []byte(body))
	if err != nil {
		t.Fatalf("%s %s: %v", op, body, err)
	}
	return string(out)
}

func doErr(t testing.TB, db *DB, op, body string) (string, string) {
	t.Helper()
	_, err := db.Do(op, []byte(body))
	if err == nil {
		t.Fatalf("%s %s: expected an error", op, body)
	}
	var e struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(ErrorJSON(err), &e)
	return e.Type[strings.Index(e.Type, "#")+1:], e.Message
}

// sized builds an item of exactly n bytes with hash key pk = key.
func sized(key string, n int) Item {
	base := 2 + len(key) + 1 // "pk" + key + "d"
	return Item{"pk": attr.Str(key), "d": attr.Str(strings.Repeat("x", n-base))}
}

func simpleTable(t testing.TB, db *DB, name string, rcu, wcu int) {
	t.Helper()
	mode := `"ProvisionedThroughput":{"ReadCapacityUnits":` + itoa(rcu) + `,"WriteCapacityUnits":` + itoa(wcu) + `}`
	if rcu == 0 {
		mode = `"BillingMode":"PAY_PER_REQUEST"`
	}
	mustDo(t, db, "CreateTable", `{"TableName":"`+name+`","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],`+mode+`}`)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func newClock() *clock.Virtual { return clock.New(clock.Epoch) }

// signForTest adds the SigV4 headers the endpoint requires (it checks
// that they are present and complete, not the signature).
func signForTest(h http.Header, region string) {
	h.Set("X-Amz-Date", "20250101T000000Z")
	h.Set("Authorization", "AWS4-HMAC-SHA256 Credential=x/20250101/"+region+"/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
}

// servers are the front end's two HTTP servers: start serves db on a
// loopback port and returns its URL; the server stops when the test ends.
var servers = []struct {
	name  string
	start func(t testing.TB, db *DB) string
}{
	{"net-http", func(t testing.TB, db *DB) string {
		srv := httptest.NewServer(Handler(db))
		t.Cleanup(srv.Close)
		return srv.URL
	}},
	{"fasthttp", startServer},
}

// startServer serves db with NewServer, as `sim dynamodb --serve` does.
func startServer(t testing.TB, db *DB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(db, Timeouts{Read: 30 * time.Second, Write: 30 * time.Second, Idle: 30 * time.Second})
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		if err := srv.Shutdown(); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}
