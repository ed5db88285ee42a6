package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
)

// testLibrary builds a small, valid library: two notes in two languages,
// the first long enough to scroll.
func testLibrary(t testing.TB) *content.Library {
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

// testProgress opens a fresh progress file; the app binds it to its content.
func testProgress(t testing.TB) *progress.Progress {
	t.Helper()
	s, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), nil, progress.Options{Loc: time.Local})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func fixedClock() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

// drive feeds msg to the app and runs every command it returns, the way the
// program would, until nothing is left. Quit stops it.
func drive(a *App, msg tea.Msg) (quit bool) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if _, ok := m.(tea.QuitMsg); ok {
			return true
		}
		_, cmd := a.Update(m)
		queue = append(queue, run(cmd)...)
	}
	return false
}

// run executes a command and flattens batches into messages.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, run(c)...)
		}
		return out
	}
	// tea.Sequence returns an unexported message holding its commands; the
	// screens only sequence "save, then pop", so run them in order.
	if cmds, ok := sequenceCmds(msg); ok {
		var out []tea.Msg
		for _, c := range cmds {
			out = append(out, run(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
