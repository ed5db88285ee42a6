package classroom

import (
	"context"
	"io"
	"log"
	"strings"
	"testing"
	"time"

	charmlog "charm.land/log/v2"
)

// TestTeacherEndsTheClass: when the teacher quits, every student's session
// closes with exit status 0 and their result and the final board stay on
// their terminal; one still at the join prompt is told the class ended.
func TestTeacherEndsTheClass(t *testing.T) {
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	srv, addr := serve(t, r, nil)
	ana := openTerm(t, addr, "ana", newSigner(t))
	bob := openTerm(t, addr, "bob", newSigner(t))
	late := openTerm(t, addr, "late", newSigner(t))
	ana.typ("ABCDEF\r")
	bob.typ("ABCDEF\r")
	waitFor(t, "two students", func() bool { return len(names(r)) == 2 })
	_ = r.Do(bg, ActStart)
	right := string(rune('a' + r.posOf(0, 1)))
	ana.typ(right + "\r")
	waitFor(t, "ana's answer", func() bool { return answered(r, "ana") == 1 })
	for range 4 {
		_ = r.Do(bg, ActNext)
	}
	waitFor(t, "the final board", func() bool { return strings.Contains(ana.out.String(), "Finished") })
	waitFor(t, "the join prompt", func() bool { return strings.Contains(late.out.String(), "join code") })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		who  string
		tm   *term
		want []string
	}{
		{"ana", ana, []string{"The class has ended", "1 of 1 right", "rank 1 of 2", "ana"}},
		{"bob", bob, []string{"The class has ended", "0 of 1 right", "rank 2 of 2"}},
		{"late", late, []string{"The class has ended"}},
	} {
		select {
		case err := <-c.tm.done:
			if err != nil {
				t.Errorf("%s: session ended with %v, want exit status 0", c.who, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the session did not end", c.who)
		}
		out := c.tm.out.String()
		tail := out[strings.LastIndex(out, "The class has ended")+1:]
		for _, w := range c.want {
			if !strings.Contains(out, w) || w != "The class has ended" && !strings.Contains(tail, w) {
				t.Errorf("%s: the terminal does not keep %q after the end:\n%s", c.who, w, tail)
			}
		}
	}
	if _, err := dial(addr, "again", newSigner(t)); err == nil {
		t.Error("the server must be closed after the class ends")
	}
}

// TestLeavingIsNotAnError: a student who joins and hangs up leaves no
// error and no escape code in the log.
func TestLeavingIsNotAnError(t *testing.T) {
	var logged syncBuf
	charmlog.SetOutput(&logged)
	defer charmlog.SetOutput(io.Discard)
	r, _, _ := testRoom(t, SelfPaced, 1, 0)
	addr := startServer(t, r, func(c *ServerConfig) { c.Logger = log.New(&logged, "", 0) })
	tm := openTerm(t, addr, "ana", newSigner(t))
	tm.typ("ABCDEF\r")
	waitFor(t, "ana to join", func() bool { return len(names(r)) == 1 })
	tm.close()
	waitFor(t, "ana to leave", func() bool { return r.TeacherView(0).Connected == 0 })
	time.Sleep(100 * time.Millisecond)
	logged.mu.Lock()
	raw := logged.b.String()
	logged.mu.Unlock()
	if strings.Contains(strings.ToLower(raw), "error") || strings.Contains(raw, "\x1b") {
		t.Errorf("a student leaving was logged as an error or with escape codes:\n%q", raw)
	}
}
