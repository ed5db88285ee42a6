package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/text"
)

// drawOptions draws a presented question's options before grading: letter,
// a radio "( )" or checkbox "[ ]" mark, and the text, wrapped to w. cursor
// < 0 hides the cursor (the panel does not have focus).
func drawOptions(st *Styles, p quiz.Presented, marked func(pos int) bool, cursor, w int) string {
	var b strings.Builder
	for i, o := range p.Options {
		mark := "( )"
		if p.Choose > 1 {
			mark = "[ ]"
		}
		if marked(i) {
			mark = mark[:1] + "x" + mark[2:]
		}
		line := fmt.Sprintf("%s %s %s", o.Letter, mark, o.Text)
		cur := "  "
		if i == cursor {
			cur = st.Cursor.Render("▸ ")
		}
		for j, l := range strings.Split(ansi.Wrap(line, max(w-6, 10), ""), "\n") {
			if j == 0 {
				b.WriteString(cur + l + "\n")
			} else {
				b.WriteString("      " + l + "\n")
			}
		}
	}
	return b.String()
}

// drawFeedback explains every option after grading: ✓ on the right ones,
// ✗ on a wrong pick, the learner's picks ticked as on the question ("(x)",
// "[x]": a right option that was missed reads "✓ d [ ]"), and each
// option's explanation under it.
func drawFeedback(st *Styles, per []quiz.OptionFeedback, w int) string {
	var b strings.Builder
	right := 0
	for _, f := range per {
		if f.Correct {
			right++
		}
	}
	for _, f := range per {
		box := "( )"
		if right > 1 {
			box = "[ ]"
		}
		if f.Chosen {
			box = box[:1] + "x" + box[2:]
		}
		mark := "  "
		style := st.Muted
		if f.Correct {
			mark, style = "✓ ", st.Good
		} else if f.Chosen {
			mark, style = "✗ ", st.Bad
		}
		for j, l := range strings.Split(ansi.Wrap(mark+f.Letter+" "+box+" "+f.Text, max(w-8, 10), ""), "\n") {
			if j > 0 {
				l = "        " + l
			}
			b.WriteString(style.Render(l) + "\n")
		}
		b.WriteString(text.WrapIndent(plainMarkdown(f.Explanation), w, 4))
	}
	return b.String()
}

// factLine names the facts a question cites, in lang.
func factLine(lib *content.Library, ids []string, lang content.Lang) string {
	if lib == nil {
		return ""
	}
	var parts []string
	for _, id := range ids {
		if f, ok := lib.Fact(id); ok {
			parts = append(parts, f.Display(lang))
		}
	}
	return strings.Join(parts, " · ")
}
