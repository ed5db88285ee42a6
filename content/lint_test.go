package content

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

const goodFacts = `- id: lambda.timeout.max
  value: 900
  unit: s
  unit_ko: 초
  meaning: Longest run.
  meaning_ko: 최대 실행 시간.
  source: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
  checked: 2026-11-27
`

const goodNote = "---\nid: lambda\ntitle: Lambda\n---\n\n# Lambda\n\n## Model {#model}\n\nRuns {{fact \"lambda.timeout.max\"}}.\n"

const goodQuestions = `---
topic: lambda
---

## lambda-q1
domain: cost
difficulty: 2
section: lambda#model

A company wants the longest run. Which value?

- [x] {{fact "lambda.timeout.max"}}
  Right: that is the cap.
- [ ] 300 s
  Wrong: too short.
- [ ] 600 s
  Wrong: too short.
- [ ] 1 hour
  Wrong: too long.
`

const goodCards = `---
topic: lambda
---

## card-lambda-max
section: lambda#model

Q: How long may a run last?

A: {{fact "lambda.timeout.max"}}.
`

// valid returns a small library that loads without problems; cases change
// one file.
func valid() fstest.MapFS {
	return fstest.MapFS{
		"facts.yaml":             {Data: []byte(goodFacts)},
		"notes/en/lambda.md":     {Data: []byte(goodNote)},
		"notes/ko/lambda.md":     {Data: []byte(strings.Replace(goodNote, "Runs", "실행", 1))},
		"questions/en/lambda.md": {Data: []byte(goodQuestions)},
		"questions/ko/lambda.md": {Data: []byte(goodQuestions)},
		"cards/en/lambda.md":     {Data: []byte(goodCards)},
		"cards/ko/lambda.md":     {Data: []byte(goodCards)},
	}
}

func TestValidFixtureLoads(t *testing.T) {
	lib, err := Load(valid())
	if err != nil {
		t.Fatalf("valid fixture: %v", err)
	}
	q := lib.Question(EN, "lambda-q1")
	if q == nil || q.Options[0].Text != "900 s" || len(q.Correct()) != 1 || q.Options[1].Explanation != "Wrong: too short." {
		t.Fatalf("question parsed wrong: %+v", q)
	}
	if c := lib.Cards(KO)[0]; c.Back != "900초." {
		t.Fatalf("Korean card back = %q, want the Korean unit", c.Back)
	}
	if n := lib.Note(EN, "lambda"); n.Sections[0].ID != "model" || strings.Contains(n.Body, "{#model}") {
		t.Fatalf("note sections %+v; heading ids must be stripped from the body", n.Sections)
	}
}

// TestMalformedContent: each broken file gives its error at file:line.
func TestMalformedContent(t *testing.T) {
	q := func(mod func(string) string) string { return mod(goodQuestions) }
	cases := []struct {
		name, file, src, want string
	}{
		{"no front matter", "notes/en/lambda.md", "# Lambda\n\n## Model {#model}\n", "notes/en/lambda.md:1: missing front matter"},
		{"unclosed front matter", "notes/en/lambda.md", "---\nid: lambda\n", "notes/en/lambda.md:1: front matter is not closed"},
		{"bad front matter yaml", "notes/en/lambda.md", "---\nid: lambda\ntitle: [oops\n---\n\n## M {#model}\n", "notes/en/lambda.md:"},
		{"unknown front matter key", "notes/en/lambda.md", "---\nid: lambda\ntitle: L\ncolour: red\n---\n\n## M {#model}\n", "notes/en/lambda.md:4: front matter: unknown key \"colour\" (known: id, title, order, related)"},
		{"note id mismatch", "notes/en/lambda.md", "---\nid: lamda\ntitle: L\n---\n\n## M {#model}\n", "notes/en/lambda.md:2: note id \"lamda\" does not match"},
		{"section without id", "notes/en/lambda.md", "---\nid: lambda\ntitle: L\n---\n\n## Model {#model}\n\n## Pricing\n", "notes/en/lambda.md:8: section \"Pricing\" has no id"},
		{"duplicate section", "notes/en/lambda.md", "---\nid: lambda\ntitle: L\n---\n\n## A {#model}\n\n## B {#model}\n", "notes/en/lambda.md:8: duplicate section id \"model\""},
		{"broken link", "notes/en/lambda.md", goodNote + "\nSee [x](note:lambda#nope).\n", "notes/en/lambda.md:12: link note:lambda#nope does not resolve"},
		{"unknown fact", "notes/en/lambda.md", goodNote + "\n{{fact \"lambda.timeout.min\"}}\n", "notes/en/lambda.md:12: unknown fact \"lambda.timeout.min\""},
		{"unquoted fact", "notes/en/lambda.md", goodNote + "\n{{fact lambda.timeout.max}}\n", "notes/en/lambda.md:12: {{fact lambda.timeout.max}}: write the fact id in double quotes"},
		{"fact call over two lines", "cards/en/lambda.md", "---\ntopic: lambda\n---\n\n## card-x\nsection: lambda#model\n\nQ: How long?\n\nA: {{fact \"lambda.time\nout.max\"}}.\n",
			"cards/en/lambda.md:10: {{fact \"lambda.time: a fact call stays on one line"},
		{"no correct option", "questions/en/lambda.md", q(func(s string) string { return strings.Replace(s, "[x]", "[ ]", 1) }), "questions/en/lambda.md:5: question \"lambda-q1\" has no correct option"},
		{"wrong count for multiple", "questions/en/lambda.md", q(func(s string) string {
			return strings.Replace(s, "section:", "choose: 2\nsection:", 1) + "- [ ] 2 hours\n  Wrong: too long.\n"
		}), "questions/en/lambda.md:5: question \"lambda-q1\" says choose 2 but marks 1 option correct"},
		{"multiple with four options", "questions/en/lambda.md", q(func(s string) string {
			return strings.Replace(strings.Replace(s, "section:", "choose: 2\nsection:", 1), "- [ ] 300 s", "- [x] 300 s", 1)
		}), "asks to choose 2 but has 4 options"},
		{"unexplained option", "questions/en/lambda.md", q(func(s string) string { return strings.Replace(s, "  Wrong: too short.\n- [ ] 600 s", "- [ ] 600 s", 1) }),
			"questions/en/lambda.md:14: question \"lambda-q1\": option \"300 s\" has no explanation"},
		{"bad domain", "questions/en/lambda.md", q(func(s string) string { return strings.Replace(s, "domain: cost", "domain: money", 1) }), "questions/en/lambda.md:6: domain \"money\""},
		{"bad difficulty", "questions/en/lambda.md", q(func(s string) string { return strings.Replace(s, "difficulty: 2", "difficulty: 9", 1) }), "questions/en/lambda.md:7: difficulty \"9\""},
		{"unknown section", "questions/en/lambda.md", q(func(s string) string { return strings.Replace(s, "lambda#model", "lambda#pricing", 1) }), "questions/en/lambda.md:8: question \"lambda-q1\": section \"lambda#pricing\" does not exist"},
		{"unknown cited fact", "questions/en/lambda.md", q(func(s string) string { return strings.Replace(s, "section:", "facts: lambda.nope\nsection:", 1) }), "questions/en/lambda.md:8: unknown fact \"lambda.nope\""},
		{"no options", "questions/en/lambda.md", "---\ntopic: lambda\n---\n\n## lambda-q1\ndomain: cost\ndifficulty: 1\nsection: lambda#model\n\nJust a stem.\n", "questions/en/lambda.md:5: question \"lambda-q1\" has no options"},
		{"duplicate question id", "questions/en/lambda.md", goodQuestions + "\n" + strings.SplitN(goodQuestions, "---\n", 3)[2], "duplicate question id \"lambda-q1\""},
		{"missing translation", "questions/ko/lambda.md", goodQuestions + strings.Replace(strings.SplitN(goodQuestions, "---\n", 3)[2], "lambda-q1", "lambda-q2", 1), "questions/ko/lambda.md:21: missing translation: question \"lambda-q2\" has no en version"},
		{"translation marks differ", "questions/ko/lambda.md", strings.Replace(strings.Replace(goodQuestions, "[x]", "[ ]", 1), "- [ ] 300 s", "- [x] 300 s", 1), "questions/ko/lambda.md:5: question \"lambda-q1\" differs"},
		{"card without answer", "cards/en/lambda.md", "---\ntopic: lambda\n---\n\n## card-x\nsection: lambda#model\n\nQ: What?\n", "cards/en/lambda.md:5: card \"card-x\" has a Q: but no A:"},
		{"card neither qa nor cloze", "cards/en/lambda.md", "---\ntopic: lambda\n---\n\n## card-x\nsection: lambda#model\n\nJust text.\n", "cards/en/lambda.md:5: card \"card-x\" is neither Q:/A: nor cloze"},
		{"fact without source", "facts.yaml", strings.Replace(goodFacts, "  source: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html\n", "", 1), "facts.yaml:1: fact \"lambda.timeout.max\" has no source"},
		{"fact with http source", "facts.yaml", strings.Replace(goodFacts, "https://", "http://", 1), "facts.yaml:1: fact \"lambda.timeout.max\": source must be the https URL"},
		{"duplicate fact", "facts.yaml", goodFacts + goodFacts, "facts.yaml:9: duplicate fact id \"lambda.timeout.max\" (first at line 1)"},
		{"value_ko on a number", "facts.yaml", strings.Replace(goodFacts, "  unit: s\n", "  value_ko: 구백\n  unit: s\n", 1), "facts.yaml:1: fact \"lambda.timeout.max\": value_ko is for text values"},
		{"missing ko note", "notes/ko/lambda.md", "", "notes/en/lambda.md:1: missing translation: no ko note \"lambda\""},
		{"invalid UTF-8 in a note", "notes/en/lambda.md", goodNote + "\nBad \xff\xfe byte.\n", "notes/en/lambda.md:12: invalid UTF-8"},
		{"NUL byte in a question", "questions/en/lambda.md", strings.Replace(goodQuestions, "Which value?", "Which\x00value?", 1), "questions/en/lambda.md:10: NUL byte"},
		{"escape sequence in a card", "cards/en/lambda.md", strings.Replace(goodCards, "How long", "\x1b[2JHow long", 1), "cards/en/lambda.md:8: control character U+001B"},
		{"invalid UTF-8 in facts", "facts.yaml", strings.Replace(goodFacts, "Longest run.", "Longest \xc3 run.", 1), "facts.yaml:5: invalid UTF-8"},
		{"printf action in a note", "notes/en/lambda.md", goodNote + "\n{{printf \"%s\" 1}}\n", "notes/en/lambda.md:12: {{printf \"%s\" 1}}: not a template action saa-study knows"},
		{"template action in a question", "questions/en/lambda.md", strings.Replace(goodQuestions, "Wrong: too long.", "Wrong: {{template \"x\"}}", 1), "questions/en/lambda.md:19: {{template \"x\"}}: not a template action"},
		{"unbalanced braces in a card", "cards/en/lambda.md", strings.Replace(goodCards, "How long", "{{ {{ }} How long", 1), "cards/en/lambda.md:8: {{ {{ }}: not a template action"},
		{"cloze mark in a note", "notes/en/lambda.md", goodNote + "\nA {{c1::cloze}} here.\n", "notes/en/lambda.md:12: {{c1::cloze}}: not a template action"},
		{"escape in a title", "notes/en/lambda.md", "---\nid: lambda\ntitle: \"L\\e[2J\"\n---\n\n## M {#model}\n", "notes/en/lambda.md:3: the value \"L\\x1b[2J\" contains control character U+001B"},
		{"action in a title", "notes/en/lambda.md", "---\nid: lambda\ntitle: \"{{printf 1}}\"\n---\n\n## M {#model}\n", "notes/en/lambda.md:3: {{printf 1}}: not a template action"},
		{"escape in a fact", "facts.yaml", strings.Replace(goodFacts, "Longest run.", "\"Longest\\0 run.\"", 1), "facts.yaml:5: the value \"Longest\\x00 run.\" contains NUL byte"},
		{"escape inside an action", "notes/en/lambda.md", goodNote + "\n{{\x1b[2J}}\n", "notes/en/lambda.md:12: \"{{\\x1b[2J}}\": not a template action"},
		{"unclosed action", "notes/en/lambda.md", goodNote + "\nOpen {{fact\n", "notes/en/lambda.md:12: {{fact: not closed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := valid()
			if tc.src == "" {
				delete(fsys, tc.file)
			} else {
				fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.src)}
			}
			_, err := Load(fsys)
			ps, ok := err.(Problems)
			if !ok {
				t.Fatalf("want problems, got %v", err)
			}
			for _, p := range ps {
				if strings.Contains(p.String(), tc.want) {
					return
				}
			}
			t.Fatalf("no problem contains %q; got:\n%s", tc.want, ps.Error())
		})
	}
}

// TestEmbeddedContentIsClean is `saa-study lint` on the built-in content:
// the full check, which a start of the program no longer runs (see
// Embedded), so broken content fails here instead of reaching a release.
func TestEmbeddedContentIsClean(t *testing.T) {
	if _, err := CheckEmbedded(); err != nil {
		t.Fatalf("the built-in content has problems:\n%v", err)
	}
}

// TestEveryFactCalledExists scans the raw files, independently of the
// loader, for fact calls and facts: lines, and checks each id.
func TestEveryFactCalledExists(t *testing.T) {
	lib, _ := Embedded()
	call := regexp.MustCompile(`\{\{\s*(?:fact|value)\s+"([^"]+)"`)
	meta := regexp.MustCompile(`(?m)^facts:\s*(.+)$`)
	n := 0
	fs.WalkDir(EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, _ := fs.ReadFile(EmbeddedFS(), p)
		var ids []string
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
		for _, m := range meta.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, splitList(m[1])...)
		}
		for _, id := range ids {
			n++
			if _, ok := lib.Fact(id); !ok {
				t.Errorf("%s uses unknown fact %q", p, id)
			}
		}
		return nil
	})
	if n == 0 {
		t.Fatal("no fact is used anywhere")
	}
}

func TestFactDisplay(t *testing.T) {
	for _, tc := range []struct {
		f    Fact
		lang Lang
		want string
	}{
		{Fact{Value: "10240", Unit: "MB"}, EN, "10,240 MB"},
		{Fact{Value: "900", Unit: "s", UnitKo: "초"}, KO, "900초"},
		{Fact{Value: "0.0000166667", Unit: "USD per GB-s"}, EN, "0.0000166667 USD per GB-s"},
		{Fact{Value: "1000000", Unit: "requests"}, EN, "1,000,000 requests"},
		{Fact{Value: "us-east-1"}, EN, "us-east-1"},
		{Fact{Value: "66", Unit: "%"}, EN, "66%"},
		{Fact{Value: "until deleted", ValueKo: "삭제할 때까지"}, KO, "삭제할 때까지"},
		{Fact{Value: "until deleted", ValueKo: "삭제할 때까지"}, EN, "until deleted"},
	} {
		tc.f.IsNumber = numberRe.MatchString(tc.f.Value)
		if got := tc.f.Display(tc.lang); got != tc.want {
			t.Errorf("Display(%s %s) = %q, want %q", tc.f.Value, tc.f.Unit, got, tc.want)
		}
	}
}
