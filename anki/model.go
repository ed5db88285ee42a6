package anki

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"time"
)

// FieldSep separates the fields of a note in the notes.flds column.
const FieldSep = "\x1f"

// ModelKind is a note type's kind: standard (front/back templates) or cloze.
type ModelKind int

// Note type kinds, as the "type" key of a schema 11 model holds them.
const (
	Standard ModelKind = 0
	Cloze    ModelKind = 1
)

// Model is a note type: named fields and the card templates built from them.
type Model struct {
	ID        int64
	Name      string
	Kind      ModelKind
	Fields    []string   // field names, in order
	Templates []Template // one card per template (a cloze type has one)
	CSS       string
	SortField int // index of the field the browser sorts by
}

// Template is one card template of a note type.
type Template struct {
	Name  string
	Front string // qfmt, e.g. "{{Front}}"
	Back  string // afmt
}

// Deck is a deck; Name uses "::" between levels ("SAA-C03 Serverless::Lambda").
type Deck struct {
	ID   int64
	Name string
	Desc string
}

// Note is one note: the fields' HTML and its tags.
type Note struct {
	ID      int64
	GUID    string // stable across exports: Anki updates a note with a known guid
	ModelID int64
	Mod     int64    // modification time, Unix seconds
	Tags    []string // no spaces inside a tag
	Fields  []string // HTML, one per field of the model
}

// CardType is the type column of a card.
type CardType int

// Card types.
const (
	TypeNew     CardType = 0
	TypeLearn   CardType = 1
	TypeReview  CardType = 2
	TypeRelearn CardType = 3
)

// Queue is the queue column of a card.
type Queue int

// Card queues. Due means: New – position; Learn – Unix seconds;
// Review and DayLearn – days since the collection was created.
const (
	QueueSchedBuried Queue = -3
	QueueUserBuried  Queue = -2
	QueueSuspended   Queue = -1
	QueueNew         Queue = 0
	QueueLearn       Queue = 1
	QueueReview      Queue = 2
	QueueDayLearn    Queue = 3
)

// Memory is the FSRS memory state Anki 23.10+ keeps in a card's data
// column: {"s":stability,"d":difficulty,"dr":desired_retention}.
type Memory struct {
	Stability        float64 // days
	Difficulty       float64 // 1..10
	DesiredRetention float64 // 0..1; 0 when not set
	// LastReview is the time of the last review (data key "lrt"); zero
	// when unknown.
	LastReview time.Time
}

// Card is one card of a note: ord picks the template (or, for a cloze
// note, the cloze number minus one).
type Card struct {
	ID     int64
	NoteID int64
	DeckID int64
	Ord    int
	Mod    int64 // Unix seconds
	Type   CardType
	Queue  Queue
	Due    int64
	Ivl    int // days, for review cards
	Factor int // ease in permille (2500 = 250%); 0 for new cards
	Reps   int
	Lapses int
	Left   int     // remaining learning steps
	Memory *Memory // nil when the card has no FSRS state
}

// ReviewKind is the type column of a revlog row.
type ReviewKind int

// Review kinds.
const (
	ReviewLearn    ReviewKind = 0
	ReviewReview   ReviewKind = 1
	ReviewRelearn  ReviewKind = 2
	ReviewFiltered ReviewKind = 3 // cram, or reviewed early
	ReviewManual   ReviewKind = 4
)

// Review is one row of the review log.
type Review struct {
	ID      int64 // when it was answered, Unix milliseconds; unique
	CardID  int64
	Ease    int // the button: 1 Again, 2 Hard, 3 Good, 4 Easy
	Ivl     int // after the review: days if > 0, seconds if < 0
	LastIvl int // before the review, same units
	Factor  int // permille; with FSRS, (difficulty-1)/9+0.1 in thousandths
	TimeMS  int // time taken to answer, ms (Anki caps it at 60000)
	Kind    ReviewKind
}

// Time is when the review was answered.
func (r Review) Time() time.Time { return time.UnixMilli(r.ID).UTC() }

// Collection is everything a package carries.
type Collection struct {
	// Created is the collection's creation time (col.crt), at the start
	// of a study day: review and day-learning due dates count study days
	// from it. Its zone is the learner's (Anki keeps the offset as
	// creationOffset).
	Created time.Time
	// Rollover is the hour (0..23) at which a study day starts.
	Rollover int
	Models   []Model
	Decks    []Deck
	Notes    []Note
	Cards    []Card
	Reviews  []Review
	// DesiredRetention is the FSRS target written to the deck options
	// (0 means Anki's default, 0.9).
	DesiredRetention float64
	// FSRSParams are the 21 FSRS-6 weights for the deck options; nil
	// leaves Anki's defaults.
	FSRSParams []float64
	// NewPerDay and ReviewsPerDay are the daily limits of the deck
	// options, written as they are (0 means none a day).
	NewPerDay, ReviewsPerDay int
}

// GUID returns a note guid derived from a stable id: the same id always
// gives the same guid, so importing a package again updates its notes.
// Like Anki's own guids it is base-91 text, 1 to 10 characters.
func GUID(id string) string {
	sum := sha256.Sum256([]byte(id))
	n := binary.BigEndian.Uint64(sum[:8])
	const table = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
	var b []byte
	for n > 0 {
		b = append(b, table[n%uint64(len(table))])
		n /= uint64(len(table))
	}
	if len(b) == 0 {
		return "a"
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// Stable ids live in [idBase, idBase+idSpan): milliseconds of 2001–2017.
// Anki's importer renumbers ids later than tomorrow (they are meant to be
// creation times), so a stable id must lie in the past.
const (
	idBase = 1_000_000_000_000
	idSpan = 500_000_000_000
)

// StableID returns an id derived from key, the same in every export, so
// that re-importing a package finds the same decks and note types. It is a
// millisecond time in the past, as Anki's own ids are, and below 2^53 so
// JavaScript readers hold it exactly. Use IDs to avoid collisions.
func StableID(key string) int64 {
	sum := sha256.Sum256([]byte(key))
	return idBase + int64(binary.BigEndian.Uint64(sum[:8])%idSpan)
}

// IDs hands out stable ids without collisions within one collection: a
// key whose id is taken gets the next free one.
type IDs struct{ used map[int64]bool }

// ID returns the stable id of key, or the next free id after it.
func (s *IDs) ID(key string) int64 {
	if s.used == nil {
		s.used = map[int64]bool{}
	}
	id := StableID(key)
	for s.used[id] {
		id++
		if id >= idBase+idSpan {
			id = idBase
		}
	}
	s.used[id] = true
	return id
}

// Tag makes s usable as an Anki tag: whitespace becomes "_".
func Tag(s string) string {
	return strings.Join(strings.Fields(s), "_")
}

// DeckOptions are the settings of the deck options group ("preset") the
// exported decks share, named PresetName.
type DeckOptions struct {
	NewPerDay, ReviewsPerDay int
	DesiredRetention         float64
	FSRSParams               []float64
}
