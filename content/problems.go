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
}

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

// sorted orders problems by file, then line, so output is stable.
func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}

// collector gathers problems for one load.
type collector struct{ ps Problems }

func (c *collector) add(file string, line int, format string, args ...any) {
	c.ps = append(c.ps, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}
