package lab

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/say"
)

// Report is what a run of a lab shows: each check with the figure it got
// against the one it needs, and why the engine ended where it did.
type Report struct {
	Lab         string   `json:"lab"`
	Passed      bool     `json:"passed"`
	Checks      []Result `json:"checks"`
	Explanation string   `json:"explanation"`
	// Settings are the settings the run used.
	Settings map[string]string `json:"settings"`
	// Why is the engine's explanation as it cites facts, by id in
	// brackets, for a screen that shows them as references.
	Why string `json:"-"`
	// Metrics are the engine's result, flattened (see Flatten).
	Metrics map[string]any `json:"-"`
}

// SettingError is a setting the lab does not let a learner change, or a
// value outside its range.
type SettingError struct {
	Lab, Name string
	Msg       string
}

func (e *SettingError) Error() string { return e.Msg }

// Settings are a lab's starting settings with overrides applied; an
// override the lab does not allow is a *SettingError that names the
// setting and its range.
func Settings(l *content.Lab, overrides map[string]string) (map[string]string, error) {
	out := map[string]string{}
	for _, s := range l.Settings {
		out[s.Name] = s.Value
	}
	for k, v := range overrides {
		ch := l.Changeable(k)
		if ch == nil {
			var may []string
			for _, c := range l.Change {
				may = append(may, c.Name+" ("+c.Range()+")")
			}
			return nil, &SettingError{Lab: l.ID, Name: k, Msg: fmt.Sprintf("lab %s does not let you change %q; you may change %s", l.ID, k, strings.Join(may, ", "))}
		}
		v = strings.TrimSpace(v)
		if !ch.Text {
			v = strings.ReplaceAll(v, ",", "")
		}
		if err := ch.Allows(v); err != nil {
			return nil, &SettingError{Lab: l.ID, Name: k, Msg: fmt.Sprintf("lab %s: %v", l.ID, err)}
		}
		out[k] = v
	}
	return out, nil
}

// Solution is the lab's known answer as a map from setting to value.
func Solution(l *content.Lab) map[string]string {
	out := map[string]string{}
	for _, s := range l.Solution {
		out[s.Name] = s.Value
	}
	return out
}

// Resolve gives the number a goal's name stands for: one of the settings
// of the run, a given value of the lab, or a fact.
func Resolve(lib *content.Library, l *content.Lab, settings map[string]string) Resolver {
	return func(name string) (float64, bool) {
		if v, ok := settings[name]; ok {
			var f float64
			if _, err := fmt.Sscan(v, &f); err == nil {
				return f, true
			}
		}
		if v, ok := l.GivenValue(name); ok {
			return v, true
		}
		if f, ok := lib.Fact(name); ok && f.IsNumber {
			return f.Number, true
		}
		return 0, false
	}
}

// RefusedError is an engine's refusal of a lab's settings (SNS refusing a
// filter policy), in the lab's language; the engine's error is wrapped.
type RefusedError struct {
	Lab, Engine string
	Lang        content.Lang
	Err         error
}

func (e *RefusedError) Error() string {
	msg := e.Err.Error()
	if r, ok := e.Err.(interface{ In(string) string }); ok {
		msg = r.In(string(e.Lang))
	}
	return say.Sprintf("lab %s: %s refused the settings: %s", e.Lab, e.Engine, msg).In(string(e.Lang))
}

func (e *RefusedError) Unwrap() error { return e.Err }

// Run runs a lab with overrides of its starting settings.
func Run(lib *content.Library, l *content.Lab, overrides map[string]string) (Report, error) {
	settings, err := Settings(l, overrides)
	if err != nil {
		return Report{}, err
	}
	return run(lib, l, settings)
}

func run(lib *content.Library, l *content.Lab, settings map[string]string) (Report, error) {
	eng := Engines[l.Engine]
	if eng == nil {
		return Report{}, fmt.Errorf("lab %s: no engine %q", l.ID, l.Engine)
	}
	metrics, why, err := eng.Run(settings)
	if err != nil {
		return Report{}, &RefusedError{Lab: l.ID, Engine: l.Engine, Lang: l.Lang, Err: err}
	}
	rep := Report{Lab: l.ID, Passed: true, Settings: settings, Why: why.In(string(l.Lang)), Metrics: metrics}
	resolve := Resolve(lib, l, settings)
	for _, g := range l.Goal {
		c, err := ParseCheck(g.Check)
		if err != nil {
			return Report{}, fmt.Errorf("lab %s: %w", l.ID, err)
		}
		r, err := c.Eval(metrics, resolve)
		if err != nil {
			return Report{}, fmt.Errorf("lab %s: %w", l.ID, err)
		}
		rep.Checks = append(rep.Checks, r)
		rep.Passed = rep.Passed && r.OK
	}
	rep.Explanation = Cite(lib, l.Lang, why.In(string(l.Lang)))
	return rep, nil
}

// factRefRe finds a fact id in brackets, as engines cite them: "[lae.events]".
var factRefRe = regexp.MustCompile(`\s*\[([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\]`)

// Cite replaces the fact ids engines put in brackets with the fact itself,
// its value and what it means, so that no id reaches a learner raw.
func Cite(lib *content.Library, lang content.Lang, text string) string {
	return factRefRe.ReplaceAllStringFunc(text, func(m string) string {
		id := factRefRe.FindStringSubmatch(m)[1]
		f, ok := lib.Fact(id)
		if !ok {
			return m
		}
		meaning := f.Meaning
		if lang == content.KO && f.MeaningKo != "" {
			meaning = f.MeaningKo
		}
		return " (" + f.Display(lang) + ": " + strings.TrimSuffix(meaning, ".") + ")"
	})
}

// Problem is a lab that its engine shows to be broken, at a file line.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg) }

// Lint runs every lab of the library through its engine: each setting must
// be one the engine has, each check must parse and name a metric of the
// result, the start must fail the goal and the solution must pass it.
func Lint(lib *content.Library) []Problem {
	var out []Problem
	for _, lang := range content.Langs {
		for _, l := range lib.Labs(lang) {
			out = append(out, lintLab(lib, l)...)
		}
	}
	return out
}

func lintLab(lib *content.Library, l *content.Lab) []Problem {
	var out []Problem
	add := func(line int, format string, args ...any) {
		out = append(out, Problem{l.File, line, fmt.Sprintf(format, args...)})
	}
	eng := Engines[l.Engine]
	if eng == nil {
		return nil // content reports the engine
	}
	for _, s := range append(append([]content.LabValue{}, l.Settings...), l.Solution...) {
		es := eng.Setting(s.Name)
		if es == nil {
			add(s.Line, "%s has no setting %q (it has %s)", l.Engine, s.Name, strings.Join(eng.names(), ", "))
			return out
		}
		if err := es.Check(s.Value); err != nil {
			add(s.Line, "%v", err)
			return out
		}
	}
	for _, g := range l.Goal {
		c, err := ParseCheck(g.Check)
		if err != nil {
			add(g.Line, "%v", err)
			return out
		}
		if c.Operand.Ref == "" && !c.Operand.IsStr && c.Operand.Num != 0 {
			add(g.Line, "%q: the number %s is written by hand; name it under given (or cite a fact id)", g.Check, Num(c.Operand.Num))
		}
	}
	start, err := Settings(l, nil)
	if err == nil {
		var rep Report
		rep, err = run(lib, l, start)
		if err == nil && rep.Passed {
			add(goalLine(l), "the starting settings already pass the goal (%s): the lab has nothing to solve", checksText(rep))
		}
	}
	if err != nil {
		add(goalLine(l), "the starting settings do not run: %v", err)
		return out
	}
	sol, err := Settings(l, Solution(l))
	if err != nil {
		var se *SettingError
		if errors.As(err, &se) {
			return out // content reports the solution's ranges
		}
	}
	rep, err := run(lib, l, sol)
	switch {
	case err != nil:
		add(solutionLine(l), "the solution does not run: %v", err)
	case !rep.Passed:
		add(solutionLine(l), "the solution fails the goal (%s): fix the solution or the goal", checksText(rep))
	}
	return out
}

func goalLine(l *content.Lab) int {
	if len(l.Goal) > 0 {
		return l.Goal[0].Line
	}
	return 1
}

func solutionLine(l *content.Lab) int {
	if len(l.Solution) > 0 {
		return l.Solution[0].Line - 1
	}
	return 1
}

func checksText(r Report) string {
	var s []string
	for _, c := range r.Checks {
		mark := "✓"
		if !c.OK {
			mark = "✗"
		}
		s = append(s, fmt.Sprintf("%s %s got %s, want %s", mark, c.Name, c.Got, c.Want))
	}
	return strings.Join(s, "; ")
}
