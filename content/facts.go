package content

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

var (
	factIDRe = regexp.MustCompile(`^[a-z0-9]+(?:[._][a-z0-9]+)+$`)
	numberRe = regexp.MustCompile(`^-?[0-9]+(?:\.[0-9]+)?$`)
)

// factsKey and factsWhat name the facts file for the problems that follow
// from its being unreadable: every use of a fact.
const (
	factsKey  = "facts.yaml"
	factsWhat = "use of facts from it|uses of facts from it"
)

// parseFacts reads facts.yaml. Every entry must carry every required key;
// the meaning is required in each language of langs (meaning for English,
// meaning_ko for Korean).
func parseFacts(file string, src []byte, langs []Lang, c *collector) []Fact {
	required := []string{"id", "value"}
	if len(langs) == 0 || slices.Contains(langs, EN) {
		required = append(required, "meaning")
	}
	if slices.Contains(langs, KO) {
		required = append(required, "meaning_ko")
	}
	required = append(required, "source", "checked")
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		c.addRoot(factsKey, factsWhat, file, yamlErrLine(err), "%s", yamlErrMsg(err))
		return nil
	}
	checkScalars(&root, file, 1, c)
	checkActions(string(src), false, file, 1, c)
	if len(root.Content) == 0 {
		c.addRoot(factsKey, factsWhat, file, 1, "no facts: the file must be a YAML list of facts")
		return nil
	}
	list := root.Content[0]
	if list.Kind != yaml.SequenceNode {
		c.addRoot(factsKey, factsWhat, file, list.Line, "facts must be a YAML list (each entry starting with \"- id: ...\")")
		return nil
	}
	var facts []Fact
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			c.add(file, item.Line, "each fact must be a mapping with id, value, unit, meaning, source, checked")
			continue
		}
		f := Fact{Line: item.Line}
		seen := map[string]bool{}
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			if v.Kind != yaml.ScalarNode {
				c.add(file, v.Line, "fact key %q must be a single value", k.Value)
				continue
			}
			seen[k.Value] = true
			switch k.Value {
			case "id":
				f.ID = v.Value
			case "value":
				f.Value = v.Value
			case "unit":
				f.Unit = v.Value
			case "unit_ko":
				f.UnitKo = v.Value
			case "value_ko":
				f.ValueKo = v.Value
			case "meaning":
				f.Meaning = v.Value
			case "meaning_ko":
				f.MeaningKo = v.Value
			case "source":
				f.Source = v.Value
			case "checked":
				f.Checked = v.Value
			default:
				c.add(file, k.Line, "unknown fact key %q (known: id, value, value_ko, unit, unit_ko, meaning, meaning_ko, source, checked)", k.Value)
			}
		}
		var missing []string
		for _, req := range required {
			if !seen[req] || strings.TrimSpace(map[string]string{"id": f.ID, "value": f.Value, "meaning": f.Meaning,
				"meaning_ko": f.MeaningKo, "source": f.Source, "checked": f.Checked}[req]) == "" {
				missing = append(missing, req)
			}
		}
		if len(missing) > 0 {
			c.add(file, item.Line, "fact %q has no %s", f.ID, strings.Join(missing, ", "))
		}
		if f.ID != "" && !factIDRe.MatchString(f.ID) {
			c.add(file, item.Line, "fact id %q is not a dotted lowercase id like lambda.timeout.max", f.ID)
		}
		if f.Source != "" && !strings.HasPrefix(f.Source, "https://") {
			c.add(file, item.Line, "fact %q: source must be the https URL of an AWS page, not %q", f.ID, f.Source)
		}
		if f.Checked != "" {
			if _, err := time.Parse("2006-01-02", f.Checked); err != nil {
				c.add(file, item.Line, "fact %q: checked must be a date YYYY-MM-DD, not %q", f.ID, f.Checked)
			}
		}
		if f.ValueKo != "" && numberRe.MatchString(f.Value) {
			c.add(file, item.Line, "fact %q: value_ko is for text values; a number needs only unit_ko", f.ID)
		}
		if numberRe.MatchString(f.Value) {
			f.Number, _ = strconv.ParseFloat(f.Value, 64)
			f.IsNumber = true
		}
		facts = append(facts, f)
	}
	return facts
}

// Display formats the fact's value and unit for a language: "10,240 MB",
// "900초".
func (f *Fact) Display(lang Lang) string {
	v := f.ValueIn(lang)
	unit := f.Unit
	if lang == KO && f.UnitKo != "" {
		unit = f.UnitKo
	}
	if unit == "" {
		return v
	}
	r, _ := utf8.DecodeRuneInString(unit)
	if unit == "%" || unicode.Is(unicode.Hangul, r) {
		return v + unit
	}
	return v + " " + unit
}

// ValueIn is the value alone as a language shows it: the Korean wording of
// a text value (value_ko) when there is one, else DisplayValue.
func (f *Fact) ValueIn(lang Lang) string {
	if lang == KO && f.ValueKo != "" {
		return f.ValueKo
	}
	return f.DisplayValue()
}

// DisplayValue formats the value alone, with thousands separators on
// integers of five or more digits.
func (f *Fact) DisplayValue() string {
	if !f.IsNumber {
		return f.Value
	}
	intPart, frac, _ := strings.Cut(f.Value, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	if len(intPart) >= 4 {
		var b bytes.Buffer
		for i, d := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(d)
		}
		intPart = b.String()
	}
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// factCallRe matches {{fact "id"}} and {{value "id"}}; looseCallRe finds
// calls written without quotes, and openCallRe calls not closed on their
// line, to report them.
var (
	factCallRe  = regexp.MustCompile(`\{\{\s*(fact|value)\s+"([^"]*)"\s*\}\}`)
	looseCallRe = regexp.MustCompile(`\{\{\s*(fact|value)\b[^}]*\}\}`)
	openCallRe  = regexp.MustCompile(`\{\{\s*(fact|value)\b[^}]*$`)
)

// expandFacts replaces fact calls in text. firstLine is the file line of
// text's first line, for problems. A fact that does not exist is left as
// it is and recorded; check reports each unknown id once, with its uses.
func expandFacts(text string, lang Lang, file string, firstLine int, ld *loader) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	c := ld.c
	if ld.prefetch != nil {
		ld.prefetch(text)
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if !strings.Contains(l, "{{") {
			continue
		}
		for _, m := range looseCallRe.FindAllString(l, -1) {
			if !factCallRe.MatchString(m) {
				c.add(file, firstLine+i, "%s: write the fact id in double quotes, e.g. {{fact \"lambda.timeout.max\"}}", shown(m))
			}
		}
		if m := openCallRe.FindString(l); m != "" {
			c.add(file, firstLine+i, "%s: a fact call stays on one line; close it with }} on this line", shown(m))
		}
		lines[i] = factCallRe.ReplaceAllStringFunc(l, func(m string) string {
			sub := factCallRe.FindStringSubmatch(m)
			f, ok := ld.fact(sub[2])
			ld.usedFacts[sub[2]] = true
			if !ok {
				ld.unknownFact(sub[2], file, firstLine+i)
				return m
			}
			if sub[1] == "value" {
				return f.ValueIn(lang)
			}
			return f.Display(lang)
		})
	}
	return strings.Join(lines, "\n")
}

// use is a place in a file where something is referred to.
type use struct {
	file string
	line int
}

func (u use) String() string { return fmt.Sprintf("%s:%d", u.file, u.line) }

// unknownFact records a use of a fact id that does not exist; the uses
// of one id are one problem (see reportUnknownFacts).
func (ld *loader) unknownFact(id, file string, line int) {
	if ld.c.follows(factsKey) {
		return
	}
	if ld.unknownFacts == nil {
		ld.unknownFacts = map[string][]use{}
	}
	if _, ok := ld.unknownFacts[id]; !ok {
		ld.unknownOrder = append(ld.unknownOrder, id)
	}
	ld.unknownFacts[id] = append(ld.unknownFacts[id], use{file, line})
}

// reportUnknownFacts reports each unknown fact id once. When a fact of
// facts.yaml that nothing uses has nearly that id, the fact was renamed:
// the problem is put at its line. Otherwise it is put at the first use,
// with a suggestion when one id is close.
// own says facts are the folder's facts.yaml (not the built-in facts a
// quiz file uses).
func reportUnknownFacts(ld *loader, facts []Fact, own bool) {
	c := ld.c
	for _, id := range ld.unknownOrder {
		uses := ld.unknownFacts[id]
		first := uses[0]
		var renamed *Fact
		var near string
		best := 3
		for i := range facts {
			f := &facts[i]
			if d := editDistance(id, f.ID); d < best && d <= len(id)/4+1 {
				best, near, renamed = d, f.ID, nil
				if !ld.usedFacts[f.ID] {
					renamed = f
				}
			}
		}
		switch {
		case renamed != nil && own && len(uses) > 1:
			c.addCause("fact:"+id, "", "facts.yaml", renamed.Line, "fact id %q is used nowhere, but %s %q (%s): rename it to %q, or change the uses",
				renamed.ID, countUses(len(uses)), id, listUses(uses), id)
		case ld.noFactsFile:
			c.add(first.file, first.line, "unknown fact %q%s: this folder has no facts.yaml; add one that defines it (see docs/content-format.md) or write the value as text", id, alsoUsed(uses))
		case near != "":
			c.add(first.file, first.line, "unknown fact %q%s: did you mean %q? (or add it to facts.yaml)", id, alsoUsed(uses), near)
		default:
			c.add(first.file, first.line, "unknown fact %q%s: add it to facts.yaml or fix the id", id, alsoUsed(uses))
		}
	}
}

// countUses is "1 place uses" or "12 places use".
func countUses(n int) string {
	if n == 1 {
		return "1 place uses"
	}
	return thousands(n) + " places use"
}

// listUses names the first few uses: "a.md:3, b.md:9 and 4 more".
func listUses(uses []use) string {
	const shownUses = 3
	var parts []string
	for i, u := range uses {
		if i == shownUses {
			return strings.Join(parts, ", ") + fmt.Sprintf(" and %s more", thousands(len(uses)-shownUses))
		}
		parts = append(parts, u.String())
	}
	return strings.Join(parts, ", ")
}

// alsoUsed is "" for one use, else " (also used at …)".
func alsoUsed(uses []use) string {
	if len(uses) < 2 {
		return ""
	}
	return " (also used at " + listUses(uses[1:]) + ")"
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// factIndex maps ids to facts and reports duplicates.
func factIndex(file string, facts []Fact, c *collector) map[string]*Fact {
	idx := make(map[string]*Fact, len(facts))
	for i := range facts {
		f := &facts[i]
		if prev, dup := idx[f.ID]; dup {
			c.add(file, f.Line, "duplicate fact id %q (first at line %d)", f.ID, prev.Line)
			continue
		}
		idx[f.ID] = f
	}
	return idx
}

// String renders a fact for lists: "lambda.timeout.max = 900 s".
func (f Fact) String() string { return fmt.Sprintf("%s = %s", f.ID, f.Display(EN)) }
