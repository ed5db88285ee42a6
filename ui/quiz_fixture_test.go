package ui

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
)

// quizLibrary is a small library with 12 questions (three per exam domain,
// one of them "choose two") linked to sections of one note. Option a is
// always right in the file, so a test can answer by original index.
func quizLibrary(t testing.TB) *content.Library {
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
	note := func(title, part string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nid: limits\ntitle: %s\norder: 1\n---\n\n# %s\n\n", title, title)
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(&b, "## %s %d {#part-%d}\n\nText of part %d: {{fact \"lambda.timeout.max\"}}.\n\n", part, i, i, i)
		}
		return b.String()
	}
	questions := func(word string) string {
		var b strings.Builder
		b.WriteString("---\ntopic: limits\n---\n\n")
		n := 0
		for _, d := range content.Domains {
			for j := 0; j < 3; j++ {
				n++
				choose := 1
				if n == 2 {
					choose = 2
				}
				fmt.Fprintf(&b, "## q%02d\ndomain: %s\ndifficulty: 2\nchoose: %d\nsection: limits#part-%d\nfacts: lambda.timeout.max\n\n", n, d, choose, j+1)
				fmt.Fprintf(&b, "%s stem number %d about %s?\n\n", word, n, d)
				opts := 4
				if choose == 2 {
					opts = 5
				}
				for k := 0; k < opts; k++ {
					mark, why := " ", "Wrong"
					if k == 0 || (choose == 2 && k == 1) {
						mark, why = "x", "Right"
					}
					fmt.Fprintf(&b, "- [%s] %s option %d of q%02d\n  %s: reason %d of q%02d.\n", mark, word, k, n, why, k, n)
				}
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	fsys := fstest.MapFS{
		"facts.yaml":             {Data: []byte(facts)},
		"notes/en/limits.md":     {Data: []byte(note("Lambda limits", "Part"))},
		"notes/ko/limits.md":     {Data: []byte(note("Lambda 한도", "부분"))},
		"questions/en/limits.md": {Data: []byte(questions("English"))},
		"questions/ko/limits.md": {Data: []byte(questions("한국어"))},
	}
	lib, err := content.Load(fsys)
	if err != nil {
		t.Fatalf("fixture content: %v", err)
	}
	return lib
}

// manualClock is a clock a test moves by hand.
type manualClock struct{ t time.Time }

func (m *manualClock) Now() time.Time          { return m.t }
func (m *manualClock) Advance(d time.Duration) { m.t = m.t.Add(d) }

// rightLetters returns the display letters of the right answer to p.
func rightLetters(p quiz.Presented) []string {
	var out []string
	for pos, o := range p.Options {
		if p.Question.Options[o.Index].Correct {
			out = append(out, quiz.Letter(pos))
		}
	}
	return out
}

// wrongLetters returns display letters of a wrong answer of the right size.
func wrongLetters(p quiz.Presented) []string {
	var out []string
	for pos, o := range p.Options {
		if !p.Question.Options[o.Index].Correct && len(out) < p.Choose {
			out = append(out, quiz.Letter(pos))
		}
	}
	return out
}
