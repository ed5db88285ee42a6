// Package ankitest builds Anki packages for tests: the legacy layout
// (collection.anki2 / .anki21, JSON media map) and the current one
// (zstd-compressed collection.anki21b of schema 18, protobuf meta and
// media map), as docs/anki-packages.md describes them. Fields can be
// overridden to make broken packages.
package ankitest

import (
	"archive/zip"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/klauspost/compress/zstd"
	"google.golang.org/protobuf/encoding/protowire"
	"modernc.org/sqlite"
)

// Schema11 is the legacy collection: note types and decks as JSON in col.
const Schema11 = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
  ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
`

// Schema18 adds, to schema 11's notes, cards and revlog, the tables that
// replaced col's JSON (schema 14, 15, 17, 18 upgrades).
const Schema18 = Schema11 + `
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL, mtime_secs integer NOT NULL,
  val blob NOT NULL) WITHOUT ROWID;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL, collapsed boolean NOT NULL,
  config blob NULL) WITHOUT ROWID;
`

// Notetype is a note type to write.
type Notetype struct {
	ID        int64
	Name      string
	Cloze     bool
	Fields    []string
	Templates [][2]string // front, back
}

// Note is a note to write; Fields are HTML.
type Note struct {
	ID, Mid int64
	GUID    string
	Tags    string
	Fields  []string
}

// Card is a card to write.
type Card struct {
	ID, Nid, Did          int64
	Ord, Type, Queue, Ivl int
	Due                   int64
	Factor, Reps, Lapses  int
}

// Rev is a revlog row.
type Rev struct {
	ID, Cid                                int64
	Ease, Ivl, LastIvl, Factor, Time, Type int
}

// Package is what Write puts in the zip.
type Package struct {
	Version   int // 1 (collection.anki2), 2 (.anki21) or 3 (.anki21b); 0 = 3
	Schema    int // col.ver; 0 = 11 or 18 by version
	Crt       int64
	Notetypes []Notetype
	Decks     map[int64]string
	Notes     []Note
	Cards     []Card
	Revlog    []Rev
	Media     []Media

	MetaBytes       []byte // replaces the meta file (version 3)
	MediaMapBytes   []byte // replaces the media map
	CollectionBytes []byte // replaces the collection file's contents
}

// Media is a media file.
type Media struct {
	Name string
	Data []byte
}

var once sync.Once

func registerUnicase() {
	once.Do(func() {
		_ = sqlite.RegisterCollationUtf8("unicase", func(a, b string) int {
			return strings.Compare(strings.ToLower(a), strings.ToLower(b))
		})
	})
}

// Write builds the package at path.
func (p *Package) Write(path string) error {
	if p.Version == 0 {
		p.Version = 3
	}
	if p.Schema == 0 {
		p.Schema = 11
		if p.Version == 3 {
			p.Schema = 18
		}
	}
	coll := p.CollectionBytes
	if coll == nil {
		var err error
		if coll, err = p.collection(); err != nil {
			return err
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	add := func(name string, data []byte) error {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	enc, _ := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest))
	defer enc.Close()
	switch p.Version {
	case 1, 2:
		name := map[int]string{1: "collection.anki2", 2: "collection.anki21"}[p.Version]
		if err := add(name, coll); err != nil {
			return err
		}
		mm := p.MediaMapBytes
		if mm == nil {
			m := map[string]string{}
			for i, md := range p.Media {
				m[fmt.Sprint(i)] = md.Name
			}
			mm, _ = json.Marshal(m)
		}
		if err := add("media", mm); err != nil {
			return err
		}
		for i, md := range p.Media {
			if err := add(fmt.Sprint(i), md.Data); err != nil {
				return err
			}
		}
	default:
		meta := p.MetaBytes
		if meta == nil {
			meta = protowire.AppendVarint(protowire.AppendTag(nil, 1, protowire.VarintType), uint64(p.Version))
		}
		if err := add("meta", meta); err != nil {
			return err
		}
		if p.CollectionBytes == nil {
			coll = enc.EncodeAll(coll, nil)
		}
		if err := add("collection.anki21b", coll); err != nil {
			return err
		}
		// Anki puts a stub legacy collection beside it for old clients.
		if err := add("collection.anki2", []byte("stub: this package needs a newer Anki")); err != nil {
			return err
		}
		mm := p.MediaMapBytes
		if mm == nil {
			var entries []byte
			for _, md := range p.Media {
				var e []byte
				e = protowire.AppendTag(e, 1, protowire.BytesType)
				e = protowire.AppendString(e, md.Name)
				e = protowire.AppendTag(e, 2, protowire.VarintType)
				e = protowire.AppendVarint(e, uint64(len(md.Data)))
				entries = protowire.AppendTag(entries, 1, protowire.BytesType)
				entries = protowire.AppendBytes(entries, e)
			}
			mm = enc.EncodeAll(entries, nil)
		}
		if err := add("media", mm); err != nil {
			return err
		}
		for i, md := range p.Media {
			if err := add(fmt.Sprint(i), enc.EncodeAll(md.Data, nil)); err != nil {
				return err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// collection writes the SQLite collection to a temporary file and returns
// its bytes.
func (p *Package) collection() ([]byte, error) {
	registerUnicase()
	dir, err := os.MkdirTemp("", "ankitest-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "c.db")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?_pragma=journal_mode(DELETE)&_pragma=synchronous(OFF)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	schema := Schema11
	if p.Schema >= 15 {
		schema = Schema18
	}
	if _, err := db.Exec(schema); err != nil {
		return nil, err
	}
	tx, err := db.Begin()
	if err != nil {
		return nil, err
	}
	models, decks := "{}", "{}"
	if p.Schema < 15 {
		models, decks = p.legacyJSON()
	}
	if _, err := tx.Exec(`INSERT INTO col VALUES (1, ?, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')`, p.Crt, p.Schema, models, decks); err != nil {
		return nil, err
	}
	if p.Schema >= 15 {
		for _, nt := range p.Notetypes {
			cfg := []byte{}
			if nt.Cloze {
				cfg = protowire.AppendVarint(protowire.AppendTag(nil, 1, protowire.VarintType), 1)
			}
			if _, err := tx.Exec(`INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)`, nt.ID, nt.Name, cfg); err != nil {
				return nil, err
			}
			for i, f := range nt.Fields {
				if _, err := tx.Exec(`INSERT INTO fields VALUES (?, ?, ?, x'')`, nt.ID, i, f); err != nil {
					return nil, err
				}
			}
			for i, t := range nt.Templates {
				var cfg []byte
				cfg = protowire.AppendTag(cfg, 1, protowire.BytesType)
				cfg = protowire.AppendString(cfg, t[0])
				cfg = protowire.AppendTag(cfg, 2, protowire.BytesType)
				cfg = protowire.AppendString(cfg, t[1])
				if _, err := tx.Exec(`INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)`, nt.ID, i, fmt.Sprintf("Card %d", i+1), cfg); err != nil {
					return nil, err
				}
			}
		}
		for id, name := range p.Decks {
			if _, err := tx.Exec(`INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')`, id, strings.ReplaceAll(name, "::", "\x1f")); err != nil {
				return nil, err
			}
		}
	}
	ins := func(q string, args ...any) error {
		_, err := tx.Exec(q, args...)
		return err
	}
	for _, n := range p.Notes {
		if err := ins(`INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')`, n.ID, n.GUID, n.Mid, n.Tags, strings.Join(n.Fields, "\x1f")); err != nil {
			return nil, err
		}
	}
	for _, c := range p.Cards {
		if err := ins(`INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '')`,
			c.ID, c.Nid, c.Did, c.Ord, c.Type, c.Queue, c.Due, c.Ivl, c.Factor, c.Reps, c.Lapses); err != nil {
			return nil, err
		}
	}
	st, err := tx.Prepare(`INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	for _, r := range p.Revlog {
		if _, err := st.Exec(r.ID, r.Cid, r.Ease, r.Ivl, r.LastIvl, r.Factor, r.Time, r.Type); err != nil {
			return nil, err
		}
	}
	st.Close()
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	if err := db.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

func (p *Package) legacyJSON() (string, string) {
	models := map[string]any{}
	for _, nt := range p.Notetypes {
		var flds, tmpls []map[string]any
		for i, f := range nt.Fields {
			flds = append(flds, map[string]any{"name": f, "ord": i})
		}
		for i, t := range nt.Templates {
			tmpls = append(tmpls, map[string]any{"name": fmt.Sprintf("Card %d", i+1), "ord": i, "qfmt": t[0], "afmt": t[1]})
		}
		typ := 0
		if nt.Cloze {
			typ = 1
		}
		models[fmt.Sprint(nt.ID)] = map[string]any{"id": nt.ID, "name": nt.Name, "type": typ, "flds": flds, "tmpls": tmpls}
	}
	decks := map[string]any{}
	for id, name := range p.Decks {
		decks[fmt.Sprint(id)] = map[string]any{"id": id, "name": name}
	}
	m, _ := json.Marshal(models)
	d, _ := json.Marshal(decks)
	return string(m), string(d)
}

// Basic and Cloze are the stock note types.
var (
	Basic = Notetype{ID: 1001, Name: "Basic", Fields: []string{"Front", "Back"},
		Templates: [][2]string{{"{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"}}}
	Cloze = Notetype{ID: 1002, Name: "Cloze", Cloze: true, Fields: []string{"Text", "Back Extra"},
		Templates: [][2]string{{"{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}"}}}
)

// Bytes is a helper for tests that need the package in memory.
func (p *Package) Bytes() ([]byte, error) {
	dir, err := os.MkdirTemp("", "ankitest-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "p.apkg")
	if err := p.Write(path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// Day0 is the sample's first review: 2026-10-01 09:00 UTC, in ms.
const Day0 = int64(1790845200000)

// Sample is a small collection: a Basic deck, a cloze note with two
// clozes, a two-template note, a note type of 20 fields, a picture, and
// a review history on three cards.
func Sample(version int) *Package {
	wide := Notetype{ID: 1003, Name: "Wide", Templates: [][2]string{{"{{F1}} / {{F2}}", "{{FrontSide}}<hr>{{F3}}{{F20}}"}}}
	var wideFields []string
	for i := 1; i <= 20; i++ {
		wide.Fields = append(wide.Fields, fmt.Sprintf("F%d", i))
		wideFields = append(wideFields, fmt.Sprintf("w%d", i))
	}
	reversed := Notetype{ID: 1004, Name: "Basic (and reversed card)", Fields: []string{"Front", "Back"},
		Templates: [][2]string{{"{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"}, {"{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"}}}
	const day = 86400000
	return &Package{
		Version:   version,
		Crt:       1790812800, // 2026-10-01 00:00 UTC
		Notetypes: []Notetype{Basic, Cloze, wide, reversed},
		Decks:     map[int64]string{1: "Default", 10: "SAA::Lambda", 11: "SAA::DynamoDB"},
		Notes: []Note{
			{ID: 1, Mid: 1001, GUID: "guid-lambda-timeout", Tags: " lambda limits ", Fields: []string{"Lambda's <b>maximum</b> timeout?", "900 seconds<br><img src=\"timeout.png\">"}},
			{ID: 2, Mid: 1002, GUID: "guid-ddb-item", Tags: " dynamodb ", Fields: []string{"An item is at most {{c1::400 KB}}; a partition key at most {{c2::2048 bytes::size}}.", "Both are hard limits."}},
			{ID: 3, Mid: 1003, GUID: "guid-wide", Tags: "", Fields: wideFields},
			{ID: 4, Mid: 1004, GUID: "guid-rev", Tags: "edge", Fields: []string{"CloudFront Functions", "viewer triggers only"}},
		},
		Cards: []Card{
			{ID: 101, Nid: 1, Did: 10, Ord: 0, Type: 2, Queue: 2, Ivl: 9, Due: 20},
			{ID: 201, Nid: 2, Did: 11, Ord: 0, Type: 2, Queue: 2, Ivl: 3},
			{ID: 202, Nid: 2, Did: 11, Ord: 1, Type: 0, Queue: 0},
			{ID: 301, Nid: 3, Did: 1, Ord: 0, Type: 0, Queue: -1},
			{ID: 401, Nid: 4, Did: 10, Ord: 0},
			{ID: 402, Nid: 4, Did: 10, Ord: 1},
		},
		Revlog: []Rev{
			{ID: Day0, Cid: 101, Ease: 3, Ivl: -600, Type: 0, Time: 5000},
			{ID: Day0 + 600000, Cid: 101, Ease: 3, Ivl: 1, Type: 0, Time: 4000},
			{ID: Day0 + 1*day, Cid: 101, Ease: 3, Ivl: 3, Type: 1, Time: 3000},
			{ID: Day0 + 4*day, Cid: 101, Ease: 4, Ivl: 9, Type: 1, Time: 2000},
			{ID: Day0 + 2*day, Cid: 201, Ease: 1, Ivl: -600, Type: 0},
			{ID: Day0 + 2*day + 600000, Cid: 201, Ease: 3, Ivl: -600, Type: 0},
			{ID: Day0 + 3*day, Cid: 201, Ease: 0, Ivl: 0, Type: 4}, // Forget: the answers above are dropped
			{ID: Day0 + 5*day, Cid: 201, Ease: 3, Ivl: 3, Type: 0},
			{ID: Day0 + 6*day, Cid: 402, Ease: 2, Ivl: 0, Type: 3}, // a filtered-deck preview
		},
		Media: []Media{{Name: "timeout.png", Data: []byte("\x89PNG not really")}},
	}
}

// Large is a version-3 package of n Basic cards, each with reviews
// answers spread over the year before Day0 (ratings mostly Good, some
// Again, Hard and Easy), for benchmarks.
func Large(n, reviews int) *Package {
	p := &Package{Version: 3, Crt: 1759276800, Notetypes: []Notetype{Basic}, Decks: map[int64]string{1: "Default", 2: "Big::Deck"}}
	p.Notes = make([]Note, 0, n)
	p.Cards = make([]Card, 0, n)
	p.Revlog = make([]Rev, 0, n*reviews)
	const day = int64(86400000)
	for i := 0; i < n; i++ {
		id := int64(i + 1)
		p.Notes = append(p.Notes, Note{ID: id, Mid: Basic.ID, GUID: fmt.Sprintf("g%07d", i), Tags: " big ",
			Fields: []string{fmt.Sprintf("Question <b>%d</b> about Lambda?", i), fmt.Sprintf("Answer %d<br>with a second line", i)}})
		p.Cards = append(p.Cards, Card{ID: 1_000_000 + id, Nid: id, Did: 2, Type: 2, Queue: 2})
		t := Day0 - 365*day + int64(i)*1000
		gap := int64(1)
		for r := 0; r < reviews; r++ {
			ease := 3
			switch (i + r) % 11 {
			case 3:
				ease = 1
			case 5:
				ease = 2
			case 7:
				ease = 4
			}
			p.Revlog = append(p.Revlog, Rev{ID: t, Cid: 1_000_000 + id, Ease: ease, Ivl: int(gap), Type: min(r, 1), Time: 4000})
			t += gap * day
			if ease > 1 {
				gap = min(gap*2, 30)
			} else {
				gap = 1
			}
		}
	}
	return p
}
