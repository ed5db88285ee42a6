package render

import (
	"regexp"
	"strings"

	"github.com/saa-study/saa-study/content"
)

// Glamour wraps list items and other blocks at spaces and also at "," "."
// "-" and a few more marks, so "400,000" or "$34.67" could end one line
// and go on at the next. Before rendering, the marks inside a number and
// the space between a number and its unit are swapped for private-use
// runes that no wrapper breaks at (one cell each, like the marks they
// stand for); after rendering they are put back.
const (
	joinComma  = '\uE000'
	joinPeriod = '\uE001'
	joinSpace  = '\uE002'
	joinHyphen = '\uE003'
)

var (
	// A mark between two digits: 400,000 · 34.67 · 0.0000166667 · 2026-11-27.
	numberMarkRe = regexp.MustCompile(`\d[,.\-]\d`)
	// A number and the unit after it: 29 s, 1,769 MB, 600,000 GB-s, 20 %.
	numberUnitRe = regexp.MustCompile(`\d (?:ms|s|min|h|KB|MB|GB|TB|KiB|MiB|GiB|GB-s|GB-초|RCU|WCU|RCUs|WCUs|USD|%|초|분|시간|일|개|건|달러)(?:[^\p{L}\p{N}\-]|$)`)
	// The hyphen inside a unit such as GB-s.
	unitHyphenRe = regexp.MustCompile(`GB-(?:s|초)`)

	unjoin = strings.NewReplacer(string(joinComma), ",", string(joinPeriod), ".", string(joinSpace), " ", string(joinHyphen), "-")
)

// JoinNumbers keeps every number in one piece for the wrapper, outside
// fenced code blocks (which are never wrapped).
func JoinNumbers(md string) string {
	lines := strings.Split(md, "\n")
	fence := ""
	for i, l := range lines {
		next, _ := content.Fence(fence, l)
		if fence == "" && next == "" { // neither code nor a fence
			lines[i] = joinLine(l)
		}
		fence = next
	}
	return strings.Join(lines, "\n")
}

func joinLine(l string) string {
	// Marks between digits overlap ("3,000,000"), so repeat until stable.
	for {
		next := numberMarkRe.ReplaceAllStringFunc(l, func(m string) string {
			r := []rune(m)
			switch r[1] {
			case ',':
				r[1] = joinComma
			case '.':
				r[1] = joinPeriod
			default:
				r[1] = joinHyphen
			}
			return string(r)
		})
		if next == l {
			break
		}
		l = next
	}
	l = unitHyphenRe.ReplaceAllStringFunc(l, func(m string) string { return strings.Replace(m, "-", string(joinHyphen), 1) })
	for {
		next := numberUnitRe.ReplaceAllStringFunc(l, func(m string) string { return strings.Replace(m, " ", string(joinSpace), 1) })
		if next == l {
			break
		}
		l = next
	}
	return l
}

// UnjoinNumbers puts back what JoinNumbers swapped.
func UnjoinNumbers(s string) string { return unjoin.Replace(s) }
