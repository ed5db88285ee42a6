package stepfunctions

import (
	"fmt"

	"github.com/saa-study/saa-study/sim/stepfunctions/intrinsic"
)

// parallel runs every branch on the same effective input; the result is
// the array of branch outputs in branch order. The first branch to fail
// cancels the others and the state fails with that branch's error.
func (e *Execution) parallel(r *run) {
	st := r.st
	r.attempt++
	attempt := r.attempt
	eff, f := e.effectiveInput(r, true)
	if f != nil {
		e.handleError(r, f)
		return
	}
	e.record(Event{Type: "ParallelStateStarted", State: st.Name, Detail: r.note})
	r.note = ""
	results := make([]any, len(st.Branches))
	remaining := len(st.Branches)
	var kids []*fiber
	done := false
	for i, br := range st.Branches {
		kid := r.f.spawn(br, func(out any, fl *Failure) {
			if done || r.attempt != attempt {
				return
			}
			if fl != nil {
				done = true
				for _, k := range kids {
					k.cancel()
				}
				e.record(Event{Type: "ParallelStateFailed", State: st.Name, Error: fl.Error, Cause: fl.Cause, Detail: fmt.Sprintf("branch %d failed", i)})
				e.handleError(r, fl)
				return
			}
			results[i] = out
			remaining--
			if remaining == 0 {
				done = true
				e.record(Event{Type: "ParallelStateSucceeded", State: st.Name})
				e.finishComposite(r, results)
			}
		})
		kids = append(kids, kid)
		e.goTo(kid, br.StartAt, eff)
	}
}

// mapState runs the item processor once per item of ItemsPath, at most
// MaxConcurrency at a time (0 = no limit), keeping results in item order.
func (e *Execution) mapState(r *run) {
	st := r.st
	r.attempt++
	attempt := r.attempt
	eff, f := e.effectiveInput(r, false)
	if f != nil {
		e.handleError(r, f)
		return
	}
	v, f := selectPath(st.itemsPath, eff, "ItemsPath")
	if f != nil {
		e.handleError(r, f)
		return
	}
	items, ok := v.([]any)
	if !ok {
		e.handleError(r, runtimeFailure("Map state %q: ItemsPath must select an array, got %s", st.Name, compactJSON(v)))
		return
	}
	maxC := st.maxConcurrency
	if st.maxConcPath != nil {
		mv, err := st.maxConcPath.Eval(eff)
		n, ok := intrinsic.Int(mv)
		if err != nil || !ok || n < 0 {
			e.handleError(r, runtimeFailure("MaxConcurrencyPath %s must select a non-negative integer", st.maxConcPath))
			return
		}
		maxC = int(n)
	}
	e.record(Event{Type: "MapStateStarted", State: st.Name, Detail: joinNote(fmt.Sprintf("%d items, MaxConcurrency %d", len(items), maxC), r.note)})
	r.note = ""
	n := len(items)
	if n == 0 {
		e.record(Event{Type: "MapStateSucceeded", State: st.Name})
		e.finishComposite(r, []any{})
		return
	}
	results := make([]any, n)
	next, active, remaining := 0, 0, n
	done := false
	var kids []*fiber
	fail := func(fl *Failure) {
		done = true
		for _, k := range kids {
			k.cancel()
		}
		e.record(Event{Type: "MapStateFailed", State: st.Name, Error: fl.Error, Cause: fl.Cause})
		e.handleError(r, fl)
	}
	var launch func()
	launch = func() {
		for !done && next < n && (maxC == 0 || active < maxC) {
			i := next
			next++
			active++
			in := items[i]
			if st.itemSelector != nil {
				item := map[string]any{"Index": i, "Value": items[i]}
				sel, fl := st.itemSelector.eval(e.env(r, eff, item))
				if fl != nil {
					fail(fl)
					return
				}
				in = sel
			}
			e.record(Event{Type: "MapIterationStarted", State: st.Name, Index: intp(i), Input: in})
			kid := r.f.spawn(st.Processor, func(out any, fl *Failure) {
				if done || r.attempt != attempt {
					return
				}
				active--
				if fl != nil {
					e.record(Event{Type: "MapIterationFailed", State: st.Name, Index: intp(i), Error: fl.Error, Cause: fl.Cause})
					fail(fl)
					return
				}
				e.record(Event{Type: "MapIterationSucceeded", State: st.Name, Index: intp(i), Output: out})
				results[i] = out
				remaining--
				if remaining == 0 {
					done = true
					e.record(Event{Type: "MapStateSucceeded", State: st.Name})
					e.finishComposite(r, results)
					return
				}
				launch()
			})
			kids = append(kids, kid)
			e.goTo(kid, st.Processor.StartAt, in)
		}
	}
	launch()
}

func joinNote(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}

func (e *Execution) finishComposite(r *run, results []any) {
	if n := jsonSize(results, MaxPayloadBytes); n > MaxPayloadBytes {
		e.handleError(r, &Failure{Error: ErrDataLimitExceeded, Cause: fmt.Sprintf("the %s result is %d bytes; the limit is %d", r.st.Type, n, MaxPayloadBytes)})
		return
	}
	out, f := e.applyOutput(r, results)
	if f != nil {
		e.handleError(r, f)
		return
	}
	e.exit(r, out)
}
