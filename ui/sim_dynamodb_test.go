package ui

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"
)

const ddbCreate5WCU = "create-table --table-name Demo --attribute-definitions AttributeName=pk,AttributeType=S " +
	"--key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED " +
	"--provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5"

// openDDB drives an app from the Simulators menu into the DynamoDB console.
func openDDB(t *testing.T, w, h int, lang content.Lang) (*App, *ddbConsole) {
	t.Helper()
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Lang: lang, Theme: "dark", Start: "sim"})
	drive(a, tea.WindowSizeMsg{Width: w, Height: h})
	for _, id := range simEntries {
		if id == "dynamodb" {
			break
		}
		drive(a, press("down"))
	}
	drive(a, press("enter"))
	con, ok := a.top().(*ddbConsole)
	if !ok {
		t.Fatalf("the dynamodb entry should open the DynamoDB console, got %T", a.top())
	}
	return a, con
}

// ddbTypeLine types a command into the console and presses enter.
func ddbTypeLine(a *App, line string) {
	for _, r := range line {
		drive(a, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	drive(a, press("enter"))
}

func ddbOutputText(con *ddbConsole) string {
	var b strings.Builder
	for _, l := range con.out {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestDDBLoadOnOneKeyThrottlesAndSaysWhy is the check: a
// provisioned 5-WCU table hammered at 200 writes/s on one key throttles,
// and the console explains it with the provisioned rate.
func TestDDBLoadOnOneKeyThrottlesAndSaysWhy(t *testing.T) {
	app := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "sim"})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "DynamoDB")
	for _, id := range simEntries {
		if id == "dynamodb" {
			break
		}
		tm.Send(press("down"))
	}
	tm.Send(press("enter"))
	waitFor(t, tm, "help lists them")
	tm.Type(ddbCreate5WCU)
	tm.Send(press("enter"))
	waitFor(t, tm, "NumberOfDecreasesToday")
	tm.Type("load --table Demo --op PutItem --rate 200 --seconds 60 --keys 1")
	tm.Send(press("enter"))
	waitFor(t, tm, "throttled/s") // the chart's legend
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	con := tm.FinalModel(t).(*App).top().(*ddbConsole)
	run := con.load
	if run == nil {
		t.Fatal("no load run recorded")
	}
	if run.res.OK+run.res.Throttled != 200*60 {
		t.Fatalf("requests = %d, want 12000 (200/s × 60 s)", run.res.OK+run.res.Throttled)
	}
	// After the first second the table serves its 5 WCU per second.
	if last := run.res.Series[59]; last.OK != 5 || last.Throttled != 195 {
		t.Errorf("last second: ok %d throttled %d, want 5 and 195", last.OK, last.Throttled)
	}
	if !strings.Contains(run.why, "provisioned rate") || !strings.Contains(run.why, "5 WCU/s provisioned") || !strings.Contains(run.why, "ddb.burst.seconds") {
		t.Errorf("why = %q; want the provisioned rate and the burst fact", run.why)
	}
	if !strings.Contains(ddbOutputText(con), "throttled 11") {
		t.Errorf("the output should total the throttles:\n%s", ddbOutputText(con))
	}
}

// TestDDBGuidedScenariosRunToTheEnd steps every scenario with enter and
// checks that nothing fails unless the scenario says it should, and that
// each one shows the behaviour it teaches.
func TestDDBGuidedScenariosRunToTheEnd(t *testing.T) {
	wants := map[string][]string{
		"1-hot-partition":    {"Why: hot partition", "throttled 4000", "Why: no throttling", "Missing the key pk"},
		"2-gsi-backpressure": {"Why: GSI back-pressure", "index ByStatus has only 5 WCU", "throttled 0"},
		"3-ondemand-spike":   {"Why: on-demand spike", "ok 40000 · throttled 50000", "ok 70000 · throttled 0"},
		"4-dax-vs-strong":    {"DAX catalog-dax: miss", "DAX catalog-dax: HIT", `"ReadCapacityUnits": 1`},
		"5-ttl-stream":       {`"TTLDeleted": 1`, `"eventName": "REMOVE"`, `"principalId": "dynamodb.amazonaws.com"`},
		"6-pitr-restore":     {`"RestoreSummary"`, `"N": "100"`, "An error occurred (TableAlreadyExistsException) when calling the RestoreTableToPointInTime operation"},
	}
	scs, err := ddbScenarios()
	if err != nil {
		t.Fatal(err)
	}
	if len(scs) < 5 {
		t.Fatalf("%d guided scenarios, want at least 5", len(scs))
	}
	for i, sc := range scs {
		t.Run(sc.id, func(t *testing.T) {
			a, con := openDDB(t, 80, 24, content.EN)
			ddbTypeLine(a, "guide "+string(rune('1'+i)))
			if con.guide != i {
				t.Fatalf("guide %d did not start the scenario", i+1)
			}
			for range sc.steps {
				drive(a, press("enter"))
			}
			if con.step != len(sc.steps) {
				t.Fatalf("stopped at step %d of %d", con.step, len(sc.steps))
			}
			out := ddbOutputText(con)
			if strings.Contains(out, "Unexpected") {
				t.Fatalf("a step ended differently than the scenario expects:\n%s", out)
			}
			for _, w := range wants[sc.id] {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if sc.title[1] == "" || sc.lesson[1] == "" {
				t.Errorf("scenario %s has no Korean title or lesson", sc.id)
			}
			for j, st := range sc.steps {
				if st.note[0] == "" || st.note[1] == "" {
					t.Errorf("step %d of %s lacks its lesson line in both languages", j+1, sc.id)
				}
			}
		})
	}
}

// TestDDBErrorsPrintLikeTheAWSCLI pins the error text a learner compares
// with the real CLI.
func TestDDBErrorsPrintLikeTheAWSCLI(t *testing.T) {
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
			s := newDDBSession()
			if r := s.run(content.EN, ddbCreate5WCU); r.errType != "" {
				t.Fatalf("create-table failed: %+v", r.lines)
			}
			r := s.run(content.EN, tc.line)
			if r.errType != tc.typ {
				t.Fatalf("errType = %q, want %q", r.errType, tc.typ)
			}
			var got string
			for _, l := range r.lines {
				if l.kind == ddbError {
					got = l.text
					break
				}
			}
			if !strings.HasPrefix(got, tc.want) {
				t.Fatalf("error line = %q\nwant prefix %q", got, tc.want)
			}
		})
	}
}

// TestParseDDBCommand covers the CLI syntax: shorthand lists and
// structures, JSON, quotes, booleans and numbers.
func TestParseDDBCommand(t *testing.T) {
	cases := []struct {
		line, op, body string
	}{
		{ddbCreate5WCU, "CreateTable", `{"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PROVISIONED","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},"TableName":"Demo"}`},
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
		cmd, err := parseDDBCommand(tc.line)
		if err != nil {
			t.Fatalf("%s: %v", tc.line, err)
		}
		b, _ := json.Marshal(cmd.Body)
		if cmd.Op != tc.op || string(b) != tc.body {
			t.Errorf("%s\n got %s %s\nwant %s %s", tc.line, cmd.Op, b, tc.op, tc.body)
		}
	}
	for _, bad := range []string{"", "put-item --item", "put-item --table-name 'open", `scan --limit x`, "PutItem", "put-item --provisioned-throughput A=1,B"} {
		if _, err := parseDDBCommand(bad); err == nil || !isDDBParseError(err) {
			t.Errorf("%q: want a parse error, got %v", bad, err)
		}
	}
}

// TestDDBHistoryAndPanels: ↑ recalls the last command, tab cycles panels,
// and every panel fits small and normal windows in both languages.
func TestDDBHistoryAndPanels(t *testing.T) {
	for _, lang := range content.Langs {
		for _, size := range [][2]int{{80, 24}, {40, 12}, {120, 40}} {
			a, con := openDDB(t, size[0], size[1], lang)
			ddbTypeLine(a, ddbCreate5WCU)
			ddbTypeLine(a, `put-item --table-name Demo --item '{"pk":{"S":"a"}}'`)
			ddbTypeLine(a, "load --rate 50 --seconds 5")
			ddbTypeLine(a, "create-cluster --cluster-name c")
			drive(a, press("up"))
			if got := con.input.Value(); got != "create-cluster --cluster-name c" {
				t.Fatalf("↑ recalled %q", got)
			}
			drive(a, tea.KeyPressMsg{Code: tea.KeyDown})
			if got := con.input.Value(); got != "" {
				t.Fatalf("↓ past the newest should restore the empty draft, got %q", got)
			}
			for p := 0; p < int(ddbPanelCount); p++ {
				drive(a, tea.KeyPressMsg{Code: tea.KeyTab})
				view := a.View().Content
				lines := strings.Split(view, "\n")
				if len(lines) > size[1] {
					t.Fatalf("%s %v panel %d: %d lines", lang, size, con.panel, len(lines))
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Fatalf("%s %v panel %d: line of %d cells: %q", lang, size, con.panel, w, ansi.Strip(l))
					}
				}
			}
		}
	}
}

// FuzzParseCommand: the console's parser never panics, and whatever it
// accepts has a body that marshals.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{ddbCreate5WCU, `put-item --table-name Demo --item '{"pk":{"S":"a"}}'`, `query --key-condition-expression "a = :b" --limit 2`,
		`load --rate 1 --dax`, `get-item --key {\"a\"`, `aws dynamodb scan --no-consistent-read`, "'", `"\`, "--", "x --a=b,c=d e=f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		cmd, err := parseDDBCommand(line)
		if err != nil {
			if !isDDBParseError(err) {
				t.Fatalf("non-parse error %T", err)
			}
			return
		}
		if _, err := json.Marshal(cmd.Body); err != nil {
			t.Fatalf("body does not marshal: %v", err)
		}
	})
}

func BenchmarkParseDDBCommand(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseDDBCommand(ddbCreate5WCU); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDDBConsoleView(b *testing.B) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(b), Lang: content.EN, Theme: "dark"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	con := newDDBConsole(a.c)
	r := con.sess.run(content.EN, ddbCreate5WCU)
	con.addLines(r.lines...)
	r = con.sess.run(content.EN, "load --rate 200 --seconds 60")
	con.addLines(r.lines...)
	con.load, con.snap, con.panel = r.load, r.snap, ddbPanelChart
	b.ReportAllocs()
	for b.Loop() {
		_ = con.View()
	}
}

// TestDDBHelpScrollAndClear: help lists the console's own commands, pgup
// shows older output and pgdn returns to the newest, clear empties it.
func TestDDBHelpScrollAndClear(t *testing.T) {
	a, con := openDDB(t, 80, 24, content.EN)
	ddbTypeLine(a, "help")
	out := ddbOutputText(con)
	for _, w := range []string{"create-table", "load --table", "advance 60", "create-cluster", "guide [N]"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q", w)
		}
	}
	ddbTypeLine(a, "guide")
	bottom := ansi.Strip(a.View().Content)
	if !strings.Contains(bottom, "TTL and the stream") {
		t.Fatalf("guide should list the scenarios:\n%s", bottom)
	}
	for range 3 {
		drive(a, tea.KeyPressMsg{Code: tea.KeyPgUp})
	}
	if up := ansi.Strip(a.View().Content); up == bottom || !strings.Contains(up, "DynamoDB commands") {
		t.Fatalf("pgup should show the start of the help:\n%s", up)
	}
	for range 6 {
		drive(a, tea.KeyPressMsg{Code: tea.KeyPgDown})
	}
	if again := ansi.Strip(a.View().Content); again != bottom {
		t.Fatalf("pgdn should come back to the newest output:\n%s", again)
	}
	ddbTypeLine(a, "clear")
	if len(con.out) != 0 {
		t.Fatalf("clear left %d lines", len(con.out))
	}
}

// TestDDBConsumedCapacityIsHighlighted: every item command asks for the
// consumed capacity (INDEXES when the table has an index) and the console
// marks those lines.
func TestDDBConsumedCapacityIsHighlighted(t *testing.T) {
	s := newDDBSession()
	s.run(content.EN, `create-table --table-name Idx --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=g,AttributeType=S `+
		`--key-schema AttributeName=pk,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5 `+
		`--global-secondary-indexes '[{"IndexName":"ByG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}]'`)
	s.run(content.EN, ddbCreate5WCU)
	cases := []struct {
		line    string
		want    []string
		notWant string
	}{
		{`put-item --table-name Idx --item '{"pk":{"S":"a"},"g":{"S":"x"}}'`, []string{`"ConsumedCapacity": {`, `"CapacityUnits": 2`, `"ByG": {`}, ""},
		{`put-item --table-name Demo --item '{"pk":{"S":"a"}}'`, []string{`"ConsumedCapacity": {`, `"CapacityUnits": 1`}, `"Table": {`},
		{`get-item --table-name Demo --key '{"pk":{"S":"a"}}' --consistent-read`, []string{`"ReadCapacityUnits": 1`}, ""},
	}
	for _, tc := range cases {
		r := s.run(content.EN, tc.line)
		var capLines strings.Builder
		for _, l := range r.lines {
			if l.kind == ddbCapacity {
				capLines.WriteString(l.text + "\n")
			}
		}
		got := capLines.String()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: highlighted lines lack %q:\n%s", tc.line, w, got)
			}
		}
		if tc.notWant != "" && strings.Contains(got, tc.notWant) {
			t.Errorf("%s: a table without indexes should get TOTAL only:\n%s", tc.line, got)
		}
	}
}

// TestDDBNotesWrapBetweenWords: a console note wider than the window
// breaks between words (no ":" alone on a line) and keeps its indent; the
// intro fits 80 columns; in a guide the empty input says enter runs the
// next step.
func TestDDBNotesWrapBetweenWords(t *testing.T) {
	got := ddbWrapInfo("  Guided scenarios (guide N starts one; enter on an empty line runs the next step):", 40)
	for _, l := range got {
		if text.Width(l) > 40 || !strings.HasPrefix(l, "  ") || strings.TrimSpace(l) == ":" {
			t.Errorf("bad wrapped line %q in %q", l, got)
		}
	}
	if l := "  guide [N]          list or start"; ddbWrapInfo(l, 80)[0] != l {
		t.Errorf("a note that fits changed: %q", ddbWrapInfo(l, 80))
	}
	for _, lang := range content.Langs {
		if w := text.Width(text.T(lang, "ddb.intro")); w > 80 {
			t.Errorf("%s: the intro is %d cells, wider than 80", lang, w)
		}
		a, con := openDDB(t, 80, 24, lang)
		ddbTypeLine(a, "guide 1")
		if v := ansi.Strip(a.View().Content); !strings.Contains(v, text.T(lang, "ddb.placeholder.guide")) {
			t.Errorf("%s: a guide's input does not say enter runs the next step:\n%s", lang, v)
		}
		_ = con
	}
}
