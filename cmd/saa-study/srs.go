package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
	"github.com/saa-study/saa-study/ui"
)

// newReviewCmd opens the review screen.
func newReviewCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "review",
		Short: "Review the flashcards and questions due today",
		Long: `Shows today's due flashcards and questions one at a time. space shows the
answer, 1-4 rates it (Again, Hard, Good, Easy; each button shows the interval it
gives), u undoes the last rating, b buries until tomorrow, s suspends.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return g.runTUI(cmd.Context(), "review", "saa-study stats --json")
		},
	}
}

// newStatsCmd opens the stats screen, or prints the statistics.
func newStatsCmd(g *globals) *cobra.Command {
	var asJSON, print bool
	var width int
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "See progress, retention and exam readiness",
		Example: `  saa-study stats
  saa-study stats --json | jq .readiness
  saa-study stats --print --width 60`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !asJSON && !print {
				return g.runTUI(cmd.Context(), "stats", "saa-study stats --json")
			}
			st, lib, lang, err := g.session(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			rep, err := progress.New(st, lib, progress.Options{Loc: time.Local}).Stats(cmd.Context(), lang, time.Now())
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			for _, l := range ui.StatsLines(lang, &rep, max(width, 30), nil) {
				fmt.Fprintln(g.stdout, strings.TrimRight(l, " ")) // no padding in a file
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the statistics as JSON")
	cmd.Flags().BoolVar(&print, "print", false, "print the statistics as plain text")
	cmd.Flags().IntVar(&width, "width", 80, "line width for --print")
	return cmd
}

// newSRSCmd groups the scheduler's tools.
func newSRSCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "srs",
		Short: "Tools for spaced repetition: replay a history, limits, unsuspend, fit the parameters",
	}
	cmd.AddCommand(newReplayCmd(g), newLimitsCmd(g), newUnsuspendCmd(g), newOptimizeCmd(g))
	return cmd
}

func newReplayCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "replay FILE",
		Short: "Schedule review histories from a JSON file (- for stdin) and print each step",
		Long: `Reads {"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]}]}
and prints what FSRS-6 (default weights, UTC days, no fuzz, as ts-fsrs) makes of
every review: a table, or one JSON object per line with --json.`,
		Example: `  saa-study srs replay history.json
  echo '[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]}]' | saa-study srs replay - --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var in io.Reader = g.stdin
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return &exitError{code: 1, msg: err.Error()}
				}
				defer f.Close()
				in = f
			}
			return replay(in, g.stdout, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object per review")
	return cmd
}

// replay streams the lines of `srs replay` to out as they are scheduled,
// through one buffer: a JSON line (or table row) per review, and nothing
// held beyond the buffer and the table's first rows.
func replay(in io.Reader, out io.Writer, asJSON bool) error {
	var write func(*srs.ReplayLine) error
	var flush func() error
	if asJSON {
		w := bufio.NewWriterSize(out, 64<<10)
		var b []byte
		write = func(l *srs.ReplayLine) error {
			b = append(l.AppendJSON(b[:0]), '\n')
			_, err := w.Write(b)
			return err
		}
		flush = w.Flush
	} else {
		t := srs.NewReplayTable(out)
		write, flush = t.Write, t.Flush
	}
	if err := srs.ReplayEach(in, nil, write); err != nil {
		var e *srs.Error
		if errors.As(err, &e) {
			flush() // the lines before the mistake, then the mistake
			return &exitError{code: 1, msg: err.Error()}
		}
		return err
	}
	return flush()
}

func newLimitsCmd(g *globals) *cobra.Command {
	var newPer, reviews, hour int
	var retention float64
	var examDate string
	cmd := &cobra.Command{
		Use:     "limits",
		Short:   "Show or set the daily limits, the hour a study day starts, the desired retention and the exam date",
		Example: "  saa-study srs limits --new 10 --reviews 100 --day-hour 4 --retention 0.85 --exam-date 2026-12-27",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			c, err := st.SRSConfig(cmd.Context())
			if err != nil {
				return err
			}
			f := cmd.Flags()
			if f.Changed("new") || f.Changed("reviews") || f.Changed("day-hour") || f.Changed("retention") {
				if f.Changed("retention") {
					c.DesiredRetention = retention
				}
				if f.Changed("new") {
					c.NewPerDay = newPer
				}
				if f.Changed("reviews") {
					c.ReviewsPerDay = reviews
				}
				if f.Changed("day-hour") {
					c.DayHour = hour
				}
				if err := st.SetSRSConfig(cmd.Context(), c); err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
			}
			if f.Changed("exam-date") {
				v := examDate
				if v == "none" {
					v = ""
				} else if _, err := time.Parse(time.DateOnly, v); err != nil {
					return &exitError{code: 2, msg: fmt.Sprintf("ValidationException: --exam-date must be YYYY-MM-DD or none, got %q", examDate)}
				}
				if err := st.SetSetting(cmd.Context(), progress.SettingExamDate, v); err != nil {
					return err
				}
			}
			exam, _, err := st.Setting(cmd.Context(), progress.SettingExamDate)
			if err != nil {
				return err
			}
			if exam == "" {
				exam = "none"
			}
			fmt.Fprintf(g.stdout, "new per day: %d\nreviews per day: %d\nday starts at: %02d:00 local time\ndesired retention: %.2f\nexam date: %s\n", c.NewPerDay, c.ReviewsPerDay, c.DayHour, c.DesiredRetention, exam)
			return nil
		},
	}
	cmd.Flags().IntVar(&newPer, "new", 20, "new items introduced per day")
	cmd.Flags().IntVar(&reviews, "reviews", 200, "reviews per day")
	cmd.Flags().IntVar(&hour, "day-hour", 4, "local hour (0-23) at which a study day starts")
	cmd.Flags().Float64Var(&retention, "retention", 0.9, "desired retention, 0.70-0.97: the recall probability intervals aim at")
	cmd.Flags().StringVar(&examDate, "exam-date", "", "exam day, YYYY-MM-DD (none to clear): Stats forecasts recall per domain on it")
	return cmd
}

func newUnsuspendCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "unsuspend ID...",
		Short:   "Bring suspended cards or questions back into reviews",
		Example: "  saa-study srs unsuspend card-lambda-cold-start::c1 question:lambda-limits-reserved-throttle",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			for _, a := range args {
				kind, id := store.KindCard, a
				if k, rest, ok := strings.Cut(a, ":"); ok && (k == store.KindCard || k == store.KindQuestion) && !strings.HasPrefix(rest, ":") {
					kind, id = k, rest
				}
				err := st.SetSuspended(cmd.Context(), kind, id, false)
				if errors.Is(err, store.ErrNoSuchItem) && kind == store.KindCard && !strings.Contains(a, ":") {
					err = st.SetSuspended(cmd.Context(), store.KindQuestion, id, false)
				}
				if err != nil {
					return &exitError{code: 1, msg: err.Error()}
				}
				fmt.Fprintf(g.stdout, "unsuspended %s\n", a)
			}
			return nil
		},
	}
}
