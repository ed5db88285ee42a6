package anki

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"

	"github.com/saa-study/saa-study/anki/ankitest"
)

func writeSample(t *testing.T, p *ankitest.Package) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.apkg")
	if err := p.Write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// The same collection reads the same from the three generations of
// package: legacy schema 11 (anki2, anki21) and zstd schema 18 (anki21b).
func TestReadSampleEveryVersion(t *testing.T) {
	var first []ImportCard
	for _, v := range []int{VersionLegacy1, VersionLegacy2, VersionLatest} {
		p, err := Open(writeSample(t, ankitest.Sample(v)), Limits{})
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		defer p.Close()
		wantSchema := map[int]int{1: 11, 2: 11, 3: 18}[v]
		if p.Version != v || p.Schema != wantSchema {
			t.Errorf("version %d: read version %d schema %d", v, p.Version, p.Schema)
		}
		cards := p.ImportCards()
		if first == nil {
			first = cards
			continue
		}
		if !reflect.DeepEqual(cards, first) {
			t.Errorf("version %d reads differently:\n%+v\nwant\n%+v", v, cards, first)
		}
	}
	byID := map[int64]ImportCard{}
	for _, c := range first {
		byID[c.AnkiID] = c
	}
	if c := byID[101]; c.Deck != "SAA::Lambda" || c.Front != "Lambda's **maximum** timeout?" ||
		!strings.HasPrefix(c.Back, "900 seconds") || len(c.Reviews) != 4 || strings.Join(c.Media, ",") != "timeout.png" {
		t.Errorf("card 101 = %+v", c)
	}
	c1, c2 := byID[201], byID[202]
	wantCloze := "An item is at most {{c1::400 KB}}; a partition key at most {{c2::2048 bytes}}."
	if !c1.Cloze || c1.Front != wantCloze || c1.Back != "Both are hard limits." || c1.ClozeN() != "1" || c2.ClozeN() != "2" {
		t.Errorf("cloze cards %+v %+v", c1, c2)
	}
	if len(c1.Reviews) != 1 || c1.Reviews[0].ID != ankitest.Day0+5*86400000 {
		t.Errorf("card 201 replays %+v; want only the answer after Forget", c1.Reviews)
	}
	if w := byID[301]; w.Front != "w1\n\nw2" || w.Back != "w3\n\nw20" || !w.Suspended {
		t.Errorf("20-field card: front %q back %q suspended %v", w.Front, w.Back, w.Suspended)
	}
	if a, b := byID[401], byID[402]; a.Front != "CloudFront Functions" || b.Front != "viewer triggers only" || b.Back != "CloudFront Functions" || len(b.Reviews) != 0 {
		t.Errorf("reversed cards %+v %+v", a, b)
	}
}

// Media of a version-3 package are zstd-compressed in the zip and written
// plain into the deck folder.
func TestCopyMediaLatest(t *testing.T) {
	p, err := Open(writeSample(t, ankitest.Sample(VersionLatest)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	dir := t.TempDir()
	m, ok := p.MediaByName("timeout.png")
	if !ok {
		t.Fatal("no timeout.png")
	}
	if w, err := p.CopyMedia(m, dir); err != nil || !w {
		t.Fatalf("copy: %v %v", w, err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "timeout.png"))
	if string(got) != "\x89PNG not really" {
		t.Errorf("copied %q", got)
	}
	if w, err := p.CopyMedia(m, dir); err != nil || w {
		t.Errorf("second copy wrote %v (%v); want nothing written", w, err)
	}
}

// Each broken package gives one line that says what is wrong.
func TestReadBadPackages(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pkg := func(name string, edit func(p *ankitest.Package)) string {
		p := ankitest.Sample(VersionLatest)
		edit(p)
		path := filepath.Join(dir, name)
		if err := p.Write(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	zipOf := func(name string, files map[string]string) string {
		p := &ankitest.Package{Version: 1, CollectionBytes: []byte(files["collection.anki2"])}
		path := filepath.Join(dir, name)
		if err := p.Write(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cases := []struct {
		name, path, want string
		lim              Limits
	}{
		{"not a zip", file("notes.apkg", []byte("front,back\n")), "not an Anki package: it is not a zip file", Limits{}},
		{"zip without a collection", func() string {
			p := pkg("x.apkg", func(p *ankitest.Package) {})
			return rezip(t, p, dir, "nocoll.apkg", "meta", "collection.anki21b", "collection.anki2")
		}(), "not an Anki package: the zip holds no collection", Limits{}},
		{"corrupt collection", zipOf("corrupt.apkg", map[string]string{"collection.anki2": "SQLite format 3\x00" + strings.Repeat("garbage", 200)}), "the collection (collection.anki2) is corrupt", Limits{}},
		{"collection not SQLite", zipOf("text.apkg", map[string]string{"collection.anki2": "hello"}), "is corrupt: it is not an SQLite database", Limits{}},
		{"corrupt zstd", pkg("zstd.apkg", func(p *ankitest.Package) { p.CollectionBytes = []byte{0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3} }), "corrupt", Limits{}},
		{"unknown schema", pkg("schema.apkg", func(p *ankitest.Package) { p.Schema = 19 }), "collection schema 19 is unknown", Limits{}},
		{"unknown package version", pkg("meta.apkg", func(p *ankitest.Package) { p.MetaBytes = []byte{0x08, 0x04} }), "package version 4 is unknown", Limits{}},
		{"too large", pkg("big.apkg", func(p *ankitest.Package) {}), "packages up to 0 MiB are imported", Limits{Package: 100}},
		{"collection too large", pkg("bigcoll.apkg", func(p *ankitest.Package) {}), "larger than 0 MiB once unpacked", Limits{Collection: 4096}},
		{"absolute media path", pkg("abs.apkg", func(p *ankitest.Package) { p.Media = []ankitest.Media{{Name: "/tmp/evil", Data: []byte("x")}} }), `"/tmp/evil", a path outside the deck folder`, Limits{}},
		{"dot-dot media path", pkg("dots.apkg", func(p *ankitest.Package) { p.Media = []ankitest.Media{{Name: "..", Data: []byte("x")}} }), `names a file ".."`, Limits{}},
		{"missing media file", func() string {
			p := pkg("m.apkg", func(p *ankitest.Package) {})
			return rezip(t, p, dir, "nomedia.apkg", "0")
		}(), `the package has no file "0"`, Limits{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Open(c.path, c.lim)
			if err == nil {
				p.Close()
				t.Fatalf("opened; want an error with %q", c.want)
			}
			if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %q; want one line with %q", err, c.want)
			}
		})
	}
}

// A media entry converted from a legacy map keeps its zip member name in
// field 255; others are named by their index.
func TestDecodeMediaEntries(t *testing.T) {
	entry := func(name string, legacy int) []byte {
		var e []byte
		e = protowire.AppendTag(e, 1, protowire.BytesType)
		e = protowire.AppendString(e, name)
		if legacy >= 0 {
			e = protowire.AppendTag(e, 255, protowire.VarintType)
			e = protowire.AppendVarint(e, uint64(legacy))
		}
		out := protowire.AppendTag(nil, 1, protowire.BytesType)
		return protowire.AppendBytes(out, e)
	}
	b := append(entry("a.png", -1), entry("b.mp3", 7)...)
	ms, err := decodeMediaEntries(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Name != "a.png" || ms[0].zipName != "0" || ms[1].Name != "b.mp3" || ms[1].zipName != "7" {
		t.Errorf("entries %+v", ms)
	}
	if _, err := decodeMediaEntries([]byte{0x0a, 0x05, 0x0a}); err == nil {
		t.Error("a truncated map decoded")
	}
}
