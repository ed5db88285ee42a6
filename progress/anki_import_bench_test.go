package progress

import (
	"context"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/saa-study/saa-study/anki/ankitest"
)

// BenchmarkImportAnki10k imports a package of 10,000 cards and 100,000
// reviews (zstd schema 18) into a fresh progress file: reading, Markdown,
// replaying every history through FSRS and the one transaction. It
// reports the peak heap seen while it runs.
func BenchmarkImportAnki10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.apkg")
	if err := ankitest.Large(10_000, 10).Write(path); err != nil {
		b.Fatal(err)
	}
	lib := srsLibrary(b)
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse+ms.StackInuse)
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p, err := Open(filepath.Join(b.TempDir(), "p.db"), lib, Options{Loc: time.UTC, Now: fixedClock})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := p.ImportAnki(context.Background(), path, AnkiImportOptions{DeckDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Cards != 10_000 || sum.Reviews != 100_000 {
			b.Fatalf("summary %+v", sum)
		}
		b.StopTimer()
		p.Close()
		b.StartTimer()
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}
