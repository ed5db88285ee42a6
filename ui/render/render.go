// Package render turns a note's Markdown into terminal text with glamour,
// capped at a reading width, and caches the result per note, width and
// style.
package render

import (
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	gstyles "charm.land/glamour/v2/styles"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"
)

// MaxReadingWidth caps the text width of notes, as glow caps its pager:
// long lines are slow to read.
const MaxReadingWidth = 100

// Key identifies one rendering of a note.
type Key struct {
	Lang  content.Lang
	ID    string
	Width int
	Style string
}

// Cache keeps rendered notes so that going back to a note, or
// resizing back, costs nothing. Safe for the render commands' goroutines.
type Cache struct {
	mu sync.Mutex
	m  map[Key]string
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[Key]string{}} }

// Get returns a rendering, if there is one.
func (r *Cache) Get(k Key) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.m[k]
	return s, ok
}

// Put keeps a rendering.
func (r *Cache) Put(k Key, s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.m[k] = s
}

// styleConfig picks the glamour style: "dark", "light", or "plain" for
// output without colour: the dark style's layout (its margins, bullets and
// heading marks) with every colour left out, so glamour writes no colour
// codes (glamour's ASCII style would print Markdown's ** marks instead).
func styleConfig(name string) gansi.StyleConfig {
	var s gansi.StyleConfig
	switch name {
	case "light":
		s = gstyles.LightStyleConfig
	case "plain":
		s = gstyles.DarkStyleConfig
		withoutColour(reflect.ValueOf(&s).Elem())
		// Code still goes through chroma (glamour's own fallback drops
		// backslashes), with RenderNote's "noop" formatter: no colours.
		s.CodeBlock.Chroma, s.CodeBlock.Theme = nil, "bw"
	default:
		s = gstyles.DarkStyleConfig
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

// withoutColour clears every Color and BackgroundColor of a glamour style
// (they sit in many nested structs, pointers among them).
func withoutColour(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() && v.Elem().Kind() == reflect.Struct {
			c := reflect.New(v.Elem().Type())
			c.Elem().Set(v.Elem())
			withoutColour(c.Elem())
			v.Set(c)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Field(i)
			switch name := v.Type().Field(i).Name; {
			case (name == "Color" || name == "BackgroundColor") && f.Kind() == reflect.Pointer:
				f.Set(reflect.Zero(f.Type()))
			case f.CanSet():
				withoutColour(f)
			}
		}
	}
}

// WrapWidth is the text width for a window of w cells.
func WrapWidth(w int) int {
	return max(min(w, MaxReadingWidth), 20)
}

// NoteLinkRe matches a link to another note, [text](note:id#section), or
// to a lab, [text](lab:id): the groups are the text, the scheme ("note"
// or "lab"), the id and the section.
var NoteLinkRe = regexp.MustCompile(`\[([^\]]+)\]\((note|lab):([^)#\s]+)(?:#([^)\s]+))?\)`)

// PrepareMarkdown turns content Markdown into what glamour should show:
// links to other notes become their text and the target's title, since a
// terminal cannot follow a note: URL.
func PrepareMarkdown(lib *content.Library, n *content.Note) string {
	body := strings.ReplaceAll(n.Body, "\t", "    ")
	return NoteLinkRe.ReplaceAllStringFunc(body, func(m string) string {
		sub := NoteLinkRe.FindStringSubmatch(m)
		if sub[2] == "lab" {
			sub = []string{sub[0], sub[1], sub[3], sub[4]}
			if lib != nil {
				if l := lib.Lab(n.Lang, sub[2]); l != nil {
					return "*" + sub[1] + "* (→ " + l.Title + ")"
				}
			}
			return "*" + sub[1] + "* (→ " + sub[2] + ")"
		}
		sub = []string{sub[0], sub[1], sub[3], sub[4]}
		target := sub[2]
		if lib != nil {
			if t := lib.NoteHead(n.Lang, sub[2]); t != nil {
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
// is slow (milliseconds per KB), so the UI calls it from a command. The
// output is compacted (Compact): the reader draws it on every frame.
func RenderNote(lib *content.Library, n *content.Note, width int, style string) (string, error) {
	out, err := renderRuns(noteMarkdown(lib, n), width, style, runtime.GOMAXPROCS(0))
	if err != nil {
		return "", err
	}
	out = UnjoinNumbers(Compact(out))
	return text.TruncateLines(strings.TrimRight(out, "\n ")+"\n", width), nil
}

// noteMarkdown is the Markdown of a note as glamour gets it.
func noteMarkdown(lib *content.Library, n *content.Note) string {
	return JoinNumbers(textFences(PrepareMarkdown(lib, n)))
}

// renderRuns renders Markdown cut at its sections ("## " headings outside
// code) into at most k runs of about the same length, side by side, and
// joins them. Glamour keeps nothing from one section to the next, so once
// compacted this is the whole rendered in one piece
// (TestSectionsRenderAsTheWhole); on two processors the longest note
// renders in a little over half the time.
func renderRuns(md string, width int, style string, k int) (string, error) {
	runs := sectionRuns(md, k)
	outs := make([]string, len(runs))
	errs := make([]error, len(runs))
	var wg sync.WaitGroup
	for i, run := range runs {
		wg.Go(func() { outs[i], errs[i] = glamourRender(run, width, style) })
	}
	wg.Wait()
	for i := range outs {
		if errs[i] != nil {
			return "", errs[i]
		}
		if i > 0 {
			// Each run is a document: the blank line glamour opens one
			// with is already closing the run before.
			outs[i] = strings.TrimPrefix(outs[i], "\n")
		}
	}
	return strings.Join(outs, ""), nil
}

// glamourRender is glamour's rendering of Markdown, as glamour writes it.
func glamourRender(md string, width int, style string) (string, error) {
	opts := []glamour.TermRendererOption{glamour.WithStyles(styleConfig(style)), glamour.WithWordWrap(WrapWidth(width))}
	if style == "plain" {
		opts = append(opts, glamour.WithChromaFormatter("noop"))
	}
	r, err := glamour.NewTermRenderer(opts...)
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// linkDefRe finds a link reference definition ("[name]: url").
var linkDefRe = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:`)

// sectionRuns cuts Markdown before its "## " headings outside fenced
// code, into at most k runs of consecutive sections of about equal length.
func sectionRuns(md string, k int) []string {
	if k <= 1 || linkDefRe.MatchString(md) {
		// A link reference definition serves the whole document: a
		// section rendered apart from it would lose the link.
		return []string{md}
	}
	var cuts []int // byte offsets of the section starts after the first
	fence, off := "", 0
	for l := range strings.Lines(md) {
		next, isFence := content.Fence(fence, l)
		fence = next
		if !isFence && fence == "" && off > 0 && strings.HasPrefix(l, "## ") {
			cuts = append(cuts, off)
		}
		off += len(l)
	}
	var runs []string
	start := 0
	for _, c := range cuts {
		// Cut where the run so far reaches its share of what is left.
		if want := (len(md) - start) / (k - len(runs)); c-start >= want && len(runs) < k-1 {
			runs = append(runs, md[start:c])
			start = c
		}
	}
	return append(runs, md[start:])
}

// textFences labels each code fence that names no language as "text":
// without a name, chroma tries every lexer it has on the block to guess
// one, which was most of the time of rendering a note, and took two of
// the diagrams for GDScript and coloured them as code.
func textFences(md string) string {
	lines := strings.Split(md, "\n")
	open := ""
	for i, l := range lines {
		next, isFence := content.Fence(open, l)
		if isFence && open == "" && strings.TrimSpace(l) == next {
			lines[i] = l + "text" // an opening fence that names no language
		}
		open = next
	}
	return strings.Join(lines, "\n")
}

// DiagramMargin is what glamour adds around a preformatted block: the
// document's margin on either side.
const DiagramMargin = 4

// DiagramWidth is the window width a note needs for its widest
// preformatted block (diagram, table drawn in text, code) to show whole,
// unwrapped; 0 when it has none.
func DiagramWidth(n *content.Note) int {
	widest, fence := 0, ""
	for _, l := range strings.Split(strings.ReplaceAll(n.Body, "\t", "    "), "\n") {
		next, _ := content.Fence(fence, l)
		// A line of code: inside a block, neither its opening nor its
		// closing fence (a fence of the other mark inside is code too).
		if fence != "" && next != "" {
			widest = max(widest, text.Width(strings.TrimRight(l, " ")))
		}
		fence = next
	}
	if widest == 0 {
		return 0
	}
	return widest + DiagramMargin
}
