package dynamodb

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// AdvanceClockInput is the request of the AdvanceClock pseudo-operation,
// which exists only in the simulator.
type AdvanceClockInput struct {
	Seconds float64 `json:"Seconds"`
}

// AdvanceClockOutput reports the new time and the TTL sweep's deletions.
type AdvanceClockOutput struct {
	Now        string `json:"Now"`
	TTLDeleted int    `json:"TTLDeleted"`
}

type advancer interface{ Advance(time.Duration) }

// AdvanceClock moves a virtual clock forward and then runs the TTL sweep.
func (db *DB) AdvanceClock(in *AdvanceClockInput) (*AdvanceClockOutput, error) {
	a, ok := db.clk.(advancer)
	if !ok {
		return nil, validationf("AdvanceClock needs a virtual clock")
	}
	if in.Seconds < 0 {
		return nil, validationf("Seconds must not be negative")
	}
	a.Advance(time.Duration(in.Seconds * float64(time.Second)))
	n := db.SweepTTL(0)
	return &AdvanceClockOutput{Now: db.clk.Now().UTC().Format(time.RFC3339Nano), TTLDeleted: n}, nil
}

// prepared is a request checked and decoded, ready to run on a DB.
type prepared func(db *DB) ([]byte, error)

// jsonAppender is an answer that writes itself as json.Marshal writes it,
// without reflection.
type jsonAppender interface{ appendJSON(b []byte) []byte }

// prep decodes body into fn's input, then runs fn on the DB it is given.
func prep[I any, O any](body []byte, fn func(*DB, *I) (*O, error)) (prepared, error) {
	in := new(I)
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
	}
	if err := json.Unmarshal(body, in); err != nil {
		var ae *APIError
		if errors.As(err, &ae) {
			return nil, ae
		}
		return nil, apiErr(ErrSerialization, "Start of structure or map found where not expected")
	}
	return func(db *DB) ([]byte, error) {
		out, err := fn(db, in)
		if err != nil {
			return nil, err
		}
		if a, ok := any(out).(jsonAppender); ok {
			return a.appendJSON(nil), nil
		}
		return json.Marshal(out)
	}, nil
}

// Operations lists the operation names Do accepts.
var Operations = []string{
	"AdvanceClock", "BatchGetItem", "BatchWriteItem", "CreateTable", "DeleteItem", "DeleteTable",
	"DescribeTable", "DescribeTimeToLive", "GetItem", "ListTables", "PutItem", "Query", "Scan",
	"TransactGetItems", "TransactWriteItems", "UpdateItem", "UpdateTable", "UpdateTimeToLive",
	// Part 2: streams, backups, PITR, export/import, global tables.
	"CreateBackup", "CreateGlobalTable", "DeleteBackup", "DescribeBackup", "DescribeContinuousBackups",
	"DescribeExport", "DescribeImport", "DescribeStream", "ExportTableToPointInTime", "GetRecords",
	"GetShardIterator", "ImportTable", "ListBackups", "ListStreams", "RestoreTableFromBackup",
	"RestoreTableToPointInTime", "UpdateContinuousBackups",
	"TagResource", "UntagResource", "ListTagsOfResource",
}

// Do runs one operation on a raw JSON request body and returns the raw JSON
// response body. On failure the error is AWS-shaped; ErrorJSON renders it.
func (db *DB) Do(op string, body []byte) ([]byte, error) {
	run, err := db.prepare(op, body)
	if err != nil {
		return nil, err
	}
	return run(db)
}

// prepare does all of a request that needs no table: DynamoDB's request
// validation and the decoding of the body. It reads nothing of the DB but
// its options, so the HTTP front end runs it outside the lock that
// serialises operations, and many requests are checked at once.
func (db *DB) prepare(op string, body []byte) (prepared, error) {
	return db.prepareParsed(op, body, nil)
}

// prepareParsed is prepare for a body already decoded into raw (nil when
// it is not).
func (db *DB) prepareParsed(op string, body []byte, raw *jv) (prepared, error) {
	data, err := db.checkRequest(op, body, raw)
	if err != nil {
		return nil, err
	}
	if data != nil {
		if run := fastPrepared(op, data); run != nil {
			return run, nil
		}
		body, _ = data.MarshalJSON() // a jv always marshals
	}
	switch op {
	case "CreateTable":
		return prep(body, (*DB).CreateTable)
	case "DeleteTable":
		return prep(body, (*DB).DeleteTable)
	case "DescribeTable":
		return prep(body, (*DB).DescribeTable)
	case "UpdateTable":
		return prep(body, (*DB).UpdateTable)
	case "ListTables":
		return prep(body, (*DB).ListTables)
	case "PutItem":
		return prep(body, (*DB).PutItem)
	case "GetItem":
		return prep(body, (*DB).GetItem)
	case "UpdateItem":
		return prep(body, (*DB).UpdateItem)
	case "DeleteItem":
		return prep(body, (*DB).DeleteItem)
	case "Query":
		return prep(body, (*DB).Query)
	case "Scan":
		return prep(body, (*DB).Scan)
	case "BatchGetItem":
		return prep(body, (*DB).BatchGetItem)
	case "BatchWriteItem":
		return prep(body, (*DB).BatchWriteItem)
	case "TransactWriteItems":
		return prep(body, (*DB).TransactWriteItems)
	case "TransactGetItems":
		return prep(body, (*DB).TransactGetItems)
	case "UpdateTimeToLive":
		return prep(body, (*DB).UpdateTimeToLive)
	case "DescribeTimeToLive":
		return prep(body, (*DB).DescribeTimeToLive)
	case "AdvanceClock":
		return prep(body, (*DB).AdvanceClock)
	}
	return prepMore(op, body)
}

// ServeAPI reads JSON lines {"Operation":"PutItem","Request":{...}} from r
// (with an optional "Region":"eu-west-1" to address another region)
// and writes one JSON line per request to w: the response body, or the
// {"__type":…,"message":…} error body. A line that is not JSON gets a
// SerializationException line. It returns when r ends.
func ServeAPI(r io.Reader, w io.Writer, db *DB) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 32<<20)
	bw := bufio.NewWriter(w)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var env struct {
			Operation string          `json:"Operation"`
			Request   json.RawMessage `json:"Request"`
			Region    string          `json:"Region"`
		}
		var out []byte
		if err := json.Unmarshal([]byte(line), &env); err != nil {
			out = ErrorJSON(apiErr(ErrSerialization, "Malformed request line: "+err.Error()))
		} else if res, err := db.DoIn(env.Region, env.Operation, env.Request); err != nil {
			out = ErrorJSON(err)
		} else {
			out = res
		}
		if _, err := bw.Write(append(out, '\n')); err != nil {
			return fmt.Errorf("write response: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("flush response: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read requests: %w", err)
	}
	return nil
}

// DoIn runs one operation in another region ("" or the DB's own region
// means this DB).
func (db *DB) DoIn(region, op string, body []byte) ([]byte, error) {
	d, err := db.regionOrSelf(region)
	if err != nil {
		return nil, err
	}
	return d.Do(op, body)
}

// regionOrSelf is the DB of region: this one for "" or its own region.
func (db *DB) regionOrSelf(region string) (*DB, error) {
	if region == "" || region == db.opts.Region {
		return db, nil
	}
	return db.Region(region)
}

// signedRegion reads the region from a SigV4 Authorization header:
// "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, ...".
// The signature itself is not checked.
func signedRegion(auth string) string {
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return ""
	}
	cred, _, _ = strings.Cut(cred, ",")
	// the third of at least five parts split at "/"
	var cut [4]int
	n := 0
	for i := 0; i < len(cred) && n < 4; i++ {
		if cred[i] == '/' {
			cut[n] = i
			n++
		}
	}
	if n < 4 {
		return ""
	}
	return cred[cut[1]+1 : cut[2]]
}
