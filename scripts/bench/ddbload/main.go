//go:build ignore

// ddbload drives a DynamoDB endpoint over raw HTTP (the JSON protocol,
// keep-alive connections, no SDK) with a fixed number of requests in
// flight, and prints the requests per second of PutItem, GetItem and Query.
// It is the load generator of scripts/bench/ddb-vs-dynalite.sh.
//
//	go run scripts/bench/ddbload/main.go -url http://127.0.0.1:8000 -c 16 -d 2s
//
// It creates its own on-demand table (pk S, sk N), fills it with the puts
// (keys over 100 partitions), then reads the same keys back. Any answer
// other than 200 counts as an error; the run fails if there is one.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8000", "the endpoint")
	conc := flag.Int("c", 16, "requests in flight")
	dur := flag.Duration("d", 2*time.Second, "how long each operation runs")
	jsonOut := flag.Bool("json", false, "print one JSON object instead of text")
	wait := flag.Duration("wait", 15*time.Second, "how long to wait for the endpoint to answer at all")
	flag.Parse()
	tr := &http.Transport{MaxIdleConns: *conc, MaxIdleConnsPerHost: *conc, MaxConnsPerHost: *conc, DisableCompression: true}
	c := &client{url: *url, http: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
	for deadline := time.Now().Add(*wait); ; time.Sleep(50 * time.Millisecond) {
		res, err := c.http.Get(c.url)
		if err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			fail(fmt.Errorf("no answer from %s after %s: %w", c.url, *wait, err))
		}
	}
	table := "load" + strconv.FormatInt(time.Now().UnixNano()%1e9, 10)
	if err := c.post("CreateTable", `{"TableName":"`+table+`","BillingMode":"PAY_PER_REQUEST",`+
		`"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],`+
		`"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}`); err != nil {
		fail(err)
	}
	for i := 0; ; i++ {
		var out bytes.Buffer
		if err := c.postTo("DescribeTable", `{"TableName":"`+table+`"}`, &out); err != nil {
			fail(err)
		}
		if bytes.Contains(out.Bytes(), []byte(`"ACTIVE"`)) {
			break
		}
		if i == 100 {
			fail(fmt.Errorf("table %s never became ACTIVE", table))
		}
		time.Sleep(20 * time.Millisecond)
	}
	key := func(i int) string {
		return `"pk":{"S":"p` + strconv.Itoa(i%100) + `"},"sk":{"N":"` + strconv.Itoa(i) + `"}`
	}
	var puts atomic.Int64
	put, putN := c.run(*conc, *dur, func(i int) (string, string) {
		puts.Add(1)
		return "PutItem", `{"TableName":"` + table + `","Item":{` + key(i) + `,"v":{"S":"payload-0123456789"}}}`
	})
	n := int(puts.Load())
	get, getN := c.run(*conc, *dur, func(i int) (string, string) {
		return "GetItem", `{"TableName":"` + table + `","Key":{` + key(i%n) + `}}`
	})
	query, queryN := c.run(*conc, *dur, func(i int) (string, string) {
		return "Query", `{"TableName":"` + table + `","KeyConditionExpression":"pk = :p AND sk >= :s",` +
			`"ExpressionAttributeValues":{":p":{"S":"p` + strconv.Itoa(i%100) + `"},":s":{"N":"0"}},"Limit":10}`
	})
	if *jsonOut {
		json.NewEncoder(os.Stdout).Encode(map[string]float64{"put": put, "get": get, "query": query, "requests": float64(putN + getN + queryN)})
		return
	}
	fmt.Printf("put %.0f/s  get %.0f/s  query %.0f/s  (%d in flight, %s each)\n", put, get, query, *conc, *dur)
}

type client struct {
	url  string
	http *http.Client
}

func (c *client) post(op, body string) error { return c.postTo(op, body, io.Discard) }

func (c *client) postTo(op, body string, out io.Writer) error {
	req, err := http.NewRequest(http.MethodPost, c.url, bytes.NewBufferString(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
	req.Header.Set("X-Amz-Date", "20250101T000000Z")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("%s: HTTP %d: %s", op, res.StatusCode, b)
	}
	_, err = io.Copy(out, res.Body)
	return err
}

// run keeps conc requests in flight for d and returns the completed
// requests per second and their number. next(i) gives the i-th request.
func (c *client) run(conc int, d time.Duration, next func(i int) (op, body string)) (float64, int64) {
	var seq, done atomic.Int64
	var firstErr error
	var once sync.Once
	stop := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(stop) {
				op, body := next(int(seq.Add(1) - 1))
				if err := c.post(op, body); err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		fail(firstErr)
	}
	return float64(done.Load()) / time.Since(start).Seconds(), done.Load()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ddbload:", err)
	os.Exit(1)
}
