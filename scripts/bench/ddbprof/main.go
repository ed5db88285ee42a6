//go:build ignore

// ddbprof serves the DynamoDB endpoint as `saa-study sim dynamodb --serve
// ADDR --throttle off` does (the same fasthttp server) and writes a CPU profile of one operation's
// phase of a ddbload run: profiling starts at the first request for -op
// and stops at the first request for any other operation after it (or at
// ctrl+c).
//
//	go run scripts/bench/ddbprof/main.go -addr 127.0.0.1:8000 -op GetItem -o /tmp/get.pprof &
//	go run scripts/bench/ddbload/main.go -url http://127.0.0.1:8000
//	go tool pprof -top /tmp/get.pprof
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "where to listen")
	op := flag.String("op", "GetItem", "the operation whose phase is profiled")
	out := flag.String("o", "ddb.pprof", "the CPU profile to write")
	heap := flag.String("heap", "", "also write a heap profile here when stopped")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		fail(err)
	}
	db := dynamodb.NewWithOptions(clock.Wall{}, dynamodb.Options{AdaptiveCapacity: true, NoThrottling: true})
	srv := dynamodb.NewServer(db, dynamodb.Timeouts{Read: 60 * time.Second, Write: 60 * time.Second, Idle: 120 * time.Second})
	h := srv.Handler
	var mu sync.Mutex
	state := 0 // 0 before the phase, 1 profiling, 2 done
	stop := func() {
		mu.Lock()
		defer mu.Unlock()
		if state == 1 {
			pprof.StopCPUProfile()
			f.Close()
			fmt.Fprintln(os.Stderr, "ddbprof: wrote", *out)
		}
		state = 2
	}
	srv.Handler = func(c *fasthttp.RequestCtx) {
		_, target, _ := strings.Cut(string(c.Request.Header.Peek("X-Amz-Target")), ".")
		mu.Lock()
		s := state
		mu.Unlock()
		switch {
		case s == 0 && target == *op:
			mu.Lock()
			if state == 0 {
				if err := pprof.StartCPUProfile(f); err != nil {
					fail(err)
				}
				state = 1
			}
			mu.Unlock()
		case s == 1 && target != *op && target != "":
			stop()
		}
		h(c)
	}
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
		<-c
		stop()
		if *heap != "" {
			h, err := os.Create(*heap)
			if err != nil {
				fail(err)
			}
			runtime.GC()
			if err := pprof.WriteHeapProfile(h); err != nil {
				fail(err)
			}
			h.Close()
		}
		os.Exit(0)
	}()
	fail(srv.ListenAndServe(*addr))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ddbprof:", err)
	os.Exit(1)
}
