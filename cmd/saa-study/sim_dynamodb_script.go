package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/console"
)

// runDynamoScript runs a file of console lines ("-" for standard input)
// through the DynamoDB console and prints what the console prints, as
// plain text. A line the console refuses prints its error and the script
// goes on; the exit status is then 1.
func runDynamoScript(g *globals, path string) error {
	lang, err := g.printLang()
	if err != nil {
		return err
	}
	var in io.Reader = g.stdin
	name := "stdin"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return &exitError{code: 1, msg: err.Error()}
		}
		defer f.Close()
		in, name = f, path
	}
	c := console.New(console.Options{Lang: console.Lang(lang)})
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	failed, first := 0, ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out := c.Exec(line)
		for _, l := range out.Lines {
			fmt.Fprintln(g.stdout, l.Text)
		}
		if out.Failed() {
			if failed == 0 {
				first = fmt.Sprintf("%s:%d", name, n)
			}
			failed++
		}
	}
	if err := sc.Err(); err != nil {
		return &exitError{code: 1, msg: fmt.Sprintf("%s: %v", name, err)}
	}
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d line(s) failed, the first at %s", failed, first)}
	}
	return nil
}
