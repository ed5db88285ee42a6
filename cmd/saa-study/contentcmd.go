package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
)

func newContentCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "content",
		Short: "Facts and numbers about the content",
	}
	var factsJSON, statsJSON bool
	facts := &cobra.Command{
		Use:   "facts",
		Short: "List every fact with its value and AWS source",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := g.library()
			if err != nil {
				return err
			}
			if factsJSON {
				return writeJSON(g, factList(lib))
			}
			lang, err := g.printLang()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			for _, f := range lib.Facts {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", f.ID, f.Display(lang), f.Source)
			}
			return tw.Flush()
		},
	}
	facts.Flags().BoolVar(&factsJSON, "json", false, "print JSON: [{id, value, unit, meaning, source, checked}]")
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Count notes, sections, facts, questions and cards",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := g.library()
			if err != nil {
				return err
			}
			s := content.Count(lib)
			if statsJSON {
				return writeJSON(g, s)
			}
			fmt.Fprintf(g.stdout, "notes %d/%d (en/ko), sections %d, facts %d\nquestions %d (multiple %d), cards %d\n",
				s.Notes["en"], s.Notes["ko"], s.Sections, s.Facts, s.Questions.Total, s.Questions.Multiple, s.Cards.Total)
			return nil
		},
	}
	stats.Flags().BoolVar(&statsJSON, "json", false, "print JSON")
	cmd.AddCommand(facts, stats)
	return cmd
}

type factJSON struct {
	ID      string `json:"id"`
	Value   any    `json:"value"`
	Unit    string `json:"unit"`
	Meaning string `json:"meaning"`
	Source  string `json:"source"`
	Checked string `json:"checked"`
}

func factList(lib *content.Library) []factJSON {
	out := make([]factJSON, 0, len(lib.Facts))
	for _, f := range lib.Facts {
		var v any = f.Value
		if f.IsNumber {
			v = f.Number
		}
		out = append(out, factJSON{f.ID, v, f.Unit, f.Meaning, f.Source, f.Checked})
	}
	return out
}

func writeJSON(g *globals, v any) error {
	enc := json.NewEncoder(g.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
