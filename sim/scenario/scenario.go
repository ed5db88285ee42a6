// Package scenario is what every simulator's lessons share: the Scenario
// interface the command line runs them through, and the Error a scenario
// file's problem is reported with.
package scenario

import (
	"errors"
	"fmt"
)

// Info is what a scenario says about itself.
type Info struct {
	// ID is the scenario's id, the name `--scenario` takes.
	ID string
	// Title is one line; Lesson is what the learner should take away.
	Title, Lesson string
	// TitleKo and LessonKo are the Korean title and lesson, where the
	// scenario has them.
	TitleKo, LessonKo string
}

// In returns the title and lesson in lang ("en" or "ko"); English stands in
// where the Korean is missing.
func (i Info) In(lang string) (title, lesson string) {
	title, lesson = i.Title, i.Lesson
	if lang == "ko" {
		if i.TitleKo != "" {
			title = i.TitleKo
		}
		if i.LessonKo != "" {
			lesson = i.LessonKo
		}
	}
	return title, lesson
}

// Scenario is one engine's lesson: a setting, a workload and the runs that
// show the point. R is the engine's result of a run, printed as JSON by
// `--scenario ID --json`.
type Scenario[R any] interface {
	About() Info
	Run() (R, error)
}

// Error is a problem in a scenario file, on a line. Without a File it
// reads "line N: message"; a caller that knows the file sets File and it
// reads "file:N: message", as lint reports content.
type Error struct {
	File string
	Line int
	Msg  string
	// Err is the engine error behind the problem, if any.
	Err error
}

// Error formats the problem with its place.
func (e *Error) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Unwrap gives the engine error behind the problem.
func (e *Error) Unwrap() error { return e.Err }

// Errorf is an Error on line, its message formatted as fmt.Errorf does; a
// %w operand becomes Err.
func Errorf(line int, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	return &Error{Line: line, Msg: err.Error(), Err: errors.Unwrap(err)}
}

// InFile names the file a scenario error came from: an *Error in err's
// chain gets File set and is returned; any other error is returned as it is.
func InFile(err error, file string) error {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.File = file
		return &c
	}
	return err
}

// Untranslated lists, one line each, what keeps a scenario from reading in
// Korean: a title or lesson with no Hangul (so the console would fall back
// to English), or a Korean title that is the English one.
func (i Info) Untranslated() []string {
	hangul := func(s string) bool {
		for _, r := range s {
			if r >= 0xAC00 && r <= 0xD7A3 {
				return true
			}
		}
		return false
	}
	var out []string
	title, lesson := i.In("ko")
	if !hangul(title) || !hangul(lesson) {
		out = append(out, fmt.Sprintf("%s: untranslated: title %q, lesson %q", i.ID, title, lesson))
	}
	if en, _ := i.In("en"); en == title {
		out = append(out, fmt.Sprintf("%s: the English title is the Korean one", i.ID))
	}
	return out
}
