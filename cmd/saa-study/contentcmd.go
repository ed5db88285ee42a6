package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
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
			writeFacts(g.stdout, lib.Facts(), lang)
			return nil
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
	out := make([]factJSON, 0, len(lib.Facts()))
	for _, f := range lib.Facts() {
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

// factValueWidth is the widest value the facts table pads to; a longer
// value (a list of integrations, say) runs on, and only its own line is
// longer, instead of pushing every source far to the right.
const factValueWidth = 40

// writeFacts prints id, value and source in columns.
func writeFacts(w io.Writer, facts []content.Fact, lang content.Lang) {
	idW, valW := 0, 0
	for _, f := range facts {
		idW = max(idW, len(f.ID))
		if vw := runewidth.StringWidth(f.Display(lang)); vw <= factValueWidth {
			valW = max(valW, vw)
		}
	}
	for _, f := range facts {
		v := f.Display(lang)
		pad := max(valW-runewidth.StringWidth(v), 0)
		fmt.Fprintf(w, "%-*s  %s%s  %s\n", idW, f.ID, v, strings.Repeat(" ", pad), f.Source)
	}
}
