package classroom

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// startServer serves room on a loopback port and returns its address.
func startServer(tb testing.TB, room *Room, mod func(*ServerConfig)) string {
	tb.Helper()
	_, addr := serve(tb, room, mod)
	return addr
}

// serve is startServer that also returns the server.
func serve(tb testing.TB, room *Room, mod func(*ServerConfig)) (*Server, string) {
	tb.Helper()
	cfg := ServerConfig{HostKeyDir: filepath.Join(tb.TempDir(), "ssh"), Room: room, WrongCodeDelay: 5 * time.Millisecond,
		TickEvery: 50 * time.Millisecond}
	if mod != nil {
		mod(&cfg)
	}
	srv, err := NewServer(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	tb.Cleanup(func() { srv.Close() })
	return srv, l.Addr().String()
}

func newSigner(tb testing.TB) gossh.Signer {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func dial(addr, user string, signer gossh.Signer) (*gossh.Client, error) {
	auth := []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}
	if signer != nil {
		auth = []gossh.AuthMethod{gossh.PublicKeys(signer)}
	}
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second}) //nolint:gosec // loopback test server
}

// syncBuf collects a session's output for the test to read.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.b.String())
}

// term is a scripted student: an SSH client with an 80×24 PTY.
type term struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	out    *syncBuf
	done   chan error
}

func openTerm(tb testing.TB, addr, user string, signer gossh.Signer) *term {
	tb.Helper()
	t, err := dialTerm(addr, user, signer)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(t.close)
	return t
}

// dialTerm connects, asks for a PTY and starts the shell; the caller
// closes it. It reports errors instead of failing, for use off the test's
// goroutine.
func dialTerm(addr, user string, signer gossh.Signer) (*term, error) {
	c, err := dial(addr, user, signer)
	if err != nil {
		return nil, fmt.Errorf("dial as %q: %w", user, err)
	}
	s, err := c.NewSession()
	if err != nil {
		c.Close()
		return nil, err
	}
	t := &term{client: c, sess: s, out: &syncBuf{}, done: make(chan error, 1)}
	s.Stdout, s.Stderr = t.out, t.out
	if t.in, err = s.StdinPipe(); err == nil {
		if err = s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err == nil {
			err = s.Shell()
		}
	}
	if err != nil {
		t.close()
		return nil, fmt.Errorf("%q: %w", user, err)
	}
	go func() { t.done <- s.Wait() }()
	return t, nil
}

func (t *term) typ(s string) { _, _ = io.WriteString(t.in, s) }

func (t *term) close() { t.sess.Close(); t.client.Close() }

// waitFor polls cond until it holds; the deadline only bounds a broken run.
func waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func names(r *Room) []string {
	var out []string
	for _, s := range r.TeacherView(0).Students {
		out = append(out, s.Name)
	}
	return out
}

func answered(r *Room, name string) int {
	for _, s := range r.TeacherView(0).Students {
		if s.Name == name {
			return s.Answered
		}
	}
	return -1
}

func TestJoinCode(t *testing.T) {
	r, _, _ := testRoom(t, SelfPaced, 3, 0)
	var logged syncBuf
	addr := startServer(t, r, func(c *ServerConfig) { c.Logger = log.New(&logged, "", 0) })

	good := openTerm(t, addr, "ana", newSigner(t))
	good.typ("abcdef\r")
	waitFor(t, "ana to join with the right code", func() bool { return len(names(r)) == 1 })
	waitFor(t, "the lobby screen", func() bool { return strings.Contains(good.out.String(), "Waiting for the teacher") })

	// Wrong codes typed during the pause after a wrong try are dropped,
	// so keep typing until the server hangs up.
	bad := openTerm(t, addr, "eve", newSigner(t))
	deadline := time.After(30 * time.Second)
	for closed := false; !closed; {
		select {
		case <-bad.done:
			closed = true
		case <-deadline:
			t.Fatal("five wrong codes must end the connection")
		case <-time.After(20 * time.Millisecond):
			bad.typ("WRONG\r")
		}
	}
	log := logged.String()
	if !strings.Contains(log, "(try 5 of 5)") || strings.Contains(log, "(try 6") {
		t.Fatalf("log:\n%s\nwant exactly five wrong tries before the connection ends", log)
	}
	if got := names(r); len(got) != 1 || got[0] != "ana" {
		t.Fatalf("students = %v, want only ana", got)
	}
}

func TestEscapeSequencesInName(t *testing.T) {
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	addr := startServer(t, r, nil)
	tm := openTerm(t, addr, "\x1b[2Jmal\x1b]0;pwned\x07lory", newSigner(t))
	tm.typ("ABCDEF\r")
	waitFor(t, "the join", func() bool { return len(names(r)) == 1 })
	if got := names(r)[0]; got != "mallory" {
		t.Fatalf("name = %q, want mallory", got)
	}
}

func TestDuplicateNameAndResume(t *testing.T) {
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	addr := startServer(t, r, nil)
	k1, k2 := newSigner(t), newSigner(t)
	a := openTerm(t, addr, "ana", k1)
	a.typ("ABCDEF\r")
	waitFor(t, "ana", func() bool { return len(names(r)) == 1 })
	b := openTerm(t, addr, "ana", k2)
	b.typ("ABCDEF\r")
	waitFor(t, "the second ana", func() bool { return len(names(r)) == 2 })
	if got := names(r); got[1] != "ana-2" {
		t.Fatalf("names = %v, want [ana ana-2]", got)
	}
	a.close()
	waitFor(t, "ana to be seen leaving", func() bool { return r.TeacherView(0).Connected == 1 })
	c := openTerm(t, addr, "ana", k1)
	c.typ("ABCDEF\r")
	waitFor(t, "ana to come back", func() bool { return r.TeacherView(0).Connected == 2 })
	if got := names(r); len(got) != 2 {
		t.Fatalf("names = %v: the same key must resume, not add a student", got)
	}
}

func TestNonPTYAndCommandsRefused(t *testing.T) {
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	addr := startServer(t, r, nil)
	c, err := dial(addr, "ana", newSigner(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, tc := range []struct {
		name string
		run  func(*gossh.Session) error
		want string
	}{
		{"shell without a pty", func(s *gossh.Session) error { return s.Shell() }, "needs a terminal"},
		{"exec", func(s *gossh.Session) error { return s.Start("cat /etc/passwd") }, "Only the quiz"},
	} {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		var out syncBuf
		s.Stdout, s.Stderr = &out, &out
		if err := tc.run(s); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		err = s.Wait()
		if ee, ok := err.(*gossh.ExitError); !ok || ee.ExitStatus() != 1 {
			t.Fatalf("%s: exit = %v, want status 1", tc.name, err)
		}
		if got := strings.TrimSpace(out.String()); !strings.Contains(got, tc.want) || strings.Count(got, "\n") > 0 {
			t.Fatalf("%s: output %q, want one line with %q", tc.name, got, tc.want)
		}
	}
	s, _ := c.NewSession()
	if err := s.RequestSubsystem("sftp"); err == nil {
		t.Fatal("sftp must be refused")
	}
	if _, err := c.Dial("tcp", "127.0.0.1:9"); err == nil {
		t.Fatal("port forwarding must be refused")
	}
	if len(names(r)) != 0 {
		t.Fatal("a refused session must not join")
	}
}

func TestAllowKeys(t *testing.T) {
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	known, stranger := newSigner(t), newSigner(t)
	file := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(file, append([]byte("# the class\n"), gossh.MarshalAuthorizedKey(known.PublicKey())...), 0o600); err != nil {
		t.Fatal(err)
	}
	keys, err := LoadAuthorizedKeys(file)
	if err != nil {
		t.Fatal(err)
	}
	addr := startServer(t, r, func(c *ServerConfig) { c.AllowKeys = keys })
	for _, c := range []struct {
		name   string
		signer gossh.Signer
		ok     bool
	}{{"unknown key", stranger, false}, {"no key", nil, false}, {"listed key", known, true}} {
		cl, err := dial(addr, "ana", c.signer)
		if (err == nil) != c.ok {
			t.Fatalf("%s: dial error %v, want ok=%v", c.name, err, c.ok)
		}
		if cl != nil {
			cl.Close()
		}
	}
	if _, err := LoadAuthorizedKeys(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Fatal("a missing allow-list must be an error")
	}
}

func TestHostKeyReused(t *testing.T) {
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	dir := filepath.Join(t.TempDir(), "ssh")
	var fps []string
	for range 2 {
		addr := startServer(t, r, func(c *ServerConfig) { c.HostKeyDir = dir })
		var fp string
		cl, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(newSigner(t))},
			HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { fp = gossh.FingerprintSHA256(k); return nil }})
		if err != nil {
			t.Fatal(err)
		}
		cl.Close()
		fps = append(fps, fp)
	}
	if fps[0] != fps[1] {
		t.Fatal("the host key must be generated once and reused")
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("host key directory: %v %v, want 0700", st.Mode(), err)
	}
}
