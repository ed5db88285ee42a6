package dynamodb

import (
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// MaxRequestBytes is the largest request body DynamoDB accepts (16 MB);
// a larger one gets 413.
const MaxRequestBytes = 16 << 20

// streamOps are the operations the front end routes to the
// DynamoDBStreams_20120810 API (Operations those of DynamoDB_20120810);
// any other target is an UnknownOperationException.
var streamOps = [...]string{"DescribeStream", "GetRecords", "GetShardIterator", "ListStreams"}

// The front end below answers the DynamoDB JSON protocol over HTTP: POST
// with X-Amz-Target: DynamoDB_20120810.<Operation> (or
// DynamoDBStreams_20120810. for the stream operations) and an
// application/x-amz-json-1.0 body. The region in the request's signature
// picks the region, so `aws --region eu-west-1` reaches a global table's
// other replica.
//
// It answers like DynamoDB's front end: GET is a health check, OPTIONS
// with an Origin is a CORS preflight, a body over 16 MB gets 413, a body
// that is not JSON a SerializationException, a request without a SigV4
// Authorization header (or presigned query) MissingAuthenticationToken or
// IncompleteSignature. The signature itself is not checked.
//
// The whole body is read, checked and decoded before the DB is touched,
// and the DB is locked only while the operation runs, so a slow client
// never holds up another and requests are parsed in parallel.
//
// Two HTTP servers carry it: Handler adapts it to net/http (for tests and
// for embedding in another server), NewServer to fasthttp, which serves
// `sim dynamodb --serve` with about a fifth less CPU a request.
// Both read a request through frontRequest and answer through
// frontAnswer, so the protocol is written once.

// frontRequest is what the front end reads of a request besides its body.
type frontRequest interface {
	// method is the request's method, upper case.
	method() string
	// header is a header's value ("" when absent); name is canonical.
	// The value may be a view of the server's buffer, valid until the
	// answer is sent: what outlives the request is copied (strings.Clone)
	// or replaced by a constant.
	header(name string) string
	// rawQuery is the query string without its "?".
	rawQuery() string
}

// frontAnswer is how the front end answers.
type frontAnswer interface {
	// set sets a response header; name is canonical.
	set(name, value string)
	// setID sets X-Amzn-Requestid to a fresh request id.
	setID()
	// send answers with status and body, adding the body's length and,
	// when crc is true, its CRC32 as DynamoDB does. ct "" leaves the
	// content type to the server (net/http sniffs it from the body).
	send(status int, ct string, body []byte, crc bool)
}

// front is the front end of one DB.
type front struct {
	db *DB
	mu sync.Mutex // held while an operation runs, and while a region is looked up
}

// serve answers one request whose body has been read in full (and is
// within MaxRequestBytes).
func (f *front) serve(r frontRequest, body []byte, w frontAnswer) {
	w.setID()
	method := r.method()
	if r.header("Origin") != "" {
		w.set("Access-Control-Allow-Origin", "*")
		if method == http.MethodOptions {
			if v := r.header("Access-Control-Request-Headers"); v != "" {
				w.set("Access-Control-Allow-Headers", v)
			}
			if v := r.header("Access-Control-Request-Method"); v != "" {
				w.set("Access-Control-Allow-Methods", v)
			}
			w.set("Access-Control-Max-Age", "172800")
			w.send(http.StatusOK, "", nil, false)
			return
		}
	}
	if method == http.MethodGet {
		w.send(http.StatusOK, "", []byte("healthy: dynamodb."+f.db.opts.Region+".amazonaws.com "), true)
		return
	}
	ct, _, _ := strings.Cut(r.header("Content-Type"), ";")
	ct = strings.TrimSpace(ct)
	if method != http.MethodPost || (len(body) > 0 && ct != "application/json" && ct != "application/x-amz-json-1.0") {
		w.send(http.StatusNotFound, "", []byte("<UnknownOperationException/>\n"), true)
		return
	}
	// the answer's type is one of two constants, never a view of the request
	answerType := "application/json"
	if ct == "application/x-amz-json-1.0" {
		answerType = "application/x-amz-json-1.0"
	}
	fail := func(err error) { w.send(http.StatusBadRequest, answerType, ErrorJSON(err), true) }
	// The body is decoded here, once: what parseJV reads json.Valid
	// accepts, and json.Valid still has the last word on the rest.
	var raw *jv
	var err error
	if len(body) > 0 {
		if raw, err = parseJV(body); err != nil {
			raw = nil
		}
	}
	if len(body) > 0 && raw == nil && !json.Valid(body) {
		fail(apiErr(ErrSerialization, ""))
		return
	}
	api, name, _ := strings.Cut(r.header("X-Amz-Target"), ".")
	op, ok := operation(api, name)
	if !ok {
		fail(apiErr(ErrUnknownOperation, ""))
		return
	}
	auth := r.header("Authorization")
	if err := checkSignature(r, auth); err != nil {
		fail(err)
		return
	}
	if len(body) == 0 {
		fail(apiErr(ErrSerialization, ""))
		return
	}
	d := f.db
	if region := signedRegion(auth); region != "" && region != d.opts.Region {
		f.mu.Lock()
		d, err = d.Region(strings.Clone(region)) // the DB keeps the name
		f.mu.Unlock()
		if err != nil {
			fail(err)
			return
		}
	}
	// Checking and decoding the request touch no table: they run
	// outside the lock, so requests in flight are parsed side by side.
	run, err := d.prepareParsed(op, body, raw)
	if err == nil {
		var res []byte
		f.mu.Lock()
		res, err = run(d)
		f.mu.Unlock()
		if err == nil {
			w.send(http.StatusOK, answerType, res, true)
			return
		}
	}
	fail(err)
}

// Handler serves the front end (above) with net/http.
func Handler(db *DB) http.Handler {
	f := &front{db: db}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := readLimited(r.Body, r.ContentLength)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if len(body) > MaxRequestBytes {
			w.Header().Set("Connection", "close")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			if fl, ok := w.(http.Flusher); ok {
				fl.Flush() // an empty chunked body, as DynamoDB sends
			}
			return
		}
		f.serve(httpRequest{r}, body, httpAnswer{w})
	})
}

// httpRequest and httpAnswer adapt net/http to the front end.
type httpRequest struct{ r *http.Request }

func (r httpRequest) method() string            { return r.r.Method }
func (r httpRequest) header(name string) string { return r.r.Header.Get(name) }
func (r httpRequest) rawQuery() string          { return r.r.URL.RawQuery }

type httpAnswer struct{ w http.ResponseWriter }

// set stores the value under its canonical name directly, as h.Set would
// after working the spelling out again.
func (a httpAnswer) set(name, value string) { a.w.Header()[name] = []string{value} }

func (a httpAnswer) setID() { a.set("X-Amzn-Requestid", requestID()) }

func (a httpAnswer) send(status int, ct string, body []byte, crc bool) {
	h := a.w.Header()
	// the three values share one allocation
	v := &[3]string{ct, "", strconv.Itoa(len(body))}
	if ct != "" {
		h["Content-Type"] = v[0:1:1]
	}
	if crc {
		v[1] = strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10)
		h["X-Amz-Crc32"] = v[1:2:2]
	}
	h["Content-Length"] = v[2:3:3]
	a.w.WriteHeader(status)
	if len(body) > 0 {
		_, _ = a.w.Write(body)
	}
}

// readLimited reads a body of announced length n (negative when not
// announced) from r: one buffer of n bytes when n is within
// MaxRequestBytes, otherwise up to MaxRequestBytes+1 bytes, so that a
// body over the limit shows as one.
func readLimited(r io.Reader, n int64) ([]byte, error) {
	if n >= 0 && n <= MaxRequestBytes {
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, err
		}
		return body, nil
	}
	return io.ReadAll(io.LimitReader(r, MaxRequestBytes+1))
}

// operation returns the operation X-Amz-Target names (api.op), spelled
// as this package spells it rather than as a view of the request, which
// the server reuses once it has answered; ok is false when the front end
// routes no such operation.
func operation(api, op string) (name string, ok bool) {
	var ops []string
	switch api {
	case "DynamoDB_20120810", "DynamoDB_20111205":
		ops = Operations
	case "DynamoDBStreams_20120810":
		ops = streamOps[:]
	}
	for _, o := range ops {
		if o == op {
			return o, true
		}
	}
	return "", false
}

// requestID is a 52-character id of capitals and digits, like DynamoDB's.
func requestID() string {
	var b [52]byte
	return string(appendRequestID(b[:0]))
}

// appendRequestID appends a fresh request id to b. It only has to differ
// from one request to the next, so it comes from math/rand/v2, not from
// crypto/rand.
func appendRequestID(b []byte) []byte {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	for n := 0; n < 52; {
		r := rand.Uint64()
		for j := 0; j < 8 && n < 52; j++ {
			b = append(b, alphabet[int(byte(r))%len(alphabet)])
			r >>= 8
			n++
		}
	}
	return b
}

// authError is one of the front end's authentication exceptions.
type authError struct{ typ, msg string }

func (e *authError) Error() string { return e.typ + ": " + e.msg }

// checkSignature checks that a request carries a complete SigV4
// signature, in the Authorization header (auth) or the query string.
func checkSignature(r frontRequest, auth string) error {
	var q url.Values
	if raw := r.rawQuery(); raw != "" {
		q, _ = url.ParseQuery(raw)
	}
	_, inQuery := q["X-Amz-Algorithm"]
	if auth != "" && inQuery {
		return &authError{"InvalidSignatureException", "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."}
	}
	if (auth == "" && !inQuery) || (auth != "" && !strings.HasPrefix(strings.TrimSpace(auth), "AWS4-")) {
		return &authError{"MissingAuthenticationTokenException", "Request is missing Authentication Token"}
	}
	msg := ""
	if auth != "" {
		cred, sig, signed := authParams(auth)
		for _, p := range [...]struct{ name, v string }{{"Credential", cred}, {"Signature", sig}, {"SignedHeaders", signed}} {
			if p.v == "" {
				msg += "Authorization header requires '" + p.name + "' parameter. "
			}
		}
		if r.header("X-Amz-Date") == "" && r.header("Date") == "" {
			msg += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
		}
		if msg != "" {
			msg += "Authorization=" + auth
		}
	} else {
		for _, p := range []string{"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"} {
			if q.Get(p) == "" {
				msg += "AWS query-string parameters must include '" + p + "'. "
			}
		}
		if msg != "" {
			msg += "Re-examine the query-string parameters."
		}
	}
	if msg != "" {
		return &authError{"IncompleteSignatureException", msg}
	}
	return nil
}

// authParams reads the Credential, Signature and SignedHeaders parameters
// of an Authorization header: the fields after the first, split at commas
// and spaces, each name=value; the last of a name counts.
func authParams(auth string) (cred, sig, signed string) {
	rest, first := auth, true
	for {
		rest = strings.TrimLeft(rest, ", ")
		if rest == "" {
			return cred, sig, signed
		}
		end := strings.IndexAny(rest, ", ")
		if end < 0 {
			end = len(rest)
		}
		f := rest[:end]
		rest = rest[end:]
		if first {
			first = false
			continue
		}
		switch k, v, _ := strings.Cut(strings.TrimSpace(f), "="); k {
		case "Credential":
			cred = v
		case "Signature":
			sig = v
		case "SignedHeaders":
			signed = v
		}
	}
}

func init() {
	// authError renders in the service namespace with a lower-case message.
	renderers = append(renderers, func(err error) (any, bool) {
		var ae *authError
		if !errors.As(err, &ae) {
			return nil, false
		}
		return struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
		}{"com.amazon.coral.service#" + ae.typ, ae.msg}, true
	})
}
