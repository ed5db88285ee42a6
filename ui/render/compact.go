package render

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Compact rewrites rendered terminal text with the fewest colour codes
// that draw the same cells, and drops the spaces at the end of a line that
// show nothing (no background, reverse, underline, strike-through or
// blink). Glamour wraps every word and every padding space in a colour
// code of its own and a reset: the longest note is 190 KB of text and
// codes for 14 KB of letters, and each frame that shows it parses its
// lines again. It reads only what glamour writes: SGR codes (ESC [ ... m),
// which it merges, and other escape sequences, which it keeps where they
// are. TestCompactDrawsTheSameCells checks every note on a terminal
// emulator.
func Compact(s string) string {
	var b strings.Builder
	b.Grow(len(s) / 4)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		compactLine(&b, line)
	}
	return b.String()
}

// compactLine writes one line. cur is the SGR parameters in force since
// the last reset (the pen the text asks for), out the ones written so far;
// spaces whose pen shows nothing wait in gap until something follows them.
func compactLine(b *strings.Builder, line string) {
	if !wellFormed(line) {
		// An escape or a character cut short may take the next bytes as
		// its end: leave the line as it is.
		b.WriteString(line)
		return
	}
	var cur, out string
	gap := 0
	// Whether a space shows nothing, for the last pen asked about.
	seenPen, seenNothing := "", true
	showsNothing := func(p string) bool {
		if p != seenPen {
			seenPen, seenNothing = p, spaceShowsNothing(p)
		}
		return seenNothing
	}
	pen := func(want string) {
		if want == out {
			return
		}
		if out != "" {
			b.WriteString("\x1b[m")
		}
		if want != "" {
			b.WriteString("\x1b[")
			b.WriteString(want)
			b.WriteByte('m')
		}
		out = want
	}
	flushGap := func() {
		if gap == 0 {
			return
		}
		if !showsNothing(out) {
			pen("")
		}
		b.WriteString(strings.Repeat(" ", gap))
		gap = 0
	}
	for i := 0; i < len(line); {
		c := line[i]
		if c != 0x1b {
			if c == ' ' && showsNothing(cur) {
				gap++
				i++
				continue
			}
			flushGap()
			pen(cur)
			// Copy up to the next escape or space.
			j := i + 1
			for j < len(line) && line[j] != 0x1b && line[j] != ' ' {
				j++
			}
			b.WriteString(line[i:j])
			i = j
			continue
		}
		n, _ := escape(line[i:]) // wellFormed has found it complete
		seq := line[i : i+n]
		if params, ok := sgr(seq); ok {
			switch {
			case params == "" || params == "0":
				cur = ""
			case strings.HasPrefix(params, "0;"):
				cur = params[2:]
			case cur == "":
				cur = params
			default:
				cur += ";" + params
			}
		} else {
			// Not a colour: a hyperlink or the like, kept in place.
			flushGap()
			b.WriteString(seq)
		}
		i += n
	}
	pen("")
}

// sgr returns the parameters of an SGR code ("38;5;252" of ESC[38;5;252m).
func sgr(seq string) (string, bool) {
	if len(seq) < 3 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return "", false
	}
	p := seq[2 : len(seq)-1]
	for i := 0; i < len(p); i++ {
		if (p[i] < '0' || p[i] > '9') && p[i] != ';' && p[i] != ':' {
			return "", false
		}
	}
	return p, true
}

// wellFormed reports whether line is UTF-8 and every escape sequence of it
// is complete.
func wellFormed(line string) bool {
	if !utf8.ValidString(line) {
		return false
	}
	for i := 0; i < len(line); i++ {
		if line[i] == 0x1b {
			n, ok := escape(line[i:])
			if !ok {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// escape measures the escape sequence s starts with, and says whether it
// is complete: a CSI (ESC [, parameter and intermediate bytes, a final
// byte), a string (OSC, DCS and the like, ended by BEL or ESC \), or ESC,
// intermediate bytes and a final byte.
func escape(s string) (int, bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			switch c := s[i]; {
			case c >= 0x40 && c <= 0x7e:
				return i + 1, true
			case c < 0x20 || c > 0x3f:
				return i, false
			}
		}
		return len(s), false
	case ']', 'P', '_', '^', 'X':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1, true
			}
			if s[i] == 0x1b {
				return i + 2, i+1 < len(s) && s[i+1] == '\\'
			}
		}
		return len(s), false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c <= 0x2f:
			continue
		case c >= 0x30 && c <= 0x7e:
			return i + 1, true
		default:
			return i, false
		}
	}
	return len(s), false
}

// spaceShowsNothing reports whether a space drawn with these SGR
// parameters looks like the terminal's own background: no background
// colour, reverse, underline, strike-through or blink in force once they
// are applied in order.
func spaceShowsNothing(params string) bool {
	if params == "" {
		return true
	}
	var bg, reverse, underline, strike, blink bool
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if strings.HasPrefix(p, "4:") {
			underline = p != "4:0"
			continue
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			return false // not understood: keep the space
		}
		switch {
		case n == 0:
			bg, reverse, underline, strike, blink = false, false, false, false, false
		case n == 4 || n == 21:
			underline = true
		case n == 24:
			underline = false
		case n == 5 || n == 6:
			blink = true
		case n == 25:
			blink = false
		case n == 7:
			reverse = true
		case n == 27:
			reverse = false
		case n == 9:
			strike = true
		case n == 29:
			strike = false
		case n >= 40 && n <= 47, n >= 100 && n <= 107:
			bg = true
		case n == 49:
			bg = false
		case n == 38 || n == 48 || n == 58:
			// An extended colour: 5;N or 2;R;G;B follow.
			if n == 48 {
				bg = true
			}
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		}
	}
	return !bg && !reverse && !underline && !strike && !blink
}
