package sfn

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/sim/stepfunctions"
	"github.com/saa-study/saa-study/ui/components/factref"
	"github.com/saa-study/saa-study/ui/text"
)

func (s *console) View() string {
	st := s.c.Styles
	w, h := s.c.Width, s.c.Height
	if len(s.probs) > 0 {
		lines := []string{st.Error.Render(s.c.T("sfn.invalid"))}
		for _, p := range s.probs {
			lines = append(lines, text.Wrap(p.String(), w)...)
		}
		txt, _ := text.Scroll(lines, 0, h)
		return txt
	}
	if s.exec == nil {
		if s.err != "" {
			return st.Error.Render(strings.Join(text.Wrap(s.err, w), "\n"))
		}
		return st.Muted.Render(s.c.T("sim.running"))
	}
	top := []string{s.statusLine()}
	// The prompt and prices wrap rather than lose their ends, within a
	// third of the screen.
	var bottom []string
	add := func(style lipgloss.Style, s string) {
		for _, l := range text.Wrap(s, w) {
			bottom = append(bottom, style.Render(l))
		}
	}
	if tok, ok := s.waiting(); ok {
		if s.rejecting {
			label := s.c.T("sfn.reason")
			s.reason.SetWidth(text.FieldWidth(w, label, s.reason.Prompt))
			bottom = append(bottom, text.Truncate(label+" "+s.reason.View(), w))
		} else {
			add(st.Warn, fmt.Sprintf(s.c.T("sfn.prompt"), tok.State))
		}
	}
	if !s.running() {
		for _, l := range s.costLines() {
			add(st.Muted, l)
		}
	}
	if room := max(1, h/3); len(bottom) > room {
		bottom = bottom[:room]
	}
	mainH := max(1, h-len(top)-len(bottom))
	var main string
	if s.detail {
		main = s.detailView(w, mainH)
	} else {
		main = s.mainView(w, mainH)
	}
	parts := append(top, text.Fit(main, mainH))
	parts = append(parts, bottom...)
	return strings.Join(parts, "\n")
}

func (s *console) statusLine() string {
	st := s.c.Styles
	r := s.snap.res
	stStyle := st.Warn
	switch r.Status {
	case stepfunctions.StatusSucceeded:
		stStyle = st.Good
	case stepfunctions.StatusFailed, stepfunctions.StatusTimedOut, stepfunctions.StatusAborted:
		stStyle = st.Bad
	}
	line := stStyle.Bold(true).Render(string(r.Status)) + st.Muted.Render(fmt.Sprintf("  %s · "+s.c.T("sfn.transitions.n"),
		fmtElapsed(r.DurationMs), r.Transitions))
	if r.Error != "" {
		line += "  " + st.Bad.Render(r.Error+": "+r.Cause)
	}
	if s.busy {
		line += st.Muted.Render("  …")
	}
	return text.Truncate(line, s.c.Width)
}

// mainView puts the graph beside the history when there is room, else
// above it.
func (s *console) mainView(w, h int) string {
	marks := stateMarks(s.snap.history)
	if !s.running() {
		// A stopped execution has no running state left.
		for k, v := range marks {
			if v == markActive {
				marks[k] = markDone
			}
		}
	}
	if w >= 100 {
		gw := w * 11 / 20
		hw := w - gw - 1
		g := s.graphView(marks, gw, h)
		hist := s.sideView(hw, h)
		return lipgloss.JoinHorizontal(lipgloss.Top, text.Fit(text.PadLines(g, gw), h), " ", text.Fit(hist, h))
	}
	gh := max(1, h*3/5)
	hh := h - gh
	g := s.graphView(marks, w, gh)
	if hh < 2 {
		return text.Fit(g, h)
	}
	return text.Fit(g, gh) + "\n" + text.Fit(s.sideView(w, hh), hh)
}

// sideView is the pane beside (or under) the graph: the history, or with
// d the definition.
func (s *console) sideView(w, h int) string {
	if s.asl {
		return s.aslView(w, h)
	}
	if s.facts {
		return s.factsView(w, h)
	}
	return s.historyView(w, h)
}

func (s *console) graphView(marks map[string]stateMark, w, h int) string {
	gv := drawGraph(s.c.Styles, s.c.T, s.graph, marks, w)
	if !s.graphManual {
		// Follow the most recently entered state.
		for i := len(s.snap.history) - 1; i >= 0; i-- {
			if at, ok := gv.at[s.snap.history[i].State]; ok {
				if at < s.graphTop || at+3 > s.graphTop+h {
					s.graphTop = max(0, at-h/3)
				}
				break
			}
		}
	}
	txt, off := text.Scroll(gv.lines, s.graphTop, h)
	s.graphTop = off
	if lines := strings.Split(txt, "\n"); h >= 4 && off+len(lines) < len(gv.lines) {
		// More below: end on a whole box, not on its top or middle, and
		// say how to see the rest.
		lines = lines[:len(lines)-1]
		for drop := 0; drop < 2 && len(lines) > 1 && boxOpen(lines[len(lines)-1]); drop++ {
			lines = lines[:len(lines)-1]
		}
		txt = strings.Join(append(lines, s.c.Styles.Muted.Render(text.Truncate(s.c.T("sfn.graph.more"), w))), "\n")
	}
	return txt
}

// boxOpen: the line is the top or the middle of a state's box, whose
// bottom follows.
func boxOpen(l string) bool {
	plain := strings.TrimSpace(ansi.Strip(l))
	return strings.Contains(plain, "╭") || strings.HasPrefix(plain, "│")
}

func (s *console) historyView(w, h int) string {
	st := s.c.Styles
	hist := s.snap.history
	if len(hist) == 0 {
		return st.Muted.Render(s.c.T("sfn.nohistory"))
	}
	head := st.Subtitle.Render(text.Truncate(s.c.T("sfn.history"), w))
	rows := max(1, h-1)
	off := max(0, min(s.cursor-rows/2, len(hist)-rows))
	lines := []string{head}
	for i := off; i < len(hist) && i < off+rows; i++ {
		e := hist[i]
		l := fmt.Sprintf("%3d %7s %s %s", e.ID, "+"+fmtElapsed(e.ElapsedMs), e.Type, e.State)
		l = text.Truncate(l, w-2)
		if i == s.cursor {
			l = st.Cursor.Render("▸ ") + st.ItemSelected.Render(l)
		} else {
			l = "  " + l
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// detailView shows one history event in full: its input and output.
func (s *console) detailView(w, h int) string {
	st := s.c.Styles
	if s.cursor >= len(s.snap.history) {
		return ""
	}
	e := s.snap.history[s.cursor]
	lines := []string{st.Header.Render(text.Truncate(fmt.Sprintf("#%d %s %s", e.ID, e.Type, e.State), w)),
		st.Muted.Render(text.Truncate(e.Timestamp.Format("2006-01-02 15:04:05.000")+"  +"+fmtElapsed(e.ElapsedMs), w))}
	if e.Resource != "" {
		lines = append(lines, text.Truncate("resource: "+e.Resource, w))
	}
	if e.Detail != "" {
		lines = append(lines, text.Wrap(e.Detail, w)...)
	}
	if e.Error != "" {
		lines = append(lines, st.Bad.Render(text.Truncate(e.Error+": "+e.Cause, w)))
	}
	for _, part := range []struct {
		name string
		v    any
	}{{"input", e.Input}, {"output", e.Output}} {
		if part.v == nil {
			continue
		}
		b, err := json.MarshalIndent(part.v, "", "  ")
		if err != nil {
			b = []byte(fmt.Sprint(part.v))
		}
		lines = append(lines, "", st.Subtitle.Render(part.name+":"))
		for _, l := range strings.Split(string(b), "\n") {
			lines = append(lines, text.Truncate(l, w))
		}
	}
	txt, off := text.Scroll(lines, s.detailTop, h)
	s.detailTop = off
	return txt
}

// costLines prices the finished run both ways, so the learner sees what
// Standard and Express would have charged for it.
func (s *console) costLines() []string {
	r := s.snap.res
	dur := time.Duration(r.DurationMs) * time.Millisecond
	std := stepfunctions.Price(stepfunctions.Standard, r.Transitions, dur, 0)
	exp := stepfunctions.Price(stepfunctions.Express, r.Transitions, dur, 64)
	out := []string{
		fmt.Sprintf("Standard: %d × $%.3f/1,000 = $%.6f (%s: $%.6f)", std.StateTransitions, stepfunctions.StandardPerTransition*1000,
			std.WithoutFreeTierUSD, fmt.Sprintf(s.c.T("sfn.freetier"), text.Comma(stepfunctions.StandardFreeTransitions)), std.WithFreeTierUSD),
		fmt.Sprintf("Express: $%.6f + %.4f GB-s × $%.8f = $%.8f", exp.RequestUSD, exp.GBSeconds, stepfunctions.ExpressPerGBSecond, exp.WithoutFreeTierUSD),
	}
	var notes []string
	if dur > stepfunctions.ExpressMaxDuration {
		notes = append(notes, s.c.T("sfn.express.long"))
	}
	if hasCallback(s.graph) {
		notes = append(notes, s.c.T("sfn.express.callback"))
	}
	if len(notes) > 0 {
		out[1] += " — " + strings.Join(notes, "; ")
	}
	return out
}

// hasCallback reports whether any Task uses .waitForTaskToken, which
// Express workflows do not support.
func hasCallback(g stepfunctions.Graph) bool {
	for _, n := range g.Nodes {
		if strings.HasSuffix(n.Resource, ".waitForTaskToken") || hasCallbackLanes(n.Lanes) {
			return true
		}
	}
	return false
}

func hasCallbackLanes(ls []stepfunctions.Graph) bool {
	for _, g := range ls {
		if hasCallback(g) {
			return true
		}
	}
	return false
}

// fmtElapsed writes virtual time compactly: 850ms, 12.5s, 1.5h, 2.0d.
func fmtElapsed(ms int64) string {
	switch {
	case ms < 1000:
		return fmt.Sprintf("%dms", ms)
	case ms < 60_000:
		return fmt.Sprintf("%.1fs", float64(ms)/1000)
	case ms < 3_600_000:
		return fmt.Sprintf("%.1fm", float64(ms)/60_000)
	case ms < 86_400_000:
		return fmt.Sprintf("%.1fh", float64(ms)/3_600_000)
	}
	return fmt.Sprintf("%.1fd", float64(ms)/86_400_000)
}

// factsView lists the facts the engine is built on (the sfn.* facts), each
// with its value, meaning, AWS source and date checked; ↑/↓ scroll.
func (s *console) factsView(w, h int) string {
	st := s.c.Styles
	var head []string
	for _, l := range text.Wrap(s.c.T("sfn.facts"), w) {
		head = append(head, st.Title.Render(l))
	}
	head = head[:min(len(head), max(1, h-1))]
	lines := factref.Wrap(factref.Lines(factref.Engine(s.c.Lib, s.c.Lang, "sfn."), s.c.T), w)
	body, off := text.Scroll(lines, s.factsTop, max(1, h-len(head)))
	s.factsTop = off
	return strings.Join(head, "\n") + "\n" + body
}
