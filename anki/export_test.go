package anki

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var testModel = Model{ID: 1_400_000_000_001, Name: "Basic", Fields: []string{"Front", "Back"},
	Templates: []Template{{Name: "Card 1", Front: "{{Front}}", Back: "{{FrontSide}}<hr id=answer>{{Back}}"}}}

func smallCollection() *Collection {
	crt := time.Date(2026, 11, 1, 4, 0, 0, 0, time.FixedZone("KST", 9*3600))
	return &Collection{
		Created: crt, Rollover: 4, DesiredRetention: 0.85, NewPerDay: 15, ReviewsPerDay: 150,
		FSRSParams: []float64{0.2, 1.3, 2.3, 8.3, 6.4, 0.8, 3.0, 0.001, 1.9, 0.17, 0.8, 1.5, 0.06, 0.26, 1.6, 0.6, 1.9, 0.54, 0.09, 0.07, 0.15},
		Models:     []Model{testModel},
		Decks:      []Deck{{ID: 1_100_000_000_000, Name: "SAA::Lambda"}},
		Notes:      []Note{{ID: 1_200_000_000_000, GUID: GUID("card-a"), ModelID: testModel.ID, Mod: 1, Tags: []string{"b", "a"}, Fields: []string{"<p>Q &amp; A</p>", "<p>A</p>"}}},
		Cards: []Card{{ID: 1_300_000_000_000, NoteID: 1_200_000_000_000, DeckID: 1_100_000_000_000, Type: TypeReview, Queue: QueueReview,
			Due: 30, Ivl: 12, Factor: 2500, Reps: 3, Lapses: 1, Memory: &Memory{Stability: 12.345678, Difficulty: 5.55555, DesiredRetention: 0.85}}},
		Reviews: []Review{{ID: 1_790_000_000_000, CardID: 1_300_000_000_000, Ease: 3, Ivl: 12, LastIvl: -600, Factor: 600, TimeMS: 90000, Kind: ReviewReview}},
	}
}

// openPackage unzips a package into a folder and opens its collection.
func openPackage(t *testing.T, pkg []byte) (*sql.DB, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
		if err := os.WriteFile(filepath.Join(dir, f.Name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, CollectionName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, files
}

// TestWritePackageRows: the package is a zip of a schema 11 collection
// and an empty media map, and every row reads back as Anki stores it.
func TestWritePackageRows(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePackage(context.Background(), &buf, smallCollection()); err != nil {
		t.Fatal(err)
	}
	db, files := openPackage(t, buf.Bytes())
	if files[MediaName] != "{}" {
		t.Errorf("media = %q, want {}", files[MediaName])
	}
	var crt, ver int64
	var conf, models, decks, dconf string
	if err := db.QueryRow(`SELECT crt, ver, conf, models, decks, dconf FROM col`).Scan(&crt, &ver, &conf, &models, &decks, &dconf); err != nil {
		t.Fatal(err)
	}
	if crt != smallCollection().Created.Unix() || ver != 11 {
		t.Errorf("crt %d ver %d", crt, ver)
	}
	var c struct {
		Rollover, CreationOffset, SchedVer int
	}
	json.Unmarshal([]byte(conf), &c)
	if c.Rollover != 4 || c.CreationOffset != -540 || c.SchedVer != 2 {
		t.Errorf("conf %s: want rollover 4, creationOffset -540 (minutes west of KST), schedVer 2", conf)
	}
	var ms map[string]struct {
		Name string
		Type int
		Flds []struct{ Name string }
	}
	json.Unmarshal([]byte(models), &ms)
	if m := ms["1400000000001"]; m.Name != "Basic" || len(m.Flds) != 2 || m.Flds[1].Name != "Back" {
		t.Errorf("models %s", models)
	}
	var ds map[string]struct {
		Name string
		Conf int64
	}
	json.Unmarshal([]byte(decks), &ds)
	if d := ds["1100000000000"]; d.Name != "SAA::Lambda" || d.Conf != presetID || ds["1"].Name != "Default" || ds["1"].Conf != 1 {
		t.Errorf("decks %s: want ours on options group %d", decks, presetID)
	}
	var dc map[string]struct {
		Name             string
		DesiredRetention float64
		New              struct{ PerDay int }
		Rev              struct{ PerDay int }
		FSRSParams6      []float64
	}
	json.Unmarshal([]byte(dconf), &dc)
	p := dc[strconv.FormatInt(presetID, 10)]
	if p.Name != PresetName || p.DesiredRetention != 0.85 || p.New.PerDay != 15 || p.Rev.PerDay != 150 || len(p.FSRSParams6) != 21 {
		t.Errorf("dconf %s: want the saa-study preset with retention 0.85, 15 new and 150 reviews a day, 21 weights", dconf)
	}
	if dc["1"].Name != "Default" || dc["1"].DesiredRetention != 0.9 {
		t.Errorf("dconf %s: the Default group keeps Anki's defaults", dconf)
	}

	var guid, tags, flds, sfld string
	var csum int64
	db.QueryRow(`SELECT guid, tags, flds, sfld, csum FROM notes`).Scan(&guid, &tags, &flds, &sfld, &csum)
	if guid != GUID("card-a") || tags != " a b " || flds != "<p>Q &amp; A</p>\x1f<p>A</p>" || sfld != "Q & A" || csum != fieldChecksum("Q & A") {
		t.Errorf("note: %q %q %q %q %d", guid, tags, flds, sfld, csum)
	}
	var typ, queue, due, ivl, factor, reps, lapses int
	var data string
	db.QueryRow(`SELECT type, queue, due, ivl, factor, reps, lapses, data FROM cards`).Scan(&typ, &queue, &due, &ivl, &factor, &reps, &lapses, &data)
	if typ != 2 || queue != 2 || due != 30 || ivl != 12 || factor != 2500 || reps != 3 || lapses != 1 {
		t.Errorf("card: %d %d %d %d %d %d %d", typ, queue, due, ivl, factor, reps, lapses)
	}
	if data != `{"s":12.3457,"d":5.556,"dr":0.85}` {
		t.Errorf("card data %s", data)
	}
	var ease, rivl, last, rfactor, took, rtype, usn int
	db.QueryRow(`SELECT usn, ease, ivl, lastIvl, factor, time, type FROM revlog`).Scan(&usn, &ease, &rivl, &last, &rfactor, &took, &rtype)
	if usn != -1 || ease != 3 || rivl != 12 || last != -600 || rfactor != 600 || took != 60000 || rtype != 1 {
		t.Errorf("revlog: usn %d ease %d ivl %d last %d factor %d time %d type %d (time is capped at 60000)", usn, ease, rivl, last, rfactor, took, rtype)
	}
}

// TestWritePackageRefusesBrokenCollections: what Anki would refuse or
// misread is a clear error, and nothing is written.
func TestWritePackageRefusesBrokenCollections(t *testing.T) {
	cases := map[string]func(c *Collection){
		"tag with a space": func(c *Collection) { c.Notes[0].Tags = []string{"two words"} },
		"fields":           func(c *Collection) { c.Notes[0].Fields = c.Notes[0].Fields[:1] },
		"no note type":     func(c *Collection) { c.Notes[0].ModelID = 7 },
		"no deck":          func(c *Collection) { c.Cards[0].DeckID = 7 },
		"no note":          func(c *Collection) { c.Cards[0].NoteID = 7 },
		"ease":             func(c *Collection) { c.Reviews[0].Ease = 0 },
		"unnamed deck":     func(c *Collection) { c.Decks[0].Name = " " },
	}
	for name, breakIt := range cases {
		c := smallCollection()
		breakIt(c)
		path := filepath.Join(t.TempDir(), "out.apkg")
		err := WritePackageFile(context.Background(), path, c)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error is not one line: %q", name, err)
		}
		if _, serr := os.Stat(path); !os.IsNotExist(serr) {
			t.Errorf("%s: a file was left at %s", name, path)
		}
		entries, _ := os.ReadDir(filepath.Dir(path))
		if len(entries) != 0 {
			t.Errorf("%s: temporary files left: %v", name, entries)
		}
	}
}

func TestGUIDAndIDsAreStable(t *testing.T) {
	if GUID("card-x") != GUID("card-x") || GUID("card-x") == GUID("card-y") {
		t.Fatal("GUID must depend on the id alone")
	}
	if g := GUID("card-x"); len(g) == 0 || len(g) > 10 {
		t.Errorf("guid %q", g)
	}
	var ids IDs
	a := ids.ID("k")
	b := ids.ID("k") // the same key twice: the second gets the next free id
	if a != StableID("k") || b != a+1 {
		t.Errorf("ids %d %d", a, b)
	}
	now := time.Now().UnixMilli()
	for _, k := range []string{"a", "b", "deck:lambda", "card:card-x"} {
		if id := StableID(k); id <= 0 || id > now || id >= 1<<53 {
			t.Errorf("StableID(%q) = %d: want a past ms time below 2^53 (Anki renumbers later ids)", k, id)
		}
	}
}

func TestWritePackageFileNamesAMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "x.apkg")
	err := WritePackageFile(context.Background(), path, smallCollection())
	if err == nil || !strings.Contains(err.Error(), "does not exist") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("got %v, want a line naming the missing folder", err)
	}
}
