package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOneLanguageFolderEndToEnd: a learner's English-only folder passes
// lint, lists and prints its notes for a Korean learner (with a note on
// standard error saying it is English only), and is added as a deck with
// its cards counted once.
func TestOneLanguageFolderEndToEnd(t *testing.T) {
	dir, err := filepath.Abs("../../content/testdata/en-only")
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errs := saa(t, "lint", dir); code != 0 || !strings.Contains(errs, "no problems (it is in English only;") {
		t.Fatalf("lint: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs := saa(t, "--content", dir, "--lang", "ko", "notes", "--list")
	if code != 0 || out != "sqs\tSQS basics\nsns\tSNS basics\n" {
		t.Errorf("notes --list: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if !strings.Contains(errs, "is written in English only, so it is shown in English") {
		t.Errorf("notes --list: no note that the folder is English only: %q", errs)
	}
	code, out, _ = saa(t, "--content", dir, "--lang", "ko", "notes", "sqs", "--print", "--width", "60")
	if code != 0 || !strings.Contains(out, "Queues decouple producers") {
		t.Errorf("notes --print: exit %d\n%s", code, out)
	}
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errs = saa(t, "--db", db, "--lang", "ko", "deck", "add", dir, "--id", "mine")
	if code != 0 || !strings.Contains(out, "2 cards and 1 question, in English") {
		t.Errorf("deck add: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, _ = saa(t, "--db", db, "--lang", "ko", "deck", "export", "-", "--deck", "mine")
	if code != 0 || strings.Count(out, "saa-study mine") != 2 {
		t.Errorf("deck export of the English deck for a Korean learner: exit %d\n%s", code, out)
	}
}
