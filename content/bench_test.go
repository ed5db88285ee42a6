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
