package classroom

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
)

// csvRows exports the room's session the way classroom results does and
// returns the rows by name and question id.
func csvRows(t *testing.T, r *Room) map[string]map[string]string {
	t.Helper()
	st := r.st
	sess, err := st.ClassSession(bg, r.ID())
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := st.ClassParticipants(bg, sess.ID)
	as, _ := st.ClassAnswers(bg, sess.ID)
	var buf bytes.Buffer
	if err := quiz.ExportCSV(&buf, Records(sess, ps, as)); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"shown", "option_ids"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("the CSV has no %q column: %q", h, rows[0])
		}
	}
	out := map[string]map[string]string{}
	for _, row := range rows[1:] {
		key := row[col["name"]] + "/" + row[col["question_id"]]
		out[key] = map[string]string{}
		for h, i := range col {
			out[key][h] = row[i]
		}
	}
	return out
}

// TestExportMatchesTheScreen: the CSV records the letter each student saw
// and pressed, with a stable option id, and a question a student skipped
// counts as wrong in their score.
func TestExportMatchesTheScreen(t *testing.T) {
	r, clk, _ := testRoom(t, TeacherPaced, 3, time.Minute)
	ana, _, _ := r.Join(bg, "ana", "ka", content.EN)
	bob, _, _ := r.Join(bg, "bob", "kb", content.EN)
	_ = r.Do(bg, ActStart)
	pressed := map[string]string{}
	for q := range 3 {
		clk.Advance(2 * time.Second)
		// ana picks the option written first (wrong), bob the right one,
		// except that bob skips question 2.
		posA := r.posOf(q, 0)
		if _, err := r.Answer(bg, ana, q, []int{0}); err != nil {
			t.Fatal(err)
		}
		pressed[fmt.Sprintf("ana/q%02d", q+1)] = quiz.Letter(posA)
		if q != 1 {
			if _, err := r.Answer(bg, bob, q, []int{1}); err != nil {
				t.Fatal(err)
			}
			pressed[fmt.Sprintf("bob/q%02d", q+1)] = quiz.Letter(r.posOf(q, 1))
		}
		for range 4 {
			_ = r.Do(bg, ActNext)
		}
	}
	rows := csvRows(t, r)
	for key, letter := range pressed {
		row := rows[key]
		if row == nil {
			t.Fatalf("no row for %s", key)
		}
		if row["shown"] != letter {
			t.Errorf("%s: shown %q, but the student pressed %q", key, row["shown"], letter)
		}
		qid := key[len(key)-3:]
		want := qid + "/a"
		if key[:3] == "bob" {
			want = qid + "/b"
		}
		if row["option_ids"] != want {
			t.Errorf("%s: option_ids %q, want %q", key, row["option_ids"], want)
		}
	}
	skipped := rows["bob/q02"]
	if skipped == nil || skipped["chosen"] != "" || skipped["correct"] != "false" || skipped["shown"] != "" {
		t.Errorf("bob's skipped question must be a blank, wrong row: %v", skipped)
	}
	if got := rows["bob/#score"]["correct"]; got != "2/3 (66.7%)" {
		t.Errorf("bob's score = %q, want 2/3 (66.7%%): a skipped question counts as wrong", got)
	}
	if got := rows["ana/#score"]["correct"]; got != "0/3 (0.0%)" {
		t.Errorf("ana's score = %q, want 0/3", got)
	}
}
