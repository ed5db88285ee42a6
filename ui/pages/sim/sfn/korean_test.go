package sfn

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/say"
	"github.com/saa-study/saa-study/sim/stepfunctions"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/text"
)

func plainT(k string) string { return text.T(content.EN, k) }

// sfnScreens opens the picker and each shipped example, runs it to the end
// (approving a task token when one waits) and returns the screens' own
// Views: the picker, the graph with the history, and the finished run
// with its cost (without the cause a mocked task failed with).
func sfnScreens(t *testing.T, lang content.Lang) []string {
	h := openPicker(t, 200, 60, lang)
	out := []string{h.Top().View()}
	for i := range stepfunctions.Examples() {
		h = openPicker(t, 200, 60, lang)
		for range i {
			h.Keys("down")
		}
		h.Keys("enter")
		con := top(t, h)
		out = append(out, con.View())
		h.Keys("r")
		if _, ok := con.waiting(); ok {
			out = append(out, con.View())
			h.Keys("a")
		}
		// A failed run shows the cause its mocked task returned: data of
		// the example, quoted as the service sent it, not the console's.
		out = append(out, strings.ReplaceAll(con.View(), con.snap.res.Cause, ""))
	}
	return out
}

// TestConsoleReadsInKorean: in Korean no screen of the Step Functions
// picker and console carries an English sentence; in English the same
// walk finds English (the examples' descriptions), so the check sees.
func TestConsoleReadsInKorean(t *testing.T) {
	english := 0
	for _, v := range sfnScreens(t, content.EN) {
		english += len(say.English(ansi.Strip(v)))
	}
	if english == 0 {
		t.Error("the English console shows no English sentence: the check is blind")
	}
	seen := map[string]bool{}
	for _, v := range sfnScreens(t, content.KO) {
		for _, line := range strings.Split(ansi.Strip(v), "\n") {
			for _, p := range say.NotKorean(line) {
				if !seen[p] {
					seen[p] = true
					t.Errorf("%q in %q", p, strings.TrimSpace(line))
				}
			}
		}
	}
}

// TestConsoleHelpReadsInKorean: every key the Step Functions console lists
// in its help, before and after a run, has a Korean description.
func TestConsoleHelpReadsInKorean(t *testing.T) {
	h := openPicker(t, 100, 30, content.KO)
	h.Keys("enter")
	con := top(t, h)
	for _, where := range []string{"before", "after"} {
		for _, g := range keymap.LocalizeGroups(content.KO, con.FullHelp()) {
			for _, b := range g {
				if d := b.Help().Desc; !strings.ContainsFunc(d, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) {
					t.Errorf("%s the run: help %q: %q has no Korean", where, b.Help().Key, d)
				}
			}
		}
		h.Keys("r")
	}
}
