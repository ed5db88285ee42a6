package content

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// embeddedCopy returns the built-in files as a MapFS, to break on purpose.
func embeddedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestBuiltInCheckFailsOnBrokenContent: the check the tests run on the
// built-in content (CheckEmbedded's loadContent, bilingual) reports a
// broken link, a missing translation and an unknown fact in a copy of it,
// each at its file:line, so TestEmbeddedContentIsClean can fail.
func TestBuiltInCheckFailsOnBrokenContent(t *testing.T) {
	m := embeddedCopy(t)
	note := m["notes/en/lambda-limits.md"]
	note.Data = append(note.Data, "\nSee [x](note:lambda-limits#no-such-section) and {{fact \"lambda.no_such_fact\"}}.\n"...)
	delete(m, "notes/ko/dax.md")
	_, err := loadContent(m, true)
	if err == nil {
		t.Fatal("broken built-in content passed the check")
	}
	for _, want := range []string{"notes/en/lambda-limits.md:", "no-such-section", "lambda.no_such_fact", "dax"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("problems lack %q:\n%v", want, err)
		}
	}
}

// TestLazyBuiltInContentIsTheCheckedContent: what Embedded parses on
// demand is exactly what the full check loads: every note, question, card
// and lab in each language, in the same order, and the same version.
func TestLazyBuiltInContentIsTheCheckedContent(t *testing.T) {
	full, err := CheckEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := openLazy(files)
	if err != nil {
		t.Fatal(err)
	}
	if lazy.Version() != full.Version() {
		t.Errorf("version %s, the checked load says %s", lazy.Version(), full.Version())
	}
	if !reflect.DeepEqual(lazy.Facts(), full.Facts()) {
		t.Error("facts differ")
	}
	// One note by id first, as `notes ID --print` asks: it must be the
	// same note, and the same *Note once the rest are parsed.
	one := lazy.Note(KO, "lambda-limits")
	if one == nil || !reflect.DeepEqual(one, full.Note(KO, "lambda-limits")) {
		t.Fatalf("note by id = %+v", one)
	}
	lab := lazy.Lab(EN, "dynamodb-hot-key")
	if lab == nil || !reflect.DeepEqual(lab, full.Lab(EN, "dynamodb-hot-key")) {
		t.Fatalf("lab by id = %+v", lab)
	}
	for _, lang := range Langs {
		if !reflect.DeepEqual(lazy.Notes(lang), full.Notes(lang)) {
			t.Errorf("%s: notes differ", lang)
		}
		if !reflect.DeepEqual(lazy.Questions(lang), full.Questions(lang)) {
			t.Errorf("%s: questions differ", lang)
		}
		if !reflect.DeepEqual(lazy.Cards(lang), full.Cards(lang)) {
			t.Errorf("%s: cards differ", lang)
		}
		if !reflect.DeepEqual(lazy.Labs(lang), full.Labs(lang)) {
			t.Errorf("%s: labs differ", lang)
		}
		if len(lazy.Notes(lang)) == 0 || len(lazy.Questions(lang)) == 0 {
			t.Errorf("%s: nothing loaded", lang)
		}
	}
	if lazy.Note(KO, "lambda-limits") != one || lazy.Lab(EN, "dynamodb-hot-key") != lab {
		t.Error("a note or lab read alone was parsed again with the rest")
	}
	if !reflect.DeepEqual(Count(lazy), Count(full)) {
		t.Errorf("counts differ: %+v vs %+v", Count(lazy), Count(full))
	}
}

// TestNoteByIDNeedsNoOtherNote: asking the built-in content for one note
// (or lab) parses that note's file and no other.
func TestNoteByIDNeedsNoOtherNote(t *testing.T) {
	lazy, err := openLazy(files)
	if err != nil {
		t.Fatal(err)
	}
	if n := lazy.Note(EN, "dax"); n == nil || n.ID != "dax" {
		t.Fatalf("dax = %+v", n)
	}
	p := &lazy.lazy.parts[EN][partNotes]
	if p.done || len(p.byFile) != 1 {
		t.Errorf("parsed %d file(s) alone, whole part parsed: %v", len(p.byFile), p.done)
	}
	if l := lazy.Lab(EN, "dynamodb-hot-key"); l == nil || l.ID != "dynamodb-hot-key" {
		t.Fatalf("lab = %+v", l)
	}
	if p := &lazy.lazy.parts[EN][partLabs]; p.done || len(p.labByFile) != 1 {
		t.Errorf("labs: parsed %d file(s) alone, whole part parsed: %v", len(p.labByFile), p.done)
	}
	if lazy.Note(EN, "no-such-note") != nil {
		t.Error("an unknown id found a note")
	}
}
