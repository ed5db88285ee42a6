//go:build ignore

// ddbload drives a DynamoDB endpoint over raw HTTP (the JSON protocol,
// keep-alive connections, no SDK) with a fixed number of requests in
// flight, and prints the requests per second of PutItem, GetItem and Query.
// It is the load generator of scripts/bench/ddb-vs-dynalite.sh.
//
//	go run scripts/bench/ddbload/main.go -url http://127.0.0.1:8000 -c 16 -d 2s
//
// It creates its own on-demand table (pk S, sk N), fills it with the puts
// (keys over 100 partitions), then reads the same keys back. With -keys N
// the puts cycle over N keys, so the table ends with N items however fast
// the server is, and two servers' memory compares like for like. The machine
// it runs on is shared with the server it measures, so it spends as little
// CPU as it can: each of the -c workers owns one TCP connection, writes
// its request with the headers written out once, and reads the answer's
// status line, Content-Length and body without net/http. Every answer is
// still checked: it must be a 200, a PutItem's body {}, a GetItem's the
// item with the key asked for and its payload, a Query's ten items of the
// partition asked for. The first answer that is not is printed and the
// run fails.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const payload = "payload-0123456789"

func main() {
	rawURL := flag.String("url", "http://127.0.0.1:8000", "the endpoint")
	conc := flag.Int("c", 16, "requests in flight")
	dur := flag.Duration("d", 2*time.Second, "how long each operation runs")
	jsonOut := flag.Bool("json", false, "print one JSON object instead of text")
	wait := flag.Duration("wait", 15*time.Second, "how long to wait for the endpoint to answer at all")
	cpuProfile := flag.String("cpuprofile", "", "write the generator's own CPU profile here")
	keySpace := flag.Int("keys", 0, "cycle the puts over this many keys (0: a new key for every put)")
	pid := flag.Int("pid", 0, "the server's process id: also report its CPU time per request of each operation")
	flag.Parse()
	u, err := url.Parse(*rawURL)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		fail(fmt.Errorf("-url %s: want http://HOST:PORT", *rawURL))
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	hc := &http.Client{Timeout: 30 * time.Second}
	for deadline := time.Now().Add(*wait); ; time.Sleep(50 * time.Millisecond) {
		res, err := hc.Get(*rawURL)
		if err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			fail(fmt.Errorf("no answer from %s after %s: %w", *rawURL, *wait, err))
		}
	}
	table := "load" + strconv.FormatInt(time.Now().UnixNano()%1e9, 10)
	if _, err := post(hc, *rawURL, "CreateTable", `{"TableName":"`+table+`","BillingMode":"PAY_PER_REQUEST",`+
		`"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],`+
		`"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}`); err != nil {
		fail(err)
	}
	for i := 0; ; i++ {
		out, err := post(hc, *rawURL, "DescribeTable", `{"TableName":"`+table+`"}`)
		if err != nil {
			fail(err)
		}
		if bytes.Contains(out, []byte(`"ACTIVE"`)) {
			break
		}
		if i == 100 {
			fail(fmt.Errorf("table %s never became ACTIVE", table))
		}
		time.Sleep(20 * time.Millisecond)
	}
	ws := make([]*worker, *conc)
	for i := range ws {
		if ws[i], err = dial(u.Host); err != nil {
			fail(err)
		}
	}
	// key appends the i-th item's key members.
	key := func(b []byte, i int) []byte {
		b = append(b, `"pk":{"S":"p`...)
		b = strconv.AppendInt(b, int64(i%100), 10)
		b = append(b, `"},"sk":{"N":"`...)
		b = strconv.AppendInt(b, int64(i), 10)
		return append(b, `"}`...)
	}
	// cpu is the server's CPU time so far, in seconds (0 without -pid).
	cpu := func() float64 {
		if *pid == 0 {
			return 0
		}
		t, err := cpuSeconds(*pid)
		if err != nil {
			fail(err)
		}
		return t
	}
	var cpuUS [3]float64 // per operation, µs of server CPU a request
	var puts atomic.Int64
	c0 := cpu()
	put, putN := run(ws, *dur, "PutItem", func(w *worker, i int) []byte {
		puts.Add(1)
		if *keySpace > 0 {
			i %= *keySpace
		}
		b := append(w.body[:0], `{"TableName":"`+table+`","Item":{`...)
		b = key(b, i)
		w.body = append(b, `,"v":{"S":"`+payload+`"}}}`...)
		return w.body
	}, func(w *worker, i int, res []byte) bool { return string(res) == "{}" })
	c1 := cpu()
	cpuUS[0] = (c1 - c0) * 1e6 / float64(putN)
	n := int(puts.Load())
	if *keySpace > 0 && n > *keySpace {
		n = *keySpace
	}
	get, getN := run(ws, *dur, "GetItem", func(w *worker, i int) []byte {
		b := append(w.body[:0], `{"TableName":"`+table+`","Key":{`...)
		w.body = append(key(b, i%n), "}}"...)
		return w.body
	}, func(w *worker, i int, res []byte) bool {
		// {"Item":{…}} holding exactly the key asked for and the payload,
		// in whichever order the server writes the members.
		i %= n
		w.want = append(append(w.want[:0], `"pk":{"S":"p`...), strconv.Itoa(i%100)...)
		w.want = append(w.want, `"}`...)
		ok := bytes.HasPrefix(res, []byte(`{"Item":{`)) && bytes.Count(res, w.want) == 1
		w.want = append(append(w.want[:0], `"sk":{"N":"`...), strconv.Itoa(i)...)
		w.want = append(w.want, `"}`...)
		return ok && bytes.Count(res, w.want) == 1 &&
			bytes.Count(res, []byte(`"v":{"S":"`+payload+`"}`)) == 1 && bytes.Count(res, []byte(`{"S":`)) == 2
	})
	c2 := cpu()
	cpuUS[1] = (c2 - c1) * 1e6 / float64(getN)
	query, queryN := run(ws, *dur, "Query", func(w *worker, i int) []byte {
		b := append(w.body[:0], `{"TableName":"`+table+`","KeyConditionExpression":"pk = :p AND sk >= :s",`+
			`"ExpressionAttributeValues":{":p":{"S":"p`...)
		b = strconv.AppendInt(b, int64(i%100), 10)
		w.body = append(b, `"},":s":{"N":"0"}},"Limit":10}`...)
		return w.body
	}, func(w *worker, i int, res []byte) bool {
		// "Count":10 and ten items, each of the partition asked for (whose
		// key is also the LastEvaluatedKey's when there is one).
		w.want = append(append(w.want[:0], `"pk":{"S":"p`...), strconv.Itoa(i%100)...)
		w.want = append(w.want, `"}`...)
		keys := 10
		if bytes.Contains(res, []byte(`"LastEvaluatedKey":{`)) {
			keys++
		}
		c := bytes.Index(res, []byte(`"Count":10`))
		return c > 0 && (res[c+10] == ',' || res[c+10] == '}') && bytes.Count(res, w.want) == keys &&
			bytes.Count(res, []byte(`"v":{"S":"`+payload+`"}`)) == 10
	})
	cpuUS[2] = (cpu() - c2) * 1e6 / float64(queryN)
	if *jsonOut {
		out := map[string]float64{"put": put, "get": get, "query": query, "requests": float64(putN + getN + queryN)}
		if *pid != 0 {
			out["put_cpu_us"], out["get_cpu_us"], out["query_cpu_us"] = cpuUS[0], cpuUS[1], cpuUS[2]
		}
		json.NewEncoder(os.Stdout).Encode(out)
		return
	}
	fmt.Printf("put %.0f/s  get %.0f/s  query %.0f/s  (%d in flight, %s each)\n", put, get, query, *conc, *dur)
	if *pid != 0 {
		fmt.Printf("server CPU a request: put %.0f µs  get %.0f µs  query %.0f µs\n", cpuUS[0], cpuUS[1], cpuUS[2])
	}
}

// cpuSeconds is a process's user and system CPU time from /proc/PID/stat
// (fields 14 and 15, in ticks of USER_HZ, which Linux fixes at 100).
func cpuSeconds(pid int) (float64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// the fields after the command name, which is in parentheses and may
	// hold spaces: state is field 3, so utime (14) is the 12th after it
	i := bytes.LastIndexByte(b, ')')
	f := strings.Fields(string(b[i+1:]))
	if i < 0 || len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	u, err1 := strconv.ParseFloat(f[11], 64)
	s, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	return (u + s) / 100, nil
}

// post sends one request through net/http (table set-up only) and returns
// the body of a 200.
func post(hc *http.Client, url, op, body string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewBufferString(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
	req.Header.Set("X-Amz-Date", "20250101T000000Z")
	req.Header.Set("Authorization", auth)
	res, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %d: %s", op, res.StatusCode, b)
	}
	return b, err
}

const auth = "AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0"

// worker is one keep-alive connection with its buffers.
type worker struct {
	host string
	conn net.Conn
	r    *bufio.Reader
	req  []byte // the request being written: head, then body
	body []byte // the body being built
	res  []byte // the answer's body
	want []byte // what the check looks for
}

func dial(host string) (*worker, error) {
	c, err := net.Dial("tcp", host)
	if err != nil {
		return nil, err
	}
	return &worker{host: host, conn: c, r: bufio.NewReaderSize(c, 64<<10)}, nil
}

// do writes one request and reads its answer: the status code and body.
// A server that closes the connection gets a new one for the next request.
func (w *worker) do(op string, body []byte) (int, []byte, error) {
	b := append(w.req[:0], "POST / HTTP/1.1\r\nHost: "...)
	b = append(b, w.host...)
	b = append(b, "\r\nUser-Agent: ddbload\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810."...)
	b = append(b, op...)
	b = append(b, "\r\nX-Amz-Date: 20250101T000000Z\r\nAuthorization: "+auth+"\r\nContent-Length: "...)
	b = strconv.AppendInt(b, int64(len(body)), 10)
	b = append(b, "\r\n\r\n"...)
	b = append(b, body...)
	w.req = b
	if _, err := w.conn.Write(b); err != nil {
		return 0, nil, err
	}
	line, err := w.r.ReadSlice('\n')
	if err != nil {
		return 0, nil, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.1 ")) {
		return 0, nil, fmt.Errorf("bad status line %q", line)
	}
	status, err := strconv.Atoi(string(line[9:12]))
	if err != nil {
		return 0, nil, fmt.Errorf("bad status line %q", line)
	}
	length, closing := -1, false
	for {
		line, err := w.r.ReadSlice('\n')
		if err != nil {
			return 0, nil, err
		}
		if len(line) <= 2 {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return 0, nil, fmt.Errorf("bad header line %q", line)
		}
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil {
				return 0, nil, fmt.Errorf("bad Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			return 0, nil, errors.New("a chunked answer; ddbload reads Content-Length bodies only")
		case bytes.EqualFold(name, []byte("Connection")):
			closing = bytes.EqualFold(value, []byte("close"))
		}
	}
	if length < 0 {
		return 0, nil, errors.New("an answer without Content-Length")
	}
	if cap(w.res) < length {
		w.res = make([]byte, length)
	}
	w.res = w.res[:length]
	if _, err := io.ReadFull(w.r, w.res); err != nil {
		return 0, nil, err
	}
	if closing {
		w.conn.Close()
		c, err := net.Dial("tcp", w.host)
		if err != nil {
			return 0, nil, err
		}
		w.conn = c
		w.r.Reset(c)
	}
	return status, w.res, nil
}

// run keeps one request in flight on each worker for d and returns the
// completed requests per second and their number. next builds the i-th
// request's body; ok checks the i-th answer's body.
func run(ws []*worker, d time.Duration, op string, next func(w *worker, i int) []byte, ok func(w *worker, i int, res []byte) bool) (float64, int64) {
	var seq, done atomic.Int64
	var firstErr error
	var once sync.Once
	stop := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(stop) {
				i := int(seq.Add(1) - 1)
				body := next(w, i)
				status, res, err := w.do(op, body)
				if err == nil && (status != http.StatusOK || !ok(w, i, res)) {
					err = fmt.Errorf("%s %s: HTTP %d: %s", op, body, status, res)
				}
				if err != nil {
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
