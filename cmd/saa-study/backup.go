package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/store"
)

func newBackupCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Write all progress (reviews, schedule, answers, decks, settings) to a JSON file",
		Long: `Writes a versioned JSON backup of the progress database; "-" writes to
standard output. Restore it with "saa-study restore FILE".`,
		Example: "  saa-study backup ~/saa-backup.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			if args[0] == "-" {
				return st.Backup(cmd.Context(), g.stdout)
			}
			if err := writeFileAtomic(args[0], func(w io.Writer) error { return st.Backup(cmd.Context(), w) }); err != nil {
				return err
			}
			fmt.Fprintf(g.stderr, "backup written to %s\n", args[0])
			return nil
		},
	}
}

func newRestoreCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace all progress with a backup file",
		Long: `Reads a backup written by "saa-study backup" ("-" reads standard input) and
replaces the progress in --db with it, in one transaction. A file that cannot be
read, or one written by a newer saa-study, is refused and nothing is changed.`,
		Example: "  saa-study restore ~/saa-backup.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var in io.Reader = g.stdin
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return &exitError{code: 1, msg: err.Error()}
				}
				defer f.Close()
				in = f
			}
			// Read and check the whole file before opening the store.
			b, err := store.ReadBackup(in)
			if err != nil {
				return &exitError{code: 1, msg: fmt.Sprintf("%s: %v; nothing was changed", args[0], err)}
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.RestoreFile(cmd.Context(), b); err != nil {
				if errors.Is(err, store.ErrBadBackup) {
					return &exitError{code: 1, msg: fmt.Sprintf("%s: %v; nothing was changed", args[0], err)}
				}
				return &exitError{code: 1, msg: err.Error()}
			}
			fmt.Fprintf(g.stderr, "restored %s into %s\n", args[0], st.Path())
			return nil
		},
	}
}
