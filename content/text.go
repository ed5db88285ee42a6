package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// checkBytes reports what must never reach a terminal: bytes that are not
// UTF-8, NUL bytes and other control characters (an ESC starts a terminal
// escape sequence). Tabs and line ends are text. It reports the first
// problem of each line and says whether the file is clean.
func checkBytes(file string, src []byte, c *collector) bool {
	clean := true
	line := 1
	for len(src) > 0 {
		end := len(src)
		for i, b := range src {
			if b == '\n' {
				end = i + 1
				break
			}
		}
		if msg := badByte(src[:end]); msg != "" {
			c.add(file, line, "%s", msg)
			clean = false
		}
		src = src[end:]
		line++
	}
	return clean
}

// badByte describes the first bad byte or character of one line, or "".
func badByte(l []byte) string {
	what, col := badRune(l)
	switch {
	case what == "":
		return ""
	case strings.HasPrefix(what, "invalid"):
		return fmt.Sprintf("%s at column %d: save the file as UTF-8", what, col)
	case strings.HasPrefix(what, "NUL"):
		return fmt.Sprintf("%s at column %d: remove it; content is plain text", what, col)
	}
	return fmt.Sprintf("%s at column %d: remove it; the terminal would act on it", what, col)
}

// badRune names the first byte or character of s that is not plain text,
// and its column, or returns "".
func badRune(s []byte) (what string, col int) {
	col = 1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("invalid UTF-8 byte 0x%02x", s[i]), col
		case r == 0:
			return "NUL byte", col
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			return fmt.Sprintf("control character U+%04X", r), col
		}
		i += size
		col++
	}
	return "", 0
}

// checkScalars reports YAML values that decode to what checkBytes refuses
// in the file itself: an escape such as "\e" or "\x00" in a quoted string.
// firstLine is the file line of the YAML's first line.
func checkScalars(n *yaml.Node, file string, firstLine int, c *collector) {
	if n.Kind == yaml.ScalarNode {
		if what, _ := badRune([]byte(n.Value)); what != "" {
			c.add(file, firstLine+n.Line-1, "the value %q contains %s, written as an escape: remove it", n.Value, what)
		}
	}
	for _, ch := range n.Content {
		checkScalars(ch, file, firstLine, c)
	}
}

// readFront splits a questions or cards file and decodes its front matter
// into v. A front matter that cannot be read is the first problem of the
// file (broken); the body is still returned when there is one, so that the
// rest of the file is checked, and what follows only from the front matter
// (its translation, its topic) is counted on that problem.
func readFront(file string, src []byte, v any, c *collector) (front, body []byte, bodyLine int, broken bool) {
	front, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		c.addRoot(frontKey(file), frontWhat, file, 1, "%v", err)
		return front, body, bodyLine, true
	}
	if line, err := decodeYAML(front, 2, v); err != nil {
		c.addRoot(frontKey(file), frontWhat, file, line, "%v", err)
		return front, body, bodyLine, true
	}
	checkFrontMatter(front, file, c)
	return front, body, bodyLine, false
}

// frontKey names a file whose front matter cannot be read, for the
// problems that follow from it.
func frontKey(file string) string { return "front:" + file }

const frontWhat = "problem that follows from it|problems that follow from it"

// checkFrontMatter applies the text rules to a front matter that decoded:
// no escaped control characters and no template actions (titles and ids
// are shown as they are).
func checkFrontMatter(front []byte, file string, c *collector) {
	var root yaml.Node
	if yaml.Unmarshal(front, &root) == nil {
		checkScalars(&root, file, 2, c)
	}
	checkActions(string(front), false, file, 2, c)
}

// The template actions content may use: fact calls everywhere, cloze marks
// in cards. Anything else between {{ and }} is refused, so that no stray
// action reaches a reader as text.
var (
	factCallAt  = regexp.MustCompile(`^` + factCallRe.String())
	looseCallAt = regexp.MustCompile(`^` + looseCallRe.String())
	clozeOpenAt = regexp.MustCompile(`^\{\{c\d+::`)
)

// checkActions reports every {{ in text that does not open a fact call
// ({{fact "id"}}, {{value "id"}}) or, in cards (cloze), a cloze mark
// ({{c1::...}}). firstLine is the file line of text's first line.
// Unquoted fact calls are left to expandFacts, which explains them.
func checkActions(text string, cloze bool, file string, firstLine int, c *collector) {
	line := firstLine
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			return
		}
		line += strings.Count(text[i:i+j], "\n")
		i += j
		rest := text[i:]
		switch {
		case factCallAt.MatchString(rest):
			i += len(factCallAt.FindString(rest))
			continue
		case looseCallAt.MatchString(rest):
			i += len(looseCallAt.FindString(rest))
			continue
		case cloze && clozeOpenAt.MatchString(rest):
			i += len(clozeOpenAt.FindString(rest))
			continue
		}
		eol := strings.IndexByte(rest, '\n')
		if eol < 0 {
			eol = len(rest)
		}
		if k := strings.Index(rest[:eol], "}}"); k >= 0 {
			c.add(file, line, "%s: not a template action saa-study knows; content may use {{fact \"id\"}} and {{value \"id\"}}%s", shown(rest[:k+2]), clozeHint(cloze))
			i += k + 2
			continue
		}
		c.add(file, line, "%s: not closed; a template action is {{fact \"id\"}} or {{value \"id\"}} on one line%s", shown(strings.TrimRight(rest[:eol], "\r")), clozeHint(cloze))
		i += 2
	}
}

// shown is content text as a problem may print it: as it is when it is
// plain text, else quoted, so that a problem never carries an escape
// sequence to the terminal.
func shown(s string) string {
	if what, _ := badRune([]byte(s)); what != "" {
		return strconv.Quote(s)
	}
	return s
}

func clozeHint(cloze bool) string {
	if cloze {
		return ", and cloze marks {{c1::...}}"
	}
	return ""
}
