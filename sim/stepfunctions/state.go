package stepfunctions

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// state builds one state and reports what a state of its type may not
// have, or lacks.
func (b *builder) state(name string, m map[string]any) *State {
	s := &State{Name: name}
	if utf8.RuneCountInString(name) > MaxStateNameLength {
		b.add(name, "", "state names are limited to %d characters", MaxStateNameLength)
	}
	typ, _ := m["Type"].(string)
	s.Type = typ
	fields, ok := stateFields[typ]
	if !ok {
		b.add(name, "Type", "Type must be one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map (got %q)", typ)
		return s
	}
	allowed := map[string]bool{"Type": true, "Comment": true}
	for _, f := range fields {
		allowed[f] = true
	}
	for _, k := range sortedKeys(m) {
		switch {
		case allowed[k]:
		case unsupported[k] != "":
			b.add(name, k, "%s", unsupported[k])
		default:
			b.add(name, k, "a %s state may not have %s", typ, k)
		}
	}
	s.Comment, _ = m["Comment"].(string)

	// Next / End: exactly one for states that continue.
	if allowed["Next"] {
		_, hasNext := m["Next"]
		end, hasEnd := m["End"]
		if hasNext {
			s.Next = b.str(name, m, "Next")
		}
		if hasEnd {
			e, ok := end.(bool)
			if !ok {
				b.add(name, "End", "End must be true or false")
			}
			s.End = e
		}
		switch {
		case hasNext && s.End:
			b.add(name, "End", "a state may not have both Next and End")
		case !hasNext && !s.End:
			b.add(name, "Next", "a %s state needs Next or \"End\": true", typ)
		}
	}

	s.inputPath = b.pathField(name, m, "InputPath", false)
	s.outputPath = b.pathField(name, m, "OutputPath", false)
	if allowed["ResultPath"] {
		s.resultPath = b.pathField(name, m, "ResultPath", true)
	}
	if allowed["Parameters"] {
		s.parameters = b.templ(name, m, "Parameters")
	}
	if allowed["ResultSelector"] {
		s.resultSelector = b.templ(name, m, "ResultSelector")
	}

	switch typ {
	case "Pass":
		s.result, s.hasResult = m["Result"]
	case "Task":
		b.task(s, m)
	case "Choice":
		b.choice(s, m)
	case "Wait":
		b.wait(s, m)
	case "Fail":
		b.fail(s, m)
	case "Parallel":
		list, ok := m["Branches"].([]any)
		if !ok || len(list) == 0 {
			b.add(name, "Branches", "Branches must be a non-empty array")
		}
		for i, br := range list {
			bm, ok := br.(map[string]any)
			if !ok {
				b.add(name, fmt.Sprintf("Branches[%d]", i), "a branch must be an object with StartAt and States")
				continue
			}
			s.Branches = append(s.Branches, b.machine(bm, name, fmt.Sprintf("Branches[%d].", i), false))
		}
		s.Retry = b.retriers(name, m["Retry"], m)
		s.Catch = b.catchers(name, m["Catch"], m)
	case "Map":
		b.mapState(s, m)
	}
	return s
}

func (b *builder) task(s *State, m map[string]any) {
	name := s.Name
	s.Resource = b.str(name, m, "Resource")
	if _, ok := m["Resource"]; !ok {
		b.add(name, "Resource", "a Task state needs Resource")
	}
	if b.typ == Express && isCallbackOrSync(s.Resource) {
		b.add(name, "Resource", "Express workflows do not support the .sync or .waitForTaskToken integration patterns")
	}
	_, hasT := m["TimeoutSeconds"]
	_, hasTP := m["TimeoutSecondsPath"]
	_, hasH := m["HeartbeatSeconds"]
	_, hasHP := m["HeartbeatSecondsPath"]
	if hasT && hasTP {
		b.add(name, "TimeoutSecondsPath", "use TimeoutSeconds or TimeoutSecondsPath, not both")
	}
	if hasH && hasHP {
		b.add(name, "HeartbeatSecondsPath", "use HeartbeatSeconds or HeartbeatSecondsPath, not both")
	}
	if hasT {
		n, ok := positiveInt(m["TimeoutSeconds"])
		if !ok || n > DefaultTaskTimeout {
			b.add(name, "TimeoutSeconds", "TimeoutSeconds must be a positive integer up to %d", DefaultTaskTimeout)
		}
		s.timeoutSeconds = n
	}
	if hasH {
		n, ok := positiveInt(m["HeartbeatSeconds"])
		if !ok || n > DefaultTaskTimeout {
			b.add(name, "HeartbeatSeconds", "HeartbeatSeconds must be a positive integer up to %d", DefaultTaskTimeout)
		}
		s.heartbeatSeconds = n
	}
	if hasT && hasH && s.heartbeatSeconds >= s.timeoutSeconds && s.timeoutSeconds > 0 {
		b.add(name, "HeartbeatSeconds", "HeartbeatSeconds (%d) must be smaller than TimeoutSeconds (%d)", s.heartbeatSeconds, s.timeoutSeconds)
	}
	s.timeoutSecondsPath = b.refPath(name, m, "TimeoutSecondsPath")
	s.heartbeatSecondsPath = b.refPath(name, m, "HeartbeatSecondsPath")
	s.Retry = b.retriers(name, m["Retry"], m)
	s.Catch = b.catchers(name, m["Catch"], m)
}

func (b *builder) choice(s *State, m map[string]any) {
	list, ok := m["Choices"].([]any)
	if !ok || len(list) == 0 {
		b.add(s.Name, "Choices", "a Choice state needs a non-empty Choices array")
	}
	for i, r := range list {
		field := choiceLabel(i)
		s.choices = append(s.choices, parseRule(r, field, true, func(f, msg string) { b.add(s.Name, f, "%s", msg) }))
	}
	if _, ok := m["Default"]; ok {
		s.Default = b.str(s.Name, m, "Default")
	}
}

func (b *builder) wait(s *State, m map[string]any) {
	count := 0
	for _, f := range []string{"Seconds", "Timestamp", "SecondsPath", "TimestampPath"} {
		if _, ok := m[f]; ok {
			count++
		}
	}
	if count != 1 {
		b.add(s.Name, "Seconds", "a Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath (found %d)", count)
	}
	if v, ok := m["Seconds"]; ok {
		n, ok := nonNegInt(v)
		if !ok {
			b.add(s.Name, "Seconds", "Seconds must be a non-negative integer")
		}
		n64 := int64(n)
		s.waitSeconds = &n64
	}
	if v, ok := m["Timestamp"]; ok {
		str, _ := v.(string)
		if _, err := time.Parse(time.RFC3339, str); err != nil {
			b.add(s.Name, "Timestamp", "Timestamp must be an RFC 3339 time such as 2016-03-14T01:59:00Z")
		}
		s.waitTimestamp = str
	}
	s.waitSecPath = b.refPath(s.Name, m, "SecondsPath")
	s.waitTSPath = b.refPath(s.Name, m, "TimestampPath")
}

func (b *builder) fail(s *State, m map[string]any) {
	if _, ok := m["Error"]; ok {
		s.failError = b.str(s.Name, m, "Error")
		if _, ok := m["ErrorPath"]; ok {
			b.add(s.Name, "ErrorPath", "use Error or ErrorPath, not both")
		}
	}
	if _, ok := m["Cause"]; ok {
		s.failCause, _ = m["Cause"].(string)
		if _, ok := m["CausePath"]; ok {
			b.add(s.Name, "CausePath", "use Cause or CausePath, not both")
		}
	}
	s.errorPath = b.pathOrCall(s.Name, m, "ErrorPath")
	s.causePath = b.pathOrCall(s.Name, m, "CausePath")
}

func (b *builder) pathOrCall(st string, m map[string]any, field string) *template {
	v, ok := m[field]
	if !ok {
		return nil
	}
	str, ok := v.(string)
	if !ok {
		b.add(st, field, "%s must be a path or an intrinsic function", field)
		return nil
	}
	return compileDynamic(str, field, field, func(f, msg string) { b.add(st, f, "%s", msg) })
}

func (b *builder) mapState(s *State, m map[string]any) {
	name := s.Name
	s.itemsPath = b.pathField(name, m, "ItemsPath", true)
	if _, ok := m["ItemSelector"]; ok {
		if _, ok := m["Parameters"]; ok {
			b.add(name, "Parameters", "use ItemSelector or the legacy Parameters, not both")
		}
		s.itemSelector = b.templ(name, m, "ItemSelector")
	} else if s.parameters != nil {
		s.itemSelector, s.parameters = s.parameters, nil // legacy: Parameters selects each item
	}
	proc, hasP := m["ItemProcessor"]
	it, hasI := m["Iterator"]
	field := "ItemProcessor"
	switch {
	case hasP && hasI:
		b.add(name, "Iterator", "use ItemProcessor or the legacy Iterator, not both")
	case hasI:
		proc, field = it, "Iterator"
	case !hasP:
		b.add(name, "ItemProcessor", "a Map state needs ItemProcessor (or the legacy Iterator)")
	}
	if pm, ok := proc.(map[string]any); ok {
		s.Processor = b.machine(pm, name, field+".", false)
	} else if hasP || hasI {
		b.add(name, field, "%s must be an object with StartAt and States", field)
	}
	if v, ok := m["MaxConcurrency"]; ok {
		n, ok := nonNegInt(v)
		if !ok {
			b.add(name, "MaxConcurrency", "MaxConcurrency must be a non-negative integer (0 means no limit)")
		}
		s.maxConcurrency = n
		if _, ok := m["MaxConcurrencyPath"]; ok {
			b.add(name, "MaxConcurrencyPath", "use MaxConcurrency or MaxConcurrencyPath, not both")
		}
	}
	s.maxConcPath = b.refPath(name, m, "MaxConcurrencyPath")
	s.Retry = b.retriers(name, m["Retry"], m)
	s.Catch = b.catchers(name, m["Catch"], m)
}
