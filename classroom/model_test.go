package classroom

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
)

// drive runs msg through m and every command it returns, synchronously,
// skipping the ones that wait (room changes, ticks, terminal queries).
func drive(m tea.Model, msg tea.Msg) tea.Model {
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0 && n < 100; n++ {
		msg, queue = queue[0], queue[1:]
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		queue = append(queue, run(cmd)...)
	}
	return m
}

func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if b, ok := msg.(tea.BatchMsg); ok {
			var out []tea.Msg
			for _, c := range b {
				out = append(out, run(c)...)
			}
			return out
		}
		switch msg.(type) {
		case nil, roomChangedMsg, tickMsg, unblockMsg:
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(driveWait):
		return nil // a command that waits for the room or a timer
	}
}

// driveWait is how long drive lets a command run before taking it for one
// that waits on the room or a timer.
var driveWait = 50 * time.Millisecond

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func typeText(m tea.Model, s string) tea.Model {
	for _, r := range s {
		m = drive(m, press(string(r)))
	}
	return m
}

func screen(m tea.Model) string { return ansi.Strip(m.(interface{ View() tea.View }).View().Content) }

func checkFits(t *testing.T, what, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines, window has %d", what, len(lines), h)
	}
	for _, l := range lines {
		if lipgloss.Width(l) > w {
			t.Errorf("%s: line %q is %d cells wide, window has %d", what, l, lipgloss.Width(l), w)
		}
	}
}

func TestStudentAndDashboardScreens(t *testing.T) {
	r, clk, _ := testRoom(t, TeacherPaced, 2, 30*time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var m tea.Model = NewStudent(StudentOptions{Room: r, Ctx: ctx, User: "ana", KeyFP: "k", Lang: content.EN})
	d := NewDashboard(DashboardOptions{Room: r, Ctx: ctx, Listen: "127.0.0.1:2222"})
	defer d.Close()
	m = typeText(m, "abcdef")
	m = drive(m, press("enter"))
	if s := screen(m); !strings.Contains(s, "Waiting for the teacher to start") {
		t.Fatalf("lobby screen:\n%s", s)
	}
	if s := screen(d); !strings.Contains(s, "ABCDEF") && !strings.Contains(s, "A   B   C") {
		t.Fatalf("the dashboard must show the join code:\n%s", s)
	}
	drive(d, press("s"))
	clk.Advance(3 * time.Second)
	right := string(rune('a' + r.posOf(0, 1)))
	foot := func(s string) string { return s[strings.LastIndex(s, "\n")+1:] }
	if s := screen(m); !strings.Contains(foot(s), "enter answer") {
		t.Fatalf("an open question's foot should name the answering keys:\n%s", s)
	}
	m = drive(m, press(right))
	m = drive(m, press("enter"))
	if s := screen(m); !strings.Contains(s, "Waiting for the teacher…") {
		t.Fatalf("after answering:\n%s", s)
	}
	// Answered: nothing to pick or answer until the teacher moves on, and
	// "Answer saved" once, above the foot.
	if s := screen(m); foot(s) != "L language · q leave" || strings.Count(s, "Answer saved") != 1 {
		t.Fatalf("after answering, the foot should offer only L and q:\n%s", s)
	}
	if s := screen(d); !strings.Contains(s, "1 of 1 answered") {
		t.Fatalf("dashboard after the answer:\n%s", s)
	}
	drive(d, press("r"))
	s := screen(m)
	if !strings.Contains(s, "Right! +145 points") || !strings.Contains(s, "yes") {
		t.Fatalf("reveal screen must show the points and the explanation:\n%s", s)
	}
	m = drive(m, press("L"))
	if s := screen(m); !strings.Contains(s, "정답! +145점") || !strings.Contains(s, "[ko] Question 1?") {
		t.Fatalf("L must switch the student to Korean:\n%s", s)
	}
	if s := screen(drive(m, tea.WindowSizeMsg{Width: 1 << 30, Height: 1 << 30})); strings.Count(s, "\n") >= MaxWindow {
		t.Fatalf("a huge reported window drew %d lines", strings.Count(s, "\n"))
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}, {100, 30}} {
		ws := tea.WindowSizeMsg{Width: size[0], Height: size[1]}
		checkFits(t, "student", screen(drive(m, ws)), size[0], size[1])
		checkFits(t, "dashboard", screen(drive(d, ws)), size[0], size[1])
	}
}

func TestExportFormat(t *testing.T) {
	r, clk, st := testRoom(t, TeacherPaced, 2, time.Minute)
	ana, _, _ := r.Join(bg, "=ana", "k", content.EN) // a formula-looking name
	_ = r.Do(bg, ActStart)
	clk.Advance(1500 * time.Millisecond)
	if _, err := r.Answer(bg, ana, 0, []int{1}); err != nil {
		t.Fatal(err)
	}
	sess, _ := st.ClassSession(bg, "latest")
	as, _ := st.ClassAnswers(bg, sess.ID)
	var buf bytes.Buffer
	ps, _ := st.ClassParticipants(bg, sess.ID)
	if err := quiz.ExportCSV(&buf, Records(sess, ps, as)); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	shown := quiz.Letter(r.posOf(0, 1))
	want := [][]string{
		{"name", "quiz", "question_id", "chosen", "correct", "answered_at", "duration_ms", "shown", "option_ids"},
		{"'=ana", "test-quiz", "q01", "b", "true", "2025-01-01T00:00:01Z", "1500", shown, "q01/b"},
		{"'=ana", "test-quiz", "#score", "", "1/1 (100.0%)", "2025-01-01T00:00:01Z", "1500", "", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("csv = %q", rows)
	}
	for i := range want {
		if strings.Join(rows[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

// FuzzStudentKeys types arbitrary input at a student's program: nothing a
// client sends may panic the server or draw past the window.
func FuzzStudentKeys(f *testing.F) {
	for _, s := range []string{"abcdef\ra\r", "ABCDEF\rL\x1b[A\r\r", "\x00\xff\r\r\r\r\r\r", "abcdef\rb c\r\r"} {
		f.Add(s)
	}
	r, _, _ := testRoom(f, SelfPaced, 3, 0)
	_ = r.Do(bg, ActStart)
	driveWait = 3 * time.Millisecond
	f.Fuzz(func(t *testing.T, in string) {
		var m tea.Model = NewStudent(StudentOptions{Room: r, User: in, KeyFP: in, WrongCodeDelay: time.Millisecond})
		m = drive(m, tea.WindowSizeMsg{Width: 40, Height: 12})
		for _, c := range in {
			k := press(string(c))
			switch c {
			case '\r':
				k = press("enter")
			case 0x7f:
				k = tea.KeyPressMsg{Code: tea.KeyBackspace}
			}
			m = drive(m, k)
		}
		checkFits(t, "student", screen(m), 40, 12)
		m.(*Student).Close()
	})
}
