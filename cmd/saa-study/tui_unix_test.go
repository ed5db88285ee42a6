//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestScreenInTmuxStartsWithoutAskingTmux: inside tmux, working out the
// terminal's colours runs "tmux info", about 10 ms each time. Lip Gloss
// does it once as the program loads; the full-screen program takes that
// answer instead of asking again before its first frame.
func TestScreenInTmuxStartsWithoutAskingTmux(t *testing.T) {
	bin := t.TempDir()
	calls := filepath.Join(bin, "calls")
	script := "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
	if err := os.WriteFile(filepath.Join(bin, "tmux"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("TMUX", filepath.Join(bin, "socket")+",1,0")
	t.Setenv("TERM", "tmux-256color")
	t.Setenv("COLORTERM", "")
	os.Unsetenv("COLORTERM")
	t.Setenv("NO_COLOR", "")
	os.Unsetenv("NO_COLOR")

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 30, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	// Bubble Tea draws on the process's standard output and reads its
	// standard input.
	stdin, stdout := os.Stdin, os.Stdout
	os.Stdin, os.Stdout = tty, tty
	defer func() { os.Stdin, os.Stdout = stdin, stdout }()

	var mu sync.Mutex
	var screen bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			screen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() {
		done <- run(ctx, []string{"--db", filepath.Join(t.TempDir(), "progress.db")}, tty, tty, &errb)
	}()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		drawn := strings.Contains(screen.String(), "Simulators")
		mu.Unlock()
		if drawn {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the home screen never showed")
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the program did not end with its context")
	}
	if got, _ := os.ReadFile(calls); len(got) != 0 {
		t.Errorf("the program ran tmux before its home screen: %q", got)
	}
}
