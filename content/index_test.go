package content

import (
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"
)

// scannedIndex is the index of a fresh lazy library over fsys, scanned
// before anything is parsed.
func scannedIndex(t *testing.T, fsys fstest.MapFS, lang Lang) *Index {
	t.Helper()
	lib, _ := openLazy(fsys)
	ix := lib.Index(lang)
	for i := range lib.lazy.parts[lang] {
		if lib.lazy.parts[lang][i].done {
			t.Fatal("the index parsed a part of the content")
		}
	}
	return ix
}

// TestIndexIsTheParsedContent: the index the home screen counts and
// schedules from, scanned without parsing, lists the same notes,
// questions and cards (ids, topics, domains, sections, cloze numbers), in
// the same order, and the same number of facts as the full parse, in
// every language.
func TestIndexIsTheParsedContent(t *testing.T) {
	full, err := CheckEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	m := embeddedCopy(t)
	for _, lang := range Langs {
		got, want := scannedIndex(t, m, lang), indexOf(full, lang)
		if len(want.Questions) == 0 || len(want.Cards) == 0 || want.Facts == 0 {
			t.Fatalf("%s: nothing to compare", lang)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: scanned index differs from the parsed content\n%s", lang, indexDiff(got, want))
		}
		// Once parsed, the index is read from the parsed items.
		lib, _ := openLazy(m)
		lib.Questions(lang)
		lib.Cards(lang)
		lib.Notes(lang)
		if got := lib.Index(lang); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: index after parsing differs\n%s", lang, indexDiff(got, want))
		}
	}
}

// TestIndexScanFollowsTheMarkdown: a "## " line inside fenced code is not
// an item, a card with Q:/A: has no cloze numbers even when its answer
// shows a cloze mark, a cloze card counts each number once, and a quiz
// file's items belong to the quiz. indexOf over the parsed folder agrees.
func TestIndexScanFollowsTheMarkdown(t *testing.T) {
	fsys := fstest.MapFS{
		"facts.yaml":        {Data: []byte("- id: a.b\n  value: 1\n  meaning: \"One.\"\n  checked: 2026-11-01\n  source: \"https://docs.aws.amazon.com/x\"\n")},
		"notes/en/n.md":     {Data: []byte("---\nid: n\ntitle: N\norder: 2\n---\n\n## One {#one}\n\nText.\n")},
		"notes/en/m.md":     {Data: []byte("---\nid: m\ntitle: M\norder: 1\n---\n\n## One {#one}\n\nText.\n")},
		"questions/en/n.md": {Data: []byte("---\ntopic: n\n---\n\n## q-one\ndomain: cost\ndifficulty: 1\nchoose: 1\nsection: n#one\n\nWhich one?\n\n```\n## not-a-question\n```\n\n- [x] A\n  Right: yes.\n- [ ] B\n  Wrong: no.\n- [ ] C\n  Wrong: no.\n- [ ] D\n  Wrong: no.\n")},
		"cards/en/n.md":     {Data: []byte("---\ntopic: n\n---\n\n## c-qa\nsection: n#one\n\nQ: What?\n\nA: The {{c1::x}} mark is shown as written.\n\n## c-cloze\nsection: m#one\n\n{{c2::a}} then {{c1::b}} and {{c2::c}}.\n")},
	}
	ix := scannedIndex(t, fsys, EN)
	want := &Index{
		Notes:     []string{"m", "n"},
		Questions: []IndexItem{{ID: "q-one", Topic: "n", Domain: "cost", Section: "n#one"}},
		Cards:     []IndexItem{{ID: "c-qa", Topic: "n", Section: "n#one"}, {ID: "c-cloze", Topic: "n", Section: "m#one", Cloze: []string{"2", "1"}}},
		Facts:     1,
	}
	if !reflect.DeepEqual(ix, want) {
		t.Errorf("scanned index\n%s", indexDiff(ix, want))
	}
	lib, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := lib.Index(EN); !reflect.DeepEqual(got, want) {
		t.Errorf("index of the parsed folder\n%s", indexDiff(got, want))
	}
}

func indexDiff(got, want *Index) string {
	return fmt.Sprintf("got  %+v\nwant %+v", got, want)
}

// FuzzMetaLine: the index's reading of a metadata line agrees with
// metaLineRe, the parser's, on any line.
func FuzzMetaLine(f *testing.F) {
	f.Add("domain: secure")
	f.Add("section:lambda-limits#memory")
	f.Add("Domain: x")
	f.Add("a b: c")
	f.Add(":x")
	f.Add("key:\t \tv ")
	f.Fuzz(func(t *testing.T, line string) {
		key, value, ok := metaLine([]byte(line))
		m := metaLineRe.FindStringSubmatch(line)
		if ok != (m != nil) || ok && (key != m[1] || string(value) != m[2]) {
			t.Fatalf("%q: metaLine %q %q %v, metaLineRe %q", line, key, value, ok, m)
		}
	})
}
