package ui

import (
	"regexp"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
)

// MaxReadingWidth caps the text width of notes, as glow caps its pager:
// long lines are slow to read.
const MaxReadingWidth = 100

// renderKey identifies one rendering of a note.
type renderKey struct {
	lang  content.Lang
	id    string
	width int
	style string
}

// renderCache keeps rendered notes so that going back to a note, or
// resizing back, costs nothing. Safe for the render commands' goroutines.
type renderCache struct {
	mu sync.Mutex
	m  map[renderKey]string
}

func newRenderCache() *renderCache { return &renderCache{m: map[renderKey]string{}} }

func (r *renderCache) get(k renderKey) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.m[k]
	return s, ok
}

func (r *renderCache) put(k renderKey, s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.m[k] = s
}

// StyleName picks the glamour style: "dark", "light", or "plain" for
// output without colour.
func styleConfig(name string) gansi.StyleConfig {
	var s gansi.StyleConfig
	switch name {
	case "light":
		s = styles.LightStyleConfig
	case "plain":
		s = styles.ASCIIStyleConfig
	default:
		s = styles.DarkStyleConfig
	}
	// Diagrams are drawn to fit content.MaxCodeWidth; indenting code blocks
	// beyond the page margin would push them past a 60-column window.
	zero := uint(0)
	s.CodeBlock.Margin = &zero
	// Glamour wraps a block quote's text before adding its "│ " bar, so
	// long quotes spill past the width and leave words without the bar.
	// Callouts ("Exam tip:") are drawn as coloured paragraphs instead.
	empty := ""
	s.BlockQuote.IndentToken = &empty
	s.BlockQuote.Indent = &zero
	if name != "plain" {
		quote := "#E5C07B"
		if name == "light" {
			quote = "#8A5A00"
		}
		s.BlockQuote.Color = &quote
	}
	return s
}

// wrapWidth is the text width for a window of w cells.
func wrapWidth(w int) int {
	return max(min(w, MaxReadingWidth), 20)
}

var noteLinkRe = regexp.MustCompile(`\[([^\]]+)\]\(note:([^)#\s]+)(?:#([^)\s]+))?\)`)

// prepareMarkdown turns content Markdown into what glamour should show:
// links to other notes become their text and the target's title, since a
// terminal cannot follow a note: URL.
func prepareMarkdown(lib *content.Library, n *content.Note) string {
	body := strings.ReplaceAll(n.Body, "\t", "    ")
	return noteLinkRe.ReplaceAllStringFunc(body, func(m string) string {
		sub := noteLinkRe.FindStringSubmatch(m)
		target := sub[2]
		if lib != nil {
			if t := lib.Note(n.Lang, sub[2]); t != nil {
				target = t.Title
				if sub[3] != "" {
					if s := t.Section(sub[3]); s != nil {
						target += " › " + s.Title
					}
				}
			}
		}
		if strings.EqualFold(strings.TrimSpace(sub[1]), target) {
			return "*" + sub[1] + "* (→)" // the text already names the note
		}
		return "*" + sub[1] + "* (→ " + target + ")"
	})
}

// RenderNote renders a note's Markdown for a terminal width and style. It
// is slow (milliseconds per KB), so the UI calls it from a command.
func RenderNote(lib *content.Library, n *content.Note, width int, style string) (string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(styleConfig(style)), glamour.WithWordWrap(wrapWidth(width)))
	if err != nil {
		return "", err
	}
	out, err := r.Render(prepareMarkdown(lib, n))
	if err != nil {
		return "", err
	}
	return fitWidth(strings.TrimRight(out, "\n ")+"\n", width), nil
}

// fitWidth cuts lines wider than w cells (a diagram in a very narrow
// window) with a "…", so that nothing is ever drawn past the window.
func fitWidth(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return strings.Join(lines, "\n")
}
