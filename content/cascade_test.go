package content

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// folder reads a testdata folder into memory, so that a case can break
// one thing in it.
func folder(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(dir + "/" + p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// edit replaces old with new in one file ("" as file deletes old's file).
type edit struct{ file, old, new string }

func (e edit) apply(t *testing.T, fsys fstest.MapFS) {
	t.Helper()
	f, ok := fsys[e.file]
	if !ok {
		t.Fatalf("no file %s", e.file)
	}
	if e.old == "" {
		delete(fsys, e.file)
		return
	}
	if !strings.Contains(string(f.Data), e.old) {
		t.Fatalf("%s has no %q", e.file, e.old)
	}
	fsys[e.file] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), e.old, e.new, 1))}
}

// TestOneMistakeIsOneProblem breaks the bilingual fixture one field at a
// time; each mistake is reported once, at the line where it was made,
// with what to do, and nothing that only follows from it is listed.
func TestOneMistakeIsOneProblem(t *testing.T) {
	base := "testdata/bilingual"
	if _, err := LoadDir(base); err != nil {
		t.Fatalf("the fixture itself: %v", err)
	}
	for _, tc := range []struct {
		name  string
		edits []edit
		want  []string // every problem, in order, as a prefix
	}{
		{"renamed section in one language", []edit{{"notes/en/sqs.md", "{#visibility}", "{#visiblity}"}},
			[]string{`notes/en/sqs.md:12: section id {#visiblity} is {#visibility} in the ko note (notes/ko/sqs.md:12), and 2 references use "sqs#visibility" (cards/en/sqs.md:13, notes/en/sns.md:14): rename it to {#visibility}`}},
		{"heading without an id", []edit{{"notes/en/sqs.md", " {#dlq}", ""}},
			[]string{`notes/en/sqs.md:17: section "Dead-letter queues" has no id: end the heading with {#some-id} (and 2 references to this note's sections`}},
		{"renamed fact", []edit{{"facts.yaml", "id: sqs.visibility.default", "id: sqs.visibility.defualt"}},
			[]string{`facts.yaml:2: fact id "sqs.visibility.defualt" is used nowhere, but 2 places use "sqs.visibility.default" (notes/en/sqs.md:21, notes/ko/sqs.md:21): rename it to "sqs.visibility.default"`}},
		{"topic typo in a questions file", []edit{{"questions/en/sqs.md", "topic: sqs", "topic: sq"}},
			[]string{`questions/en/sqs.md:2: topic "sq" is not a note id: did you mean "sqs"?`}},
		{"topic typo in a cards file", []edit{{"cards/ko/sqs.md", "topic: sqs", "topic: sqss"}},
			[]string{`cards/ko/sqs.md:2: topic "sqss" is not a note id: did you mean "sqs"?`}},
		{"section typo in one question", []edit{{"questions/en/sqs.md", "section: sqs#dlq", "section: sqs#dql"}},
			[]string{`questions/en/sqs.md:8: question "my-sqs-q1": section "sqs#dql" does not exist: note "sqs" has no section "dql"; did you mean "sqs#dlq"?`}},
		{"bad domain", []edit{{"questions/ko/sqs.md", "domain: resilient", "domain: resilience"}},
			[]string{`questions/ko/sqs.md:6: domain "resilience": use secure, resilient, performant or cost`}},
		{"no correct option", []edit{{"questions/en/sqs.md", "- [x] A dead", "- [ ] A dead"}},
			[]string{`questions/en/sqs.md:5: question "my-sqs-q1" has no correct option`}},
		{"card that cannot be read", []edit{{"cards/en/sqs.md", "A: To the", "To the"}},
			[]string{`cards/en/sqs.md:5: card "my-card-dlq" has a Q: but no A: paragraph`}},
		{"note missing in one language", []edit{{"notes/ko/sns.md", "", ""}},
			[]string{`notes/en/sns.md:1: missing translation: no ko note "sns" (add notes/ko/sns.md) (and 2 references to it from ko files)`}},
		{"question id differs from its translation", []edit{{"questions/ko/sqs.md", "## my-sqs-q1", "## my-sqs-1"}},
			[]string{`questions/en/sqs.md:5: question id "my-sqs-q1" is "my-sqs-1" in questions/ko/sqs.md:5: give both the same id`}},
		{"related names a missing note, and a broken link in the same file", []edit{
			{"notes/en/sqs.md", "related: [sns]", "related: [snss]"},
			{"notes/en/sqs.md", "(note:sns#fanout)", "(note:sns#fan-out)"}},
			[]string{
				`notes/en/sqs.md:5: related note "snss" does not exist: no note "snss"; did you mean "sns"?`,
				`notes/en/sqs.md:14: link note:sns#fan-out does not resolve: note "sns" has no section "fan-out"; did you mean "sns#fanout"?`}},
		{"related is not a list, and a broken link in the same file", []edit{
			{"notes/en/sqs.md", "related: [sns]", "related: sns, sqs"},
			{"notes/en/sqs.md", "(note:sns#fanout)", "(note:sns#nope)"}},
			[]string{
				`notes/en/sqs.md:5: front matter: related: a list of note ids, e.g. "related: [lambda, lambda-vpc]", not "sns, sqs"`,
				`notes/en/sqs.md:14: link note:sns#nope does not resolve: note "sns" has no section "nope" (it has fanout)`}},
		{"title missing", []edit{{"notes/ko/sns.md", "title: SNS 기초", "title:"}},
			[]string{`notes/ko/sns.md:3: front matter has no title`}},
		{"id does not match the file name", []edit{{"notes/ko/sns.md", "id: sns", "id: snss"}},
			[]string{`notes/ko/sns.md:2: note id "snss" does not match the file name "sns.md"`}},
		{"section missing in one language", []edit{{"notes/ko/sqs.md", "## 배달 못한 편지 대기열 {#dlq}\n", ""}},
			[]string{`notes/ko/sqs.md:12: section {#dlq} of the en note (notes/en/sqs.md:17) is missing here, and 2 references use "sqs#dlq" (cards/ko/sqs.md:6, questions/ko/sqs.md:8): add it`}},
		{"one more option in the translation", []edit{{"questions/ko/sqs.md", "- [ ] 소비자 추가.", "- [ ] 하나 더.\n  오답.\n- [ ] 소비자 추가."}},
			[]string{`questions/ko/sqs.md:5: question "my-sqs-q1" differs from questions/en/sqs.md:5: 5 options here, 4 there`}},
		{"duplicate card id", []edit{{"cards/en/sqs.md", "## my-card-vis", "## my-card-dlq"}},
			[]string{`cards/en/sqs.md:12: duplicate card id "my-card-dlq" (also cards/en/sqs.md:5) (and 1 missing translation that may follow from it)`}},
		{"question without a section in one language", []edit{{"questions/ko/sqs.md", "section: sqs#dlq\n", ""}},
			[]string{`questions/ko/sqs.md:5: question "my-sqs-q1" has no section`}},
		{"fact without several keys", []edit{{"facts.yaml", "  meaning: The visibility timeout a new queue gets.\n", ""}, {"facts.yaml", "  checked: 2026-12-01\n", ""}},
			[]string{`facts.yaml:2: fact "sqs.visibility.default" has no meaning, checked`}},
		{"the cause comes before problems of other files", []edit{
			{"facts.yaml", "id: sqs.visibility.default", "id: sqs.visibility.defualt"},
			{"cards/en/sqs.md", "domain", "domain"}, // no change: cards sort first by name
			{"cards/en/sqs.md", "section: sqs#dlq\n", "section: sqs#dlq\ncolour: red\n"}},
			[]string{`facts.yaml:2: fact id "sqs.visibility.defualt" is used nowhere`, `cards/en/sqs.md:7: unknown key "colour"`}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantProblems(t, base, tc.edits, tc.want) })
	}
}

// wantProblems applies edits to the folder dir and wants exactly the
// problems want, in order, as prefixes.
func wantProblems(t *testing.T, dir string, edits []edit, want []string) {
	t.Helper()
	fsys := folder(t, dir)
	for _, e := range edits {
		if e.old == e.new && e.old != "" {
			continue
		}
		e.apply(t, fsys)
	}
	ps := load(t, fsys)
	ok := len(ps) == len(want)
	for i := 0; ok && i < len(ps); i++ {
		ok = strings.HasPrefix(ps[i].String(), want[i])
	}
	if !ok {
		t.Errorf("got:\n%s\nwant, as prefixes:\n%s", ps.Error(), strings.Join(want, "\n"))
	}
}

// TestAuthorsSlipsReadWell: the slips an author makes in a folder of
// their own, one at a time, each reported once with what to do.
func TestAuthorsSlipsReadWell(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits []edit
		want  []string
	}{
		{"front matter without its opening line", []edit{{"notes/en/sqs.md", "---\nid: sqs", "id: sqs"}},
			[]string{`notes/en/sqs.md:1: front matter has no opening line: add a line "---" above line 1`}},
		{"misspelt question key", []edit{{"questions/en/sqs.md", "difficulty: 1", "dificulty: 1"}},
			[]string{`questions/en/sqs.md:7: unknown key "dificulty": did you mean "difficulty"?`}},
		{"misspelt card key", []edit{{"cards/en/sqs.md", "section: sqs#dlq", "sectoin: sqs#dlq"}},
			[]string{`cards/en/sqs.md:6: unknown key "sectoin": did you mean "section"?`}},
		{"option without its box", []edit{{"questions/en/sqs.md", "- [ ] A FIFO queue.", "- A FIFO queue."}},
			[]string{`questions/en/sqs.md:16: question "my-sqs-q1": option must start with [x] or [ ]`}},
		{"choose two with four options", []edit{{"questions/en/sqs.md", "difficulty: 1", "difficulty: 1\nchoose: 2"}},
			[]string{`questions/en/sqs.md:5: question "my-sqs-q1" says choose 2 but marks 1 option correct and has 4 options (choose 2 needs at least 5)`}},
		{"cloze mark with one colon", []edit{{"cards/en/sqs.md", "{{c1::visibility timeout}}", "{{c1:visibility timeout}}"}},
			[]string{`cards/en/sqs.md:15: {{c1:visibility timeout}}: not a template action`}},
		{"section id in capitals", []edit{{"notes/en/sqs.md", "{#dlq}", "{#DLQ}"}},
			[]string{`notes/en/sqs.md:17: section id "DLQ": use lowercase letters, digits and '-' (and 2 references to it)`}},
		{"link without note:", []edit{{"notes/en/sns.md", "(note:sqs#visibility)", "(sqs#visibility)"}},
			[]string{`notes/en/sns.md:14: link sqs#visibility goes nowhere: link a note as note:ID or note:ID#section`}},
		{"link to a section of the same note", []edit{{"notes/en/sns.md", "One topic delivers", "[Fan-out](#fan-out): one topic delivers"}},
			[]string{`notes/en/sns.md:12: link #fan-out does not resolve: note "sns" has no section "fan-out"; did you mean "sns#fanout"?`}},
		{"questions file without its opening line", []edit{{"questions/en/sqs.md", "---\ntopic", "topic"}},
			[]string{`questions/en/sqs.md:1: front matter has no opening line: add a line "---" above line 1 (and 1 problem that follows from it, not checked until it can be read)`}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantProblems(t, "testdata/en-only", tc.edits, tc.want) })
	}
}

// TestRenamedSectionInAOneLanguageFolder: with no translation to compare,
// a heading whose id nothing names, close to the id two references use,
// is the one problem.
func TestRenamedSectionInAOneLanguageFolder(t *testing.T) {
	fsys := folder(t, "testdata/en-only")
	edit{"notes/en/sqs.md", "{#visibility}", "{#visibility-timeout}"}.apply(t, fsys)
	ps := load(t, fsys)
	want := `notes/en/sqs.md:12: section id {#visibility-timeout} is named by nothing, but 2 references use "sqs#visibility" (cards/en/sqs.md:13, notes/en/sns.md:14): rename it to {#visibility}, or change the references`
	if len(ps) != 1 || ps[0].String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", ps.Error(), want)
	}
}
