package question

import (
	"strings"

	"github.com/saa-study/saa-study/ui/styles"
)

// InlineMarkdown renders the inline Markdown a question may carry — `code`,
// **strong**, *emphasis* (or _emphasis_) and [links](url) — with the
// program's styles and without the marks, and joins the lines of each
// paragraph, as the notes show them. The result is measured and wrapped
// like any styled text (text.Width, text.WrapStyled); a link shows its
// text. Unclosed marks stay as they are.
func InlineMarkdown(st *styles.Styles, s string) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		paras[i] = inline(st, strings.Join(strings.Fields(p), " "))
	}
	return strings.Join(paras, "\n\n")
}

func inline(st *styles.Styles, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case rest[0] == '`':
			if j := strings.IndexByte(rest[1:], '`'); j >= 0 {
				b.WriteString(st.Code.Render(rest[1 : 1+j]))
				i += j + 2
				continue
			}
		case strings.HasPrefix(rest, "**") || strings.HasPrefix(rest, "__"):
			if j := strings.Index(rest[2:], rest[:2]); j > 0 {
				b.WriteString(st.Strong.Render(inlinePlain(rest[2 : 2+j])))
				i += j + 4
				continue
			}
		case rest[0] == '*' || (rest[0] == '_' && (i == 0 || s[i-1] == ' ')):
			if j := strings.IndexByte(rest[1:], rest[0]); j > 0 && rest[1] != ' ' {
				b.WriteString(st.Emph.Render(inlinePlain(rest[1 : 1+j])))
				i += j + 2
				continue
			}
		case rest[0] == '[':
			if j := strings.Index(rest, "]("); j > 0 {
				if k := strings.IndexByte(rest[j:], ')'); k > 0 {
					b.WriteString(st.Link.Render(inlinePlain(rest[1:j])))
					i += j + k + 1
					continue
				}
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// inlinePlain drops the marks inside a styled span (code keeps its text).
func inlinePlain(s string) string {
	return strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
}
