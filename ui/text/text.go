// Package text is the UI's one toolkit for putting words into cells: the
// display width of a string (Hangul counts two), cutting, padding, wrapping
// and boxing to a width, and the interface text in each language. Every
// screen and the classroom measure with it, never with len.
package text

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Ellipsis marks a line that was cut.
const Ellipsis = "…"

// Width is the display width of s in terminal cells; escape codes count
// zero and wide characters two.
func Width(s string) int { return ansi.StringWidth(s) }

// MaxWidth is the width of the widest line of s.
func MaxWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, Width(l))
	}
	return w
}

// FieldWidth is the width to give a text input drawn after label and a
// space on a line of w cells: what its prompt and the cursor's cell at the
// end leave. A text input with no width shows only the first character of
// its placeholder ("m" for "machine.asl.json").
func FieldWidth(w int, label, prompt string) int {
	return max(1, w-Width(label)-1-Width(prompt)-1)
}

// PadRight pads s with spaces to w cells; a wider s is left as it is.
func PadRight(s string, w int) string {
	if d := w - Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// PadLines pads every line of s to w cells.
func PadLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = PadRight(l, w)
	}
	return strings.Join(lines, "\n")
}

// Truncate cuts one line to at most w cells, ending it with "…" when
// anything was cut. Escape codes are kept intact.
func Truncate(s string, w int) string {
	if Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, max(w, 0), Ellipsis)
}

// TruncateLines cuts every line of s to w cells.
func TruncateLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Truncate(l, w)
	}
	return strings.Join(lines, "\n")
}

// Clamp guarantees nothing is drawn past a w×h area: every line is cut to
// w cells and the text to h lines.
func Clamp(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	for i, l := range lines {
		lines[i] = Truncate(l, w)
	}
	return strings.Join(lines, "\n")
}

// Fit pads or cuts s to exactly h lines (a trailing newline is dropped
// first); the width is left alone.
func Fit(s string, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// Box pads or cuts every line of s to exactly w cells and s to exactly h
// lines, so that a column placed beside it lines up. Lines are cut without
// a mark: a box is for layout, and its content is already wrapped.
func Box(s string, w, h int) string {
	lines := strings.Split(Fit(s, h), "\n")
	for i, l := range lines {
		if Width(l) > w {
			l = ansi.Truncate(l, w, "")
		}
		lines[i] = PadRight(l, w)
	}
	return strings.Join(lines, "\n")
}

// Scroll shows h of lines from offset, clamping the offset so the window
// never runs past the end; it returns the clamped offset too.
func Scroll(lines []string, offset, h int) (string, int) {
	if h < 1 {
		return "", 0
	}
	offset = max(0, min(offset, len(lines)-h))
	end := min(len(lines), offset+h)
	return strings.Join(lines[offset:end], "\n"), offset
}

// Sanitize makes plain text safe to draw: invalid UTF-8 becomes U+FFFD and
// control characters (escape codes among them) become spaces; newlines are
// kept.
func Sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// Wrap breaks plain text into lines of at most w cells, by words; a word
// longer than w is cut. Text is sanitized first (see Sanitize), so it is
// for explanations and lessons, not for styled strings.
func Wrap(s string, w int) []string {
	w = max(w, 4)
	var out []string
	for _, para := range strings.Split(Sanitize(s), "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for Width(word) > w {
				head, rest := SplitAtWidth(word, w)
				if line != "" {
					out = append(out, line)
					line = ""
				}
				out = append(out, head)
				word = rest
			}
			switch {
			case line == "":
				line = word
			case Width(line)+1+Width(word) <= w:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return out
}

// Pack lays items out in lines of at most w cells, as many on a line as
// fit, joined with sep; an item wider than w is a line of its own. Items
// may be styled (they are measured by their cells).
func Pack(items []string, sep string, w int) []string {
	var lines []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case Width(cur)+Width(sep)+Width(it) <= w:
			cur += sep + it
		default:
			lines = append(lines, cur)
			cur = it
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// HardWrap cuts one line of plain text into pieces of w cells, wherever
// that falls: for columns that are aligned with runs of spaces.
func HardWrap(s string, w int) []string {
	s = strings.ReplaceAll(Sanitize(s), "\n", " ")
	if w < 2 || Width(s) <= w {
		return []string{s}
	}
	var out []string
	for s != "" {
		head, rest := SplitAtWidth(s, w)
		out = append(out, head)
		s = rest
	}
	return out
}

// WrapStyled wraps text that may hold escape codes to w cells, keeping the
// codes; words longer than w are broken.
func WrapStyled(s string, w int) string { return ansi.Wrap(s, max(w, 1), "") }

// WrapIndent wraps text to w cells with every line indented by indent
// spaces, ending in a newline: the body of a question panel.
func WrapIndent(s string, w, indent int) string {
	var b strings.Builder
	pad := strings.Repeat(" ", indent)
	for _, l := range strings.Split(WrapStyled(s, max(w-indent, 10)), "\n") {
		b.WriteString(pad + l + "\n")
	}
	return b.String()
}

// Hang wraps s to w cells and indents the lines after the first by ind
// cells ("a) option text" with its continuation under the text). Soft line
// breaks of Markdown source are joined first.
func Hang(s string, w, ind int) string {
	s = UnwrapSoft(s)
	if w-ind < 10 {
		return ansi.Wrap(s, max(w, 10), " ")
	}
	lines := strings.Split(ansi.Wrap(s, w, " "), "\n")
	if len(lines) == 1 {
		return lines[0]
	}
	rest := ansi.Wrap(strings.Join(lines[1:], " "), w-ind, " ")
	pad := strings.Repeat(" ", ind)
	return lines[0] + "\n" + pad + strings.ReplaceAll(rest, "\n", "\n"+pad)
}

// UnwrapSoft joins the soft line breaks of Markdown source (one newline
// inside a paragraph) so the text can be folded to the window; blank lines
// between paragraphs stay, and so does a leading indent.
func UnwrapSoft(s string) string {
	lead := s[:len(s)-len(strings.TrimLeft(s, " "))]
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return lead + strings.Join(paras, "\n\n")
}

// WrapMarkdown wraps Markdown source to w cells: the lines of one paragraph
// are joined first, as Markdown does, while list items, tables, code and
// blank lines keep their own lines.
func WrapMarkdown(s string, w int) []string {
	w = max(w, 10)
	var joined []string
	code := false
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") {
			code = !code
		}
		n := len(joined)
		if n > 0 && !code && t != "" && !strings.HasPrefix(t, "```") && joined[n-1] != "" && !blockStart(t) &&
			!strings.HasPrefix(strings.TrimSpace(joined[n-1]), "```") && !strings.HasPrefix(l, "  ") {
			joined[n-1] += " " + t
			continue
		}
		joined = append(joined, l)
	}
	return strings.Split(ansi.Wrap(strings.Join(joined, "\n"), w, ""), "\n")
}

// blockStart reports whether a Markdown line starts its own block.
func blockStart(t string) bool {
	for _, p := range []string{"- ", "* ", "+ ", "|", "#", ">"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}

// SplitAtWidth cuts s after as many runes as fit in w cells, always at
// least one so that callers make progress.
func SplitAtWidth(s string, w int) (head, rest string) {
	end := 0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		if end > 0 && Width(s[:next]) > w {
			break
		}
		end = next
	}
	return s[:end], s[end:]
}

// Clock writes a duration as a countdown does: 4:05, or 1:02:03 past an
// hour. A negative duration is 0:00.
func Clock(d time.Duration) string {
	d = max(d, 0).Round(time.Second)
	hh, mm, ss := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if hh > 0 {
		return fmt.Sprintf("%d:%02d:%02d", hh, mm, ss)
	}
	return fmt.Sprintf("%d:%02d", mm, ss)
}

// Comma writes a whole number with thousands separators: 1,000,000.
func Comma(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
