package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/saa-study/saa-study/content"
)

// saa runs the command line in process and returns its exit code and output.
func saa(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestNoTerminalExitsTwoWithTheTwin(t *testing.T) {
	for _, args := range [][]string{nil, {"notes"}, {"study"}, {"stats"}} {
		code, out, errs := saa(t, args...)
		if code != 2 || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want 2 and nothing on stdout", args, code, out)
		}
		if lines := strings.Count(strings.TrimSpace(errs), "\n"); lines != 0 || !strings.Contains(errs, "not a terminal") {
			t.Errorf("%v: want one line naming the problem, got %q", args, errs)
		}
	}
}

func TestGarbageProgressFileIsRefusedAndUntouched(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(db, []byte("garbage"), 0o644)
	before := sha256.Sum256([]byte("garbage"))
	code, _, errs := saa(t, "--db", db, "stats")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, db) || !strings.Contains(errs, "--db") {
		t.Fatalf("want one line naming the file and what to do, got %q", errs)
	}
	b, _ := os.ReadFile(db)
	if sha256.Sum256(b) != before {
		t.Fatal("the refused file was modified")
	}
}

func TestNotesListAndPrint(t *testing.T) {
	code, out, errs := saa(t, "notes", "--list")
	if code != 0 {
		t.Fatalf("notes --list: exit %d: %s", code, errs)
	}
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		id, title, ok := strings.Cut(l, "\t")
		if !ok || id == "" || title == "" {
			t.Fatalf("line %q is not id<TAB>title", l)
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		t.Fatal("no notes listed")
	}
	for _, lang := range []string{"en", "ko"} {
		for _, id := range ids {
			code, out, errs := saa(t, "notes", id, "--print", "--width", "60", "--lang", lang)
			if code != 0 {
				t.Fatalf("%s %s: exit %d: %s", lang, id, code, errs)
			}
			if strings.Contains(out, "\x1b") {
				t.Errorf("%s %s: escape sequences in output to a non-terminal", lang, id)
			}
			for _, l := range strings.Split(out, "\n") {
				if w := runewidth.StringWidth(ansi.Strip(l)); w > 60 && !strings.HasPrefix(strings.TrimSpace(l), "|") {
					t.Errorf("%s %s: line of %d cells: %q", lang, id, w, l)
				}
			}
		}
	}
	if code, _, errs := saa(t, "notes", "no-such-note", "--print"); code != 1 || !strings.Contains(errs, "notes --list") {
		t.Errorf("unknown note: exit %d, %q", code, errs)
	}
}

func TestLintBrokenFolderNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "notes", "en"), 0o755)
	os.WriteFile(filepath.Join(dir, "facts.yaml"), []byte("- id: a.b\n  value: 1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes", "en", "x.md"), []byte("---\nid: x\ntitle: X\n---\n\n## No id\n"), 0o644)
	code, out, _ := saa(t, "lint", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{filepath.Join(dir, "facts.yaml") + ":1: fact \"a.b\" has no meaning", filepath.Join(dir, "notes", "en", "x.md") + ":6: section \"No id\" has no id"} {
		if !strings.Contains(out, want) {
			t.Errorf("lint output lacks %q:\n%s", want, out)
		}
	}
	// The app refuses the same folder with the same lines.
	code, _, errs := saa(t, "--content", dir, "notes", "--list")
	if code != 1 || !strings.Contains(errs, "x.md:6:") {
		t.Errorf("--content broken: exit %d, %q", code, errs)
	}
}

func TestContentFactsJSON(t *testing.T) {
	code, out, errs := saa(t, "content", "facts", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var facts []map[string]any
	if err := json.Unmarshal([]byte(out), &facts); err != nil {
		t.Fatal(err)
	}
	if len(facts) < 60 {
		t.Fatalf("%d facts, want at least 60", len(facts))
	}
	for _, k := range []string{"id", "value", "unit", "meaning", "source", "checked"} {
		if _, ok := facts[0][k]; !ok {
			t.Errorf("fact lacks key %q: %v", k, facts[0])
		}
	}
}

func TestBadFlagsAreMisuse(t *testing.T) {
	if code, _, _ := saa(t, "--lang", "fr", "notes", "--list"); code != 2 {
		t.Errorf("--lang fr: exit %d, want 2", code)
	}
	if code, _, _ := saa(t, "--no-such-flag"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := saa(t, "version")
	if code != 0 || !strings.Contains(out, "commit") || !strings.Contains(out, "content") {
		t.Fatalf("version: exit %d, %q", code, out)
	}
}

// TestCLIPolish: a missing argument names the usage, a printed note has
// no padding at the ends of its lines, and one long fact value does not
// push every source far to the right.
func TestCLIPolish(t *testing.T) {
	code, _, errs := saa(t, "backup")
	if code != 2 || !strings.Contains(errs, "usage: saa-study backup FILE") {
		t.Errorf("backup without FILE: exit %d, %q; want 2 and the usage", code, errs)
	}
	if code, _, errs := saa(t, "study"); code != 2 || !strings.Contains(errs, "notes ID --print") {
		t.Errorf("study without a terminal: exit %d, %q; want 2 and the notes twin", code, errs)
	}
	code, out, errs := saa(t, "--db", filepath.Join(t.TempDir(), "p.db"), "deck", "list")
	if code != 0 || out != "" || !strings.Contains(errs, "deck add") {
		t.Errorf("deck list with no decks: exit %d, stdout %q, stderr %q; want 0, nothing, and a hint", code, out, errs)
	}
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "mine.csv")
	os.WriteFile(csvFile, []byte("front,back\nWhat is 2+2?,4\n"), 0o644)
	db := filepath.Join(dir, "p.db")
	if code, out, errs := saa(t, "--db", db, "deck", "import", csvFile); code != 0 || !strings.HasSuffix(out, "imported 1 card\n") {
		t.Errorf("deck import: exit %d, %q, %q; want \"imported 1 card\"", code, out, errs)
	}
	if code, _, errs := saa(t, "--db", db, "deck", "export", filepath.Join(dir, "out.tsv")); code != 0 || !strings.Contains(errs, "exported ") {
		t.Errorf("deck export: exit %d, %q; want a line saying what was written", code, errs)
	}
	os.MkdirAll(filepath.Join(dir, "notes", "en"), 0o755)
	note := filepath.Join(dir, "notes", "en", "x.md")
	os.WriteFile(note, []byte("---\nid: x\ntitle: X\n---\n\n## A {#a}\n\nText.\n"), 0o644)
	if code, _, errs := saa(t, "lint", note); code != 2 || !strings.Contains(errs, "saa-study lint DIR") {
		t.Errorf("lint on a note file: exit %d, %q; want 2 and a pointer to the folder", code, errs)
	}
	code, out, errs = saa(t, "notes", "lambda", "--print", "--width", "60")
	if code != 0 {
		t.Fatalf("notes --print: exit %d: %s", code, errs)
	}
	if strings.HasPrefix(out, "\n") {
		t.Errorf("a printed note starts with a blank line")
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Fatalf("a printed line ends in spaces: %q", l)
		}
	}
	code, out, errs = saa(t, "content", "facts")
	if code != 0 {
		t.Fatalf("content facts: exit %d: %s", code, errs)
	}
	short := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if runewidth.StringWidth(l) <= 200 {
			short++
		}
	}
	if lines := strings.Count(out, "\n"); short < lines*9/10 {
		t.Errorf("only %d of %d fact lines fit 200 columns", short, lines)
	}
}

// TestNotesIDOpensTheNoteOrNamesItsTwin: `notes ID` opens the reader on
// that note; without a terminal it names the command that prints it.
func TestNotesIDOpensTheNoteOrNamesItsTwin(t *testing.T) {
	code, out, errs := saa(t, "notes", "lambda-limits")
	if code != 2 || out != "" || !strings.Contains(errs, "not a terminal") || !strings.Contains(errs, "saa-study notes lambda-limits --print") {
		t.Fatalf("exit %d, stderr %q; want 2 naming saa-study notes lambda-limits --print", code, errs)
	}
}

// TestNotesListIsEveryNoteInReadingOrder: `notes --list` prints every note
// of the language, id<TAB>title, in the order of the fully parsed
// library, for the built-in content and for a content folder.
func TestNotesListIsEveryNoteInReadingOrder(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []content.Lang{content.EN, content.KO} {
		var want strings.Builder
		for _, n := range lib.Notes(lang) {
			fmt.Fprintf(&want, "%s\t%s\n", n.ID, n.Title)
		}
		code, out, errs := saa(t, "--lang", string(lang), "notes", "--list")
		if code != 0 || out != want.String() {
			t.Errorf("%s: exit %d (%s)\n got %q\nwant %q", lang, code, errs, out, want.String())
		}
	}
	dir := t.TempDir()
	for _, f := range []struct{ name, body string }{
		{"notes/en/b.md", "---\nid: b\ntitle: First by order\norder: 1\n---\n\n# First by order\n\n## Only {#only}\n\nText.\n"},
		{"notes/en/a.md", "---\nid: a\ntitle: Second by order\norder: 2\n---\n\n# Second by order\n\n## Only {#only}\n\nText.\n"},
	} {
		p := filepath.Join(dir, f.name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(f.body), 0o644)
	}
	code, out, errs := saa(t, "--content", dir, "--lang", "en", "notes", "--list")
	if want := "b\tFirst by order\na\tSecond by order\n"; code != 0 || out != want {
		t.Errorf("content folder: exit %d (%s)\n got %q\nwant %q", code, errs, out, want)
	}
}
