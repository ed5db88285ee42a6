package content

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Lab is a simulator challenge: a situation, the engine and the settings it
// starts from, what the learner may change, and the goal as checks on the
// engine's result. Load checks its shape; whether the start fails and the
// solution passes is checked by running the engine (package lab, and lint).
type Lab struct {
	ID     string
	Lang   Lang
	Engine string
	Title  string
	// Section is the note section it teaches, "note-id#section-id".
	Section string
	Facts   []string
	// Settings are the starting settings, in file order.
	Settings []LabValue
	// Change lists the settings a learner may change, with their ranges.
	Change []LabChange
	// Given are named numbers of the situation that are not settings of the
	// engine (a budget, a latency target); goals and text refer to them.
	Given []LabGiven
	// Goal is the checks, as written ("throttled == 0").
	Goal []LabGoal
	// Solution is a known answer: settings that make every check pass.
	Solution []LabValue
	// Situation is the Markdown body with facts and settings inserted; Why
	// is what a run teaches, shown after it.
	Situation string
	Why       string
	File      string
	Line      int
}

// LabValue is one setting and its value as written ("1024", "on").
type LabValue struct {
	Name, Value string
	Line        int
}

// LabChange is a setting a learner may change: a number between Lo and Hi,
// one of Choices, or (Text) any text, such as a JSON policy.
type LabChange struct {
	Name    string
	Lo, Hi  float64
	Choices []string
	Text    bool
	Line    int
}

// LabTextMax is the longest value a text setting takes.
const LabTextMax = 4000

// Range describes what a change allows: "0 to 1,000" or "one of on, off".
func (c LabChange) Range() string {
	if c.Text {
		return "any text"
	}
	if len(c.Choices) > 0 {
		return "one of " + strings.Join(c.Choices, ", ")
	}
	return numText(c.Lo) + " to " + numText(c.Hi)
}

// RangeIn is Range in lang: in Korean "1~10,000" or "a, b 중 하나".
func (c LabChange) RangeIn(lang Lang) string {
	if lang != KO {
		return c.Range()
	}
	if len(c.Choices) > 0 {
		return strings.Join(c.Choices, ", ") + " 중 하나"
	}
	return numText(c.Lo) + "~" + numText(c.Hi)
}

// Allows reports whether v is a value the change permits, and why not.
func (c LabChange) Allows(v string) error {
	if c.Text {
		if len(v) > LabTextMax {
			return fmt.Errorf("%s takes at most %d characters, not %d", c.Name, LabTextMax, len(v))
		}
		return nil
	}
	if len(c.Choices) > 0 {
		for _, ch := range c.Choices {
			if ch == v {
				return nil
			}
		}
		return fmt.Errorf("%s must be %s, not %q", c.Name, c.Range(), v)
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
	if err != nil {
		return fmt.Errorf("%s takes a number from %s, not %q", c.Name, c.Range(), v)
	}
	if n < c.Lo || n > c.Hi {
		return fmt.Errorf("%s must be from %s, not %s", c.Name, c.Range(), v)
	}
	return nil
}

// LabGiven is a named number of a lab's situation.
type LabGiven struct {
	Name  string
	Value float64
	Line  int
}

// LabGoal is one check as written, and its line.
type LabGoal struct {
	Check string
	Line  int
}

// Setting returns the starting value of a setting, if the lab sets it.
func (l *Lab) Setting(name string) (string, bool) {
	for _, s := range l.Settings {
		if s.Name == name {
			return s.Value, true
		}
	}
	return "", false
}

// Changeable returns the change rule of a setting, or nil when it is fixed.
func (l *Lab) Changeable(name string) *LabChange {
	for i := range l.Change {
		if l.Change[i].Name == name {
			return &l.Change[i]
		}
	}
	return nil
}

// GivenValue returns a given number by name.
func (l *Lab) GivenValue(name string) (float64, bool) {
	for _, g := range l.Given {
		if g.Name == name {
			return g.Value, true
		}
	}
	return 0, false
}

// LabEngines are the engines a lab may use.
var LabEngines = []string{"lambda", "apigateway", "edge", "rdsproxy", "dynamodb", "stepfunctions", "sns"}

var (
	labIDRe       = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)+$`)
	settingCallRe = regexp.MustCompile(`\{\{\s*setting\s+"([^"]*)"\s*\}\}`)
	// bareNumberRe finds a number standing alone in prose ("12,000",
	// "0.5"); digits inside a word ("p99", "S3") are names, not numbers.
	bareNumberRe = regexp.MustCompile(`(^|[^\p{L}\p{N}_.])([0-9][0-9,]*(?:\.[0-9]+)?)($|[^\p{L}\p{N}_])`)
)

type labFront struct {
	ID       string    `yaml:"id"`
	Engine   string    `yaml:"engine"`
	Title    string    `yaml:"title"`
	Section  string    `yaml:"section"`
	Facts    string    `yaml:"facts"`
	Settings yaml.Node `yaml:"settings"`
	Change   yaml.Node `yaml:"change"`
	Given    yaml.Node `yaml:"given"`
	Goal     yaml.Node `yaml:"goal"`
	Solution yaml.Node `yaml:"solution"`
	Why      string    `yaml:"why"`
}

// parseLab reads one lab file.
func parseLab(file string, lang Lang, src []byte, ld *loader) *Lab {
	c := ld.c
	if src == nil {
		return nil
	}
	var fm labFront
	front, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		c.addRoot(frontKey(file), frontWhat, file, 1, "%v", err)
		return nil
	}
	if line, err := decodeYAML(front, 2, &fm); err != nil {
		c.addRoot(frontKey(file), frontWhat, file, line, "%v", err)
		return nil
	}
	// Setting calls are lab text's own action; the rest is checked as
	// every front matter is.
	checkFrontMatter([]byte(settingCallRe.ReplaceAllString(string(front), "")), file, c)
	l := &Lab{ID: fm.ID, Lang: lang, Engine: fm.Engine, Title: fm.Title, Section: fm.Section, Facts: splitList(fm.Facts), File: file, Line: 1}
	lineOf := func(key string) int {
		for i, s := range strings.Split(string(front), "\n") {
			if strings.HasPrefix(s, key+":") {
				return i + 2
			}
		}
		return 1
	}
	switch {
	case l.ID == "":
		c.add(file, 2, "lab without an id: add \"id: engine-what-it-teaches\"")
	case !labIDRe.MatchString(l.ID):
		c.add(file, lineOf("id"), "lab id %q: use lower-case words joined by hyphens", l.ID)
	}
	if !contains(LabEngines, l.Engine) {
		c.add(file, lineOf("engine"), "engine %q: a lab runs one of %s", l.Engine, strings.Join(LabEngines, ", "))
	}
	if l.Title == "" {
		c.add(file, 2, "lab %q has no title", l.ID)
	}
	if l.Section == "" {
		c.add(file, 2, "lab %q has no section: name the note section it teaches (note-id#section-id)", l.ID)
	}
	l.Settings = labValues(file, &fm.Settings, "settings", c)
	l.Solution = labValues(file, &fm.Solution, "solution", c)
	l.Change = labChanges(file, &fm.Change, c)
	l.Given = labGivens(file, &fm.Given, c)
	l.Goal = labGoals(file, &fm.Goal, c)
	if len(l.Settings) == 0 {
		c.add(file, lineOf("settings"), "lab %q has no settings: give the settings it starts from", l.ID)
	}
	if len(l.Goal) == 0 {
		c.add(file, lineOf("goal"), "lab %q has no goal: list checks such as \"throttled == 0\"", l.ID)
	}
	if len(l.Solution) == 0 {
		c.add(file, lineOf("solution"), "lab %q has no solution: give settings that pass the goal", l.ID)
	}
	for _, s := range l.Solution {
		ch := l.Changeable(s.Name)
		if ch == nil {
			c.add(file, s.Line, "solution changes %q, which the lab does not let a learner change: add it under change", s.Name)
		} else if err := ch.Allows(s.Value); err != nil {
			c.add(file, s.Line, "solution: %v", err)
		}
	}
	for _, ch := range l.Change {
		if _, ok := l.Setting(ch.Name); !ok {
			c.add(file, ch.Line, "change %q: the setting has no starting value under settings", ch.Name)
		}
	}
	// Text: facts and settings are inserted; no number is written by hand.
	trimmed := strings.TrimLeft(string(body), "\r\n")
	bodyLine += strings.Count(string(body)[:len(body)-len(trimmed)], "\n")
	l.Situation = l.text(strings.TrimSpace(trimmed), file, bodyLine, ld)
	l.Why = l.text(fm.Why, file, lineOf("why"), ld)
	l.Title = l.text(l.Title, file, lineOf("title"), ld)
	if strings.TrimSpace(l.Situation) == "" {
		c.add(file, bodyLine, "lab %q has no situation: write it below the front matter", l.ID)
	}
	if strings.TrimSpace(l.Why) == "" {
		c.add(file, lineOf("why"), "lab %q has no why: say what the run teaches", l.ID)
	}
	for _, f := range l.Facts {
		if _, ok := ld.fact(f); !ok && !c.follows(factsKey) {
			c.add(file, lineOf("facts"), "lab %q cites unknown fact %q", l.ID, f)
		}
	}
	return l
}

// text checks and expands one piece of a lab's prose: numbers must come
// from a fact or a setting, and settings are inserted before facts.
func (l *Lab) text(s, file string, firstLine int, ld *loader) string {
	c := ld.c
	for i, line := range strings.Split(s, "\n") {
		plain := factCallRe.ReplaceAllString(settingCallRe.ReplaceAllString(line, ""), "")
		if m := bareNumberRe.FindStringSubmatch(plain); m != nil {
			c.add(file, firstLine+i, "the number %s is written by hand: insert it with {{value \"fact.id\"}} or {{setting \"name\"}} (settings and given)", m[2])
		}
	}
	s = settingCallRe.ReplaceAllStringFunc(s, func(m string) string {
		name := settingCallRe.FindStringSubmatch(m)[1]
		if v, ok := l.Setting(name); ok {
			if n, err := strconv.ParseFloat(v, 64); err == nil {
				return numText(n)
			}
			return v
		}
		if v, ok := l.GivenValue(name); ok {
			return numText(v)
		}
		c.add(file, firstLine+strings.Count(s[:strings.Index(s, m)], "\n"), "{{setting %q}}: the lab has no such setting or given value", name)
		return name
	})
	checkActions(s, false, file, firstLine, c)
	return expandFacts(s, l.Lang, file, firstLine, ld)
}

func labValues(file string, n *yaml.Node, what string, c *collector) []LabValue {
	if n.Kind == 0 {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		c.add(file, n.Line+1, "%s must be a mapping of setting: value", what)
		return nil
	}
	var out []LabValue
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			c.add(file, v.Line+1, "%s.%s must be one value", what, k.Value)
			continue
		}
		out = append(out, LabValue{Name: k.Value, Value: v.Value, Line: k.Line + 1})
	}
	return out
}

func labChanges(file string, n *yaml.Node, c *collector) []LabChange {
	if n.Kind == 0 {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		c.add(file, n.Line+1, "change must be a mapping of setting: [low, high], [choice, choice, ...] or text")
		return nil
	}
	var out []LabChange
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ch := LabChange{Name: k.Value, Line: k.Line + 1}
		if v.Kind == yaml.ScalarNode && v.Value == "text" {
			ch.Text = true
			out = append(out, ch)
			continue
		}
		if v.Kind != yaml.SequenceNode || len(v.Content) < 2 {
			c.add(file, ch.Line, "change.%s must be [low, high], a list of choices, or text", k.Value)
			continue
		}
		var nums []float64
		for _, e := range v.Content {
			if x, err := strconv.ParseFloat(e.Value, 64); err == nil && len(v.Content) == 2 {
				nums = append(nums, x)
			}
			ch.Choices = append(ch.Choices, e.Value)
		}
		if len(nums) == 2 {
			ch.Choices, ch.Lo, ch.Hi = nil, nums[0], nums[1]
			if ch.Lo > ch.Hi {
				c.add(file, ch.Line, "change.%s: the low end %s is above the high end %s", k.Value, numText(ch.Lo), numText(ch.Hi))
			}
		}
		out = append(out, ch)
	}
	return out
}

func labGivens(file string, n *yaml.Node, c *collector) []LabGiven {
	vals := labValues(file, n, "given", c)
	var out []LabGiven
	for _, v := range vals {
		x, err := strconv.ParseFloat(v.Value, 64)
		if err != nil {
			c.add(file, v.Line, "given.%s must be a number, not %q", v.Name, v.Value)
			continue
		}
		out = append(out, LabGiven{Name: v.Name, Value: x, Line: v.Line})
	}
	return out
}

func labGoals(file string, n *yaml.Node, c *collector) []LabGoal {
	if n.Kind == 0 {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		c.add(file, n.Line+1, "goal must be a list of checks, e.g. - throttled == 0")
		return nil
	}
	var out []LabGoal
	for _, e := range n.Content {
		out = append(out, LabGoal{Check: e.Value, Line: e.Line + 1})
	}
	return out
}

// numText formats a number the way lab text shows it: thousands separated,
// no trailing zeros.
func numText(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	f := Fact{Value: s, IsNumber: true}
	return f.DisplayValue()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// labLinkRe finds a link to a lab in Markdown: (lab:ID).
var labLinkRe = regexp.MustCompile(`\(lab:([a-z0-9-]+)\)`)

// checkLabs checks labs across files: ids, sections, the links that lead
// to each lab, and that both languages agree on everything but the words.
func checkLabs(lib *Library, sections map[Lang]map[string]bool, c *collector, bilingual bool) {
	for _, lang := range Langs {
		seen := map[string]*Lab{}
		linked := map[string]bool{}
		explained := map[string]bool{}
		for _, n := range lib.notes[lang] {
			for _, m := range labLinkRe.FindAllStringSubmatch(n.Body, -1) {
				linked[m[1]] = true
			}
		}
		for _, q := range lib.questions[lang] {
			for _, o := range q.Options {
				for _, m := range labLinkRe.FindAllStringSubmatch(o.Explanation, -1) {
					explained[m[1]] = true
				}
			}
		}
		for _, l := range lib.labs[lang] {
			if prev, dup := seen[l.ID]; dup {
				c.add(l.File, 2, "duplicate lab id %q (also %s)", l.ID, prev.File)
			}
			seen[l.ID] = l
			if l.Section != "" && !sections[lang][l.Section] && !c.follows(noteKey(lang, noteOf(l.Section))) {
				c.add(l.File, 2, "lab %q: section %q does not exist (write note-id#section-id)", l.ID, l.Section)
			}
			if l.Section != "" && !linked[l.ID] && len(lib.notes[lang]) > 0 {
				c.add(l.File, 2, "lab %q is not linked from its note: add [Try it in a lab](lab:%s) to %s", l.ID, l.ID, l.Section)
			}
			if !explained[l.ID] && len(lib.questions[lang]) > 0 {
				c.add(l.File, 2, "lab %q is not linked from any question's explanation: add (lab:%s) to one", l.ID, l.ID)
			}
		}
		for _, n := range lib.notes[lang] {
			for _, m := range labLinkRe.FindAllStringSubmatch(n.Body, -1) {
				if seen[m[1]] == nil {
					c.add(n.File, 1, "link lab:%s does not resolve: no such lab", m[1])
				}
			}
		}
	}
	if !bilingual {
		return // a folder in one language has nothing to pair
	}
	ko := map[string]*Lab{}
	for _, l := range lib.labs[KO] {
		ko[l.ID] = l
	}
	for _, l := range lib.labs[EN] {
		k := ko[l.ID]
		if k == nil {
			c.add(l.File, 2, "lab %q has no Korean version: add %s", l.ID, counterpart(l.File, EN, KO))
			continue
		}
		if d := labShapeDiff(l, k); d != "" {
			c.add(k.File, 2, "lab %q differs from %s: %s", l.ID, l.File, d)
		}
		delete(ko, l.ID)
	}
	for _, k := range ko {
		c.add(k.File, 2, "lab %q has no English version", k.ID)
	}
}

// labShapeDiff names the first thing two languages' versions of a lab
// disagree on, besides the words.
func labShapeDiff(a, b *Lab) string {
	vals := func(vs []LabValue) string {
		var s []string
		for _, v := range vs {
			s = append(s, v.Name+"="+v.Value)
		}
		return strings.Join(s, " ")
	}
	goals := func(gs []LabGoal) string {
		var s []string
		for _, g := range gs {
			s = append(s, g.Check)
		}
		return strings.Join(s, "; ")
	}
	changes := func(cs []LabChange) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.Name+" "+c.Range())
		}
		return strings.Join(s, "; ")
	}
	givens := func(gs []LabGiven) string {
		var s []string
		for _, g := range gs {
			s = append(s, g.Name+"="+numText(g.Value))
		}
		return strings.Join(s, " ")
	}
	switch {
	case a.Engine != b.Engine:
		return "engine"
	case a.Section != b.Section:
		return "section"
	case vals(a.Settings) != vals(b.Settings):
		return "settings"
	case changes(a.Change) != changes(b.Change):
		return "change"
	case givens(a.Given) != givens(b.Given):
		return "given"
	case goals(a.Goal) != goals(b.Goal):
		return "goal"
	case vals(a.Solution) != vals(b.Solution):
		return "solution"
	}
	return ""
}

// Labs returns the labs of a language, ordered by engine then id.
func (l *Library) Labs(lang Lang) []*Lab { return l.labsOf(l.In(lang)) }

// Lab returns a lab by id, or nil.
func (l *Library) Lab(lang Lang, id string) *Lab {
	if l.lazy != nil {
		return l.lazy.lab(l.In(lang), id)
	}
	for _, x := range l.Labs(lang) {
		if x.ID == id {
			return x
		}
	}
	return nil
}

func sortLabs(labs []*Lab) {
	order := map[string]int{}
	for i, e := range LabEngines {
		order[e] = i
	}
	sort.SliceStable(labs, func(i, j int) bool {
		if order[labs[i].Engine] != order[labs[j].Engine] {
			return order[labs[i].Engine] < order[labs[j].Engine]
		}
		return labs[i].ID < labs[j].ID
	})
}
