// Command ttybench runs a full-screen program in a pseudo-terminal and
// measures what a person waits for: the first frame, the work a scroll
// key costs, and the peak memory over a session. The scripts beside it
// (startup-vs-glow.sh, scroll-vs-glow.sh, memory.sh) run it on saa-study
// and on a peer, alternately; it is run by hand, never by go test.
//
//	ttybench first-frame -marker TEXT -- CMD [ARG...]
//	    milliseconds from starting CMD until TEXT is on its screen
//	ttybench scroll -ready TEXT -key j [-n 40] -- CMD [ARG...]
//	    CPU milliseconds CMD spends per key press (its idle CPU over the
//	    same time taken away), and the median milliseconds from the key to
//	    the end of the frame it draws (keys 40-60 ms apart)
//	ttybench memory -ready TEXT [-keys 'enter,wait,esc,...'] -- CMD [ARG...]
//	    peak resident memory of CMD (MiB) after the keys, then quits it
//	ttybench idle -ready TEXT [-for 5s] -- CMD [ARG...]
//	    CPU milliseconds a second CMD uses while it waits for a key, and
//	    the times a second its threads are put on a CPU, once its
//	    screen has been still for half a second
//
//	ttybench run -- CMD [ARG...]
//	    CMD with no terminal and its output discarded: wall milliseconds,
//	    CPU milliseconds (user and system) and peak resident memory (MiB)
//
// The terminal is 100x30 unless -cols and -rows say otherwise. It says it
// is xterm with true colour (TERM, COLORTERM); with -tmux it says it is a
// tmux pane (TERM=tmux-256color, no COLORTERM, TMUX as ttybench was given
// it: run it inside tmux), where programs on Charm's colorprofile ask tmux
// for its colours by running "tmux info". Like a real
// terminal it answers the queries programs send on start (cursor
// position, device attributes, background colour): a program that waits
// for the answer would otherwise wait for its timeout.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/creack/pty"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	mode := os.Args[1]
	fl := flag.NewFlagSet(mode, flag.ExitOnError)
	cols := fl.Int("cols", 100, "terminal columns")
	rows := fl.Int("rows", 30, "terminal rows")
	marker := fl.String("marker", "", "first-frame: the text that shows the first frame is drawn")
	ready := fl.String("ready", "", "scroll, memory: the text that shows the program is ready")
	keyName := fl.String("key", "j", "scroll: the key to press")
	n := fl.Int("n", 40, "scroll: how many presses")
	keys := fl.String("keys", "", "memory: comma-separated keys to send; wait pauses 700 ms")
	quit := fl.String("quit", "q", "memory: the key that quits the program")
	idleFor := fl.Duration("for", 5*time.Second, "idle: how long to watch the waiting program")
	fl.BoolVar(&inTmux, "tmux", false, "say the terminal is a tmux pane (run ttybench inside tmux)")
	fl.Parse(os.Args[2:])
	cmd := fl.Args()
	if len(cmd) == 0 {
		usage()
	}
	if mode == "run" {
		runPlain(cmd)
		return
	}
	t, err := start(cmd, *cols, *rows)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ttybench:", err)
		os.Exit(1)
	}
	defer t.kill()
	switch mode {
	case "first-frame":
		ms, err := t.waitFor(*marker, 10*time.Second)
		check(err)
		fmt.Printf("%.1f\n", ms)
	case "scroll":
		_, err := t.waitFor(*ready, 10*time.Second)
		check(err)
		cpu, lat := t.scroll(key(*keyName), *n)
		fmt.Printf("%.3f %.3f\n", cpu, lat)
	case "idle":
		_, err := t.waitFor(*ready, 10*time.Second)
		check(err)
		t.quiet(500 * time.Millisecond)
		c0, w0 := t.schedstat()
		time.Sleep(*idleFor)
		c1, w1 := t.schedstat()
		secs := idleFor.Seconds()
		fmt.Printf("%.3f %.1f\n", float64((c1-c0).Microseconds())/1000/secs, float64(w1-w0)/secs)
	case "memory":
		_, err := t.waitFor(*ready, 10*time.Second)
		check(err)
		t.quiet(400 * time.Millisecond)
		for _, k := range strings.Split(*keys, ",") {
			switch k {
			case "":
			case "wait":
				t.quiet(700 * time.Millisecond)
			default:
				// A lone esc is told from the start of a longer key by
				// the time after it: leave that time before the next key.
				t.send(key(k))
				time.Sleep(150 * time.Millisecond)
				t.quiet(60 * time.Millisecond)
			}
		}
		t.quiet(400 * time.Millisecond)
		rss, err := t.quitAndPeak(key(*quit))
		check(err)
		fmt.Printf("%.1f\n", rss)
	default:
		usage()
	}
}

// runPlain runs a command to /dev/null and prints its wall time, CPU time
// and peak memory, from the kernel's accounting (wait4).
func runPlain(args []string) {
	c := exec.Command(args[0], args[1:]...)
	var errb bytes.Buffer
	c.Stderr = &errb
	t0 := time.Now()
	err := c.Run()
	wall := time.Since(t0)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ttybench: %v: %v\n%s", args, err, errb.String())
		os.Exit(1)
	}
	ru := c.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime))
	fmt.Printf("%.3f %.3f %.1f\n", float64(wall.Microseconds())/1000, float64(cpu.Microseconds())/1000, float64(ru.Maxrss)/1024)
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: ttybench first-frame|scroll|memory|idle|run [flags] -- CMD [ARG...] (see the package comment)")
	os.Exit(2)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "ttybench:", err)
		os.Exit(1)
	}
}

// key turns a key name into the bytes a terminal sends.
func key(name string) string {
	switch name {
	case "enter":
		return "\r"
	case "esc":
		return "\x1b"
	case "down":
		return "\x1b[B"
	case "up":
		return "\x1b[A"
	case "tab":
		return "\t"
	case "space":
		return " "
	}
	return name
}

// term is a program on a pseudo-terminal and everything it wrote.
type term struct {
	cmd   *exec.Cmd
	pty   *os.File
	start time.Time

	mu   sync.Mutex
	out  bytes.Buffer
	last time.Time     // when the program last wrote
	news chan struct{} // a signal for each write
	done chan struct{}
}

// inTmux is -tmux: the program is told it runs in a tmux pane.
var inTmux bool

func start(args []string, cols, rows int) (*term, error) {
	c := exec.Command(args[0], args[1:]...)
	c.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	if inTmux {
		if os.Getenv("TMUX") == "" {
			return nil, fmt.Errorf("-tmux: TMUX is not set; run ttybench inside tmux")
		}
		c.Env = slices.DeleteFunc(os.Environ(), func(e string) bool {
			return strings.HasPrefix(e, "TERM=") || strings.HasPrefix(e, "COLORTERM=")
		})
		c.Env = append(c.Env, "TERM=tmux-256color")
	}
	t := &term{cmd: c, news: make(chan struct{}, 1), done: make(chan struct{})}
	t.start = time.Now()
	f, err := pty.StartWithSize(c, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		return nil, err
	}
	t.pty = f
	go t.read()
	return t, nil
}

// queries a terminal answers, and the answers (a dark background).
var queries = []struct{ q, a string }{
	{"\x1b[6n", "\x1b[1;1R"},
	{"\x1b[c", "\x1b[?62;22c"},
	{"\x1b[0c", "\x1b[?62;22c"},
	{"\x1b]11;?\x07", "\x1b]11;rgb:0000/0000/0000\x07"},
	{"\x1b]11;?\x1b\\", "\x1b]11;rgb:0000/0000/0000\x1b\\"},
	{"\x1b]10;?\x07", "\x1b]10;rgb:ffff/ffff/ffff\x07"},
	{"\x1b]10;?\x1b\\", "\x1b]10;rgb:ffff/ffff/ffff\x1b\\"},
}

func (t *term) read() {
	defer close(t.done)
	buf := make([]byte, 64<<10)
	for {
		n, err := t.pty.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			for _, q := range queries {
				for range bytes.Count(chunk, []byte(q.q)) {
					t.pty.WriteString(q.a)
				}
			}
			t.mu.Lock()
			t.out.Write(chunk)
			t.last = time.Now()
			t.mu.Unlock()
			select {
			case t.news <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

var escapes = regexp.MustCompile(`\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)`)

// waitFor waits until text is on the screen and returns the milliseconds
// since the start.
func (t *term) waitFor(text string, limit time.Duration) (float64, error) {
	deadline := time.After(limit)
	for {
		t.mu.Lock()
		seen := strings.Contains(escapes.ReplaceAllString(t.out.String(), ""), text)
		at := t.last
		t.mu.Unlock()
		if seen {
			return float64(at.Sub(t.start).Microseconds()) / 1000, nil
		}
		select {
		case <-t.news:
		case <-t.done:
			return 0, fmt.Errorf("the program ended before %q appeared:\n%s", text, t.screen())
		case <-deadline:
			return 0, fmt.Errorf("%q did not appear in %v:\n%s", text, limit, t.screen())
		}
	}
}

func (t *term) screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := escapes.ReplaceAllString(t.out.String(), "")
	return s[max(0, len(s)-2000):]
}

// quiet waits until the program has written nothing for d.
func (t *term) quiet(d time.Duration) {
	for {
		t.mu.Lock()
		idle := time.Since(t.last)
		t.mu.Unlock()
		if idle >= d {
			return
		}
		time.Sleep(d - idle)
	}
}

func (t *term) send(k string) { t.pty.WriteString(k) }

// cpu is the CPU time the program's threads have used.
func (t *term) cpu() time.Duration {
	c, _ := t.schedstat()
	return c
}

// schedstat sums each thread's /proc/PID/task/TID/schedstat: the CPU time
// it has used (nanoseconds; /proc/PID/stat counts 10 ms ticks) and how
// many times it has been put on a CPU, once for each time it woke up (or
// was preempted and ran again).
func (t *term) schedstat() (cpu time.Duration, runs int64) {
	files, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", t.cmd.Process.Pid))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var ns, wait, slices int64
		fmt.Sscan(string(b), &ns, &wait, &slices)
		cpu += time.Duration(ns)
		runs += slices
	}
	return cpu, runs
}

// scroll presses k n times, 40 to 60 ms apart, and returns the CPU
// milliseconds per press (less the program's idle CPU over as long) and
// the median milliseconds from a press to the end of the frame it drew.
// The gaps vary so that presses fall at every point of the program's
// frame clock (a fixed gap would keep hitting the same point of it).
func (t *term) scroll(k string, n int) (cpuMS, latMS float64) {
	gaps := make([]time.Duration, n)
	var total time.Duration
	for i := range gaps {
		gaps[i] = 40*time.Millisecond + time.Duration(rand.Int64N(int64(20*time.Millisecond)))
		total += gaps[i]
	}
	t.quiet(500 * time.Millisecond)
	idle0 := t.cpu()
	time.Sleep(total)
	idle := t.cpu() - idle0
	var lats []float64
	c0 := t.cpu()
	for _, gap := range gaps {
		t.mu.Lock()
		before := t.out.Len()
		t.mu.Unlock()
		sent := time.Now()
		t.send(k)
		time.Sleep(gap)
		t.mu.Lock()
		if t.out.Len() > before {
			lats = append(lats, float64(t.last.Sub(sent).Microseconds())/1000)
		}
		t.mu.Unlock()
	}
	used := t.cpu() - c0 - idle
	slices.Sort(lats)
	if len(lats) > 0 {
		latMS = lats[len(lats)/2]
	}
	return float64(used.Microseconds()) / 1000 / float64(n), latMS
}

// quitAndPeak quits the program and returns its peak resident memory.
func (t *term) quitAndPeak(q string) (float64, error) {
	t.send(q)
	ended := make(chan error, 1)
	go func() { ended <- t.cmd.Wait() }()
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		return 0, fmt.Errorf("the program did not quit on %q; its screen:\n%s", q, t.screen())
	}
	ru, ok := t.cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, fmt.Errorf("no resource usage")
	}
	return float64(ru.Maxrss) / 1024, nil
}

func (t *term) kill() {
	if t.cmd.ProcessState == nil {
		t.cmd.Process.Kill()
		t.cmd.Wait()
	}
	t.pty.Close()
}
