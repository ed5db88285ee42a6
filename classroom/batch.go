package classroom

import (
	"context"
	"sync"
	"time"

	"github.com/saa-study/saa-study/store"
)

// batcher commits answers in groups: the first answer to arrive commits
// at once; those that arrive while its transaction is being synced to
// disk wait and go together in the next one. One sync then serves a
// whole burst of answers (a room of 200 answering the same question)
// instead of queueing 200 syncs one behind the other, and every answer is
// still durable before it is acknowledged.
type batcher struct {
	st      *store.Store
	mu      sync.Mutex
	queue   []*commitReq
	running bool
	// observe, when set (by the load test), hears each batch's size and
	// how long its transaction took.
	observe func(n int, took time.Duration)
}

type commitReq struct {
	a    store.ClassAnswer
	id   int64
	err  error
	done chan struct{}
}

// commit stores a and returns its id once it is durable.
func (b *batcher) commit(ctx context.Context, a store.ClassAnswer) (int64, error) {
	req := &commitReq{a: a, done: make(chan struct{})}
	b.mu.Lock()
	b.queue = append(b.queue, req)
	if b.running {
		b.mu.Unlock()
		<-req.done
		return req.id, req.err
	}
	// This caller commits for everyone until the queue is empty; the
	// batch must not fail because this caller's session ends meanwhile.
	b.running = true
	ctx = context.WithoutCancel(ctx)
	for len(b.queue) > 0 {
		batch := b.queue
		b.queue = nil
		b.mu.Unlock()
		as := make([]store.ClassAnswer, len(batch))
		for i, r := range batch {
			as[i] = r.a
		}
		t0 := time.Now()
		ids, errs, err := b.st.RecordClassAnswers(ctx, as)
		if b.observe != nil {
			b.observe(len(as), time.Since(t0))
		}
		for i, r := range batch {
			if err != nil {
				r.err = err
			} else {
				r.id, r.err = ids[i], errs[i]
			}
			close(r.done)
		}
		b.mu.Lock()
	}
	b.running = false
	b.mu.Unlock()
	return req.id, req.err
}
