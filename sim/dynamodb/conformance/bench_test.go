package conformance

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb"
)

// TestBenchAgainstDynalite runs bench.mjs against dynalite and against the
// simulator's HTTP handler in one run and logs both rates and their ratio.
// It measures, it does not assert, so it runs only with SAA_BENCH=1 (and
// node plus `npm install` here): go test -run BenchAgainst -v .
func TestBenchAgainstDynalite(t *testing.T) {
	if os.Getenv("SAA_BENCH") == "" {
		t.Skip("set SAA_BENCH=1 to measure")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	if _, err := os.Stat("node_modules/dynalite"); err != nil {
		t.Skip("run npm install first")
	}
	c := clock.New(clock.Epoch)
	h := dynamodb.Handler(dynamodb.New(c))
	var mu sync.Mutex
	n := 0
	// Virtual time moves one second per 500 requests so the load stays
	// inside the on-demand allowance: the figure is the engine's speed.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if n++; n%500 == 0 {
			c.Advance(time.Second)
		}
		mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	out, err := exec.Command(node, "bench.mjs", "--n", "3000", "--sim", srv.URL+"/").CombinedOutput()
	t.Logf("\n%s", out)
	if err != nil {
		t.Fatal(err)
	}
}
