package sfn

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/saa-study/saa-study/sim/stepfunctions"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// stateMark is what the history says about a state so far.
type stateMark int

const (
	markNone   stateMark = iota
	markActive           // entered, not yet exited
	markDone             // entered and exited
	markFailed           // a failure was raised in it
)

// stateMarks reads the history: which states ran, which runs now, which failed.
func stateMarks(h []stepfunctions.Event) map[string]stateMark {
	m := map[string]stateMark{}
	for _, e := range h {
		if e.State == "" {
			continue
		}
		switch {
		case e.Type == "FailStateEntered":
			m[e.State] = markFailed
		case strings.HasSuffix(e.Type, "StateEntered"):
			m[e.State] = markActive
		case strings.HasSuffix(e.Type, "StateExited"):
			if m[e.State] != markFailed {
				m[e.State] = markDone
			}
		case strings.HasSuffix(e.Type, "Failed"), strings.HasSuffix(e.Type, "TimedOut"):
			m[e.State] = markFailed
		}
	}
	return m
}

// graphView is a drawn state machine: its lines, and the line each state's
// box starts on (for scrolling to the running state).
type graphView struct {
	lines []string
	at    map[string]int
}

// drawGraph draws a Layout as boxes by row, top to bottom, with the
// transitions under each row: a plain arrow when one state simply goes on
// to the next row, a labelled line for Choice branches, Catch and loops.
// Parallel branches and Map processors are drawn as lanes under their state.
func drawGraph(st *styles.Styles, t func(string) string, g stepfunctions.Graph, marks map[string]stateMark, w int) graphView {
	gv := graphView{at: map[string]int{}}
	rows := make([][]stepfunctions.Node, g.Rows)
	rowOf := map[string]int{}
	for _, n := range g.Nodes {
		if n.Row >= 0 && n.Row < len(rows) {
			rows[n.Row] = append(rows[n.Row], n)
			rowOf[n.Name] = n.Row
		}
	}
	out := func(s string) { gv.lines = append(gv.lines, text.Truncate(s, w)) }
	for r, row := range rows {
		// Pack the row's boxes into as many lines of boxes as the width needs.
		var packed [][]string
		var cur []string
		curW := 0
		for _, n := range row {
			b := stateBox(st, n, marks[n.Name])
			bw := lipgloss.Width(b)
			if len(cur) > 0 && curW+1+bw > w {
				packed = append(packed, cur)
				cur, curW = nil, 0
			}
			gv.at[n.Name] = len(gv.lines) + 3*len(packed)
			cur = append(cur, b)
			curW += bw + 1
		}
		if len(cur) > 0 {
			packed = append(packed, cur)
		}
		for _, p := range packed {
			withGaps := make([]string, 0, 2*len(p))
			for i, b := range p {
				if i > 0 {
					withGaps = append(withGaps, " ")
				}
				withGaps = append(withGaps, b)
			}
			for _, l := range strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, withGaps...), "\n") {
				out(l)
			}
		}
		for _, n := range row {
			for _, l := range drawLanes(st, t, n, marks, w) {
				out(l)
			}
		}
		// Transitions out of this row.
		var edges []stepfunctions.Edge
		for _, e := range g.Edges {
			if rowOf[e.From] == r {
				if _, known := rowOf[e.From]; known {
					edges = append(edges, e)
				}
			}
		}
		if len(row) == 1 && len(edges) == 1 && edges[0].Label == "Next" && rowOf[edges[0].To] == r+1 && len(rows[r+1]) == 1 {
			out(st.Muted.Render("   ↓"))
			continue
		}
		for _, e := range edges {
			out(st.Muted.Render("  " + e.From + " ─" + e.Label + "→ " + e.To))
		}
	}
	return gv
}

// stateBox is one state: its name in a rounded box, its type in the
// bottom border, coloured by what the history says about it.
func stateBox(st *styles.Styles, n stepfunctions.Node, mark stateMark) string {
	name := n.Name
	if n.Start {
		name = "▶ " + name
	}
	if mark == markActive {
		name = "● " + name
	}
	border := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	switch mark {
	case markActive:
		border = border.BorderForeground(st.P.Accent).Foreground(st.P.Accent).Bold(true)
	case markDone:
		border = border.BorderForeground(st.P.Good).Foreground(st.P.Good)
	case markFailed:
		border = border.BorderForeground(st.P.Bad).Foreground(st.P.Bad)
	default:
		border = border.BorderForeground(st.P.Border).Foreground(st.P.Text)
	}
	box := border.Render(name)
	// Write the state type into the bottom border: ╰─ Task ───╯.
	lines := strings.Split(box, "\n")
	last := len(lines) - 1
	inner := lipgloss.Width(lines[last]) - 2
	typ := n.Type
	if n.End && n.Type != "Succeed" && n.Type != "Fail" {
		typ += " ■"
	}
	if lbl := "─ " + typ + " "; lipgloss.Width(lbl) <= inner {
		bottom := "╰" + lbl + strings.Repeat("─", inner-lipgloss.Width(lbl)) + "╯"
		fg := border.GetBorderTopForeground()
		lines[last] = lipgloss.NewStyle().Foreground(fg).Render(bottom)
	}
	return strings.Join(lines, "\n")
}

// drawLanes draws a Parallel's branches or a Map's processor compactly:
// each lane a column of state names with arrows, the lanes side by side
// when they fit, else one under another.
func drawLanes(st *styles.Styles, t func(string) string, n stepfunctions.Node, marks map[string]stateMark, w int) []string {
	if len(n.Lanes) == 0 {
		return nil
	}
	var lanes []string
	for i, lane := range n.Lanes {
		title := fmt.Sprintf(t("sfn.branch"), i+1)
		if n.Type == "Map" {
			title = t("sfn.each")
		}
		var body []string
		for j, node := range lane.Nodes {
			if j > 0 {
				body = append(body, "↓")
			}
			name := node.Name
			s := lipgloss.NewStyle()
			switch marks[node.Name] {
			case markActive:
				name = "● " + name
				s = s.Foreground(st.P.Accent).Bold(true)
			case markDone:
				s = s.Foreground(st.P.Good)
			case markFailed:
				s = s.Foreground(st.P.Bad)
			}
			body = append(body, s.Render("["+name+"]"))
		}
		box := lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(st.P.Border).Padding(0, 1).
			Render(st.Muted.Render(title) + "\n" + strings.Join(body, "\n"))
		lanes = append(lanes, box)
	}
	side := lipgloss.JoinHorizontal(lipgloss.Top, interleave(lanes, " ")...)
	var out []string
	if lipgloss.Width(side)+2 <= w {
		out = strings.Split(side, "\n")
	} else {
		for _, l := range lanes {
			out = append(out, strings.Split(l, "\n")...)
		}
	}
	for i := range out {
		out[i] = "  " + out[i]
	}
	return out
}

func interleave(xs []string, sep string) []string {
	out := make([]string, 0, 2*len(xs))
	for i, x := range xs {
		if i > 0 {
			out = append(out, sep)
		}
		out = append(out, x)
	}
	return out
}
