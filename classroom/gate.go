package classroom

import (
	"net"
	"sync"
	"time"

	"charm.land/ssh"
)

// Defaults for the limits on connections that have not joined.
const (
	DefaultMaxPending        = 100
	DefaultMaxPendingPerAddr = 50
	DefaultHandshakeTimeout  = 10 * time.Second
	DefaultJoinTimeout       = 90 * time.Second
)

// maxLoggedAddrs bounds the memory of which addresses were already logged.
const maxLoggedAddrs = 4096

// gate admits connections: at most MaxPending that have not joined, at
// most MaxPendingPerAddr of them from one address, and each must join
// within JoinTimeout (plus the handshake) or be closed. A refusal is logged once per address.
type gate struct {
	s       *Server
	mu      sync.Mutex
	pending int
	perAddr map[string]int
	logged  map[string]bool
	open    int // connections admitted and not yet closed
}

type connKey struct{}

// pendingConn is a connection counted as not joined until it joins,
// closes, or runs out of time.
type pendingConn struct {
	net.Conn
	g      *gate
	host   string
	timer  *time.Timer
	once   sync.Once
	closed sync.Once
}

func newGate(s *Server) *gate {
	return &gate{s: s, perAddr: map[string]int{}, logged: map[string]bool{}}
}

func hostOf(a net.Addr) string {
	if a == nil {
		return "unknown"
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// admit is the server's ConnCallback: nil closes the connection.
func (g *gate) admit(ctx ssh.Context, c net.Conn) net.Conn {
	host := hostOf(c.RemoteAddr())
	cfg := &g.s.cfg
	g.mu.Lock()
	if g.pending >= cfg.MaxPending || g.perAddr[host] >= cfg.MaxPendingPerAddr {
		first := !g.logged[host]
		if first {
			if len(g.logged) >= maxLoggedAddrs {
				clear(g.logged)
			}
			g.logged[host] = true
		}
		n, all := g.perAddr[host], g.pending
		g.mu.Unlock()
		if first {
			cfg.Logger.Printf("refused connections from %s: %d from there and %d in all have not joined yet (further refusals from this address are not logged)", host, n, all)
		}
		return nil
	}
	g.pending++
	g.perAddr[host]++
	g.open++
	g.mu.Unlock()
	pc := &pendingConn{Conn: c, g: g, host: host}
	// The join-code prompt has its own deadline and says why it closes;
	// this one, a handshake later, catches connections that never open a
	// session at all.
	pc.timer = time.AfterFunc(cfg.JoinTimeout+cfg.HandshakeTimeout, func() {
		if pc.release() {
			_ = c.Close()
		}
	})
	ctx.SetValue(connKey{}, pc)
	return pc
}

// release stops counting the connection as pending; it reports whether
// it still was.
func (pc *pendingConn) release() bool {
	done := false
	pc.once.Do(func() {
		done = true
		pc.timer.Stop()
		g := pc.g
		g.mu.Lock()
		g.pending--
		if g.perAddr[pc.host]--; g.perAddr[pc.host] <= 0 {
			delete(g.perAddr, pc.host)
		}
		g.mu.Unlock()
	})
	return done
}

// Close implements net.Conn.
func (pc *pendingConn) Close() error {
	pc.release()
	pc.closed.Do(func() {
		pc.g.mu.Lock()
		pc.g.open--
		pc.g.mu.Unlock()
	})
	return pc.Conn.Close()
}

// openConns is how many connections are open.
func (g *gate) openConns() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.open
}

// joined marks the session's connection as joined: it no longer counts
// against the limits and has no deadline.
func joined(ctx ssh.Context) {
	if pc, ok := ctx.Value(connKey{}).(*pendingConn); ok {
		pc.release()
	}
}
