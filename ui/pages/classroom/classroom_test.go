package classroom

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/layoutcheck"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// below is the screen the classroom opens from (home, in the program).
type below struct{}

func (below) Init() tea.Cmd                             { return nil }
func (b below) Update(tea.Msg) (common.Screen, tea.Cmd) { return b, nil }
func (below) View() string                              { return "home" }
func (below) Title() string                             { return "home" }
func (below) ShortHelp() []key.Binding                  { return nil }
func (below) FullHelp() [][]key.Binding                 { return nil }

func teacher(t *testing.T, w, h int) *common.Common {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // the host key's folder
	lib := fixture.QuizLibrary(t)
	p, err := progress.Open(filepath.Join(t.TempDir(), "p.db"), lib, progress.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := uitest.Common(lib, p, content.EN, w, h)
	// Commands that wait for the room return at once: the harness runs
	// commands in turn, and a class is stopped with q, not by this context.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c.Ctx = ctx
	return c
}

func fits(t *testing.T, what, view string, w, h int) {
	t.Helper()
	for _, p := range layoutcheck.Check(view, w, h) {
		t.Errorf("%s at %d×%d: %s\n%s", what, w, h, p, view)
	}
}

// TestStartAClass: choose self-paced, start; the class listens, the
// dashboard shows the code and the ssh line with the real port; q ends the
// class for everyone, closes the server and goes back.
func TestStartAClass(t *testing.T) {
	c := teacher(t, 100, 30)
	h := uitest.NewHarness(t, below{})
	s := New(c).(*Screen)
	s.listen = "127.0.0.1:0" // any free port
	h.Send(common.PushMsg{Screen: s})
	v := h.View()
	for _, want := range []string{"Start a class", "Topic", "limits", "Pacing", "teacher: everyone", "Time per question", "2:00", "this computer only"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the setup does not show %q:\n%s", want, v)
		}
	}
	fits(t, "setup", v, 100, 30)
	h.Keys("down", "down", "right") // pacing: self
	if v := h.View(); !strings.Contains(v, "self: each student") {
		t.Fatalf("→ on Pacing must switch to self-paced:\n%s", v)
	}
	h.Keys("down", "left") // timer: 1:30
	if o := s.options("limits"); o.Timer != 90*time.Second || o.Paced != "self" || o.N != 10 || o.Listen != s.listen {
		t.Fatalf("the form gives %+v, want self-paced, 1:30 a question, 10 questions", o)
	}
	// Start without a timer: a countdown would tick for ever in the
	// harness, which runs each command to its end.
	h.Keys("left", "left", "left")
	if v := h.View(); !strings.Contains(v, "no timer") {
		t.Fatalf("the timer must go down to none:\n%s", v)
	}
	h.Keys("G", "enter") // start
	if s.class == nil {
		t.Fatalf("the class did not start: %s\n%s", s.note, h.View())
	}
	_, port, _ := net.SplitHostPort(s.class.Addr)
	v = h.View()
	if !strings.Contains(v, "ssh -p "+port+" NAME@127.0.0.1") || !strings.Contains(v, s.class.Room.Code()) {
		t.Fatalf("the dashboard must give the ssh line with port %s and the code %s:\n%s", port, s.class.Room.Code(), v)
	}
	if tv := s.class.Room.TeacherView(0); tv.Session.Paced != "self" || tv.Session.TimerMS != 0 || tv.Total != 10 {
		t.Fatalf("session = %+v, want self-paced, no timer, 10 questions", tv.Session)
	}
	fits(t, "dashboard", v, 100, 30)
	if !s.Capturing() {
		t.Fatal("while a class runs the screen must take q itself")
	}
	conn, err := net.DialTimeout("tcp", s.class.Addr, 5*time.Second)
	if err != nil {
		t.Fatalf("the class does not listen: %v", err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if banner, _ := bufio.NewReader(conn).ReadString('\n'); !strings.HasPrefix(banner, "SSH-2.0-") {
		t.Fatalf("banner %q", banner)
	}
	conn.Close()
	addr := s.class.Addr
	h.Keys("q")
	if len(h.Stack) != 1 || !strings.Contains(h.Status, "Class ended") {
		t.Fatalf("q must end the class and go back (stack %d, status %q)", len(h.Stack), h.Status)
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Fatal("the server still listens after the class ended")
	}
}

// TestSetupWithoutProgressFile: no store, no class, and the screen says why.
func TestSetupWithoutProgressFile(t *testing.T) {
	lib := fixture.QuizLibrary(t)
	c := uitest.Common(lib, nil, content.KO, 80, 24)
	h := uitest.NewHarness(t, New(c))
	h.Keys("G", "enter")
	v := h.View()
	if !strings.Contains(v, "진도 파일") {
		t.Fatalf("the screen must say a class needs a progress file:\n%s", v)
	}
	fits(t, "setup (ko)", v, 80, 24)
}

// TestQuizFilePath: a typed path is used instead of the topic.
func TestQuizFilePath(t *testing.T) {
	c := teacher(t, 80, 24)
	h := uitest.NewHarness(t, New(c))
	s := h.Top().(*Screen)
	h.Keys("down", "enter")
	if !s.Capturing() {
		t.Fatal("typing a path must take every key")
	}
	for _, r := range "./week3.md" {
		h.Send(uitest.Press(string(r)))
	}
	h.Keys("enter")
	if v := h.View(); !strings.Contains(v, "./week3.md") || s.Capturing() {
		t.Fatalf("the typed file must show:\n%s", v)
	}
	h.Keys("G", "enter")
	if s.class != nil || !strings.Contains(h.View(), "week3.md") {
		t.Fatalf("a missing quiz file must be refused by name:\n%s", h.View())
	}
}

// TestCloseEndsTheClass: the App closes the screen when the program quits
// (ctrl+c, a signal) during a class; a student who joined then sees the
// end of the class and their ssh exits with status 0, as after q.
func TestCloseEndsTheClass(t *testing.T) {
	c := teacher(t, 100, 30)
	h := uitest.NewHarness(t, below{})
	s := New(c).(*Screen)
	s.listen = "127.0.0.1:0"
	s.timer = 0 // no countdown: the harness runs each command to its end
	h.Send(common.PushMsg{Screen: s})
	h.Keys("G", "enter")
	if s.class == nil {
		t.Fatalf("the class did not start: %s", s.note)
	}
	class := s.class
	stu := joinOverSSH(t, class.Addr, "ana", class.Room.Code())
	deadline := time.Now().Add(20 * time.Second)
	for class.Room.TeacherView(0).Connected == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("ana did not join:\n%s", stu.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.Close()
	select {
	case err := <-stu.done:
		if err != nil {
			t.Errorf("ana's ssh ended with %v, want exit status 0", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("ana's session did not end when the screen closed")
	}
	if out := stu.out.String(); !strings.Contains(out, "The class has ended") {
		t.Errorf("ana's terminal does not say the class ended:\n%s", out)
	}
	if s.Capturing() {
		t.Error("after Close the screen must not hold a class")
	}
	s.Close() // a second close does nothing
}

// student is one SSH session with a terminal, its output, and its end.
type student struct {
	out  *lockedBuf
	done chan error
}

type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// joinOverSSH connects as name with a new key, asks for a terminal and
// types the join code.
func joinOverSSH(t *testing.T, addr, name, code string) *student {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: name, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cl.Close() })
	sess, err := cl.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	st := &student{out: &lockedBuf{}, done: make(chan error, 1)}
	sess.Stdout = st.out
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { st.done <- sess.Wait() }()
	_, _ = io.WriteString(in, code+"\r")
	return st
}
