package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/text"
)

// activeBindings are the keys that work at once on the top screen: its
// short help, its full help (only the sections that apply now), and the
// App's ? and q unless the screen is taking text.
func activeBindings(a *App) []key.Binding {
	s := a.top()
	out := append([]key.Binding{}, s.ShortHelp()...)
	if sc, ok := s.(common.Sectioned); ok {
		for _, sec := range sc.HelpSections() {
			if !sec.Inactive {
				out = append(out, sec.Keys...)
			}
		}
	} else {
		for _, g := range s.FullHelp() {
			out = append(out, g...)
		}
	}
	if cp, ok := s.(common.Capturer); !ok || !cp.Capturing() {
		out = append(out, a.c.Keys.Help, a.c.Keys.Quit)
	}
	return out
}

// TestClashCheckerCatchesASharedKey: the checker below reports two
// meanings of one key (Study's old u and c), and not one binding listed
// twice.
func TestClashCheckerCatchesASharedKey(t *testing.T) {
	unsure := key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "unsure"))
	half := key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u", "½ page up"))
	pick := key.NewBinding(key.WithKeys("a", "b", "c"), key.WithHelp("a–c", "choose"))
	toc := key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "contents"))
	if got := keymap.Clashes([]key.Binding{unsure, half, pick, toc}); len(got) != 2 {
		t.Errorf("clashes = %q, want u and c", got)
	}
	if got := keymap.Clashes([]key.Binding{unsure, pick, unsure}); len(got) != 0 {
		t.Errorf("one binding twice is no clash: %q", got)
	}
	off := toc
	off.SetEnabled(false)
	if got := keymap.Clashes([]key.Binding{pick, off}); len(got) != 0 {
		t.Errorf("a disabled binding is no clash: %q", got)
	}
}

// helpCases are the layout cases plus the states whose keys differ: the
// note pane of Study with focus.
func helpCases(lib *content.Library) []layoutCase {
	cases := layoutCases(lib)
	for _, n := range lib.Notes(content.EN)[:2] {
		cases = append(cases, layoutCase{name: "study " + n.ID + " note pane", target: "study:" + n.ID, keys: []string{"tab"}})
	}
	return cases
}

// TestNoTwoActiveBindingsShareAKey: on every screen, in each state the
// layout test reaches, no key has two meanings among the bindings that
// work at the same time.
func TestNoTwoActiveBindingsShareAKey(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: content.EN, Theme: "dark", Now: fixedClock})
	drive(a, tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, lc := range helpCases(lib) {
		a.stack = a.stack[:1]
		if lc.setup != nil {
			lc.setup(t, a)
		}
		if lc.target != "" {
			drive(a, common.OpenMsg{Target: lc.target})
		}
		for _, k := range lc.keys {
			drive(a, press(k))
		}
		if c := keymap.Clashes(activeBindings(a)); len(c) > 0 {
			t.Errorf("%s (%T): keys with two meanings at once: %s", lc.name, a.top(), strings.Join(c, "; "))
		}
	}
}

// TestHelpFitsTheWindowAndSaysWhereKeysApply: the ? overlay of every
// screen fits the window at every size (columns wrap to the next row, long
// lines wrap), nothing is cut with "…", and Study's names the question
// pane and the note pane.
func TestHelpFitsTheWindowAndSaysWhereKeysApply(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		for _, sz := range layoutSizes {
			a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock})
			drive(a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			for _, lc := range helpCases(lib) {
				a.stack = a.stack[:1]
				a.c.Lang = lang
				if lc.setup != nil {
					lc.setup(t, a)
				}
				if lc.target != "" {
					drive(a, common.OpenMsg{Target: lc.target})
				}
				for _, k := range lc.keys {
					drive(a, press(k))
				}
				name := fmt.Sprintf("%s/%dx%d/%s", lang, sz[0], sz[1], lc.name)
				v := ansi.Strip(a.fullHelpView(a.width))
				for _, l := range strings.Split(v, "\n") {
					if text.Width(l) > a.width {
						t.Errorf("%s: a help line is %d wide in %d: %q", name, text.Width(l), a.width, l)
					}
				}
				if strings.Contains(v, "…") {
					t.Errorf("%s: the help cuts a line:\n%s", name, v)
				}
				if strings.HasPrefix(lc.name, "study ") && strings.Contains(lc.name, "-") && lang == content.EN {
					for _, want := range []string{"Question pane", "Note pane", "tab"} {
						if !strings.Contains(v, want) {
							t.Errorf("%s: the help does not name %q:\n%s", name, want, v)
						}
					}
				}
			}
		}
	}
}
