package lab

import (
	"fmt"
	"strings"

	labrun "github.com/saa-study/saa-study/lab"
	"github.com/saa-study/saa-study/ui/text"
)

// View implements common.Screen: the goal pinned at the top, then the
// settings, the outcome of the last run, and the situation; what does not
// fit scrolls below the goal.
func (s *Screen) View() string {
	w, h := max(s.c.Width, 1), max(s.c.Height, 1)
	top := s.goalLines(w)
	var body []string
	body = append(body, s.settingLines(w)...)
	body = append(body, "")
	body = append(body, s.outcomeLines(w)...)
	body = append(body, s.wrap(s.c.T("lab.situation"), w, s.c.Styles.Header)...)
	for _, p := range strings.Split(strings.ReplaceAll(s.l.Situation, "**", ""), "\n\n") {
		body = append(body, s.wrap(strings.ReplaceAll(p, "\n", " "), w, s.c.Styles.Item)...)
		body = append(body, "")
	}
	if len(top) >= h {
		top = top[:h]
		return strings.Join(top, "\n")
	}
	room := h - len(top)
	s.scroll = min(s.scroll, max(0, len(body)-room))
	end := min(len(body), s.scroll+room)
	body = body[s.scroll:end]
	for len(body) > 0 && body[len(body)-1] == "" {
		body = body[:len(body)-1]
	}
	return strings.Join(append(top, body...), "\n")
}

func (s *Screen) wrap(line string, w int, st interface{ Render(...string) string }) []string {
	var out []string
	for _, l := range text.Wrap(line, w) {
		out = append(out, st.Render(l))
	}
	return out
}

// goalLines are the checks: before a run what each needs, after it ✓ or ✗
// with the figure got against the one wanted.
func (s *Screen) goalLines(w int) []string {
	st := s.c.Styles
	out := []string{text.Truncate(st.Title.Render(s.c.T("lab.goal")), w)}
	for i, g := range s.l.Goal {
		line := "· " + s.goalText(g.Check)
		style := st.Item
		if s.report != nil && i < len(s.report.Checks) {
			c := s.report.Checks[i]
			mark, want := "✗", c.Want
			style = st.Bad
			if c.OK {
				mark, style = "✓", st.Good
			}
			line = fmt.Sprintf("%s %s: %s %s, %s %s", mark, c.Name, s.c.T("lab.got"), c.Got, s.c.T("lab.want"), want)
		}
		out = append(out, s.wrap(line, w, style)...)
	}
	out = append(out, "")
	return out
}

// goalText shows a check with its named numbers filled in: "latency <=
// target_ms (1,500)".
func (s *Screen) goalText(check string) string {
	c, err := labrun.ParseCheck(check)
	if err != nil || c.Operand.Ref == "" {
		return check
	}
	start, _ := labrun.Settings(s.l, nil)
	if v, ok := labrun.Resolve(s.c.Lib, s.l, start)(c.Operand.Ref); ok {
		return check + " (" + labrun.Num(v) + ")"
	}
	return check
}

func (s *Screen) settingLines(w int) []string {
	st := s.c.Styles
	out := []string{st.Header.Render(text.Truncate(s.c.T("lab.change"), w))}
	for i, ch := range s.l.Change {
		cursor, style := "  ", st.Item
		if i == s.cursor {
			cursor, style = "▸ ", st.ItemSelected
		}
		val := "◂ " + s.values[ch.Name] + " ▸"
		switch {
		case ch.Text && i == s.cursor && s.editing:
			// A long value gets its own line, scrolled by the input.
			out = append(out, text.Truncate(style.Render(cursor+ch.Name), w), text.Truncate("  "+s.input.View(), w))
		case ch.Text:
			// Shown whole, wrapped: a policy cut short cannot be read.
			out = append(out, s.wrap(cursor+ch.Name+" "+s.values[ch.Name], w, style)...)
		default:
			if i == s.cursor && s.editing {
				val = s.input.View()
			}
			out = append(out, text.Truncate(style.Render(cursor+ch.Name+"  "+val), w))
		}
		if i == s.cursor && ch.Text {
			out = append(out, s.wrap("    "+s.c.T("lab.text"), w, st.Muted)...)
		} else if i == s.cursor {
			hint := s.c.T("lab.range") + " " + ch.Range()
			out = append(out, s.wrap("    "+hint, w, st.Muted)...)
		}
	}
	if s.problem != "" {
		out = append(out, s.wrap(s.problem, w, st.Error)...)
	}
	var fixed []string
	for _, v := range s.l.Settings {
		if s.l.Changeable(v.Name) == nil {
			fixed = append(fixed, v.Name+"="+v.Value)
		}
	}
	if len(fixed) > 0 {
		out = append(out, s.wrap(s.c.T("lab.fixed")+" "+strings.Join(fixed, ", "), w, st.Muted)...)
	}
	return out
}

func (s *Screen) outcomeLines(w int) []string {
	st := s.c.Styles
	var out []string
	add := func(line string, style interface{ Render(...string) string }) {
		out = append(out, s.wrap(line, w, style)...)
	}
	switch {
	case s.running:
		add(s.c.T("lab.running"), st.Muted)
	case s.err != nil:
		add(s.err.Error(), st.Error)
	case s.report == nil && !s.gaveUp:
		add(s.c.T("lab.hint"), st.Muted)
	}
	if s.report != nil && !s.running {
		verdict, style := fmt.Sprintf(s.c.T("lab.notyet"), s.runs), st.Warn
		if s.report.Passed {
			verdict, style = fmt.Sprintf(s.c.T("lab.passed"), s.runs), st.Good
		}
		add(verdict, style)
		add(s.c.T("lab.engine")+" "+s.report.Explanation, st.Item)
	}
	if s.passed || s.gaveUp {
		add(s.c.T("lab.why")+" "+s.l.Why, st.Item)
	}
	if s.gaveUp {
		var sol []string
		for _, v := range s.l.Solution {
			sol = append(sol, v.Name+"="+v.Value)
		}
		add(s.c.T("lab.solution")+" "+strings.Join(sol, ", "), st.Muted)
	}
	if s.rated {
		add(s.c.T("lab.scheduled"), st.Muted)
	}
	if len(out) > 0 {
		out = append(out, "")
	}
	return out
}

// engineName is the engine's name as the Simulators menu shows it.
func engineName(t func(string) string, engine string) string {
	if engine == "stepfunctions" {
		return t("sim.sfn")
	}
	return t("sim." + engine)
}
