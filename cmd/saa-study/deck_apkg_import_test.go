package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeckImportAPKG: an Anki package is told from CSV by its extension
// or its zip magic, imports once, changes nothing the second time, and a
// refused package is one line with exit status 1 and nothing written.
func TestDeckImportAPKG(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	pkg := filepath.Join("..", "..", "anki", "testdata", "peer-writer", "basic.apkg")
	code, out, errs := saa(t, "--db", db, "deck", "import", pkg)
	if code != 0 || !strings.Contains(out, "1 new deck, 3 notes, 3 cards added or changed, 0 reviews, 1 media file; 0 cards unchanged") {
		t.Fatalf("import: exit %d, %q %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "decks", "basic", "lambda-diagram.png")); err != nil {
		t.Errorf("the picture is not in the deck folder beside the progress file: %v", err)
	}
	// The same package under a name without an extension: the zip magic says what it is.
	data, _ := os.ReadFile(pkg)
	noext := filepath.Join(dir, "download")
	os.WriteFile(noext, data, 0o600)
	code, out, errs = saa(t, "--db", db, "deck", "import", noext, "--deck-dir", filepath.Join(dir, "decks", "basic"))
	if code != 0 || !strings.Contains(out, "0 new decks, 3 notes, 0 cards added or changed, 0 reviews, 0 media files; 3 cards unchanged") {
		t.Fatalf("second import: exit %d, %q %q", code, out, errs)
	}
	code, out, errs = saa(t, "--db", db, "deck", "import", filepath.Join("..", "..", "anki", "testdata", "peer-writer", "zipslip.apkg"))
	if code != 1 || out != "" || !strings.Contains(errs, `"../../saa-zip-slip.txt", a path outside the deck folder`) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Fatalf("zip slip: exit %d, %q %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "decks", "zipslip")); err == nil {
		t.Error("a refused package left a deck folder")
	}
}

// A package over --max-size is refused by name, before it is read.
func TestDeckImportAPKGTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.apkg")
	f, _ := os.Create(big)
	f.Truncate(2<<20 + 1)
	f.Close()
	code, _, errs := saa(t, "--db", filepath.Join(dir, "p.db"), "deck", "import", big, "--max-size", "2")
	if code != 1 || !strings.Contains(errs, "big.apkg is 2 MiB; packages up to 2 MiB are imported (--max-size raises the limit") {
		t.Fatalf("exit %d, %q", code, errs)
	}
}
