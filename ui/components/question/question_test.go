package question

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// panelFor presents the question with id, options in file order.
func panelFor(t *testing.T, id string) *Model {
	t.Helper()
	lib := fixture.QuizLibrary(t)
	c := uitest.Common(lib, nil, content.EN, 80, 20)
	for _, q := range lib.Questions(content.EN) {
		if q.ID == id {
			m := New(c)
			p := quiz.Present(q, 1)
			for i := range p.Order { // file order, so letters are known
				p.Order[i] = i
				p.Options[i] = quiz.PresentedOption{Letter: quiz.Letter(i), Index: i, Text: q.Options[i].Text}
			}
			m.Present(p)
			return m
		}
	}
	t.Fatalf("no question %s", id)
	return nil
}

// send presses keys and returns the event of the last one.
func send(m *Model, keys ...string) Event {
	var ev Event
	for _, k := range keys {
		ev, _ = m.Update(uitest.Press(k))
	}
	return ev
}

func marked(m *Model) []int {
	var out []int
	for pos := range m.Presented().Options {
		if m.Selection().Marked(pos) {
			out = append(out, pos)
		}
	}
	return out
}

func same(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSameKeysForOneAndSeveralAnswers: a letter picks, space picks the
// option under the cursor, enter submits a complete answer; on a question
// with one answer a pick replaces the last, with two it toggles, and a
// partial selection stays ticked when enter asks for more.
func TestSameKeysForOneAndSeveralAnswers(t *testing.T) {
	t.Run("one answer", func(t *testing.T) {
		m := panelFor(t, "q01")
		if ev := send(m, "a"); ev != Changed || !same(marked(m), []int{0}) {
			t.Fatalf("a: %v, marked %v", ev, marked(m))
		}
		if ev := send(m, "c"); ev != Changed || !same(marked(m), []int{2}) || m.Cursor() != 2 {
			t.Fatalf("c should replace a and take the cursor: %v, marked %v, cursor %d", ev, marked(m), m.Cursor())
		}
		send(m, "down")
		if ev := send(m, "space"); ev != Changed || !same(marked(m), []int{3}) {
			t.Fatalf("space on d: %v, marked %v", ev, marked(m))
		}
		if !strings.Contains(ansi.Strip(m.Body(80, true, "")), "▸ d (x)") {
			t.Fatalf("the pick should show as a radio mark under the cursor:\n%s", ansi.Strip(m.Body(80, true, "")))
		}
		if ev := send(m, "enter"); ev != Submitted {
			t.Fatalf("enter on a complete answer: %v, want Submitted", ev)
		}
		if h := m.PickHelp().Help().Key; h != "a–d" {
			t.Fatalf("help names %q, want a–d", h)
		}
	})
	t.Run("two answers", func(t *testing.T) {
		m := panelFor(t, "q02")
		if ev := send(m, "a"); ev != Changed || !same(marked(m), []int{0}) {
			t.Fatalf("a: %v, marked %v", ev, marked(m))
		}
		if ev := send(m, "enter"); ev != Handled {
			t.Fatalf("enter with one of two: %v, want Handled", ev)
		}
		body := ansi.Strip(m.Body(80, true, ""))
		if !strings.Contains(body, "1 of 2 chosen: choose 1 more") || !strings.Contains(body, "a [x]") || !same(marked(m), []int{0}) {
			t.Fatalf("a partial answer should warn and stay ticked:\n%s", body)
		}
		if ev := send(m, "c"); ev != Changed || !same(marked(m), []int{0, 2}) {
			t.Fatalf("c should add to a: %v, marked %v", ev, marked(m))
		}
		if ev := send(m, "space"); ev != Changed || !same(marked(m), []int{0}) {
			t.Fatalf("space on c should untick it: %v, marked %v", ev, marked(m))
		}
		send(m, "up", "up") // c → b → a
		send(m, "down")     // b
		if ev := send(m, "space"); ev != Changed || !same(marked(m), []int{0, 1}) {
			t.Fatalf("space on b: %v, marked %v", ev, marked(m))
		}
		if body := ansi.Strip(m.Body(80, true, "")); strings.Contains(body, "choose 1 more") || !strings.Contains(body, "▸ b [x]") {
			t.Fatalf("a new pick should clear the warning and show a checkbox:\n%s", body)
		}
		if ev := send(m, "enter"); ev != Submitted {
			t.Fatalf("enter with two of two: %v, want Submitted", ev)
		}
		res, rating, _ := m.Grade()
		m.Show(res, rating)
		if !res.Correct || rating == quiz.Again {
			t.Fatalf("a and b are right: %+v, %v", res, rating)
		}
		if body := ansi.Strip(m.Body(80, true, "")); !strings.Contains(body, "✓ a [x]") || !strings.Contains(body, "✓ b [x]") {
			t.Fatalf("the feedback should keep the picks ticked:\n%s", body)
		}
		if h := m.PickHelp().Help().Key; h != "a–e" {
			t.Fatalf("help names %q, want a–e", h)
		}
	})
}

// TestWrongAnswerStaysAgain: after a wrong answer, 1–4 other than 1 warn
// and keep Again; enter moves on.
func TestWrongAnswerStaysAgain(t *testing.T) {
	m := panelFor(t, "q01")
	send(m, "b")
	if ev := send(m, "enter"); ev != Submitted {
		t.Fatalf("enter: %v", ev)
	}
	res, rating, _ := m.Grade()
	m.Show(res, rating)
	if ev := send(m, "3"); ev != Handled || m.Rating() != quiz.Again {
		t.Fatalf("3 on a wrong answer: %v, rating %v", ev, m.Rating())
	}
	if body := ansi.Strip(m.Body(80, true, "")); !strings.Contains(body, "stays Again") || !strings.Contains(body, "✗ Wrong") {
		t.Fatalf("feedback:\n%s", body)
	}
	if ev := send(m, "enter"); ev != Next {
		t.Fatalf("enter after the feedback: %v, want Next", ev)
	}
}

// TestFeedbackShowsThePicks: after grading, the learner's picks stay
// ticked, so a right option that was missed ("✓ d [ ]") differs from one
// that was picked ("✓ b [x]").
func TestFeedbackShowsThePicks(t *testing.T) {
	st := styles.New(true)
	per := []quiz.OptionFeedback{
		{Letter: "a", Text: "one", Chosen: true},
		{Letter: "b", Text: "two", Correct: true, Chosen: true},
		{Letter: "c", Text: "three"},
		{Letter: "d", Text: "four", Correct: true},
	}
	v := ansi.Strip(DrawFeedback(st, per, 60))
	for _, want := range []string{"✗ a [x] one", "✓ b [x] two", "  c [ ] three", "✓ d [ ] four"} {
		if !strings.Contains(v, want) {
			t.Errorf("feedback lacks %q:\n%s", want, v)
		}
	}
	if v := ansi.Strip(DrawFeedback(st, per[:3], 60)); !strings.Contains(v, "✓ b (x) two") {
		t.Errorf("one right option: want a radio mark:\n%s", v)
	}
}

// TestPartialChooseTwoAnswerIsKeptAndGradedWrong: with one of two ticked
// the question says "1 of 2 chosen"; the first enter says what is missing,
// the second submits the partial answer as it is, and it grades wrong with
// its tick kept — in Practice, Study and Review alike, which share this
// panel.
func TestPartialChooseTwoAnswerIsKeptAndGradedWrong(t *testing.T) {
	m := panelFor(t, "q02")
	if body := ansi.Strip(m.Body(80, true, "")); !strings.Contains(body, "0 of 2 chosen") {
		t.Fatalf("the question should count the picks:\n%s", body)
	}
	send(m, "a")
	if body := ansi.Strip(m.Body(80, true, "")); !strings.Contains(body, "1 of 2 chosen") {
		t.Fatalf("one tick should read 1 of 2 chosen:\n%s", body)
	}
	if ev := send(m, "enter"); ev != Handled {
		t.Fatalf("first enter on a partial answer: %v, want Handled", ev)
	}
	if ev := send(m, "enter"); ev != Submitted {
		t.Fatalf("second enter on a partial answer: %v, want Submitted", ev)
	}
	res, rating, _ := m.Grade()
	if res.Correct || rating != quiz.Again || !same(res.Chosen, []int{0}) {
		t.Fatalf("a partial answer grades wrong with its pick kept: %+v, %v", res, rating)
	}
	m.Show(res, rating)
	if body := ansi.Strip(m.Body(80, true, "")); !strings.Contains(body, "✓ a [x]") || !strings.Contains(body, "✓ b [ ]") {
		t.Fatalf("the feedback should show the one pick and the missed one:\n%s", body)
	}
}

// TestInlineMarkdownInQuestionsIsRendered: inline code, emphasis and links
// in a stem, an option and an explanation show styled, without their
// marks, and every line fits its width when measured with text.Width.
func TestInlineMarkdownInQuestionsIsRendered(t *testing.T) {
	st := styles.New(true)
	src := "Set `ReservedConcurrentExecutions` to **100**, not *0*; see [the limits](https://docs.aws.amazon.com/lambda/)."
	got := InlineMarkdown(st, src)
	plain := ansi.Strip(got)
	if want := "Set ReservedConcurrentExecutions to 100, not 0; see the limits."; plain != want {
		t.Fatalf("InlineMarkdown = %q, want %q", plain, want)
	}
	if got == plain {
		t.Fatalf("nothing is styled: %q", got)
	}
	if code := st.Code.Render("ReservedConcurrentExecutions"); !strings.Contains(got, code) {
		t.Errorf("inline code is not styled as code: %q", got)
	}
	m := panelFor(t, "q01")
	p := m.Presented()
	p.Stem = src
	p.Options[0].Text = "Raise `ReservedConcurrentExecutions`."
	m.Present(p)
	for _, w := range []int{30, 80} {
		body := m.Body(w, true, "")
		for _, l := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
			if strings.ContainsAny(ansi.Strip(l), "`*[") {
				t.Errorf("w=%d: a Markdown mark shows: %q", w, ansi.Strip(l))
			}
			if text.Width(l) > w {
				t.Errorf("w=%d: line is %d wide: %q", w, text.Width(l), ansi.Strip(l))
			}
		}
	}
	fb := DrawFeedback(st, []quiz.OptionFeedback{{Letter: "a", Text: "Use `DAX`.", Explanation: "`DAX` caches **reads**."}}, 60)
	if v := ansi.Strip(fb); strings.Contains(v, "`") || strings.Contains(v, "**") {
		t.Errorf("feedback shows Markdown marks:\n%s", v)
	}
}
