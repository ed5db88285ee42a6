package progress

import (
	"archive/zip"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/anki"
	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// reviewedProgress is the SRS fixture plus an imported deck, reviewed over
// four study days with a mix of ratings and answer times (one over a
// minute), with one card suspended.
func reviewedProgress(t testing.TB) *Progress {
	t.Helper()
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	if err := p.ImportDeckCards(ctx, "words", []DeckCard{
		{CardID: "c-1", Front: "What does `x < y` print?", Back: "| a | b |\n|---|---|\n| 1 | 2 |", Tags: []string{"vocab"}},
		{CardID: "c-2", Front: "Second", Back: "**two**"},
	}); err != nil {
		t.Fatal(err)
	}
	ratings := []srs.Rating{srs.Good, srs.Again, srs.Good, srs.Easy, srs.Hard, srs.Good, srs.Good}
	took := []time.Duration{4 * time.Second, 75 * time.Second, 9 * time.Second}
	n := 0
	for day := 0; day < 4; day++ {
		now := fixedClock().AddDate(0, 0, day*3)
		s, err := p.LoadSession(ctx, content.EN, nil, now)
		if err != nil {
			t.Fatal(err)
		}
		for range 12 {
			k, ok := s.Pick(now)
			if !ok {
				break
			}
			it, _ := s.Item(k)
			after, _, err := p.Rate(ctx, s, it, ratings[n%len(ratings)], Rated{At: now, Took: took[n%len(took)]})
			if err != nil {
				t.Fatal(err)
			}
			n++
			s, _ = s.After(it, after, now)
			now = now.Add(11 * time.Minute)
		}
	}
	// A lapse on the last day leaves a card relearning.
	now := fixedClock().AddDate(0, 0, 10)
	s, err := p.LoadSession(ctx, content.EN, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := s.Pick(now); ok {
		it, _ := s.Item(k)
		if _, _, err := p.Rate(ctx, s, it, srs.Again, Rated{At: now, Took: 2 * time.Second}); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.st.SetSuspended(ctx, store.KindCard, "words/c-2", true); err != nil {
		t.Fatal(err)
	}
	return p
}

// openApkg unzips an exported package and opens its collection.
func openApkg(t testing.TB, path string) *sql.DB {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	dir := t.TempDir()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == anki.MediaName && string(b) != "{}" {
			t.Errorf("media map %q, want {}", b)
		}
		os.WriteFile(filepath.Join(dir, f.Name), b, 0o600)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, anki.CollectionName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func exportTo(t testing.TB, p *Progress, opt AnkiExportOptions) (*sql.DB, AnkiExportSummary) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.apkg")
	if opt.Now.IsZero() {
		opt.Now = fixedClock().AddDate(0, 0, 10).Add(time.Hour)
	}
	sum, err := p.ExportAnki(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	return openApkg(t, path), sum
}

func count(t testing.TB, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestExportAnkiDecksNotesAndFields: a deck per topic under the root, one
// note per card (a cloze card is one note with a card per number), fields
// as HTML with the stable id, tags without spaces.
func TestExportAnkiDecksNotesAndFields(t *testing.T) {
	p := reviewedProgress(t)
	db, sum := exportTo(t, p, AnkiExportOptions{Lang: "en"})
	if sum != (AnkiExportSummary{Decks: 2, Notes: 4, Cards: 5, Reviews: sum.Reviews}) || sum.Reviews == 0 {
		t.Errorf("summary %+v: want 2 decks, 4 notes (qa, cloze, two imported), 5 cards", sum)
	}
	var decks string
	db.QueryRow(`SELECT decks FROM col`).Scan(&decks)
	for _, want := range []string{`"SAA-C03 Serverless::Lambda basics"`, `"SAA-C03 Serverless::words"`} {
		if !strings.Contains(decks, want) {
			t.Errorf("no deck %s in %s", want, decks)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM notes`); n != 4 {
		t.Errorf("%d notes", n)
	}
	var flds, tags, guid string
	var nid int64
	db.QueryRow(`SELECT id, guid, flds, tags FROM notes WHERE mid = ?`, ankiCloze.ID).Scan(&nid, &guid, &flds, &tags)
	f := strings.Split(flds, anki.FieldSep)
	if len(f) != 3 || f[0] != "<p>A {{c1::cold start}} creates a new {{c2::execution environment}}.</p>" || f[2] != "card-cloze" {
		t.Errorf("cloze fields %q", f)
	}
	if guid != anki.GUID("card:card-cloze") || tags != " lambda saa-study " {
		t.Errorf("cloze note guid %q tags %q", guid, tags)
	}
	rows, _ := db.Query(`SELECT ord FROM cards WHERE nid = ? ORDER BY ord`, nid)
	var ords []int
	for rows.Next() {
		var o int
		rows.Scan(&o)
		ords = append(ords, o)
	}
	rows.Close()
	if len(ords) != 2 || ords[0] != 0 || ords[1] != 1 {
		t.Errorf("cloze card ords %v, want [0 1] (c1, c2)", ords)
	}
	db.QueryRow(`SELECT flds, tags FROM notes WHERE flds LIKE '%words/c-1'`).Scan(&flds, &tags)
	f = strings.Split(flds, anki.FieldSep)
	if len(f) != 3 || f[0] != "<p>What does <code>x &lt; y</code> print?</p>" || !strings.Contains(f[1], "<td>1</td>") || tags != " saa-study vocab words " {
		t.Errorf("imported card: fields %q tags %q", f, tags)
	}
	if n := count(t, db, `SELECT count(*) FROM notes WHERE mid = ?`, ankiQuestion.ID); n != 0 {
		t.Errorf("%d question notes without Questions", n)
	}
}

// TestExportAnkiScheduleAndRevlog: every card's type, queue, due date,
// interval and FSRS memory follow its stored state, and every review is a
// revlog row with the rating, interval, time and kind Anki expects.
func TestExportAnkiScheduleAndRevlog(t *testing.T) {
	ctx := context.Background()
	p := reviewedProgress(t)
	now := fixedClock().AddDate(0, 0, 10).Add(time.Hour)
	db, sum := exportTo(t, p, AnkiExportOptions{Now: now})
	sc, _ := p.Scheduling(ctx)
	items, _ := p.st.SRSItems(ctx)
	reviews, _ := p.st.ReviewsSince(ctx, time.Time{})
	var crt int64
	db.QueryRow(`SELECT crt FROM col`).Scan(&crt)
	if want := sc.Day.DayStart(reviews[0].ReviewedAt).Unix(); crt != want {
		t.Errorf("crt %d, want the start of the first review's day %d", crt, want)
	}
	crtDay := sc.Day.DayNumber(time.Unix(crt, 0))

	states := map[srs.State]int{}
	for _, it := range items {
		if it.Kind != KindCard {
			continue
		}
		states[it.Card.State]++
		cid := anki.StableID("card:" + it.Key())
		var typ, queue, ivl, reps, lapses, factor int
		var due int64
		var data string
		if err := db.QueryRow(`SELECT type, queue, due, ivl, reps, lapses, factor, data FROM cards WHERE id = ?`, cid).
			Scan(&typ, &queue, &due, &ivl, &reps, &lapses, &factor, &data); err != nil {
			t.Errorf("%s: no card %d: %v", it.Key(), cid, err)
			continue
		}
		c := it.Card
		if typ != int(c.State) || reps != c.Reps || lapses != c.Lapses {
			t.Errorf("%s: type %d reps %d lapses %d, want %d %d %d", it.Key(), typ, reps, lapses, c.State, c.Reps, c.Lapses)
		}
		wantQueue := map[srs.State]int{srs.New: 0, srs.Learning: 1, srs.Review: 2, srs.Relearning: 1}[c.State]
		if c.State == srs.Learning || c.State == srs.Relearning {
			if sc.Day.DayNumber(c.Due) > sc.Day.DayNumber(now) {
				wantQueue = 3
			}
		}
		if it.Suspended {
			wantQueue = -1
		}
		if queue != wantQueue {
			t.Errorf("%s (%v, suspended %v): queue %d, want %d", it.Key(), c.State, it.Suspended, queue, wantQueue)
		}
		switch {
		case c.State == srs.Review:
			if due != sc.Day.DayNumber(c.Due)-crtDay || ivl != c.ScheduledDays || factor != 2500 {
				t.Errorf("%s: due %d ivl %d factor %d, want day %d ivl %d factor 2500", it.Key(), due, ivl, factor, sc.Day.DayNumber(c.Due)-crtDay, c.ScheduledDays)
			}
		case queue == 1 && due != c.Due.Unix():
			t.Errorf("%s: learning due %d, want the step's Unix time %d", it.Key(), due, c.Due.Unix())
		}
		if c.State == srs.New {
			if data != "" {
				t.Errorf("%s: a new card has memory %q", it.Key(), data)
			}
			continue
		}
		var m struct {
			S, D, DR float64
			LRT      int64
		}
		if err := json.Unmarshal([]byte(data), &m); err != nil {
			t.Errorf("%s: data %q: %v", it.Key(), data, err)
		}
		if math.Abs(m.S-c.Stability) > 5e-5 || math.Abs(m.D-c.Difficulty) > 5e-4 || m.DR != sc.Limits.DesiredRetention || m.LRT != c.LastReview.Unix() {
			t.Errorf("%s: data %s, want s %.5f d %.4f dr %v lrt %d", it.Key(), data, c.Stability, c.Difficulty, sc.Limits.DesiredRetention, c.LastReview.Unix())
		}
	}
	if states[srs.Review] == 0 || states[srs.Learning]+states[srs.Relearning] == 0 {
		t.Fatalf("the fixture should hold review and learning cards: %v", states)
	}

	// Revlog: card reviews only (questions are not exported), in order.
	var cardReviews []ReviewRecord
	for _, r := range reviews {
		if r.Kind == KindCard {
			cardReviews = append(cardReviews, r)
		}
	}
	if sum.Reviews != len(cardReviews) || count(t, db, `SELECT count(*) FROM revlog`) != len(cardReviews) {
		t.Fatalf("summary %d, revlog %d rows, want %d card reviews", sum.Reviews, count(t, db, `SELECT count(*) FROM revlog`), len(cardReviews))
	}
	rows, err := db.Query(`SELECT id, cid, usn, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	last := map[int64]int{}
	capped := false
	for i := 0; rows.Next(); i++ {
		var id, cid int64
		var usn, ease, ivl, lastIvl, factor, took, typ int
		rows.Scan(&id, &cid, &usn, &ease, &ivl, &lastIvl, &factor, &took, &typ)
		r := cardReviews[i]
		if cid != anki.StableID("card:card:"+r.ItemID) {
			t.Fatalf("row %d: cid %d is not card %s", i, cid, r.ItemID)
		}
		wantIvl := r.ScheduledDays
		if r.StateAfter != srs.Review {
			wantIvl = -int(r.Due.Sub(r.ReviewedAt) / time.Second)
		}
		wantType := map[srs.State]int{srs.New: 0, srs.Learning: 0, srs.Review: 1, srs.Relearning: 2}[r.StateBefore]
		wantTook := min(int(r.DurationMS), 60000)
		capped = capped || r.DurationMS > 60000
		if id < r.ReviewedAt.UnixMilli() || id > r.ReviewedAt.UnixMilli()+5 || usn != -1 || ease != int(r.Rating) || ivl != wantIvl ||
			lastIvl != last[cid] || took != wantTook || typ != wantType || factor != int(((r.Difficulty-1)/9+0.1)*1000) {
			t.Errorf("row %d (%s %v→%v): id %d usn %d ease %d ivl %d lastIvl %d factor %d time %d type %d; want ~%d, -1, %d, %d, %d, %d, %d, %d",
				i, r.ItemID, r.StateBefore, r.StateAfter, id, usn, ease, ivl, lastIvl, factor, took, typ,
				r.ReviewedAt.UnixMilli(), r.Rating, wantIvl, last[cid], int(((r.Difficulty-1)/9+0.1)*1000), wantTook, wantType)
		}
		last[cid] = ivl
	}
	if !capped {
		t.Error("the fixture should hold an answer over a minute")
	}
}

// TestExportAnkiQuestionsAndDecks: questions come as "SAA Question" notes
// with lettered options and the key; --deck picks one deck; an unknown
// deck is a one-line error; Korean titles name the decks.
func TestExportAnkiQuestionsAndDecks(t *testing.T) {
	p := reviewedProgress(t)
	db, _ := exportTo(t, p, AnkiExportOptions{Questions: true})
	var flds, tags string
	if err := db.QueryRow(`SELECT flds, tags FROM notes WHERE mid = ?`, ankiQuestion.ID).Scan(&flds, &tags); err != nil {
		t.Fatal(err)
	}
	f := strings.Split(flds, anki.FieldSep)
	if len(f) != 3 || !strings.Contains(f[0], "<p>Which option is right?</p>") || strings.Count(f[0], "<li>") != 4 ||
		!strings.Contains(f[1], "<b>Answer: A</b>") || strings.Count(f[1], "Because it is wrong.") != 3 || f[2] != "q-one" {
		t.Errorf("question fields %q", f)
	}
	if tags != " domain::performant lambda saa-study " {
		t.Errorf("question tags %q", tags)
	}

	db, sum := exportTo(t, p, AnkiExportOptions{Decks: []string{"words"}})
	if sum.Notes != 2 || sum.Decks != 1 || count(t, db, `SELECT count(*) FROM cards`) != 2 {
		t.Errorf("--deck words: %+v", sum)
	}
	_, err := p.ExportAnki(context.Background(), filepath.Join(t.TempDir(), "x.apkg"), AnkiExportOptions{Decks: []string{"nope"}})
	if err == nil || !strings.Contains(err.Error(), `"nope"`) || strings.Contains(err.Error(), "\n") {
		t.Errorf("unknown deck: %v", err)
	}

	db, _ = exportTo(t, p, AnkiExportOptions{Lang: "ko", Decks: []string{"lambda"}})
	var decks string
	db.QueryRow(`SELECT decks FROM col`).Scan(&decks)
	if !strings.Contains(decks, `"SAA-C03 Serverless::Lambda 기초"`) {
		t.Errorf("Korean deck names: %s", decks)
	}
}

// TestExportAnkiChangesNothing: exporting neither registers items nor
// writes anything else to the progress file.
func TestExportAnkiChangesNothing(t *testing.T) {
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	exportTo(t, p, AnkiExportOptions{Questions: true})
	items, err := p.st.SRSItems(ctx)
	if err != nil || len(items) != 0 {
		t.Errorf("export registered %d items (%v)", len(items), err)
	}
}

// TestExportAnkiIsStable: two exports give the same ids and guids, so a
// second import into Anki updates notes instead of duplicating them.
func TestExportAnkiIsStable(t *testing.T) {
	p := reviewedProgress(t)
	ids := func(db *sql.DB) string {
		var b strings.Builder
		rows, _ := db.Query(`SELECT n.id, n.guid, c.id, c.did FROM notes n JOIN cards c ON c.nid = n.id ORDER BY c.id`)
		defer rows.Close()
		for rows.Next() {
			var nid, cid, did int64
			var guid string
			rows.Scan(&nid, &guid, &cid, &did)
			b.WriteString(strconv.FormatInt(nid, 10) + guid + strconv.FormatInt(cid, 10) + strconv.FormatInt(did, 10) + "\n")
		}
		return b.String()
	}
	a, _ := exportTo(t, p, AnkiExportOptions{})
	b, _ := exportTo(t, p, AnkiExportOptions{Now: fixedClock().AddDate(0, 1, 0)})
	if x, y := ids(a), ids(b); x != y || x == "" {
		t.Errorf("ids differ between exports:\n%s\n%s", x, y)
	}
}
