package cardform

import (
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/render"
)

// maxBack keeps a filled-in back to a paragraph or two; the learner trims
// or adds before saving.
const maxBack = 600

var plain = strings.NewReplacer("**", "", "__", "", "`", "")

// Plain is Markdown as a card shows it: links as their text, no marks,
// each paragraph on one line.
func Plain(md string) string {
	md = render.NoteLinkRe.ReplaceAllString(md, "$1")
	paras := strings.Split(plain.Replace(md), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.TrimSpace(strings.Join(paras, "\n\n"))
}

// FromSection fills a card from a note's section: its title on the front,
// its opening paragraphs (no diagrams) on the back.
func FromSection(n *content.Note, id string) (front, back, source string) {
	sec := n.Section(id)
	if sec == nil {
		return n.Title, firstParagraphs(strings.Split(n.Body, "\n")), n.Title
	}
	lines := strings.Split(n.Body, "\n")
	var body []string
	fence := false
	for _, l := range lines[min(sec.BodyLine+1, len(lines)):] {
		t := strings.TrimSpace(l)
		if !fence && strings.HasPrefix(t, "#") {
			break // the next heading
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		if !fence {
			body = append(body, l)
		}
	}
	return n.Title + " › " + sec.Title, firstParagraphs(body), n.Title + " › " + sec.Title + " (" + n.ID + "#" + id + ")"
}

// firstParagraphs joins paragraphs of lines until the back is long enough.
func firstParagraphs(lines []string) string {
	var out []string
	size := 0
	for _, p := range strings.Split(Plain(strings.Join(lines, "\n")), "\n\n") {
		p = strings.TrimSpace(strings.TrimLeft(p, "> "))
		if p == "" || strings.HasPrefix(p, "|") {
			continue // tables do not fit on a card
		}
		if size > 0 && size+len(p) > maxBack {
			break
		}
		out = append(out, p)
		size += len(p)
	}
	return strings.Join(out, "\n\n")
}

// FromQuestion fills a card from a question: the stem on the front, the
// right answer and why on the back.
func FromQuestion(q *content.Question) (front, back string) {
	var b strings.Builder
	for _, o := range q.Options {
		if !o.Correct {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(Plain(o.Text))
		if e := Plain(o.Explanation); e != "" {
			b.WriteString("\n" + e)
		}
	}
	return Plain(q.Stem), b.String()
}
