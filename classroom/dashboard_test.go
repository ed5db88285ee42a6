package classroom

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/ui/text"
)

// distBar matches a distribution bar with its count.
var distBar = regexp.MustCompile(`[█·]{4,} \d+`)

// dashAt draws the dashboard of r at w×h.
func dashAt(t *testing.T, r *Room, w, h int) string {
	t.Helper()
	d := NewDashboard(DashboardOptions{Room: r, Ctx: context.Background(), Listen: "127.0.0.1:2222"})
	defer d.Close()
	d.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return screen(d)
}

// TestDashboardHidesTheKeyUntilReveal runs the same class twice, once
// with ana answering right and once wrong: while the question is open or
// closed the projected screen must be the same either way (no ✓ on an
// option, no per-option count, no score that moved), and it must show
// the key, the distribution and the explanation once revealed.
func TestDashboardHidesTheKeyUntilReveal(t *testing.T) {
	run := func(chosen int) (open, closed, revealed string) {
		r, clk, _ := testRoom(t, TeacherPaced, 2, time.Minute)
		ana, _, _ := r.Join(bg, "ana", "ka", content.EN)
		_, _, _ = r.Join(bg, "bob", "kb", content.EN)
		if err := r.Do(bg, ActStart); err != nil {
			t.Fatal(err)
		}
		before := dashAt(t, r, 100, 30)
		if strings.Contains(before, "✓") {
			t.Fatalf("before anyone answered, the dashboard marks an option:\n%s", before)
		}
		clk.Advance(3 * time.Second)
		if _, err := r.Answer(bg, ana, 0, []int{chosen}); err != nil {
			t.Fatal(err)
		}
		open = dashAt(t, r, 100, 30)
		_ = r.Do(bg, ActClose)
		closed = dashAt(t, r, 100, 30)
		_ = r.Do(bg, ActReveal)
		revealed = dashAt(t, r, 100, 30)
		return open, closed, revealed
	}
	rightOpen, rightClosed, rightRevealed := run(1)
	wrongOpen, wrongClosed, _ := run(0)
	for _, c := range []struct{ what, right, wrong string }{
		{"open", rightOpen, wrongOpen}, {"closed", rightClosed, wrongClosed},
	} {
		if c.right != c.wrong {
			t.Errorf("while the question is %s the dashboard differs with the answer given:\nright:\n%s\nwrong:\n%s", c.what, c.right, c.wrong)
		}
		if strings.Contains(c.right, "✓") || distBar.MatchString(c.right) {
			t.Errorf("while the question is %s the dashboard shows ✓ or a distribution bar:\n%s", c.what, c.right)
		}
		if !strings.Contains(c.right, "1 of 2 answered") {
			t.Errorf("while the question is %s the dashboard must say how many answered:\n%s", c.what, c.right)
		}
	}
	if !strings.Contains(rightRevealed, "✓") || !strings.Contains(rightRevealed, "yes") {
		t.Errorf("after reveal the dashboard must mark the key and explain it:\n%s", rightRevealed)
	}
}

// TestDashboardQuestionWhole: the stem and every option are shown whole,
// wrapped, at every width from 80 columns up.
func TestDashboardQuestionWhole(t *testing.T) {
	q := testQuiz(1)
	stem := "A company runs an API on Lambda behind API Gateway and sees throttling at peak hours while the " +
		"account concurrency is far from its limit; which setting explains the throttles best?"
	opts := []string{
		"Reserved concurrency on the function is set lower than the peak number of concurrent requests it receives",
		"The API Gateway stage has a per-method throttle that is lower than the account-level steady-state rate",
		"Provisioned concurrency was configured on an alias that the API integration does not invoke at all",
	}
	for _, lang := range []content.Lang{content.EN, content.KO} {
		q.Questions[lang][0].Stem = stem
		for i := range opts {
			q.Questions[lang][0].Options[i].Text = opts[i]
		}
	}
	r, err := NewRoom(bg, Config{Store: testStore(t), Clock: clock.New(clock.Epoch), Quiz: q, Paced: TeacherPaced, Code: "ABCDEF", SessionID: "w"})
	if err != nil {
		t.Fatal(err)
	}
	_ = r.Do(bg, ActStart)
	for _, w := range []int{80, 100, 140} {
		s := dashAt(t, r, w, 30)
		checkFits(t, "dashboard", s, w, 30)
		// Compared without white space: a line may end at a hyphen.
		flat := strings.Join(strings.Fields(s), "")
		for _, want := range append([]string{stem}, opts...) {
			if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) || strings.Contains(s, "…") {
				t.Errorf("at %d columns the dashboard does not show whole: %q\n%s", w, want, s)
			}
		}
	}
}

// TestDashboardAnsweredMark: "answered" in the student list is not ✓.
func TestDashboardAnsweredMark(t *testing.T) {
	r, _, _ := testRoom(t, SelfPaced, 2, 0)
	ana, _, _ := r.Join(bg, "ana", "ka", content.EN)
	_ = r.Do(bg, ActStart)
	if _, err := r.Answer(bg, ana, 0, []int{0}); err != nil {
		t.Fatal(err)
	}
	if s := dashAt(t, r, 100, 30); strings.Contains(s, "✓") {
		t.Errorf("the student list must not use ✓ for answered:\n%s", s)
	}
}

// TestDashboardKeysAndJoinWrapInANarrowWindow: at 40×12 the projected
// screen still fits, and the class's state, how to join and every key the
// teacher has are there whole, wrapped onto more lines, in both languages
// and both pacings.
func TestDashboardKeysAndJoinWrapInANarrowWindow(t *testing.T) {
	for _, paced := range []Paced{TeacherPaced, SelfPaced} {
		r, _, _ := testRoom(t, paced, 2, time.Minute)
		for _, lang := range []content.Lang{content.EN, content.KO} {
			d := NewDashboard(DashboardOptions{Room: r, Ctx: context.Background(), Listen: "127.0.0.1:2222", Lang: lang})
			d.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
			s := screen(d)
			state := d.stateLine(r.TeacherView(0))
			d.Close()
			name := string(paced) + "/" + string(lang)
			checkFits(t, name, s, 40, 12)
			flat := strings.Join(strings.Fields(s), "")
			keys := "dash.help.teacher"
			if paced == SelfPaced {
				keys = "dash.help.self"
			}
			for _, want := range append(strings.Split(text.T(lang, keys), " · "), fmt.Sprintf(text.T(lang, "dash.join"), "2222", "127.0.0.1"), state) {
				if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
					t.Errorf("%s: %q is not on the screen whole:\n%s", name, want, s)
				}
			}
		}
	}
}
