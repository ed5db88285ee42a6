package ui

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/saa-study/saa-study/content"
)

// ddbGuidedFS holds the DynamoDB console's guided scenarios. Each file is
// line based:
//
//	title: Hot partition           (title.ko: for Korean)
//	lesson: one paragraph          (lesson.ko:)
//	$ create-table …               a console command, run by one key press
//	> what this step shows         (>ko for Korean)
//	! ProvisionedThroughputExceededException   the step is expected to fail so
//
// Lines starting with # and blank lines are ignored.
//
//go:embed ddbguided/*.txt
var ddbGuidedFS embed.FS

// ddbScenario is one guided walk through the console.
type ddbScenario struct {
	id     string
	title  [2]string
	lesson [2]string
	steps  []ddbStep
}

// ddbStep is one command of a scenario and the lesson line it teaches.
type ddbStep struct {
	cmd    string
	note   [2]string
	expect string // the exception the step should end in, "" for success
}

func ddbLangIndex(l content.Lang) int {
	if l == content.KO {
		return 1
	}
	return 0
}

// ddbPick returns the text in the learner's language, falling back to English.
func ddbPick(v [2]string, l content.Lang) string {
	if s := v[ddbLangIndex(l)]; s != "" {
		return s
	}
	return v[0]
}

// parseDDBScenario reads one scenario file.
func parseDDBScenario(id, text string) (ddbScenario, error) {
	sc := ddbScenario{id: id}
	for n, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		last := len(sc.steps) - 1
		needStep := func() error {
			if last < 0 {
				return fmt.Errorf("%s:%d: a step line before any $ command", id, n+1)
			}
			return nil
		}
		switch {
		case strings.HasPrefix(line, "title.ko:"):
			sc.title[1] = strings.TrimSpace(line[len("title.ko:"):])
		case strings.HasPrefix(line, "title:"):
			sc.title[0] = strings.TrimSpace(line[len("title:"):])
		case strings.HasPrefix(line, "lesson.ko:"):
			sc.lesson[1] = strings.TrimSpace(line[len("lesson.ko:"):])
		case strings.HasPrefix(line, "lesson:"):
			sc.lesson[0] = strings.TrimSpace(line[len("lesson:"):])
		case strings.HasPrefix(line, "$ "):
			sc.steps = append(sc.steps, ddbStep{cmd: strings.TrimSpace(line[2:])})
		case strings.HasPrefix(line, ">ko "):
			if err := needStep(); err != nil {
				return sc, err
			}
			sc.steps[last].note[1] = strings.TrimSpace(line[4:])
		case strings.HasPrefix(line, "> "):
			if err := needStep(); err != nil {
				return sc, err
			}
			sc.steps[last].note[0] = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "! "):
			if err := needStep(); err != nil {
				return sc, err
			}
			sc.steps[last].expect = strings.TrimSpace(line[2:])
		default:
			return sc, fmt.Errorf("%s:%d: unknown line %q (want title:, lesson:, $, >, >ko or !)", id, n+1, line)
		}
	}
	if sc.title[0] == "" || len(sc.steps) == 0 {
		return sc, fmt.Errorf("%s: a scenario needs a title and at least one $ command", id)
	}
	return sc, nil
}

// ddbScenarios loads every embedded scenario, in file-name order.
func ddbScenarios() ([]ddbScenario, error) {
	names, err := fs.Glob(ddbGuidedFS, "ddbguided/*.txt")
	if err != nil {
		return nil, fmt.Errorf("guided scenarios: %w", err)
	}
	sort.Strings(names)
	out := make([]ddbScenario, 0, len(names))
	for _, name := range names {
		b, err := ddbGuidedFS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("guided scenario %s: %w", name, err)
		}
		id := strings.TrimSuffix(strings.TrimPrefix(name, "ddbguided/"), ".txt")
		sc, err := parseDDBScenario(id, string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}
