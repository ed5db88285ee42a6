package classroom

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
)

func startOptions(t *testing.T) StartOptions {
	t.Helper()
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return StartOptions{Store: testStore(t), Lib: lib, Lang: content.EN, Source: "lambda", N: 3, Paced: TeacherPaced,
		Listen: "127.0.0.1:0", HostKeyDir: filepath.Join(t.TempDir(), "ssh")}
}

// TestStartCarriesTheOptions: the code, the allowed connections and the
// deadlines a teacher chose (on the screen or as serve's flags) are the
// running server's; left at zero they are the defaults.
func TestStartCarriesTheOptions(t *testing.T) {
	o := startOptions(t)
	o.Code = " abcdef "
	o.MaxPending, o.MaxPendingPerAddr, o.HandshakeTimeout, o.JoinTimeout = 7, 3, 2*time.Second, 5*time.Second
	c, err := Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	cfg := c.Server.cfg
	if c.Room.Code() != "ABCDEF" || cfg.MaxPending != 7 || cfg.MaxPendingPerAddr != 3 || cfg.HandshakeTimeout != 2*time.Second || cfg.JoinTimeout != 5*time.Second {
		t.Fatalf("code %q, limits %d/%d, deadlines %v/%v: want ABCDEF, 7/3, 2s/5s", c.Room.Code(), cfg.MaxPending, cfg.MaxPendingPerAddr, cfg.HandshakeTimeout, cfg.JoinTimeout)
	}
	if c.Room.Quiz().Len() != 3 {
		t.Errorf("%d questions, want 3", c.Room.Quiz().Len())
	}

	d := startOptions(t)
	dc, err := Start(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	defer dc.Stop()
	if cfg := dc.Server.cfg; cfg.MaxPending != DefaultMaxPending || cfg.MaxPendingPerAddr != DefaultMaxPendingPerAddr ||
		cfg.HandshakeTimeout != DefaultHandshakeTimeout || cfg.JoinTimeout != DefaultJoinTimeout || len(dc.Room.Code()) != 6 {
		t.Errorf("zero options give %+v and code %q, want the defaults and a random code", cfg, dc.Room.Code())
	}
}

// TestStartResumes: --resume latest carries on the stored session, with
// its questions and code, and a second Stop does nothing.
func TestStartResumes(t *testing.T) {
	o := startOptions(t)
	first, err := Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := first.Stop(); err != nil {
		t.Fatalf("a second Stop: %v", err)
	}
	o.Resume, o.Source = "latest", ""
	again, err := Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Stop()
	if again.Room.ID() != first.Room.ID() || again.Room.Code() != first.Room.Code() ||
		strings.Join(again.Room.Quiz().IDs(), ",") != strings.Join(first.Room.Quiz().IDs(), ",") {
		t.Fatalf("resumed %s (%s, %v), want %s (%s, %v)", again.Room.ID(), again.Room.Code(), again.Room.Quiz().IDs(),
			first.Room.ID(), first.Room.Code(), first.Room.Quiz().IDs())
	}
}

// TestPrepareStoresNothing: a bad quiz or an unknown session is refused
// before anything is stored or listening.
func TestPrepareStoresNothing(t *testing.T) {
	for _, c := range []struct {
		change func(*StartOptions)
		want   string
	}{
		{func(o *StartOptions) { o.Source = "no-such-topic" }, "neither a quiz file nor a topic"},
		{func(o *StartOptions) { o.Resume = "no-such-session" }, "no-such-session"},
		{func(o *StartOptions) { o.Paced = "fast" }, "use teacher or self"},
	} {
		o := startOptions(t)
		c.change(&o)
		if _, err := Prepare(context.Background(), o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Prepare: %v, want an error saying %q", err, c.want)
		}
		if ss, err := o.Store.ClassSessions(context.Background()); err != nil || len(ss) != 0 {
			t.Errorf("a refused class stored %d sessions (%v)", len(ss), err)
		}
	}
}
