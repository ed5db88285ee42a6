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

// BenchmarkStartupIndex is what a start of the program pays for the
// built-in content: the digest of the files (facts, notes, questions,
// cards and labs are parsed when first asked for).
func BenchmarkStartupIndex(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openLazy(files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstNoteByID is opening one note of the built-in content on a
// fresh start, as `saa-study notes ID --print` does: the index, then the
// facts and the one note's file.
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
