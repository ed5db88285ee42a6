package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// splitFrontMatter separates a "---" delimited YAML header from the body.
// bodyLine is the 1-based file line on which the body starts.
func splitFrontMatter(src []byte) (front, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
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

// decodeYAML decodes front matter into v, strictly (unknown keys are
// errors), and reports the file line of a problem.
func decodeYAML(data []byte, firstLine int, v any) (line int, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return firstLine, errors.New("front matter is empty")
		}
		return firstLine + yamlErrLine(err) - 1, fmt.Errorf("front matter: %s", yamlErrMsg(err))
	}
	return 0, nil
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
