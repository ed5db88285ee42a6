package dynamodb

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/saa-study/saa-study/content"
	ddb "github.com/saa-study/saa-study/sim/dynamodb"
	"github.com/saa-study/saa-study/sim/dynamodb/console"
	"github.com/saa-study/saa-study/ui/components/chart"
	"github.com/saa-study/saa-study/ui/components/factref"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// View draws, top to bottom: the status line (intro or guide progress), the
// panel when one is on, the output, and the input line.
func (s *Console) View() string {
	st := s.c.Styles
	w, h := s.c.Width, s.c.Height
	s.input.SetWidth(max(4, w-text.Width(s.input.Prompt)-1))
	var parts []string
	used := 1 // the input line
	if h >= 6 {
		status := s.statusLines(w)
		parts = append(parts, status...)
		used += len(status)
	}
	if s.panel != panelNone && h >= 8 {
		ph := max(3, (h-used)/2)
		if s.panel == panelChart || s.panel == panelFacts {
			ph = max(3, (h-used)*3/5) // room for the x axis at 80×24
		}
		if s.panel != panelChart && s.panel != panelFacts {
			ph = min(ph, 8)
		}
		// Panels are tables of their own width; a narrow window cuts them.
		p := text.TruncateLines(s.panelView(w, ph-1), w)
		lines := strings.Split(p, "\n")
		if len(lines) > ph-1 {
			lines = lines[:ph-1]
		}
		head := st.Title.Render(s.panelName()) + st.Muted.Render(" ─ tab")
		parts = append(parts, head, strings.Join(lines, "\n"))
		used += len(lines) + 1
	}
	parts = append(parts, s.outputView(w, max(0, h-used)))
	// In a guide, enter on the empty line runs the next step: say that,
	// not the free console's example.
	s.input.Placeholder = s.c.T("ddb.placeholder")
	if s.guide.Active() {
		s.input.Placeholder = s.c.T("ddb.placeholder.guide")
	}
	in := s.input.View()
	if s.busy {
		in = st.Muted.Render("  " + s.c.T("ddb.running"))
	}
	parts = append(parts, in)
	return strings.Join(parts, "\n")
}

// statusLines is the intro, or where the guide stands, wrapped to w.
func (s *Console) statusLines(w int) []string {
	st := s.c.Styles
	line, style := s.c.T("ddb.intro"), st.Muted
	if g := s.guide.Guide; g != nil {
		title, step := g.Title(console.Lang(s.c.Lang)), s.guide.Step
		line, style = fmt.Sprintf(s.c.T("ddb.guide.done"), title), st.Good
		if step < len(g.Steps) {
			line, style = fmt.Sprintf(s.c.T("ddb.guide.next"), title, step+1, len(g.Steps), g.Steps[step].Cmd), st.Warn
		}
	}
	var out []string
	for _, l := range text.Wrap(line, w) {
		out = append(out, style.Render(l))
	}
	return out
}

func (s *Console) panelName() string {
	switch s.panel {
	case panelCapacity:
		return s.c.T("ddb.p.capacity")
	case panelStream:
		return s.c.T("ddb.p.stream")
	case panelDAX:
		return s.c.T("ddb.p.dax")
	case panelFacts:
		return s.c.T("sim.v.facts")
	}
	return s.c.T("ddb.p.chart")
}

// outputView shows the last h wrapped output lines, scrolled back by s.back.
func (s *Console) outputView(w, h int) string {
	if h <= 0 {
		return ""
	}
	st := s.c.Styles
	// Wrap from the end and stop once the window (scrolled back) is full:
	// the history can be thousands of lines.
	need := h + s.back
	var rev [][]string
	count := 0
	for i := len(s.out) - 1; i >= 0 && count < need; i-- {
		l := s.out[i]
		style := lipgloss.NewStyle()
		switch l.Kind {
		case console.Echo:
			style = st.Header
		case console.Capacity:
			style = st.Title
		case console.Error:
			style = st.Error
		case console.Info:
			style = st.Subtitle
		case console.Why:
			style = st.Warn
		case console.Lesson:
			style = st.Good
		}
		wrap := text.HardWrap
		switch l.Kind {
		case console.Why, console.Lesson, console.Error:
			wrap = text.Wrap // prose: break between words
		case console.Info:
			wrap = wrapInfo // notes and help: words, keeping the indent
		}
		parts := wrap(l.Text, w)
		for j := range parts {
			parts[j] = style.Render(parts[j])
		}
		rev = append(rev, parts)
		count += len(parts)
	}
	lines := make([]string, 0, count)
	for i := len(rev) - 1; i >= 0; i-- {
		lines = append(lines, rev[i]...)
	}
	end := len(lines) - s.back
	if end < h {
		end = min(h, len(lines))
	}
	s.back = len(lines) - end // clamp for the next key press
	start := max(0, end-h)
	out := lines[start:end]
	for len(out) < h {
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}

// wrapInfo breaks a console note between words, and its continuation
// lines keep the note's indent; a line that fits is left as it is (the help
// lines align their columns with runs of spaces).
func wrapInfo(s string, w int) []string {
	if text.Width(s) <= w {
		return text.HardWrap(s, w)
	}
	body := strings.TrimLeft(s, " ")
	pad := strings.Repeat(" ", min(len(s)-len(body), max(w-10, 0)))
	out := text.Wrap(body, max(w-len(pad), 4))
	for i := range out {
		out[i] = pad + out[i]
	}
	return out
}

func (s *Console) panelView(w, h int) string {
	st := s.c.Styles
	switch s.panel {
	case panelChart:
		if s.load == nil {
			return st.Muted.Render(s.c.T("ddb.nochart"))
		}
		why := strings.Join(text.Wrap(s.load.Why, w), "\n")
		whyH := strings.Count(why, "\n") + 1
		if h-whyH < 4 { // no room for a chart: totals and a sparkline
			return s.compactLoad(w)
		}
		return loadChart(st, s.c.Lang, s.load, w, h-whyH) + "\n" + st.Warn.Render(why)
	case panelFacts:
		notes := s.refs.Notes(s.c.Lang)
		if len(notes) == 0 {
			return strings.Join(wrapMuted(st, s.c.T("ddb.nofacts"), w), "\n")
		}
		return strings.Join(factref.Wrap(factref.Lines(notes, s.c.T), w), "\n")
	case panelCapacity:
		return s.capacityView(w)
	case panelStream:
		return s.streamView(w, h)
	case panelDAX:
		d := s.snap.DAX
		if d == nil {
			return st.Muted.Render(s.c.T("ddb.nodax"))
		}
		reads := d.ItemHits + d.ItemMisses + d.QueryHits + d.QueryMisses
		rate := 0.0
		if reads > 0 {
			rate = 100 * float64(d.ItemHits+d.QueryHits) / float64(reads)
		}
		return strings.Join([]string{
			fmt.Sprintf(s.c.T("ddb.dax.stats"), s.snap.DAXName, d.ItemHits, d.ItemMisses, d.QueryHits, d.QueryMisses),
			bar(st, rate/100, min(30, w/3)) + " " + fmt.Sprintf(s.c.T("ddb.dax.rate"), rate, d.PassThrough, d.RCUConsumed),
		}, "\n")
	}
	return ""
}

// compactLoad sums the last load run in two lines for small windows.
func (s *Console) compactLoad(w int) string {
	st := s.c.Styles
	res := s.load.Result
	var peak float64
	for _, sec := range res.Series {
		peak = math.Max(peak, float64(sec.Throttled))
	}
	tot := text.Truncate(s.load.Totals(console.Lang(s.c.Lang)), w)
	label := s.c.T("ddb.s.throttled") + " "
	n := max(0, w-text.Width(label))
	return tot + "\n" + st.Muted.Render(label) + st.Bad.Render(sparkline(res.Series, n, peak))
}

// sparkline draws throttles per second in n cells, one block per bucket
// of seconds, scaled to peak.
func sparkline(series []ddb.LoadSecond, n int, peak float64) string {
	if n <= 0 || len(series) == 0 {
		return ""
	}
	blocks := []rune("▁▂▃▄▅▆▇█")
	n = min(n, len(series))
	var b strings.Builder
	for i := 0; i < n; i++ {
		lo, hi := i*len(series)/n, (i+1)*len(series)/n
		v := 0.0
		for _, sec := range series[lo:max(hi, lo+1)] {
			v = math.Max(v, float64(sec.Throttled))
		}
		k := 0
		if peak > 0 {
			k = int(math.Round(v / peak * float64(len(blocks)-1)))
		}
		b.WriteRune(blocks[k])
	}
	return b.String()
}

func (s *Console) capacityView(w int) string {
	st := s.c.Styles
	m := s.snap.Metrics
	if m == nil {
		return st.Muted.Render(s.c.T("ddb.notable"))
	}
	mode := "PROVISIONED"
	if m.OnDemand {
		mode = "PAY_PER_REQUEST"
	}
	bw := min(24, max(4, w/4))
	lines := []string{fmt.Sprintf(s.c.T("ddb.m.table"), s.snap.Table, mode, m.Partitions, s.snap.Now.UTC().Format("15:04:05"))}
	if m.OnDemand {
		lines = append(lines, fmt.Sprintf(s.c.T("ddb.m.allow"), m.ReadAllowance, m.WriteAllowance))
	} else {
		lines = append(lines,
			bar(st, ratio(m.WriteTokens, m.WriteBurst), bw)+" "+fmt.Sprintf(s.c.T("ddb.m.bucket"), "WCU", m.WriteTokens, m.WriteBurst),
			bar(st, ratio(m.ReadTokens, m.ReadBurst), bw)+" "+fmt.Sprintf(s.c.T("ddb.m.bucket"), "RCU", m.ReadTokens, m.ReadBurst))
	}
	for _, g := range s.snap.GSIs {
		gm := g.Metrics
		lines = append(lines, bar(st, ratio(gm.WriteTokens, gm.WriteBurst), bw)+" "+fmt.Sprintf(s.c.T("ddb.m.gsi"), g.Name, gm.WriteTokens, gm.WriteBurst))
	}
	return strings.Join(lines, "\n")
}

func ratio(a, b float64) float64 {
	if b <= 0 || math.IsNaN(a) {
		return 0
	}
	return math.Max(0, math.Min(1, a/b))
}

// bar draws a fill level in w cells: good above half, warn above a tenth,
// bad below.
func bar(st *styles.Styles, f float64, w int) string {
	n := int(math.Round(f * float64(w)))
	style := st.Good
	switch {
	case f < 0.1:
		style = st.Bad
	case f < 0.5:
		style = st.Warn
	}
	return style.Render(strings.Repeat("█", n)) + st.Muted.Render(strings.Repeat("░", w-n))
}

func (s *Console) streamView(w, h int) string {
	st := s.c.Styles
	recs := s.snap.Stream
	if len(recs) == 0 {
		return st.Muted.Render(s.c.T("ddb.nostream"))
	}
	if len(recs) > h {
		recs = recs[len(recs)-h:]
	}
	var lines []string
	for _, r := range recs {
		keys, _ := json.Marshal(r.Keys)
		at := time.UnixMilli(int64(r.ApproximateCreationDateTime * 1000)).UTC().Format("15:04:05")
		line := fmt.Sprintf("%s %-6s ", at, r.EventName)
		if r.UserIdentity != nil { // a TTL deletion: made by the service, not by you
			line += r.UserIdentity.Type + "/" + r.UserIdentity.PrincipalID + " "
		}
		line += string(keys)
		style := st.Item
		if r.EventName == "REMOVE" {
			style = st.Warn
		}
		lines = append(lines, text.Truncate(style.Render(line), w))
	}
	return strings.Join(lines, "\n")
}

// loadChart draws OK and throttled requests and consumed capacity per
// second of the last load run.
func loadChart(st *styles.Styles, lang content.Lang, run *console.LoadRun, w, h int) string {
	if run == nil {
		return st.Muted.Render(text.T(lang, "ddb.nochart"))
	}
	n := len(run.Result.Series)
	ok, thr, cap := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, s := range run.Result.Series {
		ok[i], thr[i], cap[i] = float64(s.OK), float64(s.Throttled), s.ConsumedWCU+s.ConsumedRCU
	}
	series := []chart.Series{{Name: text.T(lang, "ddb.s.ok"), Data: ok}, {Name: text.T(lang, "ddb.s.throttled"), Data: thr}, {Name: run.Unit() + "/s", Data: cap}}
	c := chart.Line(st, series, w, h, float64(n), "s")
	return strings.TrimRight(c, "\n")
}

func wrapMuted(st *styles.Styles, line string, w int) []string {
	var out []string
	for _, l := range text.Wrap(line, w) {
		out = append(out, st.Muted.Render(l))
	}
	return out
}
