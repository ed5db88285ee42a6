package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/lab"
	"github.com/saa-study/saa-study/ui/text"
)

func newLabCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lab",
		Short: "Simulator challenges: change settings until the engine passes the goal",
		Long: `A lab is an exam-style situation on one simulator: it starts from settings
that fail its goal, lets you change a few of them within ranges, and checks
the engine's result against the goal (throttled == 0, p99_latency_ms <= target_ms …).`,
		Example: `  saa-study lab list
  saa-study lab show lambda-reserved-throttle
  saa-study lab run lambda-reserved-throttle --set reserved=800 --json`,
	}
	cmd.AddCommand(newLabListCmd(g), newLabShowCmd(g), newLabRunCmd(g))
	return cmd
}

func (g *globals) labLib() (*content.Library, content.Lang, error) {
	lib, err := g.library()
	if err != nil {
		return nil, "", err
	}
	lang, err := g.printLang()
	if err != nil {
		return nil, "", err
	}
	return lib, lang, nil
}

func (g *globals) findLab(id string) (*content.Library, *content.Lab, error) {
	lib, lang, err := g.labLib()
	if err != nil {
		return nil, nil, err
	}
	l := lib.Lab(lang, id)
	if l == nil {
		var ids []string
		for _, x := range lib.Labs(lang) {
			ids = append(ids, x.ID)
		}
		return nil, nil, &exitError{code: 2, msg: fmt.Sprintf("no lab %q; the labs are: %s", id, strings.Join(ids, ", "))}
	}
	return lib, l, nil
}

type labListItem struct {
	ID      string `json:"id"`
	Engine  string `json:"engine"`
	Title   string `json:"title"`
	Section string `json:"section"`
}

func newLabListCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the labs: id, engine, title and the note section each teaches",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			lib, lang, err := g.labLib()
			if err != nil {
				return err
			}
			items := []labListItem{}
			for _, l := range lib.Labs(lang) {
				items = append(items, labListItem{l.ID, l.Engine, l.Title, l.Section})
			}
			if asJSON {
				return writeJSON(g, items)
			}
			for _, it := range items {
				fmt.Fprintf(g.stdout, "%s\t%s\t%s\t%s\n", it.ID, it.Engine, it.Title, it.Section)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print [{"id","engine","title","section"}]`)
	return cmd
}

type labChange struct {
	Setting string   `json:"setting"`
	Min     *float64 `json:"min,omitempty"`
	Max     *float64 `json:"max,omitempty"`
	Choices []string `json:"choices,omitempty"`
	// Text is a setting that takes any text, such as a JSON policy.
	Text bool `json:"text,omitempty"`
}

type labShow struct {
	ID        string             `json:"id"`
	Engine    string             `json:"engine"`
	Title     string             `json:"title"`
	Section   string             `json:"section"`
	Facts     []string           `json:"facts"`
	Situation string             `json:"situation"`
	Settings  map[string]string  `json:"settings"`
	Change    []labChange        `json:"change"`
	Given     map[string]float64 `json:"given,omitempty"`
	Goal      []string           `json:"goal"`
	Solution  map[string]string  `json:"solution"`
	Why       string             `json:"why"`
}

func newLabShowCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show a lab: the situation, its starting settings, what may change, the goal and the solution",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			_, l, err := g.findLab(args[0])
			if err != nil {
				return err
			}
			start, _ := lab.Settings(l, nil)
			s := labShow{ID: l.ID, Engine: l.Engine, Title: l.Title, Section: l.Section, Facts: l.Facts, Situation: l.Situation,
				Settings: start, Solution: lab.Solution(l), Why: l.Why, Change: []labChange{}}
			for _, c := range l.Change {
				lc := labChange{Setting: c.Name, Choices: c.Choices, Text: c.Text}
				if len(c.Choices) == 0 && !c.Text {
					lo, hi := c.Lo, c.Hi
					lc.Min, lc.Max = &lo, &hi
				}
				s.Change = append(s.Change, lc)
			}
			if len(l.Given) > 0 {
				s.Given = map[string]float64{}
				for _, gv := range l.Given {
					s.Given[gv.Name] = gv.Value
				}
			}
			for _, gl := range l.Goal {
				s.Goal = append(s.Goal, gl.Check)
			}
			if asJSON {
				return writeJSON(g, s)
			}
			w := g.stdout
			fmt.Fprintf(w, "%s  (%s, %s)\n\n%s\n\n", l.Title, l.Engine, l.Section, l.Situation)
			fmt.Fprintln(w, "Starts from:")
			for _, v := range l.Settings {
				fmt.Fprintf(w, "  %s = %s\n", v.Name, v.Value)
			}
			fmt.Fprintln(w, "You may change:")
			for _, c := range l.Change {
				fmt.Fprintf(w, "  %s: %s\n", c.Name, c.Range())
			}
			fmt.Fprintln(w, "Goal:")
			for _, gl := range l.Goal {
				fmt.Fprintf(w, "  %s\n", gl.Check)
			}
			for _, gv := range l.Given {
				fmt.Fprintf(w, "  where %s = %s\n", gv.Name, lab.Num(gv.Value))
			}
			fmt.Fprintf(w, "Try: saa-study lab run %s --set %s=…\n", l.ID, l.Change[0].Name)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"id","engine","title","situation","settings","change","goal","solution",...}`)
	return cmd
}

func newLabRunCmd(g *globals) *cobra.Command {
	var sets []string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "run ID [--set name=value ...]",
		Short: "Run a lab with your settings; exit 0 whether it passed or not, 1 on a setting it does not allow",
		Example: `  saa-study lab run lambda-reserved-throttle --set reserved=800
  saa-study lab run dynamodb-hot-key --set keys=1000 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			lib, l, err := g.findLab(args[0])
			if err != nil {
				return err
			}
			over := map[string]string{}
			for _, s := range sets {
				k, v, ok := strings.Cut(s, "=")
				if !ok || strings.TrimSpace(k) == "" {
					return &exitError{code: 1, msg: fmt.Sprintf("--set %q: write name=value, e.g. --set %s=…", s, l.Change[0].Name)}
				}
				over[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
			rep, err := lab.Run(lib, l, over)
			var se *lab.SettingError
			if errors.As(err, &se) {
				return &exitError{code: 1, msg: se.Error()}
			}
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(g, struct {
					Lab         string       `json:"lab"`
					Passed      bool         `json:"passed"`
					Checks      []lab.Result `json:"checks"`
					Explanation string       `json:"explanation"`
				}{rep.Lab, rep.Passed, rep.Checks, rep.Explanation})
			}
			w, t := g.stdout, func(k string) string { return text.T(l.Lang, k) }
			for _, c := range rep.Checks {
				mark := "✓"
				if !c.OK {
					mark = "✗"
				}
				fmt.Fprintf(w, "%s %s: %s %s, %s %s\n", mark, c.Name, t("lab.got"), c.Got, t("lab.want"), c.Want)
			}
			verdict := t("lab.cli.passed")
			if !rep.Passed {
				verdict = t("lab.cli.notyet")
			}
			fmt.Fprintf(w, "\n%s: %s\n%s\n", l.ID, verdict, rep.Explanation)
			if rep.Passed {
				fmt.Fprintf(w, "\n%s %s\n", t("lab.why"), l.Why)
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&sets, "set", nil, "change a setting: name=value (repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"lab","passed","checks":[{"name","want","got","ok"}],"explanation"}`)
	return cmd
}
