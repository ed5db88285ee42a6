package progress

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// peerVectors is what the npm anki-reader package found in the fixture's
// export (anki/testdata/peer-reader: read.mjs made it from small.apkg).
const peerVectors = "../anki/testdata/peer-reader/vectors.json"

// peerView reads an exported collection the way read.mjs reports it.
func peerView(t testing.TB, db *sql.DB) any {
	t.Helper()
	var crt, ver int64
	var confJS, decksJS, modelsJS string
	if err := db.QueryRow(`SELECT crt, ver, conf, decks, models FROM col`).Scan(&crt, &ver, &confJS, &decksJS, &modelsJS); err != nil {
		t.Fatal(err)
	}
	var conf struct {
		Rollover       int `json:"rollover"`
		CreationOffset int `json:"creationOffset"`
		SchedVer       int `json:"schedVer"`
	}
	var decks map[string]struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	type tmpl struct {
		Name string `json:"name"`
		Qfmt string `json:"qfmt"`
		Afmt string `json:"afmt"`
	}
	var models map[string]struct {
		ID    int64  `json:"id"`
		Name  string `json:"name"`
		Type  int    `json:"type"`
		Tmpls []tmpl `json:"tmpls"`
		Flds  []struct {
			Name string `json:"name"`
		} `json:"flds"`
	}
	for _, j := range []struct {
		s string
		v any
	}{{confJS, &conf}, {decksJS, &decks}, {modelsJS, &models}} {
		if err := json.Unmarshal([]byte(j.s), j.v); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]any{"crt": crt, "ver": ver, "conf": conf, "media": []string{}}
	var ds, ms, cards, notes, revlog []any
	fieldNames := map[int64][]string{}
	for _, m := range models {
		var names []string
		for _, f := range m.Flds {
			names = append(names, f.Name)
		}
		fieldNames[m.ID] = names
		ms = append(ms, map[string]any{"id": m.ID, "name": m.Name, "type": m.Type, "fields": names, "templates": m.Tmpls})
	}
	for _, d := range decks {
		ds = append(ds, map[string]any{"id": d.ID, "name": d.Name})
		rows, err := db.Query(`SELECT c.id, c.nid, c.ord, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.data, n.flds, n.mid
			FROM cards c JOIN notes n ON n.id = c.nid WHERE c.did = ?`, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, nid, mid, due int64
			var ord, typ, queue, ivl, factor, reps, lapses, left int
			var data, flds string
			if err := rows.Scan(&id, &nid, &ord, &typ, &queue, &due, &ivl, &factor, &reps, &lapses, &left, &data, &flds, &mid); err != nil {
				t.Fatal(err)
			}
			fields := map[string]string{}
			for i, f := range strings.Split(flds, "\x1f") {
				if i < len(fieldNames[mid]) {
					fields[fieldNames[mid][i]] = f
				}
			}
			cards = append(cards, map[string]any{"id": id, "deck": d.Name, "nid": nid, "ord": ord, "type": typ, "queue": queue,
				"due": due, "ivl": ivl, "factor": factor, "reps": reps, "lapses": lapses, "left": left, "data": data, "fields": fields})
		}
		rows.Close()
	}
	rows, err := db.Query(`SELECT id, guid, mid, tags, sfld FROM notes`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, mid int64
		var guid, tags, sfld string
		rows.Scan(&id, &guid, &mid, &tags, &sfld)
		notes = append(notes, map[string]any{"id": id, "guid": guid, "mid": mid, "tags": tags, "sfld": sfld})
	}
	rows.Close()
	rows, err = db.Query(`SELECT id, cid, usn, ease, ivl, lastIvl, factor, time, type FROM revlog`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		r := make([]int64, 9)
		rows.Scan(&r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6], &r[7], &r[8])
		revlog = append(revlog, r)
	}
	rows.Close()
	out["decks"], out["models"], out["cards"], out["notes"], out["revlog"] = ds, ms, cards, notes, revlog
	// Through JSON, so that numbers and maps compare as the vectors decode.
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(b, &v)
	sortByID(v)
	return v
}

// sortByID orders the lists of a view as read.mjs does: by id.
func sortByID(v any) {
	m := v.(map[string]any)
	for _, k := range []string{"decks", "models", "cards", "notes"} {
		l, _ := m[k].([]any)
		sort.Slice(l, func(i, j int) bool {
			return l[i].(map[string]any)["id"].(float64) < l[j].(map[string]any)["id"].(float64)
		})
	}
	l, _ := m["revlog"].([]any)
	sort.Slice(l, func(i, j int) bool { return l[i].([]any)[0].(float64) < l[j].([]any)[0].(float64) })
}

// diffJSON lists where two decoded JSON values differ, at most max.
func diffJSON(path string, got, want any, out *[]string, max int) {
	if len(*out) >= max {
		return
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: got %v, want an object", path, got))
			return
		}
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		var ks []string
		for k := range keys {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			diffJSON(path+"."+k, g[k], w[k], out, max)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*out = append(*out, fmt.Sprintf("%s: got %d items, want %d", path, len(g), len(w)))
			return
		}
		for i := range w {
			diffJSON(fmt.Sprintf("%s[%d]", path, i), g[i], w[i], out, max)
		}
	default:
		if !reflect.DeepEqual(got, want) {
			*out = append(*out, fmt.Sprintf("%s: got %v, want %v", path, got, want))
		}
	}
}

// peerFixtureExport exports the reviewed fixture, questions included, as
// the package the peer read.
func peerFixtureExport(t testing.TB, path string) {
	t.Helper()
	p := reviewedProgress(t)
	opt := AnkiExportOptions{Questions: true, Lang: "en", Now: fixedClock().AddDate(0, 0, 10).Add(1 * 3600e9)}
	if _, err := p.ExportAnki(context.Background(), path, opt); err != nil {
		t.Fatal(err)
	}
}

func loadPeerVectors(t testing.TB) any {
	t.Helper()
	b, err := os.ReadFile(peerVectors)
	if err != nil {
		t.Fatal(err)
	}
	var want any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	sortByID(want)
	return want
}

// TestAnkiPeerVectors: what the npm anki-reader found in the fixture's
// package is what our export holds now: decks, note types, every card's
// fields and schedule, the notes and the review log.
//
// SAA_WRITE_PEER_APKG=FILE writes the fixture's package to FILE instead,
// for read.mjs to read (see anki/testdata/peer-reader/read.mjs).
func TestAnkiPeerVectors(t *testing.T) {
	if out := os.Getenv("SAA_WRITE_PEER_APKG"); out != "" {
		peerFixtureExport(t, out)
		t.Skipf("wrote %s; now run read.mjs on it", out)
	}
	path := filepath.Join(t.TempDir(), "small.apkg")
	peerFixtureExport(t, path)
	var diffs []string
	diffJSON("", peerView(t, openApkg(t, path)), loadPeerVectors(t), &diffs, 20)
	for _, d := range diffs {
		t.Error(d)
	}
}

// TestAnkiPeerComparisonCatchesBrokenPackages: the comparison above is
// not blind: a package with one revlog rating, one card due date or one
// field changed differs from the vectors, and it says where.
func TestAnkiPeerComparisonCatchesBrokenPackages(t *testing.T) {
	want := loadPeerVectors(t)
	for name, sqlText := range map[string]string{
		"revlog ease": `UPDATE revlog SET ease = 5 - ease WHERE id = (SELECT min(id) FROM revlog)`,
		"card due":    `UPDATE cards SET due = due + 1 WHERE type = 2`,
		"field":       `UPDATE notes SET flds = replace(flds, 'cold start', 'warm start')`,
		"lost card":   `DELETE FROM cards WHERE id = (SELECT max(id) FROM cards)`,
	} {
		path := filepath.Join(t.TempDir(), "small.apkg")
		peerFixtureExport(t, path)
		db := openApkg(t, path)
		if _, err := db.Exec(sqlText); err != nil {
			t.Fatal(err)
		}
		var diffs []string
		diffJSON("", peerView(t, db), want, &diffs, 5)
		if len(diffs) == 0 {
			t.Errorf("%s: the broken package matches the vectors", name)
		}
	}
}

// fsrsVectors is each card's memory state as fsrs-rs (Anki's FSRS engine)
// rebuilds it from small.apkg's review log (anki/testdata/peer-reader/fsrs.mjs).
const fsrsVectors = "../anki/testdata/peer-reader/fsrs-vectors.json"

// memoryMismatches lists the cards whose data column's memory state is not
// the one fsrs-rs rebuilt from the same review log.
func memoryMismatches(t testing.TB, db *sql.DB) []string {
	t.Helper()
	b, err := os.ReadFile(fsrsVectors)
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Cards map[string]struct{ S, D float64 }
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT id, data FROM cards WHERE data != ''`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var bad []string
	n := 0
	for rows.Next() {
		var id, data string
		rows.Scan(&id, &data)
		var got struct{ S, D float64 }
		json.Unmarshal([]byte(data), &got)
		w, ok := want.Cards[id]
		// Our data is rounded as Anki rounds it (4 and 3 places); fsrs-rs
		// computes in float32.
		if !ok || math.Abs(got.S-w.S) > 1e-4+1e-6*w.S || math.Abs(got.D-w.D) > 1e-3 {
			bad = append(bad, fmt.Sprintf("card %s: data %s, fsrs-rs from the revlog: s %.4f d %.3f (found %v)", id, data, w.S, w.D, ok))
		}
		n++
	}
	if n != len(want.Cards) {
		bad = append(bad, fmt.Sprintf("%d cards with a memory state, fsrs-rs rebuilt %d", n, len(want.Cards)))
	}
	return bad
}

// TestAnkiMemoryIsWhatAnkiRebuilds: the FSRS memory state each exported
// card carries is the one Anki's FSRS engine (fsrs-rs) computes from the
// exported review log, so Anki's "recompute memory states" changes nothing.
func TestAnkiMemoryIsWhatAnkiRebuilds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.apkg")
	peerFixtureExport(t, path)
	for _, m := range memoryMismatches(t, openApkg(t, path)) {
		t.Error(m)
	}
	// The check is not blind: one stability changed is found.
	db := openApkg(t, path)
	if _, err := db.Exec(`UPDATE cards SET data = replace(data, '"s":', '"s":1') WHERE id = (SELECT max(id) FROM cards WHERE data != '')`); err != nil {
		t.Fatal(err)
	}
	if len(memoryMismatches(t, db)) != 1 {
		t.Error("a changed stability went unnoticed")
	}
}
