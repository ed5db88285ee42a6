// Package expr parses and evaluates DynamoDB expressions: key conditions,
// conditions and filters, update expressions and projections, with the
// ExpressionAttributeNames/Values bookkeeping and AWS's error texts.
package expr

import (
	"strings"
)

type tokKind int

const (
	tEOF    tokKind = iota
	tIdent          // a bare attribute name or keyword
	tName           // #name
	tValue          // :value
	tNumber         // digits, only valid as a list index
	tPunct          // ( ) [ ] , . = <> < <= > >= + -
	tBad            // a character the language has no use for
)

type token struct {
	kind tokKind
	text string
	pos  int
}

// lex splits an expression into tokens. It never fails: unknown characters
// become tBad tokens so that the parser reports them in context.
func lex(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isIdentStart(c) || ((c == '#' || c == ':') && i+1 < len(s) && isIdentPart(s[i+1])):
			j := i + 1
			for j < len(s) && isIdentPart(s[j]) {
				j++
			}
			k := tIdent
			if c == '#' {
				k = tName
			} else if c == ':' {
				k = tValue
			}
			out = append(out, token{k, s[i:j], i})
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			out = append(out, token{tNumber, s[i:j], i})
			i = j
		case c == '<' && i+1 < len(s) && (s[i+1] == '=' || s[i+1] == '>'):
			out = append(out, token{tPunct, s[i : i+2], i})
			i += 2
		case c == '>' && i+1 < len(s) && s[i+1] == '=':
			out = append(out, token{tPunct, s[i : i+2], i})
			i += 2
		case strings.IndexByte("()[],.=<>+-", c) >= 0:
			out = append(out, token{tPunct, s[i : i+1], i})
			i++
		default:
			out = append(out, token{tBad, s[i : i+1], i})
			i++
		}
	}
	return append(out, token{tEOF, "<EOF>", len(s)})
}

func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isIdentPart(c byte) bool { return isIdentStart(c) || (c >= '0' && c <= '9') }

var reservedSet = func() map[string]bool {
	m := make(map[string]bool, len(reservedWords))
	for _, w := range reservedWords {
		m[w] = true
	}
	return m
}()

// IsReserved reports whether word is a DynamoDB reserved word (any case).
func IsReserved(word string) bool { return reservedSet[strings.ToUpper(word)] }
