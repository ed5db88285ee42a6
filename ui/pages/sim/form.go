package sim

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"
)

// formField is one setting of a simulator's form: a number changed in steps
// with ←/→ (or typed after enter), or a choice among a few words.
type formField struct {
	key string // the i18n key of its label, "simf.memory"
	// label, when set, is shown instead of the key's string (a lab's
	// setting that no form has: "wcu", "max_attempts").
	label string
	// A number: ladder, when set, is the sequence ←/→ walk; otherwise they
	// add or subtract step. lo and hi bound what may be typed.
	num    float64
	step   float64
	ladder []float64
	lo, hi float64
	// below, when set, is the word shown for values below zero: "none"
	// for reserved concurrency that is not configured, "auto" for a
	// timeout the console picks.
	below string
	// zero, when set, is the word shown for 0: "auto" where the engine
	// picks the value itself.
	zero string
	// A choice: choices are the values, choice the index.
	choices []string
	choice  int
	// A text (a lab's JSON filter policy): txt is the value, edited from
	// what it is and taken as typed; the engine judges it.
	text bool
	txt  string
}

func textField(key, label, v string) *formField {
	return &formField{key: key, label: label, text: true, txt: v}
}

func numField(key string, v, step, lo, hi float64) *formField {
	return &formField{key: key, num: v, step: step, lo: lo, hi: hi}
}

func ladderField(key string, v float64, ladder ...float64) *formField {
	return &formField{key: key, num: v, ladder: ladder, lo: ladder[0], hi: ladder[len(ladder)-1]}
}

func choiceField(key string, choices ...string) *formField {
	return &formField{key: key, choices: choices}
}

func (f *formField) isChoice() bool { return len(f.choices) > 0 }

// str is the value as the form shows it.
func (f *formField) str() string {
	if f.text {
		return f.txt
	}
	if f.isChoice() {
		return f.choices[f.choice]
	}
	if f.below != "" && f.num < 0 {
		return f.below
	}
	if f.zero != "" && f.num == 0 {
		return f.zero
	}
	return strconv.FormatFloat(f.num, 'f', -1, 64)
}

// move changes the value one step in dir (-1 or +1).
func (f *formField) move(dir int) {
	if f.text {
		return // typed only
	}
	if f.isChoice() {
		n := len(f.choices)
		f.choice = (f.choice + dir + n) % n
		return
	}
	if len(f.ladder) > 0 {
		i := 0
		for i < len(f.ladder) && f.ladder[i] < f.num {
			i++
		}
		// i is the first rung ≥ num; step from there.
		switch {
		case dir > 0 && i < len(f.ladder) && f.ladder[i] == f.num:
			i++
		case dir < 0:
			i--
		}
		i = max(0, min(i, len(f.ladder)-1))
		f.num = f.ladder[i]
		return
	}
	v := f.num + float64(dir)*f.step
	f.num = max(f.lo, min(f.hi, roundTo(v, f.step)))
}

// roundTo removes float noise from repeated steps of 0.1.
func roundTo(v, step float64) float64 {
	if step <= 0 || step >= 1 {
		return v
	}
	s := strconv.FormatFloat(v, 'f', 4, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}

// set parses a typed value; a value that is not a number, or is out of
// range, is refused with a sentence that says what the field takes.
func (f *formField) set(s string) error {
	if f.text {
		// As typed: commas belong to the JSON.
		if s = strings.TrimSpace(s); len(s) > content.LabTextMax {
			return fmt.Errorf("at most %d characters, not %d", content.LabTextMax, len(s))
		}
		f.txt = s
		return nil
	}
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	if f.isChoice() {
		for i, c := range f.choices {
			if strings.EqualFold(c, s) {
				f.choice = i
				return nil
			}
		}
		return fmt.Errorf("one of %s", strings.Join(f.choices, ", "))
	}
	if f.below != "" && (s == "" || strings.EqualFold(s, f.below)) {
		f.num = -1
		return nil
	}
	if f.zero != "" && strings.EqualFold(s, f.zero) {
		f.num = 0
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < f.lo || v > f.hi {
		return fmt.Errorf("%q is not a value it takes: type a number from %s", s, f.takes())
	}
	f.num = v
	return nil
}

// takes says what a number field accepts: "0 to 1,000, or none".
func (f *formField) takes() string {
	lo := f.lo
	if f.below != "" {
		lo = max(lo, 0) // below zero is the word
	}
	r := text.Comma(int64(lo)) + " to " + text.Comma(int64(f.hi))
	if lo != math.Trunc(lo) || f.hi != math.Trunc(f.hi) {
		r = strconv.FormatFloat(lo, 'f', -1, 64) + " to " + strconv.FormatFloat(f.hi, 'f', -1, 64)
	}
	if f.below != "" {
		r += ", or " + f.below
	}
	if f.zero != "" {
		r += " (0 is " + f.zero + ")"
	}
	return r
}

// fieldSet is a form's fields with lookups by key (without the "simf." prefix).
type fieldSet []*formField

func (fs fieldSet) get(k string) *formField {
	for _, f := range fs {
		if f.key == "simf."+k {
			return f
		}
	}
	return &formField{choices: []string{""}}
}

// has reports whether the form has a field k.
func (fs fieldSet) has(k string) bool {
	for _, f := range fs {
		if f.key == "simf."+k {
			return true
		}
	}
	return false
}

func (fs fieldSet) n(k string) float64 { return fs.get(k).num }
func (fs fieldSet) i(k string) int     { return int(fs.get(k).num) }
func (fs fieldSet) s(k string) string  { return fs.get(k).str() }

// clone copies the values so a run in a tea.Cmd never sees later edits.
func (fs fieldSet) clone() fieldSet {
	out := make(fieldSet, len(fs))
	for i, f := range fs {
		c := *f
		out[i] = &c
	}
	return out
}
