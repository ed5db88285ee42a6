package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
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
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return g.runTUI(cmd.Context(), "sim", "saa-study sim ENGINE --json (see saa-study sim --help)")
		},
	}
	cmd.AddCommand(newSimLambdaCmd(g), newSimAPIGatewayCmd(g), newSimEdgeCmd(g), newSimRDSProxyCmd(g), newSimStepFunctionsCmd(g), newSimDynamoDBCmd(g))
	return cmd
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
	return &exitError{code: 2, msg: fmt.Sprintf("no scenario %q: give a YAML file or one of: %s", id, strings.Join(ids, ", "))}
}
