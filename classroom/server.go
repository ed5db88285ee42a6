package classroom

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	rm "charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"
)

// HostKeyName is the host key's file name inside its own directory.
const HostKeyName = "saa_study_host_ed25519"

// Defaults for ServerConfig's limits.
const (
	DefaultMaxSessions = 100
	DefaultIdleTimeout = 30 * time.Minute
	DefaultMaxTimeout  = 8 * time.Hour
)

// fpExt is where the public-key handler leaves the key it accepted, so the
// middleware can check it is the key the session really used.
const fpExt = "saa-pubkey-fp"

// ServerConfig configures the SSH server.
type ServerConfig struct {
	Addr string
	// HostKeyDir holds the host key (generated once, then reused). It must
	// be a folder of its own that only this user controls (see
	// CheckPrivateDir): keygen makes it 0700.
	HostKeyDir string
	Room       *Room
	Lang       content.Lang
	// AllowKeys, when not empty, are the only keys that may join.
	AllowKeys   []gossh.PublicKey
	MaxSessions int
	// MaxPending caps the connections that have not joined yet (in the
	// SSH handshake or at the join-code prompt), in all and from one
	// address; more are closed at once.
	MaxPending        int
	MaxPendingPerAddr int
	// HandshakeTimeout bounds the SSH handshake, JoinTimeout the time from
	// connecting to typing the right code.
	HandshakeTimeout time.Duration
	JoinTimeout      time.Duration
	IdleTimeout      time.Duration
	MaxTimeout       time.Duration
	WrongCodeDelay   time.Duration
	// Logger gets panics and refusals (default: discarded, so the
	// teacher's dashboard is not drawn over).
	Logger *log.Logger
	// TickEvery is how often timers are checked (default 500 ms).
	TickEvery time.Duration
}

// Server serves the quiz over SSH: one Bubble Tea program per session,
// and nothing else (no exec, no subsystems, no forwarding).
type Server struct {
	cfg    ServerConfig
	srv    *ssh.Server
	active atomic.Int64
	once   sync.Once
	done   chan struct{}

	gate     *gate
	colors   *rowColors // the students' screens' rows, downsampled
	mu       sync.Mutex
	programs map[*tea.Program]bool // running student programs
	ending   bool                  // Shutdown has begun
	sessions sync.WaitGroup        // student programs not yet finished
}

// NewServer builds the server; it does not listen yet.
func NewServer(cfg ServerConfig) (*Server, error) {
	if cfg.Room == nil {
		return nil, errors.New("classroom server: no room")
	}
	if cfg.HostKeyDir == "" {
		return nil, errors.New("classroom server: no host key directory (it must never be the working directory)")
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.MaxPending <= 0 {
		cfg.MaxPending = DefaultMaxPending
	}
	if cfg.MaxPendingPerAddr <= 0 {
		cfg.MaxPendingPerAddr = DefaultMaxPendingPerAddr
	}
	if cfg.HandshakeTimeout <= 0 {
		cfg.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if cfg.JoinTimeout <= 0 {
		cfg.JoinTimeout = DefaultJoinTimeout
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxTimeout <= 0 {
		cfg.MaxTimeout = DefaultMaxTimeout
	}
	if cfg.TickEvery <= 0 {
		cfg.TickEvery = 500 * time.Millisecond
	}
	if cfg.Logger == nil {
		cfg.Logger = log.New(io.Discard, "", 0)
	}
	if cfg.Lang == "" {
		cfg.Lang = content.EN
	}
	if err := CheckPrivateDir(cfg.HostKeyDir); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, done: make(chan struct{}), programs: map[*tea.Program]bool{}, colors: newRowColors()}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPath(filepath.Join(cfg.HostKeyDir, HostKeyName)),
		wish.WithPublicKeyAuth(s.publicKeyAuth),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool {
			return len(s.cfg.AllowKeys) == 0 // keyless students only when no allow-list
		}),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMaxTimeout(cfg.MaxTimeout),
		wish.WithVersion("saa-study-classroom"),
		// No kernel PTY per student: the quiz writes to the channel
		// itself, which spares two copies, two descriptors and a pair of
		// goroutines per session.
		ssh.EmulatePty(),
		// Middlewares compose first to last, so the last runs first.
		wish.WithMiddleware(rm.MiddlewareWithLogger(cfg.Logger,
			s.programMiddleware,
			s.ptyMiddleware,
			s.commandMiddleware,
			s.keyMiddleware,
			s.limitMiddleware,
		)),
	)
	if err != nil {
		return nil, fmt.Errorf("classroom server: %w", err)
	}
	// Only "session" channels exist (no direct-tcpip), no subsystem
	// handlers (no SFTP) and the forwarding callbacks stay nil, which
	// denies them; nothing here ever forwards an agent.
	srv.LocalPortForwardingCallback = nil
	srv.ReversePortForwardingCallback = nil
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": ssh.DefaultSessionHandler}
	srv.HandshakeTimeout = cfg.HandshakeTimeout
	s.gate = newGate(s)
	srv.ConnCallback = s.gate.admit
	s.srv = srv
	return s, nil
}

// publicKeyAuth accepts any key (or only AllowKeys) and notes which.
func (s *Server) publicKeyAuth(ctx ssh.Context, key ssh.PublicKey) bool {
	if !s.allowed(key) {
		s.cfg.Logger.Printf("refused key %s for %q from %s", gossh.FingerprintSHA256(key), ctx.User(), ctx.RemoteAddr())
		return false
	}
	if ctx.Permissions().Extensions == nil {
		ctx.Permissions().Extensions = map[string]string{}
	}
	ctx.Permissions().Extensions[fpExt] = gossh.FingerprintSHA256(key)
	return true
}

func (s *Server) allowed(key ssh.PublicKey) bool {
	if len(s.cfg.AllowKeys) == 0 {
		return true
	}
	if key == nil {
		return false
	}
	for _, k := range s.cfg.AllowKeys {
		if ssh.KeysEqual(key, k) {
			return true
		}
	}
	return false
}

func refuse(sess ssh.Session, msg string) {
	wish.Println(sess, msg)
	_ = sess.Exit(1)
}

// limitMiddleware caps concurrent sessions.
func (s *Server) limitMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer s.active.Add(-1)
		if s.active.Add(1) > int64(s.cfg.MaxSessions) {
			refuse(sess, "The classroom is full; try again in a moment.")
			return
		}
		next(sess)
	}
}

// keyMiddleware re-checks the key the session authenticated with: the
// public-key callback may have been offered keys the client never used.
func (s *Server) keyMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		pk := sess.PublicKey()
		if len(s.cfg.AllowKeys) > 0 && (pk == nil || !s.allowed(pk)) {
			refuse(sess, "This key may not join this classroom.")
			return
		}
		if pk != nil {
			if fp := sess.Context().Permissions().Extensions[fpExt]; fp != gossh.FingerprintSHA256(pk) {
				refuse(sess, "Authentication mismatch; reconnect.")
				return
			}
		}
		next(sess)
	}
}

// commandMiddleware refuses exec requests and subsystems (SFTP …).
func (s *Server) commandMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if len(sess.RawCommand()) > 0 || sess.Subsystem() != "" {
			refuse(sess, "Only the quiz is served here: connect with plain ssh and no command.")
			return
		}
		next(sess)
	}
}

// ptyMiddleware refuses sessions without a terminal in one line.
func (s *Server) ptyMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			refuse(sess, "The classroom quiz needs a terminal: connect with ssh -t.")
			return
		}
		next(sess)
	}
}

// programMiddleware runs one student's Bubble Tea program for the
// session: it forwards window changes, and when the program ends it marks
// the student gone and, if the class was ended for everyone, prints the
// student's result and the final board where the quiz was, so the
// session closes cleanly (exit status 0) with the outcome still on screen.
func (s *Server) programMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		m, scr, p := s.program(sess)
		s.mu.Lock()
		if s.ending {
			s.mu.Unlock()
			wish.Println(sess, text.T(s.cfg.Lang, "class.ended"))
			return
		}
		s.programs[p] = true
		s.sessions.Add(1)
		s.mu.Unlock()
		defer s.sessions.Done()
		_, windows, _ := sess.Pty()
		ctx, cancel := context.WithCancel(sess.Context())
		go func() {
			for {
				select {
				case <-ctx.Done():
					p.Quit()
					return
				case w := <-windows:
					p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
				}
			}
		}()
		_, err := p.Run()
		p.Kill()
		cancel()
		scr.close()
		s.mu.Lock()
		delete(s.programs, p)
		ending := s.ending
		s.mu.Unlock()
		farewell := m.Farewell()
		if !ending {
			// A refusal shown on the quiz's screen (too many wrong codes, no
			// code in time) would close with it.
			farewell = m.Refusal()
		}
		m.Close()
		switch {
		case err == nil || errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled):
			// A student leaving, or a connection dropping, is not an error.
		default:
			s.cfg.Logger.Printf("%s: the quiz stopped: %v", sess.RemoteAddr(), err)
		}
		if farewell != "" {
			_, _ = io.WriteString(sess, strings.ReplaceAll(farewell, "\n", "\r\n"))
		}
		next(sess)
	}
}

// program makes the student's model, its screen and the Bubble Tea
// program for one session. The program has no renderer of its own: the
// screen draws each frame as the model changes (see lineScreen).
func (s *Server) program(sess ssh.Session) (*Student, *lineScreen, *tea.Program) {
	fp := ""
	if pk := sess.PublicKey(); pk != nil {
		fp = gossh.FingerprintSHA256(pk)
	}
	ctx := sess.Context()
	m := NewStudent(StudentOptions{Room: s.cfg.Room, Ctx: ctx, User: sess.User(), KeyFP: fp,
		Lang: s.cfg.Lang, WrongCodeDelay: s.cfg.WrongCodeDelay, JoinTimeout: s.cfg.JoinTimeout,
		OnJoin: func() { joined(ctx) }, Logf: func(format string, args ...any) {
			s.cfg.Logger.Printf("%s: "+format, append([]any{sess.RemoteAddr()}, args...)...)
		}})
	pty, _, _ := sess.Pty()
	scr := newLineScreen(sess, append(sess.Environ(), "TERM="+pty.Term), pty.Window.Width, pty.Window.Height, windowTitle, s.colors)
	// Without a renderer the program's frame ticker only sends terminal
	// queries (the background colour): once a second is plenty.
	opts := append(bm.MakeOptions(sess), tea.WithContext(sess.Context()), tea.WithoutRenderer(), tea.WithFPS(1))
	return m, scr, tea.NewProgram(&screenModel{m: m, scr: scr}, opts...)
}

// Shutdown ends the class for everyone: each student's quiz closes, they
// get their result and the final board, and their session ends with exit
// status 0. It waits for that (or ctx) and then closes the server.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.ending = true
	progs := make([]*tea.Program, 0, len(s.programs))
	for p := range s.programs {
		progs = append(progs, p)
	}
	s.mu.Unlock()
	for _, p := range progs {
		go p.Send(classEndedMsg{})
	}
	done := make(chan struct{})
	go func() {
		s.sessions.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
	// Each client hangs up once it has its exit status; closing first
	// would make ssh say "closed by remote host".
	grace := time.After(2 * time.Second)
	for s.gate.openConns() > 0 {
		select {
		case <-ctx.Done():
			return s.Close()
		case <-grace:
			return s.Close()
		case <-time.After(10 * time.Millisecond):
		}
	}
	return s.Close()
}

// Serve accepts connections on l until Close, and checks the room's
// timers meanwhile.
func (s *Server) Serve(l net.Listener) error {
	go s.tickLoop()
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// ListenAndServe listens on ServerConfig.Addr.
func (s *Server) ListenAndServe() error {
	l, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	return s.Serve(l)
}

func (s *Server) tickLoop() {
	t := time.NewTicker(s.cfg.TickEvery)
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-t.C:
			if err := s.cfg.Room.Tick(context.Background()); err != nil {
				s.cfg.Logger.Printf("timer: %v", err)
			}
		}
	}
}

// Close stops the server and drops every connection.
func (s *Server) Close() error {
	s.once.Do(func() { close(s.done) })
	return s.srv.Close()
}

// LoadAuthorizedKeys reads an authorized_keys file. A bad line is an
// error naming the file and line.
func LoadAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("allowed keys: %w", err)
	}
	defer f.Close()
	var keys []gossh.PublicKey
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s: no keys in the file (authorized_keys format, one key a line)", path)
	}
	return keys, nil
}
