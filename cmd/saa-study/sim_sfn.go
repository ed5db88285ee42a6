package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"

	sfn "github.com/saa-study/saa-study/sim/stepfunctions"
)

func newSimStepFunctionsCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "stepfunctions",
		Aliases: []string{"sfn"},
		Short:   "Validate and run Amazon States Language state machines on a virtual clock",
		Long: `validate checks a definition (JSON or YAML) more strictly than the console's
linter; run executes it with mocked tasks, on virtual time: a one-hour Wait
returns at once and the history shows the hour. --definition takes a file or
the name of a shipped example (` + strings.Join(sfn.ExampleNames(), ", ") + `).`,
	}
	cmd.AddCommand(newSFNValidateCmd(g), newSFNRunCmd(g))
	return cmd
}

// definition reads --definition: a file, or a shipped example (whose mocks
// and input are then the defaults).
func definition(arg string) (def []byte, ex *sfn.Example, err error) {
	if arg == "" {
		return nil, nil, &exitError{code: 2, msg: "--definition FILE (or an example: " + strings.Join(sfn.ExampleNames(), ", ") + ") is required"}
	}
	b, err := os.ReadFile(arg)
	if err == nil {
		return b, nil, nil
	}
	if e, ok := sfn.ExampleByName(arg); ok {
		return e.Definition, &e, nil
	}
	return nil, nil, &exitError{code: 2, msg: fmt.Sprintf("--definition %s: %v (examples: %s)", arg, err, strings.Join(sfn.ExampleNames(), ", "))}
}

func newSFNValidateCmd(g *globals) *cobra.Command {
	var defArg, typ string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "validate",
		Short:   "Check a state machine definition; exit 0 when valid, 1 when not",
		Example: `  saa-study sim stepfunctions validate --definition machine.json --json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			def, _, err := definition(defArg)
			if err != nil {
				return err
			}
			_, problems := sfn.ValidateType(def, sfn.WorkflowType(strings.ToUpper(typ)))
			if asJSON {
				if problems == nil {
					problems = []sfn.Problem{}
				}
				if err := writeJSON(g, map[string]any{"valid": len(problems) == 0, "errors": problems}); err != nil {
					return err
				}
			} else if len(problems) == 0 {
				fmt.Fprintln(g.stdout, text.T(content.Lang(g.simLang()), "simc.valid"))
			} else {
				for _, p := range problems {
					where := p.State
					if where == "" {
						where = "(machine)"
					}
					fmt.Fprintf(g.stdout, "%s: %s: %s\n", where, p.Field, p.Message)
				}
			}
			if len(problems) > 0 {
				return &exitError{code: 1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&defArg, "definition", "", "the definition: a JSON or YAML file, or a shipped example's name")
	cmd.Flags().StringVar(&typ, "type", "standard", "standard or express")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"valid":bool,"errors":[{"state","field","message"}]}`)
	return cmd
}

func newSFNRunCmd(g *globals) *cobra.Command {
	var defArg, input, mocksFile, typ string
	var seed uint64
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Execute a state machine; exit 0 whether it succeeded or failed",
		Example: `  saa-study sim stepfunctions run --definition saga --json
  saa-study sim stepfunctions run --definition machine.json --input '{"n":3}' --mocks mocks.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			def, ex, err := definition(defArg)
			if err != nil {
				return err
			}
			var mocks []byte
			in := []byte(input)
			if ex != nil {
				mocks = ex.Mocks
				if !cmd.Flags().Changed("input") && len(ex.Input) > 0 {
					in = ex.Input
				}
			}
			if mocksFile != "" {
				if mocks, err = os.ReadFile(mocksFile); err != nil {
					return &exitError{code: 2, msg: fmt.Sprintf("--mocks: %v", err)}
				}
			}
			res := sfn.Run(def, in, mocks, sfn.Options{Type: sfn.WorkflowType(strings.ToUpper(typ)), Seed: seed})
			if len(res.Problems) > 0 {
				for _, p := range res.Problems {
					fmt.Fprintf(g.stderr, "%s: %s: %s\n", p.State, p.Field, p.Message)
				}
				return &exitError{code: 1, msg: "the definition is not valid"}
			}
			if asJSON {
				return writeJSON(g, res)
			}
			for _, e := range res.History {
				line := fmt.Sprintf("%s  %-28s %s", e.Timestamp.Format("15:04:05.000"), e.Type, e.State)
				fmt.Fprintln(g.stdout, strings.TrimRight(line, " ")) // no trailing blanks when there is no state
			}
			t := func(k string) string { return text.T(content.Lang(g.simLang()), k) }
			fmt.Fprintf(g.stdout, "\n%s %s", t("simc.status"), res.Status)
			if res.Error != "" {
				fmt.Fprintf(g.stdout, "  %s %s: %s", t("simc.error"), res.Error, res.Cause)
			}
			fmt.Fprintf(g.stdout, "\n"+t("simc.transitions")+"\n", res.Transitions, fmtMillis(res.DurationMs))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&defArg, "definition", "", "the definition: a JSON or YAML file, or a shipped example's name")
	f.StringVar(&input, "input", "{}", "the execution input, JSON")
	f.StringVar(&mocksFile, "mocks", "", "task answers, JSON (see sim/stepfunctions/MOCKS.md)")
	f.StringVar(&typ, "type", "standard", "standard or express")
	f.Uint64Var(&seed, "seed", 1, "random seed (jitter, UUID, MathRandom)")
	f.BoolVar(&asJSON, "json", false, `print {"status","output","error","cause","history":[...]}`)
	return cmd
}

func fmtMillis(ms int64) string {
	switch {
	case ms < 1000:
		return fmt.Sprintf("%d ms", ms)
	case ms < 3600_000:
		return fmt.Sprintf("%.1f s", float64(ms)/1000)
	}
	return fmt.Sprintf("%.1f h", float64(ms)/3600_000)
}
