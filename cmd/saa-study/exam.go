package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/store"
	"github.com/saa-study/saa-study/ui"
	"github.com/saa-study/saa-study/ui/text"
)

func newExamCmd(g *globals) *cobra.Command {
	var questions, minutes int
	var seed uint64
	var history, asJSON, abandon bool
	cmd := &cobra.Command{
		Use:   "exam",
		Short: "Take a timed practice exam, or list past attempts",
		Long: `Opens the Exam screen: a mock exam drawn by domain weight (20 questions in
40 minutes unless told otherwise), practice by topic, and the history.
With --questions, --minutes or --seed a new exam starts at once.

An exam is saved after every answer; if the terminal closes, the next start
offers to resume it with the answers given and the time that was left.
An unfinished exam is never deleted: starting a new one asks "Resume or
start new?" first, and --abandon-unfinished answers "start new" without
asking. Either way the old attempt stays in --history as abandoned, with
its answers.
The pass line (72%) is an estimate, not AWS's scaled score.`,
		Example: `  saa-study exam
  saa-study exam --questions 65 --minutes 130
  saa-study exam --history --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if questions < 0 || minutes < 0 {
				return &exitError{code: 2, msg: "--questions and --minutes must not be negative"}
			}
			if history {
				return g.examHistory(cmd.Context(), asJSON)
			}
			if asJSON {
				return &exitError{code: 2, msg: "--json goes with --history"}
			}
			f := cmd.Flags()
			if abandon && !f.Changed("questions") && !f.Changed("minutes") && !f.Changed("seed") {
				return &exitError{code: 2, msg: "--abandon-unfinished goes with --questions, --minutes or --seed (a new exam to start)"}
			}
			if !f.Changed("questions") && !f.Changed("minutes") && !f.Changed("seed") {
				return g.runTUI(cmd.Context(), "exam", "saa-study exam --history --json")
			}
			cfg := quiz.ExamConfig{Questions: questions, Duration: time.Duration(minutes) * time.Minute, Seed: seed}
			return g.runApp(cmd.Context(), "", "saa-study exam --history --json", func(a *ui.App) error { return a.StartExam(cfg, abandon) })
		},
	}
	f := cmd.Flags()
	f.IntVar(&questions, "questions", quiz.DefaultExamQuestions, "number of questions")
	f.IntVar(&minutes, "minutes", 0, "time limit in minutes (default: 2 per question)")
	f.Uint64Var(&seed, "seed", 0, "seed for the draw and the option order (default: random)")
	f.BoolVar(&history, "history", false, "list past attempts instead of starting an exam")
	f.BoolVar(&asJSON, "json", false, "with --history: print JSON")
	f.BoolVar(&abandon, "abandon-unfinished", false, "start the new exam without asking, keeping an unfinished one in the history as abandoned")
	return cmd
}

// examHistory prints the submitted and the abandoned exams, newest first.
func (g *globals) examHistory(ctx context.Context, asJSON bool) error {
	st, err := g.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	rows, err := st.ExamHistory(ctx)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	if asJSON {
		enc := json.NewEncoder(g.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(g.stderr, "no exams submitted yet")
		return nil
	}
	fmt.Fprintln(g.stdout, "date              questions  score   time    per domain")
	for _, e := range rows {
		if e.Abandoned {
			var s quiz.ExamState
			_ = json.Unmarshal(e.State, &s)
			fmt.Fprintf(g.stdout, "%s  %9d  abandoned, %d of %d answered\n", e.AbandonedAt.Local().Format("2006-01-02 15:04"),
				len(s.Items), s.Answered(), len(s.Items))
			continue
		}
		fmt.Fprintf(g.stdout, "%s  %9d  %5.1f%%  %6s  %s\n", e.SubmittedAt.Local().Format("2006-01-02 15:04"),
			e.Total, e.Percent, (time.Duration(e.TimeUsedMS) * time.Millisecond).Round(time.Second), domainSummary(e.Domains))
	}
	return nil
}

func domainSummary(ds []store.ExamDomain) string {
	var parts []string
	for _, d := range ds {
		if d.Total > 0 {
			// The domain's name as the Exam screens write it, with the id
			// that --json keeps beside it when they differ.
			name := text.T(content.EN, "domain."+d.Domain)
			if name != d.Domain {
				name += " (" + d.Domain + ")"
			}
			parts = append(parts, fmt.Sprintf("%s %d/%d", name, d.Correct, d.Total))
		}
	}
	return strings.Join(parts, ", ")
}
