package quiz

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Record is one learner's answer to one question of a quiz, as a teacher
// exports it. Chosen names the options by their letters in the quiz file
// (a = first option written), whatever order the learner saw, e.g. "bd";
// Shown names the same options by the letters on the learner's screen,
// the keys they pressed; OptionIDs names them for good (see OptionID). A
// question left unanswered has all three empty.
type Record struct {
	Name       string    `json:"name"`
	Quiz       string    `json:"quiz"`
	QuestionID string    `json:"question_id"`
	Chosen     string    `json:"chosen"`
	Correct    bool      `json:"correct"`
	AnsweredAt time.Time `json:"answered_at"`
	DurationMS int64     `json:"duration_ms"`
	Shown      string    `json:"shown"`
	OptionIDs  []string  `json:"option_ids"`
}

// OptionID is the stable name of option orig (its index in the file) of
// question qid: "lambda-timeout/b". Unlike a screen letter it does not
// depend on the order the options were shown in.
func OptionID(qid string, orig int) string { return qid + "/" + Letter(orig) }

// OptionIDs names each of the original indexes with OptionID.
func OptionIDs(qid string, indexes []int) []string {
	out := make([]string, 0, len(indexes))
	for _, i := range indexes {
		out = append(out, OptionID(qid, i))
	}
	return out
}

// ShownLetters names original indexes by the letters p showed them under,
// in screen order: what the learner pressed.
func (p Presented) ShownLetters(indexes []int) string {
	var pos []int
	for _, i := range indexes {
		if k := p.Position(i); k >= 0 {
			pos = append(pos, k)
		}
	}
	slices.Sort(pos)
	return Letters(pos)
}

// Summary is one learner's score on one quiz.
type Summary struct {
	Name       string  `json:"name"`
	Quiz       string  `json:"quiz"`
	Correct    int     `json:"correct"`
	Total      int     `json:"total"`
	Percent    float64 `json:"percent"`
	DurationMS int64   `json:"duration_ms"`
}

// Summarize scores records per (name, quiz), in the order each pair first
// appears.
func Summarize(records []Record) []Summary {
	var out []Summary
	idx := map[[2]string]int{}
	for _, r := range records {
		k := [2]string{r.Name, r.Quiz}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Summary{Name: r.Name, Quiz: r.Quiz})
		}
		out[i].Total++
		out[i].DurationMS += r.DurationMS
		if r.Correct {
			out[i].Correct++
		}
	}
	for i := range out {
		out[i].Percent = percent(out[i].Correct, out[i].Total)
	}
	return out
}

// CSVHeader is the first line ExportCSV writes.
var CSVHeader = []string{"name", "quiz", "question_id", "chosen", "correct", "answered_at", "duration_ms", "shown", "option_ids"}

// SummaryID marks summary rows in the question_id column of the CSV.
const SummaryID = "#score"

// ExportCSV writes records as RFC 4180 CSV (comma separated, CRLF line
// ends, quotes where needed) with the header
//
//	name,quiz,question_id,chosen,correct,answered_at,duration_ms,shown,option_ids
//
// chosen: original option letters ("bd", empty when unanswered); correct:
// "true"/"false"; answered_at: RFC 3339 in UTC (empty when unknown);
// duration_ms: milliseconds spent on the question; shown: the letters as
// the learner saw them; option_ids: stable option ids separated by
// spaces ("q1/b q1/d"). After the answers comes one summary row per
// learner and quiz with question_id "#score", chosen empty, correct
// "7/10 (70.0%)" (an unanswered question counts as wrong), answered_at the
// last answer's time and duration_ms the total. Free text that a spreadsheet would run as a
// formula (starting with = + - @) is prefixed with a single quote.
func ExportCSV(w io.Writer, records []Record) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write csv header: %w", err)
	}
	last := map[[2]string]time.Time{}
	for _, r := range records {
		k := [2]string{r.Name, r.Quiz}
		if r.AnsweredAt.After(last[k]) {
			last[k] = r.AnsweredAt
		}
		row := []string{safeCell(r.Name), safeCell(r.Quiz), safeCell(r.QuestionID), r.Chosen,
			strconv.FormatBool(r.Correct), timeCell(r.AnsweredAt), strconv.FormatInt(r.DurationMS, 10),
			r.Shown, safeCell(strings.Join(r.OptionIDs, " "))}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv row for %s: %w", r.QuestionID, err)
		}
	}
	for _, s := range Summarize(records) {
		score := fmt.Sprintf("%d/%d (%.1f%%)", s.Correct, s.Total, s.Percent)
		row := []string{safeCell(s.Name), safeCell(s.Quiz), SummaryID, "", score,
			timeCell(last[[2]string{s.Name, s.Quiz}]), strconv.FormatInt(s.DurationMS, 10), "", ""}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv summary: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("flush csv: %w", err)
	}
	return nil
}

// Export is the JSON document ExportJSON writes.
type Export struct {
	Records []Record  `json:"records"`
	Summary []Summary `json:"summary"`
}

// ExportJSON writes {"records": [Record…], "summary": [Summary…]},
// indented, with answered_at in RFC 3339.
func ExportJSON(w io.Writer, records []Record) error {
	doc := Export{Records: records, Summary: Summarize(records)}
	if doc.Records == nil {
		doc.Records = []Record{}
	}
	if doc.Summary == nil {
		doc.Summary = []Summary{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write json export: %w", err)
	}
	return nil
}

func timeCell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// safeCell defuses spreadsheet formula injection in learner-typed text.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// NewRecord turns a graded answer into an export row; Shown comes from
// the order the result was graded in.
func NewRecord(name, quiz string, res Result, at time.Time, took time.Duration) Record {
	var shown []int
	for pos, o := range res.PerOption {
		if o.Chosen {
			shown = append(shown, pos)
		}
	}
	return Record{Name: name, Quiz: quiz, QuestionID: res.QuestionID, Chosen: Letters(res.Chosen),
		Correct: res.Correct, AnsweredAt: at, DurationMS: took.Milliseconds(),
		Shown: Letters(shown), OptionIDs: OptionIDs(res.QuestionID, res.Chosen)}
}
