package content

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestRawFactRefsFindsBracketedIDs: the checker every screen and command
// test uses finds a raw id and leaves references, tabs and links alone.
func TestRawFactRefsFindsBracketedIDs(t *testing.T) {
	bad := "Throttled (429) [lambda.throttle.code]; origin triggers run on misses [lae.events]. [ddb.item_size.max]"
	if got := RawFactRefs(bad); !slices.Equal(got, []string{"[lambda.throttle.code]", "[lae.events]", "[ddb.item_size.max]"}) {
		t.Errorf("RawFactRefs(bad) = %q", got)
	}
	good := "Throttled (429) [1]. [chart] · facts · [Try it in a lab](lab:x) [x86_64] $.error [ ]"
	if got := RawFactRefs(good); len(got) != 0 {
		t.Errorf("RawFactRefs(good) = %q, want none", got)
	}
}

// TestRefsNumberTheFactsCited: a cited fact becomes its number, the same
// fact keeps it, an unknown id is left alone, and the notes give the value,
// meaning, source and date checked in the learner's language.
func TestRefsNumberTheFactsCited(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := &Refs{Lib: lib}
	got := r.Cite("Throttled [lambda.throttle.code]; again [lambda.throttle.code]; then [lae.events] and [no.such.fact].")
	if got != "Throttled [1]; again [1]; then [2] and [no.such.fact]." {
		t.Fatalf("Cite = %q", got)
	}
	notes := r.Notes(KO)
	if len(notes) != 2 || notes[0].N != 1 || !strings.HasPrefix(notes[0].Value, "429") || !strings.HasPrefix(notes[0].Source, "https://docs.aws.amazon.com/") ||
		notes[0].Checked == "" || notes[0].Meaning == "" || !hasHangul(notes[0].Meaning) {
		t.Fatalf("Notes = %+v", notes)
	}
}

func hasHangul(s string) bool {
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			return true
		}
	}
	return false
}

// TestNoRawFactIDInWhatALearnerReads: notes, questions (stems, options,
// explanations), cards and labs insert facts as values, never as raw ids;
// and each note records the facts it inserts, for the reader's list.
func TestNoRawFactIDInWhatALearnerReads(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Langs {
		for _, n := range lib.Notes(lang) {
			if raw := RawFactRefs(n.Body); len(raw) > 0 {
				t.Errorf("%s: raw fact ids %q", n.File, raw)
			}
		}
		scan := func(what string, v any) {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if raw := RawFactRefs(string(b)); len(raw) > 0 {
				t.Errorf("%s: raw fact ids %q", what, raw)
			}
		}
		for _, q := range lib.Questions(lang) {
			scan(string(lang)+" question "+q.ID, q)
		}
		for _, c := range lib.Cards(lang) {
			scan(string(lang)+" card "+c.ID, c)
		}
		for _, l := range lib.Labs(lang) {
			scan(string(lang)+" lab "+l.ID, []string{l.Title, l.Situation, l.Why})
		}
	}
	n := lib.Note(EN, "lambda")
	if n == nil || len(n.Facts) == 0 || !slices.Contains(n.Facts, "lambda.timeout.max") {
		t.Errorf("the lambda note's facts = %v", n.Facts)
	}
}
