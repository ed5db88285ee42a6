package reader

import (
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/ui/common"
)

// What "% read" means: a section counts as read once its text has been on
// screen long enough to read it at a steady pace, top to bottom. Jumping to
// the end, or through a link, reads nothing; time spent with the section on
// screen does. The share is by words, so a short section counts for little.
const (
	// wordsPerSecond is a brisk but careful reading pace (240 a minute).
	wordsPerSecond = 4.0
	// maxGap caps the time one look may count: someone who walked away
	// from the screen did not read for an hour.
	maxGap = 2 * time.Minute
	// readShare of a section's words must be read for it to count, so
	// skipping a line of a long section does not leave it unread.
	readShare = 0.9
)

// readKey names "% read" in the help; it does nothing itself.
var readKey = key.NewBinding(key.WithKeys("%"), key.WithHelp("% read", "sections on screen long enough to read them"))

// reading keeps track of how much of the note on screen has been read.
type reading struct {
	last      time.Time
	left      []float64       // words on each rendered line not read yet
	lineSec   []string        // the section each rendered line belongs to
	words     map[string]int  // words in each section
	done      map[string]bool // sections read, in this visit or before
	loadedFor string          // note whose earlier reading is in done
}

// readingKey is where the sections read of a note are kept.
func readingKey(lang, id string) string { return "read:" + lang + ":" + id }

// resetReading starts counting for the rendering on screen; sections read
// before stay read.
func (r *Reader) resetReading() {
	rd := &r.rd
	if rd.loadedFor != string(r.note.Lang)+":"+r.note.ID {
		rd.done, rd.loadedFor = map[string]bool{}, string(r.note.Lang)+":"+r.note.ID
	}
	type start struct {
		id   string
		line int
	}
	var starts []start
	for id, l := range r.sections {
		starts = append(starts, start{id, l})
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].line < starts[j].line })
	rd.left = make([]float64, len(r.plain))
	rd.lineSec = make([]string, len(r.plain))
	rd.words = map[string]int{}
	sec, k := "", 0
	for i, l := range r.plain {
		for k < len(starts) && starts[k].line <= i {
			sec = starts[k].id
			k++
		}
		n := len(strings.Fields(l))
		rd.left[i], rd.lineSec[i] = float64(n), sec
		rd.words[sec] += n
	}
	rd.last = r.c.Clock()
}

// account gives the time since the last message to the text that was on
// screen during it: that many words are read, top to bottom.
func (r *Reader) account() {
	rd := &r.rd
	now := r.c.Clock()
	dt := min(now.Sub(rd.last), maxGap)
	rd.last = now
	if !r.ready || r.mode != modeRead || dt <= 0 || len(rd.left) != len(r.plain) {
		return
	}
	budget := dt.Seconds() * wordsPerSecond
	top := r.vp.YOffset()
	touched := map[string]bool{}
	for i := top; i < min(top+r.vp.Height(), len(rd.left)) && budget > 0; i++ {
		take := min(budget, rd.left[i])
		rd.left[i] -= take
		budget -= take
		touched[rd.lineSec[i]] = true
	}
	for sec := range touched {
		if rd.done[sec] || rd.words[sec] == 0 {
			continue
		}
		left := 0.0
		for i, s := range rd.lineSec {
			if s == sec {
				left += rd.left[i]
			}
		}
		if left <= float64(rd.words[sec])*(1-readShare) {
			rd.done[sec] = true
		}
	}
}

// readPct is the share of the note's words in sections that have been read.
func (r *Reader) readPct() int {
	total, read := 0, 0
	for sec, n := range r.rd.words {
		total += n
		if r.rd.done[sec] {
			read += n
		}
	}
	if total == 0 {
		return 0
	}
	return read * 100 / total
}

// readSections lists the sections read, for saving.
func (r *Reader) readSections() string {
	var ids []string
	for id, ok := range r.rd.done {
		if ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for i, id := range ids {
		if id == "" {
			ids[i] = "-" // the text above the first heading
		}
	}
	return strings.Join(ids, ",")
}

// readLoadedMsg brings back the sections of a note read in earlier visits.
type readLoadedMsg struct {
	note string
	ids  []string
}

// loadReading asks for the sections read before.
func (r *Reader) loadReading() tea.Cmd {
	c, lang, id := r.c, string(r.note.Lang), r.note.ID
	return func() tea.Msg {
		if !c.Progress.HasStore() {
			return nil
		}
		v, _, err := c.Progress.Setting(c.Ctx, readingKey(lang, id))
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		var ids []string
		for _, s := range strings.Split(v, ",") {
			switch s {
			case "":
			case "-":
				ids = append(ids, "")
			default:
				ids = append(ids, s)
			}
		}
		return readLoadedMsg{note: lang + ":" + id, ids: ids}
	}
}

func (r *Reader) readLoaded(msg readLoadedMsg) {
	if msg.note != string(r.note.Lang)+":"+r.note.ID {
		return
	}
	if r.rd.done == nil || r.rd.loadedFor != msg.note {
		r.rd.done, r.rd.loadedFor = map[string]bool{}, msg.note
	}
	for _, id := range msg.ids {
		r.rd.done[id] = true
	}
}
