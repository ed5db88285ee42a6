package dynamodb

import (
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"time"
	"unsafe"

	"github.com/valyala/fasthttp"
)

// Timeouts bound what one connection may take of NewServer's server: Read
// to send a request (headers and body), Write to take its answer, Idle
// for a kept-alive connection to wait for its next request.
type Timeouts struct {
	Read, Write, Idle time.Duration
}

// NewServer serves the front end (protocol.go) with fasthttp, as `sim
// dynamodb --serve` does. Measured side by side with Handler under the
// same load (scripts/bench/ddbload), a request costs about a fifth less
// server CPU (Put 69 to 55 µs, Get 51 to 40 µs): fasthttp reuses a
// connection's request, answer and buffers from one request to the next
// where net/http builds them again. Serve it with (*fasthttp.Server).Serve
// and stop it with ShutdownWithContext.
func NewServer(db *DB, t Timeouts) *fasthttp.Server {
	f := &front{db: db}
	return &fasthttp.Server{
		Handler: func(c *fasthttp.RequestCtx) {
			body, status := fastBody(c)
			if status != 0 {
				c.SetStatusCode(status)
				c.SetConnectionClose()
				if status == http.StatusRequestEntityTooLarge {
					c.Response.SetBodyStream(emptyReader{}, -1) // an empty chunked body, as DynamoDB sends
				}
				return
			}
			f.serve(fastRequest{c}, body, fastAnswer{c})
		},
		ErrorHandler: fastError,
		// The body reaches the handler as a stream, so that one over
		// MaxRequestBytes is read (and answered 413) rather than refused
		// while its client is still sending it.
		StreamRequestBody:  true,
		MaxRequestBodySize: MaxRequestBytes,
		// Requests are read whole before the handler runs; a header block
		// has to fit this buffer (fasthttp answers 431 otherwise).
		ReadBufferSize:        64 << 10,
		ReadTimeout:           t.Read,
		WriteTimeout:          t.Write,
		IdleTimeout:           t.Idle,
		NoDefaultServerHeader: true,
		NoDefaultContentType:  true,
	}
}

// drainLimit is how much more of a body over MaxRequestBytes is read and
// dropped before the 413, so that a client still sending it reads the
// answer instead of a reset connection.
const drainLimit = 64 << 20

// fastBody reads the request's body whole. status is 413 when it is over
// MaxRequestBytes and 400 when it could not be read, 0 otherwise.
func fastBody(c *fasthttp.RequestCtx) (body []byte, status int) {
	s := c.RequestBodyStream()
	if s == nil {
		return c.PostBody(), 0
	}
	body, err := readLimited(s, int64(c.Request.Header.ContentLength()))
	switch {
	case err != nil:
		return nil, http.StatusBadRequest
	case len(body) > MaxRequestBytes:
		_, _ = io.CopyN(io.Discard, s, drainLimit)
		return nil, http.StatusRequestEntityTooLarge
	}
	return body, 0
}

// fastError answers a request fasthttp could not read (fasthttp closes
// the connection after it).
func fastError(c *fasthttp.RequestCtx, err error) {
	switch err.(type) {
	case *fasthttp.ErrSmallBuffer:
		c.Error("Request header fields too large", http.StatusRequestHeaderFieldsTooLarge)
	default:
		c.Error("Error when parsing request", http.StatusBadRequest)
	}
}

// emptyReader is a body stream with nothing in it.
type emptyReader struct{}

func (emptyReader) Read([]byte) (int, error) { return 0, io.EOF }

// fastRequest and fastAnswer adapt fasthttp to the front end.
type fastRequest struct{ c *fasthttp.RequestCtx }

func (r fastRequest) method() string {
	switch {
	case r.c.IsPost(): // the usual one, without a copy
		return http.MethodPost
	case r.c.IsGet():
		return http.MethodGet
	}
	return string(r.c.Method())
}

// header is a view of fasthttp's buffer, not a copy (see frontRequest).
func (r fastRequest) header(name string) string {
	b := r.c.Request.Header.Peek(name)
	return unsafe.String(unsafe.SliceData(b), len(b))
}
func (r fastRequest) rawQuery() string { return string(r.c.URI().QueryString()) }

type fastAnswer struct{ c *fasthttp.RequestCtx }

func (a fastAnswer) set(name, value string) { a.c.Response.Header.Set(name, value) }

func (a fastAnswer) setID() {
	var b [52]byte
	a.c.Response.Header.SetBytesV("X-Amzn-Requestid", appendRequestID(b[:0]))
}

func (a fastAnswer) send(status int, ct string, body []byte, crc bool) {
	a.c.SetStatusCode(status)
	if ct == "" && len(body) > 0 {
		ct = http.DetectContentType(body) // as net/http names an unnamed body
	}
	if ct != "" {
		a.c.SetContentType(ct)
	}
	if crc {
		var n [20]byte
		a.c.Response.Header.SetBytesV("X-Amz-Crc32", strconv.AppendUint(n[:0], uint64(crc32.ChecksumIEEE(body)), 10))
	}
	a.c.SetBody(body)
}
