package stepfunctions

import (
	"fmt"
	"sort"

	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

var retrierFields = map[string]bool{"ErrorEquals": true, "IntervalSeconds": true, "MaxAttempts": true, "BackoffRate": true, "MaxDelaySeconds": true, "JitterStrategy": true, "Comment": true}
var catcherFields = map[string]bool{"ErrorEquals": true, "Next": true, "ResultPath": true, "Comment": true}

// errorEquals checks one ErrorEquals list: non-empty strings, and
// States.ALL only alone and only in the last rule.
func (b *builder) errorEquals(st, field string, v any, last bool) []string {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		b.add(st, field, "ErrorEquals must be a non-empty array of error names")
		return nil
	}
	var out []string
	for _, e := range list {
		s, ok := e.(string)
		if !ok || s == "" {
			b.add(st, field, "error names must be non-empty strings")
			continue
		}
		out = append(out, s)
	}
	for _, s := range out {
		if s == ErrALL {
			if len(out) > 1 {
				b.add(st, field, "States.ALL must appear alone in its ErrorEquals")
			}
			if !last {
				b.add(st, field, "a rule matching States.ALL must be the last one")
			}
		}
	}
	return out
}

func (b *builder) retriers(st string, v any, _ map[string]any) []Retrier {
	if v == nil {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		b.add(st, "Retry", "Retry must be an array")
		return nil
	}
	var out []Retrier
	for i, e := range list {
		f := fmt.Sprintf("Retry[%d]", i)
		m, ok := e.(map[string]any)
		if !ok {
			b.add(st, f, "a retrier must be an object")
			continue
		}
		for _, k := range sortedKeys(m) {
			if !retrierFields[k] {
				b.add(st, f+"."+k, "unknown retrier field %q", k)
			}
		}
		r := Retrier{IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2.0, JitterStrategy: "NONE"}
		r.ErrorEquals = b.errorEquals(st, f+".ErrorEquals", m["ErrorEquals"], i == len(list)-1)
		if x, ok := m["IntervalSeconds"]; ok {
			n, ok := positiveInt(x)
			if !ok || n > MaxRetryIntervalSec {
				b.add(st, f+".IntervalSeconds", "IntervalSeconds must be an integer of at least 1")
			}
			r.IntervalSeconds = n
		}
		if x, ok := m["MaxAttempts"]; ok {
			n, ok := nonNegInt(x)
			if !ok {
				b.add(st, f+".MaxAttempts", "MaxAttempts must be a non-negative integer (0 means never retry)")
			}
			r.MaxAttempts = n
		}
		if x, ok := m["BackoffRate"]; ok {
			n, ok := jsonpath.Number(x)
			if !ok || n < 1.0 {
				b.add(st, f+".BackoffRate", "BackoffRate must be a number of at least 1.0")
			}
			r.BackoffRate = n
		}
		if x, ok := m["MaxDelaySeconds"]; ok {
			n, ok := positiveInt(x)
			if !ok || n > 31622400 {
				b.add(st, f+".MaxDelaySeconds", "MaxDelaySeconds must be a positive integer")
			}
			r.MaxDelaySeconds = n
		}
		if x, ok := m["JitterStrategy"]; ok {
			s, _ := x.(string)
			if s != "FULL" && s != "NONE" {
				b.add(st, f+".JitterStrategy", "JitterStrategy must be FULL or NONE (got %v)", x)
			}
			r.JitterStrategy = s
		}
		out = append(out, r)
	}
	return out
}

func (b *builder) catchers(st string, v any, _ map[string]any) []Catcher {
	if v == nil {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		b.add(st, "Catch", "Catch must be an array")
		return nil
	}
	var out []Catcher
	for i, e := range list {
		f := fmt.Sprintf("Catch[%d]", i)
		m, ok := e.(map[string]any)
		if !ok {
			b.add(st, f, "a catcher must be an object")
			continue
		}
		for _, k := range sortedKeys(m) {
			if !catcherFields[k] {
				b.add(st, f+"."+k, "unknown catcher field %q", k)
			}
		}
		c := Catcher{ErrorEquals: b.errorEquals(st, f+".ErrorEquals", m["ErrorEquals"], i == len(list)-1)}
		c.Next, _ = m["Next"].(string)
		if c.Next == "" {
			b.add(st, f+".Next", "a catcher needs Next")
		}
		c.resultPath = b.pathField(st, m, "ResultPath", true)
		if _, ok := m["ResultPath"]; ok && !c.resultPath.set {
			b.problems[len(b.problems)-1].Field = f + ".ResultPath"
		}
		out = append(out, c)
	}
	return out
}

// checkGraph checks one scope: StartAt and every transition name a state
// of this scope, every state is reachable, and some state ends the scope.
func (b *builder) checkGraph(m *Machine, owner, prefix string) {
	if m.StartAt != "" && m.States[m.StartAt] == nil {
		b.add(owner, prefix+"StartAt", "StartAt names %q, which is not a state of this scope", m.StartAt)
	}
	names := make([]string, 0, len(m.States))
	for n := range m.States {
		names = append(names, n)
	}
	sort.Strings(names)
	terminal := false
	for _, n := range names {
		s := m.States[n]
		if s.Terminal() {
			terminal = true
		}
		for _, e := range s.Transitions() {
			if m.States[e.To] == nil {
				b.add(n, edgeField(e), "%s names %q, which is not a state of this scope", edgeField(e), e.To)
			}
		}
	}
	if !terminal {
		b.add(owner, prefix+"States", "no terminal state: at least one state needs \"End\": true or must be Succeed or Fail")
	}
	// Reachability, breadth-first; the order doubles as Machine.Order.
	seen := map[string]bool{}
	var order []string
	if m.States[m.StartAt] != nil {
		queue := []string{m.StartAt}
		seen[m.StartAt] = true
		for len(queue) > 0 {
			n := queue[0]
			queue = queue[1:]
			order = append(order, n)
			for _, e := range m.States[n].Transitions() {
				if m.States[e.To] != nil && !seen[e.To] {
					seen[e.To] = true
					queue = append(queue, e.To)
				}
			}
		}
	}
	for _, n := range names {
		if !seen[n] {
			order = append(order, n)
			if m.States[m.StartAt] != nil {
				b.add(n, "", "state %q is not reachable from StartAt", n)
			}
		}
	}
	m.Order = order
}

func edgeField(e Edge) string {
	switch {
	case e.Label == "Next" || e.Label == "Default":
		return e.Label
	case len(e.Label) > 5 && e.Label[:5] == "Catch":
		var i int
		fmt.Sscanf(e.Label, "Catch[%d]", &i)
		return fmt.Sprintf("Catch[%d].Next", i)
	}
	return e.Label + ".Next"
}
