package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

type questionFront struct {
	Topic string `yaml:"topic"`
	Quiz  string `yaml:"quiz"`
	Title string `yaml:"title"`
}

var optionRe = regexp.MustCompile(`^\[([ xX])\]\s*(.*)$`)

// block is one "## id" entry of a questions or cards file.
type block struct {
	id    string
	line  int
	nodes []ast.Node
}

// splitBlocks groups the top-level nodes after each "##" heading. Content
// before the first heading is reported.
func splitBlocks(file string, d *doc, c *collector) []block {
	var out []block
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			out = append(out, block{id: d.plain(h), line: d.nodeLine(h)})
			continue
		}
		if len(out) == 0 {
			c.add(file, d.nodeLine(n), "text before the first \"## id\" heading: every question or card starts with one")
			continue
		}
		out[len(out)-1].nodes = append(out[len(out)-1].nodes, n)
	}
	return out
}

// parseQuestions reads a questions file (or a teacher's quiz file).
func parseQuestions(file string, lang Lang, src []byte, ld *loader, quiz bool) (front questionFront, qs []*Question) {
	c := ld.c
	_, body, bodyLine, broken := readFront(file, src, &front, c)
	if broken && body == nil {
		return front, nil
	}
	topic := front.Topic
	if quiz || front.Quiz != "" {
		quiz = true
		topic = front.Quiz
		if topic == "" {
			topic = front.Topic
		}
	}
	if topic == "" && !broken {
		c.add(file, 2, "front matter needs \"topic: <note id>\" (or \"quiz: <id>\" for a quiz file)")
	}
	checkActions(string(body), false, file, bodyLine, c)
	expanded := expandFacts(string(body), lang, file, bodyLine, ld)
	d := parseDoc([]byte(expanded), bodyLine)
	for _, b := range splitBlocks(file, d, c) {
		if q := parseQuestion(file, lang, topic, b, d, ld, quiz); q != nil {
			qs = append(qs, q)
		} else {
			ld.brokenItem(lang, "question", b.id)
		}
	}
	if len(qs) == 0 {
		c.add(file, bodyLine, "no questions: add \"## question-id\" blocks")
	}
	return front, qs
}

func parseQuestion(file string, lang Lang, topic string, b block, d *doc, ld *loader, quiz bool) *Question {
	c := ld.c
	q := &Question{ID: b.id, Lang: lang, Topic: topic, Choose: 1, File: file, Line: b.line}
	if !idRe.MatchString(b.id) {
		c.add(file, b.line, "question id %q: use lowercase letters, digits and '-'", b.id)
	}
	nodes := b.nodes
	if len(nodes) == 0 {
		c.add(file, b.line, "question %q is empty", b.id)
		return nil
	}
	meta := d.metaBlock(nodes[0])
	if meta == nil {
		c.add(file, d.nodeLine(nodes[0]), "question %q: the first paragraph must be its key: value lines (domain, difficulty, …)", b.id)
		return nil
	}
	applyQuestionMeta(file, q, meta, c, quiz)
	nodes = nodes[1:]
	// The options are the last list; everything before it is the stem.
	li := -1
	for i, n := range nodes {
		if l, ok := n.(*ast.List); ok && !l.IsOrdered() && isTaskList(d, l) {
			li = i
			break
		}
	}
	if li < 0 {
		c.add(file, b.line, "question %q has no options: list them as \"- [x] right\" and \"- [ ] wrong\"", b.id)
		return nil
	}
	if li == 0 {
		c.add(file, b.line, "question %q has no stem: write the scenario before the options", b.id)
	} else {
		q.Stem = d.raw(nodes[0], nodes[li-1])
	}
	for _, extra := range nodes[li+1:] {
		c.add(file, d.nodeLine(extra), "question %q: text after the options; explanations belong indented under each option", b.id)
	}
	before := len(c.ps)
	for item := nodes[li].FirstChild(); item != nil; item = item.NextSibling() {
		lines := d.lines(item)
		line := d.nodeLine(item)
		if len(lines) == 0 {
			c.add(file, line, "question %q: empty option", b.id)
			continue
		}
		m := optionRe.FindStringSubmatch(strings.TrimSpace(lines[0]))
		if m == nil {
			c.add(file, line, "question %q: option must start with [x] or [ ]", b.id)
			continue
		}
		o := Option{Text: strings.TrimSpace(m[2]), Correct: m[1] != " ", Line: line}
		var expl []string
		for _, l := range lines[1:] {
			expl = append(expl, strings.TrimSpace(l))
		}
		o.Explanation = strings.TrimSpace(strings.Join(expl, "\n"))
		if o.Text == "" {
			c.add(file, line, "question %q: option has no text", b.id)
		}
		if o.Explanation == "" {
			c.add(file, line, "question %q: option %q has no explanation: add an indented line under it saying why it is right or wrong", b.id, short(o.Text))
		}
		q.Options = append(q.Options, o)
	}
	if len(c.ps) > before {
		q.bad |= badShape
	}
	checkShape(file, q, c)
	return q
}

func isTaskList(d *doc, l *ast.List) bool {
	if l.FirstChild() == nil {
		return false
	}
	lines := d.lines(l.FirstChild())
	return len(lines) > 0 && optionRe.MatchString(strings.TrimSpace(lines[0]))
}

var questionKeys = []string{"domain", "difficulty", "choose", "section", "facts", "objectives"}

// misspelt is the known key that k was meant to be: near it and not
// written in the same block; "" if none.
func misspelt(k string, meta map[string]metaValue, known []string) string {
	for _, want := range known {
		if _, written := meta[want]; !written && near(k, want) {
			return want
		}
	}
	return ""
}

func applyQuestionMeta(file string, q *Question, meta map[string]metaValue, c *collector, quiz bool) {
	// meant holds the keys a misspelt key was meant to be: their absence
	// is not reported again.
	meant := map[string]bool{}
	for _, k := range sortedKeys(meta) {
		mv := meta[k]
		switch k {
		case "domain":
			q.Domain = mv.v
			if _, ok := DomainWeight[mv.v]; !ok {
				c.add(file, mv.line, "domain %q: use secure, resilient, performant or cost", mv.v)
				q.bad |= badDomain
			}
		case "difficulty":
			n, err := strconv.Atoi(mv.v)
			if err != nil || n < 1 || n > 3 {
				c.add(file, mv.line, "difficulty %q: use 1, 2 or 3", mv.v)
			}
			q.Difficulty = n
		case "choose":
			n, err := strconv.Atoi(mv.v)
			if err != nil || n < 1 || n > 4 {
				c.add(file, mv.line, "choose %q: use a number from 1 to 4", mv.v)
				q.bad |= badShape
				n = 1
			}
			q.Choose = n
		case "section":
			q.Section = mv.v
			q.sectionLine = mv.line
		case "facts":
			q.Facts = splitList(mv.v)
			q.factsLine = mv.line
		case "objectives":
			for _, s := range splitList(mv.v) {
				n, err := strconv.Atoi(s)
				if err != nil || n < 1 || n > 25 {
					c.add(file, mv.line, "objective %q: use numbers from 1 to 25", s)
					continue
				}
				q.Objectives = append(q.Objectives, n)
			}
		default:
			if m := misspelt(k, meta, questionKeys); m != "" {
				c.add(file, mv.line, "unknown key %q: did you mean %q?", k, m)
				meant[m] = true
				continue
			}
			c.add(file, mv.line, "unknown key %q (known: %s)", k, strings.Join(questionKeys, ", "))
		}
	}
	if _, ok := meta["domain"]; !ok && !meant["domain"] {
		c.add(file, q.Line, "question %q has no domain", q.ID)
		q.bad |= badDomain
	}
	if _, ok := meta["difficulty"]; !ok && !meant["difficulty"] {
		c.add(file, q.Line, "question %q has no difficulty", q.ID)
	}
	if _, ok := meta["section"]; !ok {
		q.bad |= badSection
	}
	if _, ok := meta["section"]; !ok && !quiz && !meant["section"] {
		c.add(file, q.Line, "question %q has no section: name the note section that teaches it (note-id#section-id)", q.ID)
	}
}

// checkShape verifies the question has the form it claims.
func checkShape(file string, q *Question, c *collector) {
	n := len(c.ps)
	defer func() {
		if len(c.ps) > n {
			q.bad |= badShape
		}
	}()
	correct := len(q.Correct())
	// An option that could not be read was reported: the counts follow
	// from it.
	if q.bad&badShape != 0 {
		return
	}
	fewForChoose := q.Choose > 1 && len(q.Options) < 5
	switch {
	case len(q.Options) < 4:
		c.add(file, q.Line, "question %q has %d options; give at least 4", q.ID, len(q.Options))
	case fewForChoose && correct != q.Choose && correct > 0:
		// Both follow from one choose: line; say it once.
		c.add(file, q.Line, "question %q says choose %d but marks %s correct and has %d options (choose %d needs at least 5): fix choose: or the options", q.ID, q.Choose, plural(correct, "option", "options"), len(q.Options), q.Choose)
		return
	case fewForChoose:
		c.add(file, q.Line, "question %q asks to choose %d but has %d options; give at least 5", q.ID, q.Choose, len(q.Options))
	}
	switch {
	case correct == 0:
		c.add(file, q.Line, "question %q has no correct option: mark the right one with [x]", q.ID)
	case correct != q.Choose:
		c.add(file, q.Line, "question %q says choose %d but marks %s correct", q.ID, q.Choose, plural(correct, "option", "options"))
	}
}

// plural is "1 option" or "3 options".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
