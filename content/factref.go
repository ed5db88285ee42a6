package content

import (
	"fmt"
	"regexp"
	"strings"
)

// rawFactRefRe is a fact id in brackets, the way engines cite a fact in
// their text ("[lambda.throttle.code]"): what a learner must never read
// raw, since a screen or a command shows it as a reference instead.
var rawFactRefRe = regexp.MustCompile(`\[[a-z0-9]+(?:_[a-z0-9]+)*(?:\.[a-z0-9]+(?:[_-][a-z0-9]+)*)+\]`)

// RawFactRefs lists the bracketed fact ids left in text meant for a
// learner; none in a good screen or output. "[1]" (a numbered reference)
// and "[chart]" (a tab) are not fact ids.
func RawFactRefs(text string) []string {
	return rawFactRefRe.FindAllString(text, -1)
}

// Refs numbers the facts texts cite, in the order they are first cited:
// "[lambda.throttle.code]" becomes "[1]", and Notes lists what each
// number stands for. One Refs serves one output (a run, a command, a
// console session), so that a fact keeps its number throughout.
type Refs struct {
	Lib *Library
	IDs []string
}

// Cite replaces each fact id in brackets that the library knows with its
// number; ids it does not know are left as they are.
func (r *Refs) Cite(text string) string {
	if r.Lib == nil {
		return text
	}
	return rawFactRefRe.ReplaceAllStringFunc(text, func(m string) string {
		id := m[1 : len(m)-1]
		if _, ok := r.Lib.Fact(id); !ok {
			return m
		}
		for i, x := range r.IDs {
			if x == id {
				return fmt.Sprintf("[%d]", i+1)
			}
		}
		r.IDs = append(r.IDs, id)
		return fmt.Sprintf("[%d]", len(r.IDs))
	})
}

// FactNote is one numbered reference: the fact's value, what it means,
// the AWS page that states it and when that was checked.
type FactNote struct {
	N                      int
	Value, Meaning, Source string
	Checked                string
}

// Notes are the references cited so far, in their numbers' order.
func (r *Refs) Notes(lang Lang) []FactNote {
	var out []FactNote
	for i, id := range r.IDs {
		f, ok := r.Lib.Fact(id)
		if !ok {
			continue
		}
		out = append(out, NoteOf(f, lang, i+1))
	}
	return out
}

// NoteOf is a fact as reference n.
func NoteOf(f *Fact, lang Lang, n int) FactNote {
	meaning := f.Meaning
	if lang == KO && f.MeaningKo != "" {
		meaning = f.MeaningKo
	}
	return FactNote{N: n, Value: f.Display(lang), Meaning: strings.TrimSpace(meaning), Source: f.Source, Checked: f.Checked}
}
