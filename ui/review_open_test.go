package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/reader"
	"github.com/saa-study/saa-study/ui/pages/review"
)

// TestReviewOpensTheSectionToRead: after a wrong answer, "Read: … (lambda#model)"
// names its key; o opens the note at that section, and back returns to the
// same graded question, which is then rated as usual.
func TestReviewOpensTheSectionToRead(t *testing.T) {
	st := testProgress(t)
	a := reviewApp(t, st, content.EN, fixedClock)
	drive(a, press("b")) // bury the first card so the question comes up
	v := a.text()
	wrong := ""
	for _, l := range strings.Split(v, "\n") {
		if i := strings.Index(l, ") A wrong one"); i > 0 && wrong == "" {
			wrong = l[i-1 : i]
		}
	}
	drive(a, press(wrong))
	drive(a, press("enter"))
	if v := a.text(); !strings.Contains(v, "o opens it") {
		t.Fatalf("the section to read should name the key that opens it:\n%s", v)
	}
	_, cmd := a.top().Update(press("o"))
	var target string
	for _, m := range run(cmd) {
		if o, ok := m.(common.OpenMsg); ok {
			target = o.Target
		}
	}
	if target != "note:lambda#model" {
		t.Fatalf("o opened %q, want note:lambda#model", target)
	}
	drive(a, common.OpenMsg{Target: target})
	if rd, ok := a.top().(*reader.Reader); !ok || rd.Note().ID != "lambda" {
		t.Fatalf("o opened %T, want the note reader on lambda", a.top())
	}
	drive(a, press("esc"))
	if _, ok := a.top().(*review.Review); !ok {
		t.Fatalf("back from the note gave %T, want the review", a.top())
	}
	if v := a.text(); !strings.Contains(v, "✗ Wrong") || !strings.Contains(v, "Which option is right?") {
		t.Fatalf("back from the note should show the same graded question:\n%s", v)
	}
	drive(a, press("2"))
	logs, _ := st.ReviewsSince(context.Background(), time.Time{})
	if len(logs) != 1 || logs[0].Kind != progress.KindQuestion || logs[0].Rating != srs.Hard {
		t.Fatalf("logs = %+v, want one Hard on the question", logs)
	}
}
