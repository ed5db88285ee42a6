package console

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/saa-study/saa-study/sim/dynamodb"
)

// The DynamoDB console reads commands shaped like the AWS CLI
// (`put-item --table-name T --item '{"pk":{"S":"a"}}'`) and turns each into
// an API operation name and a JSON request body, so what the learner types
// is what they would type against the real service.

// command is one parsed console line.
type command struct {
	// Name is the command as typed (create-table, load, help, …).
	Name string
	// Op is the API operation (CreateTable) for AWS commands, "" otherwise.
	Op string
	// Body is the JSON request for Op.
	Body map[string]any
	// Flags holds console-only switches (--dax) and, for the console's own
	// commands (load, advance), every flag as text.
	Flags map[string]string
	// Args are the words after the command that are not flags.
	Args []string
}

// parseError is a mistake in the command line itself, reported the way
// the AWS CLI reports it (before any request is sent).
type parseError struct{ msg string }

func (e *parseError) Error() string { return e.msg }

// localCommands are the console's own commands; everything else must be
// a DynamoDB operation in kebab case.
var localCommands = map[string]bool{
	"help": true, "load": true, "advance": true, "clear": true, "guide": true,
	"create-cluster": true, "tables": true, "stream": true,
}

// shorthandLists are the list-of-structure flags that accept the CLI's
// shorthand, one structure per word: AttributeName=pk,AttributeType=S.
var shorthandLists = map[string]bool{"attribute-definitions": true, "key-schema": true}

// boolFlags take no value; --no-x sets x to false.
var boolFlags = map[string]bool{"consistent-read": true, "scan-index-forward": true, "dax": true, "gsi": true,
	"use-latest-restorable-time": true}

// timeFlags are timestamps: the CLI accepts ISO 8601 or epoch seconds
// and sends epoch seconds.
var timeFlags = map[string]bool{"restore-date-time": true, "export-time": true, "time-range-lower-bound": true, "time-range-upper-bound": true}

// intFlags are numbers in the request body.
var intFlags = map[string]bool{"limit": true, "segment": true, "total-segments": true}

// splitWords splits a line into words the way a POSIX shell does for the
// cases a learner types: single quotes keep everything, double quotes allow
// \" and \\, a backslash outside quotes escapes the next character.
func splitWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	rs := []rune(line)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\'':
			inWord = true
			j := i + 1
			for j < len(rs) && rs[j] != '\'' {
				cur.WriteRune(rs[j])
				j++
			}
			if j >= len(rs) {
				return nil, &parseError{"unterminated single quote"}
			}
			i = j
		case r == '"':
			inWord = true
			j := i + 1
			for ; j < len(rs) && rs[j] != '"'; j++ {
				if rs[j] == '\\' && j+1 < len(rs) && (rs[j+1] == '"' || rs[j+1] == '\\') {
					j++
				}
				cur.WriteRune(rs[j])
			}
			if j >= len(rs) {
				return nil, &parseError{"unterminated double quote"}
			}
			i = j
		case r == '\\' && i+1 < len(rs):
			inWord = true
			i++
			cur.WriteRune(rs[i])
		case unicode.IsSpace(r):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			inWord = true
			cur.WriteRune(r)
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// pascal turns table-name into TableName.
func pascal(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "-") {
		if part == "" {
			continue
		}
		rs := []rune(part)
		b.WriteRune(unicode.ToUpper(rs[0]))
		b.WriteString(string(rs[1:]))
	}
	return b.String()
}

// parse parses one console line. It never panics; every mistake
// is a *parseError.
func parse(line string) (*command, error) {
	words, err := splitWords(line)
	if err != nil {
		return nil, err
	}
	// Accept a pasted "aws dynamodb put-item …" as well.
	if len(words) > 0 && words[0] == "aws" {
		words = words[1:]
		if len(words) > 0 && (words[0] == "dynamodb" || words[0] == "dax") {
			words = words[1:]
		}
	}
	if len(words) == 0 {
		return nil, &parseError{"empty command"}
	}
	cmd := &command{Name: strings.ToLower(words[0]), Body: map[string]any{}, Flags: map[string]string{}}
	local := localCommands[cmd.Name]
	if !local {
		cmd.Op = pascal(cmd.Name)
		if !knownOp(cmd.Op) || strings.ContainsAny(cmd.Name, "_ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			return nil, &parseError{fmt.Sprintf("aws: error: argument operation: Invalid choice: '%s' (type help for the commands)", words[0])}
		}
	}
	rest := words[1:]
	for i := 0; i < len(rest); i++ {
		w := rest[i]
		if !strings.HasPrefix(w, "--") || len(w) < 3 {
			cmd.Args = append(cmd.Args, w)
			continue
		}
		name := w[2:]
		if v, ok := strings.CutPrefix(name, "no-"); ok && boolFlags[v] {
			setFlag(cmd, local, v, false, "false")
			continue
		}
		if boolFlags[name] {
			setFlag(cmd, local, name, true, "true")
			continue
		}
		// A flag's value is every word up to the next flag (shorthand
		// lists take several).
		var vals []string
		for i+1 < len(rest) && !strings.HasPrefix(rest[i+1], "--") {
			i++
			vals = append(vals, rest[i])
		}
		if len(vals) == 0 {
			return nil, &parseError{fmt.Sprintf("aws: error: argument --%s: expected one argument", name)}
		}
		if local {
			cmd.Flags[name] = strings.Join(vals, " ")
			continue
		}
		v, err := flagValue(name, vals)
		if err != nil {
			return nil, err
		}
		cmd.Body[pascal(name)] = v
	}
	return cmd, nil
}

func setFlag(cmd *command, local bool, name string, v bool, text string) {
	if local || name == "dax" || name == "gsi" {
		cmd.Flags[name] = text
		return
	}
	cmd.Body[pascal(name)] = v
}

// flagValue decodes one flag's words: JSON when it looks like JSON,
// the shorthand for structures, a number for the numeric flags, a string
// otherwise.
func flagValue(name string, vals []string) (any, error) {
	joined := strings.Join(vals, " ")
	t := strings.TrimSpace(joined)
	if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		var v any
		if err := json.Unmarshal([]byte(t), &v); err != nil {
			return nil, &parseError{fmt.Sprintf("Error parsing parameter '--%s': Invalid JSON: %v\nJSON received: %s", name, err, t)}
		}
		return v, nil
	}
	if shorthandLists[name] {
		out := make([]any, 0, len(vals))
		for _, w := range vals {
			m, err := shorthand(name, w)
			if err != nil {
				return nil, err
			}
			out = append(out, m)
		}
		return out, nil
	}
	if len(vals) > 1 {
		return nil, &parseError{fmt.Sprintf("aws: error: argument --%s: expected one argument (quote values with spaces)", name)}
	}
	if timeFlags[name] {
		if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f, nil
		}
		tm, err := time.Parse(time.RFC3339, t)
		if err != nil {
			return nil, &parseError{fmt.Sprintf("Error parsing parameter '--%s': Unable to parse timestamp %q (use 2025-01-01T00:00:30Z or epoch seconds)", name, t)}
		}
		return float64(tm.UnixMilli()) / 1000, nil
	}
	if intFlags[name] {
		n, err := strconv.Atoi(t)
		if err != nil {
			return nil, &parseError{fmt.Sprintf("Error parsing parameter '--%s': invalid literal for int(): %s", name, t)}
		}
		return n, nil
	}
	if strings.Contains(t, "=") && !strings.Contains(name, "expression") && !strings.Contains(name, "name") {
		return shorthand(name, t)
	}
	return t, nil
}

// shorthand reads Key=Value,Key=Value into an object. Digits become
// numbers and true/false booleans, as the CLI does for typed members.
func shorthand(name, s string) (map[string]any, error) {
	m := map[string]any{}
	for _, pair := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(pair, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, &parseError{fmt.Sprintf("Error parsing parameter '--%s': Expected: '=', received: '%s' for input: %s", name, pair, s)}
		}
		v = strings.TrimSpace(v)
		switch {
		case v == "true" || v == "false":
			m[k] = v == "true"
		case isDigits(v):
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, &parseError{fmt.Sprintf("Error parsing parameter '--%s': number out of range: %s", name, v)}
			}
			m[k] = n
		default:
			m[k] = v
		}
	}
	return m, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// knownOp reports whether op is an operation the engine serves.
func knownOp(op string) bool {
	for _, o := range dynamodb.Operations {
		if o == op {
			return true
		}
	}
	return false
}

// isParseError tells a command-line mistake from an API error.
func isParseError(err error) bool {
	var pe *parseError
	return errors.As(err, &pe)
}
