package sim

import (
	"fmt"
	"strings"

	"github.com/saa-study/saa-study/content"
	labrun "github.com/saa-study/saa-study/lab"
	"github.com/saa-study/saa-study/ui/text"
)

// labView is a lab's console: the goal pinned at the top, then the form or
// the result below it.
func (s *console) labView() string {
	w, h := max(s.c.Width, 1), max(s.c.Height, 1)
	top := s.labTop(w, h)
	s.hTop = len(top)
	defer func() { s.hTop = 0 }()
	var body string
	switch s.mode {
	case modeRunning:
		body = s.c.Styles.Muted.Render(s.c.T("lab.running"))
	case modeResult:
		body = s.resultView()
	default:
		body = s.labSetupView(w, s.height())
	}
	return strings.Join(top, "\n") + "\n" + body
}

// height is the room under what a lab pins at the top.
func (s *console) height() int { return max(1, s.c.Height-s.hTop) }

// labTop is the goal: before a run what each check needs, after it ✓ or ✗
// with the figure got against the one wanted, and the verdict.
func (s *console) labTop(w, h int) []string {
	st, lb := s.c.Styles, s.lab
	var out []string
	wrap := func(line string, style interface{ Render(...string) string }) {
		for _, l := range text.Wrap(line, w) {
			out = append(out, style.Render(l))
		}
	}
	wrap(s.c.T("lab.goal")+" · "+lb.l.Title, st.Title)
	for i, g := range lb.l.Goal {
		if r := lb.report; r != nil && i < len(r.Checks) {
			c := r.Checks[i]
			mark, style := "✗", st.Bad
			if c.OK {
				mark, style = "✓", st.Good
			}
			wrap(fmt.Sprintf("%s %s: %s %s, %s %s", mark, c.Name, s.c.T("lab.got"), c.Got, s.c.T("lab.want"), c.Want), style)
			continue
		}
		wrap("· "+s.goalText(g.Check), st.Item)
	}
	switch {
	case lb.gaveUp:
		wrap(s.c.T("lab.gaveup"), st.Warn)
	case lb.report != nil && lb.passed:
		wrap(fmt.Sprintf(s.c.T("lab.passed"), lb.runs), st.Good)
	case lb.report != nil:
		wrap(fmt.Sprintf(s.c.T("lab.notyet"), lb.runs), st.Warn)
	}
	// The goal never takes more than half of a small screen.
	if room := max(2, (h-2)/2); len(out) > room {
		out = out[:room]
	}
	return out
}

// goalText shows a check with its named number filled in: "latency <=
// target_ms (1,500)".
func (s *console) goalText(check string) string {
	l := s.lab.l
	c, err := labrun.ParseCheck(check)
	if err != nil || c.Operand.Ref == "" {
		return check
	}
	start, _ := labrun.Settings(l, nil)
	if v, ok := labrun.Resolve(s.c.Lib, l, start)(c.Operand.Ref); ok {
		return check + " (" + labrun.Num(v) + ")"
	}
	return check
}

// labSetupView is the form of the settings the lab lets the learner
// change, the focused one's hint and range, then the lab's situation.
func (s *console) labSetupView(w, h int) string {
	st, lb := s.c.Styles, s.lab
	var lines []string
	muted := func(line string) {
		for _, l := range text.Wrap(line, w) {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	lines = append(lines, strings.Split(text.TruncateLines(s.menu.View(s.c, len(s.menu.Items)), w), "\n")...)
	lines = append(lines, "")
	// A text setting (a JSON policy) is shown whole, wrapped: cut short it
	// cannot be read.
	for i, f := range s.fields {
		if f.text && !(s.editing && i == s.menu.Cursor) {
			style := st.Item
			if i == s.menu.Cursor {
				style = st.ItemSelected
			}
			for _, l := range text.Wrap(s.label(f)+" "+f.txt, w) {
				lines = append(lines, style.Render(l))
			}
			lines = append(lines, "")
		}
	}
	if s.problem != "" {
		for _, l := range text.Wrap(s.problem, w) {
			lines = append(lines, st.Error.Render(l))
		}
	}
	if f := s.field(); f != nil {
		switch {
		case s.editing && f.text:
			// The text gets a line of its own, scrolled by the input.
			lines = append(lines, text.Truncate(s.label(f)+":", w), text.Truncate(s.input.View(), w))
			muted(s.c.T("sim.edit.hint"))
		case s.editing:
			lines = append(lines, text.Truncate(s.label(f)+": "+s.input.View(), w))
			muted(s.c.T("sim.edit.hint"))
		case f.text:
			muted(s.c.T("lab.text"))
		default:
			if hint := s.c.T("simh." + strings.TrimPrefix(f.key, "simf.")); !strings.HasPrefix(hint, "simh.") && f.label == "" {
				muted(hint)
			}
			muted(s.c.T("lab.range") + " " + s.labRange(lb.l.Change[s.menu.Cursor]))
		}
	} else {
		muted(s.c.T("lab.hint"))
	}
	lines = append(lines, "")
	for _, l := range s.labAfter() {
		for _, x := range text.Wrap(l, w) {
			lines = append(lines, st.Item.Render(x))
		}
	}
	var fixed []string
	for _, v := range lb.l.Settings {
		if lb.l.Changeable(v.Name) == nil {
			fixed = append(fixed, v.Name+"="+v.Value)
		}
	}
	if len(fixed) > 0 {
		muted(s.c.T("lab.fixed") + " " + strings.Join(fixed, ", "))
		lines = append(lines, "")
	}
	lines = append(lines, text.Truncate(st.Header.Render(s.c.T("lab.situation")), w))
	for _, p := range strings.Split(strings.ReplaceAll(lb.l.Situation, "**", ""), "\n\n") {
		for _, l := range text.Wrap(strings.ReplaceAll(strings.TrimSpace(p), "\n", " "), w) {
			lines = append(lines, st.Item.Render(l))
		}
		lines = append(lines, "")
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// labAfter is what a passed or given-up lab adds: why the solution works,
// a solution when given up, and that the lab is scheduled.
func (s *console) labAfter() []string {
	lb := s.lab
	var out []string
	if lb.passed || lb.gaveUp {
		out = append(out, s.c.T("lab.why")+" "+lb.l.Why)
	}
	if lb.gaveUp {
		var sol []string
		for _, v := range lb.l.Solution {
			sol = append(sol, v.Name+"="+v.Value)
		}
		out = append(out, s.c.T("lab.solution")+" "+strings.Join(sol, ", "))
	}
	if lb.rated {
		out = append(out, s.c.T("lab.scheduled"))
	}
	return out
}

// labRange is what a setting allows, in the learner's language.
func (s *console) labRange(ch content.LabChange) string {
	if ch.Text {
		return s.c.T("lab.text.range")
	}
	if s.c.Lang != content.KO {
		return ch.Range()
	}
	if len(ch.Choices) > 0 {
		return strings.Join(ch.Choices, ", ")
	}
	return labrun.Num(ch.Lo) + "~" + labrun.Num(ch.Hi)
}
