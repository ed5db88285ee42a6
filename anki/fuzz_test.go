package anki

import (
	"os"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/anki/ankitest"
)

// FuzzReadPackage feeds the package reader small zips: the peer's
// fixtures and the sample in each generation, mutated. It must never
// panic, and a refusal is one line. A run takes 1-20 ms (the collection
// goes through SQLite); the engine spends its first seconds minimizing.
func FuzzReadPackage(f *testing.F) {
	for _, name := range []string{"basic.apkg", "history.apkg", "zipslip.apkg"} {
		if data, err := os.ReadFile("testdata/peer-writer/" + name); err == nil {
			f.Add(data)
		}
	}
	for _, v := range []int{VersionLegacy1, VersionLatest} {
		if data, err := ankitest.Sample(v).Bytes(); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	lim := Limits{Package: 1 << 20, Collection: 4 << 20, MediaFile: 1 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadBytes(data, lim)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on more than one line: %q", err)
			}
			return
		}
		for _, c := range p.ImportCards() {
			if c.Front == "" {
				t.Fatalf("card %d has an empty front", c.AnkiID)
			}
		}
		for _, m := range p.Media {
			if err := safeMediaName(m.Name); err != nil {
				t.Fatalf("accepted media name %q", m.Name)
			}
		}
	})
}

// FuzzMarkdown: any field HTML converts without panicking, and a cloze
// mark in the input stays a cloze mark.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"<b>x</b>", "{{c1::a::hint}} b", "<ul><li>{{c2::<i>x</i>}}</li></ul>", "[sound:a.mp3]", "<table><tr><td>{{c1::y}}</td></tr></table>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, html string) {
		md := Markdown(html)
		if strings.Contains(html, "{{c1::x}}") && !strings.Contains(html, "<") && !strings.Contains(md, "{{c1::") {
			t.Fatalf("cloze lost: %q -> %q", html, md)
		}
	})
}
