// Command saa-study is a terminal study and exam trainer for the serverless
// part of the AWS Solutions Architect – Associate exam.
//
//	saa-study                 open the home screen
//	saa-study notes --list    list the notes
//	saa-study lint DIR        check a content folder
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exitError carries an exit code to main; its message has been printed
// already when msg is empty.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// run executes the command line and returns the exit code: 0 success,
// 1 an error (bad file, bad content), 2 misuse (bad flags, no terminal).
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	withUsageOnArgErrors(root)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(versionString()),
		fang.WithoutManpage(),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			var ee *exitError
			if errors.As(err, &ee) && ee.msg == "" {
				return
			}
			fmt.Fprintf(w, "saa-study: %v\n", err)
		}),
	)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isUsage(err) {
		return 2
	}
	return 1
}

// withUsageOnArgErrors makes a wrong number of arguments say what the
// command expects ("accepts 1 arg(s), received 0; usage: saa-study backup
// FILE"), on every command of the tree.
func withUsageOnArgErrors(c *cobra.Command) {
	if check := c.Args; check != nil {
		cmd := c
		c.Args = func(cc *cobra.Command, args []string) error {
			if err := check(cc, args); err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("%v; usage: %s", err, cmd.UseLine())}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		withUsageOnArgErrors(sub)
	}
}
