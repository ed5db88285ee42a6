package content

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFactEntriesAreTheParsedFacts: each fact of the built-in facts.yaml,
// parsed from its own entry, is the fact the whole file's parse gives,
// line included, and no entry is missed.
func TestFactEntriesAreTheParsedFacts(t *testing.T) {
	src, err := files.ReadFile("facts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c := &collector{}
	all := parseFacts("facts.yaml", src, Langs, c)
	if len(all) == 0 || len(c.ps) > 0 {
		t.Fatalf("%d facts, problems %v", len(all), c.ps)
	}
	var fe factEntries
	for _, want := range all {
		got, ok := fe.fact(files, want.ID)
		if !ok || !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: got %+v, want %+v", want.ID, got, want)
		}
	}
	if len(fe.at) != len(all) {
		t.Errorf("found %d entries, the file has %d facts", len(fe.at), len(all))
	}
	if _, ok := fe.fact(files, "no.such.fact"); ok {
		t.Error("found a fact that does not exist")
	}
	// Read together, as a note's facts are, they are the same facts.
	var together factEntries
	var ids []string
	for _, f := range all {
		ids = append(ids, f.ID)
	}
	slices.Reverse(ids)
	together.prefetch(files, append(ids, "no.such.fact", ids[0]))
	if len(together.parsed) != len(all) {
		t.Fatalf("prefetch parsed %d of %d facts", len(together.parsed), len(all))
	}
	for _, want := range all {
		if got := together.parsed[want.ID]; got == nil || !reflect.DeepEqual(*got, want) {
			t.Errorf("%s read together: got %+v, want %+v", want.ID, got, want)
		}
	}
}

// TestFactEntriesOfAnOddFile: a quoted id, comments and blank lines
// between entries, and a last entry without a final newline.
func TestFactEntriesOfAnOddFile(t *testing.T) {
	src := "# facts\n\n- id: \"a.b\"\n  value: 1\n  meaning: m\n  meaning_ko: k\n  source: \"https://x\"\n  checked: 2026-01-02\n\n# next\n- id: c.d\n  value: two words\n  meaning: m\n  meaning_ko: k\n  source: \"https://y\"\n  checked: 2026-01-02"
	fsys := fstest.MapFS{"facts.yaml": {Data: []byte(src)}}
	var fe factEntries
	ab, ok1 := fe.fact(fsys, "a.b")
	cd, ok2 := fe.fact(fsys, "c.d")
	if !ok1 || !ok2 {
		t.Fatalf("a.b %v, c.d %v", ok1, ok2)
	}
	if ab.Line != 3 || ab.Number != 1 || cd.Line != 11 || cd.Value != "two words" || cd.Source != "https://y" {
		t.Errorf("a.b %+v\nc.d %+v", ab, cd)
	}
	var together factEntries
	together.prefetch(fsys, []string{"c.d", "a.b"})
	if got := together.parsed["a.b"]; got == nil || !reflect.DeepEqual(*got, *ab) {
		t.Errorf("a.b read together: %+v", got)
	}
	if got := together.parsed["c.d"]; got == nil || !reflect.DeepEqual(*got, *cd) {
		t.Errorf("c.d read together: %+v", got)
	}
}

// FuzzFactEntries: on any facts file, finding entries never panics, and a
// fact found by id has that id and a line inside the file.
func FuzzFactEntries(f *testing.F) {
	f.Add("- id: a.b\n  value: 1\n", "a.b")
	f.Add("# c\n- id: \"a.b\"\n  value: x\n- id: c.d\n  value: [1\n", "c.d")
	f.Add("- id:\n- id: a.b", "a.b")
	f.Fuzz(func(t *testing.T, src, id string) {
		fsys := fstest.MapFS{"facts.yaml": {Data: []byte(src)}}
		var fe factEntries
		got, ok := fe.fact(fsys, id)
		if ok && (got.ID != id || got.Line < 1 || got.Line > strings.Count(src, "\n")+1) {
			t.Fatalf("fact(%q) = %+v", id, got)
		}
		for e := range fe.at {
			fe.fact(fsys, e)
		}
	})
}
