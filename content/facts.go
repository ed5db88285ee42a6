package content

import (
	"bytes"
	"fmt"
	"regexp"
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
	factsWhat = "uses of facts from it"
)

// parseFacts reads facts.yaml. Every entry must carry every required key.
func parseFacts(file string, src []byte, c *collector) []Fact {
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
		for _, req := range []string{"id", "value", "meaning", "meaning_ko", "source", "checked"} {
			if !seen[req] || strings.TrimSpace(map[string]string{"id": f.ID, "value": f.Value, "meaning": f.Meaning,
				"meaning_ko": f.MeaningKo, "source": f.Source, "checked": f.Checked}[req]) == "" {
				c.add(file, item.Line, "fact %q has no %s", f.ID, req)
			}
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
// calls written without quotes, to report them.
var (
	factCallRe  = regexp.MustCompile(`\{\{\s*(fact|value)\s+"([^"]*)"\s*\}\}`)
	looseCallRe = regexp.MustCompile(`\{\{\s*(fact|value)\b[^}]*\}\}`)
)

// expandFacts replaces fact calls in text. firstLine is the file line of
// text's first line, for problems. used collects the ids seen.
func expandFacts(text string, lang Lang, facts map[string]*Fact, file string, firstLine int, c *collector, used map[string]bool) string {
	if !strings.Contains(text, "{{") {
		return text
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
		lines[i] = factCallRe.ReplaceAllStringFunc(l, func(m string) string {
			sub := factCallRe.FindStringSubmatch(m)
			f, ok := facts[sub[2]]
			if used != nil {
				used[sub[2]] = true
			}
			if !ok {
				if !c.follows(factsKey) {
					c.add(file, firstLine+i, "unknown fact %q: add it to facts.yaml or fix the id", sub[2])
				}
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
