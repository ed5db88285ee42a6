package dynamodb

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/saa-study/saa-study/sim/clock"
)

// wireAnswer is one answer as a client reads it off the connection.
type wireAnswer struct {
	status  int
	header  http.Header
	body    string
	chunked bool
	close   bool // the server closes the connection after it
}

// roundTrip writes raw (a whole HTTP/1.1 request, or several) to a new
// connection to url and reads n answers.
func roundTrip(t *testing.T, url, raw string, n int) []wireAnswer {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	go func() { _, _ = io.WriteString(conn, raw) }()
	br := bufio.NewReader(conn)
	var out []wireAnswer
	for range n {
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("answer %d: %v", len(out)+1, err)
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, wireAnswer{res.StatusCode, res.Header, string(b), len(res.TransferEncoding) > 0 && res.TransferEncoding[0] == "chunked", res.Close})
	}
	return out
}

const signedHeaders = "X-Amz-Date: 20250101T000000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\n"

func post(target, ct, body, extra string) string {
	return "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: " + target + "\r\nContent-Type: " + ct + "\r\n" + extra +
		"Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

// checkAnswer checks what every answer of the front end carries: a
// 52-character request id, and the body's length and CRC32.
func checkAnswer(t *testing.T, what string, a wireAnswer) {
	t.Helper()
	if id := a.header.Get("X-Amzn-Requestid"); len(id) != 52 || strings.Trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
		t.Errorf("%s: request id %q", what, id)
	}
	if got := a.header.Get("Content-Length"); got != strconv.Itoa(len(a.body)) {
		t.Errorf("%s: Content-Length %q for %d bytes", what, got, len(a.body))
	}
	if got, want := a.header.Get("X-Amz-Crc32"), strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(a.body))), 10); got != want {
		t.Errorf("%s: X-Amz-Crc32 %q, want %q", what, got, want)
	}
}

// Both servers answer the front end's requests alike, on the wire: the
// health check, a CORS preflight, the protocol's refusals, a chunked
// body, header names in any case, and several requests on one
// connection.
func TestServersSpeakTheFrontEndAlike(t *testing.T) {
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) {
			db, _ := newDB()
			url := s.start(t, db)

			a := roundTrip(t, url, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 1)[0]
			if a.status != 200 || a.body != "healthy: dynamodb.us-east-1.amazonaws.com " {
				t.Errorf("GET: %d %q", a.status, a.body)
			}
			checkAnswer(t, "GET", a)

			a = roundTrip(t, url, "OPTIONS / HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example\r\nAccess-Control-Request-Headers: x-amz-target\r\nAccess-Control-Request-Method: POST\r\n\r\n", 1)[0]
			h := a.header
			if a.status != 200 || a.body != "" || h.Get("Access-Control-Allow-Origin") != "*" || h.Get("Access-Control-Allow-Headers") != "x-amz-target" ||
				h.Get("Access-Control-Allow-Methods") != "POST" || h.Get("Access-Control-Max-Age") != "172800" {
				t.Errorf("preflight: %d %q %v", a.status, a.body, h)
			}

			for _, c := range []struct {
				what, req string
				status    int
				want      string
			}{
				{"text/plain body", post("DynamoDB_20120810.ListTables", "text/plain", "{}", signedHeaders), 404, "<UnknownOperationException/>\n"},
				{"not JSON", post("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "{", signedHeaders), 400, "SerializationException"},
				{"unknown target", post("DynamoDB_20120810.Nope", "application/x-amz-json-1.0", "{}", signedHeaders), 400, "UnknownOperationException"},
				{"no signature", post("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "{}", ""), 400, "MissingAuthenticationTokenException"},
				{"stream API", post("DynamoDBStreams_20120810.ListStreams", "application/x-amz-json-1.0", "{}", signedHeaders), 200, `"Streams":[]`},
				{"lower-case names", "POST / HTTP/1.1\r\nhost: x\r\nx-amz-target: DynamoDB_20120810.ListTables\r\ncontent-type: application/json\r\nx-amz-date: 20250101T000000Z\r\n" +
					"authorization: AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\ncontent-length: 2\r\n\r\n{}", 200, `{"TableNames":[]}`},
				{"chunked body", "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\n" + signedHeaders +
					"Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1\r\n}\r\n0\r\n\r\n", 200, `{"TableNames":[]}`},
			} {
				a := roundTrip(t, url, c.req, 1)[0]
				if a.status != c.status || !strings.Contains(a.body, c.want) {
					t.Errorf("%s: %d %q, want %d with %q", c.what, a.status, a.body, c.status, c.want)
				}
				checkAnswer(t, c.what, a)
			}

			// one connection, three requests sent at once: three answers, in order
			create := `{"TableName":"tbl","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}`
			as := roundTrip(t, url, post("DynamoDB_20120810.CreateTable", "application/x-amz-json-1.0", create, signedHeaders)+
				post("DynamoDB_20120810.PutItem", "application/json", `{"TableName":"tbl","Item":{"pk":{"S":"a"},"n":{"N":"7"}}}`, signedHeaders)+
				post("DynamoDB_20120810.GetItem", "application/x-amz-json-1.0", `{"TableName":"tbl","Key":{"pk":{"S":"a"}}}`, signedHeaders), 3)
			if as[0].status != 200 || as[1].status != 200 || as[2].body != `{"Item":{"n":{"N":"7"},"pk":{"S":"a"}}}` {
				t.Errorf("kept-alive connection: %d %d %q", as[0].status, as[1].status, as[2].body)
			}
			if ct := as[1].header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("answer to application/json: Content-Type %q", ct)
			}
			if ct := as[2].header.Get("Content-Type"); ct != "application/x-amz-json-1.0" {
				t.Errorf("answer to application/x-amz-json-1.0: Content-Type %q", ct)
			}
		})
	}
}

// A body over 16 MB is read to its end and answered 413 with an empty
// chunked body, as DynamoDB does, and the connection is closed; one of
// exactly 16 MB is read and answered.
func TestServersRefuseABodyOver16MB(t *testing.T) {
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) {
			db, _ := newDB()
			url := s.start(t, db)
			big := bytes.Repeat([]byte("a"), MaxRequestBytes+1)
			a := roundTrip(t, url, post("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", string(big), signedHeaders), 1)[0]
			if a.status != http.StatusRequestEntityTooLarge || !a.chunked || a.body != "" || !a.close {
				t.Errorf("16 MB + 1: %d chunked=%v %q %v", a.status, a.chunked, a.body, a.header)
			}
			a = roundTrip(t, url, post("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", string(big[:MaxRequestBytes]), signedHeaders), 1)[0]
			if a.status != http.StatusBadRequest || !strings.Contains(a.body, "SerializationException") {
				t.Errorf("16 MB of a: %d %.80q", a.status, a.body)
			}
		})
	}
}

// A header naming the region through the front end is copied before the
// server reuses its buffer: the region a request created is still there,
// under its own name, after other requests have passed through.
func TestServerKeepsRegionNamesItWasSent(t *testing.T) {
	db, _ := newDB()
	url := startServer(t, db)
	sign := func(region string) string {
		return "X-Amz-Date: 20250101T000000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=x/20250101/" + region + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\n"
	}
	var raw strings.Builder
	for i := range 20 {
		raw.WriteString(post("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "{}", sign(fmt.Sprintf("eu-west-%d", i%3+1))))
	}
	for _, a := range roundTrip(t, url, raw.String(), 20) {
		if a.status != 200 {
			t.Fatalf("ListTables: %d %s", a.status, a.body)
		}
	}
	for _, r := range []string{"eu-west-1", "eu-west-2", "eu-west-3"} {
		d, err := db.Region(r)
		if err != nil || d.RegionName() != r {
			t.Errorf("region %s: %v %v", r, d.RegionName(), err)
		}
	}
	if n := len(db.ext.regions.dbs); n != 4 {
		t.Errorf("%d regions, want 4 (us-east-1 and three eu-west)", n)
	}
}

// FuzzServersAnswerAlike sends the same request, whatever its method,
// target, content type, signature and body, to Handler and to NewServer's
// handler, each on a DB of its own, and checks that the two answer alike:
// status, content type, CRC32 and body.
func FuzzServersAnswerAlike(f *testing.F) {
	auth := "AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"
	f.Add("POST", "DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", auth, `{}`)
	f.Add("POST", "DynamoDB_20120810.GetItem", "application/json", auth, `{"TableName":"t","Key":{"pk":{"S":"a"}}}`)
	f.Add("POST", "DynamoDB_20120810.CreateTable", "application/x-amz-json-1.0", auth, `{"TableName":"tbl","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}`)
	f.Add("POST", "DynamoDBStreams_20120810.ListStreams", "application/x-amz-json-1.0; charset=utf-8", auth, `{"Limit":"1"}`)
	f.Add("GET", "", "", "", "")
	f.Add("PUT", "DynamoDB_20120810.ListTables", "text/plain", "AWS4- Credential=", `{`)
	f.Fuzz(func(t *testing.T, method, target, ct, auth, body string) {
		for _, s := range []string{method, target, ct, auth} {
			for _, r := range s {
				if r < ' ' || r > '~' {
					return // a header value HTTP would not carry
				}
			}
		}
		if method == "" || strings.ContainsAny(method, " ()<>@,;:\\\"/[]?={}") {
			return
		}
		method = strings.ToUpper(method)
		if method == http.MethodOptions || method == http.MethodHead || method == http.MethodConnect || method == http.MethodTrace {
			return // answered by each server's own rules before the front end
		}
		set := func(h func(k, v string)) {
			h("X-Amz-Target", target)
			h("Content-Type", ct)
			h("Authorization", auth)
			h("X-Amz-Date", "20250101T000000Z")
		}

		req := httptest.NewRequest(method, "/", strings.NewReader(body))
		set(req.Header.Set)
		rec := httptest.NewRecorder()
		Handler(New(clock.New(clock.Epoch))).ServeHTTP(rec, req)

		var fr fasthttp.Request
		fr.Header.SetMethod(method)
		set(fr.Header.Set)
		fr.SetBodyString(body)
		var ctx fasthttp.RequestCtx
		ctx.Init(&fr, nil, nil)
		NewServer(New(clock.New(clock.Epoch)), Timeouts{}).Handler(&ctx)

		res := &ctx.Response
		h := rec.Header()
		if h.Get("Content-Type") == "" && rec.Body.Len() > 0 {
			// a net/http server names an unnamed body when it sends it (the
			// recorder does not, after WriteHeader)
			h.Set("Content-Type", http.DetectContentType(rec.Body.Bytes()))
		}
		if rec.Code != res.StatusCode() || rec.Body.String() != string(res.Body()) ||
			h.Get("X-Amz-Crc32") != string(res.Header.Peek("X-Amz-Crc32")) ||
			h.Get("Content-Type") != string(res.Header.ContentType()) {
			t.Errorf("%s %q %q %q %q:\nnet/http %d %q %q %q\nfasthttp %d %q %q %q", method, target, ct, auth, body,
				rec.Code, h.Get("Content-Type"), h.Get("X-Amz-Crc32"), rec.Body,
				res.StatusCode(), res.Header.ContentType(), res.Header.Peek("X-Amz-Crc32"), res.Body())
		}
	})
}
