package review

import (
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/common"
)

// rvListMsg continues a review-ahead or drill list after a commit.
type rvListMsg struct {
	gen   int
	s     *progress.Session
	list  []string
	kind  string
	pos   int
	leech bool
	key   string
}

// reviewAheadDays is how far "review ahead" looks: two weeks, enough for
// a trip or the days before an exam.
const reviewAheadDays = 14

// startList begins review ahead or drill weakest (20 items).
func (r *Review) startList(kind string) tea.Cmd {
	s := r.s
	if s == nil || !s.HasAll() {
		return nil
	}
	now := r.c.Clock()
	var items []srs.QueueItem
	if kind == "ahead" {
		items = s.ReviewAhead(now, reviewAheadDays)
	} else {
		items = s.DrillWeakest(now, 20)
	}
	if len(items) == 0 {
		return common.Status(r.c.T("rv.none." + kind))
	}
	r.list, r.listKind, r.listPos = make([]string, len(items)), kind, 0
	for i, it := range items {
		r.list[i] = it.ID
	}
	r.next("")
	return nil
}

func (r *Review) updateList(msg rvListMsg) (common.Screen, tea.Cmd) {
	if msg.gen != r.gen {
		return r, nil
	}
	r.busy = false
	r.s, r.list, r.listKind, r.listPos = msg.s, msg.list, msg.kind, msg.pos
	if msg.leech {
		r.mode, r.leechKey = rvLeech, msg.key
		return r, nil
	}
	r.next("")
	return r, nil
}
