package console

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb"
)

// cliError renders an API error exactly as the AWS CLI prints it.
func cliError(op string, err error) string {
	typ := dynamodb.ErrorType(err)
	if typ == "" {
		typ = "InternalServerError"
	}
	return fmt.Sprintf("An error occurred (%s) when calling the %s operation: %s", typ, op, dynamodb.ErrorMessage(err))
}

// run executes one command line (anything but clear and guide).
func (s *Console) run(line string) Output {
	var r Output
	r.Lines = append(r.Lines, Line{Echo, "$ " + line})
	cmd, err := parse(line)
	if err != nil {
		r.ErrType = "ParseError"
		for _, l := range strings.Split(err.Error(), "\n") {
			r.Lines = append(r.Lines, Line{Error, l})
		}
		return r
	}
	if name, ok := cmd.Body["TableName"].(string); ok && name != "" {
		s.table = name
	}
	switch cmd.Name {
	case "help":
		for _, l := range strings.Split(fmt.Sprintf(text(s.lang, "help"), helpExamples), "\n") {
			r.Lines = append(r.Lines, Line{Info, l})
		}
	case "tables":
		s.runOp(&r, "ListTables", []byte("{}"))
	case "advance":
		s.advance(&r, cmd)
	case "load":
		s.load(&r, cmd)
	case "create-cluster":
		s.createCluster(&r, cmd)
	case "stream":
		s.stream(&r, cmd)
	case "clear", "guide":
		// Exec handles them; a lesson step never names them
	default:
		s.apiCall(&r, cmd)
	}
	return r
}

// apiCall sends a DynamoDB command to the engine (or through DAX).
func (s *Console) apiCall(r *Output, cmd *command) {
	if capacityOps[cmd.Op] {
		if _, set := cmd.Body["ReturnConsumedCapacity"]; !set {
			cmd.Body["ReturnConsumedCapacity"] = s.capacityMode(cmd)
		}
	}
	body, err := json.Marshal(cmd.Body)
	if err != nil {
		r.ErrType = "ParseError"
		r.Lines = append(r.Lines, Line{Error, err.Error()})
		return
	}
	if cmd.Flags["dax"] == "true" {
		s.daxCall(r, cmd.Op, body)
		return
	}
	s.runOp(r, cmd.Op, body)
}

// capacityOps accept ReturnConsumedCapacity.
var capacityOps = map[string]bool{"PutItem": true, "GetItem": true, "UpdateItem": true, "DeleteItem": true,
	"Query": true, "Scan": true, "BatchGetItem": true, "BatchWriteItem": true, "TransactWriteItems": true, "TransactGetItems": true}

// capacityMode asks for INDEXES when the command's table has an index, so
// the learner sees what each GSI and LSI consumed.
func (s *Console) capacityMode(cmd *command) string {
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

func (s *Console) runOp(r *Output, op string, body []byte) {
	out, err := s.db.Do(op, body)
	if err != nil {
		r.ErrType = dynamodb.ErrorType(err)
		r.Lines = append(r.Lines, Line{Error, cliError(op, err)})
		return
	}
	if op == "CreateTable" {
		var o dynamodb.TableOutput
		if json.Unmarshal(out, &o) == nil {
			s.table = o.TableDescription.TableName
		}
	}
	r.Lines = append(r.Lines, pretty(out)...)
}

// pretty indents a response as the CLI's JSON output does and marks the
// ConsumedCapacity block.
func pretty(raw []byte) []Line {
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "    "); err != nil {
		return []Line{{Plain, string(raw)}}
	}
	var out []Line
	inCap, capIndent := false, ""
	for _, l := range strings.Split(buf.String(), "\n") {
		kind := Plain
		trim := strings.TrimLeft(l, " ")
		indent := l[:len(l)-len(trim)]
		switch {
		case strings.HasPrefix(trim, `"ConsumedCapacity"`):
			kind = Capacity
			inCap, capIndent = strings.HasSuffix(trim, "{") || strings.HasSuffix(trim, "["), indent
		case inCap:
			kind = Capacity
			if indent == capIndent && (strings.HasPrefix(trim, "}") || strings.HasPrefix(trim, "]")) {
				inCap = false
			}
		}
		out = append(out, Line{kind, l})
	}
	return out
}

// daxCall sends a read or write through the DAX cluster.
func (s *Console) daxCall(r *Output, op string, body []byte) {
	fail := func(err error) {
		r.ErrType = dynamodb.ErrorType(err)
		r.Lines = append(r.Lines, Line{Error, cliError(op, err)})
	}
	if s.dax == nil {
		r.ErrType = "ClusterNotFoundFault"
		r.Lines = append(r.Lines, Line{Error, fmt.Sprintf("An error occurred (ClusterNotFoundFault) when calling the %s operation: no DAX cluster; run create-cluster --cluster-name NAME first", op)})
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
		r.ErrType = dynamodb.ErrValidation
		r.Lines = append(r.Lines, Line{Error, fmt.Sprintf("An error occurred (ValidationException) when calling the %s operation: DAX does not serve %s; drop --dax", op, op)})
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
	r.Lines = append(r.Lines, pretty(raw)...)
	verdict := "miss"
	if res.Hit {
		verdict = "HIT (no RCU consumed)"
	}
	r.Lines = append(r.Lines, Line{Info, fmt.Sprintf("DAX %s: %s, %d µs", s.daxName, verdict, res.LatencyMicros)})
}

// createCluster puts a DAX cluster in front of the tables (aws dax
// create-cluster; the node settings are not modelled).
func (s *Console) createCluster(r *Output, cmd *command) {
	name := cmd.Flags["cluster-name"]
	if name == "" {
		r.ErrType = "ParseError"
		r.Lines = append(r.Lines, Line{Error, "aws: error: the following arguments are required: --cluster-name"})
		return
	}
	s.dax, s.daxName = dynamodb.NewDAX(s.db, dynamodb.DAXConfig{}), name
	r.Lines = append(r.Lines, Line{Info, fmt.Sprintf(text(s.lang, "dax.created"), name)})
}

// advance moves the virtual clock; the engine then runs the TTL sweep.
func (s *Console) advance(r *Output, cmd *command) {
	secs := 60.0
	if len(cmd.Args) > 0 {
		v, err := strconv.ParseFloat(cmd.Args[0], 64)
		if err != nil || v < 0 || v > 400*86400 {
			r.ErrType = "ParseError"
			r.Lines = append(r.Lines, Line{Error, "advance takes a number of seconds between 0 and 34560000"})
			return
		}
		secs = v
	}
	body, _ := json.Marshal(dynamodb.AdvanceClockInput{Seconds: secs})
	s.runOp(r, "AdvanceClock", body)
}

// stream prints the table's stream records, the "dynamodb" part of each.
func (s *Console) stream(r *Output, cmd *command) {
	name := cmd.Flags["table"]
	if name == "" {
		name = s.table
	}
	s.table = name
	recs, err := s.db.StreamRecords(name)
	if err != nil {
		r.ErrType = dynamodb.ErrorType(err)
		r.Lines = append(r.Lines, Line{Error, cliError("GetRecords", err)})
		return
	}
	raw, err := json.Marshal(struct {
		Records []dynamodb.StreamRecord `json:"Records"`
	}{recs})
	if err != nil {
		r.Lines = append(r.Lines, Line{Error, err.Error()})
		return
	}
	r.Lines = append(r.Lines, pretty(raw)...)
}

// snapshot copies what the panels draw.
func (s *Console) snapshot() Snapshot {
	sn := Snapshot{Table: s.table, Now: s.clk.Now(), DAXName: s.daxName}
	if s.dax != nil {
		st := s.dax.Stats()
		sn.DAX = &st
	}
	if s.table == "" {
		return sn
	}
	m, err := s.db.Metrics(s.table, "")
	if err != nil {
		return sn
	}
	sn.Metrics = m
	if d, err := s.db.DescribeTable(&dynamodb.TableNameInput{TableName: s.table}); err == nil {
		for _, g := range d.Table.GlobalSecondaryIndexes {
			if gm, err := s.db.Metrics(s.table, g.IndexName); err == nil {
				sn.GSIs = append(sn.GSIs, NamedMetrics{g.IndexName, gm})
			}
		}
		sort.Slice(sn.GSIs, func(i, j int) bool { return sn.GSIs[i].Name < sn.GSIs[j].Name })
	}
	if recs, err := s.db.StreamRecords(s.table); err == nil {
		if len(recs) > 50 {
			recs = recs[len(recs)-50:]
		}
		sn.Stream = append([]dynamodb.StreamRecord(nil), recs...)
	}
	return sn
}
