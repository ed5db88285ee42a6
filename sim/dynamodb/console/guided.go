package console

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/saa-study/saa-study/sim/scenario"
)

// guidedFS holds the console's guided lessons. Each file is line based:
//
//	title: Hot partition           (title.ko: for Korean)
//	lesson: one paragraph          (lesson.ko:)
//	$ create-table …               a console command, run by one key press
//	> what this step shows         (>ko for Korean)
//	! ProvisionedThroughputExceededException   the step is expected to fail so
//
// Lines starting with # and blank lines are ignored.
//
//go:embed guided/*.txt
var guidedFS embed.FS

// Guide is one guided walk through the console: `guide N` starts it on a
// fresh DynamoDB and an empty line runs its next step.
type Guide struct {
	// ID is the file name without .txt, e.g. 1-hot-partition.
	ID     string
	title  [2]string
	lesson [2]string
	Steps  []Step
}

// Step is one command of a lesson and the line it teaches.
type Step struct {
	// Cmd is the console line the step runs.
	Cmd  string
	note [2]string
	// Expect is the exception the step should end in, "" for success.
	Expect string
}

// Title is the lesson's title in l (English when it has none in l).
func (g *Guide) Title(l Lang) string { return pick(g.title, l) }

// Lesson is the lesson's opening paragraph in l.
func (g *Guide) Lesson(l Lang) string { return pick(g.lesson, l) }

// Note is what the step shows, in l.
func (s Step) Note(l Lang) string { return pick(s.note, l) }

// pick returns the text in the learner's language, falling back to English.
func pick(v [2]string, l Lang) string {
	if l == KO && v[1] != "" {
		return v[1]
	}
	return v[0]
}

// parseGuide reads one lesson file.
func parseGuide(id, text string) (Guide, error) {
	g := Guide{ID: id}
	for n, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		last := len(g.Steps) - 1
		needStep := func() error {
			if last < 0 {
				return &scenario.Error{File: id, Line: n + 1, Msg: "a step line before any $ command"}
			}
			return nil
		}
		switch {
		case strings.HasPrefix(line, "title.ko:"):
			g.title[1] = strings.TrimSpace(line[len("title.ko:"):])
		case strings.HasPrefix(line, "title:"):
			g.title[0] = strings.TrimSpace(line[len("title:"):])
		case strings.HasPrefix(line, "lesson.ko:"):
			g.lesson[1] = strings.TrimSpace(line[len("lesson.ko:"):])
		case strings.HasPrefix(line, "lesson:"):
			g.lesson[0] = strings.TrimSpace(line[len("lesson:"):])
		case strings.HasPrefix(line, "$ "):
			g.Steps = append(g.Steps, Step{Cmd: strings.TrimSpace(line[2:])})
		case strings.HasPrefix(line, ">ko "):
			if err := needStep(); err != nil {
				return g, err
			}
			g.Steps[last].note[1] = strings.TrimSpace(line[4:])
		case strings.HasPrefix(line, "> "):
			if err := needStep(); err != nil {
				return g, err
			}
			g.Steps[last].note[0] = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "! "):
			if err := needStep(); err != nil {
				return g, err
			}
			g.Steps[last].Expect = strings.TrimSpace(line[2:])
		default:
			return g, &scenario.Error{File: id, Line: n + 1, Msg: fmt.Sprintf("unknown line %q (want title:, lesson:, $, >, >ko or !)", line)}
		}
	}
	if g.title[0] == "" || len(g.Steps) == 0 {
		return g, fmt.Errorf("%s: a lesson needs a title and at least one $ command", id)
	}
	return g, nil
}

// Guides returns every shipped lesson, in file-name order.
func Guides() ([]Guide, error) {
	names, err := fs.Glob(guidedFS, "guided/*.txt")
	if err != nil {
		return nil, fmt.Errorf("guided lessons: %w", err)
	}
	sort.Strings(names)
	out := make([]Guide, 0, len(names))
	for _, name := range names {
		b, err := guidedFS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("guided lesson %s: %w", name, err)
		}
		id := strings.TrimSuffix(strings.TrimPrefix(name, "guided/"), ".txt")
		g, err := parseGuide(id, string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}
