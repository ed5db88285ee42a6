package content

import (
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"
)

// noteShown is what the program shows of a note and what refers to it.
func noteShown(n *Note) string {
	return fmt.Sprintf("id=%s lang=%s title=%q order=%d related=%v at %v file=%s facts=%v\nsections=%+v\nbody:\n%s",
		n.ID, n.Lang, n.Title, n.Order, n.Related, n.relatedLines, n.File, n.Facts, n.Sections, n.Body)
}

// TestLightNotesAreTheParsedNotes: a start reads a built-in note without
// checking it (its sections from the heading lines alone); every note in
// every language comes out as the full, checked parse has it: title,
// sections with their ids, titles and lines, facts filled in, body.
func TestLightNotesAreTheParsedNotes(t *testing.T) {
	full, err := CheckEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Langs {
		lib, _ := openLazy(embeddedCopy(t))
		want := full.Notes(lang)
		if len(want) == 0 {
			t.Fatalf("%s: no notes", lang)
		}
		for _, w := range want {
			g := lib.Note(lang, w.ID)
			if g == nil {
				t.Errorf("%s/%s: not found", lang, w.ID)
				continue
			}
			if gs, ws := noteShown(g), noteShown(w); gs != ws {
				t.Errorf("%s/%s: read at start differs from the checked parse\n got %.600s\nwant %.600s", lang, w.ID, gs, ws)
			}
		}
		// All notes at once (the notes list) agree as well.
		if got := lib.Notes(lang); len(got) != len(want) {
			t.Errorf("%s: %d notes, want %d", lang, len(got), len(want))
		}
	}
}

// TestHeadingSectionsFollowTheMarkdown: the heading scan skips "## " lines
// in fenced code (backticks and tildes, a longer closing fence), keeps
// level 2 and 3 only, fills facts into a title and drops Markdown marks,
// and numbers lines as the body has them.
func TestHeadingSectionsFollowTheMarkdown(t *testing.T) {
	fsys := fstest.MapFS{
		"facts.yaml": {Data: []byte("- id: a.b\n  value: 15\n  unit: minutes\n  meaning: \"One.\"\n  checked: 2026-11-01\n  source: \"https://docs.aws.amazon.com/x\"\n")},
	}
	lib, _ := openLazy(fsys)
	ld := lib.lazy.loader()
	body := "intro\n\n## First `code` *here* {#first}\n\n```\n## not a heading {#no}\n```\n\n~~~~\n~~~\n## still code {#no2}\n~~~~\n\n### Up to {{fact \"a.b\"}} {#second}\n\n#### Too deep {#deep}\n\n## No id\n"
	got := headingSections(body, EN, "notes/en/x.md", 5, ld)
	want := []Section{
		{ID: "first", Title: "First code here", Level: 2, Line: 7, BodyLine: 2},
		{ID: "second", Title: "Up to 15 minutes", Level: 3, Line: 18, BodyLine: 13},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections\n got %+v\nwant %+v", got, want)
	}
}

// TestNoteHeadsAreTheParsedNotes: a link's title and section, read from
// the linked note's front matter and headings without reading the note,
// are the full parse's; a note already read gives its own, an unknown id
// nil.
func TestNoteHeadsAreTheParsedNotes(t *testing.T) {
	full, err := CheckEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Langs {
		lib, _ := openLazy(embeddedCopy(t))
		for _, w := range full.Notes(lang) {
			want := &NoteHead{ID: w.ID, Title: w.Title, Sections: w.Sections}
			if got := lib.NoteHead(lang, w.ID); !reflect.DeepEqual(got, want) {
				t.Errorf("%s/%s: head\n got %+v\nwant %+v", lang, w.ID, got, want)
			}
		}
		p := &lib.lazy.parts[lang][partNotes]
		var heads []*NoteHead
		for _, w := range full.Notes(lang) {
			heads = append(heads, &NoteHead{ID: w.ID, Title: w.Title, Sections: w.Sections})
		}
		fresh, _ := openLazy(embeddedCopy(t))
		if got := fresh.NoteHeads(lang); !reflect.DeepEqual(got, heads) {
			t.Errorf("%s: NoteHeads is not every note's head in reading order", lang)
		}
		if fp := &fresh.lazy.parts[lang][partNotes]; fp.done || len(fp.byFile) > 0 {
			t.Errorf("%s: listing the heads read notes", lang)
		}
		if p.done || len(p.byFile) > 0 {
			t.Errorf("%s: reading heads read notes", lang)
		}
		if lib.NoteHead(lang, "no-such-note") != nil {
			t.Errorf("%s: a head for an unknown note", lang)
		}
		n := lib.Note(lang, full.Notes(lang)[0].ID)
		if got := lib.NoteHead(lang, n.ID); got.Title != n.Title || !reflect.DeepEqual(got.Sections, n.Sections) {
			t.Errorf("%s: head of a read note differs from it", lang)
		}
	}
}
