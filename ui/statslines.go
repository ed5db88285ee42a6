package ui

import (
	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/pages/stats"
	"github.com/saa-study/saa-study/ui/styles"
)

// StatsLines draws a report the way the Stats screen does, as lines of at
// most w cells; st may be nil for plain text. Commands print it through
// here, since only ui itself imports a page.
func StatsLines(lang content.Lang, r *progress.StatsReport, w int, st *styles.Styles) []string {
	return stats.StatsLines(lang, r, w, st)
}
