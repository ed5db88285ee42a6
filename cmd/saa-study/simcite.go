package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"
)

// citeSimOutput makes every sim command's printed output cite facts as
// references: "[lambda.throttle.code]" becomes "[1]", and after the output
// a list gives each number's value, meaning, AWS source and date checked.
// Output for programs (--json, the DynamoDB --api and --serve) is left as
// it is.
func citeSimOutput(g *globals, cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		citeSimOutput(g, c)
		run := c.RunE
		if run == nil {
			continue
		}
		c.RunE = func(c *cobra.Command, args []string) error {
			// JSON for scripts, the DynamoDB API and its server speak a
			// protocol: they print what they print.
			for _, name := range []string{"json", "api", "serve"} {
				if f := c.Flags().Lookup(name); f != nil && f.Changed {
					return run(c, args)
				}
			}
			// The facts come from --content when it loads, else from the
			// built-in content: a simulator runs without the notes.
			lib, err := content.Embedded()
			if g.content != "" {
				if own, err := content.LoadDir(g.content); err == nil {
					lib = own
				}
			}
			if err != nil {
				return err
			}
			lang, err := g.printLang()
			if err != nil {
				return err
			}
			out := g.stdout
			w := &citeWriter{out: out, refs: &content.Refs{Lib: lib}, lang: lang}
			g.stdout = w
			defer func() { g.stdout = out }()
			err = run(c, args)
			w.Close()
			return err
		}
	}
}

// citeWriter numbers the facts cited in what passes through it, a line at
// a time (so that an interactive console still prints as it goes), and
// lists them when closed.
type citeWriter struct {
	out  io.Writer
	refs *content.Refs
	lang content.Lang
	buf  []byte
	// blank is whether the last line written was empty.
	blank bool
}

func (w *citeWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		w.blank = i == 0
		if _, err := io.WriteString(w.out, w.refs.Cite(string(w.buf[:i+1]))); err != nil {
			return len(p), err
		}
		w.buf = w.buf[i+1:]
	}
}

// Close writes what is left and the list of facts cited.
func (w *citeWriter) Close() {
	if len(w.buf) > 0 {
		io.WriteString(w.out, w.refs.Cite(string(w.buf))+"\n")
		w.buf, w.blank = nil, false
	}
	notes := w.refs.Notes(w.lang)
	if len(notes) == 0 {
		return
	}
	if !w.blank {
		io.WriteString(w.out, "\n")
	}
	fmt.Fprintln(w.out, text.T(w.lang, "sim.facts.cited"))
	for _, n := range notes {
		fmt.Fprintf(w.out, "[%d] %s — %s\n    %s %s (%s %s)\n", n.N, n.Value, n.Meaning,
			text.T(w.lang, "sim.fact.source"), n.Source, text.T(w.lang, "sim.fact.checked"), n.Checked)
	}
}
