package content

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestOneLanguageFolderLoads: a learner's folder written only in English
// (or only in Korean) has no problems; its languages are the ones it has
// files for, and a learner reading the other language is shown what it has.
func TestOneLanguageFolderLoads(t *testing.T) {
	for _, tc := range []struct {
		dir        string
		has, other Lang
	}{
		{"testdata/en-only", EN, KO},
		{"testdata/ko-only", KO, EN},
	} {
		lib, err := LoadDir(tc.dir)
		if err != nil {
			t.Fatalf("%s: %v", tc.dir, err)
		}
		if got := lib.Langs(); !slices.Equal(got, []Lang{tc.has}) {
			t.Errorf("%s: Langs() = %v, want [%s]", tc.dir, got, tc.has)
		}
		if lib.Has(tc.other) || lib.In(tc.other) != tc.has {
			t.Errorf("%s: Has(%s) = %v, In(%s) = %s; want false, %s", tc.dir, tc.other, lib.Has(tc.other), tc.other, lib.In(tc.other), tc.has)
		}
		if n := lib.Note(tc.other, "sqs"); n == nil || n.Lang != tc.has {
			t.Errorf("%s: a %s reader gets note %+v, want the %s note", tc.dir, tc.other, n, tc.has)
		}
		if len(lib.Notes(tc.other)) == 0 || len(lib.Cards(tc.other)) == 0 {
			t.Errorf("%s: a %s reader sees %d notes and %d cards", tc.dir, tc.other, len(lib.Notes(tc.other)), len(lib.Cards(tc.other)))
		}
	}
}

// TestOneLanguageFolderStillChecksItsLanguage: the rules that are not
// about translation still apply to a one-language folder.
func TestOneLanguageFolderStillChecksItsLanguage(t *testing.T) {
	fsys := valid()
	for f := range fsys {
		if strings.Contains(f, "/ko/") {
			delete(fsys, f)
		}
	}
	fsys["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte(goodNote + "\nSee [x](note:lambda#nope).\n")}
	ps := load(t, fsys)
	someProblemContains(t, ps, "notes/en/lambda.md:12: link note:lambda#nope does not resolve")
	noProblemContains(t, ps, "missing translation", "meaning_ko")
}

// TestBilingualFolderPairsBothLanguages: once a folder has files in both
// languages, every item must be translated, as before.
func TestBilingualFolderPairsBothLanguages(t *testing.T) {
	fsys := valid()
	delete(fsys, "cards/ko/lambda.md")
	someProblemContains(t, load(t, fsys), "cards/en/lambda.md:5: missing translation: card \"card-lambda-max\" has no ko version")
}

// TestFactsFileIsOptionalInAFolder: a folder without facts.yaml loads; a
// fact it uses anyway is reported with what to do.
func TestFactsFileIsOptionalInAFolder(t *testing.T) {
	fsys := fstest.MapFS{"notes/en/lambda.md": {Data: []byte(strings.Replace(goodNote, "Runs {{fact \"lambda.timeout.max\"}}.", "Runs long.", 1))}}
	if _, err := Load(fsys); err != nil {
		t.Fatalf("a folder without facts.yaml: %v", err)
	}
	fsys["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte(goodNote)}
	someProblemContains(t, load(t, fsys), "notes/en/lambda.md:10: unknown fact \"lambda.timeout.max\": this folder has no facts.yaml")
}

// TestBuiltInContentHasBothLanguages: the built-in content is bilingual,
// and the check that keeps it so still fails when a language goes missing.
func TestBuiltInContentHasBothLanguages(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lib.Langs(), Langs) {
		t.Fatalf("built-in content is in %v, want %v", lib.Langs(), Langs)
	}
	english := fstest.MapFS{}
	fs.WalkDir(EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(p, "/ko/") {
			b, _ := fs.ReadFile(EmbeddedFS(), p)
			english[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	_, err = loadContent(english, true)
	ps, _ := err.(Problems)
	someProblemContains(t, ps, "missing translation")
	if _, err := Load(english); err != nil {
		t.Errorf("the same files as a folder should load in English only: %v", firstLines(err, 3))
	}
}

func firstLines(err error, n int) string {
	lines := strings.SplitN(err.Error(), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// TestCountOfAKoreanOnlyFolder: the totals count the language a folder
// has, and by_language does not count one language twice.
func TestCountOfAKoreanOnlyFolder(t *testing.T) {
	lib, err := LoadDir("testdata/ko-only")
	if err != nil {
		t.Fatal(err)
	}
	s := Count(lib)
	if s.Notes["ko"] != 1 || s.Notes["en"] != 0 || s.Cards.Total != 1 || s.Cards.ByLanguage["en"] != 0 || s.Sections != 1 {
		t.Errorf("Count = %+v", s)
	}
}

// TestFilesOutsideALanguageFolder: notes written straight into notes/
// are pointed to the folder that names their language.
func TestFilesOutsideALanguageFolder(t *testing.T) {
	ps := load(t, fstest.MapFS{"notes/sqs.md": {Data: []byte(goodNote)}, "notes/sns.md": {Data: []byte(goodNote)}})
	want := "notes/sns.md: notes/ holds 2 .md file(s) outside a language folder: move them to notes/en/ (or notes/ko/ for Korean)"
	if len(ps) != 1 || ps[0].String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", ps.Error(), want)
	}
}
