package anki

import (
	"regexp"
	"strings"
	"sync"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
)

var (
	convOnce sync.Once
	conv     *converter.Converter

	// ankiClozeRe is Anki's cloze: {{c1::answer}} or {{c1::answer::hint}}.
	ankiClozeRe = regexp.MustCompile(`(?s)\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}`)
	soundRe     = regexp.MustCompile(`\[sound:([^\]]+)\]`)
	imgSrcRe    = regexp.MustCompile(`(?i)<img[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	scriptRe    = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)\s*>`)
	blankRuns   = regexp.MustCompile(`\n{3,}`)
)

// converter builds the one HTML→Markdown converter: CommonMark with
// tables and strikethrough, which is what cards hold.
func mdConverter() *converter.Converter {
	convOnce.Do(func() {
		conv = converter.NewConverter(converter.WithPlugins(
			base.NewBasePlugin(),
			commonmark.NewCommonmarkPlugin(),
			table.NewTablePlugin(),
			strikethrough.NewStrikethroughPlugin(),
		))
	})
	return conv
}

// Markdown turns a field's HTML into Markdown. Anki's cloze marks come
// through as saa-study's ({{c1::answer}}; a hint is dropped), and a
// [sound:x.mp3] reference as a link to the file. Scripts and styles are
// dropped. Text without markup comes back as it was, trimmed.
func Markdown(html string) string {
	if strings.TrimSpace(html) == "" {
		return ""
	}
	html = scriptRe.ReplaceAllString(html, "")
	// Cloze marks and sound references are protected from the converter's
	// escaping by placeholders, and put back converted.
	var clozes []string
	html = ankiClozeRe.ReplaceAllStringFunc(html, func(m string) string {
		sub := ankiClozeRe.FindStringSubmatch(m)
		inner := strings.TrimSpace(inlineMarkdown(sub[2]))
		clozes = append(clozes, "{{c"+sub[1]+"::"+inner+"}}")
		return placeholder(len(clozes) - 1)
	})
	html = soundRe.ReplaceAllStringFunc(html, func(m string) string {
		name := soundRe.FindStringSubmatch(m)[1]
		clozes = append(clozes, "[sound: "+name+"]("+linkTarget(name)+")")
		return placeholder(len(clozes) - 1)
	})
	md, err := mdConverter().ConvertString(html)
	if err != nil {
		md = stripTags(html)
	}
	for i, c := range clozes {
		md = strings.Replace(md, placeholder(i), c, 1)
	}
	md = strings.ReplaceAll(md, "\u00a0", " ")
	md = blankRuns.ReplaceAllString(md, "\n\n")
	return strings.TrimSpace(md)
}

// inlineMarkdown converts a fragment that sits inside a line (a cloze's
// answer): line breaks become spaces, so the mark stays on one line.
func inlineMarkdown(html string) string {
	md, err := mdConverter().ConvertString(html)
	if err != nil {
		md = stripTags(html)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(md, "\u00a0", " ")), " ")
}

func placeholder(i int) string {
	return "SAACLOZEMARK" + string(rune('A'+i/26/26%26)) + string(rune('A'+i/26%26)) + string(rune('A'+i%26)) + "X"
}

func linkTarget(name string) string {
	if strings.ContainsAny(name, " ()<>") {
		return "<" + name + ">"
	}
	return name
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string { return tagRe.ReplaceAllString(s, "") }

// MediaRefs lists the media files a field's HTML names: <img src> and
// [sound:...], in order, each once.
func MediaRefs(html string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(htmlUnescape(s))
		if s != "" && !seen[s] && !strings.Contains(s, "://") && !strings.HasPrefix(s, "data:") {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, m := range imgSrcRe.FindAllStringSubmatch(html, -1) {
		add(m[1] + m[2] + m[3])
	}
	for _, m := range soundRe.FindAllStringSubmatch(html, -1) {
		add(m[1])
	}
	return out
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&quot;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">").Replace(s)
}

// fieldRefRe finds {{Field}}, {{cloze:Field}}, {{#Field}} and the like in
// a template.
var fieldRefRe = regexp.MustCompile(`\{\{\s*([#^/]?)\s*([^{}]+?)\s*\}\}`)

// TemplateFields returns the fields a template side shows, in order and
// each once: {{Field}} and filtered ones like {{cloze:Text}} and
// {{text:Field}}, but not {{FrontSide}}, conditionals or special fields.
func TemplateFields(side string, fields []string) []string {
	known := map[string]string{}
	for _, f := range fields {
		known[strings.ToLower(f)] = f
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range fieldRefRe.FindAllStringSubmatch(side, -1) {
		if m[1] != "" {
			continue // a conditional: {{#F}}, {{^F}}, {{/F}}
		}
		name := m[2]
		if i := strings.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		f, ok := known[strings.ToLower(strings.TrimSpace(name))]
		if !ok || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, f)
	}
	return out
}
