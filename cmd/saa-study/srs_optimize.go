package main

import (
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
)

// optimizeReport is the --json output of `srs optimize`.
type optimizeReport struct {
	Reviews        int       `json:"reviews"`
	Items          int       `json:"items"`
	Fitted         bool      `json:"fitted"`
	NeedMore       int       `json:"need_more,omitempty"`
	Parameters     []float64 `json:"parameters"`
	LogLossBefore  *float64  `json:"log_loss_before"`
	LogLossAfter   *float64  `json:"log_loss_after"`
	RMSEBinsBefore *float64  `json:"rmse_bins_before"`
	RMSEBinsAfter  *float64  `json:"rmse_bins_after"`
	Applied        bool      `json:"applied"`
	Seconds        float64   `json:"seconds"`
}

func newReport(res *srs.OptimizeResult) optimizeReport {
	r := optimizeReport{Reviews: res.Reviews, Items: res.Items, Fitted: res.Fitted, NeedMore: res.NeedMore,
		Parameters: res.Parameters, Seconds: res.Elapsed}
	if res.Before != nil {
		r.LogLossBefore, r.RMSEBinsBefore = &res.Before.LogLoss, &res.Before.RMSEBins
	}
	if res.After != nil {
		r.LogLossAfter, r.RMSEBinsAfter = &res.After.LogLoss, &res.After.RMSEBins
	}
	return r
}

func newOptimizeCmd(g *globals) *cobra.Command {
	var asJSON, apply, undo bool
	var history string
	cmd := &cobra.Command{
		Use:   "optimize",
		Short: "Fit the FSRS parameters to your reviews (as Anki's optimizer does); --apply to use them",
		Long: `Fits the 21 FSRS-6 parameters to the review log of the progress file (or of a
history file in the format "srs replay" reads) the way fsrs-rs, Anki's optimizer,
does, and reports the log loss and RMSE(bins) of the parameters in use and of the
fitted ones on your own reviews. Nothing changes until you add --apply; --undo
goes back to the parameters used before.`,
		Example: `  saa-study srs optimize
  saa-study srs optimize --apply
  saa-study srs optimize --undo
  saa-study srs optimize --history history.json --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if history != "" && (apply || undo) {
				return &exitError{code: 2, msg: "ValidationException: --apply and --undo act on the progress file, not on --history"}
			}
			if apply && undo {
				return &exitError{code: 2, msg: "ValidationException: --apply and --undo cannot be used together"}
			}
			var res *srs.OptimizeResult
			var err error
			if history != "" {
				var in io.Reader = g.stdin
				if history != "-" {
					f, err := os.Open(history)
					if err != nil {
						return &exitError{code: 1, msg: err.Error()}
					}
					defer f.Close()
					in = f
				}
				cards, err := srs.ReadHistories(in, srs.DayBoundary{})
				if err != nil {
					return &exitError{code: 1, msg: err.Error()}
				}
				res, err = srs.Optimize(ctx, cards, srs.OptimizeOptions{})
				if err != nil {
					return &exitError{code: 1, msg: err.Error()}
				}
				return printOptimize(g.stdout, res, asJSON, false)
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			p := progress.New(st, nil, progress.Options{Loc: time.Local})
			if undo {
				cur, err := p.UndoFSRS(ctx)
				if errors.Is(err, progress.ErrNoFitToUndo) {
					return &exitError{code: 1, msg: err.Error()}
				}
				if err != nil {
					return err
				}
				if cur == nil {
					fmt.Fprintln(g.stdout, "undone: the default FSRS parameters are in use again")
				} else {
					fmt.Fprintf(g.stdout, "undone: the parameters applied %s are in use again\n", cur.AppliedAt.Local().Format("2006-01-02 15:04"))
				}
				return nil
			}
			res, err = p.OptimizeFSRS(ctx, nil)
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			if apply && res.Fitted {
				if _, err := p.ApplyFSRS(ctx, res); err != nil {
					return &exitError{code: 1, msg: err.Error()}
				}
			}
			return printOptimize(g.stdout, res, asJSON, apply && res.Fitted)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	cmd.Flags().BoolVar(&apply, "apply", false, "use the fitted parameters from now on (undo with --undo)")
	cmd.Flags().BoolVar(&undo, "undo", false, "go back to the parameters used before the last --apply")
	cmd.Flags().StringVar(&history, "history", "", "fit a JSON review history (as srs replay reads; - for stdin) instead of the progress file")
	return cmd
}

func printOptimize(w io.Writer, res *srs.OptimizeResult, asJSON, applied bool) error {
	rep := newReport(res)
	rep.Applied = applied
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(w, "reviews: %d (%d predicted: reviews on a later day than the card's previous one)\n", res.Reviews, res.Items)
	if !res.Fitted {
		fmt.Fprintf(w, "not enough reviews to fit: %d more predicted reviews needed; the parameters are unchanged\n", res.NeedMore)
	}
	if res.Before != nil && res.After != nil {
		fmt.Fprintf(w, "log loss:   %.4f → %.4f\n", res.Before.LogLoss, res.After.LogLoss)
		fmt.Fprintf(w, "RMSE(bins): %.2f%% → %.2f%%\n", res.Before.RMSEBins*100, res.After.RMSEBins*100)
	}
	ps := make([]string, len(res.Parameters))
	for i, x := range res.Parameters {
		ps[i] = fmt.Sprintf("%.4f", x)
	}
	fmt.Fprintf(w, "parameters: %s\n", strings.Join(ps, ", "))
	switch {
	case applied:
		fmt.Fprintln(w, "applied: Review schedules with these parameters from now on (undo: saa-study srs optimize --undo)")
	case res.Fitted:
		fmt.Fprintln(w, "not applied: run again with --apply to use them")
	}
	return nil
}
