package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeckExportAPKG: --apkg writes a package and says what it holds;
// flags that do not go together are refused before anything is written.
func TestDeckExportAPKG(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	tsv := filepath.Join(dir, "words.tsv")
	os.WriteFile(tsv, []byte("What is DAX?\tA cache for DynamoDB\tdynamodb\n"), 0o644)
	if code, _, errs := saa(t, "--db", db, "deck", "import", tsv); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	pkg := filepath.Join(dir, "out.apkg")
	code, _, errs := saa(t, "--db", db, "--lang", "en", "deck", "export", "--apkg", pkg, "--deck", "words")
	if code != 0 || !strings.Contains(errs, "exported 1 note, 1 card and 0 reviews in 1 deck to "+pkg) {
		t.Fatalf("export: exit %d, %q", code, errs)
	}
	zr, err := zip.OpenReader(pkg)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	zr.Close()
	if strings.Join(names, ",") != "collection.anki2,media" {
		t.Errorf("package holds %v", names)
	}
	code, _, errs = saa(t, "--db", db, "--lang", "en", "deck", "export", "--apkg", pkg, "--all", "--questions")
	if code != 0 || !strings.Contains(errs, "in 18 decks") {
		t.Fatalf("export --all: exit %d, %q", code, errs)
	}

	code, out, errs := saa(t, "--db", db, "--lang", "en", "deck", "export", "--apkg", "-", "--deck", "words")
	if code != 0 || !strings.HasPrefix(out, "PK\x03\x04") || !strings.Contains(errs, "to standard output") {
		t.Fatalf("--apkg -: exit %d, %d bytes, %q", code, len(out), errs)
	}
	if zr, err := zip.NewReader(strings.NewReader(out), int64(len(out))); err != nil || len(zr.File) != 2 {
		t.Errorf("--apkg - wrote no package: %v", err)
	}

	for _, bad := range [][]string{
		{"deck", "export", "--apkg", filepath.Join(dir, "x.apkg"), "--all", "--deck", "words"},
		{"deck", "export", filepath.Join(dir, "x.tsv"), "--questions"},
		{"deck", "export", "--apkg", filepath.Join(dir, "x.apkg"), "--deck", "nope"},
		{"deck", "export", "--apkg", filepath.Join(dir, "x.apkg"), "extra-arg"},
	} {
		code, _, errs := saa(t, append([]string{"--db", db}, bad...)...)
		if code == 0 || strings.Count(strings.TrimSpace(errs), "\n") > 3 {
			t.Errorf("%v: exit %d, %q", bad, code, errs)
		}
		if _, err := os.Stat(filepath.Join(dir, "x.apkg")); err == nil {
			t.Errorf("%v: wrote a package", bad)
		}
	}
}
