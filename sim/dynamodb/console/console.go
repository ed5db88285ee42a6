// Package console is the DynamoDB console's command language: lines shaped
// like the AWS CLI (`put-item --table-name T --item '{"pk":{"S":"a"}}'`),
// run on the in-memory engine, plus the console's own commands (load,
// advance, create-cluster, stream, guide, help, clear) and the guided
// lessons.
//
// A Console prints structured lines; how a line looks is for the caller to
// decide (the terminal screen colours them, `saa-study sim dynamodb
// --script` prints them as plain text).
//
//	c := console.New(console.Options{Lang: console.EN})
//	out := c.Exec("list-tables")
//	for _, l := range out.Lines {
//		fmt.Println(l.Text)
//	}
package console

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb"
)

// Lang is the language the console writes its own notes in.
type Lang string

// The console's languages.
const (
	EN Lang = "en"
	KO Lang = "ko"
)

// Kind says what an output line is, so a caller can draw it.
type Kind int

// The kinds of output line.
const (
	Plain    Kind = iota // response JSON
	Echo                 // the command as typed, "$ …"
	Capacity             // inside a ConsumedCapacity block
	Error                // a refusal: "An error occurred (…)" or a parse error
	Info                 // console notes (DAX hit, load summary, help)
	Why                  // the one-line explanation of a load run
	Lesson               // a guided lesson's text
)

// Line is one printed line.
type Line struct {
	Kind Kind
	Text string
}

// Output is what one Exec printed and what the panels show after it.
type Output struct {
	Lines []Line
	// ErrType is the exception name when the command failed ("ParseError"
	// for a mistake in the command line itself), "" on success.
	ErrType string
	// Load is the finished load run, when the command was load.
	Load *LoadRun
	// Clear is set by the clear command: the caller empties its output.
	Clear bool
	// Reset is set when the command replaced the DynamoDB (a lesson
	// started): the caller drops what it kept of the old one.
	Reset bool
	// Snap is the state of the followed table after the command.
	Snap Snapshot
	// Guide is the guided lesson in progress after the command.
	Guide Progress
}

// Failed reports whether the command was refused.
func (o Output) Failed() bool { return o.ErrType != "" }

// Progress is where a guided lesson stands: Guide is nil when none runs,
// Step is the index of the next step (len(Guide.Steps) once done).
type Progress struct {
	Guide *Guide
	Step  int
}

// Active reports whether a lesson has steps left to run.
func (p Progress) Active() bool { return p.Guide != nil && p.Step < len(p.Guide.Steps) }

// Snapshot is a copy of what a console's panels draw, taken after each
// command so that a caller never touches the engine.
type Snapshot struct {
	Table   string
	Metrics *dynamodb.TableMetrics
	GSIs    []NamedMetrics
	Stream  []dynamodb.StreamRecord
	DAX     *dynamodb.DAXStats
	DAXName string
	Now     time.Time
}

// NamedMetrics are one index's metrics.
type NamedMetrics struct {
	Name    string
	Metrics *dynamodb.TableMetrics
}

// Options configure a Console.
type Options struct {
	// Lang is the language of the console's notes; English when empty.
	Lang Lang
}

// Console is one learner's DynamoDB: the engine on a virtual clock, an
// optional DAX cluster, the table the panels follow and the guided lesson
// in progress. It is not safe for concurrent use.
type Console struct {
	lang    Lang
	clk     *clock.Virtual
	db      *dynamodb.DB
	dax     *dynamodb.DAX
	daxName string
	table   string // the table the panels follow: the last one named

	guides []Guide
	guide  int // index into guides, -1 when none
	step   int
}

// New returns a console over a fresh DynamoDB at clock.Epoch.
func New(opts Options) *Console {
	c := &Console{lang: opts.Lang, guide: -1}
	if c.lang == "" {
		c.lang = EN
	}
	c.guides, _ = Guides() // a broken lesson file shows as "no scenario"; a test guards it
	c.reset()
	return c
}

func (c *Console) reset() {
	c.clk = clock.New(clock.Epoch)
	c.db = dynamodb.New(c.clk)
	c.dax, c.daxName, c.table = nil, "", ""
}

// SetLang changes the language of the notes printed from now on.
func (c *Console) SetLang(l Lang) { c.lang = l }

// Exec runs one console line. An empty line runs the next step of the
// guided lesson in progress (nothing when none).
func (c *Console) Exec(line string) Output {
	line = strings.TrimSpace(line)
	if line == "" {
		return c.next()
	}
	words := strings.Fields(line)
	switch words[0] {
	case "clear":
		return c.finish(Output{Clear: true})
	case "guide":
		return c.finish(c.startGuide(words[1:]))
	}
	return c.finish(c.run(line))
}

// finish snapshots the panels and the lesson into o.
func (c *Console) finish(o Output) Output {
	o.Snap = c.snapshot()
	if c.guide >= 0 {
		o.Guide = Progress{Guide: &c.guides[c.guide], Step: c.step}
	}
	return o
}

// next runs the lesson's next step as if typed, then its lesson line, and
// says so when the step ended differently than the lesson expects.
func (c *Console) next() Output {
	if c.guide < 0 || c.step >= len(c.guides[c.guide].Steps) {
		return c.finish(Output{})
	}
	st := c.guides[c.guide].Steps[c.step]
	c.step++
	o := c.run(st.Cmd)
	if note := st.Note(c.lang); note != "" {
		o.Lines = append(o.Lines, Line{Lesson, "» " + note})
	}
	if o.ErrType != st.Expect {
		want := st.Expect
		if want == "" {
			want = "success"
		}
		o.Lines = append(o.Lines, Line{Error, fmt.Sprintf(text(c.lang, "guide.unexp"), want)})
	}
	return c.finish(o)
}

// startGuide lists the lessons, or starts one (by number or id) on a
// fresh DynamoDB.
func (c *Console) startGuide(args []string) Output {
	var o Output
	if len(args) == 0 {
		o.Lines = append(o.Lines, Line{Info, text(c.lang, "guides")})
		for i, g := range c.guides {
			o.Lines = append(o.Lines, Line{Info, "  " + strconv.Itoa(i+1) + ". " + g.Title(c.lang)})
		}
		return o
	}
	n := c.findGuide(args[0])
	if n < 0 {
		o.ErrType = "ParseError"
		o.Lines = append(o.Lines, Line{Error, fmt.Sprintf(text(c.lang, "guide.bad"), args[0])})
		return o
	}
	c.reset()
	o.Reset = true
	c.guide, c.step = n, 0
	g := c.guides[n]
	o.Lines = append(o.Lines, Line{Lesson, fmt.Sprintf(text(c.lang, "guide.start"), g.Title(c.lang))},
		Line{Lesson, g.Lesson(c.lang)})
	return o
}

// findGuide returns the index of the lesson numbered (from 1) or named
// arg (its id, with or without the number: ttl-stream), -1 when none.
func (c *Console) findGuide(arg string) int {
	if n, err := strconv.Atoi(arg); err == nil && n >= 1 && n <= len(c.guides) {
		return n - 1
	}
	for i, g := range c.guides {
		if g.ID == arg || strings.TrimLeft(g.ID, "0123456789-") == arg {
			return i
		}
	}
	return -1
}
