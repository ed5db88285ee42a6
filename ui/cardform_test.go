package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/cardform"
	"github.com/saa-study/saa-study/ui/components/reader"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/layoutcheck"
	"github.com/saa-study/saa-study/ui/pages/study"
)

var ctrlS = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}

// TestAddACardFromWhatYouAreReading: + in a note fills a card from the
// section on screen, + after a wrong answer in Study fills one from the
// question and its explanation; both can be edited, ctrl+s writes them into
// the learner's own deck, esc writes nothing, and the cards are scheduled
// with the rest.
func TestAddACardFromWhatYouAreReading(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	st := testProgress(t)
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: st, Lang: content.EN, Theme: "dark", Now: fixedClock})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})

	// In a note.
	drive(a, common.OpenMsg{Target: "note:lambda-limits#concurrency"})
	rd := a.top().(*reader.Reader)
	sec := rd.Note().Section(rd.CurrentSection())
	drive(a, press("+"))
	f, ok := a.top().(*cardform.Form)
	if !ok {
		t.Fatalf("+ in a note opened %T, want the card form", a.top())
	}
	if c := f.Card(); sec == nil || !strings.Contains(c.Front, sec.Title) || c.Back == "" {
		t.Fatalf("the card from the section %+v is not filled in: %+v", sec, c)
	}
	if ps := layoutcheck.Check(f.View(), 80, a.c.Height); len(ps) > 0 {
		t.Errorf("the form does not fit: %v", ps)
	}
	drive(a, press("q")) // a letter here, not quit
	drive(a, ctrlS)
	if _, ok := a.top().(*reader.Reader); !ok {
		t.Fatalf("after saving, %T is on top, want the note again", a.top())
	}

	// Esc writes nothing.
	drive(a, press("+"))
	drive(a, press("esc"))

	// After a wrong answer in Study.
	a.stack = a.stack[:1]
	drive(a, common.OpenMsg{Target: "study:lambda-limits"})
	s := a.top().(*study.Study)
	p := s.Presented()
	for _, l := range fixture.WrongLetters(p) {
		drive(a, press(l))
	}
	drive(a, press("enter"))
	drive(a, press("+"))
	f, ok = a.top().(*cardform.Form)
	if !ok {
		t.Fatalf("+ after a wrong answer opened %T, want the card form", a.top())
	}
	if c := f.Card(); !strings.Contains(c.Front, strings.Fields(p.Question.Stem)[0]) || c.Back == "" {
		t.Fatalf("the card from the question is not filled in: %+v", c)
	}
	for _, r := range "Q: " {
		drive(a, press(string(r)))
	}
	drive(a, ctrlS)

	set, err := st.LoadSet(context.Background(), content.EN)
	if err != nil {
		t.Fatal(err)
	}
	var mine []string
	for _, e := range set.Entries {
		if e.Deck == cardform.Deck {
			mine = append(mine, e.Front)
			if e.Back == "" {
				t.Errorf("card %s has no back", e.ID)
			}
		}
	}
	// Both are scheduled with the rest: Review's set holds them.
	if len(mine) != 2 {
		t.Fatalf("%d cards of %q in Review's set, want 2 (esc saves nothing): %q", len(mine), cardform.Deck, mine)
	}
	edits := 0
	for _, f := range mine {
		if strings.HasPrefix(f, "qLambda") || strings.HasPrefix(f, "Q: ") {
			edits++
		}
	}
	if edits != 2 {
		t.Errorf("the edits were not saved: %q", mine)
	}
}
