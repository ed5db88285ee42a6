package anki

import (
	"context"
	"crypto/sha1"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// schema11 is the legacy collection schema (Anki's rslib
// storage/schema11.sql): what collection.anki2 and collection.anki21 hold.
const schema11 = `
CREATE TABLE col (
  id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
  conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL
);
CREATE TABLE notes (
  id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
  csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE cards (
  id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
  due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
  lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE revlog (
  id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
  type integer NOT NULL
);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
`

// schema11Indexes are the collection's indexes, built once the rows are in.
const schema11Indexes = `
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`

// SchemaVersion is the col.ver this package writes.
const SchemaVersion = 11

// PresetName names the deck options group ("preset") the exported decks
// use; the Default deck keeps group 1 with Anki's defaults.
const PresetName = "saa-study"

// presetID is the id of the PresetName group, the same in every export.
var presetID = StableID("deck options:" + PresetName)

// deckConfJSON is a deck options group as a schema 11 "dconf" entry:
// Anki's defaults (learning steps 1m 10m, relearning 10m, starting ease
// 250%), with the given daily limits (0 is none), desired retention, FSRS-6 weights
// (none: Anki's) and leeches suspended after 8 lapses, as saa-study does.
func deckConfJSON(id int64, name string, mod int64, o DeckOptions) map[string]any {
	if o.DesiredRetention <= 0 || o.DesiredRetention >= 1 {
		o.DesiredRetention = 0.9
	}
	params := []float64{}
	if len(o.FSRSParams) == 21 {
		params = o.FSRSParams
	}
	return map[string]any{
		"id": id, "mod": mod, "name": name, "usn": -1, "maxTaken": 60, "autoplay": true, "timer": 0,
		"replayq": true, "dyn": false,
		"new":              map[string]any{"bury": false, "delays": []float64{1, 10}, "initialFactor": 2500, "ints": []int{1, 4, 0}, "order": 1, "perDay": o.NewPerDay},
		"rev":              map[string]any{"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": o.ReviewsPerDay, "hardFactor": 1.2},
		"lapse":            map[string]any{"delays": []float64{10}, "leechAction": 0, "leechFails": 8, "minInt": 1, "mult": 0.0},
		"desiredRetention": math.Round(o.DesiredRetention*100) / 100,
		"fsrsParams6":      params,
	}
}

// writeCollection creates the schema 11 tables in db and fills them from c.
func writeCollection(ctx context.Context, db *sql.DB, c *Collection) error {
	if err := c.check(); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, schema11); err != nil {
		return fmt.Errorf("creating the collection: %w", err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := writeCol(ctx, tx, c); err != nil {
		return err
	}
	if err := writeNotes(ctx, tx, c); err != nil {
		return err
	}
	if err := writeCards(ctx, tx, c); err != nil {
		return err
	}
	if err := writeRevlog(ctx, tx, c); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, schema11Indexes); err != nil {
		return fmt.Errorf("indexing the collection: %w", err)
	}
	return tx.Commit()
}

// check finds what would make a collection Anki refuses or misreads.
func (c *Collection) check() error {
	models := map[int64]int{}
	for _, m := range c.Models {
		if len(m.Fields) == 0 || len(m.Templates) == 0 {
			return fmt.Errorf("note type %q: want at least one field and one template", m.Name)
		}
		models[m.ID] = len(m.Fields)
	}
	decks := map[int64]bool{1: true}
	for _, d := range c.Decks {
		if strings.TrimSpace(d.Name) == "" {
			return fmt.Errorf("deck %d has no name", d.ID)
		}
		decks[d.ID] = true
	}
	notes := map[int64]bool{}
	for _, n := range c.Notes {
		nf, ok := models[n.ModelID]
		if !ok {
			return fmt.Errorf("note %s: no note type %d", n.GUID, n.ModelID)
		}
		if len(n.Fields) != nf {
			return fmt.Errorf("note %s: %d fields, its note type has %d", n.GUID, len(n.Fields), nf)
		}
		for _, t := range n.Tags {
			if t == "" || strings.ContainsAny(t, " \t\n\u3000") {
				return fmt.Errorf("note %s: tag %q: Anki tags have no spaces (use anki.Tag)", n.GUID, t)
			}
		}
		notes[n.ID] = true
	}
	for _, cd := range c.Cards {
		if !notes[cd.NoteID] {
			return fmt.Errorf("card %d: no note %d", cd.ID, cd.NoteID)
		}
		if !decks[cd.DeckID] {
			return fmt.Errorf("card %d: no deck %d", cd.ID, cd.DeckID)
		}
	}
	return nil
}

func writeCol(ctx context.Context, tx *sql.Tx, c *Collection) error {
	created := c.Created
	if created.IsZero() {
		created = time.Now()
	}
	now := time.Now()
	_, offset := created.Zone()
	models := map[string]any{}
	for _, m := range c.Models {
		models[strconv.FormatInt(m.ID, 10)] = modelJSON(m, now.Unix())
	}
	decks := map[string]any{"1": deckJSON(Deck{ID: 1, Name: "Default"}, 1, now.Unix())}
	for _, d := range c.Decks {
		decks[strconv.FormatInt(d.ID, 10)] = deckJSON(d, presetID, now.Unix())
	}
	var curModel string
	if len(c.Models) > 0 {
		curModel = strconv.FormatInt(c.Models[0].ID, 10)
	}
	conf := map[string]any{
		"activeDecks": []int{1}, "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0,
		"estTimes": true, "dueCounts": true, "curModel": curModel, "nextPos": len(c.Cards) + 1,
		"sortType": "noteFld", "sortBackwards": false, "addToCur": true, "schedVer": 2,
		"rollover": min(max(c.Rollover, 0), 23), "creationOffset": -offset / 60,
	}
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	dconf := map[string]any{
		"1": deckConfJSON(1, "Default", 0, DeckOptions{NewPerDay: 20, ReviewsPerDay: 200}),
		strconv.FormatInt(presetID, 10): deckConfJSON(presetID, PresetName, now.Unix(), DeckOptions{
			NewPerDay: c.NewPerDay, ReviewsPerDay: c.ReviewsPerDay, DesiredRetention: c.DesiredRetention, FSRSParams: c.FSRSParams}),
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, '{}')`,
		created.Unix(), now.UnixMilli(), now.UnixMilli(), SchemaVersion, js(conf), js(models), js(decks), js(dconf))
	if err != nil {
		return fmt.Errorf("writing the collection header: %w", err)
	}
	return nil
}

// modelJSON is a note type as a schema 11 "models" entry.
func modelJSON(m Model, mod int64) map[string]any {
	flds := make([]map[string]any, len(m.Fields))
	for i, f := range m.Fields {
		flds[i] = map[string]any{"name": f, "ord": i, "sticky": false, "rtl": false, "font": "Arial",
			"size": 20, "media": []string{}, "description": "", "plainText": false, "collapsed": false}
	}
	tmpls := make([]map[string]any, len(m.Templates))
	req := []any{}
	for i, t := range m.Templates {
		tmpls[i] = map[string]any{"name": t.Name, "ord": i, "qfmt": t.Front, "afmt": t.Back,
			"bqfmt": "", "bafmt": "", "did": nil, "bfont": "", "bsize": 0}
		if m.Kind == Standard {
			// The card exists when a field its front names is not empty.
			var ords []int
			for j, f := range m.Fields {
				if strings.Contains(t.Front, "{{"+f+"}}") {
					ords = append(ords, j)
				}
			}
			if len(ords) == 0 {
				ords = []int{0}
			}
			req = append(req, []any{i, "any", ords})
		}
	}
	return map[string]any{
		"id": m.ID, "name": m.Name, "type": int(m.Kind), "mod": mod, "usn": -1, "sortf": m.SortField,
		"did": nil, "tmpls": tmpls, "flds": flds, "css": m.CSS, "latexPre": latexPre,
		"latexPost": "\\end{document}", "latexsvg": false, "req": req, "tags": []string{}, "vers": []any{},
	}
}

const latexPre = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n" +
	"\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n"

// deckJSON is a normal deck as a schema 11 "decks" entry, with options group conf.
func deckJSON(d Deck, conf, mod int64) map[string]any {
	zero := []int{0, 0}
	return map[string]any{
		"id": d.ID, "mod": mod, "name": d.Name, "usn": -1, "desc": d.Desc, "dyn": 0, "conf": conf,
		"collapsed": false, "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
		"newToday": zero, "revToday": zero, "lrnToday": zero, "timeToday": zero,
	}
}

func writeNotes(ctx context.Context, tx *sql.Tx, c *Collection) error {
	sortf := map[int64]int{}
	for _, m := range c.Models {
		sortf[m.ID] = m.SortField
	}
	return insertRows(ctx, tx, "notes", "(?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')", 8, len(c.Notes), func(i int, args []any) []any {
		n := c.Notes[i]
		tags := ""
		if len(n.Tags) > 0 {
			ts := append([]string(nil), n.Tags...)
			sort.Strings(ts)
			tags = " " + strings.Join(ts, " ") + " "
		}
		f := sortf[n.ModelID]
		if f >= len(n.Fields) {
			f = 0
		}
		return append(args, n.ID, n.GUID, n.ModelID, n.Mod, tags, strings.Join(n.Fields, FieldSep),
			StripHTML(n.Fields[f]), fieldChecksum(StripHTML(n.Fields[0])))
	})
}

// insertBatch is how many rows one INSERT statement carries: fewer
// statements, far less per-row overhead, and well under SQLite's limit of
// 32766 parameters.
const insertBatch = 100

// insertRows inserts n rows into table, each row's values placeholders
// given by tuple (with want "?"), filled by row.
func insertRows(ctx context.Context, tx *sql.Tx, table, tuple string, want, n int, row func(i int, args []any) []any) error {
	stmt := func(rows int) (*sql.Stmt, error) {
		q := "INSERT INTO " + table + " VALUES " + strings.TrimSuffix(strings.Repeat(tuple+",", rows), ",")
		return tx.PrepareContext(ctx, q)
	}
	var full *sql.Stmt
	args := make([]any, 0, want*insertBatch)
	for start := 0; start < n; start += insertBatch {
		end := min(start+insertBatch, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = row(i, args)
		}
		st := full
		if end-start < insertBatch || full == nil {
			var err error
			if st, err = stmt(end - start); err != nil {
				return err
			}
			if end-start == insertBatch {
				full = st
			} else {
				defer st.Close()
			}
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("writing %s rows %d-%d: %w", table, start, end-1, err)
		}
	}
	if full != nil {
		full.Close()
	}
	return nil
}

// fieldChecksum is Anki's csum: the first 8 hex digits of the SHA-1 of
// the first field's text, as a number (used to find duplicates).
func fieldChecksum(s string) int64 {
	sum := sha1.Sum([]byte(s))
	return int64(binary.BigEndian.Uint32(sum[:4]))
}

func writeCards(ctx context.Context, tx *sql.Tx, c *Collection) error {
	return insertRows(ctx, tx, "cards", "(?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)", 14, len(c.Cards), func(i int, args []any) []any {
		cd := c.Cards[i]
		return append(args, cd.ID, cd.NoteID, cd.DeckID, cd.Ord, cd.Mod, int(cd.Type), int(cd.Queue),
			cd.Due, cd.Ivl, cd.Factor, cd.Reps, cd.Lapses, cd.Left, cardData(cd.Memory))
	})
}

// cardData is the card's data column: the FSRS memory state rounded as
// Anki rounds it (stability 4 places, difficulty 3, retention 2), or "".
func cardData(m *Memory) string {
	if m == nil {
		return ""
	}
	round := func(v float64, places int) float64 {
		p := math.Pow(10, float64(places))
		return math.Round(v*p) / p
	}
	var b strings.Builder
	fmt.Fprintf(&b, `{"s":%s,"d":%s`, strconv.FormatFloat(round(m.Stability, 4), 'f', -1, 64),
		strconv.FormatFloat(round(m.Difficulty, 3), 'f', -1, 64))
	if m.DesiredRetention > 0 {
		fmt.Fprintf(&b, `,"dr":%s`, strconv.FormatFloat(round(m.DesiredRetention, 2), 'f', -1, 64))
	}
	if !m.LastReview.IsZero() {
		fmt.Fprintf(&b, `,"lrt":%d`, m.LastReview.Unix())
	}
	b.WriteString("}")
	return b.String()
}

func writeRevlog(ctx context.Context, tx *sql.Tx, c *Collection) error {
	for _, r := range c.Reviews {
		if r.Ease < 1 || r.Ease > 4 {
			return fmt.Errorf("review %d of card %d: ease %d is not 1..4", r.ID, r.CardID, r.Ease)
		}
	}
	return insertRows(ctx, tx, "revlog", "(?, ?, -1, ?, ?, ?, ?, ?, ?)", 8, len(c.Reviews), func(i int, args []any) []any {
		r := c.Reviews[i]
		return append(args, r.ID, r.CardID, r.Ease, r.Ivl, r.LastIvl, r.Factor, min(max(r.TimeMS, 0), 60000), int(r.Kind))
	})
}
