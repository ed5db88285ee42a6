package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// splitFrontMatter separates a "---" delimited YAML header from the body.
// bodyLine is the 1-based file line on which the body starts.
func splitFrontMatter(src []byte) (front, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		// A header written without its opening line: the body is what
		// follows its closing line, so that the header is not read as a
		// heading of the body.
		if body, bodyLine, ok := headerWithoutOpening(src); ok {
			return nil, body, bodyLine, errors.New(`front matter has no opening line: add a line "---" above line 1`)
		}
		return nil, src, 1, errors.New(`missing front matter: the file must start with a line "---", the YAML header, and another "---"`)
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if strings.TrimRight(string(l), "\r \t") == "---" {
			front = rest[:off]
			if end < 0 {
				return front, nil, line + 1, nil
			}
			return front, rest[off+end+1:], line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, nil, 1, errors.New(`front matter is not closed: add a line "---" after the YAML header`)
}

var yamlKeyRe = regexp.MustCompile(`^[A-Za-z_]+:`)

// headerWithoutOpening finds "key: value" lines at the start of src closed
// by a "---" line, and returns what follows them.
func headerWithoutOpening(src []byte) (body []byte, bodyLine int, ok bool) {
	lines := strings.SplitAfter(string(src), "\n")
	if len(lines) == 0 || !yamlKeyRe.MatchString(lines[0]) {
		return nil, 0, false
	}
	off := 0
	for i, l := range lines {
		off += len(l)
		t := strings.TrimRight(l, "\r\n \t")
		switch {
		case t == "---":
			return src[off:], i + 2, true
		case yamlKeyRe.MatchString(t), strings.HasPrefix(t, " "), strings.HasPrefix(t, "-"), t == "":
		default:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// decodeYAML decodes front matter into v, strictly (unknown keys are
// errors), and reports the file line of a problem.
func decodeYAML(data []byte, firstLine int, v any) (line int, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return firstLine, errors.New("front matter is empty")
		}
		line := firstLine + yamlErrLine(err) - 1
		var te *yaml.TypeError
		if errors.As(err, &te) {
			key, val, ok := keyAt(data, yamlErrLine(err))
			switch {
			case ok && strings.Contains(te.Errors[0], "not found in type"):
				return line, fmt.Errorf("front matter: unknown key %q (known: %s)", key, strings.Join(yamlKeys(v), ", "))
			case ok:
				return line, fmt.Errorf("front matter: %s: %s, not %q", key, wantOf(key), val)
			}
		}
		return line, fmt.Errorf("front matter: %s", yamlErrMsg(err))
	}
	return 0, nil
}

// yamlKeys lists the yaml keys of the struct v points to.
func yamlKeys(v any) []string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// keyAt finds the top-level key of the front matter whose value starts on
// line (1-based within data), and that value as written.
func keyAt(data []byte, line int) (key, value string, ok bool) {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return "", "", false
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Line == line || k.Line == line {
			val := v.Value
			if v.Kind != yaml.ScalarNode {
				val = strings.TrimSpace(strings.SplitN(string(data), "\n", line+1)[line-1])
				val = strings.TrimSpace(strings.TrimPrefix(val, k.Value+":"))
			}
			return k.Value, val, true
		}
	}
	return "", "", false
}

// wantOf says what a front matter key takes.
func wantOf(key string) string {
	switch key {
	case "related":
		return `a list of note ids, e.g. "related: [lambda, lambda-vpc]"`
	case "order":
		return "a whole number, e.g. \"order: 3\""
	}
	return "a single line of text"
}

// frontLines maps each top-level key of a front matter to its file line,
// and each item of a list value to its line (key "related" → lines of
// its items). firstLine is the file line of the front matter's first line.
func frontLines(front []byte, firstLine int) (keys map[string]int, items map[string][]int) {
	keys, items = map[string]int{}, map[string][]int{}
	var root yaml.Node
	if yaml.Unmarshal(front, &root) != nil || len(root.Content) == 0 {
		return keys, items
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		keys[k.Value] = firstLine + k.Line - 1
		for _, it := range v.Content {
			items[k.Value] = append(items[k.Value], firstLine+it.Line-1)
		}
	}
	return keys, items
}

// yamlErrLine pulls "line N" out of a yaml.v3 error (1 when it has none).
func yamlErrLine(err error) int {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	var n int
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &n)
	}
	if n < 1 {
		n = 1
	}
	return n
}

// yamlErrMsg strips yaml.v3's prefixes so the message reads as a sentence.
func yamlErrMsg(err error) string {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if i := strings.Index(msg, "line "); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			msg = msg[:i] + msg[i+j+2:]
		}
	}
	return strings.TrimSpace(msg)
}
