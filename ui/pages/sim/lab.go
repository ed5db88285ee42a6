package sim

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	labrun "github.com/saa-study/saa-study/lab"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/sim/sns"
	"github.com/saa-study/saa-study/ui/common"
)

// A lab runs in its engine's console: the form holds only the settings the
// lab lets the learner change (with their ranges), the goal is pinned at
// the top, and a run shows the engine's result as any run does, with each
// check ✓/✗ and the engine's why. Passing or giving up rates the lab in
// the schedule, so that it comes back in Review.
//
// The checks come from package lab, which runs the lab's engine; the
// charts come from the console's own run of the same settings. DynamoDB
// and Step Functions have consoles of another kind (a command line, a
// state machine stepped through), so their labs run in this console too,
// with the engine's figures as the comparison and, for Step Functions, the
// definition that ran.
type labState struct {
	l *content.Lab
	// base is the engine's whole form at the lab's start; nil for an
	// engine without a form.
	base fieldSet
	// names maps a lab setting to the form field where they differ.
	names  map[string]string
	report *labrun.Report
	runs   int
	passed bool
	gaveUp bool
	rated  bool
	opened time.Time
}

type labRanMsg struct {
	gen int
	out outcome
	rep labrun.Report
	err error
}

type labRatedMsg struct{ err error }

var giveUpKey = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "give up"))

// giveUpKey is x while there is something to give up: not once the lab
// has passed or been given up.
func (st *labState) giveUpKey() key.Binding {
	b := giveUpKey
	b.SetEnabled(!st.passed && !st.gaveUp)
	return b
}

// labFormNames are the lab settings whose form field has another name.
var labFormNames = map[string]map[string]string{
	"lambda":     {"timeout_s": "timeout"},
	"apigateway": {"rate": "stage_rate", "burst": "stage_burst"},
	"edge":       {"hit_ratio_target": "hit_ratio"},
	"rdsproxy":   {"borrow_timeout_s": "borrow_timeout"},
}

func formEngine(id string) (engine, bool) {
	switch id {
	case "lambda":
		return lambdaEngine(), true
	case "apigateway":
		return apigatewayEngine(), true
	case "edge":
		return edgeEngine(), true
	case "rdsproxy":
		return rdsproxyEngine(), true
	case "sns":
		return snsEngine(), true
	}
	return engine{id: id}, false
}

// NewLab is a lab in its engine's console; nil when the library has no lab id.
func NewLab(c *common.Common, id string) common.Screen {
	if c.Lib == nil {
		return nil
	}
	l := c.Lib.Lab(c.Lang, id)
	if l == nil || labrun.Engines[l.Engine] == nil {
		return nil
	}
	eng, hasForm := formEngine(l.Engine)
	st := &labState{l: l, names: labFormNames[l.Engine], opened: c.Clock()}
	start := map[string]string{}
	for _, x := range labrun.Engines[l.Engine].Settings {
		start[x.Name] = x.Default
	}
	for _, v := range l.Settings {
		start[v.Name] = v.Value
	}
	if hasForm {
		st.base = eng.fields()
		// A lab setting the form has no field for (SNS's own filter
		// policies) joins the form the charts are drawn from.
		for _, x := range labrun.Engines[l.Engine].Settings {
			if n := st.formName(x.Name); st.base.has(n) {
				continue
			} else if x.Text {
				st.base = append(st.base, textField("simf."+n, x.Name, ""))
			} else if len(x.Choices) > 0 {
				st.base = append(st.base, &formField{key: "simf." + n, label: x.Name, choices: append([]string(nil), x.Choices...)})
			}
		}
		for k, v := range start {
			force(st.base.get(st.formName(k)), labToForm(k, v))
		}
	}
	var fields fieldSet
	for _, ch := range l.Change {
		fields = append(fields, st.field(ch, start[ch.Name]))
	}
	s := &console{c: c, eng: eng, fields: fields, lab: st}
	s.input = textinput.New()
	s.input.CharLimit = 12
	s.build()
	return s
}

func (st *labState) formName(name string) string {
	if n, ok := st.names[name]; ok {
		return n
	}
	return name
}

// field is the form field for a setting the lab lets the learner change:
// the engine's own field (its label, hint and steps) held to the lab's
// range, or a plain one named after the setting.
func (st *labState) field(ch content.LabChange, value string) *formField {
	var f *formField
	if st.base != nil {
		if b := st.base.get(st.formName(ch.Name)); b.key != "" {
			c := *b
			f = &c
		}
	}
	if f == nil {
		f = &formField{key: "simf." + ch.Name, label: ch.Name}
	}
	if ch.Text {
		f.choices, f.text, f.txt, f.label = nil, true, value, ch.Name
		return f
	}
	if len(ch.Choices) > 0 {
		f.choices, f.choice = append([]string(nil), ch.Choices...), 0
		for i, c := range ch.Choices {
			if c == value {
				f.choice = i
			}
		}
		return f
	}
	f.choices = nil
	f.num, _ = strconv.ParseFloat(labToForm(ch.Name, value), 64)
	f.lo, f.hi = ch.Lo, ch.Hi
	if f.lo >= 0 {
		f.below = "" // "none" or "auto" is not in the lab's range
	}
	var ladder []float64
	for _, r := range f.ladder {
		if r >= f.lo && r <= f.hi {
			ladder = append(ladder, r)
		}
	}
	f.ladder = ladder
	if len(ladder) < 2 {
		f.ladder = nil
	}
	if f.ladder == nil && f.step <= 0 {
		f.step = roundStep(f.hi - f.lo)
	}
	return f
}

// force sets a field to a lab's value as it is, past the form's own steps
// and bounds, so that the console runs exactly what the lab runs.
func force(f *formField, v string) {
	if f.text {
		f.txt = v
		return
	}
	if f.isChoice() {
		for i, c := range f.choices {
			if c == v {
				f.choice = i
				return
			}
		}
		f.choices = append(f.choices, v)
		f.choice = len(f.choices) - 1
		return
	}
	if x, err := strconv.ParseFloat(v, 64); err == nil {
		f.num = x
	}
}

// labToForm is a lab's value as the form holds it: a Lambda timeout of 0
// is the form's auto.
func labToForm(name, v string) string {
	if name == "timeout_s" && v == "0" {
		return "-1"
	}
	return v
}

// formToLab is a field's value as the lab takes it.
func formToLab(name string, f *formField) string {
	if f.text {
		return f.txt
	}
	if f.isChoice() {
		return f.choices[f.choice]
	}
	if name == "timeout_s" && f.num < 0 {
		return "0"
	}
	return strconv.FormatFloat(f.num, 'f', -1, 64)
}

// roundStep is a step of about a twentieth of span: 1, 2 or 5 times a
// power of ten.
func roundStep(span float64) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / 20
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// labKey handles the keys a lab adds to the console; ok is false for the
// keys the console handles as usual.
func (s *console) labKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := s.c.Keys
	switch {
	case key.Matches(msg, keys.Run):
		return s.runLab(), true
	case key.Matches(msg, s.lab.giveUpKey()):
		return s.giveUp(), true
	case s.mode == modeSetup && key.Matches(msg, k.Back):
		return common.Pop, true // a lab's form is the lab's, not the engine's
	case s.mode == modeSetup && key.Matches(msg, k.Open):
		if it, _ := s.menu.Selected(); it.ID == "run" {
			return s.runLab(), true
		}
	}
	return nil, false
}

func (s *console) giveUp() tea.Cmd {
	st := s.lab
	if st.passed || st.gaveUp {
		return nil
	}
	st.gaveUp = true
	return s.rateLab()
}

// overrides are the form's values as the lab's settings.
func (s *console) overrides() map[string]string {
	over := map[string]string{}
	for i, ch := range s.lab.l.Change {
		over[ch.Name] = formToLab(ch.Name, s.fields[i])
	}
	return over
}

// runLab runs the lab's check of the settings and, for an engine with a
// form, the console's run of the same settings for its charts.
func (s *console) runLab() tea.Cmd {
	st := s.lab
	over := s.overrides()
	var fs fieldSet
	if st.base != nil {
		fs = st.base.clone()
		for k, v := range over {
			force(fs.get(st.formName(k)), labToForm(k, v))
		}
	}
	lib, l, quick, t := s.c.Lib, st.l, s.eng.quick, s.c.T
	s.gen++
	s.mode, s.problem = modeRunning, ""
	gen := s.gen
	return func() tea.Msg {
		rep, err := labrun.Run(lib, l, over)
		if err != nil {
			return labRanMsg{gen: gen, err: err}
		}
		out := labOutcome(l, rep, t)
		if fs != nil {
			if out, err = quick(fs, t); err != nil {
				return labRanMsg{gen: gen, err: err}
			}
			if len(out.runs) == 1 {
				// The why of the run the checks were made on.
				out.runs[0].explain = rep.Why
			}
		}
		out.title = t("sim.yours") // the lab's title is in the goal above
		return labRanMsg{gen: gen, out: out, rep: rep}
	}
}

// labOutcome is a run of an engine without a form: its figures as the
// comparison table and, for Step Functions, the definition that ran.
func labOutcome(l *content.Lab, rep labrun.Report, t func(string) string) outcome {
	names := labrun.Names(rep.Metrics)
	v := variant{label: t("sim.yours"), explain: rep.Why}
	for _, n := range names {
		val := fmt.Sprint(rep.Metrics[n])
		if f, ok := rep.Metrics[n].(float64); ok {
			val = labrun.Num(f)
		}
		v.stats = append(v.stats, [2]string{n, val})
	}
	if l.Engine == "stepfunctions" {
		def := strings.Split(string(labrun.RetryDefinition(rep.Settings)), "\n")
		v.pages = append(v.pages, page{name: t("sim.v.definition"), lines: def, table: true})
	}
	return outcome{runs: []variant{v}}
}

func (s *console) labDone(msg labRanMsg) tea.Cmd {
	st := s.lab
	if msg.err != nil {
		s.mode, s.problem = modeSetup, msg.err.Error()
		var refused *sns.Error
		if errors.As(msg.err, &refused) {
			// SNS's own refusal, word for word, in a sentence; the limit
			// behind it, if any, as the fact itself.
			why := refused.In(string(s.c.Lang))
			if refused.Fact != "" {
				why += labrun.Cite(s.c.Lib, s.c.Lang, " ["+refused.Fact+"]")
			}
			s.problem = fmt.Sprintf(s.c.T("lab.sns.refused"), why)
		}
		return nil
	}
	st.report = &msg.rep
	st.runs++
	s.out, s.mode = cite(msg.out, s.c.Lib, s.c.Lang, s.c.T), modeResult
	s.run, s.view, s.metric, s.scroll = 0, 0, 0, 0
	if len(s.out.metrics) == 0 {
		s.view = 1 // no chart: the figures
	}
	if msg.rep.Passed && !st.passed && !st.gaveUp {
		st.passed = true
		return s.rateLab()
	}
	return nil
}

// rateLab commits the attempt: passed after st.runs runs, or given up.
func (s *console) rateLab() tea.Cmd {
	st := s.lab
	if st.rated || s.c.Progress == nil {
		return nil
	}
	p, ctx := s.c.Progress, s.c.Context()
	var set []string
	over := s.overrides()
	for _, ch := range st.l.Change {
		set = append(set, ch.Name+"="+over[ch.Name])
	}
	a := progress.LabAttempt{ID: st.l.ID, Lang: string(st.l.Lang), Runs: st.runs, Passed: st.passed,
		Settings: strings.Join(set, " "), DurationMS: s.c.Clock().Sub(st.opened).Milliseconds()}
	return func() tea.Msg { return labRatedMsg{p.CommitLab(ctx, a)} }
}
