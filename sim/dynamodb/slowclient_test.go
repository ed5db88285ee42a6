package dynamodb

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A client that trickles its body one byte a second holds no lock: a
// concurrent GetItem is answered at once.
func TestSlowClientDoesNotDelayOthers(t *testing.T) {
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) { testSlowClient(t, s.start) })
	}
}

func testSlowClient(t *testing.T, start func(testing.TB, *DB) string) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", `{"TableName":"slow","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}`)
	url := start(t, db)

	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"TableName":"slow","Item":{"pk":{"S":"a"}}}`
	fmt.Fprintf(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"+
		"X-Amz-Date: 20250101T000000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\n"+
		"Content-Length: %d\r\n\r\n", len(body))
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for i := 0; i < len(body); i++ {
			select {
			case <-stop:
				return
			case <-time.After(time.Second):
			}
			if _, err := conn.Write([]byte{body[i]}); err != nil {
				return
			}
		}
	}()
	time.Sleep(1500 * time.Millisecond) // the slow request is in the handler now

	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewBufferString(`{"TableName":"slow","Key":{"pk":{"S":"a"}}}`))
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810.GetItem")
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		signForTest(req.Header, "us-east-1")
		start := time.Now()
		res, err := http.DefaultClient.Do(req)
		took := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GetItem: %d", res.StatusCode)
		}
		if took > 100*time.Millisecond {
			t.Fatalf("GetItem beside a slow client took %v, want under 100 ms", took)
		}
		t.Logf("GetItem beside a client sending 1 byte/s: %v", took)
	}
}
