package srs

import (
	"bufio"
	"errors"
	"unicode/utf8"

	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// ReplayLine is one review of a replayed history and what the scheduler
// made of it. Its JSON is the `--json` output of the replay command:
//
//	{"id":"c1","i":0,"rating":3,"ts":"2025-03-18T09:27:31Z","prev_state":0,
//	 "elapsed_days":0,"r":null,"state":1,"stability":2.3065,
//	 "difficulty":2.11810397,"scheduled_days":0,"due":"2025-03-18T09:37:31Z",
//	 "learning_steps":1,"reps":1,"lapses":0}
type ReplayLine struct {
	ID            string    `json:"id"`
	I             int       `json:"i"` // index of the review within its card
	Rating        Rating    `json:"rating"`
	TS            time.Time `json:"ts"` // UTC
	PrevState     State     `json:"prev_state"`
	ElapsedDays   int       `json:"elapsed_days"`
	R             *float64  `json:"r"` // recall probability at the review; null for a new card
	State         State     `json:"state"`
	Stability     float64   `json:"stability"`
	Difficulty    float64   `json:"difficulty"`
	ScheduledDays int       `json:"scheduled_days"`
	Due           time.Time `json:"due"` // UTC
	LearningSteps int       `json:"learning_steps"`
	Reps          int       `json:"reps"`
	Lapses        int       `json:"lapses"`
}

// Replay reads review histories and schedules them from a new card on:
//
//	{"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]}]}
//
// or the bare array of cards, and returns every line. It is [ReplayEach]
// collecting the lines; a long history is better streamed with ReplayEach.
func Replay(r io.Reader, s *Scheduler) ([]ReplayLine, error) {
	var lines []ReplayLine
	err := ReplayEach(r, s, func(l *ReplayLine) error {
		c := *l
		if l.R != nil {
			v := *l.R
			c.R = &v
		}
		lines = append(lines, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lines, nil
}

// ReplayEach reads review histories in the format [Replay] takes, in one pass
// over the input, and calls fn with each review's line as soon as it is
// scheduled: memory stays flat however long the history is. The line (and
// its R) is only valid during the call. An error from fn stops the replay
// and is returned as it is.
//
// Unknown keys are ignored, so the conformance vectors replay as they are.
// Ratings must be 1..4, times RFC 3339 and in order within a card; errors
// name the card and the review index. Lines already handed to fn stay
// handed: an error late in the input comes after the lines before it.
//
// Replay always counts days at UTC midnight with fuzz off, as ts-fsrs does
// by default, whatever s says about those two; its weights, retention and
// steps are used. A nil s means the defaults.
func ReplayEach(in io.Reader, s *Scheduler, fn func(*ReplayLine) error) error {
	rs := Default()
	if s != nil {
		c := *s
		rs = &c
	}
	rs.fuzz = false
	rs.day = DayBoundary{}
	var card Card
	var last time.Time
	var line ReplayLine
	var r float64 // line.R points here
	schedule := func(id string, i int, rating Rating, ts time.Time) error {
		if i == 0 {
			card = NewCard(ts)
		} else if ts.Before(last) {
			return validation("card %q review %d: ts %s is before the previous review at %s; list reviews oldest first",
				id, i, ts.Format(time.RFC3339Nano), last.Format(time.RFC3339Nano))
		}
		var rp *float64
		if card.State != New && card.Stability > 0 {
			r = rs.forgettingCurve(float64(rs.day.ElapsedDays(card.LastReview, ts)), card.Stability)
			rp = &r
		}
		next, log, err := rs.Review(card, ts, rating)
		if err != nil {
			return &Error{Code: "ValidationException", Message: fmt.Sprintf("card %q review %d: %v", id, i, err), Err: err}
		}
		line = ReplayLine{
			ID: id, I: i, Rating: rating, TS: ts, PrevState: card.State,
			ElapsedDays: log.ElapsedDays, R: rp, State: next.State,
			Stability: next.Stability, Difficulty: next.Difficulty,
			ScheduledDays: next.ScheduledDays, Due: next.Due.UTC(),
			LearningSteps: next.LearningSteps, Reps: next.Reps, Lapses: next.Lapses,
		}
		if err := fn(&line); err != nil {
			return err
		}
		card, last = next, ts
		return nil
	}
	return replayPipelined(in, schedule)
}

// readReview is one review as read, waiting to be scheduled.
type readReview struct {
	id     string
	i      int
	rating Rating
	ts     time.Time
}

// replayBatch is the most reviews the reader holds before it waits for
// the scheduler.
const replayBatch = 512

// replayPipelined reads the input on its own goroutine and schedules on the
// caller's, so reading and scheduling overlap on two cores. The reader hands
// over what it has whenever the scheduler is idle, and waits once it holds
// replayBatch reviews: a slow input is still scheduled review by review. The
// order of the reviews and of the errors is what one goroutine gives: a
// reading error comes after every review read before it.
func replayPipelined(in io.Reader, schedule func(id string, i int, rating Rating, ts time.Time) error) error {
	type batch struct {
		reviews []readReview
		err     error // the reader's error, after reviews
		last    bool
	}
	full := make(chan batch) // unbuffered: a send succeeds only to a waiting scheduler
	free := make(chan []readReview, 3)
	for range 3 {
		free <- make([]readReview, 0, replayBatch)
	}
	stop := make(chan struct{})
	errStopped := errors.New("replay stopped")
	go func() {
		cur := <-free
		p := newReplayer(in, true, func(id string, i int, rating Rating, ts time.Time) error {
			cur = append(cur, readReview{id, i, rating, ts})
			if len(cur) < replayBatch {
				select {
				case full <- batch{reviews: cur}:
				default:
					return nil // the scheduler is busy; keep reading
				}
			} else {
				select {
				case full <- batch{reviews: cur}:
				case <-stop:
					return errStopped
				}
			}
			select {
			case cur = <-free:
			case <-stop:
				return errStopped
			}
			return nil
		})
		err := p.run()
		if err == errStopped {
			return
		}
		select {
		case full <- batch{reviews: cur, err: err, last: true}:
		case <-stop:
		}
	}()
	defer close(stop)
	for {
		b := <-full
		for _, rv := range b.reviews {
			if err := schedule(rv.id, rv.i, rv.rating, rv.ts); err != nil {
				return err
			}
		}
		if b.last {
			return b.err
		}
		free <- b.reviews[:0]
	}
}

// replayer walks the JSON tokens of a history in one pass and hands each
// review to onReview as soon as it is read, with its card's id and its index
// within the card.
type replayer struct {
	dec      *jsontext.Decoder
	onReview func(id string, i int, rating Rating, ts time.Time) error
	onCard   func(id string, reviews int) error // after a card's last review; may be nil
	seen     map[string]int                     // card id -> index, when ids must be unique
	count    int                                // reviews read of the current card
}

func newReplayer(r io.Reader, uniqueIDs bool, onReview func(id string, i int, rating Rating, ts time.Time) error) *replayer {
	p := &replayer{dec: newReplayDecoder(r), onReview: onReview}
	if uniqueIDs {
		p.seen = map[string]int{}
	}
	return p
}

// newReplayDecoder reads JSON as encoding/json does: a repeated key's last
// value wins and invalid UTF-8 becomes U+FFFD.
func newReplayDecoder(r io.Reader) *jsontext.Decoder {
	return jsontext.NewDecoder(r, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
}

// read reads the next token, turning a syntax or I/O error into the
// replay's error.
func (p *replayer) read() (jsontext.Token, error) {
	t, err := p.dec.ReadToken()
	if err != nil {
		return t, p.inputErr(err)
	}
	return t, nil
}

func (p *replayer) inputErr(err error) error {
	var se *jsontext.SyntacticError
	if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return badJSON(err)
	}
	return &Error{Code: "ValidationException", Message: "reading replay input: " + err.Error(), Err: err}
}

// run reads {"cards":[...]} or [...].
func (p *replayer) run() error {
	switch p.dec.PeekKind() {
	case '[':
		if err := p.cards(); err != nil {
			return err
		}
	case '{':
		if _, err := p.read(); err != nil {
			return err
		}
		found := false
		for p.dec.PeekKind() != '}' {
			name, err := p.read()
			if err != nil {
				return err
			}
			if name.String() != "cards" || found {
				if err := p.skip(); err != nil {
					return err
				}
				continue
			}
			switch p.dec.PeekKind() {
			case '[':
				found = true
				if err := p.cards(); err != nil {
					return err
				}
			case 'n':
				if err := p.skip(); err != nil {
					return err
				}
			default:
				if err := p.skip(); err != nil {
					return err
				}
				return validation(`"cards" must be an array of cards`)
			}
		}
		if _, err := p.read(); err != nil {
			return err
		}
		if !found {
			return validation(`replay input has no "cards" array`)
		}
	case 0:
		if _, err := p.dec.ReadToken(); err == io.EOF {
			return validation(`replay input is empty; want {"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]}]}`)
		} else if err != nil {
			return p.inputErr(err)
		}
		return validation(`replay input must be a JSON object with "cards" or an array of cards`)
	default:
		if err := p.skip(); err != nil {
			return err
		}
		return validation(`replay input must be a JSON object with "cards" or an array of cards`)
	}
	// Nothing but white space may follow.
	if _, err := p.dec.ReadToken(); err != io.EOF {
		if err == nil {
			return badJSON(errors.New("more than one top-level value"))
		}
		return p.inputErr(err)
	}
	return nil
}

// skip reads past the next value, checking its syntax.
func (p *replayer) skip() error {
	if err := p.dec.SkipValue(); err != nil {
		return p.inputErr(err)
	}
	return nil
}

// cards reads the array of cards, replaying each.
func (p *replayer) cards() error {
	if _, err := p.read(); err != nil {
		return err
	}
	for ci := 0; p.dec.PeekKind() != ']'; ci++ {
		if err := p.card(ci); err != nil {
			return err
		}
	}
	_, err := p.read()
	return err
}

// card reads one card. Its reviews are scheduled as they are read once the
// id is known; a card that lists "reviews" before "id" keeps the raw
// reviews until the id comes.
func (p *replayer) card(ci int) error {
	if p.dec.PeekKind() != '{' {
		if err := p.skip(); err != nil {
			return err
		}
		return validation("card %d: want an object with \"id\" and \"reviews\"", ci)
	}
	if _, err := p.read(); err != nil {
		return err
	}
	var id string
	var held jsontext.Value // reviews seen before the id
	haveID, haveReviews := false, false
	for p.dec.PeekKind() != '}' {
		name, err := p.read()
		if err != nil {
			return err
		}
		switch name.String() {
		case "id":
			if haveID {
				return validation("card %d: \"id\" is given twice", ci)
			}
			if p.dec.PeekKind() != '"' {
				if err := p.skip(); err != nil {
					return err
				}
				return validation("card %d: \"id\" must be a non-empty string", ci)
			}
			t, err := p.read()
			if err != nil {
				return err
			}
			if id = t.String(); id == "" {
				return validation("card %d: \"id\" must be a non-empty string", ci)
			}
			if p.seen != nil {
				if prev, dup := p.seen[id]; dup {
					return validation("card %d: id %q is also used by card %d", ci, id, prev)
				}
				p.seen[id] = ci
			}
			haveID = true
			if held != nil {
				if err := p.heldReviews(id, held); err != nil {
					return err
				}
				held = nil
			}
		case "reviews":
			if haveReviews {
				return validation("card %d: \"reviews\" is given twice", ci)
			}
			if p.dec.PeekKind() == 'n' {
				if err := p.skip(); err != nil {
					return err
				}
				continue
			}
			haveReviews = true
			if !haveID {
				v, err := p.dec.ReadValue()
				if err != nil {
					return p.inputErr(err)
				}
				held = v.Clone()
				continue
			}
			if err := p.reviews(id); err != nil {
				return err
			}
		default:
			if err := p.skip(); err != nil {
				return err
			}
		}
	}
	if _, err := p.read(); err != nil {
		return err
	}
	if !haveID {
		return validation("card %d: \"id\" must be a non-empty string", ci)
	}
	if !haveReviews {
		return validation("card %q: missing \"reviews\" array", id)
	}
	if p.onCard != nil {
		return p.onCard(id, p.count)
	}
	return nil
}

// heldReviews replays reviews that came before their card's id.
func (p *replayer) heldReviews(id string, v jsontext.Value) error {
	outer := p.dec
	p.dec = newReplayDecoder(bytes.NewReader(v))
	defer func() { p.dec = outer }()
	return p.reviews(id)
}

// reviews reads one card's array of reviews and schedules each in turn.
func (p *replayer) reviews(id string) error {
	if p.dec.PeekKind() != '[' {
		if err := p.skip(); err != nil {
			return err
		}
		return validation("card %q: \"reviews\" must be an array", id)
	}
	if _, err := p.read(); err != nil {
		return err
	}
	p.count = 0
	for i := 0; p.dec.PeekKind() != ']'; i++ {
		rating, ts, err := p.review(id, i)
		if err != nil {
			return err
		}
		if err := p.onReview(id, i, rating, ts); err != nil {
			return err
		}
		p.count++
	}
	_, err := p.read()
	return err
}

// review reads one {"rating":3,"ts":"..."} object. Its problems are
// reported in a fixed order whatever the order of its keys: the shape, the
// rating, then the time.
func (p *replayer) review(id string, i int) (Rating, time.Time, error) {
	if p.dec.PeekKind() != '{' {
		if err := p.skip(); err != nil {
			return 0, time.Time{}, err
		}
		return 0, time.Time{}, validation("card %q review %d: want an object with \"rating\" and \"ts\"", id, i)
	}
	if _, err := p.read(); err != nil {
		return 0, time.Time{}, err
	}
	var rating float64
	var badRating string // the raw value, when it is not 1..4
	haveRating, tsIsString := false, false
	var tsText string
	for p.dec.PeekKind() != '}' {
		name, err := p.read()
		if err != nil {
			return 0, time.Time{}, err
		}
		switch name.String() {
		case "rating":
			v, err := p.dec.ReadValue()
			if err != nil {
				return 0, time.Time{}, p.inputErr(err)
			}
			haveRating, badRating = true, ""
			f, err := strconv.ParseFloat(string(v), 64)
			if err != nil || f != math.Trunc(f) || f < 1 || f > 4 {
				badRating = truncate(string(v), 40)
			}
			rating = f
		case "ts":
			if p.dec.PeekKind() != '"' {
				tsIsString = false
				if err := p.skip(); err != nil {
					return 0, time.Time{}, err
				}
				continue
			}
			t, err := p.read()
			if err != nil {
				return 0, time.Time{}, err
			}
			tsIsString, tsText = true, t.String()
		default:
			if err := p.skip(); err != nil {
				return 0, time.Time{}, err
			}
		}
	}
	if _, err := p.read(); err != nil {
		return 0, time.Time{}, err
	}
	if !haveRating {
		return 0, time.Time{}, validation("card %q review %d: missing \"rating\" (1 Again, 2 Hard, 3 Good, 4 Easy)", id, i)
	}
	if badRating != "" {
		return 0, time.Time{}, validation("card %q review %d: rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), got %s", id, i, badRating)
	}
	if !tsIsString {
		return 0, time.Time{}, validation("card %q review %d: \"ts\" must be an RFC 3339 time string like \"2025-03-18T09:27:31Z\"", id, i)
	}
	ts, err := time.Parse(time.RFC3339, tsText)
	if err != nil {
		return 0, time.Time{}, &Error{Code: "ValidationException",
			Message: fmt.Sprintf("card %q review %d: ts %q is not an RFC 3339 time like \"2025-03-18T09:27:31Z\"", id, i, truncate(tsText, 40)), Err: err}
	}
	if y := ts.UTC().Year(); y < 1900 || y > 9800 {
		// Due dates run up to 100 years ahead and must stay printable as
		// RFC 3339 (years up to 9999).
		return 0, time.Time{}, validation("card %q review %d: ts %q is outside the years 1900-9800", id, i, truncate(tsText, 40))
	}
	return Rating(rating), ts.UTC(), nil
}

func badJSON(err error) error {
	return &Error{Code: "ValidationException", Message: "replay input is not valid JSON: " + err.Error(), Err: err}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// AppendJSON appends the line's JSON, byte for byte what encoding/json
// makes of it, without a newline.
func (l *ReplayLine) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, l.ID)
	b = append(b, `,"i":`...)
	b = strconv.AppendInt(b, int64(l.I), 10)
	b = append(b, `,"rating":`...)
	b = strconv.AppendInt(b, int64(l.Rating), 10)
	b = append(b, `,"ts":"`...)
	b = l.TS.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","prev_state":`...)
	b = strconv.AppendInt(b, int64(l.PrevState), 10)
	b = append(b, `,"elapsed_days":`...)
	b = strconv.AppendInt(b, int64(l.ElapsedDays), 10)
	b = append(b, `,"r":`...)
	if l.R == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONFloat(b, *l.R)
	}
	b = append(b, `,"state":`...)
	b = strconv.AppendInt(b, int64(l.State), 10)
	b = append(b, `,"stability":`...)
	b = appendJSONFloat(b, l.Stability)
	b = append(b, `,"difficulty":`...)
	b = appendJSONFloat(b, l.Difficulty)
	b = append(b, `,"scheduled_days":`...)
	b = strconv.AppendInt(b, int64(l.ScheduledDays), 10)
	b = append(b, `,"due":"`...)
	b = l.Due.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","learning_steps":`...)
	b = strconv.AppendInt(b, int64(l.LearningSteps), 10)
	b = append(b, `,"reps":`...)
	b = strconv.AppendInt(b, int64(l.Reps), 10)
	b = append(b, `,"lapses":`...)
	b = strconv.AppendInt(b, int64(l.Lapses), 10)
	return append(b, '}')
}

// appendJSONString appends s quoted as encoding/json quotes it: plain ASCII
// directly, anything to escape through encoding/json itself.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always marshals
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendJSONFloat formats f as encoding/json does: the shortest decimal
// that reads back the same, in exponent form only below 1e-6 or from 1e21.
func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...) // encoding/json refuses these; the scheduler never makes them
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 becomes 1e-7, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// replayColumns are the table's headings.
var replayColumns = [...]string{"ID", "I", "RATING", "TS", "FROM", "ELAPSED", "R", "TO", "STABILITY", "DIFFICULTY", "DAYS", "DUE", "STEP", "REPS", "LAPSES"}

// replaySample is how many lines the table reads before it prints: their
// widths set the columns.
const replaySample = 256

// ReplayTable prints replay lines as an aligned plain-text table while they
// stream in: the first lines (up to 256) set the width of each column, and a
// later line wider than its column widens it from there on. Columns are two
// spaces apart, as text/tabwriter with padding 2 lays them out.
type ReplayTable struct {
	w       *bufio.Writer
	widths  [len(replayColumns)]int
	pending [][len(replayColumns)]string
	started bool
	buf     []byte
}

// NewReplayTable starts a table on w; call Flush at the end.
func NewReplayTable(w io.Writer) *ReplayTable {
	t := &ReplayTable{w: bufio.NewWriterSize(w, 64<<10)}
	t.pending = append(t.pending, replayColumns)
	return t
}

// Write adds one line.
func (t *ReplayTable) Write(l *ReplayLine) error {
	r := "-"
	if l.R != nil {
		r = strconv.FormatFloat(*l.R, 'f', 4, 64)
	}
	cells := [len(replayColumns)]string{
		l.ID, strconv.Itoa(l.I), l.Rating.String(), l.TS.Format(time.RFC3339), l.PrevState.String(),
		strconv.Itoa(l.ElapsedDays), r, l.State.String(), strconv.FormatFloat(l.Stability, 'f', 4, 64),
		strconv.FormatFloat(l.Difficulty, 'f', 4, 64), strconv.Itoa(l.ScheduledDays), l.Due.Format(time.RFC3339),
		strconv.Itoa(l.LearningSteps), strconv.Itoa(l.Reps), strconv.Itoa(l.Lapses),
	}
	if !t.started {
		t.pending = append(t.pending, cells)
		if len(t.pending) <= replaySample {
			return nil
		}
		return t.start()
	}
	return t.row(&cells)
}

// start sizes the columns on the lines held so far and prints them.
func (t *ReplayTable) start() error {
	t.started = true
	for _, cells := range t.pending {
		for i, c := range cells {
			t.widths[i] = max(t.widths[i], utf8.RuneCountInString(c))
		}
	}
	for i := range t.pending {
		if err := t.row(&t.pending[i]); err != nil {
			return err
		}
	}
	t.pending = nil
	return nil
}

func (t *ReplayTable) row(cells *[len(replayColumns)]string) error {
	b := t.buf[:0]
	last := len(cells) - 1
	for i, c := range cells {
		b = append(b, c...)
		if i == last {
			break
		}
		n := utf8.RuneCountInString(c)
		t.widths[i] = max(t.widths[i], n)
		for range t.widths[i] - n + 2 {
			b = append(b, ' ')
		}
	}
	b = append(b, '\n')
	t.buf = b
	if _, err := t.w.Write(b); err != nil {
		return fmt.Errorf("writing replay table: %w", err)
	}
	return nil
}

// Flush prints what is held and flushes the output.
func (t *ReplayTable) Flush() error {
	if !t.started {
		if err := t.start(); err != nil {
			return err
		}
	}
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("writing replay table: %w", err)
	}
	return nil
}

// WriteReplayTable prints lines as an aligned plain-text table, one review
// a line, for `saa-study srs replay` without --json.
func WriteReplayTable(w io.Writer, lines []ReplayLine) error {
	t := NewReplayTable(w)
	for i := range lines {
		if err := t.Write(&lines[i]); err != nil {
			return err
		}
	}
	return t.Flush()
}
