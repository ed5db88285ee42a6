package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// load returns the problems of fsys, failing if there are none.
func load(t *testing.T, fsys fstest.MapFS) Problems {
	t.Helper()
	_, err := Load(fsys)
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("want problems, got %v", err)
	}
	return ps
}

func noProblemContains(t *testing.T, ps Problems, parts ...string) {
	t.Helper()
	for _, p := range ps {
		for _, s := range parts {
			if strings.Contains(p.String(), s) {
				t.Errorf("problem %q follows from the first one and should not be listed", p)
			}
		}
	}
}

func someProblemContains(t *testing.T, ps Problems, s string) {
	t.Helper()
	for _, p := range ps {
		if strings.Contains(p.String(), s) {
			return
		}
	}
	t.Errorf("no problem contains %q; got:\n%s", s, ps.Error())
}

// TestUnparsableFactsFileIsReportedAlone: a YAML error in facts.yaml is the
// first problem, the unknown-fact problems that only follow from it become
// a count on it, and problems of their own are still listed.
func TestUnparsableFactsFileIsReportedAlone(t *testing.T) {
	fsys := valid()
	fsys["facts.yaml"] = &fstest.MapFile{Data: []byte(goodFacts + "- id: lambda.memory.max\n  value: \"10240\n")}
	// 1,000 more uses of facts, and a broken link of its own.
	note := goodNote + strings.Repeat("{{value \"lambda.timeout.max\"}}\n", 1000) + "\nSee [x](note:lambda#nope).\n"
	fsys["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte(note)}
	ps := load(t, fsys)
	first := ps[0].String()
	if !strings.HasPrefix(first, "facts.yaml:10: ") || !strings.Contains(first, "and 1,006 uses of facts from it") {
		t.Errorf("first problem %q, want the YAML error of facts.yaml:10 and the count of 1,006 uses", first)
	}
	noProblemContains(t, ps, "unknown fact")
	someProblemContains(t, ps, "notes/en/lambda.md:1012: link note:lambda#nope does not resolve")
	if len(ps) != 2 {
		t.Errorf("%d problems, want 2:\n%s", len(ps), ps.Error())
	}
}

// TestUnreadableFactsAndCitedFacts: facts cited in a question's facts: line
// follow from the facts file too.
func TestUnreadableFactsAndCitedFacts(t *testing.T) {
	fsys := valid()
	fsys["facts.yaml"] = &fstest.MapFile{Data: []byte("facts: not a list\n")}
	q := strings.Replace(goodQuestions, "section:", "facts: lambda.timeout.max\nsection:", 1)
	fsys["questions/en/lambda.md"] = &fstest.MapFile{Data: []byte(q)}
	ps := load(t, fsys)
	if first := ps[0].String(); !strings.HasPrefix(first, "facts.yaml:1: facts must be a YAML list") || !strings.Contains(first, "and 7 uses of facts from it") {
		t.Errorf("first problem %q", first)
	}
	noProblemContains(t, ps, "unknown fact")
	if len(ps) != 1 {
		t.Errorf("%d problems, want 1:\n%s", len(ps), ps.Error())
	}
}

// TestBrokenNoteFrontMatterKeepsCheckingTheFile: a note whose front matter
// does not parse is reported first; what only follows from it (its missing
// title, references to it from other files, its translation) is counted,
// and the rest of the file is still checked.
func TestBrokenNoteFrontMatterKeepsCheckingTheFile(t *testing.T) {
	fsys := valid()
	fsys["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte(
		"---\nid: lambda\ntitle: L\norder: [oops\n---\n\n# Lambda\n\n## Model {#model}\n\nRuns {{fact \"lambda.timeout.max\"}}.\n\nSee [x](note:lambda#nope).\n\n{{printf 1}}\n")}
	ps := load(t, fsys)
	// yaml.v3 places this error a line early; the line is its own.
	if first := ps[0].String(); !strings.HasPrefix(first, "notes/en/lambda.md:3: front matter: ") {
		t.Errorf("first problem %q, want the front matter error first", first)
	}
	someProblemContains(t, ps, "notes/en/lambda.md:13: link note:lambda#nope does not resolve")
	someProblemContains(t, ps, "notes/en/lambda.md:15: {{printf 1}}: not a template action")
	noProblemContains(t, ps, "missing translation", "has no title", "has no id", "is not a note id", "does not exist", "sections differ")
	if len(ps) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(ps), ps.Error())
	}
}

// TestUnclosedNoteFrontMatterCountsWhatFollows: with the front matter not
// closed the note has no readable body; references to its sections from
// other files are counted on the first problem, not listed.
func TestUnclosedNoteFrontMatterCountsWhatFollows(t *testing.T) {
	fsys := valid()
	fsys["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte("---\nid: lambda\ntitle: Lambda\n\n## Model {#model}\n")}
	ps := load(t, fsys)
	first := ps[0].String()
	if !strings.HasPrefix(first, "notes/en/lambda.md:1: front matter is not closed") || !strings.Contains(first, "references to this note") {
		t.Errorf("first problem %q", first)
	}
	noProblemContains(t, ps, "missing translation", "is not a note id", "does not exist", "sections differ", "has no sections")
	if len(ps) != 1 {
		t.Errorf("%d problems, want 1:\n%s", len(ps), ps.Error())
	}
}

// TestBrokenQuestionAndCardFrontMatter: the same for questions and cards:
// the front matter error comes first, the questions and cards of the file
// are still read and checked, and their translations are not reported
// missing or different because of it.
func TestBrokenQuestionAndCardFrontMatter(t *testing.T) {
	for _, tc := range []struct{ file, src, own string }{
		{"questions/en/lambda.md", strings.Replace(goodQuestions, "topic: lambda", "topic: [lambda", 1) + "\n## lambda-q2\ndomain: cost\ndifficulty: 1\nsection: lambda#model\n\nNo options.\n",
			"questions/en/lambda.md:21: question \"lambda-q2\" has no options"},
		{"cards/ko/lambda.md", strings.Replace(goodCards, "topic: lambda", "topic: [lambda", 1) + "\n## card-x\nsection: lambda#model\n\nQ: What?\n",
			"cards/ko/lambda.md:12: card \"card-x\" has a Q: but no A:"},
		{"questions/ko/lambda.md", "---\ntopic: lambda\n", ""},
	} {
		fsys := valid()
		fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.src)}
		ps := load(t, fsys)
		if first := ps[0].String(); !strings.HasPrefix(first, tc.file+":") {
			t.Errorf("%s: first problem %q, want the front matter error", tc.file, first)
		}
		noProblemContains(t, ps, "missing translation", "differs from", "is not a note id", "needs \"topic")
		want := 1
		if tc.own != "" {
			someProblemContains(t, ps, tc.own)
			want = 2
		}
		if len(ps) != want {
			t.Errorf("%s: %d problems, want %d:\n%s", tc.file, len(ps), want, ps.Error())
		}
	}
}
