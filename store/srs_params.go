package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"
)

// FSRSFit is a parameter vector fitted to the learner's reviews and
// applied to the schedule, with when and how well it fitted.
type FSRSFit struct {
	Parameters     []float64 `json:"parameters"`
	AppliedAt      time.Time `json:"applied_at"`
	Reviews        int       `json:"reviews"`
	LogLossBefore  float64   `json:"log_loss_before"`
	LogLossAfter   float64   `json:"log_loss_after"`
	RMSEBinsBefore float64   `json:"rmse_bins_before"`
	RMSEBinsAfter  float64   `json:"rmse_bins_after"`
}

// SettingFSRSFits holds the applied fits, oldest first, as JSON; the last
// is in use. Undo removes it, and the one before (or the defaults) returns.
const SettingFSRSFits = "srs.fsrs_fits"

// ErrNoFitToUndo is returned by UndoFSRSFit when the defaults are in use.
var ErrNoFitToUndo = errors.New("ValidationException: no applied parameters to undo; the defaults are in use")

func readFits(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) ([]FSRSFit, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, SettingFSRSFits).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) || v == "" {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var fits []FSRSFit
	if err := json.Unmarshal([]byte(v), &fits); err != nil {
		return nil, fmt.Errorf("setting %s is not valid JSON: %w", SettingFSRSFits, err)
	}
	return fits, nil
}

func writeFits(ctx context.Context, tx *sql.Tx, fits []FSRSFit) error {
	b, err := json.Marshal(fits)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, SettingFSRSFits, string(b))
	return err
}

// FSRSFits returns the applied fits, oldest first; the last is in use.
func (s *Store) FSRSFits(ctx context.Context) ([]FSRSFit, error) { return readFits(ctx, s.db) }

// ApplyFSRSFit puts a fit in use (it can be undone).
func (s *Store) ApplyFSRSFit(ctx context.Context, f FSRSFit) error {
	if len(f.Parameters) != 21 {
		return fmt.Errorf("ValidationException: %d parameters, want 21", len(f.Parameters))
	}
	for i, x := range f.Parameters {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("ValidationException: parameter %d is %v", i, x)
		}
	}
	if f.AppliedAt.IsZero() {
		f.AppliedAt = s.now()
	}
	f.AppliedAt = f.AppliedAt.UTC()
	return s.tx(ctx, func(tx *sql.Tx) error {
		fits, err := readFits(ctx, tx)
		if err != nil {
			return err
		}
		return writeFits(ctx, tx, append(fits, f))
	})
}

// UndoFSRSFit takes the fit in use out and returns the one in use after
// (nil for the defaults).
func (s *Store) UndoFSRSFit(ctx context.Context) (*FSRSFit, error) {
	var cur *FSRSFit
	err := s.tx(ctx, func(tx *sql.Tx) error {
		fits, err := readFits(ctx, tx)
		if err != nil {
			return err
		}
		if len(fits) == 0 {
			return ErrNoFitToUndo
		}
		fits = fits[:len(fits)-1]
		if len(fits) > 0 {
			f := fits[len(fits)-1]
			cur = &f
		}
		return writeFits(ctx, tx, fits)
	})
	return cur, err
}
