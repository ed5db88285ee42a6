package dynamodb

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/saa-study/saa-study/sim/clock"
)

// fastForward serves h and moves the virtual clock one second every 500
// requests, so a benchmark's traffic stays under the on-demand allowance
// and the per-partition ceilings instead of measuring throttles.
func fastForward(c *clock.Virtual, h http.Handler) http.Handler {
	var mu sync.Mutex
	n := 0
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		if n%500 == 0 {
			c.Advance(time.Second)
		}
		mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

func httpBench(b *testing.B, op string, body func(i int) string, seed int) {
	c := clock.New(clock.Epoch)
	db := New(c)
	srv := httptest.NewServer(fastForward(c, Handler(db)))
	defer srv.Close()
	client := srv.Client()
	post := func(op, body string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewBufferString(body))
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		signForTest(req.Header, "us-east-1")
		res, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			b.Fatalf("%s: status %d", op, res.StatusCode)
		}
	}
	benchPosts(b, post, op, body, seed)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// benchPosts creates the benchmarks' table through post, puts seed items
// in it, then times op with body(i) for i = 0, 1, 2…
func benchPosts(b *testing.B, post func(op, body string), op string, body func(i int) string, seed int) {
	post("CreateTable", `{"TableName":"bench","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"BillingMode":"PAY_PER_REQUEST"}`)
	for i := 0; i < seed; i++ {
		post("PutItem", putBody(i))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		post(op, body(i))
		i++
	}
}

func putBody(i int) string {
	return `{"TableName":"bench","Item":{"pk":{"S":"p` + strconv.Itoa(i%100) + `"},"sk":{"N":"` + strconv.Itoa(i) + `"},"v":{"S":"payload"}}}`
}

func BenchmarkHTTPPutItem(b *testing.B) { httpBench(b, "PutItem", putBody, 0) }

func BenchmarkHTTPGetItem(b *testing.B) {
	httpBench(b, "GetItem", func(i int) string {
		i %= 1000
		return `{"TableName":"bench","Key":{"pk":{"S":"p` + strconv.Itoa(i%100) + `"},"sk":{"N":"` + strconv.Itoa(i) + `"}}}`
	}, 1000)
}

func BenchmarkHTTPQuery10Items(b *testing.B) {
	httpBench(b, "Query", func(i int) string {
		return `{"TableName":"bench","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p` + strconv.Itoa(i%100) + `"}},"Limit":10}`
	}, 1000)
}

// handlerBench runs op through Handler without a network: the server's own
// work on one request (headers, body, validation, the operation, the
// answer), seeded with seed puts.
func handlerBench(b *testing.B, op string, body func(i int) string, seed int) {
	c := clock.New(clock.Epoch)
	h := fastForward(c, Handler(NewWithOptions(c, Options{NoThrottling: true})))
	post := func(op, body string) {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		signForTest(req.Header, "us-east-1")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("%s: status %d: %s", op, w.Code, w.Body)
		}
	}
	benchPosts(b, post, op, body, seed)
}

func getBody(i int) string {
	i %= 1000
	return `{"TableName":"bench","Key":{"pk":{"S":"p` + strconv.Itoa(i%100) + `"},"sk":{"N":"` + strconv.Itoa(i) + `"}}}`
}

func BenchmarkHandlerPutItem(b *testing.B) { handlerBench(b, "PutItem", putBody, 0) }

func BenchmarkHandlerGetItem(b *testing.B) { handlerBench(b, "GetItem", getBody, 1000) }

func BenchmarkHandlerQuery10Items(b *testing.B) {
	handlerBench(b, "Query", func(i int) string {
		return `{"TableName":"bench","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p` + strconv.Itoa(i%100) + `"}},"Limit":10}`
	}, 1000)
}

// BenchmarkLiveBytesPerItem reports the heap a stored item keeps alive
// (ddbload's items: a string partition key, a number sort key and an
// 18-byte string), which is most of the endpoint's peak memory.
func BenchmarkLiveBytesPerItem(b *testing.B) {
	const items = 10000
	var perItem float64
	for b.Loop() {
		c := clock.New(clock.Epoch)
		db := NewWithOptions(c, Options{NoThrottling: true})
		if _, err := db.Do("CreateTable", []byte(`{"TableName":"bench","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"BillingMode":"PAY_PER_REQUEST"}`)); err != nil {
			b.Fatal(err)
		}
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		for i := range items {
			if _, err := db.Do("PutItem", []byte(`{"TableName":"bench","Item":{"pk":{"S":"p`+strconv.Itoa(i%100)+`"},"sk":{"N":"`+strconv.Itoa(i)+`"},"v":{"S":"payload-0123456789"}}}`)); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&m1)
		perItem = float64(m1.HeapAlloc-m0.HeapAlloc) / items
		runtime.KeepAlive(db)
	}
	b.ReportMetric(perItem, "B/item")
}

// serverBench runs op through NewServer's handler without a network, as
// handlerBench does for Handler: what `--serve` does for one request
// between reading it and writing its answer.
func serverBench(b *testing.B, op string, body func(i int) string, seed int) {
	c := clock.New(clock.Epoch)
	h := NewServer(NewWithOptions(c, Options{NoThrottling: true}), Timeouts{}).Handler
	var ctx fasthttp.RequestCtx
	var req fasthttp.Request
	n := 0
	post := func(op, body string) {
		if n++; n%500 == 0 {
			c.Advance(time.Second)
		}
		req.Reset()
		req.Header.SetMethod(http.MethodPost)
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
		req.Header.SetContentType("application/x-amz-json-1.0")
		hd := http.Header{}
		signForTest(hd, "us-east-1")
		for k := range hd {
			req.Header.Set(k, hd.Get(k))
		}
		req.SetBodyString(body)
		ctx.Init(&req, nil, nil)
		h(&ctx)
		if code := ctx.Response.StatusCode(); code != http.StatusOK {
			b.Fatalf("%s: status %d: %s", op, code, ctx.Response.Body())
		}
	}
	benchPosts(b, post, op, body, seed)
}

func BenchmarkServerPutItem(b *testing.B) { serverBench(b, "PutItem", putBody, 0) }

func BenchmarkServerGetItem(b *testing.B) { serverBench(b, "GetItem", getBody, 1000) }
