package main

import (
	"fmt"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui"
)

func newQuizCmd(g *globals) *cobra.Command {
	var file, name, export, answers string
	cmd := &cobra.Command{
		Use:   "quiz --file QUIZ.md",
		Short: "Run a teacher's quiz file and export the results",
		Long: `Checks a quiz file (mistakes are listed as file:line, exit 1), then runs it
in the terminal with feedback after each question. With --export the results
(who, when, each answer, the score) are written as CSV, or JSON for a .json
name, after every answer.

Scriptable twin: --answers grades without the screen, one answer per
question in file order, separated by commas; an answer names options by
their letters in the file (a = first option written), "-" or nothing leaves
a question blank. Without --export the CSV goes to standard output.`,
		Example: `  saa-study quiz --file week-3.md --name kim --export kim.csv
  saa-study quiz --file week-3.md --answers "b,ad,c" --export check.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if file == "" {
				return &exitError{code: 2, msg: "--file is required: the quiz file to run"}
			}
			q, err := content.LoadQuizFile(file)
			if ps, ok := err.(content.Problems); ok {
				for _, p := range ps {
					fmt.Fprintln(g.stderr, p.String())
				}
				return &exitError{code: 1, msg: fmt.Sprintf("%s: %d problem(s); fix them and run again", file, len(ps))}
			}
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			if name == "" {
				name = osUser()
			}
			if cmd.Flags().Changed("answers") {
				return g.gradeQuiz(q, name, answers, export)
			}
			twin := fmt.Sprintf("saa-study quiz --file %s --answers \"b,ad,…\"", file)
			return g.runApp(cmd.Context(), "", twin, func(a *ui.App) error { return a.StartQuiz(q, name, export) })
		},
	}
	f := cmd.Flags()
	f.StringVar(&file, "file", "", "the quiz file (Markdown, see saa-study lint)")
	f.StringVar(&name, "name", "", "who is answering (default: the OS user)")
	f.StringVar(&export, "export", "", "write results to this .csv or .json file")
	f.StringVar(&answers, "answers", "", `grade these answers without the screen, e.g. "b,ad,c"`)
	return cmd
}

// osUser names the person at the terminal for the results file.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "anonymous"
}

// gradeQuiz is the scriptable twin: it grades typed answers in file order
// and writes the results.
func (g *globals) gradeQuiz(q *content.Quiz, name, answers, export string) error {
	parts := strings.Split(answers, ",")
	if len(parts) != len(q.Questions) {
		return &exitError{code: 2, msg: fmt.Sprintf("--answers has %d answer(s) but %s has %d question(s); give one per question, \"-\" for a blank", len(parts), q.File, len(q.Questions))}
	}
	now := time.Now()
	var recs []quiz.Record
	for i, qq := range q.Questions {
		chosen, err := fileLetters(strings.TrimSpace(parts[i]), len(qq.Options))
		if err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("answer %d (%s): %v", i+1, qq.ID, err)}
		}
		res := quiz.Grade(quiz.Present(qq, 0), chosen)
		rec := quiz.NewRecord(name, q.ID, res, now, 0)
		rec.Shown = rec.Chosen // typed as the file letters them
		recs = append(recs, rec)
	}
	if export == "" {
		return quiz.ExportCSV(g.stdout, recs)
	}
	if err := progress.WriteQuizExport(export, recs); err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	for _, s := range quiz.Summarize(recs) {
		fmt.Fprintf(g.stdout, "%s: %d/%d (%.1f%%) → %s\n", s.Name, s.Correct, s.Total, s.Percent, export)
	}
	return nil
}

// fileLetters reads "ad" as the first and fourth options written in the
// file; "" or "-" is a blank answer.
func fileLetters(s string, n int) ([]int, error) {
	if s == "" || s == "-" {
		return nil, nil
	}
	var out []int
	for _, r := range strings.ToLower(s) {
		if r == ' ' {
			continue
		}
		i := int(r - 'a')
		if i < 0 || i >= n {
			return nil, fmt.Errorf("%q is not an option: use a to %c", r, 'a'+rune(n-1))
		}
		out = append(out, i)
	}
	return out, nil
}
