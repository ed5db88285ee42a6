package ui

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/reader"
	"github.com/saa-study/saa-study/ui/render"
)

var searchFooterRe = regexp.MustCompile(`match (\d+) of (\d+) here · found in (\d+) notes`)

// TestSearchFindsAPhraseThatWraps: "reserved concurrency" split over two
// lines of the Lambda VPC note is found there, and stepping through every
// match visits exactly as many notes as "found in N notes" says, each with
// a match on screen.
func TestSearchFindsAPhraseThatWraps(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	n := lib.Note(content.EN, "lambda-vpc")
	width := 0
	for w := 60; w <= 100 && width == 0; w++ {
		out, _ := render.RenderNote(lib, n, render.WrapWidth(w), "dark")
		lines := strings.Split(ansi.Strip(out), "\n")
		for i := 0; i+1 < len(lines); i++ {
			if strings.HasSuffix(strings.TrimRight(lines[i], " "), "reserved") && strings.HasPrefix(strings.TrimLeft(lines[i+1], " "), "concurrency") {
				width = w
			}
		}
	}
	if width == 0 {
		t.Fatal("the phrase never wraps in lambda-vpc between 60 and 100 columns; pick another")
	}
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: content.EN, Theme: "dark", Now: fixedClock})
	drive(a, tea.WindowSizeMsg{Width: width, Height: 30})
	drive(a, common.OpenMsg{Target: "note:lambda-vpc"})
	drive(a, press("/"))
	for _, r := range "reserved concurrency" {
		drive(a, press(string(r)))
	}
	drive(a, press("enter"))
	rd := a.top().(*reader.Reader)
	if rd.Note().ID != "lambda-vpc" {
		t.Fatalf("at %d columns the search left the note for %s: the wrapped phrase was not found here", width, rd.Note().ID)
	}
	m := searchFooterRe.FindStringSubmatch(a.text())
	if m == nil {
		t.Fatalf("at %d columns, no match selected in the note:\n%s", width, a.text())
	}
	found, _ := strconv.Atoi(m[3])
	visited := map[string]bool{}
	for range 100 {
		v := a.text()
		if strings.Contains(v, "none here") {
			t.Fatalf("%s: the footer says none here after search:\n%s", rd.Note().ID, v)
		}
		id := a.top().(*reader.Reader).Note().ID
		if id == "lambda-vpc" && len(visited) > 1 {
			break // round the notes and back
		}
		visited[id] = true
		before := v
		drive(a, press("n"))
		if a.text() == before {
			break
		}
	}
	if len(visited) != found {
		t.Errorf("found in %d notes, but stepping through the matches visits %d: %v", found, len(visited), visited)
	}
}
