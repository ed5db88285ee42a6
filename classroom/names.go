package classroom

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
)

// MaxNameWidth is the most terminal cells a student's name may take, so a
// name fits a dashboard column and cannot push the layout about.
const MaxNameWidth = 20

// SanitizeName makes an SSH user name safe to draw on other people's
// screens: escape sequences (CSI, OSC, DCS … and their 8-bit forms) and
// every control or invisible formatting character are removed, spaces are
// collapsed, and the result is cut to MaxNameWidth cells. An empty result
// becomes "student".
func SanitizeName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += skipEscape(s[i+size:]) + size
			continue
		case r == 0x9b: // 8-bit CSI
			i += skipCSI(s[i+size:]) + size
			continue
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // OSC, DCS, SOS, PM, APC
			i += skipString(s[i+size:]) + size
			continue
		case r == utf8.RuneError && size <= 1:
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || !unicode.IsPrint(r):
		default:
			b.WriteRune(r)
		}
		i += size
	}
	name := strings.Join(strings.Fields(b.String()), " ")
	name = truncateCells(name, MaxNameWidth)
	if name == "" {
		return "student"
	}
	return name
}

// skipEscape returns how many bytes of s belong to the sequence after ESC.
func skipEscape(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '[':
		return 1 + skipCSI(s[1:])
	case ']', 'P', 'X', '^', '_':
		return 1 + skipString(s[1:])
	}
	// Two-byte escapes (ESC c, ESC 7 …); intermediates 0x20–0x2f first.
	n := 0
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
		n++
	}
	if n < len(s) {
		n++
	}
	return n
}

// skipCSI skips parameters and intermediates up to the final byte.
func skipCSI(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
		if s[i] < 0x20 || s[i] > 0x3f && s[i] < 0x40 {
			return i
		}
	}
	return len(s)
}

// skipString skips a control string up to BEL or ST (ESC \ or 0x9c).
func skipString(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
	}
	return len(s)
}

// truncateCells cuts s to at most w terminal cells, never mid-character.
func truncateCells(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if lipgloss.Width(b.String()+string(r)) > w {
			break
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// withSuffix gives a duplicate name its number, keeping the whole within
// MaxNameWidth: "ana" → "ana-2".
func withSuffix(name string, n int) string {
	suf := "-" + strconv.Itoa(n)
	return truncateCells(name, MaxNameWidth-len(suf)) + suf
}
