package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/pages/sim"
)

// TestSNSConsoleFilterAndOrder is a learner in the SNS console, in English
// and Korean: the form's first run (no filter policies, standard topic)
// says the fraud queue receives orders it does not need; choosing the
// fraud and shipping policies and a FIFO topic with FIFO queues makes
// every subscriber receive exactly what it needs.
func TestSNSConsoleFilterAndOrder(t *testing.T) {
	lib := testLibrary(t)
	entry := slices.Index(sim.Entries, "sns")
	for _, lang := range content.Langs {
		t.Run(string(lang), func(t *testing.T) {
			app := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Start: "sim"})
			tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(100, 30),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			waitFor(t, tm, "Step Functions")
			for range entry {
				tm.Send(press("down"))
			}
			tm.Send(press("enter"))
			waitFor(t, tm, "orders-fanout") // the scenario list has loaded
			tm.Send(press("r"))
			waitFor(t, tm, "fraud")
			tm.Send(press("esc"))
			// topic → fifo, queues → fifo, fraud filter → the full one,
			// shipping filter → placed+cancelled; then run.
			keys := []string{"down", "down", "right", "down", "right", "down", "right", "right", "right", "down", "right", "r"}
			for _, k := range keys {
				tm.Send(keyPress(k))
			}
			want := map[content.Lang]string{content.EN: "Every subscriber received exactly", content.KO: "모든 구독자가 필요한 메시지를 정확히 받았습니다"}[lang]
			waitFor(t, tm, want)
			tm.Send(press("q"))
			tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
			view := ansi.Strip(tm.FinalModel(t).(*App).View().Content)
			if !strings.Contains(view, want) {
				t.Fatalf("the result:\n%s", view)
			}
		})
	}
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	}
	return press(k)
}
