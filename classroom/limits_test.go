package classroom

import (
	"log"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestIdleConnectionsCannotLockStudentsOut opens 300 connections that
// never speak SSH: the server keeps only a few of them (per address and in
// all), drops the rest at once and the kept ones at the handshake
// deadline, logs the refusals once for the address, and a student still
// joins.
func TestIdleConnectionsCannotLockStudentsOut(t *testing.T) {
	r, _, _ := testRoom(t, SelfPaced, 1, 0)
	var logged syncBuf
	addr := startServer(t, r, func(c *ServerConfig) {
		c.Logger = log.New(&logged, "", 0)
		c.HandshakeTimeout = 2 * time.Second
		c.MaxPendingPerAddr = 20
	})
	const idle = 300
	var closedAt sync.Map
	var wg sync.WaitGroup
	start := time.Now()
	for i := range idle {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("idle connection %d: %v", i, err)
		}
		t.Cleanup(func() { c.Close() })
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
			buf := make([]byte, 512)
			for {
				if _, err := c.Read(buf); err != nil {
					closedAt.Store(i, time.Since(start))
					return
				}
			}
		}()
	}
	// A student gets in once the idle ones are gone: within seconds.
	deadline := time.Now().Add(10 * time.Second)
	var st *term
	for st == nil {
		var err error
		if st, err = dialTerm(addr, "ana", newSigner(t)); err != nil {
			if time.Now().After(deadline) {
				t.Fatalf("a student could not connect within 10 s of 300 idle connections: %v", err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	t.Cleanup(st.close)
	st.typ("ABCDEF\r")
	waitFor(t, "ana to join", func() bool { return len(names(r)) == 1 })
	wg.Wait()
	n, late := 0, time.Duration(0)
	closedAt.Range(func(_, v any) bool {
		n++
		late = max(late, v.(time.Duration))
		return true
	})
	if n != idle || late > 6*time.Second {
		t.Fatalf("%d of %d idle connections closed, the last after %v; want all, within the 2 s handshake deadline", n, idle, late)
	}
	if got := strings.Count(logged.String(), "refused"); got != 1 {
		t.Errorf("log has %d refusal lines for one address, want 1:\n%s", got, logged.String())
	}
}

// TestJoinPromptDeadline: a session that never types the code is closed.
func TestJoinPromptDeadline(t *testing.T) {
	r, _, _ := testRoom(t, SelfPaced, 1, 0)
	addr := startServer(t, r, func(c *ServerConfig) { c.JoinTimeout = time.Second })
	tm := openTerm(t, addr, "slow", newSigner(t))
	select {
	case <-tm.done:
	case <-time.After(10 * time.Second):
		t.Fatal("a session left at the join prompt must be closed at the join deadline")
	}
	if !strings.Contains(tm.out.String(), "No code typed in time") {
		t.Errorf("the student must be told why:\n%s", tm.out.String())
	}
}
