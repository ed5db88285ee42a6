package content

import "testing"

// BenchmarkLoadEmbedded measures loading and checking all built-in content
// (what every start of the program pays once).
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(EmbeddedFS()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadSmall(b *testing.B) {
	b.ReportAllocs()
	fsys := valid()
	for b.Loop() {
		Load(fsys)
	}
}

// BenchmarkNoteListCold is the built-in content on a fresh start until the
// note list can be drawn (ids, titles, sections): the facts and the notes
// of one language, nothing else.
func BenchmarkNoteListCold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib, err := openLazy(files)
		if err != nil {
			b.Fatal(err)
		}
		if len(lib.Notes(EN)) == 0 {
			b.Fatal("no notes")
		}
	}
}

// BenchmarkNoteHeadsCold is what the notes list reads on a fresh start
// now: the index (the notes' order) and each note's front matter and
// headings, no bodies and no facts.
func BenchmarkNoteHeadsCold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib, err := openLazy(files)
		if err != nil {
			b.Fatal(err)
		}
		if len(lib.NoteHeads(EN)) == 0 {
			b.Fatal("no notes")
		}
	}
}

// BenchmarkFirstNoteByID is opening one note of the built-in content on a
// fresh start, as `saa-study notes ID --print` does: the facts and the one
// note's file.
func BenchmarkFirstNoteByID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib, err := openLazy(files)
		if err != nil {
			b.Fatal(err)
		}
		if lib.Note(EN, "lambda-limits") == nil {
			b.Fatal("no note")
		}
	}
}

// BenchmarkContentDigest is `saa-study version`'s content version.
func BenchmarkContentDigest(b *testing.B) {
	for b.Loop() {
		contentDigest(files, Langs)
	}
}

// BenchmarkIndexCold is the home screen's counts on a fresh start: the
// index of one language scanned from the files, nothing parsed.
func BenchmarkIndexCold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib, err := openLazy(files)
		if err != nil {
			b.Fatal(err)
		}
		if len(lib.Index(EN).Questions) == 0 {
			b.Fatal("no questions")
		}
	}
}
