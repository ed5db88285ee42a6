package say

import (
	"regexp"
	"strings"
	"unicode"
)

// verbatim are English phrases a Korean text keeps as they are, because
// the service returns them word for word (AWS Korean documentation quotes
// them the same way).
var verbatim = []string{
	"Endpoint request timed out",
	"Too many connections",
	"Limit Exceeded",
	"Can't connect to MySQL server",
	"Lost connection to MySQL server during query",
	"Timed-out waiting to acquire database connection",
	"User is not authorized to access this resource with an explicit deny",
}

// quotedException is an AWS exception quoted with its message, as the
// service writes it ("InvalidParameterException: Invalid parameter:
// FilterPolicy: Filter policy is too complex"): the message runs to the
// end of the line, or to the fact id cited after it.
var quotedException = regexp.MustCompile(`\b[A-Z][A-Za-z]*Exception: [^\[\n]*`)

// English lists the runs of three or more English words in s: what a
// Korean text should not contain. A word is a token of ASCII letters only
// (after trimming punctuation around it); numbers, ids with dots, dashes or
// underscores (lambda.throttle.code, viewer-request, max_connections) and
// names with other marks (Lambda@Edge, x86_64) are not words, so they end
// a run, and so does punctuation (a name in parentheses after a function
// name is not a sentence). A run made only of capitalised words is a name (Amazon States
// Language, Too Many Requests) and is not flagged; the phrases in verbatim
// are error messages quoted as the service writes them, and so is the
// message after an exception's name (see quotedException).
func English(s string) []string {
	s = quotedException.ReplaceAllString(s, " ")
	for _, v := range verbatim {
		s = strings.ReplaceAll(s, v, " ")
	}
	var out, run []string
	flush := func() {
		if len(run) >= 3 {
			lower := false
			for _, w := range run {
				lower = lower || unicode.IsLower(rune(w[0]))
			}
			if lower {
				out = append(out, strings.Join(run, " "))
			}
		}
		run = run[:0]
	}
	punct := func(r rune) bool { return strings.ContainsRune(`.,:;!?()[]{}"'“”‘’`, r) }
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("|·→←", r) }) {
		w := strings.TrimFunc(tok, punct)
		if !asciiWord(w) {
			flush()
			continue
		}
		if strings.IndexFunc(tok, punct) == 0 {
			flush() // "(word" opens a new clause
		}
		run = append(run, w)
		if strings.LastIndexFunc(tok, punct) == len(tok)-1 {
			flush() // "word," or "word)" closes one
		}
	}
	flush()
	return out
}

func asciiWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) && r != '\'' {
			return false
		}
	}
	return unicode.IsLetter(rune(w[0]))
}

// NotKorean lists what keeps s from reading as Korean: runs of English
// words (see English) and formatting mistakes ("%!d(string=…)") left by a
// Korean format whose verbs do not fit the arguments.
func NotKorean(s string) []string {
	out := English(s)
	if strings.Contains(s, "%!") {
		out = append(out, "bad format: "+s)
	}
	return out
}
