// Package contenttest holds small content libraries that the tests of
// several packages share (progress, the UI), built in memory so that they
// load in microseconds.
package contenttest

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/saa-study/saa-study/content"
)

// Load loads fsys as a library, failing the test on any problem.
func Load(t testing.TB, fsys fstest.MapFS) *content.Library {
	t.Helper()
	lib, err := content.Load(fsys)
	if err != nil {
		t.Fatalf("fixture content: %v", err)
	}
	return lib
}

// SRS is a small library for scheduling tests: one note, a Q/A card, a
// cloze card with two numbers and a single-answer question, in both
// languages.
func SRS() fstest.MapFS {
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
