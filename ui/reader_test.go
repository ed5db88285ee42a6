package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
)

// TestReaderSearchLinksAndLanguage walks the reader's features as a
// learner would, at the normal and the smallest supported size.
func TestReaderSearchLinksAndLanguage(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(strings.Join([]string{itoa(sz[0]), itoa(sz[1])}, "x"), func(t *testing.T) {
			app := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark"})
			tm := teatest.NewTestModel(t, probed{app}, teatest.WithInitialTermSize(sz[0], sz[1]),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			waitView(t, tm, "Notes")
			tm.Send(press("enter"))
			waitView(t, tm, "Second")
			tm.Send(press("enter")) // the long note
			waitView(t, tm, "A function")

			// Search: "DAX" is in the last section of this note and in the second note.
			tm.Type("/DAX")
			tm.Send(press("enter"))
			waitView(t, tm, "of 1 here")
			tm.Send(press("n")) // no more here: on to the next note with a match
			waitView(t, tm, "Second note")
			tm.Send(press("esc")) // clear the search

			// Follow the link in the second note back to the first, then go back.
			tm.Send(press("g"))
			tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
			waitView(t, tm, "link")
			tm.Send(press("enter"))
			waitView(t, tm, "Final words")
			tm.Send(press("esc"))
			waitView(t, tm, "DAX sits")

			// Korean, at the same section.
			tm.Send(press("L"))
			waitView(t, tm, "테이블")
			tm.Send(press("q"))
			tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
			view := ansi.Strip(tm.FinalModel(t).(probed).App.View().Content)
			if !strings.Contains(view, "두 번째") {
				t.Fatalf("after L the Korean note should show:\n%s", view)
			}
		})
	}
}

func itoa(n int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+n/100%10)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10)))
}

// TestTableOfContentsJumps opens the contents and jumps to the last section.
func TestTableOfContentsJumps(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("enter"))
	drive(a, press("enter"))
	drive(a, press("c"))
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "Part 6") || !strings.Contains(v, "The end") {
		t.Fatalf("contents should list the sections:\n%s", v)
	}
	drive(a, press("G"))
	drive(a, press("enter"))
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "Final words") {
		t.Fatalf("enter on the last section should show it:\n%s", v)
	}
}

// TestReaderTopBottomAndLinkTitle: g and G jump to the ends of a note, as on
// every other screen, and a selected link names the note it leads to.
func TestReaderTopBottomAndLinkTitle(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("enter"))
	drive(a, press("enter"))
	lines := strings.Split(strings.TrimRight(ansi.Strip(a.View().Content), "\n"), "\n")
	if bar := lines[len(lines)-1]; !strings.HasSuffix(strings.TrimSpace(bar), "? help") {
		t.Fatalf("a help bar too long for the window should still end in \"? help\": %q", bar)
	}
	drive(a, press("G"))
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "Final words") || !strings.Contains(v, "100%") {
		t.Fatalf("G should show the end of the note:\n%s", v)
	}
	drive(a, tea.KeyPressMsg{Code: tea.KeyTab})
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "→ Second note") {
		t.Fatalf("a selected link should name its note by title:\n%s", v)
	}
	drive(a, press("esc"))
	drive(a, press("g"))
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "0%") || strings.Contains(v, "Final words") {
		t.Fatalf("g should go back to the top:\n%s", v)
	}
}
