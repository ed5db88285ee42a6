package anki

import (
	"fmt"
	"strings"
	"time"
)

// IDFieldNames are the names a note field carrying saa-study's own item
// id may have; a note with one round-trips onto the same item.
var IDFieldNames = []string{"SaaID", "saa_id", "saa-id"}

// ImportCard is one card of a package, converted to saa-study's card
// format: Markdown text, a cloze kept as {{cN::...}}, tags, the media it
// names and the reviews to replay.
type ImportCard struct {
	AnkiID    int64  // the card's id in the package
	GUID      string // its note's guid: stable across exports
	Ord       int    // template or cloze index (0-based)
	Deck      string // Anki deck name, levels joined by "::"
	SaaID     string // the note's saa-study id field, if it has one
	Front     string // Q/A: the question; cloze: the whole cloze text
	Back      string // Q/A: the answer; cloze: the extra shown with the answer
	Cloze     bool
	Tags      []string
	Media     []string // media files it names that the package carries
	Suspended bool
	Reviews   []Review // the reviews to replay, oldest first
	// Scheduled is Anki's own schedule of a review card that has no
	// answers to replay (its log was cleared or never exported); nil
	// otherwise.
	Scheduled *Scheduled
}

// Scheduled is the schedule Anki keeps on a review card.
type Scheduled struct {
	Due    time.Time // the start of the day it is due
	Ivl    int       // days
	Factor int       // ease in permille (2500 = 250%)
	Reps   int
	Lapses int
}

// ClozeN is the cloze number a cloze card hides ("1" for c1).
func (c ImportCard) ClozeN() string { return fmt.Sprint(c.Ord + 1) }

// ImportCards converts every card of the package, in note order.
func (p *Package) ImportCards() []ImportCard {
	notes := make(map[int64]*Note, len(p.Notes))
	for i := range p.Notes {
		notes[p.Notes[i].ID] = &p.Notes[i]
	}
	models := make(map[int64]*Model, len(p.Models))
	for i := range p.Models {
		models[p.Models[i].ID] = &p.Models[i]
	}
	decks := make(map[int64]string, len(p.Decks))
	for _, d := range p.Decks {
		decks[d.ID] = d.Name
	}
	revs := map[int64][]Review{}
	for i := 0; i < len(p.Reviews); {
		j := i
		for j < len(p.Reviews) && p.Reviews[j].CardID == p.Reviews[i].CardID {
			j++
		}
		revs[p.Reviews[i].CardID] = p.Reviews[i:j:j]
		i = j
	}
	media := map[string]bool{}
	for _, m := range p.Media {
		media[m.Name] = true
	}
	out := make([]ImportCard, 0, len(p.Cards))
	for _, c := range p.Cards {
		n := notes[c.NoteID]
		nt := models[n.ModelID]
		ic := ImportCard{AnkiID: c.ID, GUID: n.GUID, Ord: c.Ord, Tags: n.Tags, Suspended: c.Queue == QueueSuspended,
			Reviews: ReplayReviews(revs[c.ID])}
		if len(ic.Reviews) == 0 && c.Type == TypeReview && c.Ivl > 0 {
			ic.Scheduled = &Scheduled{Due: p.Created.AddDate(0, 0, int(c.Due)), Ivl: c.Ivl, Factor: c.Factor, Reps: c.Reps, Lapses: c.Lapses}
		}
		if name, ok := decks[c.DeckID]; ok {
			ic.Deck = name
		} else {
			ic.Deck = "Default"
		}
		front, back, idField := sides(nt, c.Ord)
		field := func(name string) string {
			for i, f := range nt.Fields {
				if f == name && i < len(n.Fields) {
					return n.Fields[i]
				}
			}
			return ""
		}
		if idField != "" {
			ic.SaaID = strings.TrimSpace(stripTags(field(idField)))
		}
		var html []string
		join := func(names []string) string {
			var parts []string
			for _, f := range names {
				h := field(f)
				html = append(html, h)
				if md := Markdown(h); md != "" {
					parts = append(parts, md)
				}
			}
			return strings.Join(parts, "\n\n")
		}
		ic.Cloze = nt.Kind == Cloze
		ic.Front, ic.Back = join(front), join(back)
		if ic.Front == "" {
			ic.Front = "(empty)"
		}
		for _, h := range html {
			for _, ref := range MediaRefs(h) {
				if media[ref] {
					ic.Media = append(ic.Media, ref)
				}
			}
		}
		out = append(out, ic)
	}
	return out
}

// sides picks the fields a card shows on its front and, beyond those, on
// its back, from its template; the id field is never shown. A note type
// whose templates name no fields shows its first field on the front and
// the second on the back.
func sides(nt *Model, ord int) (front, back []string, idField string) {
	var fields []string
	for _, f := range nt.Fields {
		if idField == "" && isIDField(f) {
			idField = f
			continue
		}
		fields = append(fields, f)
	}
	ti := ord
	if nt.Kind == Cloze {
		ti = 0 // every cloze card comes from the one template
	}
	if ti < len(nt.Templates) {
		t := nt.Templates[ti]
		front = TemplateFields(t.Front, fields)
		on := map[string]bool{}
		for _, f := range front {
			on[f] = true
		}
		for _, f := range TemplateFields(t.Back, fields) {
			if !on[f] {
				back = append(back, f)
			}
		}
	}
	if len(front) == 0 {
		front, back = fields[:min(1, len(fields))], nil
		if len(fields) > 1 {
			back = fields[1:2]
		}
	}
	return front, back, idField
}

func isIDField(name string) bool {
	for _, n := range IDFieldNames {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}

// reviewRescheduled is revlog type 5: a due date set by hand or by
// "reschedule cards on change".
const reviewRescheduled ReviewKind = 5

// ReplayReviews keeps the reviews a scheduler should replay, oldest first:
// answers rated 1-4. Manual and rescheduling entries (types 4 and 5, or
// ease 0) are not answers and are dropped; a "Forget" (a manual entry that
// sets the interval to 0) resets the card, so the answers before it are
// dropped too, as Anki's FSRS does. Filtered-deck previews that did not
// reschedule (type 3 with interval 0) are dropped.
func ReplayReviews(rs []Review) []Review {
	start := 0
	for i, r := range rs {
		if r.Kind == ReviewManual && r.Ivl == 0 && r.Ease == 0 {
			start = i + 1
		}
	}
	var out []Review
	for _, r := range rs[start:] {
		if r.Ease < 1 || r.Ease > 4 || r.Kind == ReviewManual || r.Kind == reviewRescheduled || (r.Kind == ReviewFiltered && r.Ivl == 0) {
			continue
		}
		out = append(out, r)
	}
	return out
}
