package anki

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// rezip copies the package at src to dir/name without the listed members.
func rezip(t *testing.T, src, dir, name string, drop ...string) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, m := range zr.File {
		if slices.Contains(drop, m.Name) {
			continue
		}
		w, _ := zw.Create(m.Name)
		r, _ := m.Open()
		io.Copy(w, r)
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
