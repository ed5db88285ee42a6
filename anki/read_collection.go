package anki

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
)

// Schema versions of the collection this reader understands: 11 (the
// legacy packages) up to 18 (what Anki 2.1.50 and later write).
const (
	minSchema = 11
	maxSchema = 18
)

var unicaseOnce sync.Once

// registerUnicase gives SQLite the "unicase" collation Anki declares on
// names in schema 15 and later, so those tables can be read and written.
func registerUnicase() {
	unicaseOnce.Do(func() {
		_ = sqlite.RegisterCollationUtf8("unicase", func(a, b string) int {
			return strings.Compare(strings.ToLower(a), strings.ToLower(b))
		})
	})
}

// readCollection unpacks the collection into a private temporary file
// (SQLite reads files, not streams), reads it whole and removes the file.
func (p *Package) readCollection(cf *zip.File) error {
	rc, err := cf.Open()
	if err != nil {
		return refuse("the collection in the package is unreadable: %v", err)
	}
	defer rc.Close()
	var src io.Reader = rc
	if p.Version == VersionLatest {
		zr, err := zstdReader(rc)
		if err != nil {
			return refuse("the collection is not zstd-compressed as a version 3 package's must be: %v", err)
		}
		defer zr.Close()
		src = zr
	}
	dir, err := os.MkdirTemp("", "saa-anki-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "collection.sqlite")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	head := &headWriter{}
	_, err = limitedCopy(io.MultiWriter(f, head), src, p.lim.Collection)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	switch {
	case errors.Is(err, errTooLarge):
		return refuse("the collection is larger than %s once unpacked; refusing the package", mib(p.lim.Collection))
	case err != nil:
		return refuse("the collection (%s) is corrupt: %v", cf.Name, err)
	case !bytes.HasPrefix(head.b, []byte("SQLite format 3\x00")):
		return refuse("the collection (%s) is corrupt: it is not an SQLite database", cf.Name)
	}
	registerUnicase()
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "query_only(1)")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := p.readTables(db); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return err
		}
		return refuse("the collection (%s) is corrupt: %v", cf.Name, oneLine(err))
	}
	return nil
}

// headWriter keeps the first 16 bytes written through it.
type headWriter struct{ b []byte }

func (h *headWriter) Write(b []byte) (int, error) {
	if n := 16 - len(h.b); n > 0 {
		h.b = append(h.b, b[:min(n, len(b))]...)
	}
	return len(b), nil
}

func oneLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func (p *Package) readTables(db *sql.DB) error {
	var crt int64
	var models, decks string
	if err := db.QueryRow(`SELECT ver, crt, models, decks FROM col`).Scan(&p.Schema, &crt, &models, &decks); err != nil {
		return err
	}
	if p.Schema < minSchema || p.Schema > maxSchema {
		return refuse("collection schema %d is unknown (this reads schemas %d-%d, Anki 2.1 to 25); export it from Anki with \"Support older Anki versions\" ticked",
			p.Schema, minSchema, maxSchema)
	}
	p.Created = time.Unix(crt, 0).UTC()
	var err error
	if p.Schema >= 15 {
		err = p.readNotetypes18(db)
		if err == nil {
			err = p.readDecks18(db)
		}
	} else {
		err = p.readLegacyJSON(models, decks)
	}
	if err != nil {
		return err
	}
	known := map[int64]bool{}
	for _, m := range p.Models {
		known[m.ID] = true
	}
	if err := p.readNotes(db, known); err != nil {
		return err
	}
	if err := p.readCards(db); err != nil {
		return err
	}
	return p.readRevlog(db)
}

// legacyModel is a note type in schema 11's col.models JSON.
type legacyModel struct {
	ID   json.Number `json:"id"`
	Name string      `json:"name"`
	Type int         `json:"type"`
	Flds []struct {
		Name string `json:"name"`
		Ord  int    `json:"ord"`
	} `json:"flds"`
	Tmpls []struct {
		Name string `json:"name"`
		Ord  int    `json:"ord"`
		Qfmt string `json:"qfmt"`
		Afmt string `json:"afmt"`
	} `json:"tmpls"`
}

func (p *Package) readLegacyJSON(models, decks string) error {
	var ms map[string]legacyModel
	if err := json.Unmarshal([]byte(models), &ms); err != nil {
		return refuse("the collection's note types (col.models) are not valid JSON: %v", err)
	}
	keys := make([]string, 0, len(ms))
	for k := range ms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		m := ms[key]
		id, err := m.ID.Int64()
		if err != nil {
			if _, serr := fmt.Sscan(key, &id); serr != nil {
				return refuse("note type %q has no numeric id", m.Name)
			}
		}
		nt := Model{ID: id, Name: m.Name, Kind: ModelKind(m.Type)}
		sort.SliceStable(m.Flds, func(i, j int) bool { return m.Flds[i].Ord < m.Flds[j].Ord })
		for _, f := range m.Flds {
			nt.Fields = append(nt.Fields, f.Name)
		}
		sort.SliceStable(m.Tmpls, func(i, j int) bool { return m.Tmpls[i].Ord < m.Tmpls[j].Ord })
		for _, t := range m.Tmpls {
			nt.Templates = append(nt.Templates, Template{Name: t.Name, Front: t.Qfmt, Back: t.Afmt})
		}
		p.Models = append(p.Models, nt)
	}
	var ds map[string]struct {
		ID   json.Number `json:"id"`
		Name string      `json:"name"`
	}
	if err := json.Unmarshal([]byte(decks), &ds); err != nil {
		return refuse("the collection's decks (col.decks) are not valid JSON: %v", err)
	}
	keys = keys[:0]
	for k := range ds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		d := ds[key]
		id, err := d.ID.Int64()
		if err != nil {
			if _, serr := fmt.Sscan(key, &id); serr != nil {
				return refuse("deck %q has no numeric id", d.Name)
			}
		}
		p.Decks = append(p.Decks, Deck{ID: id, Name: d.Name})
	}
	return nil
}

func (p *Package) readNotetypes18(db *sql.DB) error {
	byID := map[int64]int{}
	rows, err := db.Query(`SELECT id, name, config FROM notetypes ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var nt Model
		var cfg []byte
		if err := rows.Scan(&nt.ID, &nt.Name, &cfg); err != nil {
			rows.Close()
			return err
		}
		kind, err := notetypeKind(cfg)
		if err != nil {
			rows.Close()
			return refuse("note type %q: its config is not valid: %v", nt.Name, err)
		}
		nt.Kind = ModelKind(kind)
		byID[nt.ID] = len(p.Models)
		p.Models = append(p.Models, nt)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	frows, err := db.Query(`SELECT ntid, name FROM fields ORDER BY ntid, ord`)
	if err != nil {
		return err
	}
	for frows.Next() {
		var id int64
		var name string
		if err := frows.Scan(&id, &name); err != nil {
			frows.Close()
			return err
		}
		if i, ok := byID[id]; ok {
			p.Models[i].Fields = append(p.Models[i].Fields, name)
		}
	}
	frows.Close()
	if err := frows.Err(); err != nil {
		return err
	}
	trows, err := db.Query(`SELECT ntid, name, config FROM templates ORDER BY ntid, ord`)
	if err != nil {
		return err
	}
	defer trows.Close()
	for trows.Next() {
		var id int64
		var t Template
		var cfg []byte
		if err := trows.Scan(&id, &t.Name, &cfg); err != nil {
			return err
		}
		if t.Front, t.Back, err = templateFormats(cfg); err != nil {
			return refuse("template %q: its config is not valid: %v", t.Name, err)
		}
		if i, ok := byID[id]; ok {
			p.Models[i].Templates = append(p.Models[i].Templates, t)
		}
	}
	return trows.Err()
}

func (p *Package) readDecks18(db *sql.DB) error {
	rows, err := db.Query(`SELECT id, name FROM decks ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d Deck
		if err := rows.Scan(&d.ID, &d.Name); err != nil {
			return err
		}
		// Schema 15 and later keep "::" as the unit separator.
		d.Name = strings.ReplaceAll(d.Name, "\x1f", "::")
		p.Decks = append(p.Decks, d)
	}
	return rows.Err()
}

func (p *Package) readNotes(db *sql.DB, models map[int64]bool) error {
	rows, err := db.Query(`SELECT id, guid, mid, tags, flds FROM notes ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n Note
		var tags, flds string
		if err := rows.Scan(&n.ID, &n.GUID, &n.ModelID, &tags, &flds); err != nil {
			return err
		}
		if !models[n.ModelID] {
			return refuse("note %d uses note type %d, which the collection does not have", n.ID, n.ModelID)
		}
		n.Tags = strings.Fields(tags)
		n.Fields = strings.Split(flds, "\x1f")
		p.Notes = append(p.Notes, n)
	}
	return rows.Err()
}

func (p *Package) readCards(db *sql.DB) error {
	notes := make(map[int64]bool, len(p.Notes))
	for _, n := range p.Notes {
		notes[n.ID] = true
	}
	rows, err := db.Query(`SELECT id, nid, did, odid, ord, type, queue, due, ivl, factor, reps, lapses FROM cards ORDER BY nid, ord`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c Card
		var odid int64
		if err := rows.Scan(&c.ID, &c.NoteID, &c.DeckID, &odid, &c.Ord, &c.Type, &c.Queue, &c.Due, &c.Ivl, &c.Factor, &c.Reps, &c.Lapses); err != nil {
			return err
		}
		if !notes[c.NoteID] {
			return refuse("card %d belongs to note %d, which the collection does not have", c.ID, c.NoteID)
		}
		if odid != 0 {
			// In a filtered deck: its home deck is the original one.
			c.DeckID = odid
		}
		p.Cards = append(p.Cards, c)
	}
	return rows.Err()
}

func (p *Package) readRevlog(db *sql.DB) error {
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM revlog`).Scan(&n); err != nil {
		return err
	}
	p.Reviews = make([]Review, 0, n)
	rows, err := db.Query(`SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r Review
		if err := rows.Scan(&r.ID, &r.CardID, &r.Ease, &r.Ivl, &r.LastIvl, &r.Factor, &r.TimeMS, &r.Kind); err != nil {
			return err
		}
		p.Reviews = append(p.Reviews, r)
	}
	return rows.Err()
}

// readMediaMap reads the media file: a JSON object {"0": "name.jpg"} in
// legacy packages, zstd-compressed MediaEntries in version 3. Every name
// is checked before anything is written.
func (p *Package) readMediaMap(files map[string]*zip.File) error {
	mf := files["media"]
	if mf == nil {
		return nil
	}
	data, err := readAllLimited(mf, 16<<20)
	if err != nil {
		return refuse("the media map is unreadable: %v", err)
	}
	if p.Version == VersionLatest {
		if bytes.HasPrefix(data, zstdMagic) {
			if data, err = zstdDecode(data, 16<<20); err != nil {
				return refuse("the media map is corrupt: %v", err)
			}
		}
		if p.Media, err = decodeMediaEntries(data); err != nil {
			return refuse("the media map is corrupt: %v", err)
		}
	} else {
		var m map[string]string
		if err := json.Unmarshal(bytes.TrimSpace(data), &m); err != nil {
			return refuse("the media map is not valid JSON: %v", err)
		}
		for k, v := range m {
			p.Media = append(p.Media, Media{Name: v, zipName: k})
		}
		sort.Slice(p.Media, func(i, j int) bool { return p.Media[i].Name < p.Media[j].Name })
	}
	seen := map[string]bool{}
	for _, m := range p.Media {
		if err := safeMediaName(m.Name); err != nil {
			return err
		}
		if seen[m.Name] {
			return refuse("the media map names %q twice; refusing the package", m.Name)
		}
		seen[m.Name] = true
		if files[m.zipName] == nil {
			return refuse("the media map names %q, but the package has no file %q for it", m.Name, m.zipName)
		}
	}
	return nil
}
