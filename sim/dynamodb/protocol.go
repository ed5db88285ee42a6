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

// dynamoOps are the operations DynamoDB's front end routes to the
// DynamoDB_20120810 API; any other target is an UnknownOperationException.
var streamOps = map[string]bool{"DescribeStream": true, "GetRecords": true, "GetShardIterator": true, "ListStreams": true}

// Handler serves the DynamoDB JSON protocol over HTTP: POST with
// X-Amz-Target: DynamoDB_20120810.<Operation> (or DynamoDBStreams_20120810.
// for the stream operations) and an application/x-amz-json-1.0 body. The
// region in the request's signature picks the region, so
// `aws --region eu-west-1` reaches a global table's other replica.
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
func Handler(db *DB) http.Handler {
	var mu sync.Mutex
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := readBody(r)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if len(body) > MaxRequestBytes {
			w.Header().Set("Connection", "close")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			if f, ok := w.(http.Flusher); ok {
				f.Flush() // an empty chunked body, as DynamoDB sends
			}
			return
		}
		h := w.Header()
		h["X-Amzn-Requestid"] = []string{requestID()} // h.Set's spelling, without working it out per request
		if r.Header.Get("Origin") != "" {
			h.Set("Access-Control-Allow-Origin", "*")
			if r.Method == http.MethodOptions {
				if v := r.Header.Get("Access-Control-Request-Headers"); v != "" {
					h.Set("Access-Control-Allow-Headers", v)
				}
				if v := r.Header.Get("Access-Control-Request-Method"); v != "" {
					h.Set("Access-Control-Allow-Methods", v)
				}
				h.Set("Access-Control-Max-Age", "172800")
				h.Set("Content-Length", "0")
				return
			}
		}
		if r.Method == http.MethodGet {
			writeRaw(w, http.StatusOK, "", "healthy: dynamodb."+db.opts.Region+".amazonaws.com ")
			return
		}
		ct, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
		ct = strings.TrimSpace(ct)
		if r.Method != http.MethodPost || (len(body) > 0 && ct != "application/json" && ct != "application/x-amz-json-1.0") {
			writeRaw(w, http.StatusNotFound, "", "<UnknownOperationException/>\n")
			return
		}
		if ct != "application/x-amz-json-1.0" {
			ct = "application/json"
		}
		// The body is decoded here, once: what parseJV reads json.Valid
		// accepts, and json.Valid still has the last word on the rest.
		var raw *jv
		if len(body) > 0 {
			if raw, err = parseJV(body); err != nil {
				raw = nil
			}
		}
		if len(body) > 0 && raw == nil && !json.Valid(body) {
			writeJSON(w, ct, http.StatusBadRequest, ErrorJSON(apiErr(ErrSerialization, "")))
			return
		}
		api, op, _ := strings.Cut(r.Header.Get("X-Amz-Target"), ".")
		if !(((api == "DynamoDB_20120810" || api == "DynamoDB_20111205") && knownOp(op)) || (api == "DynamoDBStreams_20120810" && streamOps[op])) {
			writeJSON(w, ct, http.StatusBadRequest, ErrorJSON(apiErr(ErrUnknownOperation, "")))
			return
		}
		if err := checkSignature(r); err != nil {
			writeJSON(w, ct, http.StatusBadRequest, ErrorJSON(err))
			return
		}
		if len(body) == 0 {
			writeJSON(w, ct, http.StatusBadRequest, ErrorJSON(apiErr(ErrSerialization, "")))
			return
		}
		d := db
		if region := signedRegion(r.Header.Get("Authorization")); region != "" && region != db.opts.Region {
			mu.Lock()
			d, err = db.Region(region)
			mu.Unlock()
			if err != nil {
				writeJSON(w, ct, http.StatusBadRequest, ErrorJSON(err))
				return
			}
		}
		// Checking and decoding the request touch no table: they run
		// outside the lock, so requests in flight are parsed side by side.
		run, err := d.prepareParsed(op, body, raw)
		if err == nil {
			var res []byte
			mu.Lock()
			res, err = run(d)
			mu.Unlock()
			if err == nil {
				writeJSON(w, ct, http.StatusOK, res)
				return
			}
		}
		writeJSON(w, ct, http.StatusBadRequest, ErrorJSON(err))
	})
}

// readBody reads a request body of up to MaxRequestBytes+1 bytes, in one
// buffer of the announced length when there is one.
func readBody(r *http.Request) ([]byte, error) {
	if n := r.ContentLength; n >= 0 && n <= MaxRequestBytes {
		body := make([]byte, n)
		if _, err := io.ReadFull(r.Body, body); err != nil {
			return nil, err
		}
		return body, nil
	}
	return io.ReadAll(io.LimitReader(r.Body, MaxRequestBytes+1))
}

func knownOp(op string) bool {
	for _, o := range Operations {
		if o == op {
			return true
		}
	}
	return false
}

func writeRaw(w http.ResponseWriter, status int, ct, body string) {
	writeJSON(w, ct, status, []byte(body))
}

// writeJSON answers with body, its length and its CRC32 as DynamoDB sends
// them.
func writeJSON(w http.ResponseWriter, ct string, status int, body []byte) {
	h := w.Header()
	// the three values share one allocation; the keys are spelled as
	// h.Set spells them
	v := &[3]string{ct, strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10), strconv.Itoa(len(body))}
	if ct != "" {
		h["Content-Type"] = v[0:1:1]
	}
	h["X-Amz-Crc32"] = v[1:2:2]
	h["Content-Length"] = v[2:3:3]
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// requestID is a 52-character id of capitals and digits, like DynamoDB's.
// It only has to differ from one request to the next, so it comes from
// math/rand/v2, not from crypto/rand.
func requestID() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	var b [52]byte
	for i := 0; i < len(b); {
		r := rand.Uint64()
		for j := 0; j < 8 && i < len(b); j++ {
			b[i] = alphabet[int(byte(r))%len(alphabet)]
			r >>= 8
			i++
		}
	}
	return string(b[:])
}

// authError is one of the front end's authentication exceptions.
type authError struct{ typ, msg string }

func (e *authError) Error() string { return e.typ + ": " + e.msg }

// checkSignature checks that a request carries a complete SigV4
// signature, in the Authorization header or the query string.
func checkSignature(r *http.Request) error {
	auth := r.Header.Get("Authorization")
	var q url.Values
	if r.URL.RawQuery != "" {
		q, _ = url.ParseQuery(r.URL.RawQuery)
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
		if r.Header.Get("X-Amz-Date") == "" && r.Header.Get("Date") == "" {
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
