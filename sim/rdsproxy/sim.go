package rdsproxy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/saa-study/saa-study/sim/say"

	"github.com/saa-study/saa-study/sim/clock"
)

// Error kinds counted in a run, worded as the client sees them.
const (
	ErrTooMany    = "ERROR 1040 (08004): Too many connections"
	ErrCantConn   = "ERROR 2003 (HY000): Can't connect to MySQL server"
	ErrLost       = "ERROR 2013 (HY000): Lost connection to MySQL server during query"
	ErrBorrowWait = "RDS Proxy: Timed-out waiting to acquire database connection"
)

// Second is one row of the per-second series.
type Second struct {
	T           int     `json:"t"`
	Concurrency int     `json:"concurrency"`  // target Lambda concurrency
	Busy        int     `json:"busy"`         // environments running an invocation
	ClientConns int     `json:"client_conns"` // connections Lambda holds (to the DB, or to the proxy)
	DBConns     int     `json:"db_conns"`     // connections open on the database
	Queued      int     `json:"queued"`       // clients waiting to borrow a connection
	OK          int     `json:"ok"`           // invocations that finished this second
	Errors      int     `json:"errors"`       // invocations that failed this second
	P50Ms       float64 `json:"p50_ms"`       // of the invocations that finished
	P99Ms       float64 `json:"p99_ms"`
}

// Result is the outcome of a run.
type Result struct {
	MaxConnections int            `json:"max_connections"`
	PoolSize       int            `json:"pool_size,omitempty"`
	Invocations    int            `json:"invocations"`
	Succeeded      int            `json:"succeeded"`
	Failed         int            `json:"failed"`
	Errors         map[string]int `json:"errors"`
	PeakDBConns    int            `json:"peak_db_conns"`
	PeakQueued     int            `json:"peak_queued"`
	NewDBConns     int            `json:"new_db_conns"`
	P50Ms          float64        `json:"p50_ms"`
	P99Ms          float64        `json:"p99_ms"`
	Series         []Second       `json:"series"`
	Events         []string       `json:"events"`
	Explanation    string         `json:"explanation"`
	// EventsKo and ExplanationKo are Events and Explanation in Korean.
	EventsKo      []string `json:"-"`
	ExplanationKo string   `json:"-"`
}

// In is the explanation and the events in lang ("en" or "ko").
func (r Result) In(lang string) (explanation string, events []string) {
	if lang == "ko" && r.ExplanationKo != "" && len(r.EventsKo) == len(r.Events) {
		return r.ExplanationKo, r.EventsKo
	}
	return r.Explanation, r.Events
}

// maxEvents caps the event log.
const maxEvents = 200

type env struct {
	id         int
	busy       bool
	parked     bool
	hasConn    bool // direct: holds a DB connection; proxy: holds a pooled DB connection
	gen        int  // failover generation of the DB connection held
	clientConn bool // proxy: holds a client connection to the proxy
	pinned     bool
	pinDecided bool
}

type waiter struct {
	e        *env
	t0       time.Time
	deadline time.Time
	done     bool
}

type sim struct {
	c        Config
	proxy    bool
	clk      *clock.Virtual
	rng      *rand.Rand
	envs     []*env
	active   int
	busy     int
	dbOpen   int
	poolIdle int
	poolMax  int
	idleMax  int
	clients  int
	waiters  []*waiter
	queued   int
	sweeping bool // a borrow-timeout check is scheduled
	gen      int
	downFrom time.Time
	blocked  time.Time // clients cannot connect until then (failover)

	res     Result
	secLat  []float64
	allLat  []float64
	secOK   int
	secErr  int
	flagged map[string]bool
}

func ms(x float64) time.Duration { return time.Duration(x * float64(time.Millisecond)) }

// Run simulates the configuration with the default limits.
func Run(c Config) (Result, error) { return RunWith(c, DefaultLimits()) }

// RunWith simulates the configuration; invalid input is refused with an
// *Error (InvalidParameterValue) before anything runs.
func RunWith(c Config, lim Limits) (Result, error) {
	c, err := c.normalize(lim)
	if err != nil {
		return Result{}, fmt.Errorf("rdsproxy: %w", err)
	}
	s := &sim{c: c, proxy: c.Proxy != nil && c.Proxy.Enabled, clk: clock.New(clock.Epoch),
		rng: rand.New(rand.NewPCG(c.Seed, c.Seed^0x5851f42d4c957f2d)), flagged: map[string]bool{}}
	s.res = Result{MaxConnections: c.DB.MaxConnections, Errors: map[string]int{}}
	if s.proxy {
		s.poolMax = max(1, c.DB.MaxConnections*c.Proxy.MaxConnectionsPercent/100)
		s.idleMax = c.DB.MaxConnections * c.Proxy.MaxIdleConnectionsPercent / 100
		s.res.PoolSize = s.poolMax
	}
	total := 0
	for _, p := range c.Lambda.Phases {
		total += p.ForS
	}
	t := 0
	for _, p := range c.Lambda.Phases {
		for i := 0; i < p.ForS; i++ {
			sec, conc, first := t, p.Concurrency, i == 0
			s.clk.Schedule(clock.Epoch.Add(time.Duration(sec)*time.Second), func() { s.tick(sec, conc, first) })
			t++
		}
	}
	s.clk.Schedule(clock.Epoch.Add(time.Duration(total)*time.Second), func() { s.record(total - 1); s.setTarget(0) })
	if f := c.Failover; f != nil && f.AtS < float64(total) {
		s.clk.Schedule(clock.Epoch.Add(ms(f.AtS*1000)), s.failover)
	}
	s.clk.RunUntilIdle()
	slices.Sort(s.allLat)
	s.res.P50Ms, s.res.P99Ms = percentile(s.allLat, 50), percentile(s.allLat, 99)
	why := s.explain()
	s.res.Explanation, s.res.ExplanationKo = why.En, why.Ko
	return s.res, nil
}

func (s *sim) now() time.Time { return s.clk.Now() }

func (s *sim) event(key, format string, args ...any) {
	if key != "" {
		if s.flagged[key] {
			return
		}
		s.flagged[key] = true
	}
	if len(s.res.Events) < maxEvents {
		at := s.now().Sub(clock.Epoch).Seconds()
		t, when := say.Sprintf(format, args...), fmt.Sprintf("t=%.3fs ", at)
		s.res.Events = append(s.res.Events, when+t.En)
		s.res.EventsKo = append(s.res.EventsKo, when+t.Ko)
	}
}

func (s *sim) tick(sec, conc int, first bool) {
	if sec > 0 {
		s.record(sec - 1)
	}
	if first {
		s.event("", "load phase: %d concurrent invocations", conc)
	}
	s.res.Series = append(s.res.Series, Second{T: sec, Concurrency: conc})
	s.setTarget(conc)
}

// record closes the statistics of second sec.
func (s *sim) record(sec int) {
	if sec < 0 || sec >= len(s.res.Series) {
		return
	}
	row := &s.res.Series[sec]
	row.Busy, row.DBConns, row.Queued, row.OK, row.Errors = s.busy, s.dbOpen, s.queued, s.secOK, s.secErr
	row.ClientConns = s.dbOpen
	if s.proxy {
		row.ClientConns = s.clients
	}
	slices.Sort(s.secLat)
	row.P50Ms, row.P99Ms = percentile(s.secLat, 50), percentile(s.secLat, 99)
	s.secLat, s.secOK, s.secErr = s.secLat[:0], 0, 0
}

// setTarget parks or wakes environments to match the target concurrency.
// Parked environments stay warm and keep their connections: that is what
// exhausts max_connections after a spike.
func (s *sim) setTarget(n int) {
	for i := len(s.envs) - 1; i >= 0 && s.active > n; i-- {
		if e := s.envs[i]; !e.parked {
			e.parked = true
			s.active--
		}
	}
	for _, e := range s.envs {
		if s.active >= n {
			break
		}
		if e.parked {
			e.parked = false
			s.active++
			if !e.busy {
				s.startInv(e)
			}
		}
	}
	for s.active < n {
		e := &env{id: len(s.envs)}
		s.envs = append(s.envs, e)
		s.active++
		s.startInv(e)
	}
}

func (s *sim) startInv(e *env) {
	if e.parked {
		if e.busy {
			e.busy = false
			s.busy--
		}
		return
	}
	if !e.busy {
		e.busy = true
		s.busy++
	}
	t0 := s.now()
	s.clk.After(ms(s.c.Lambda.ThinkMs), func() { s.connect(e, t0) })
}

func (s *sim) down() bool { n := s.now(); return !n.Before(s.downFrom) && n.Before(s.blocked) }

func (s *sim) connect(e *env, t0 time.Time) {
	perInv := s.c.Lambda.Mode == ModePerInvocation
	setup := ms(s.c.DB.ConnSetupMs)
	if s.proxy {
		delay := time.Duration(0)
		if perInv || !e.clientConn {
			if !e.clientConn {
				e.clientConn = true
				s.clients++
			}
			e.pinDecided = false
			delay = setup // the client still does TCP/TLS/auth with the proxy
		}
		s.clk.After(delay, func() { s.borrow(e, t0) })
		return
	}
	if e.hasConn && e.gen == s.gen && !perInv {
		s.runTx(e, t0)
		return
	}
	e.hasConn = false
	if s.down() {
		s.fail(e, t0, ErrCantConn)
		return
	}
	if s.dbOpen >= s.c.DB.MaxConnections {
		s.event("1040", "connection %d refused: max_connections=%d reached, MySQL error 1040", s.dbOpen+1, s.c.DB.MaxConnections)
		s.fail(e, t0, ErrTooMany)
		return
	}
	s.openDB()
	e.hasConn, e.gen = true, s.gen
	s.clk.After(setup, func() { s.runTx(e, t0) })
}

func (s *sim) openDB() {
	s.dbOpen++
	s.res.NewDBConns++
	s.res.PeakDBConns = max(s.res.PeakDBConns, s.dbOpen)
	if s.dbOpen == s.c.DB.MaxConnections {
		s.event("full", "database connections reached max_connections (%d)", s.dbOpen)
	}
}

func (s *sim) borrow(e *env, t0 time.Time) {
	p := s.c.Proxy
	if !e.pinDecided {
		e.pinDecided, e.pinned = true, s.rng.Float64()*100 < p.PinnedPct
	}
	if e.hasConn && e.gen == s.gen {
		s.runTx(e, t0) // pinned: the session keeps its own DB connection
		return
	}
	e.hasConn = false
	up := !s.down()
	switch {
	case up && s.poolIdle > 0:
		s.poolIdle--
		e.hasConn, e.gen = true, s.gen
		s.runTx(e, t0)
	case up && s.dbOpen < s.poolMax:
		s.openDB()
		e.hasConn, e.gen = true, s.gen
		s.clk.After(ms(s.c.DB.ConnSetupMs), func() { s.runTx(e, t0) })
	default:
		w := &waiter{e: e, t0: t0, deadline: s.now().Add(ms(p.BorrowTimeoutS * 1000))}
		s.waiters = append(s.waiters, w)
		s.queued++
		s.res.PeakQueued = max(s.res.PeakQueued, s.queued)
		s.event("queue", "pool of %d busy: clients start to queue in the proxy", s.poolMax)
		if p.BorrowTimeoutS > 0 && !s.sweeping {
			s.sweeping = true
			s.clk.Schedule(w.deadline, s.sweep)
		}
	}
}

// sweep fails the waiters whose ConnectionBorrowTimeout has passed. Every
// waiter has the same timeout, so deadlines follow queue order and one
// pending check, for the head of the queue, is enough.
func (s *sim) sweep() {
	s.sweeping = false
	for len(s.waiters) > 0 {
		w := s.waiters[0]
		if w.done {
			s.waiters = s.waiters[1:]
			continue
		}
		if w.deadline.After(s.now()) {
			s.sweeping = true
			s.clk.Schedule(w.deadline, s.sweep)
			return
		}
		s.waiters = s.waiters[1:]
		w.done = true
		s.queued--
		s.event("borrow", "a client waited ConnectionBorrowTimeout (%g s) and got an error", s.c.Proxy.BorrowTimeoutS)
		s.fail(w.e, w.t0, ErrBorrowWait)
	}
}

func (s *sim) runTx(e *env, t0 time.Time) {
	j := s.c.DB.QueryJitterPct / 100
	d := s.c.DB.QueryMs * (1 + j*(2*s.rng.Float64()-1))
	gen := s.gen
	s.clk.After(ms(d), func() {
		if gen != s.gen { // a failover cut the connection mid-query
			e.hasConn = false
			s.fail(e, t0, ErrLost)
			return
		}
		s.txDone(e, t0)
	})
}

func (s *sim) txDone(e *env, t0 time.Time) {
	perInv := s.c.Lambda.Mode == ModePerInvocation
	if !s.proxy {
		if perInv {
			s.closeDirect(e)
		}
		s.finish(e, t0, "")
		return
	}
	if !e.pinned || perInv {
		s.release(e)
	}
	if perInv {
		e.clientConn = false
		s.clients--
	}
	s.finish(e, t0, "")
}

func (s *sim) closeDirect(e *env) {
	if e.hasConn && e.gen == s.gen {
		s.dbOpen--
	}
	e.hasConn = false
}

// release gives e's DB connection back to the pool: to the first waiter,
// else to the idle set, else (over MaxIdleConnectionsPercent) it is closed.
func (s *sim) release(e *env) {
	if !e.hasConn {
		return
	}
	e.hasConn = false
	if e.gen != s.gen {
		return
	}
	for len(s.waiters) > 0 {
		w := s.waiters[0]
		s.waiters = s.waiters[1:]
		if w.done {
			continue
		}
		w.done = true
		s.queued--
		w.e.hasConn, w.e.gen = true, s.gen
		s.runTx(w.e, w.t0)
		return
	}
	if s.poolIdle+1 > s.idleMax {
		s.dbOpen--
		return
	}
	s.poolIdle++
}

func (s *sim) fail(e *env, t0 time.Time, kind string) {
	if s.proxy && s.c.Lambda.Mode == ModePerInvocation && e.clientConn {
		e.clientConn = false
		s.clients--
	}
	s.finish(e, t0, kind)
}

func (s *sim) finish(e *env, t0 time.Time, kind string) {
	s.res.Invocations++
	if kind != "" {
		s.res.Failed++
		s.res.Errors[kind]++
		s.secErr++
	} else {
		s.res.Succeeded++
		s.secOK++
		l := float64(s.now().Sub(t0)) / float64(time.Millisecond)
		s.secLat = append(s.secLat, l)
		s.allLat = append(s.allLat, l)
	}
	s.startInv(e)
}
