package classroom

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"log"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/store"
)

// DefaultHostKeyDir is the host key's folder in the user's own data
// folder ($XDG_DATA_HOME/saa-study/ssh, ~/.local/share/saa-study/ssh).
func DefaultHostKeyDir() string { return filepath.Join(store.DataDir(), "ssh") }

// StartOptions start a new class from a screen.
type StartOptions struct {
	Store  *store.Store
	Lib    *content.Library
	Lang   content.Lang
	Source string // a topic id or a quiz file
	N      int    // questions to ask (0 = all)
	Paced  Paced
	Timer  time.Duration // per question; 0 for none
	Listen string        // host:port
	// HostKeyDir defaults to DefaultHostKeyDir.
	HostKeyDir string
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

// Start loads the quiz, opens a new session in the store, and serves it
// over SSH in the background until Stop.
func Start(ctx context.Context, o StartOptions) (*Class, error) {
	if o.Store == nil {
		return nil, errors.New("a class needs a progress file to keep its answers; start saa-study with --db")
	}
	if o.HostKeyDir == "" {
		o.HostKeyDir = DefaultHostKeyDir()
	}
	if err := CheckPrivateDir(o.HostKeyDir); err != nil {
		return nil, err
	}
	pool, err := LoadQuiz(o.Lib, o.Source, o.Lang)
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(o.Source)
	seed := randomSeed()
	q := pool.Pick(o.N, seed, statErr != nil)
	code := GenerateCode(rand.New(rand.NewPCG(seed, randomSeed())))
	room, err := NewRoom(ctx, Config{Store: o.Store, Clock: wallClock{}, Quiz: q, Paced: o.Paced, Code: code, Timer: o.Timer,
		SessionID: fmt.Sprintf("%s-%04x", time.Now().UTC().Format("20060102-150405"), seed&0xffff)})
	if err != nil {
		return nil, err
	}
	lf, err := OpenLog(o.HostKeyDir)
	if err != nil {
		return nil, err
	}
	srv, err := NewServer(ServerConfig{Addr: o.Listen, HostKeyDir: o.HostKeyDir, Room: room, Lang: o.Lang,
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
