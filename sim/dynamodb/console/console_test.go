package console

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/sim/scenario"
)

const create5WCU = "create-table --table-name Demo --attribute-definitions AttributeName=pk,AttributeType=S " +
	"--key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED " +
	"--provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5"

// TestGuidesRunToTheEnd steps every lesson with empty lines and checks
// that nothing fails unless the lesson says it should, and that
// each one shows the behaviour it teaches.
func TestGuidesRunToTheEnd(t *testing.T) {
	wants := map[string][]string{
		"1-hot-partition":    {"Why: hot partition", "throttled 4000", "Why: no throttling", "Missing the key pk"},
		"2-gsi-backpressure": {"Why: GSI back-pressure", "index ByStatus has only 5 WCU", "throttled 0"},
		"3-ondemand-spike":   {"Why: on-demand spike", "ok 40000 · throttled 50000", "ok 70000 · throttled 0"},
		"4-dax-vs-strong":    {"DAX catalog-dax: miss", "DAX catalog-dax: HIT", `"ReadCapacityUnits": 1`},
		"5-ttl-stream":       {`"TTLDeleted": 1`, `"eventName": "REMOVE"`, `"principalId": "dynamodb.amazonaws.com"`},
		"6-pitr-restore":     {`"RestoreSummary"`, `"N": "100"`, "An error occurred (TableAlreadyExistsException) when calling the RestoreTableToPointInTime operation"},
	}
	gs, err := Guides()
	if err != nil || len(gs) < 5 {
		t.Fatalf("%d guided lessons (%v), want at least 5", len(gs), err)
	}
	for i, g := range gs {
		t.Run(g.ID, func(t *testing.T) {
			c := New(Options{Lang: EN})
			start := c.Exec(fmt.Sprintf("guide %d", i+1))
			if start.Guide.Guide == nil || start.Guide.Guide.ID != g.ID || !start.Reset {
				t.Fatalf("guide %d did not start the lesson: %+v", i+1, start.Guide)
			}
			var out strings.Builder
			for range g.Steps {
				o := c.Exec("")
				for _, l := range o.Lines {
					out.WriteString(l.Text + "\n")
				}
			}
			if p := c.Exec("").Guide; p.Step != len(g.Steps) || p.Active() {
				t.Fatalf("stopped at step %d of %d", p.Step, len(g.Steps))
			}
			text := out.String()
			if strings.Contains(text, "Unexpected") {
				t.Fatalf("a step ended differently than the lesson expects:\n%s", text)
			}
			for _, w := range wants[g.ID] {
				if !strings.Contains(text, w) {
					t.Errorf("output lacks %q:\n%s", w, text)
				}
			}
			if g.title[1] == "" || g.lesson[1] == "" {
				t.Errorf("lesson %s has no Korean title or lesson", g.ID)
			}
			for j, st := range g.Steps {
				if st.note[0] == "" || st.note[1] == "" {
					t.Errorf("step %d of %s lacks its lesson line in both languages", j+1, g.ID)
				}
			}
		})
	}
}

// TestErrorsPrintLikeTheAWSCLI pins the error text a learner compares
// with the real CLI.
func TestErrorsPrintLikeTheAWSCLI(t *testing.T) {
	cases := []struct {
		name, line, want, typ string
	}{
		{"missing key", `put-item --table-name Demo --item '{"id":{"S":"x"}}'`,
			"An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Missing the key pk in the item", "ValidationException"},
		{"no such table", `get-item --table-name Nope --key '{"pk":{"S":"a"}}'`,
			"An error occurred (ResourceNotFoundException) when calling the GetItem operation: Requested resource not found", "ResourceNotFoundException"},
		{"bad JSON", `put-item --table-name Demo --item '{"pk":'`,
			"Error parsing parameter '--item': Invalid JSON:", "ParseError"},
		{"unknown command", `frobnicate --table-name Demo`,
			"aws: error: argument operation: Invalid choice: 'frobnicate'", "ParseError"},
		{"dax without cluster", `get-item --table-name Demo --key '{"pk":{"S":"a"}}' --dax`,
			"An error occurred (ClusterNotFoundFault) when calling the GetItem operation", "ClusterNotFoundFault"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{})
			if r := c.Exec(create5WCU); r.Failed() {
				t.Fatalf("create-table failed: %+v", r.Lines)
			}
			r := c.Exec(tc.line)
			if r.ErrType != tc.typ {
				t.Fatalf("ErrType = %q, want %q", r.ErrType, tc.typ)
			}
			var got string
			for _, l := range r.Lines {
				if l.Kind == Error {
					got = l.Text
					break
				}
			}
			if !strings.HasPrefix(got, tc.want) {
				t.Fatalf("error line = %q\nwant prefix %q", got, tc.want)
			}
		})
	}
}

// TestParse covers the CLI syntax: shorthand lists and
// structures, JSON, quotes, booleans and numbers.
func TestParse(t *testing.T) {
	cases := []struct {
		line, op, body string
	}{
		{create5WCU, "CreateTable", `{"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PROVISIONED","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},"TableName":"Demo"}`},
		{`aws dynamodb put-item --table-name Demo --item '{"pk": {"S": "a b"}}'`, "PutItem", `{"Item":{"pk":{"S":"a b"}},"TableName":"Demo"}`},
		{`query --table-name Demo --key-condition-expression "pk = :v" --expression-attribute-values '{":v":{"S":"a"}}' --no-scan-index-forward --limit 3`, "Query",
			`{"ExpressionAttributeValues":{":v":{"S":"a"}},"KeyConditionExpression":"pk = :v","Limit":3,"ScanIndexForward":false,"TableName":"Demo"}`},
		{`get-item --table-name Demo --key {\"pk\":{\"S\":\"a\"}} --consistent-read`, "GetItem", `{"ConsistentRead":true,"Key":{"pk":{"S":"a"}},"TableName":"Demo"}`},
		{`update-time-to-live --table-name Demo --time-to-live-specification Enabled=true,AttributeName=ttl`, "UpdateTimeToLive",
			`{"TableName":"Demo","TimeToLiveSpecification":{"AttributeName":"ttl","Enabled":true}}`},
		{`list-tables`, "ListTables", `{}`},
		{`restore-table-to-point-in-time --source-table-name Src --target-table-name Dst --restore-date-time 2025-01-01T00:05:00Z`, "RestoreTableToPointInTime",
			`{"RestoreDateTime":1735689900,"SourceTableName":"Src","TargetTableName":"Dst"}`},
	}
	for _, tc := range cases {
		cmd, err := parse(tc.line)
		if err != nil {
			t.Fatalf("%s: %v", tc.line, err)
		}
		b, _ := json.Marshal(cmd.Body)
		if cmd.Op != tc.op || string(b) != tc.body {
			t.Errorf("%s\n got %s %s\nwant %s %s", tc.line, cmd.Op, b, tc.op, tc.body)
		}
	}
	for _, bad := range []string{"", "put-item --item", "put-item --table-name 'open", `scan --limit x`, "PutItem", "put-item --provisioned-throughput A=1,B"} {
		if _, err := parse(bad); err == nil || !isParseError(err) {
			t.Errorf("%q: want a parse error, got %v", bad, err)
		}
	}
}

// FuzzParseCommand: the console's parser never panics, and whatever it
// accepts has a body that marshals.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{create5WCU, `put-item --table-name Demo --item '{"pk":{"S":"a"}}'`, `query --key-condition-expression "a = :b" --limit 2`,
		`load --rate 1 --dax`, `get-item --key {\"a\"`, `aws dynamodb scan --no-consistent-read`, "'", `"\`, "--", "x --a=b,c=d e=f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		cmd, err := parse(line)
		if err != nil {
			if !isParseError(err) {
				t.Fatalf("non-parse error %T", err)
			}
			return
		}
		if _, err := json.Marshal(cmd.Body); err != nil {
			t.Fatalf("body does not marshal: %v", err)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(create5WCU); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConsumedCapacityIsHighlighted: every item command asks for the
// consumed capacity (INDEXES when the table has an index) and the console
// marks those lines.
func TestConsumedCapacityIsHighlighted(t *testing.T) {
	s := New(Options{})
	s.Exec(`create-table --table-name Idx --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=g,AttributeType=S ` +
		`--key-schema AttributeName=pk,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5 ` +
		`--global-secondary-indexes '[{"IndexName":"ByG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}]'`)
	s.Exec(create5WCU)
	cases := []struct {
		line    string
		want    []string
		notWant string
	}{
		{`put-item --table-name Idx --item '{"pk":{"S":"a"},"g":{"S":"x"}}'`, []string{`"ConsumedCapacity": {`, `"CapacityUnits": 2`, `"ByG": {`}, ""},
		{`put-item --table-name Demo --item '{"pk":{"S":"a"}}'`, []string{`"ConsumedCapacity": {`, `"CapacityUnits": 1`}, `"Table": {`},
		{`get-item --table-name Demo --key '{"pk":{"S":"a"}}' --consistent-read`, []string{`"CapacityUnits": 1`}, `"ReadCapacityUnits"`},
	}
	for _, tc := range cases {
		r := s.Exec(tc.line)
		var capLines strings.Builder
		for _, l := range r.Lines {
			if l.Kind == Capacity {
				capLines.WriteString(l.Text + "\n")
			}
		}
		got := capLines.String()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: highlighted lines lack %q:\n%s", tc.line, w, got)
			}
		}
		if tc.notWant != "" && strings.Contains(got, tc.notWant) {
			t.Errorf("%s: highlighted lines hold %q:\n%s", tc.line, tc.notWant, got)
		}
	}
}

// TestGuideFileErrorsNameTheLine: a broken lesson file is a scenario.Error
// at file:line.
func TestGuideFileErrorsNameTheLine(t *testing.T) {
	_, err := parseGuide("x", "title: T\n> a note before any step\n")
	var se *scenario.Error
	if !errors.As(err, &se) || err.Error() != "x:2: a step line before any $ command" {
		t.Fatalf("err = %v, want x:2: as a *scenario.Error", err)
	}
}
