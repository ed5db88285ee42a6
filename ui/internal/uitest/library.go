// Package uitest holds the fixtures the UI's tests share: small content
// libraries that load in microseconds and exercise every screen.
package uitest

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/saa-study/saa-study/content"
)

// Library builds a small, valid library: two notes in two languages,
// the first long enough to scroll.
func Library(t testing.TB) *content.Library {
	t.Helper()
	facts := `- id: lambda.timeout.max
  value: 900
  unit: s
  unit_ko: 초
  meaning: Longest run.
  meaning_ko: 최대 실행 시간.
  source: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
  checked: 2026-11-27
`
	long := func(lang, title, para string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nid: limits\ntitle: %s\norder: 1\n---\n\n# %s\n\n", title, title)
		for i := 1; i <= 6; i++ {
			fmt.Fprintf(&b, "## Part %d {#part-%d}\n\n", i, i)
			for j := 0; j < 4; j++ {
				fmt.Fprintf(&b, "%s %d.%d: {{fact \"lambda.timeout.max\"}}.\n\n", para, i, j)
			}
		}
		b.WriteString("## The end {#end}\n\nFinal words of the note. DAX caches reads; see [the second note](note:second#only).\n")
		return b.String()
	}
	fsys := fstest.MapFS{
		"facts.yaml":         {Data: []byte(facts)},
		"notes/en/limits.md": {Data: []byte(long("en", "Lambda limits", "A function may run for at most the timeout; paragraph"))},
		"notes/ko/limits.md": {Data: []byte(long("ko", "Lambda 한도", "함수는 제한 시간까지 실행할 수 있습니다. 한국어 문단은 두 칸 너비로 계산됩니다"))},
		"notes/en/second.md": {Data: []byte("---\nid: second\ntitle: Second note\norder: 2\n---\n\n## Only {#only}\n\nDAX sits in front of a table. See [limits](note:limits#end).\n")},
		"notes/ko/second.md": {Data: []byte("---\nid: second\ntitle: 두 번째 노트\norder: 2\n---\n\n## 하나 {#only}\n\nDAX는 테이블 앞에 있습니다. [한도](note:limits#end)를 보세요.\n")},
	}
	q := `---
topic: limits
---

## limits-q1
domain: performant
difficulty: 1
section: limits#part-5

A job must run longer than one invocation allows. How long may one run?

- [x] {{fact "lambda.timeout.max"}}
  Right: that is the hard cap.
- [ ] 60 minutes
  Wrong: too long.
- [ ] 5 minutes
  Wrong: too short.
- [ ] 30 seconds
  Wrong: too short.
`
	fsys["questions/en/limits.md"] = &fstest.MapFile{Data: []byte(q)}
	fsys["questions/ko/limits.md"] = &fstest.MapFile{Data: []byte(q)}
	lib, err := content.Load(fsys)
	if err != nil {
		t.Fatalf("fixture content: %v", err)
	}
	return lib
}

// LongestNote is the biggest built-in note, the worst case for rendering.
func LongestNote(b testing.TB) (*content.Library, *content.Note) {
	lib, err := content.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var best *content.Note
	for _, n := range lib.Notes(content.EN) {
		if best == nil || len(n.Body) > len(best.Body) {
			best = n
		}
	}
	return lib, best
}
