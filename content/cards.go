package content

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

type cardFront struct {
	Topic string `yaml:"topic"`
}

var (
	clozeRe = regexp.MustCompile(`\{\{c(\d+)::(.*?)\}\}`)
	// badClozeRe finds a cloze mark written wrong ({{c1:x}}, {{c1 x}}),
	// which checkActions reports.
	badClozeRe = regexp.MustCompile(`\{\{\s*c\d+\b`)
)

// parseCards reads a flashcards file.
func parseCards(file string, lang Lang, src []byte, ld *loader) []*Card {
	c := ld.c
	var front cardFront
	_, body, bodyLine, broken := readFront(file, src, &front, c)
	if broken && body == nil {
		return nil
	}
	if front.Topic == "" && !broken {
		c.add(file, 2, "front matter needs \"topic: <note id>\"")
	}
	checkActions(string(body), true, file, bodyLine, c)
	expanded := expandFacts(string(body), lang, file, bodyLine, ld)
	d := parseDoc([]byte(expanded), bodyLine)
	var cards []*Card
	for _, b := range splitBlocks(file, d, c) {
		if card := parseCard(file, lang, front.Topic, b, d, c); card != nil {
			cards = append(cards, card)
		} else {
			ld.brokenItem(lang, "card", b.id)
		}
	}
	if len(cards) == 0 {
		c.add(file, bodyLine, "no cards: add \"## card-id\" blocks")
	}
	return cards
}

func parseCard(file string, lang Lang, topic string, b block, d *doc, c *collector) *Card {
	card := &Card{ID: b.id, Lang: lang, Topic: topic, File: file, Line: b.line}
	if !idRe.MatchString(b.id) {
		c.add(file, b.line, "card id %q: use lowercase letters, digits and '-'", b.id)
	}
	nodes := b.nodes
	meant := "" // the key a misspelt key was meant to be
	if len(nodes) > 0 {
		if meta := d.metaBlock(nodes[0]); meta != nil {
			for _, k := range sortedKeys(meta) {
				mv := meta[k]
				switch k {
				case "section":
					card.Section = mv.v
					card.sectionLine = mv.line
				case "tags":
					card.Tags = splitList(mv.v)
				default:
					if m := misspelt(k, meta, []string{"section", "tags"}); m != "" {
						c.add(file, mv.line, "unknown key %q: did you mean %q?", k, m)
						meant = m
						continue
					}
					c.add(file, mv.line, "unknown key %q (known: section, tags)", k)
				}
			}
			nodes = nodes[1:]
		}
	}
	if card.Section == "" && meant != "section" {
		c.add(file, b.line, "card %q has no section: add \"section: note-id#section-id\" under the heading", b.id)
	}
	if len(nodes) == 0 {
		c.add(file, b.line, "card %q is empty", b.id)
		return nil
	}
	qi, ai := -1, -1
	for i, n := range nodes {
		if _, ok := n.(*ast.Paragraph); !ok {
			continue
		}
		t := strings.TrimSpace(d.raw(n, n))
		if qi < 0 && strings.HasPrefix(t, "Q:") {
			qi = i
		} else if qi >= 0 && ai < 0 && strings.HasPrefix(t, "A:") {
			ai = i
		}
	}
	switch {
	case qi >= 0 && ai > qi:
		card.Front = strings.TrimSpace(strings.TrimPrefix(d.raw(nodes[qi], nodes[ai-1]), "Q:"))
		card.Back = strings.TrimSpace(strings.TrimPrefix(d.raw(nodes[ai], nodes[len(nodes)-1]), "A:"))
		if card.Front == "" || card.Back == "" {
			c.add(file, b.line, "card %q: both Q: and A: need text", b.id)
		}
	case qi >= 0:
		c.add(file, b.line, "card %q has a Q: but no A: paragraph", b.id)
		return nil
	default:
		card.Cloze = d.raw(nodes[0], nodes[len(nodes)-1])
		if !clozeRe.MatchString(card.Cloze) && badClozeRe.MatchString(card.Cloze) {
			return nil // the malformed mark is reported where it is
		}
		if !clozeRe.MatchString(card.Cloze) {
			c.add(file, b.line, "card %q is neither Q:/A: nor cloze: mark hidden text with {{c1::...}}", b.id)
			return nil
		}
	}
	return card
}

// ClozeNumbers returns the distinct cloze numbers of a cloze card, in order.
func (c *Card) ClozeNumbers() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range clozeRe.FindAllStringSubmatch(c.Cloze, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// ClozeText renders the cloze with number n hidden (as "[...]") and the
// others shown; reveal=true shows every answer.
func (c *Card) ClozeText(n string, reveal bool) string {
	return clozeRe.ReplaceAllStringFunc(c.Cloze, func(m string) string {
		sub := clozeRe.FindStringSubmatch(m)
		if sub[1] == n && !reveal {
			return "[…]"
		}
		return sub[2]
	})
}
