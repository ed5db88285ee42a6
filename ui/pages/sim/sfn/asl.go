package sfn

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// The definition pane: the state machine's Amazon States Language, indented
// and highlighted (keys, strings, numbers), beside the graph, following the
// state the execution is in so that its Retry and Catch are in sight.

var aslLineRe = regexp.MustCompile(`^(\s*)("(?:[^"\\]|\\.)*")(\s*:\s*)?(.*)$`)

// aslLines indents the definition (YAML or broken JSON stay as written).
func aslLines(def []byte) []string {
	var b bytes.Buffer
	if json.Indent(&b, def, "", "  ") != nil {
		b.Reset()
		b.Write(def)
	}
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
}

// highlight colours one line of indented JSON.
func highlight(st *styles.Styles, l string) string {
	m := aslLineRe.FindStringSubmatch(l)
	if m == nil {
		return st.Muted.Render(l)
	}
	if m[3] == "" { // a string in a list
		return m[1] + st.Good.Render(m[2]) + st.Muted.Render(m[4])
	}
	return m[1] + st.Title.Render(m[2]) + st.Muted.Render(m[3]) + value(st, m[4])
}

func value(st *styles.Styles, v string) string {
	core := strings.TrimSuffix(v, ",")
	tail := v[len(core):]
	switch {
	case strings.HasPrefix(core, `"`):
		return st.Good.Render(core) + tail
	case core == "true" || core == "false" || core == "null":
		return st.Warn.Render(core) + tail
	case core != "" && (core[0] == '-' || (core[0] >= '0' && core[0] <= '9')):
		return st.Warn.Render(core) + tail
	}
	return st.Muted.Render(v)
}

// aslView is the definition in w×h, scrolled to the state named current
// when there is one.
func (s *console) aslView(w, h int) string {
	lines := aslLines(s.src.def)
	top := 0
	if cur := s.currentState(); cur != "" {
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), `"`+cur+`": {`) {
				top = i
				break
			}
		}
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, highlight(s.c.Styles, text.Truncate(l, w)))
	}
	head := s.c.Styles.Header.Render(text.Truncate(s.c.T("sfn.asl"), w))
	txt, _ := text.Scroll(out, top, max(1, h-1))
	return head + "\n" + txt
}

// currentState is the state the definition follows: of the history event
// under the cursor or before it, the latest Task (whose Retry and Catch
// made the history), else the latest state at all.
func (s *console) currentState() string {
	h := s.snap.history
	end := min(len(h)-1, s.cursor)
	if end < 0 {
		end = len(h) - 1
	}
	last := ""
	for i := end; i >= 0; i-- {
		if h[i].State == "" {
			continue
		}
		if strings.HasPrefix(string(h[i].Type), "Task") {
			return h[i].State
		}
		if last == "" {
			last = h[i].State
		}
	}
	return last
}
