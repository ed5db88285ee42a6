package sim

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/sim/lambda"
	scen "github.com/saa-study/saa-study/sim/scenario"
	"github.com/saa-study/saa-study/ui/common"
)

// A console's form is kept in the progress file under "sim.form.<engine>"
// as "name=value" pairs, so that the next visit starts where the learner
// left off.

// formLoadedMsg carries the saved form of an engine.
type formLoadedMsg struct{ saved string }

func formKey(engine string) string { return "sim.form." + engine }

// encode writes the form's values, "memory=1024 reserved=none …".
func (fs fieldSet) encode() string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.TrimPrefix(f.key, "simf.") + "=" + f.str())
	}
	return b.String()
}

// apply sets the fields named in "name=value …"; names the form does not
// have and values it does not take are skipped.
func (fs fieldSet) apply(saved string) {
	for _, kv := range strings.Fields(saved) {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		for _, f := range fs {
			if f.key == "simf."+k {
				_ = f.set(v) // a value from an older form is skipped
			}
		}
	}
}

func (s *console) loadForm() tea.Cmd {
	c, id := s.c, s.eng.id
	if c.Progress == nil || !c.Progress.HasStore() {
		return nil
	}
	return func() tea.Msg {
		v, ok, err := c.Progress.Setting(c.Context(), formKey(id))
		if err != nil || !ok {
			return nil
		}
		return formLoadedMsg{v}
	}
}

func (s *console) saveForm() tea.Cmd {
	c, id, v := s.c, s.eng.id, s.fields.encode()
	if c.Progress == nil || !c.Progress.HasStore() {
		return nil
	}
	return func() tea.Msg {
		if err := c.Progress.SetSetting(c.Context(), formKey(id), v); err != nil {
			return common.ErrMsg{Err: err}
		}
		return nil
	}
}

// lambdaSettings is a Lambda scenario's setup as the form's values.
func lambdaSettings(id string) string {
	sc, err := lambda.ScenarioByID(id)
	if err != nil {
		return ""
	}
	fn, w := sc.Function, sc.Workload
	rps, secs := 0.0, 0.0
	for _, p := range w.Phases {
		rps = max(rps, p.RPS, p.ToRPS)
		secs = max(secs, p.StartS+p.Seconds)
	}
	reserved := "none"
	if fn.Reserved != nil {
		reserved = itoa(*fn.Reserved)
	}
	out := []string{"memory=" + itoa(fn.MemoryMB), "duration_ms=" + ftoa(w.Duration.DurationMS), "timeout=" + itoa(fn.TimeoutS),
		"rps=" + ftoa(rps), "seconds=" + ftoa(secs), "reserved=" + reserved, "provisioned=" + itoa(fn.Provisioned),
		"cold_start_ms=" + itoa(fn.ColdStartMS), "cpu_share=" + ftoa(w.Duration.CPUShare)}
	if a := sc.Account.ConcurrencyLimit; a > 0 {
		out = append(out, "account_limit="+itoa(a))
	} else {
		out = append(out, "account_limit=1000")
	}
	if fn.Arch != "" {
		out = append(out, "arch="+fn.Arch)
	}
	if w.Type != "" {
		out = append(out, "invoke="+w.Type)
	}
	return strings.Join(out, " ")
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// infoOf looks a shipped scenario up among all, for an engine's info.
func infoOf[S interface{ About() scen.Info }](all func() ([]S, error)) func(id string) (scen.Info, bool) {
	return func(id string) (scen.Info, bool) {
		list, err := all()
		if err != nil {
			return scen.Info{}, false
		}
		for _, s := range list {
			if i := s.About(); i.ID == id {
				return i, true
			}
		}
		return scen.Info{}, false
	}
}
