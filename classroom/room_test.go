package classroom

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/store"
)

var bg = context.Background()

func code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var qe *quiz.Error
	if errors.As(err, &qe) {
		return qe.Code
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestTeacherPacedRevealOrdering(t *testing.T) {
	r, clk, _ := testRoom(t, TeacherPaced, 2, 60*time.Second)
	ana, _, _ := r.Join(bg, "ana", "fp-ana", content.EN)
	bob, _, _ := r.Join(bg, "bob", "fp-bob", content.EN)
	if err := r.Do(bg, ActReveal); code(err) != "InvalidStateException" {
		t.Fatalf("reveal in the lobby: %v, want InvalidStateException", err)
	}
	if err := r.Do(bg, ActStart); err != nil {
		t.Fatal(err)
	}
	clk.Advance(12 * time.Second)
	a, err := r.Answer(bg, ana, 0, []int{1})
	if err != nil || !a.Correct || a.Points != 140 || a.DurationMS != 12000 {
		t.Fatalf("ana's answer = %+v, %v; want correct, 140 points (100 + 50·48/60), 12 s", a, err)
	}
	if _, err := r.Answer(bg, bob, 0, []int{2}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		act       Action
		phase     Phase
		studentOK bool // students see the distribution
	}{
		{"", Open, false},
		{ActClose, Closed, false},
		{ActReveal, Revealed, true},
		{ActNext, Board, true},
	}
	for _, s := range steps {
		if s.act != "" {
			if err := r.Do(bg, s.act); err != nil {
				t.Fatalf("%s: %v", s.act, err)
			}
		}
		v := r.StudentView(ana)
		if v.Phase != s.phase {
			t.Fatalf("after %q phase = %s, want %s", s.act, v.Phase, s.phase)
		}
		if got := v.Distribution != nil; got != s.studentOK {
			t.Fatalf("phase %s: student sees distribution = %v, want %v", s.phase, got, s.studentOK)
		}
		if s.studentOK {
			want := make([]int, 3)
			want[r.posOf(0, 1)], want[r.posOf(0, 2)] = 1, 1
			for i := range want {
				if v.Distribution[i] != want[i] {
					t.Fatalf("distribution = %v, want %v", v.Distribution, want)
				}
			}
		}
		if tv := r.TeacherView(0); tv.Answers != 2 {
			t.Fatalf("teacher sees %d answers, want 2 (always)", tv.Answers)
		}
	}
	if v := r.StudentView(bob); len(v.Board) != 2 || v.Board[0].Name != "ana" || v.Board[0].Score != 140 || v.Rank != 2 {
		t.Fatalf("leaderboard = %+v rank %d; want ana first with 140, bob second", v.Board, v.Rank)
	}
	if _, err := r.Answer(bg, bob, 0, []int{1}); code(err) != "ConflictException" {
		t.Fatalf("second answer: %v, want ConflictException", err)
	}
	if err := r.Do(bg, ActNext); err != nil {
		t.Fatal(err)
	}
	if v := r.StudentView(ana); v.Phase != Open || v.Index != 1 || v.Distribution != nil || v.Answer != nil {
		t.Fatalf("question 2 = %+v; want open, index 1, no distribution, no answer", v)
	}
	if _, err := r.Answer(bg, ana, 0, []int{1}); code(err) != "ConflictException" {
		t.Fatalf("answer to a past question: %v, want refusal", err)
	}
	for _, act := range []Action{ActNext, ActNext, ActNext, ActNext} {
		if err := r.Do(bg, act); err != nil {
			t.Fatal(err)
		}
	}
	if v := r.StudentView(ana); v.Phase != Ended || !v.Done {
		t.Fatalf("after the last leaderboard phase = %s, want ended", v.Phase)
	}
}

func TestPoints(t *testing.T) {
	for _, c := range []struct {
		correct     bool
		took, limit time.Duration
		want        int
	}{
		{false, 0, time.Minute, 0},
		{true, 0, time.Minute, 150},
		{true, 30 * time.Second, time.Minute, 125},
		{true, time.Minute, time.Minute, 100},
		{true, 2 * time.Minute, time.Minute, 100},
		{true, -time.Second, time.Minute, 150},
		{true, 30 * time.Second, 0, 125}, // no timer: DefaultLimit of 60 s
	} {
		if got := Points(c.correct, c.took, c.limit); got != c.want {
			t.Errorf("Points(%v, %v, %v) = %d, want %d", c.correct, c.took, c.limit, got, c.want)
		}
	}
}

func TestTimerAndPause(t *testing.T) {
	r, clk, _ := testRoom(t, TeacherPaced, 2, 30*time.Second)
	ana, _, _ := r.Join(bg, "ana", "k", content.EN)
	_ = r.Do(bg, ActStart)
	clk.Advance(10 * time.Second)
	_ = r.Do(bg, ActPause)
	if _, err := r.Answer(bg, ana, 0, []int{1}); code(err) != "InvalidStateException" {
		t.Fatalf("answer while paused: %v", err)
	}
	clk.Advance(time.Hour)
	if err := r.Tick(bg); err != nil || r.StudentView(ana).Phase != Open {
		t.Fatal("the timer must stand still while paused")
	}
	_ = r.Do(bg, ActPause)
	if v := r.StudentView(ana); v.Remaining != 20*time.Second {
		t.Fatalf("remaining after the pause = %v, want 20s", v.Remaining)
	}
	clk.Advance(20 * time.Second)
	if err := r.Tick(bg); err != nil {
		t.Fatal(err)
	}
	if v := r.StudentView(ana); v.Phase != Closed {
		t.Fatalf("after the timer phase = %s, want closed", v.Phase)
	}
}

func TestSelfPaced(t *testing.T) {
	r, clk, _ := testRoom(t, SelfPaced, 3, 10*time.Second)
	ana, _, _ := r.Join(bg, "ana", "k", content.EN)
	if _, err := r.Answer(bg, ana, 0, []int{1}); code(err) != "InvalidStateException" {
		t.Fatalf("answer in the lobby: %v", err)
	}
	_ = r.Do(bg, ActStart)
	if err := r.Do(bg, ActNext); code(err) != "InvalidStateException" {
		t.Fatalf("next on a self-paced quiz: %v", err)
	}
	if _, err := r.Answer(bg, ana, 1, []int{1}); code(err) != "InvalidStateException" {
		t.Fatalf("answering ahead: %v", err)
	}
	if _, err := r.Answer(bg, ana, 0, []int{0, 1}); code(err) != "ValidationException" {
		t.Fatalf("two options on a single-answer question: %v", err)
	}
	clk.Advance(5 * time.Second)
	if a, err := r.Answer(bg, ana, 0, []int{1}); err != nil || a.Points != 125 { // 100 + 50·(10−5)/10: the bonus runs on the per-question timer
		t.Fatalf("answer = %+v, %v", a, err)
	}
	if v := r.StudentView(ana); v.Index != 1 || v.Remaining != 25*time.Second {
		t.Fatalf("view = index %d remaining %v; want 1 and 25s (3 × 10 s − 5 s)", v.Index, v.Remaining)
	}
	clk.Advance(26 * time.Second)
	if _, err := r.Answer(bg, ana, 1, []int{1}); code(err) != "TimeUpException" {
		t.Fatalf("late answer: %v", err)
	}
	if v := r.StudentView(ana); !v.Done || v.Index != -1 {
		t.Fatalf("after time is up: %+v", v)
	}
}

func TestJoinNames(t *testing.T) {
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	for _, c := range []struct {
		user, fp, want string
		resumed        bool
		leave          bool
	}{
		{"ana", "k1", "ana", false, false},
		{"ana", "k2", "ana-2", false, false}, // another person
		{"ana", "k1", "ana", true, true},     // same key reconnecting
		{"ana", "k1", "ana", true, false},
		{"\x1b[2Jana", "k3", "ana-3", false, false},
		{"kim", "", "kim", false, false},
		{"kim", "", "kim-2", false, true}, // keyless while kim is connected
		{"kim", "", "kim-2", true, false}, // keyless: kim is busy, kim-2 left, so it resumes
	} {
		got, resumed, err := r.Join(bg, c.user, c.fp, content.EN)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want || resumed != c.resumed {
			t.Fatalf("Join(%q, %q) = %q resumed %v; want %q resumed %v", c.user, c.fp, got, resumed, c.want, c.resumed)
		}
		if c.leave {
			r.Leave(got)
		}
	}
}

func TestResumeRoom(t *testing.T) {
	r, clk, st := testRoom(t, TeacherPaced, 3, time.Minute)
	ana, _, _ := r.Join(bg, "ana", "k", content.EN)
	_ = r.Do(bg, ActStart)
	clk.Advance(time.Second)
	_, _ = r.Answer(bg, ana, 0, []int{1})
	_ = r.Do(bg, ActReveal)
	before := r.TeacherView(0)
	r2, err := ResumeRoom(bg, st, clk, testQuiz(3), r.ID())
	if err != nil {
		t.Fatal(err)
	}
	after := r2.TeacherView(0)
	if after.Phase != Revealed || after.Session.Current != 0 || after.Session.JoinCode != "ABCDEF" ||
		len(after.Students) != 1 || after.Students[0].Score != before.Students[0].Score || after.Answers != 1 {
		t.Fatalf("resumed view = %+v\nwant like %+v", after, before)
	}
	if after.Students[0].Connected {
		t.Fatal("nobody is connected to a freshly resumed room")
	}
	if _, err := ResumeRoom(bg, st, clk, testQuiz(2), r.ID()); code(err) != "ValidationException" {
		t.Fatalf("resume with another quiz: %v", err)
	}
}

func TestSanitizeName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"bob", "bob"},
		{"\x1b[2Jbob", "bob"},
		{"\x1b]0;pwned\x07eve", "eve"},
		{"\x1b]0;pwned\x1b\\eve", "eve"},
		{"\x1b[31;1mred\x1b[0m", "red"},
		{"\u009b2Jx", "x"},
		{"\u009d0;t\u009cy", "y"},
		{"a\tb\r\nc\x00\x07", "a b c"},
		{"\u202eevil", "evil"},
		{"  many   spaces  ", "many spaces"},
		{strings.Repeat("x", 40), strings.Repeat("x", 20)},
		{"김철수김철수김철수김철수", "김철수김철수김철수김"},
		{"\x1b[2J", "student"},
		{"", "student"},
		{"\xff\xfe", "student"},
	} {
		if got := SanitizeName(c.in); got != c.want {
			t.Errorf("SanitizeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzSanitizeName(f *testing.F) {
	for _, s := range []string{"bob", "\x1b[2J", "\x1b]0;x\x07", "\u009b", "김"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SanitizeName(s)
		if strings.ContainsAny(got, "\x1b\x07\r\n\x00\u009b\u009d") {
			t.Fatalf("SanitizeName(%q) = %q keeps a control character", s, got)
		}
		if w := len([]rune(got)); w == 0 || textWidthOK(got) == false {
			t.Fatalf("SanitizeName(%q) = %q", s, got)
		}
	})
}

func TestCodeMatches(t *testing.T) {
	for _, c := range []struct {
		typed string
		want  bool
	}{
		{"ABCDEF", true}, {" abcdef ", true}, {"ABCDE", false}, {"ABCDEFG", false}, {"", false}, {"XBCDEF", false},
	} {
		if got := CodeMatches(c.typed, "ABCDEF"); got != c.want {
			t.Errorf("CodeMatches(%q) = %v, want %v", c.typed, got, c.want)
		}
	}
}

// TestJoinDoesNotHoldTheRoom: while a new student's join waits for the
// progress file (another writer holds it), the students already in keep
// their screens: the room answers them, and the join completes once the
// file is free.
func TestJoinDoesNotHoldTheRoom(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := NewRoom(bg, Config{Store: st, Clock: clock.New(clock.Epoch), Quiz: testQuiz(2), Paced: SelfPaced, Code: "ABCDEF", SessionID: "s1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Join(bg, "ana", "", content.EN); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(bg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(bg, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	joined := make(chan error, 1)
	go func() {
		_, _, err := r.Join(bg, "bob", "", content.EN)
		joined <- err
	}()
	time.Sleep(50 * time.Millisecond) // bob's join is now waiting for the file
	viewed := make(chan StudentView, 1)
	go func() { viewed <- r.StudentView("ana") }()
	select {
	case v := <-viewed:
		if v.Name != "ana" {
			t.Fatalf("view %+v", v)
		}
	case err := <-joined:
		t.Fatalf("the join ended (%v) before ana's screen could be drawn: the room was held while the join was stored", err)
	case <-time.After(5 * time.Second):
		t.Fatal("ana's screen could not be drawn while bob's join waited for the progress file")
	}
	if _, err := conn.ExecContext(bg, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	if err := <-joined; err != nil {
		t.Fatalf("bob's join, once the file was free: %v", err)
	}
	if got := names(r); len(got) != 2 {
		t.Fatalf("students %v, want ana and bob", got)
	}
}
