package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
)

// TestNotesPrintRefusesBytesThatAreNotText: a note holding an escape
// sequence, a byte that is not UTF-8 or a stray template action is
// refused with file:line, and nothing of it reaches the terminal.
func TestNotesPrintRefusesBytesThatAreNotText(t *testing.T) {
	dir := t.TempDir()
	err := fs.WalkDir(content.EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, p), 0o755)
		}
		b, err := fs.ReadFile(content.EmbeddedFS(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(dir, "notes", "en", "lambda.md")
	b, err := os.ReadFile(note)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "\nClear \x1b[2J the screen, \xff, {{printf \"%s\" 1}}.\n"...)
	os.WriteFile(note, b, 0o644)
	line := strings.Count(string(b), "\n")

	code, out, errs := saa(t, "--content", dir, "notes", "--print", "lambda", "--lang", "en")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %d bytes; want 1 and nothing printed", code, len(out))
	}
	for _, want := range []string{"control character U+001B at column 7", "{{printf \"%s\" 1}}: not a template action"} {
		if !strings.Contains(errs, note+":"+strconv.Itoa(line)+": "+want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if !strings.Contains(errs, note+":") || strings.ContainsAny(errs, "\x1b\xff") {
		t.Errorf("stderr should name the file and carry none of the bytes:\n%q", errs)
	}
}
