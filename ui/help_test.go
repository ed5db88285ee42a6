package ui

import (
	"context"
	"fmt"
	"slices"
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
	k := keymap.Default()
	if got := keymap.Clashes([]key.Binding{k.Left, k.Right, k.Change}); len(got) != 0 {
		t.Errorf("one meaning named two ways is no clash: %q", got)
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

// helpApp is the app at 100×30 on the built-in content, in English.
func helpApp(t *testing.T) (*App, *content.Library) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: content.EN, Theme: "dark", Now: fixedClock})
	drive(a, tea.WindowSizeMsg{Width: 100, Height: 30})
	return a, lib
}

// TestNoTwoActiveBindingsShareAKey: on every screen, in each state the
// layout test reaches, no key has two meanings among the bindings that
// work at the same time.
func TestNoTwoActiveBindingsShareAKey(t *testing.T) {
	a, lib := helpApp(t)
	for _, lc := range helpCases(lib) {
		lc.reach(t, a)
		if c := keymap.Clashes(activeBindings(a)); len(c) > 0 {
			t.Errorf("%s (%T): keys with two meanings at once: %s", lc.name, a.top(), strings.Join(c, "; "))
		}
	}
}

// TestHelpBarNamesEachKeyOnce: the bar at the foot of every screen names
// each key once, whether the screen lists esc itself or the app adds it.
func TestHelpBarNamesEachKeyOnce(t *testing.T) {
	a, lib := helpApp(t)
	for _, lc := range helpCases(lib) {
		lc.reach(t, a)
		seen := map[string]bool{}
		for _, b := range a.shortHelp() {
			h := b.Help().Key
			if seen[h] {
				t.Errorf("%s (%T): the help bar names %q twice", lc.name, a.top(), h)
			}
			seen[h] = true
		}
	}
}

// TestContentsSayEscClosesThem: in a note's contents esc closes them, back
// to the note, as their heading says; the help bar says "close", not
// "back".
func TestContentsSayEscClosesThem(t *testing.T) {
	a, _ := helpApp(t)
	layoutCase{target: "note:lambda", keys: []string{"c"}}.reach(t, a)
	var escs []string
	for _, b := range a.shortHelp() {
		if b.Help().Key == "esc" {
			escs = append(escs, b.Help().Desc)
		}
	}
	if !slices.Equal(escs, []string{"close"}) {
		t.Errorf("the help bar names esc as %q, want only \"close\"", escs)
	}
	if v := ansi.Strip(a.top().View()); !strings.Contains(v, "esc closes") {
		t.Errorf("the contents do not say what esc does:\n%s", v)
	}
}

// TestHelpBarNamesBothArrowsThatChange: where ← and → change a value, the
// bar names both ("←/→ change"), not one of them.
func TestHelpBarNamesBothArrowsThatChange(t *testing.T) {
	a, lib := helpApp(t)
	left := tea.KeyPressMsg{Code: tea.KeyLeft}
	right := tea.KeyPressMsg{Code: tea.KeyRight}
	for _, lc := range helpCases(lib) {
		lc.reach(t, a)
		for _, b := range a.shortHelp() {
			if b.Help().Desc == "change" && key.Matches(left, b) != key.Matches(right, b) {
				t.Errorf("%s (%T): the help bar names %q for change", lc.name, a.top(), b.Help().Key)
			}
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
				a.c.Lang = lang
				lc.reach(t, a)
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

// TestFullHelpScrollsInASmallWindow: where the ? overlay is taller than
// the room (the note reader's at 40×12), it shows a page and a line saying which
// lines these are, and ↓/j, G and ↑/k page through every line of it, the
// last column (esc back, q quit) included; each page fits the room. In a
// window it fits, it is shown whole with no such line, and the keys that
// page it reach the screen under it no more than before: none do.
func TestFullHelpScrollsInASmallWindow(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: content.EN, Theme: "dark", Now: fixedClock, Start: "note:lambda"})
	drive(a, tea.WindowSizeMsg{Width: 40, Height: 12})
	drive(a, press("?"))
	full := strings.Split(ansi.Strip(a.fullHelpView(a.width)), "\n")
	if len(full) <= a.c.Height {
		t.Fatalf("the reader's help (%d lines) fits %d lines at 40×12; the test needs one that does not", len(full), a.c.Height)
	}
	page := func() []string {
		lines := strings.Split(ansi.Strip(a.View().Content), "\n")
		return lines[2 : 2+a.c.Height] // below the header and its blank line
	}
	seen := map[string]bool{}
	for i := 0; i < len(full); i++ {
		p := page()
		if !strings.Contains(p[len(p)-1], "more help") {
			t.Fatalf("page %d does not end with where the reader is:\n%s", i, strings.Join(p, "\n"))
		}
		for _, l := range p[:len(p)-1] {
			seen[l] = true
		}
		drive(a, press("j"))
	}
	for _, l := range full {
		if !seen[l] {
			t.Errorf("paging with j never showed the help line %q", l)
		}
	}
	if !seen["q  quit"] || !seen["esc back"] {
		t.Errorf("esc back and q quit were never shown")
	}
	drive(a, press("G"))
	if last := page(); !strings.Contains(last[len(last)-1], fmt.Sprintf("of %d", len(full))) || !strings.Contains(strings.Join(last, "\n"), "q  quit") {
		t.Errorf("G does not show the help's last page:\n%s", strings.Join(last, "\n"))
	}
	drive(a, press("k"))
	room := a.c.Height - 1
	if up := page(); !strings.Contains(up[len(up)-1], fmt.Sprintf("lines %d–%d of %d", len(full)-room, len(full)-1, len(full))) {
		t.Errorf("k after G does not move up a line at once:\n%s", strings.Join(up, "\n"))
	}
	drive(a, press("g"))
	if first := page(); first[0] != full[0] {
		t.Errorf("g does not go back to the help's first line:\n%s", strings.Join(first, "\n"))
	}

	drive(a, tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := ansi.Strip(a.View().Content); strings.Contains(v, "more help") || !strings.Contains(v, "q  quit") {
		t.Errorf("at 100×30 the help should show whole:\n%s", v)
	}
}
