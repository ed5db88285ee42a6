package stats

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/text"
)

// The workload section: what the desired retention costs in reviews a day
// (simulated in the background), the suggested minimum retention and the
// exam-day forecast.

type workloadMsg struct {
	gen int
	rep progress.WorkloadReport
	err error
}

func (s *statsScreen) loadWorkload(gen int) tea.Cmd {
	c := s.c
	now := c.Clock()
	return func() tea.Msg {
		rep, err := c.Progress.Workload(c.Context(), c.Lang, now)
		return workloadMsg{gen: gen, rep: rep, err: err}
	}
}

func pct(x float64) string { return fmt.Sprintf("%.0f%%", x*100) }

// workloadLines draws the section, at most w cells wide.
func (s *statsScreen) workloadLines(w int) []string {
	st := s.c.Styles
	t := s.c.T
	var out []string
	add := func(x string) { out = append(out, text.WrapMarkdown(x, w)...) }
	out = append(out, st.Header.Render(text.Truncate(t("wl.title"), w)))
	if s.wl == nil {
		if s.wlErr != nil {
			add(st.Error.Render(s.wlErr.Error()))
		} else {
			add(st.Muted.Render(t("wl.loading")))
		}
		return append(out, "")
	}
	r := s.wl
	add(fmt.Sprintf(t("wl.now"), pct(r.Retention), r.Avg30, r.Avg90, pct(r.Suggested)))
	peak := 0
	for _, n := range r.Reviews {
		peak = max(peak, n)
	}
	add(st.Muted.Render(fmt.Sprintf(t("wl.chart"), len(r.Reviews[:min(len(r.Reviews), w)]), peak)))
	out = append(out, stBars(r.Reviews[:min(len(r.Reviews), w)], 3)...)
	var opts []string
	for _, o := range r.Options {
		opts = append(opts, fmt.Sprintf("%s %.0f", pct(o.Retention), o.Avg30))
	}
	add(fmt.Sprintf(t("wl.options"), strings.Join(opts, " · ")))
	if e := r.Exam; e != nil {
		out = append(out, "")
		out = append(out, st.Header.Render(text.Truncate(fmt.Sprintf(t("wl.exam"), e.Date, e.Days), w)))
		var ds []string
		for _, d := range e.Domains {
			ds = append(ds, fmt.Sprintf("%s %s", t("st.domain."+d.Domain), pct(d.Recall)))
		}
		add(fmt.Sprintf(t("wl.exam.recall"), e.AvgPerDay, strings.Join(ds, " · ")))
		weak := t("st.domain." + e.Weakest)
		if e.NeededRetention > 0 {
			add(fmt.Sprintf(t("wl.exam.lift"), weak, pct(r.Retention), pct(e.NeededRetention), e.NeededPerDay))
		} else {
			add(fmt.Sprintf(t("wl.exam.nolift"), weak, pct(r.Retention)))
		}
	}
	return append(out, "")
}
