package content

import (
	"testing"
	"testing/fstest"
)

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
		_, err := Load(fsys)
		if ps, ok := err.(Problems); ok {
			for _, p := range ps {
				if p.File == "" || p.Msg == "" {
					t.Fatalf("problem without a place or message: %+v", p)
				}
			}
		}
	})
}

// FuzzLoadNote does the same for a note, including fact calls and links.
func FuzzLoadNote(f *testing.F) {
	f.Add(goodNote)
	f.Add("---\nid: lambda\ntitle: x\n---\n## {#}\n[a](note:)\n{{fact \"\"}}")
	f.Fuzz(func(t *testing.T, src string) {
		fsys := valid()
		fsys["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte(src)}
		Load(fsys)
	})
}

// FuzzLoadCards does the same for a cards file (cloze marks included).
func FuzzLoadCards(f *testing.F) {
	f.Add(goodCards)
	f.Add("---\ntopic: lambda\n---\n## c\nsection: lambda#model\n\n{{c1::a}} {{c2::{{c1::b}}}}\n")
	f.Fuzz(func(t *testing.T, src string) {
		fsys := valid()
		fsys["cards/en/lambda.md"] = &fstest.MapFile{Data: []byte(src)}
		lib, _ := Load(fsys)
		if lib != nil {
			for _, c := range lib.Cards(EN) {
				for _, n := range c.ClozeNumbers() {
					c.ClozeText(n, false)
				}
			}
		}
	})
}
