package progress

import (
	"context"
	"time"

	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// FSRSFit is an applied parameter fit (see store.FSRSFit).
type FSRSFit = store.FSRSFit

// ErrNoFitToUndo is returned by UndoFSRS when the defaults are in use.
var ErrNoFitToUndo = store.ErrNoFitToUndo

// ReviewHistories returns every scheduled item's reviews as card
// histories, days counted at the learner's study-day boundary.
func (p *Progress) ReviewHistories(ctx context.Context) ([]srs.CardHistory, error) {
	if !p.HasStore() {
		return nil, nil
	}
	ctx = orBackground(ctx)
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := p.st.ReviewsSince(ctx, time.Time{})
	if err != nil {
		return nil, err
	}
	byItem := map[string][]srs.TimedReview{}
	var order []string
	for _, r := range recs {
		k := r.Kind + ":" + r.ItemID
		if _, ok := byItem[k]; !ok {
			order = append(order, k)
		}
		byItem[k] = append(byItem[k], srs.TimedReview{Rating: r.Rating, At: r.ReviewedAt})
	}
	out := make([]srs.CardHistory, 0, len(order))
	for _, k := range order {
		out = append(out, srs.HistoryFromTimes(byItem[k], sc.Day))
	}
	return out, nil
}

// FSRSParameters returns the weights the scheduler uses: the last applied
// fit, or the defaults.
func (p *Progress) FSRSParameters(ctx context.Context) ([]float64, *FSRSFit, error) {
	if p.HasStore() {
		fits, err := p.st.FSRSFits(orBackground(ctx))
		if err != nil {
			return nil, nil, err
		}
		if len(fits) > 0 {
			f := fits[len(fits)-1]
			return f.Parameters, &f, nil
		}
	}
	return append([]float64(nil), srs.DefaultW[:]...), nil, nil
}

// OptimizeFSRS fits the FSRS parameters to the learner's reviews; the
// "before" figures are those of the weights in use. Nothing is saved:
// ApplyFSRS does that.
func (p *Progress) OptimizeFSRS(ctx context.Context, onProgress func(done, total int)) (*srs.OptimizeResult, error) {
	cards, err := p.ReviewHistories(ctx)
	if err != nil {
		return nil, err
	}
	cur, _, err := p.FSRSParameters(ctx)
	if err != nil {
		return nil, err
	}
	return srs.Optimize(orBackground(ctx), cards, srs.OptimizeOptions{Start: cur, Progress: onProgress})
}

// ApplyFSRS puts a fitted result in use, kept with the date and figures.
func (p *Progress) ApplyFSRS(ctx context.Context, res *srs.OptimizeResult) (FSRSFit, error) {
	f := FSRSFit{Parameters: res.Parameters, AppliedAt: p.Now(), Reviews: res.Reviews}
	if res.Before != nil {
		f.LogLossBefore, f.RMSEBinsBefore = res.Before.LogLoss, res.Before.RMSEBins
	}
	if res.After != nil {
		f.LogLossAfter, f.RMSEBinsAfter = res.After.LogLoss, res.After.RMSEBins
	}
	if !p.HasStore() {
		return f, nil
	}
	if !res.Fitted {
		return f, &srs.Error{Code: "ValidationException", Message: "nothing to apply: the parameters were not fitted"}
	}
	return f, p.st.ApplyFSRSFit(orBackground(ctx), f)
}

// UndoFSRS takes the applied parameters out; it returns the fit in use
// after (nil: the defaults).
func (p *Progress) UndoFSRS(ctx context.Context) (*FSRSFit, error) {
	if !p.HasStore() {
		return nil, ErrNoFitToUndo
	}
	return p.st.UndoFSRSFit(orBackground(ctx))
}

// Setting keys of the desired retention and the exam date (YYYY-MM-DD).
const (
	SettingDesiredRetention = store.SettingDesiredRetention
	SettingExamDate         = "srs.exam_date"
	MinDesiredRetention     = store.MinDesiredRetention
	MaxDesiredRetention     = store.MaxDesiredRetention
	MaxNewPerDay            = store.MaxNewPerDay
	MaxReviewsPerDay        = store.MaxReviewsPerDay
)

// DefaultSRSConfig is the limits of a new progress file.
func DefaultSRSConfig() SRSConfig { return store.DefaultSRSConfig() }

// ExamDate returns the saved exam date (the zero time if none), at
// midnight in the learner's time zone.
func (p *Progress) ExamDate(ctx context.Context) (time.Time, error) {
	v, ok, err := p.Setting(ctx, SettingExamDate)
	if err != nil || !ok || v == "" {
		return time.Time{}, err
	}
	d, err := time.ParseInLocation(time.DateOnly, v, p.Location())
	if err != nil {
		return time.Time{}, nil
	}
	return d, nil
}

// SetLimits saves the learner's daily limits (new items, reviews) and the
// hour a study day starts, leaving the desired retention as it is.
func (p *Progress) SetLimits(ctx context.Context, newPerDay, reviewsPerDay, dayHour int) error {
	return p.updateSRSConfig(ctx, func(c *SRSConfig) {
		c.NewPerDay, c.ReviewsPerDay, c.DayHour = newPerDay, reviewsPerDay, dayHour
	})
}

// SetDesiredRetention saves the retention the scheduler aims at.
func (p *Progress) SetDesiredRetention(ctx context.Context, r float64) error {
	return p.updateSRSConfig(ctx, func(c *SRSConfig) { c.DesiredRetention = r })
}

// updateSRSConfig changes part of the saved scheduling limits, keeping the
// rest as stored.
func (p *Progress) updateSRSConfig(ctx context.Context, change func(*SRSConfig)) error {
	if !p.HasStore() {
		return nil
	}
	cfg, err := p.st.SRSConfig(orBackground(ctx))
	if err != nil {
		return err
	}
	change(&cfg)
	return p.st.SetSRSConfig(orBackground(ctx), cfg)
}
