package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// probed wraps the App so a test can read the screen the model would draw
// right now, instead of parsing the diff-rendered byte stream (which
// redraws only what changed, so a word may never appear whole in it).
type probed struct{ *App }

type probeMsg struct{ reply chan string }

func (p probed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(probeMsg); ok {
		m.reply <- ansi.Strip(p.App.View().Content)
		return p, nil
	}
	_, cmd := p.App.Update(msg)
	return p, cmd
}

// waitView polls the model's screen until it contains want.
func waitView(t *testing.T, tm *teatest.TestModel, want string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		ch := make(chan string, 1)
		tm.Send(probeMsg{ch})
		select {
		case last = <-ch:
			if strings.Contains(last, want) {
				return last
			}
		case <-time.After(time.Second):
		}
		time.Sleep(15 * time.Millisecond)
	}
	t.Fatalf("the screen never showed %q; last screen:\n%s", want, last)
	return ""
}
