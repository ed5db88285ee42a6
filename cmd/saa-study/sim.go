package main

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/sim/scenario"
)

// newSimCmd groups the simulators' scriptable twins. With no engine named
// it opens the Simulators screen.
func newSimCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sim [engine]",
		Short: "Open the simulators, or run one from the command line",
		Long: `With no engine, opens the Simulators screen. Each engine has a quick run
from flags and a --scenario run (a shipped scenario id or your own YAML file);
--json prints the result for scripts.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			var names []string
			for _, c := range cmd.Commands() {
				names = append(names, c.Name())
			}
			return &exitError{code: 2, msg: fmt.Sprintf("no simulator %q%s; the engines are %s", args[0], didYouMean(args[0], names), strings.Join(names, ", "))}
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return g.runTUI(cmd.Context(), "sim", "saa-study sim ENGINE --json (see saa-study sim --help)")
		},
	}
	cmd.AddCommand(newSimLambdaCmd(g), newSimAPIGatewayCmd(g), newSimEdgeCmd(g), newSimRDSProxyCmd(g), newSimStepFunctionsCmd(g), newSimDynamoDBCmd(g), newSimSNSCmd(g))
	citeSimOutput(g, cmd)
	return cmd
}

// runScenario runs --scenario for any engine: the title and the lesson,
// then show prints the runs; with --json all of it as one object (plus
// extra's fields, when given).
func runScenario[S scenario.Scenario[R], R any](g *globals, arg string, asJSON bool, parse func([]byte) (S, error),
	shipped func() ([]S, error), show func(g *globals, runs R), extra func(S) map[string]any) error {
	sc, err := loadScenario(arg, parse, shipped)
	if err != nil {
		return err
	}
	runs, err := sc.Run()
	if err != nil {
		return simError(err)
	}
	info := sc.About()
	lang, err := g.printLang()
	if err != nil {
		return err
	}
	title, lesson := info.In(string(lang))
	if asJSON {
		out := map[string]any{"scenario": info.ID, "title": title, "lesson": lesson, "runs": runs}
		if extra != nil {
			maps.Copy(out, extra(sc))
		}
		return writeJSON(g, out)
	}
	fmt.Fprintf(g.stdout, "%s\n%s\n\n", title, strings.TrimSpace(lesson))
	show(g, runs)
	return nil
}

// loadScenario resolves --scenario for any engine: a YAML file when one
// exists at that path (its problems reported as file:line), otherwise the id
// of a shipped scenario (an unknown id lists the shipped ones).
func loadScenario[S scenario.Scenario[R], R any](arg string, parse func([]byte) (S, error), shipped func() ([]S, error)) (S, error) {
	var zero S
	data, isFile, err := scenarioSource(arg)
	if err != nil {
		return zero, simError(err)
	}
	if isFile {
		sc, err := parse(data)
		if err != nil {
			return zero, &exitError{code: 1, msg: scenario.InFile(err, arg).Error()}
		}
		return sc, nil
	}
	all, err := shipped()
	if err != nil {
		return zero, err
	}
	var ids []string
	for _, s := range all {
		id := s.About().ID
		if id == arg {
			return s, nil
		}
		ids = append(ids, id)
	}
	return zero, unknownScenario(arg, ids)
}

// scenarioSource reads --scenario: a file when one exists at that path,
// otherwise the id of a shipped scenario.
func scenarioSource(arg string) (data []byte, isFile bool, err error) {
	b, err := os.ReadFile(arg)
	if err == nil {
		return b, true, nil
	}
	if errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(arg, `/\.`) {
		return nil, false, nil
	}
	return nil, false, err
}

// simError turns an engine's refusal into exit status 1 with its message
// ("Exception: message", as AWS words it).
func simError(err error) error {
	return &exitError{code: 1, msg: err.Error()}
}

// unknownScenario lists the shipped ids.
func unknownScenario(id string, ids []string) error {
	return &exitError{code: 2, msg: fmt.Sprintf("no scenario %q%s: give a YAML file or one of: %s", id, didYouMean(id, ids), strings.Join(ids, ", "))}
}
