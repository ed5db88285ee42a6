package content

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

var clozeOpenRe = regexp.MustCompile(`\{\{c\d+::`)

// assertPlain fails if text that loaded without problems could still act
// on a terminal or show a template action: bytes that are not UTF-8,
// control characters, or {{ other than a cloze mark where cloze is true.
func assertPlain(t *testing.T, what, text string, cloze bool) {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if msg := badByte([]byte(l)); msg != "" {
			t.Fatalf("%s loaded clean but line %d has %s: %q", what, i+1, msg, l)
		}
	}
	rest := text
	if cloze {
		rest = clozeOpenRe.ReplaceAllString(rest, "")
	}
	if strings.Contains(rest, "{{") {
		t.Fatalf("%s loaded clean but shows a template action: %q", what, text)
	}
}

// FuzzLoadQuestions feeds arbitrary text as a questions file: the loader
// must never panic, and must either load or say where the problem is.
func FuzzLoadQuestions(f *testing.F) {
	f.Add(goodQuestions)
	f.Add("---\ntopic: lambda\n---\n## x\n")
	f.Add("---\n---\n")
	f.Add("## q\ndomain: x\n\n- [x] a\n")
	f.Fuzz(func(t *testing.T, src string) {
		fsys := valid()
		fsys["questions/en/lambda.md"] = &fstest.MapFile{Data: []byte(src)}
		lib, err := Load(fsys)
		if ps, ok := err.(Problems); ok {
			for _, p := range ps {
				if p.File == "" || p.Msg == "" {
					t.Fatalf("problem without a place or message: %+v", p)
				}
			}
		}
		if err == nil {
			for _, q := range lib.Questions(EN) {
				assertPlain(t, "stem", q.Stem, false)
				for _, o := range q.Options {
					assertPlain(t, "option", o.Text, false)
					assertPlain(t, "explanation", o.Explanation, false)
				}
			}
		}
	})
}

// FuzzLoadNote does the same for a note, including fact calls and links.
func FuzzLoadNote(f *testing.F) {
	f.Add(goodNote)
	f.Add("---\nid: lambda\ntitle: x\n---\n## {#}\n[a](note:)\n{{fact \"\"}}")
	f.Add(goodNote + "\n{{printf \"%s\" 1}} {{template \"x\"}} {{ {{ }} \x1b[2J \xff\x00\n")
	f.Fuzz(func(t *testing.T, src string) {
		fsys := valid()
		fsys["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte(src)}
		lib, err := Load(fsys)
		if err == nil {
			n := lib.Note(EN, "lambda")
			assertPlain(t, "note title", n.Title, false)
			assertPlain(t, "note body", n.Body, false)
		}
	})
}

// FuzzLoadCards does the same for a cards file (cloze marks included).
func FuzzLoadCards(f *testing.F) {
	f.Add(goodCards)
	f.Add("---\ntopic: lambda\n---\n## c\nsection: lambda#model\n\n{{c1::a}} {{c2::{{c1::b}}}}\n")
	f.Fuzz(func(t *testing.T, src string) {
		fsys := valid()
		fsys["cards/en/lambda.md"] = &fstest.MapFile{Data: []byte(src)}
		lib, err := Load(fsys)
		if err == nil {
			for _, c := range lib.Cards(EN) {
				assertPlain(t, "card front", c.Front, false)
				assertPlain(t, "card back", c.Back, false)
				assertPlain(t, "cloze", c.Cloze, true)
			}
		}
		if lib != nil {
			for _, c := range lib.Cards(EN) {
				for _, n := range c.ClozeNumbers() {
					c.ClozeText(n, false)
				}
			}
		}
	})
}

// FuzzIndexScan: scanning any questions or cards file for the index never
// panics, and finds no more items than the file has "## " lines.
func FuzzIndexScan(f *testing.F) {
	f.Add(goodQuestions)
	f.Add(goodCards)
	f.Add("---\ntopic: x\n---\n## a\n```\n## b\n## c\nsection: y\n{{c1::z}}{{c1::w}}\nQ: q\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, cards := range []bool{false, true} {
			fsys := fstest.MapFS{"d/x.md": &fstest.MapFile{Data: []byte(src)}}
			items := scanItems(fsys, "d", cards)
			if n := strings.Count("\n"+src, "\n## "); len(items) > n {
				t.Fatalf("%d items from %d headings", len(items), n)
			}
		}
	})
}
