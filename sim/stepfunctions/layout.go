package stepfunctions

// Edge is a transition between two states of one scope.
// Label is "Next", "Default", "Choices[i]" or "Catch[i] <errors>".
type Edge struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label"`
}

// Node is a state placed on a grid: Row is its breadth-first depth from
// StartAt, Col its position within the row. Parallel branches and the Map
// item processor are laid out as nested graphs, one lane each.
type Node struct {
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Row      int     `json:"row"`
	Col      int     `json:"col"`
	Start    bool    `json:"start,omitempty"`
	End      bool    `json:"end,omitempty"`
	Lanes    []Graph `json:"lanes,omitempty"`
	Resource string  `json:"resource,omitempty"`
}

// Graph is pure layout data for a TUI to draw; it has no drawing code.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	Rows  int    `json:"rows"`
	Cols  int    `json:"cols"`
}

// Layout places the states of m on rows by breadth-first depth, so the
// happy path reads top to bottom and catch/compensation paths fall to the
// side. Back edges (loops) are kept as edges; they do not move nodes.
func Layout(m *Machine) Graph {
	var g Graph
	if m == nil {
		return g
	}
	depth := map[string]int{}
	if m.States[m.StartAt] != nil {
		depth[m.StartAt] = 0
	}
	for _, n := range m.Order { // Order is breadth-first, so parents come first
		d, ok := depth[n]
		if !ok {
			d = 0
			for _, x := range depth {
				if x+1 > d {
					d = x + 1
				}
			}
			depth[n] = d
		}
		for _, e := range m.States[n].Transitions() {
			if _, seen := depth[e.To]; !seen && m.States[e.To] != nil {
				depth[e.To] = d + 1
			}
		}
	}
	colAt := map[int]int{}
	for _, n := range m.Order {
		s := m.States[n]
		r := depth[n]
		node := Node{Name: n, Type: s.Type, Row: r, Col: colAt[r], Start: n == m.StartAt, End: s.Terminal(), Resource: s.Resource}
		colAt[r]++
		for _, br := range s.Branches {
			node.Lanes = append(node.Lanes, Layout(br))
		}
		if s.Processor != nil {
			node.Lanes = append(node.Lanes, Layout(s.Processor))
		}
		g.Nodes = append(g.Nodes, node)
		g.Edges = append(g.Edges, s.Transitions()...)
		if r+1 > g.Rows {
			g.Rows = r + 1
		}
		if colAt[r] > g.Cols {
			g.Cols = colAt[r]
		}
	}
	return g
}
