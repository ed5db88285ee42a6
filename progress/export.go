package progress

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/saa-study/saa-study/quiz"
)

// WriteQuizExport writes records to path as CSV, or as JSON when the name
// ends in .json, replacing the file whole (write, then rename).
func WriteQuizExport(path string, recs []quiz.Record) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".saa-export-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if strings.EqualFold(filepath.Ext(path), ".json") {
		err = quiz.ExportJSON(tmp, recs)
	} else {
		err = quiz.ExportCSV(tmp, recs)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
