// Package conformance compares the simulator with dynalite 4.0.0 on a
// corpus of requests; see DIFFERENCES.md for the differences we keep.
package conformance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb"
)

type corpusLine struct {
	ID        string          `json:"id"`
	Operation string          `json:"Operation"`
	Request   json.RawMessage `json:"Request"`
	SimOnly   bool            `json:"simOnly"`
	HTTP      *httpExchange   `json:"HTTP"`
}

// httpExchange is a corpus line sent as raw HTTP, for the protocol edges
// (methods, signature headers, bodies that are not JSON).
type httpExchange struct {
	Method  string            `json:"Method"`
	Headers map[string]string `json:"Headers"`
	Body    string            `json:"Body"`
}

type refLine struct {
	ID      string         `json:"id"`
	Skipped bool           `json:"skipped"`
	Status  int            `json:"status"`
	Body    map[string]any `json:"body"`
}

// Report is what agreement.json holds: the baseline the test defends.
type Report struct {
	Compared   int                `json:"compared"`
	Agreeing   int                `json:"agreeing"`
	Agreement  float64            `json:"agreement"`
	Fields     map[string]float64 `json:"fields"`
	Mismatches []string           `json:"mismatches"`
}

func readLines[T any](t *testing.T, path string) []T {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []T
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 0, 1<<20), 8<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	return out
}

// runSim feeds the corpus to ServeAPI, as `saa-study sim dynamodb --api`
// does, and sends its HTTP lines to the endpoint's handler (on a database
// of their own); each answer comes back at its line's place, an HTTP one
// as {"status", "body"}.
func runSim(t *testing.T, corpus []corpusLine) []map[string]any {
	t.Helper()
	var in, out bytes.Buffer
	for _, c := range corpus {
		if c.HTTP == nil {
			b, _ := json.Marshal(c)
			in.Write(append(b, '\n'))
		}
	}
	db := dynamodb.New(clock.New(clock.Epoch))
	if err := dynamodb.ServeAPI(&in, &out, db); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	h := dynamodb.Handler(dynamodb.New(clock.New(clock.Epoch)))
	var res []map[string]any
	for _, c := range corpus {
		if c.HTTP != nil {
			res = append(res, exchange(h, c.HTTP))
			continue
		}
		if len(lines) == 0 {
			t.Fatalf("ServeAPI answered fewer lines than the corpus has")
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
			t.Fatalf("sim output %q: %v", lines[0], err)
		}
		lines = lines[1:]
		res = append(res, m)
	}
	return res
}

func exchange(h http.Handler, x *httpExchange) map[string]any {
	req := httptest.NewRequest(x.Method, "/", strings.NewReader(x.Body))
	for k, v := range x.Headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		body = map[string]any{"raw": rec.Body.String()}
	}
	return map[string]any{"status": float64(rec.Code), "body": body}
}

// compareHTTP checks an HTTP line: the status, the error or the raw text.
func compareHTTP(sim map[string]any, ref map[string]any, refStatus int) map[string]bool {
	body, _ := sim["body"].(map[string]any)
	res := map[string]bool{"status": sim["status"] == float64(refStatus)}
	st, sm, simErr := errorOf(body)
	rt, rm, refErr := errorOf(ref)
	res["outcome"] = simErr == refErr
	if simErr || refErr {
		res["__type"] = st == rt
		res["message"] = sm == rm
		return res
	}
	res["raw"] = body["raw"] == ref["raw"]
	return res
}

func errorOf(body map[string]any) (typ, msg string, ok bool) {
	tv, ok := body["__type"].(string)
	if !ok {
		return "", "", false
	}
	if i := strings.LastIndex(tv, "#"); i >= 0 {
		tv = tv[i+1:]
	}
	m, _ := body["message"].(string)
	if m == "" {
		m, _ = body["Message"].(string)
	}
	return tv, m, true
}

// canon makes a value comparable: Scan results and batch responses are
// compared as sets, since the two engines order their hash rings
// differently.
func canon(v any, unordered bool) string {
	if list, ok := v.([]any); ok && unordered {
		parts := make([]string, len(list))
		for i, x := range list {
			b, _ := json.Marshal(x)
			parts[i] = string(b)
		}
		sort.Strings(parts)
		return strings.Join(parts, "\n")
	}
	if m, ok := v.(map[string]any); ok && unordered {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			b.WriteString(k + "=" + canon(m[k], true) + ";")
		}
		return b.String()
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// simOnlyWant pins what the simulator-only lines must answer ("" means
// success): throttling on a 1-WCU table and the PITR window check.
var simOnlyWant = map[string]string{
	"sim-throttle-create": "",
	"sim-throttle-put-0":  "",
	"sim-throttle-put-1":  "ProvisionedThroughputExceededException",
	"sim-pitr-on":         "",
	"sim-pitr-bad":        "ValidationException",
	"sim-backup":          "",
}

// compared lists the response fields checked on success.
var compared = []string{"ConsumedCapacity", "Item", "Items", "Attributes", "Count", "ScannedCount", "LastEvaluatedKey", "Responses", "UnprocessedItems", "UnprocessedKeys", "TableNames"}

// compare returns, per field, whether the simulator agrees with dynalite.
func compare(op string, sim, ref map[string]any, refStatus int) map[string]bool {
	res := map[string]bool{}
	st, sm, simErr := errorOf(sim)
	rt, rm, refErr := errorOf(ref)
	res["outcome"] = simErr == refErr && (refStatus == 200) == !refErr
	if simErr || refErr {
		res["__type"] = st == rt
		res["message"] = sm == rm
		return res
	}
	for _, f := range compared {
		sv, sok := sim[f]
		rv, rok := ref[f]
		if !sok && !rok {
			continue
		}
		unordered := (op == "Scan" && f == "Items") || f == "Responses" || f == "ConsumedCapacity"
		res[f] = sok == rok && canon(sv, unordered) == canon(rv, unordered)
	}
	return res
}

func TestAgreementWithDynalite(t *testing.T) {
	corpus := readLines[corpusLine](t, "corpus.jsonl")
	refs := readLines[refLine](t, "dynalite.jsonl")
	sims := runSim(t, corpus)
	if len(corpus) < 150 || len(refs) != len(corpus) || len(sims) != len(corpus) {
		t.Fatalf("corpus %d lines, dynalite %d, sim %d: rerun node run-dynalite.mjs", len(corpus), len(refs), len(sims))
	}
	rep := Report{Fields: map[string]float64{}}
	seen := map[string]int{}
	for i, c := range corpus {
		if refs[i].ID != c.ID {
			t.Fatalf("line %d: dynalite.jsonl has %q, corpus %q: rerun node run-dynalite.mjs", i+1, refs[i].ID, c.ID)
		}
		if c.SimOnly {
			if want, ok := simOnlyWant[c.ID]; ok {
				if typ, _, _ := errorOf(sims[i]); typ != want {
					t.Errorf("%s: got %v, want %s", c.ID, sims[i], want)
				}
			}
			continue
		}
		rep.Compared++
		fields := compare(c.Operation, sims[i], refs[i].Body, refs[i].Status)
		if c.HTTP != nil {
			fields = compareHTTP(sims[i], refs[i].Body, refs[i].Status)
		}
		all := true
		for f, ok := range fields {
			seen[f]++
			if ok {
				rep.Fields[f]++
			} else {
				all = false
			}
		}
		if all {
			rep.Agreeing++
			continue
		}
		var bad []string
		for f, ok := range fields {
			if !ok {
				bad = append(bad, f)
			}
		}
		sort.Strings(bad)
		rep.Mismatches = append(rep.Mismatches, c.ID+": "+strings.Join(bad, ","))
		if testing.Verbose() {
			s, _ := json.Marshal(sims[i])
			r, _ := json.Marshal(refs[i].Body)
			t.Logf("%s %s differs in %v\n  sim:      %.400s\n  dynalite: %.400s", c.ID, c.Operation, bad, s, r)
		}
	}
	for f, n := range seen {
		rep.Fields[f] = round(rep.Fields[f] / float64(n))
	}
	rep.Agreement = round(float64(rep.Agreeing) / float64(rep.Compared))
	t.Logf("agreement with dynalite 4.0.0: %d of %d requests (%.1f%%)", rep.Agreeing, rep.Compared, 100*rep.Agreement)
	if os.Getenv("UPDATE_BASELINE") != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile("agreement.json", append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var base Report
	b, err := os.ReadFile("agreement.json")
	if err != nil {
		t.Fatalf("no baseline: run UPDATE_BASELINE=1 go test: %v", err)
	}
	if err := json.Unmarshal(b, &base); err != nil {
		t.Fatal(err)
	}
	if rep.Agreement < base.Agreement {
		t.Errorf("agreement fell from %.1f%% to %.1f%%; new mismatches: %v", 100*base.Agreement, 100*rep.Agreement, newOnes(rep.Mismatches, base.Mismatches))
	}
}

func round(f float64) float64 {
	var r float64
	fmt.Sscanf(fmt.Sprintf("%.4f", f), "%g", &r)
	return r
}

func newOnes(now, before []string) []string {
	old := map[string]bool{}
	for _, s := range before {
		old[s] = true
	}
	var out []string
	for _, s := range now {
		if !old[s] {
			out = append(out, s)
		}
	}
	return out
}

// TestCompareSpotsDifferences pins the comparison rules themselves.
func TestCompareSpotsDifferences(t *testing.T) {
	ok := func(m map[string]bool) bool {
		for _, v := range m {
			if !v {
				return false
			}
		}
		return true
	}
	cases := []struct {
		name     string
		op       string
		sim, ref string
		status   int
		want     bool
	}{
		{"same error, other namespace", "PutItem", `{"__type":"com.amazon.coral.validate#ValidationException","message":"m"}`, `{"__type":"com.amazon.coral.validation#ValidationException","message":"m"}`, 400, true},
		{"other message", "PutItem", `{"__type":"a#ValidationException","message":"m"}`, `{"__type":"b#ValidationException","message":"n"}`, 400, false},
		{"error vs success", "PutItem", `{}`, `{"__type":"b#ValidationException","message":"n"}`, 400, false},
		{"capacity differs", "PutItem", `{"ConsumedCapacity":{"TableName":"t","CapacityUnits":2}}`, `{"ConsumedCapacity":{"TableName":"t","CapacityUnits":1}}`, 200, false},
		{"scan order ignored", "Scan", `{"Items":[{"a":{"S":"1"}},{"a":{"S":"2"}}],"Count":2}`, `{"Items":[{"a":{"S":"2"}},{"a":{"S":"1"}}],"Count":2}`, 200, true},
		{"query order matters", "Query", `{"Items":[{"a":{"S":"1"}},{"a":{"S":"2"}}]}`, `{"Items":[{"a":{"S":"2"}},{"a":{"S":"1"}}]}`, 200, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var s, r map[string]any
			_ = json.Unmarshal([]byte(c.sim), &s)
			_ = json.Unmarshal([]byte(c.ref), &r)
			if got := ok(compare(c.op, s, r, c.status)); got != c.want {
				t.Errorf("agree = %v, want %v (%v)", got, c.want, compare(c.op, s, r, c.status))
			}
		})
	}
}

// TestServedEndpointAnswersTheCorpusLikeHandler sends every corpus line
// over the wire, in order, to the server `sim dynamodb --serve` runs
// (dynamodb.NewServer) and the same line to Handler on a DB of its own,
// and checks that each answer, status and body, is the same:
// TestAgreementWithDynalite compares Handler's with dynalite's.
func TestServedEndpointAnswersTheCorpusLikeHandler(t *testing.T) {
	h := dynamodb.Handler(dynamodb.New(clock.New(clock.Epoch)))
	srv := dynamodb.NewServer(dynamodb.New(clock.New(clock.Epoch)), dynamodb.Timeouts{Read: 30 * time.Second, Write: 30 * time.Second, Idle: 30 * time.Second})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Shutdown()
	n := 0
	for _, c := range readLines[corpusLine](t, "corpus.jsonl") {
		x := c.HTTP
		if x == nil {
			x = &httpExchange{Method: http.MethodPost, Body: string(c.Request), Headers: map[string]string{
				"X-Amz-Target":  "DynamoDB_20120810." + c.Operation,
				"Content-Type":  "application/x-amz-json-1.0",
				"X-Amz-Date":    "20250101T000000Z",
				"Authorization": "AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
			}}
		}
		n++
		req, _ := http.NewRequest(x.Method, "http://"+ln.Addr().String()+"/", strings.NewReader(x.Body))
		for k, v := range x.Headers {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		var body map[string]any
		if err := json.Unmarshal(b, &body); err != nil {
			body = map[string]any{"raw": string(b)}
		}
		got := map[string]any{"status": float64(res.StatusCode), "body": body}
		want := exchange(h, x)
		if g, w := canon(got, false), canon(want, false); g != w {
			t.Errorf("line %s (%s %.60q):\nserved  %s\nhandler %s", c.ID, x.Method, x.Body, g, w)
		}
	}
	if n == 0 {
		t.Fatal("no corpus lines")
	}
	t.Logf("%d lines answered alike", n)
}
