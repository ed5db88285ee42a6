package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

func newReportsCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "reports",
		Short: "List the questions you reported (r on a question) for the authors",
		Long: `Lists every question reported from the Practice screen: when, the question id,
its language, the content version that was shown, and the note typed in.`,
		Example: `  saa-study reports
  saa-study reports --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			rs, err := st.QuestionReports(cmd.Context())
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rs)
			}
			if len(rs) == 0 {
				fmt.Fprintln(g.stderr, "no questions reported")
				return nil
			}
			for _, r := range rs {
				v := r.ContentVersion
				if len(v) > 12 {
					v = v[:12]
				}
				fmt.Fprintf(g.stdout, "%s  %s (%s, content %s)\n    %s\n", r.ReportedAt.Local().Format("2006-01-02 15:04"), r.QuestionID, r.Lang, v, r.Note)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: [{id, question_id, lang, note, content_version, reported_at}]")
	return cmd
}
