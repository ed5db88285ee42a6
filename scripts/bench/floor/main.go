// Command floor is the least a program built on saa-study's interface
// libraries can cost: it links Bubble Tea v2, Lip Gloss v2, Bubbles v2 and
// Glamour v2 and nothing else, and does the smallest version of what
// saa-study does. Its figures are the floor under saa-study's own, so
// floor-vs-glow.sh can tell the part of a gap to glow that the libraries
// set from the part saa-study adds. It is run by hand, never by go test.
//
//	floor version      print a version line and exit
//	floor home         a full screen with a rule of box-drawing lines and a
//	                   menu ending in "Simulators"; q quits
//	floor print FILE   FILE rendered by Glamour without colour, 100 columns
//	                   wide, to standard output
//	floor note FILE    FILE rendered by Glamour in a viewport the width of
//	                   the terminal; j and k scroll, q quits
//
// Built with -tags deps it also links the libraries of saa-study's other
// features (deps.go).
package main

import (
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var m tea.Model
	switch os.Args[1] {
	case "version":
		fmt.Println("floor (Bubble Tea v2, Lip Gloss v2, Bubbles v2, Glamour v2)")
		return
	case "home":
		m = home{}
	case "print":
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(100))
		check(err)
		out, err := r.Render(readArg())
		check(err)
		fmt.Print(out)
		return
	case "note":
		m = &note{src: readArg()}
	default:
		usage()
	}
	// The frame rate saa-study runs at, so key-to-frame figures compare.
	_, err := tea.NewProgram(m, tea.WithFPS(120)).Run()
	check(err)
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: floor version | home | print FILE | note FILE")
	os.Exit(2)
}

// readArg reads the file named after the mode.
func readArg() string {
	if len(os.Args) < 3 {
		usage()
	}
	src, err := os.ReadFile(os.Args[2])
	check(err)
	return string(src)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

// home is a screen of the shape of saa-study's home: a title, a rule, a
// menu. The rule is above U+0300, so drawing it measures its cells as
// every Bubble Tea v2 program does in a terminal without Unicode core mode.
type home struct{ width, height int }

func (h home) Init() tea.Cmd { return nil }

func (h home) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.width, h.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return h, tea.Quit
		}
	}
	return h, nil
}

var (
	titleStyle = lipgloss.NewStyle().Bold(true).Padding(1, 2, 0)
	itemStyle  = lipgloss.NewStyle().PaddingLeft(4)
)

func (h home) View() tea.View {
	var b strings.Builder
	b.WriteString(titleStyle.Render("floor"))
	b.WriteString("\n  " + strings.Repeat("─", max(h.width-4, 0)) + "\n")
	for _, item := range []string{"Notes", "Study", "Review", "Exam", "Stats", "Simulators"} {
		b.WriteString(itemStyle.Render("→ "+item) + "\n")
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

// note renders its Markdown once it knows the width, then scrolls it.
type note struct {
	src string
	vp  viewport.Model
	ok  bool
}

func (n *note) Init() tea.Cmd { return nil }

func (n *note) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(msg.Width))
		if err != nil {
			return n, tea.Quit
		}
		out, err := r.Render(n.src)
		if err != nil {
			return n, tea.Quit
		}
		n.vp = viewport.New(viewport.WithWidth(msg.Width), viewport.WithHeight(msg.Height))
		n.vp.SetContent(out)
		n.ok = true
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q":
			return n, tea.Quit
		case "j":
			n.vp.ScrollDown(1)
		case "k":
			n.vp.ScrollUp(1)
		}
	}
	return n, nil
}

func (n *note) View() tea.View {
	v := tea.NewView("")
	if n.ok {
		v = tea.NewView(n.vp.View())
	}
	v.AltScreen = true
	return v
}
