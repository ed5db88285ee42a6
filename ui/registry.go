package ui

import (
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/reader"
	classroompage "github.com/saa-study/saa-study/ui/pages/classroom"
	"github.com/saa-study/saa-study/ui/pages/decks"
	"github.com/saa-study/saa-study/ui/pages/exam"
	"github.com/saa-study/saa-study/ui/pages/lab"
	"github.com/saa-study/saa-study/ui/pages/notes"
	"github.com/saa-study/saa-study/ui/pages/review"
	"github.com/saa-study/saa-study/ui/pages/settings"
	"github.com/saa-study/saa-study/ui/pages/sim"
	"github.com/saa-study/saa-study/ui/pages/sim/dynamodb"
	"github.com/saa-study/saa-study/ui/pages/sim/sfn"
	"github.com/saa-study/saa-study/ui/pages/stats"
	"github.com/saa-study/saa-study/ui/pages/study"
)

// screens is the one registry from a target to the screen that shows it.
// Home's entries, --start, and every page that leads to another page
// (a question's "open the note", the reader's "test me") go through it, so
// that no page builds another page's screen.
//
// A target is a name ("notes"), or a name and an argument after a colon:
// "note:ID#section" opens the reader there, "study:ID#section" opens Study.
var screens = map[string]func(c *common.Common, arg string) common.Screen{
	"notes": func(c *common.Common, _ string) common.Screen { return notes.NewList(c) },

	"study": func(c *common.Common, arg string) common.Screen {
		if arg == "" {
			return notes.NewStudyList(c)
		}
		n, sec := noteOf(c, arg)
		if n == nil {
			return nil
		}
		return study.New(c, n, sec)
	},

	"note": func(c *common.Common, arg string) common.Screen {
		n, sec := noteOf(c, arg)
		if n == nil {
			return nil
		}
		return reader.NewAt(c, n, sec)
	},

	// "review" is today's whole session; "review:DECK" one deck or topic.
	"review": func(c *common.Common, arg string) common.Screen {
		if arg != "" {
			return review.NewDeck(c, arg)
		}
		return review.New(c)
	},

	"decks": func(c *common.Common, _ string) common.Screen { return decks.New(c) },

	"exam": func(c *common.Common, _ string) common.Screen { return exam.NewMenu(c) },

	"sim": func(c *common.Common, arg string) common.Screen {
		switch arg {
		case "":
			return sim.NewMenu(c)
		case "dynamodb":
			return dynamodb.New(c)
		case "sfn":
			return sfn.NewPicker(c)
		}
		return sim.NewConsole(c, arg) // nil for an unknown engine
	},

	// "lab" lists the labs; "lab:ID" opens one.
	"lab": func(c *common.Common, arg string) common.Screen {
		if arg == "" {
			return lab.NewList(c)
		}
		return sim.NewLab(c, arg) // in its engine's console
	},

	"stats": func(c *common.Common, _ string) common.Screen { return stats.New(c) },

	"settings": func(c *common.Common, _ string) common.Screen { return settings.New(c) },

	"classroom": func(c *common.Common, _ string) common.Screen { return classroompage.New(c) },
}

// screenFor builds the screen a target names; nil when it names nothing
// there is (an unknown target, or a note that is not in the library).
func screenFor(c *common.Common, target string) common.Screen {
	name, arg, _ := strings.Cut(target, ":")
	open, ok := screens[name]
	if !ok {
		return nil
	}
	return open(c, arg)
}

// noteOf finds "ID#section" in the learner's language, or in any language
// the library has it in.
func noteOf(c *common.Common, arg string) (*content.Note, string) {
	id, sec, _ := strings.Cut(arg, "#")
	if c.Lib == nil {
		return nil, ""
	}
	if n := c.Lib.Note(c.Lang, id); n != nil {
		return n, sec
	}
	for _, l := range content.Langs {
		if n := c.Lib.Note(l, id); n != nil {
			return n, sec
		}
	}
	return nil, ""
}
