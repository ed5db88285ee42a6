package quiz

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func sampleRecords() []Record {
	return []Record{
		{Name: "Kim Min-ji", Quiz: "week-3", QuestionID: "lambda-timeout", Chosen: "bd", Correct: true,
			AnsweredAt: time.Date(2026, 11, 27, 18, 30, 5, 0, time.UTC), DurationMS: 41250,
			Shown: "ac", OptionIDs: []string{"lambda-timeout/b", "lambda-timeout/d"}},
		{Name: "Kim Min-ji", Quiz: "week-3", QuestionID: "dax-writes", Chosen: "a", Correct: false,
			AnsweredAt: time.Date(2026, 11, 27, 18, 31, 0, 0, time.FixedZone("KST", 9*3600)), DurationMS: 30000},
		{Name: "=cmd, \"x\"", Quiz: "week-3", QuestionID: "dax-writes", Chosen: "", Correct: false, DurationMS: 0},
	}
}

func TestExportCSVFormat(t *testing.T) {
	var b bytes.Buffer
	if err := ExportCSV(&b, sampleRecords()); err != nil {
		t.Fatal(err)
	}
	want := "name,quiz,question_id,chosen,correct,answered_at,duration_ms,shown,option_ids\r\n" +
		"Kim Min-ji,week-3,lambda-timeout,bd,true,2026-11-27T18:30:05Z,41250,ac,lambda-timeout/b lambda-timeout/d\r\n" +
		"Kim Min-ji,week-3,dax-writes,a,false,2026-11-27T09:31:00Z,30000,,\r\n" +
		"\"'=cmd, \"\"x\"\"\",week-3,dax-writes,,false,,0,,\r\n" +
		"Kim Min-ji,week-3,#score,,1/2 (50.0%),2026-11-27T18:30:05Z,71250,,\r\n" +
		"\"'=cmd, \"\"x\"\"\",week-3,#score,,0/1 (0.0%),,0,,\r\n"
	if got := b.String(); got != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}
	// It reads back as RFC 4180 with nine fields a row.
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil || len(rows) != 6 || !reflect.DeepEqual(rows[0], CSVHeader) {
		t.Errorf("read back: %v rows, err %v", len(rows), err)
	}
}

func TestExportJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := ExportJSON(&b, sampleRecords()[:2]); err != nil {
		t.Fatal(err)
	}
	var doc map[string][]map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	rec := doc["records"][0]
	if rec["question_id"] != "lambda-timeout" || rec["chosen"] != "bd" || rec["correct"] != true ||
		rec["answered_at"] != "2026-11-27T18:30:05Z" || rec["duration_ms"] != 41250.0 || rec["name"] != "Kim Min-ji" || rec["quiz"] != "week-3" {
		t.Errorf("record JSON %v", rec)
	}
	sum := doc["summary"]
	if len(sum) != 1 || sum[0]["correct"] != 1.0 || sum[0]["total"] != 2.0 || sum[0]["percent"] != 50.0 || sum[0]["duration_ms"] != 71250.0 {
		t.Errorf("summary JSON %v", sum)
	}
	b.Reset()
	_ = ExportJSON(&b, nil)
	if got := strings.Join(strings.Fields(b.String()), ""); got != `{"records":[],"summary":[]}` {
		t.Errorf("empty export %s", got)
	}
}

func TestNewRecordUsesFileLetters(t *testing.T) {
	q := mkQ("q", "cost", 5, 1, 3)
	p := Present(q, 12)
	res := Grade(p, []int{3, 1})
	r := NewRecord("Lee", "quiz-1", res, t0, 1500*time.Millisecond)
	if r.Chosen != "bd" || !r.Correct || r.DurationMS != 1500 || r.QuestionID != "q" {
		t.Errorf("record %+v", r)
	}
	if want := p.ShownLetters([]int{1, 3}); r.Shown != want || len(r.Shown) != 2 {
		t.Errorf("shown %q, want the screen letters %q", r.Shown, want)
	}
	if !reflect.DeepEqual(r.OptionIDs, []string{"q/b", "q/d"}) {
		t.Errorf("option ids %q", r.OptionIDs)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestExportReportsWriteErrors(t *testing.T) {
	if err := ExportCSV(failWriter{}, sampleRecords()); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("CSV to a failing writer: %v", err)
	}
	if err := ExportJSON(failWriter{}, sampleRecords()); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("JSON to a failing writer: %v", err)
	}
}

// TestJSONShapes pins the keys the CLI's --json output exposes.
func TestJSONShapes(t *testing.T) {
	e, _ := NewExam(evenPool(3), ExamConfig{Questions: 4, Duration: 8 * time.Minute, Seed: 2}, t0)
	_ = e.Answer(0, correctAnswer(e, 0), t0)
	it, _ := e.Item(0)
	r := e.Submit(t0.Add(90 * time.Second))
	tests := []struct {
		name string
		v    any
		keys []string
		not  []string
	}{
		{"presented", it.Presented, []string{`"question_id"`, `"stem"`, `"choose":1`, `"options":[{"letter":"a"`, `"order"`}, []string{`"correct"`, `"explanation"`}},
		{"results", r, []string{`"total":4`, `"correct":1`, `"percent":25`, `"domains"`, `"time_used_ms":90000`, `"duration_ms":480000`, `"likely_pass":false`, `"pass_note"`, `"items"`, `"per_option"`}, []string{`"TimeUsed"`}},
	}
	for _, tt := range tests {
		raw, err := json.Marshal(tt.v)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range tt.keys {
			if !strings.Contains(string(raw), k) {
				t.Errorf("%s JSON lacks %s: %s", tt.name, k, raw)
			}
		}
		for _, k := range tt.not {
			if strings.Contains(string(raw), k) {
				t.Errorf("%s JSON must not contain %s (answers before grading)", tt.name, k)
			}
		}
	}
}
