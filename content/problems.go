package content

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with the content, at a place in a file.
type Problem struct {
	File string
	Line int
	Msg  string
	// rank orders root causes first: a file that could not be read as a
	// whole (rankUnreadable), then a problem that others follow from
	// (rankCause), then the rest.
	rank int
}

const (
	rankUnreadable = iota
	rankCause
	rankOther
)

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is every problem Load found. It is an error so that callers that
// only need "did it load" can treat it as one.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sorted orders problems by file, then line, so output is stable; root
// causes come first: files that could not be read, then problems that
// others follow from.
func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].rank != ps[j].rank {
			return ps[i].rank < ps[j].rank
		}
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}

// collector gathers problems for one load.
type collector struct {
	ps    Problems
	roots map[string]*root
}

// root is a problem that makes a whole file unreadable, and the problems
// elsewhere that only follow from it, counted instead of listed.
type root struct {
	idx  int    // in ps
	what string // what the count counts: "use of facts from it|uses of facts from it"
	n    int
	// cause marks a problem whose file could be read; what follows from
	// it is counted without "not checked until it can be read".
	cause bool
}

func (c *collector) add(file string, line int, format string, args ...any) {
	c.ps = append(c.ps, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...), rank: rankOther})
}

// addCause adds a problem that is the cause of the problems counted on
// it (through follows(key)); it is listed before the rest.
func (c *collector) addCause(key, what, file string, line int, format string, args ...any) {
	c.add(file, line, format, args...)
	c.ps[len(c.ps)-1].rank = rankCause
	if c.roots == nil {
		c.roots = map[string]*root{}
	}
	if _, ok := c.roots[key]; !ok {
		c.roots[key] = &root{idx: len(c.ps) - 1, what: what, cause: true}
	}
}

// addRoot adds a problem that makes a file unreadable; key names what
// depends on it (see follows).
func (c *collector) addRoot(key, what, file string, line int, format string, args ...any) {
	c.add(file, line, format, args...)
	c.markRoot(key, what, len(c.ps)-1)
}

// markRoot makes problem i the root for key, unless key has one.
func (c *collector) markRoot(key, what string, i int) {
	if c.roots == nil {
		c.roots = map[string]*root{}
	}
	if _, ok := c.roots[key]; ok || i < 0 || i >= len(c.ps) {
		return
	}
	c.ps[i].rank = rankUnreadable
	c.roots[key] = &root{idx: i, what: what}
}

// follows reports whether key has a root problem, and counts one more
// problem that follows from it; the caller then does not add its own.
func (c *collector) follows(key string) bool {
	r, ok := c.roots[key]
	if ok {
		r.n++
	}
	return ok
}

// finish writes each root's count into its message.
func (c *collector) finish() {
	for _, r := range c.roots {
		what := r.what
		if one, many, ok := strings.Cut(what, "|"); ok {
			what = many
			if r.n == 1 {
				what = one
			}
		}
		switch {
		case r.n > 0 && r.cause:
			c.ps[r.idx].Msg += fmt.Sprintf(" (and %s %s)", thousands(r.n), what)
		case r.n > 0:
			c.ps[r.idx].Msg += fmt.Sprintf(" (and %s %s, not checked until it can be read)", thousands(r.n), what)
		}
	}
}

// thousands writes n with commas: 1,327.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
