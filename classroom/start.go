package classroom

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/store"
)

// DefaultHostKeyDir is the host key's folder in the user's own data
// folder ($XDG_DATA_HOME/saa-study/ssh, ~/.local/share/saa-study/ssh).
func DefaultHostKeyDir() string { return filepath.Join(store.DataDir(), "ssh") }

// StartOptions start a class, from the program's Classroom screen or
// from saa-study classroom serve: both go through Start.
type StartOptions struct {
	Store  *store.Store
	Lib    *content.Library
	Lang   content.Lang
	Source string // a topic id or a quiz file
	N      int    // questions to ask (0 = all)
	Paced  Paced
	Timer  time.Duration // per question; 0 for none
	Listen string        // host:port
	// Code is the join code ("" for a random one).
	Code string
	// Resume carries on a stored session (its id, or "latest") instead of
	// starting a new one; Source, N, Paced, Timer and Code are then the
	// stored session's.
	Resume string
	// AllowKeys, when not empty, are the only keys that may join.
	AllowKeys []gossh.PublicKey
	// HostKeyDir defaults to DefaultHostKeyDir.
	HostKeyDir string
	// The limits on connections that have not joined (0: the defaults,
	// see ServerConfig).
	MaxPending        int
	MaxPendingPerAddr int
	HandshakeTimeout  time.Duration
	JoinTimeout       time.Duration
}

// Class is a running class: its room and server.
type Class struct {
	Room   *Room
	Server *Server
	// Addr is the address the server listens on (the port chosen when
	// Listen asked for port 0).
	Addr string
	log  *os.File

	stopOnce sync.Once
	stopErr  error
}

// Prepared is a class checked and ready to start: its quiz is loaded and
// its host key folder checked, and nothing is stored or listening yet.
type Prepared struct {
	o    StartOptions
	quiz Quiz
	sess *store.ClassSession // the session to resume, nil for a new one
}

// Prepare checks o and loads the quiz, so that a bad quiz file, an unknown
// session or an unsafe host key folder is refused before anything starts.
func Prepare(ctx context.Context, o StartOptions) (*Prepared, error) {
	if o.Store == nil {
		return nil, errors.New("a class needs a progress file to keep its answers; start saa-study with --db")
	}
	if o.HostKeyDir == "" {
		o.HostKeyDir = DefaultHostKeyDir()
	}
	if err := CheckPrivateDir(o.HostKeyDir); err != nil {
		return nil, err
	}
	if o.Resume != "" {
		sess, err := o.Store.ClassSession(ctx, o.Resume)
		if err != nil {
			return nil, err
		}
		lang, _ := content.ParseLang(sess.Lang)
		pool, err := LoadQuiz(o.Lib, sess.Source, lang)
		if err != nil {
			return nil, err
		}
		q, err := pool.Select(sess.QuestionIDs)
		if err != nil {
			return nil, err
		}
		return &Prepared{o: o, quiz: q, sess: &sess}, nil
	}
	if o.Paced != TeacherPaced && o.Paced != SelfPaced {
		return nil, &Error{Code: "ValidationException", Message: fmt.Sprintf("paced %q: use teacher or self", o.Paced)}
	}
	pool, err := LoadQuiz(o.Lib, o.Source, o.Lang)
	if err != nil {
		return nil, err
	}
	// A topic's questions come in a random order, a file's in its own.
	_, statErr := os.Stat(o.Source)
	return &Prepared{o: o, quiz: pool.Pick(o.N, randomSeed(), statErr != nil)}, nil
}

// Start prepares the class (see Prepare) and serves it.
func Start(ctx context.Context, o StartOptions) (*Class, error) {
	p, err := Prepare(ctx, o)
	if err != nil {
		return nil, err
	}
	return p.Start(ctx)
}

// Start opens the session in the store (a new one, or the one to
// resume) and serves it over SSH in the background until Stop.
func (p *Prepared) Start(ctx context.Context) (*Class, error) {
	o := p.o
	var room *Room
	var err error
	if p.sess != nil {
		room, err = ResumeRoom(ctx, o.Store, wallClock{}, p.quiz, p.sess.ID)
	} else {
		seed := randomSeed()
		code := NormalizeCode(o.Code)
		if code == "" {
			code = GenerateCode(rand.New(rand.NewPCG(seed, randomSeed())))
		}
		room, err = NewRoom(ctx, Config{Store: o.Store, Clock: wallClock{}, Quiz: p.quiz, Paced: o.Paced, Code: code, Timer: o.Timer,
			SessionID: fmt.Sprintf("%s-%04x", time.Now().UTC().Format("20060102-150405"), seed&0xffff)})
	}
	if err != nil {
		return nil, err
	}
	lf, err := OpenLog(o.HostKeyDir)
	if err != nil {
		return nil, err
	}
	srv, err := NewServer(ServerConfig{Addr: o.Listen, HostKeyDir: o.HostKeyDir, Room: room, Lang: o.Lang,
		AllowKeys: o.AllowKeys, MaxPending: o.MaxPending, MaxPendingPerAddr: o.MaxPendingPerAddr,
		HandshakeTimeout: o.HandshakeTimeout, JoinTimeout: o.JoinTimeout,
		Logger: log.New(lf, "", log.LstdFlags)})
	if err != nil {
		lf.Close()
		return nil, err
	}
	l, err := net.Listen("tcp", o.Listen)
	if err != nil {
		lf.Close()
		return nil, fmt.Errorf("listen on %s: %w", o.Listen, err)
	}
	go func() { _ = srv.Serve(l) }()
	return &Class{Room: room, Server: srv, Addr: l.Addr().String(), log: lf}, nil
}

// Log is the class's log file (plain text, beside the host key), for a
// caller that sends other loggers there too.
func (c *Class) Log() io.Writer { return c.log }

// Stop ends the class for everyone (see Server.Shutdown), waiting at most
// five seconds for the students' sessions to close. Calling it again
// returns the first call's result.
func (c *Class) Stop() error {
	c.stopOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c.stopErr = c.Server.Shutdown(ctx)
		c.log.Close()
	})
	return c.stopErr
}

type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

func randomSeed() uint64 {
	var b [8]byte
	if _, err := crand.Read(b[:]); err != nil {
		return uint64(time.Now().UnixNano())
	}
	return binary.LittleEndian.Uint64(b[:])
}
