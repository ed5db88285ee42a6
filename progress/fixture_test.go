package progress

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/saa-study/saa-study/content"
)

func fixedClock() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

// testProgress opens a fresh progress file about lib, its study day in
// UTC and its clock fixed.
func testProgress(t testing.TB, lib *content.Library) *Progress {
	t.Helper()
	p, err := Open(filepath.Join(t.TempDir(), "progress.db"), lib, Options{Loc: time.UTC, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// srsLibrary has one note, a Q/A card, a cloze card with two numbers and a
// single-answer question, in both languages.
func srsLibrary(t testing.TB) *content.Library {
	t.Helper()
	lib, err := content.Load(srsFS())
	if err != nil {
		t.Fatalf("fixture content: %v", err)
	}
	return lib
}

// srsFS is the content behind srsLibrary.
func srsFS() fstest.MapFS {
	note := func(title, sec string) string {
		return fmt.Sprintf("---\nid: lambda\ntitle: %s\norder: 1\n---\n\n# %s\n\n## %s {#model}\n\nText.\n", title, title, sec)
	}
	cards := func(q, a, cloze string) string {
		return "---\ntopic: lambda\n---\n\n## card-qa\nsection: lambda#model\n\nQ: " + q + "\n\nA: " + a +
			"\n\n## card-cloze\nsection: lambda#model\n\n" + cloze + "\n"
	}
	question := func(stem, right, wrong string) string {
		var b strings.Builder
		b.WriteString("---\ntopic: lambda\n---\n\n## q-one\ndomain: performant\ndifficulty: 1\nsection: lambda#model\n\n")
		b.WriteString(stem + "\n\n- [x] " + right + "\n  Because it is right.\n")
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(&b, "- [ ] %s %d\n  Because it is wrong.\n", wrong, i)
		}
		return b.String()
	}
	fsys := fstest.MapFS{
		"facts.yaml":             {Data: []byte("[]\n")},
		"notes/en/lambda.md":     {Data: []byte(note("Lambda basics", "Execution model"))},
		"notes/ko/lambda.md":     {Data: []byte(note("Lambda 기초", "실행 모델"))},
		"cards/en/lambda.md":     {Data: []byte(cards("How many requests does one environment serve at once?", "Exactly one.", "A {{c1::cold start}} creates a new {{c2::execution environment}}."))},
		"cards/ko/lambda.md":     {Data: []byte(cards("실행 환경 하나가 동시에 처리하는 요청 수는?", "하나.", "{{c1::콜드 스타트}}는 새 {{c2::실행 환경}}을 만듭니다."))},
		"questions/en/lambda.md": {Data: []byte(question("Which option is right?", "The right one", "A wrong one"))},
		"questions/ko/lambda.md": {Data: []byte(question("어느 것이 맞습니까?", "맞는 것", "틀린 것"))},
	}
	return fsys
}
