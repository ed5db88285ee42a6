package sim

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/ui/components/chart"
	"github.com/saa-study/saa-study/ui/text"
)

func (s *console) View() string {
	if s.lab != nil {
		return s.labView()
	}
	switch s.mode {
	case modeRunning:
		return s.c.Styles.Muted.Render(s.c.T("sim.running"))
	case modeResult:
		return s.resultView()
	}
	return s.setupView()
}

func (s *console) setupView() string {
	st := s.c.Styles
	w, h := s.c.Width, s.height()
	// The hint under the list: how to change a field, or a scenario's lesson.
	var hint []string
	it, _ := s.menu.Selected()
	muted := func(line string) []string {
		var out []string
		for _, l := range text.Wrap(line, w) {
			out = append(out, st.Muted.Render(l))
		}
		return out
	}
	switch {
	case s.editing:
		hint = append([]string{text.Truncate(s.label(s.field())+": "+s.input.View(), w)}, muted(s.c.T("sim.edit.hint"))...)
	case it.ID == "f":
		if h := s.c.T("simh." + strings.TrimPrefix(s.field().key, "simf.")); !strings.HasPrefix(h, "simh.") && s.field().label == "" {
			hint = muted(h)
		}
		hint = append(hint, muted(s.c.T("sim.field.hint"))...)
	case it.ID == "run":
		hint = muted(s.c.T("sim.run.hint"))
	case strings.HasPrefix(it.ID, "s:"):
		for _, sc := range s.scens {
			if "s:"+sc.id == it.ID {
				for _, l := range text.Wrap(s.scenarioText(sc).lesson, w) {
					hint = append(hint, st.Muted.Render(l))
				}
			}
		}
	}
	if s.problem != "" {
		var p []string
		for _, l := range text.Wrap(s.problem, w) {
			p = append(p, st.Error.Render(l))
		}
		hint = append(p, hint...)
	}
	room := max(1, h/3)
	if len(hint) > room {
		hint = hint[:room]
	}
	// The menu lets a scenario's description run on; cut it here.
	list := text.TruncateLines(s.menu.View(s.c, max(1, h-len(hint)-1)), w)
	return list + "\n\n" + strings.Join(hint, "\n")
}

// factRef finds the fact reference an explanation ends with: "[1]" (or a
// "[fact.id]" the library does not know).
var factRef = regexp.MustCompile(`\[([0-9]+|[a-z][a-z0-9_]*(\.[a-z0-9_]+)+)\]`)

func (s *console) resultView() string {
	st := s.c.Styles
	w, h := s.c.Width, s.height()
	out := s.out
	if len(out.runs) == 0 {
		return st.Muted.Render(s.c.T("sim.noresult"))
	}
	r := out.runs[s.run]
	var top []string
	// Variants as tabs: the selected one stands out.
	var tabs []string
	for i, x := range out.runs {
		if i == s.run {
			tabs = append(tabs, st.ItemSelected.Render("["+x.label+"]"))
		} else {
			tabs = append(tabs, st.Muted.Render(" "+x.label+" "))
		}
	}
	title, tabLine := st.Header.Render(out.title), strings.Join(tabs, "")
	switch {
	case len(out.runs) == 1:
		top = append(top, text.Truncate(title, w))
	case text.Width(title)+2+text.Width(tabLine) <= w:
		top = append(top, title+"  "+tabLine)
	case h < 12: // no room for both: the variants matter more
		top = append(top, text.Truncate(tabLine, w))
	default:
		top = append(top, text.Truncate(title, w), text.Truncate(tabLine, w))
	}
	var vt []string
	for i, v := range s.views() {
		if i == s.view { // brackets as well as colour: NO_COLOR still shows it
			vt = append(vt, st.Title.Render("["+v+"]"))
		} else {
			vt = append(vt, st.Muted.Render(v))
		}
	}
	viewLine := strings.Join(vt, st.Muted.Render(" · "))
	if views := s.views(); text.Width(viewLine) > w && s.view < len(views) {
		// Too narrow for every name: the current one, where it is, and the key.
		viewLine = text.Truncate(st.Title.Render("["+views[s.view]+"]")+st.Muted.Render(fmt.Sprintf(" %d/%d · tab", s.view+1, len(views))), w)
	}
	top = append(top, viewLine)

	explain := r.explain
	// The why is what a run teaches, and no other view repeats it: it gets
	// a third of the window (at least 3 lines) before the chart gives way,
	// and is cut only on a very small screen.
	maxExpl := max(3, h/3)
	if h < 16 {
		maxExpl = 2
	}
	if s.lab != nil {
		// A lab's why, solution and schedule follow the engine's why.
		explain = strings.Join(append([]string{explain}, s.labAfter()...), " ")
		maxExpl = max(maxExpl, h/3)
	}
	expl := text.Wrap(explain, w)
	if len(expl) > maxExpl {
		// Keep the fact id in sight when the explanation is cut.
		expl = expl[:maxExpl]
		if m := factRef.FindString(explain); m != "" {
			expl[maxExpl-1] = text.Truncate(ansi.Truncate(expl[maxExpl-1], max(1, w-text.Width(m)-2), "")+"… "+m, w)
		}
	}
	for i := range expl {
		expl[i] = st.Warn.Render(expl[i])
	}
	bodyH := h - len(top) - len(expl)
	if h < 8 { // very small: the explanation alone is what matters
		return strings.Join(append(top[:1], expl...), "\n")
	}
	body := s.body(r, w, bodyH)
	return strings.Join(top, "\n") + "\n" + body + "\n" + strings.Join(expl, "\n")
}

// body draws the selected view in w×h.
func (s *console) body(r variant, w, h int) string {
	st := s.c.Styles
	out := s.out
	pad := func(txt string) string { return text.Fit(txt, h) }
	switch s.view {
	case 0:
		n := s.chartCount()
		if n == 0 {
			return pad(st.Muted.Render(s.c.T("sim.nochart")))
		}
		m := s.metric % n
		var series []chart.Series
		var name string
		switch {
		case out.overlay && m == 0:
			for i := 0; i < 3 && i < len(out.metrics); i++ {
				series = append(series, chart.Series{Name: out.metrics[i], Data: at(r.series, i)})
			}
			name = r.label
		default:
			if out.overlay {
				m--
			}
			name = out.metrics[m]
			if len(out.runs) == 1 {
				series = []chart.Series{{Name: out.metrics[m], Data: at(r.series, m)}}
			} else {
				for _, x := range out.runs {
					series = append(series, chart.Series{Name: x.label, Data: at(x.series, m)})
				}
			}
		}
		head := st.Subtitle.Render(name)
		if n > 1 {
			head += st.Muted.Render("  (m: " + s.c.T("sim.nextmetric") + ")")
		}
		points := 0
		for _, x := range series {
			points = max(points, len(x.Data))
		}
		unit := out.xunit
		switch unit {
		case "":
			unit = "s"
		case "#": // per request: the metric's name says so; bare numbers
			unit = ""
		}
		xmax := float64(max(points-1, 0))
		var plot string
		if out.overlay && m == 0 && len(series) > 1 && h >= 13 {
			// Small multiples: each measure on its own axis, since errors
			// per second dwarf connection counts. The x axis goes last.
			per := (h - 1) / len(series)
			var parts []string
			for i, x := range series {
				xm := 0.0
				if i == len(series)-1 {
					xm = xmax
				}
				parts = append(parts, chart.Line(st, []chart.Series{x}, w, per, xm, unit))
			}
			plot = strings.Join(parts, "\n")
		} else {
			plot = chart.Line(st, series, w, h-1, xmax, unit)
		}
		if plot == "" {
			plot = st.Muted.Render(s.c.T("sim.nochart"))
		}
		return pad(text.Truncate(head, w) + "\n" + plot)
	case 1:
		rows := [][]string{{""}}
		for _, x := range out.runs {
			rows[0] = append(rows[0], st.Header.Render(x.label))
		}
		for i, kv := range r.stats {
			row := []string{st.Muted.Render(kv[0])}
			for _, x := range out.runs {
				v := ""
				if i < len(x.stats) {
					v = x.stats[i][1]
				}
				row = append(row, v)
			}
			rows = append(rows, row)
		}
		lines := chart.Columns(rows, w)
		if out.lesson != "" {
			lines = append(lines, "")
			for _, l := range text.Wrap(out.lesson, w) {
				lines = append(lines, st.Subtitle.Render(l))
			}
		}
		txt, off := text.Scroll(lines, s.scroll, h)
		s.scroll = off
		return pad(txt)
	case 2:
		var lines []string
		for _, e := range r.events {
			lines = append(lines, text.Wrap(e, w)...)
		}
		if len(lines) == 0 {
			lines = []string{st.Muted.Render(s.c.T("sim.noevents"))}
		}
		txt, off := text.Scroll(lines, s.scroll, h)
		s.scroll = off
		return pad(txt)
	}
	p := r.pages[s.view-3]
	var lines []string
	for _, l := range p.lines {
		if text.Width(l) > w && p.table {
			lines = append(lines, ansi.Truncate(l, w, "…"))
		} else if text.Width(l) > w {
			lines = append(lines, text.Wrap(l, w)...)
		} else {
			lines = append(lines, l)
		}
	}
	txt, off := text.Scroll(lines, s.scroll, h)
	s.scroll = off
	return pad(txt)
}

// chartCount is how many charts m cycles through.
func (s *console) chartCount() int {
	n := len(s.out.metrics)
	if s.out.overlay && n > 0 {
		n++
	}
	return n
}

func at(series [][]float64, i int) []float64 {
	if i < len(series) {
		return series[i]
	}
	return nil
}
