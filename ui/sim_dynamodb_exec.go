package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb"
	"github.com/saa-study/saa-study/ui/text"
)

// ddbSession is one learner's DynamoDB: the engine on a virtual clock, an
// optional DAX cluster and the table the panels follow. It is touched only
// inside tea.Cmds, one at a time; the screen draws from ddbResult snapshots.
type ddbSession struct {
	clk     *clock.Virtual
	db      *dynamodb.DB
	dax     *dynamodb.DAX
	daxName string
	table   string // the table the panels follow: the last one named
}

func newDDBSession() *ddbSession {
	clk := clock.New(clock.Epoch)
	return &ddbSession{clk: clk, db: dynamodb.New(clk)}
}

// ddbLineKind says how an output line is drawn.
type ddbLineKind int

const (
	ddbPlain    ddbLineKind = iota
	ddbEcho                 // the command as typed
	ddbCapacity             // inside ConsumedCapacity: highlighted
	ddbError                // "An error occurred (…)"
	ddbInfo                 // console notes (DAX hit, load summary)
	ddbWhyLine              // the one-line explanation of a load run
	ddbLesson               // a guided scenario's lesson line
)

type ddbLine struct {
	kind ddbLineKind
	text string
}

// ddbLoadRun is a finished load command, kept for the chart panel.
type ddbLoadRun struct {
	spec dynamodb.LoadSpec
	res  *dynamodb.LoadResult
	read bool
	why  string
}

// ddbSnap is what the panels show, copied after each command so the view
// never touches the engine.
type ddbSnap struct {
	table   string
	metrics *dynamodb.TableMetrics
	gsis    []ddbNamedMetrics
	stream  []dynamodb.StreamRecord
	dax     *dynamodb.DAXStats
	daxName string
	now     time.Time
}

type ddbNamedMetrics struct {
	name string
	m    *dynamodb.TableMetrics
}

// ddbResult is the outcome of one console line.
type ddbResult struct {
	lines   []ddbLine
	errType string // the exception name when the command failed
	load    *ddbLoadRun
	snap    ddbSnap
}

// ddbOperations are the engine's operations reachable from the console.
func ddbOperations() []string { return dynamodb.Operations }

// ddbCLIError renders an API error exactly as the AWS CLI prints it.
func ddbCLIError(op string, err error) string {
	typ := dynamodb.ErrorType(err)
	if typ == "" {
		typ = "InternalServerError"
	}
	return fmt.Sprintf("An error occurred (%s) when calling the %s operation: %s", typ, op, dynamodb.ErrorMessage(err))
}

// run executes one console line and snapshots the panels.
func (s *ddbSession) run(lang content.Lang, line string) ddbResult {
	var r ddbResult
	r.lines = append(r.lines, ddbLine{ddbEcho, "$ " + line})
	cmd, err := parseDDBCommand(line)
	if err != nil {
		r.errType = "ParseError"
		for _, l := range strings.Split(err.Error(), "\n") {
			r.lines = append(r.lines, ddbLine{ddbError, l})
		}
		r.snap = s.snapshot()
		return r
	}
	if name, ok := cmd.Body["TableName"].(string); ok && name != "" {
		s.table = name
	}
	switch cmd.Name {
	case "help":
		for _, l := range strings.Split(text.T(lang, "ddb.help"), "\n") {
			r.lines = append(r.lines, ddbLine{ddbInfo, l})
		}
	case "tables":
		s.runOp(&r, "ListTables", []byte("{}"))
	case "advance":
		s.advance(&r, cmd)
	case "load":
		s.load(lang, &r, cmd)
	case "create-cluster":
		s.createCluster(lang, &r, cmd)
	case "stream":
		s.stream(&r, cmd)
	case "clear", "guide":
		// handled by the screen
	default:
		s.apiCall(&r, cmd)
	}
	r.snap = s.snapshot()
	return r
}

// apiCall sends a DynamoDB command to the engine (or through DAX).
func (s *ddbSession) apiCall(r *ddbResult, cmd *ddbCommand) {
	if ddbCapacityOps[cmd.Op] {
		if _, set := cmd.Body["ReturnConsumedCapacity"]; !set {
			cmd.Body["ReturnConsumedCapacity"] = s.capacityMode(cmd)
		}
	}
	body, err := json.Marshal(cmd.Body)
	if err != nil {
		r.errType = "ParseError"
		r.lines = append(r.lines, ddbLine{ddbError, err.Error()})
		return
	}
	if cmd.Flags["dax"] == "true" {
		s.daxCall(r, cmd.Op, body)
		return
	}
	s.runOp(r, cmd.Op, body)
}

// ddbCapacityOps accept ReturnConsumedCapacity.
var ddbCapacityOps = map[string]bool{"PutItem": true, "GetItem": true, "UpdateItem": true, "DeleteItem": true,
	"Query": true, "Scan": true, "BatchGetItem": true, "BatchWriteItem": true, "TransactWriteItems": true, "TransactGetItems": true}

// capacityMode asks for INDEXES when the command's table has an index, so
// the learner sees what each GSI and LSI consumed.
func (s *ddbSession) capacityMode(cmd *ddbCommand) string {
	name, _ := cmd.Body["TableName"].(string)
	if name == "" {
		return "TOTAL"
	}
	d, err := s.db.DescribeTable(&dynamodb.TableNameInput{TableName: name})
	if err == nil && len(d.Table.GlobalSecondaryIndexes)+len(d.Table.LocalSecondaryIndexes) > 0 {
		return "INDEXES"
	}
	return "TOTAL"
}

func (s *ddbSession) runOp(r *ddbResult, op string, body []byte) {
	out, err := s.db.Do(op, body)
	if err != nil {
		r.errType = dynamodb.ErrorType(err)
		r.lines = append(r.lines, ddbLine{ddbError, ddbCLIError(op, err)})
		return
	}
	if op == "CreateTable" {
		var o dynamodb.TableOutput
		if json.Unmarshal(out, &o) == nil {
			s.table = o.TableDescription.TableName
		}
	}
	r.lines = append(r.lines, prettyDDB(out)...)
}

// prettyDDB indents a response as the CLI's JSON output does and marks the
// ConsumedCapacity block.
func prettyDDB(raw []byte) []ddbLine {
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "    "); err != nil {
		return []ddbLine{{ddbPlain, string(raw)}}
	}
	var out []ddbLine
	inCap, capIndent := false, ""
	for _, l := range strings.Split(buf.String(), "\n") {
		kind := ddbPlain
		trim := strings.TrimLeft(l, " ")
		indent := l[:len(l)-len(trim)]
		switch {
		case strings.HasPrefix(trim, `"ConsumedCapacity"`):
			kind = ddbCapacity
			inCap, capIndent = strings.HasSuffix(trim, "{") || strings.HasSuffix(trim, "["), indent
		case inCap:
			kind = ddbCapacity
			if indent == capIndent && (strings.HasPrefix(trim, "}") || strings.HasPrefix(trim, "]")) {
				inCap = false
			}
		}
		out = append(out, ddbLine{kind, l})
	}
	return out
}

// daxCall sends a read or write through the DAX cluster.
func (s *ddbSession) daxCall(r *ddbResult, op string, body []byte) {
	fail := func(err error) {
		r.errType = dynamodb.ErrorType(err)
		r.lines = append(r.lines, ddbLine{ddbError, ddbCLIError(op, err)})
	}
	if s.dax == nil {
		r.errType = "ClusterNotFoundFault"
		r.lines = append(r.lines, ddbLine{ddbError, fmt.Sprintf("An error occurred (ClusterNotFoundFault) when calling the %s operation: no DAX cluster; run create-cluster --cluster-name NAME first", op)})
		return
	}
	var out any
	var res dynamodb.DAXResult
	var err error
	switch op {
	case "GetItem":
		var in dynamodb.GetItemInput
		if err = json.Unmarshal(body, &in); err == nil {
			out, res, err = s.dax.GetItem(&in)
		}
	case "Query", "Scan":
		var in dynamodb.QueryInput
		if err = json.Unmarshal(body, &in); err == nil {
			if op == "Query" {
				out, res, err = s.dax.Query(&in)
			} else {
				out, res, err = s.dax.Scan(&in)
			}
		}
	case "PutItem":
		var in dynamodb.PutItemInput
		if err = json.Unmarshal(body, &in); err == nil {
			out, res, err = s.dax.PutItem(&in)
		}
	case "UpdateItem":
		var in dynamodb.UpdateItemInput
		if err = json.Unmarshal(body, &in); err == nil {
			out, res, err = s.dax.UpdateItem(&in)
		}
	case "DeleteItem":
		var in dynamodb.DeleteItemInput
		if err = json.Unmarshal(body, &in); err == nil {
			out, res, err = s.dax.DeleteItem(&in)
		}
	default:
		r.errType = dynamodb.ErrValidation
		r.lines = append(r.lines, ddbLine{ddbError, fmt.Sprintf("An error occurred (ValidationException) when calling the %s operation: DAX does not serve %s; drop --dax", op, op)})
		return
	}
	if err != nil {
		fail(err)
		return
	}
	raw, err := json.Marshal(out)
	if err != nil {
		fail(err)
		return
	}
	r.lines = append(r.lines, prettyDDB(raw)...)
	verdict := "miss"
	if res.Hit {
		verdict = "HIT (no RCU consumed)"
	}
	r.lines = append(r.lines, ddbLine{ddbInfo, fmt.Sprintf("DAX %s: %s, %d µs", s.daxName, verdict, res.LatencyMicros)})
}

// createCluster puts a DAX cluster in front of the tables (aws dax
// create-cluster; the node settings are not modelled).
func (s *ddbSession) createCluster(lang content.Lang, r *ddbResult, cmd *ddbCommand) {
	name := cmd.Flags["cluster-name"]
	if name == "" {
		r.errType = "ParseError"
		r.lines = append(r.lines, ddbLine{ddbError, "aws: error: the following arguments are required: --cluster-name"})
		return
	}
	s.dax, s.daxName = dynamodb.NewDAX(s.db, dynamodb.DAXConfig{}), name
	r.lines = append(r.lines, ddbLine{ddbInfo, fmt.Sprintf(text.T(lang, "ddb.dax.created"), name)})
}

// advance moves the virtual clock; the engine then runs the TTL sweep.
func (s *ddbSession) advance(r *ddbResult, cmd *ddbCommand) {
	secs := 60.0
	if len(cmd.Args) > 0 {
		v, err := strconv.ParseFloat(cmd.Args[0], 64)
		if err != nil || v < 0 || v > 400*86400 {
			r.errType = "ParseError"
			r.lines = append(r.lines, ddbLine{ddbError, "advance takes a number of seconds between 0 and 34560000"})
			return
		}
		secs = v
	}
	body, _ := json.Marshal(dynamodb.AdvanceClockInput{Seconds: secs})
	s.runOp(r, "AdvanceClock", body)
}

// stream prints the table's stream records, the "dynamodb" part of each.
func (s *ddbSession) stream(r *ddbResult, cmd *ddbCommand) {
	name := cmd.Flags["table"]
	if name == "" {
		name = s.table
	}
	s.table = name
	recs, err := s.db.StreamRecords(name)
	if err != nil {
		r.errType = dynamodb.ErrorType(err)
		r.lines = append(r.lines, ddbLine{ddbError, ddbCLIError("GetRecords", err)})
		return
	}
	raw, err := json.Marshal(struct {
		Records []dynamodb.StreamRecord `json:"Records"`
	}{recs})
	if err != nil {
		r.lines = append(r.lines, ddbLine{ddbError, err.Error()})
		return
	}
	r.lines = append(r.lines, prettyDDB(raw)...)
}

// snapshot copies what the panels draw.
func (s *ddbSession) snapshot() ddbSnap {
	sn := ddbSnap{table: s.table, now: s.clk.Now(), daxName: s.daxName}
	if s.dax != nil {
		st := s.dax.Stats()
		sn.dax = &st
	}
	if s.table == "" {
		return sn
	}
	m, err := s.db.Metrics(s.table, "")
	if err != nil {
		return sn
	}
	sn.metrics = m
	if d, err := s.db.DescribeTable(&dynamodb.TableNameInput{TableName: s.table}); err == nil {
		for _, g := range d.Table.GlobalSecondaryIndexes {
			if gm, err := s.db.Metrics(s.table, g.IndexName); err == nil {
				sn.gsis = append(sn.gsis, ddbNamedMetrics{g.IndexName, gm})
			}
		}
		sort.Slice(sn.gsis, func(i, j int) bool { return sn.gsis[i].name < sn.gsis[j].name })
	}
	if recs, err := s.db.StreamRecords(s.table); err == nil {
		if len(recs) > 50 {
			recs = recs[len(recs)-50:]
		}
		sn.stream = append([]dynamodb.StreamRecord(nil), recs...)
	}
	return sn
}
