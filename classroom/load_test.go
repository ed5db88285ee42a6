package classroom

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/saa-study/saa-study/store"
)

// wall is the real clock the load test's server runs on.
type wall struct{}

func (wall) Now() time.Time { return time.Now() }

// The load test runs the server in a child process (this test binary,
// started with loadServerEnv set), so that its memory is its own, and the
// students as SSH clients with PTYs here.
const (
	loadServerEnv  = "SAA_CLASSROOM_LOAD_SERVER"  // the progress file
	loadProfileEnv = "SAA_CLASSROOM_LOAD_PROFILE" // write a CPU profile there
)

// loadConfig is one run: students, questions, how many drop halfway and
// come back, and how long a student thinks between questions.
type loadConfig struct {
	students, questions, droppers int
	think                         [2]time.Duration
}

// loadResult is what a run measured.
type loadResult struct {
	latencies []time.Duration // keypress → the answer's feedback on the student's screen
	peakKB    int             // the server's peak resident memory
	cpu       time.Duration   // the server's CPU time (user and system)
	clientCPU time.Duration   // the students' (this process's) CPU time
	commits   string          // the answers' transactions: count, answers, median, p99, max
	answers   []store.ClassAnswer
	elapsed   time.Duration
}

func (r loadResult) quantile(q float64) time.Duration {
	s := slices.Clone(r.latencies)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[min(int(q*float64(len(s))), len(s)-1)]
}

// loadServer is the child process: it serves a self-paced quiz, started
// once every student has joined, with a dashboard redrawing on every
// change; it prints its address, and when its input closes prints its
// peak memory and exits.
func loadServer(db string) int {
	questions, _ := strconv.Atoi(os.Getenv("SAA_CLASSROOM_LOAD_QUESTIONS"))
	students, _ := strconv.Atoi(os.Getenv("SAA_CLASSROOM_LOAD_STUDENTS"))
	st, err := store.Open(db, store.Options{})
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	defer st.Close()
	ctx := context.Background()
	r, err := NewRoom(ctx, Config{Store: st, Clock: wall{}, Quiz: testQuiz(questions), Paced: SelfPaced, Code: "ABCDEF", SessionID: "load"})
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	if p := os.Getenv(loadProfileEnv); p != "" {
		f, err := os.Create(p)
		if err == nil {
			_ = pprof.StartCPUProfile(f)
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
		// Where goroutines waited on locks and channels, and (below) the
		// heap while the whole room is answering.
		runtime.SetMutexProfileFraction(5)
		runtime.SetBlockProfileRate(int(100 * time.Microsecond))
		defer writeProfiles(p, "mutex", "block")
	}
	// How long each batch of answers took to commit (fsync included).
	var commitMu sync.Mutex
	var commits []time.Duration
	var batched int
	r.commits.observe = func(n int, took time.Duration) {
		commitMu.Lock()
		commits = append(commits, took)
		batched += n
		commitMu.Unlock()
	}
	// The teacher's dashboard, redrawn on every change as the program
	// would (it coalesces changes the same way).
	d := NewDashboard(DashboardOptions{Room: r, Ctx: ctx, Listen: "127.0.0.1:2222"})
	d.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	ch, stop := r.Subscribe()
	defer stop()
	go func() {
		for range ch {
			_ = d.View()
			time.Sleep(time.Second / 60)
		}
	}()
	dir, _ := os.MkdirTemp("", "saa-load-key")
	defer os.RemoveAll(dir)
	srv, err := NewServer(ServerConfig{HostKeyDir: filepath.Join(dir, "ssh"), Room: r, MaxSessions: 2 * students,
		MaxPending: 2 * students, MaxPendingPerAddr: 2 * students, WrongCodeDelay: 5 * time.Millisecond})
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	go func() { _ = srv.Serve(l) }()
	// The teacher starts once the whole room has joined.
	go func() {
		for len(r.TeacherView(0).Students) < students {
			time.Sleep(10 * time.Millisecond)
		}
		if err := r.Do(ctx, ActStart); err != nil {
			fmt.Println("ERR", err)
		}
		if p := os.Getenv(loadProfileEnv); p != "" {
			time.Sleep(2 * time.Second)
			runtime.GC()
			writeProfiles(p, "heap")
		}
	}()
	fmt.Println("ADDR", l.Addr().String())
	_, _ = io.Copy(io.Discard, os.Stdin)
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	commitMu.Lock()
	slices.Sort(commits)
	if n := len(commits); n > 0 {
		fmt.Println("COMMITS", n, batched, commits[n/2].Microseconds(), commits[min(n*99/100, n-1)].Microseconds(), commits[n-1].Microseconds())
	}
	commitMu.Unlock()
	fmt.Println("PEAK", peakRSS())
	fmt.Println("CPU", cpuTime().Milliseconds())
	return 0
}

// writeProfiles writes the named profiles beside the CPU profile at p
// (p.heap, p.mutex, p.block).
func writeProfiles(p string, names ...string) {
	for _, name := range names {
		f, err := os.Create(p + "." + name)
		if err != nil {
			continue
		}
		_ = pprof.Lookup(name).WriteTo(f, 0)
		f.Close()
	}
}

// peakRSS is this process's peak resident memory in kB (VmHWM).
func peakRSS() int {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return 0
}

// watched is a student's terminal output with a count of the times each
// marker went by, and a signal on each write.
type watched struct {
	mu      sync.Mutex
	markers [][]byte
	tail    []byte
	counts  []int
	signal  chan struct{}
}

// The markers the load test watches for: a question on screen, and the
// feedback screen, which is the acknowledgement (drawn only once the
// answer is stored, and only it says "enter: next question").
const (
	markQuestion = iota
	markAck
)

func newWatched() *watched {
	return &watched{markers: [][]byte{[]byte("Question"), []byte("enter:")}, counts: make([]int, 2), signal: make(chan struct{}, 1)}
}

func (w *watched) Write(p []byte) (int, error) {
	w.mu.Lock()
	buf := append(w.tail, p...)
	for i, m := range w.markers {
		w.counts[i] += bytes.Count(buf, m)
	}
	keep := min(len(buf), 7)
	w.tail = append(w.tail[:0], buf[len(buf)-keep:]...)
	w.mu.Unlock()
	select {
	case w.signal <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (w *watched) seen(mark int) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.counts[mark]
}

// await waits until the marker has gone by n times.
func (w *watched) await(mark, n int, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for w.seen(mark) < n {
		select {
		case <-w.signal:
		case <-deadline:
			return false
		}
	}
	return true
}

// openSSHCiphers is OpenSSH's default cipher order: the students' ssh
// negotiates ChaCha20-Poly1305, not the AES-GCM a Go client prefers.
var openSSHCiphers = []string{"chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr",
	"aes128-gcm@openssh.com", "aes256-gcm@openssh.com"}

// loadDial connects as a student's OpenSSH client would.
func loadDial(addr, user string, signer gossh.Signer) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second} //nolint:gosec // loopback test server
	cfg.Ciphers = openSSHCiphers
	return gossh.Dial("tcp", addr, cfg)
}

// cpuTime is this process's CPU time so far (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadStudent is one student's SSH session for the load test.
type loadStudent struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.Writer
	out    *watched
}

func dialStudent(addr, name string, key gossh.Signer) (*loadStudent, error) {
	var c *gossh.Client
	var err error
	for try := 0; try < 50; try++ { // refused while the room fills: try again
		if c, err = loadDial(addr, name, key); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return nil, err
	}
	s, err := c.NewSession()
	if err != nil {
		c.Close()
		return nil, err
	}
	ls := &loadStudent{client: c, sess: s, out: newWatched()}
	s.Stdout = ls.out
	in, err := s.StdinPipe()
	if err == nil {
		if err = s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err == nil {
			err = s.Shell()
		}
	}
	if err != nil {
		c.Close()
		return nil, err
	}
	ls.in = in
	_, _ = io.WriteString(in, "ABCDEF\r")
	if !ls.out.await(markQuestion, 1, time.Minute) {
		c.Close()
		return nil, fmt.Errorf("%s: no question on screen in a minute", name)
	}
	return ls, nil
}

func (s *loadStudent) close() { s.sess.Close(); s.client.Close() }

// answer answers questions from..to-1: pick a, press enter (the clock
// starts), wait for the feedback on screen, leave it.
func (s *loadStudent) answer(from, to int, think [2]time.Duration, rng *rand.Rand, lat chan<- time.Duration) error {
	for q := from; q < to; q++ {
		if d := think[1] - think[0]; d > 0 {
			time.Sleep(think[0] + time.Duration(rng.Int64N(int64(d))))
		}
		_, _ = io.WriteString(s.in, "a")
		want := s.out.seen(markAck) + 1
		start := time.Now()
		_, _ = io.WriteString(s.in, "\r")
		if !s.out.await(markAck, want, 30*time.Second) {
			return fmt.Errorf("question %d: no acknowledgement in 30 s", q+1)
		}
		lat <- time.Since(start)
		_, _ = io.WriteString(s.in, "\r")
	}
	return nil
}

// runLoad runs one class and returns what it measured.
func runLoad(tb testing.TB, cfg loadConfig, profile string) loadResult {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "p.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), loadServerEnv+"="+db, loadProfileEnv+"="+profile,
		fmt.Sprintf("SAA_CLASSROOM_LOAD_QUESTIONS=%d", cfg.questions), fmt.Sprintf("SAA_CLASSROOM_LOAD_STUDENTS=%d", cfg.students))
	cmd.Stderr = os.Stderr
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	addr := ""
	for addr == "" && lines.Scan() {
		if a, ok := strings.CutPrefix(lines.Text(), "ADDR "); ok {
			addr = a
		} else if strings.HasPrefix(lines.Text(), "ERR") {
			tb.Fatal(lines.Text())
		}
	}
	if addr == "" {
		tb.Fatal("the load server did not start")
	}
	lat := make(chan time.Duration, cfg.students*cfg.questions)
	errs := make(chan error, cfg.students)
	var wg sync.WaitGroup
	start, cpu0 := time.Now(), cpuTime()
	for i := range cfg.students {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			name := fmt.Sprintf("s%03d", i)
			key := newSigner(tb)
			s, err := dialStudent(addr, name, key)
			if err != nil {
				errs <- fmt.Errorf("%s: %w", name, err)
				return
			}
			half := cfg.questions
			if i < cfg.droppers {
				half = cfg.questions / 2
			}
			if err := s.answer(0, half, cfg.think, rng, lat); err != nil {
				s.close()
				errs <- fmt.Errorf("%s: %w", name, err)
				return
			}
			if half < cfg.questions {
				s.close() // hang up, come back with the same key
				if s, err = dialStudent(addr, name, key); err != nil {
					errs <- fmt.Errorf("%s coming back: %w", name, err)
					return
				}
				if err := s.answer(half, cfg.questions, cfg.think, rng, lat); err != nil {
					errs <- fmt.Errorf("%s after coming back: %w", name, err)
				}
			}
			s.close()
		}()
	}
	wg.Wait()
	elapsed, clientCPU := time.Since(start), cpuTime()-cpu0
	close(errs)
	close(lat)
	for err := range errs {
		tb.Error(err)
	}
	stdin.Close()
	res := loadResult{elapsed: elapsed, clientCPU: clientCPU}
	for lines.Scan() {
		if p, ok := strings.CutPrefix(lines.Text(), "PEAK "); ok {
			res.peakKB, _ = strconv.Atoi(p)
		}
		if p, ok := strings.CutPrefix(lines.Text(), "COMMITS "); ok {
			var n, answers, med, p99, mx int
			_, _ = fmt.Sscan(p, &n, &answers, &med, &p99, &mx)
			res.commits = fmt.Sprintf("%d transactions for %d answers, median %.1f ms, p99 %.1f ms, max %.1f ms",
				n, answers, float64(med)/1000, float64(p99)/1000, float64(mx)/1000)
		}
		if p, ok := strings.CutPrefix(lines.Text(), "CPU "); ok {
			ms, _ := strconv.Atoi(p)
			res.cpu = time.Duration(ms) * time.Millisecond
		}
	}
	if err := cmd.Wait(); err != nil {
		tb.Fatalf("load server: %v", err)
	}
	for d := range lat {
		res.latencies = append(res.latencies, d)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	if res.answers, err = st.ClassAnswers(context.Background(), "load"); err != nil {
		tb.Fatal(err)
	}
	return res
}

// checkLoad verifies every answer was stored exactly once and no student
// was added by coming back.
func checkLoad(tb testing.TB, cfg loadConfig, res loadResult) {
	tb.Helper()
	if want := cfg.students * cfg.questions; len(res.answers) != want || len(res.latencies) != want {
		tb.Fatalf("%d answers stored and %d acknowledged, want %d", len(res.answers), len(res.latencies), want)
	}
	seen := map[string]bool{}
	for _, a := range res.answers {
		key := fmt.Sprintf("%s/%d", a.Name, a.Position)
		if seen[key] {
			tb.Fatalf("answer %s stored twice", key)
		}
		seen[key] = true
	}
}

// roomOf200 is the room the issue asks for: 200 students, a tenth of them
// hanging up halfway and coming back, thinking 0.2–0.8 s a question.
var roomOf200 = loadConfig{students: 200, questions: 10, droppers: 20, think: [2]time.Duration{200 * time.Millisecond, 800 * time.Millisecond}}

// TestLoadRoom runs 200 students (50 under -short) over SSH with PTYs, a
// tenth of them dropping halfway and coming back: every answer is stored
// exactly once and acknowledged on the student's screen.
func TestLoadRoom(t *testing.T) {
	cfg := roomOf200
	if testing.Short() {
		cfg.students, cfg.droppers = 50, 5
	}
	res := runLoad(t, cfg, os.Getenv(loadProfileEnv))
	checkLoad(t, cfg, res)
	// How fast is BenchmarkRoomOf200's to measure (the goal is a p99
	// under 50 ms); a test on a shared machine asserts no time.
	t.Logf("%d students, %d answers in %v: keypress → feedback on screen median %v, p99 %v, max %v; server peak memory %d MB, CPU %v (students' CPU %v)",
		cfg.students, len(res.latencies), res.elapsed.Round(time.Millisecond), res.quantile(0.5), res.quantile(0.99),
		res.quantile(1), res.peakKB/1024, res.cpu, res.clientCPU)
	t.Logf("commits: %s", res.commits)
}

// BenchmarkRoomOf200 reports the latency from a student's keypress to
// the acknowledged answer on their screen, and the server's peak memory.
// SAA_CLASSROOM_LOAD_PROFILE=cpu.out writes the server's CPU profile.
func BenchmarkRoomOf200(b *testing.B) {
	var all loadResult
	for b.Loop() {
		res := runLoad(b, roomOf200, os.Getenv(loadProfileEnv))
		checkLoad(b, roomOf200, res)
		all.latencies = append(all.latencies, res.latencies...)
		all.peakKB = max(all.peakKB, res.peakKB)
		all.cpu += res.cpu
		all.clientCPU += res.clientCPU
		b.Logf("commits: %s", res.commits)
	}
	b.ReportMetric(float64(all.quantile(0.5).Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(all.quantile(0.99).Microseconds())/1000, "ms-p99")
	b.ReportMetric(float64(all.peakKB)/1024, "MB-peak")
	b.ReportMetric(float64(all.cpu.Microseconds())/1000/float64(len(all.latencies)), "server-cpu-ms/answer")
	b.ReportMetric(float64(all.clientCPU.Microseconds())/1000/float64(len(all.latencies)), "client-cpu-ms/answer")
}
