package classroom

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/saa-study/saa-study/ui/styles"
)

// glyphRows is how tall a block letter is.
const glyphRows = 5

// glyphs draws letters and digits five cells wide and five rows tall in
// full blocks ('#' here), big enough to read from the back of a room and
// visible without colour.
var glyphs = map[rune][glyphRows]string{
	'A': {" ### ", "#   #", "#####", "#   #", "#   #"},
	'B': {"#### ", "#   #", "#### ", "#   #", "#### "},
	'C': {" ####", "#    ", "#    ", "#    ", " ####"},
	'D': {"#### ", "#   #", "#   #", "#   #", "#### "},
	'E': {"#####", "#    ", "#### ", "#    ", "#####"},
	'F': {"#####", "#    ", "#### ", "#    ", "#    "},
	'G': {" ####", "#    ", "#  ##", "#   #", " ####"},
	'H': {"#   #", "#   #", "#####", "#   #", "#   #"},
	'I': {"#####", "  #  ", "  #  ", "  #  ", "#####"},
	'J': {"  ###", "    #", "    #", "#   #", " ### "},
	'K': {"#   #", "#  # ", "###  ", "#  # ", "#   #"},
	'L': {"#    ", "#    ", "#    ", "#    ", "#####"},
	'M': {"#   #", "## ##", "# # #", "#   #", "#   #"},
	'N': {"#   #", "##  #", "# # #", "#  ##", "#   #"},
	'O': {" ### ", "#   #", "#   #", "#   #", " ### "},
	'P': {"#### ", "#   #", "#### ", "#    ", "#    "},
	'Q': {" ### ", "#   #", "# # #", "#  # ", " ## #"},
	'R': {"#### ", "#   #", "#### ", "#  # ", "#   #"},
	'S': {" ####", "#    ", " ### ", "    #", "#### "},
	'T': {"#####", "  #  ", "  #  ", "  #  ", "  #  "},
	'U': {"#   #", "#   #", "#   #", "#   #", " ### "},
	'V': {"#   #", "#   #", "#   #", " # # ", "  #  "},
	'W': {"#   #", "#   #", "# # #", "## ##", "#   #"},
	'X': {"#   #", " # # ", "  #  ", " # # ", "#   #"},
	'Y': {"#   #", " # # ", "  #  ", "  #  ", "  #  "},
	'Z': {"#####", "   # ", "  #  ", " #   ", "#####"},
	'0': {" ### ", "#  ##", "# # #", "##  #", " ### "},
	'1': {"  #  ", " ##  ", "  #  ", "  #  ", " ### "},
	'2': {" ### ", "#   #", "  ## ", " #   ", "#####"},
	'3': {"#### ", "    #", " ### ", "    #", "#### "},
	'4': {"#   #", "#   #", "#####", "    #", "    #"},
	'5': {"#####", "#    ", "#### ", "    #", "#### "},
	'6': {" ### ", "#    ", "#### ", "#   #", " ### "},
	'7': {"#####", "    #", "   # ", "  #  ", "  #  "},
	'8': {" ### ", "#   #", " ### ", "#   #", " ### "},
	'9': {" ### ", "#   #", " ####", "    #", " ### "},
}

// bigCode draws the join code in block letters, one column apart, in the
// accent colour. A character without a glyph is drawn as itself in the
// middle row.
func bigCode(code string, st *styles.Styles) string {
	var rows [glyphRows]strings.Builder
	for i, r := range code {
		g, ok := glyphs[r]
		if !ok {
			g = [glyphRows]string{"     ", "     ", "  " + string(r) + "  ", "     ", "     "}
		}
		for k := range glyphRows {
			if i > 0 {
				rows[k].WriteString(" ")
			}
			rows[k].WriteString(strings.ReplaceAll(g[k], "#", "█"))
		}
	}
	style := lipgloss.NewStyle().Foreground(st.P.Accent)
	out := make([]string, glyphRows)
	for k := range rows {
		out[k] = style.Render(rows[k].String())
	}
	return strings.Join(out, "\n")
}
