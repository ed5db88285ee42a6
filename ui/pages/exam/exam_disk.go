package exam

import (
	"context"
	"sync"

	"github.com/saa-study/saa-study/progress"
)

// examDisk orders the writes of one exam: those of the program's
// commands, and the one Close makes on the way out, which must be the
// last word whatever is still in flight. It also learns the exam's row
// as soon as it is stored.
type examDisk struct {
	mu      sync.Mutex
	id      int64 // the exam's row; 0 until it is stored
	written int   // version of the newest state on disk
	final   bool  // the submitted exam and its answers are stored
}

// stored reports whether the exam has its row in the store.
func (d *examDisk) stored() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.id != 0
}

// save writes state (version v) unless a newer one is on disk already.
func (d *examDisk) save(ctx context.Context, p *progress.Progress, v int, state []byte) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if v <= d.written || d.id == 0 || d.final {
		return nil
	}
	if err := p.SaveExam(ctx, d.id, state); err != nil {
		return err
	}
	d.written = v
	return nil
}
