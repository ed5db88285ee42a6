package store

import (
	"math"
	"path/filepath"
	"testing"
)

func TestApplyFSRSFitRejectsNonFiniteOrShortVectors(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := make([]float64, 21)
	w[3] = math.NaN()
	if err := s.ApplyFSRSFit(t.Context(), FSRSFit{Parameters: w}); err == nil {
		t.Fatal("NaN weight accepted")
	}
	if err := s.ApplyFSRSFit(t.Context(), FSRSFit{Parameters: w[:19]}); err == nil {
		t.Fatal("19 weights accepted")
	}
	if fits, _ := s.FSRSFits(t.Context()); len(fits) != 0 {
		t.Fatalf("stored %v", fits)
	}
}
