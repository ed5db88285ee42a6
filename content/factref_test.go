package content

import (
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
