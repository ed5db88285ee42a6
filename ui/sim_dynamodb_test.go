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
	"github.com/saa-study/saa-study/ui/pages/sim"
)

const ddbCreate5WCU = "create-table --table-name Demo --attribute-definitions AttributeName=pk,AttributeType=S " +
	"--key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED " +
	"--provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5"

// TestDDBLoadOnOneKeyThrottlesAndSaysWhy: from the Simulators menu, a
// provisioned 5-WCU table hammered at 200 writes/s on one key throttles,
// and the console explains it with the provisioned rate (the run's numbers
// are pinned in ui/pages/sim/dynamodb).
func TestDDBLoadOnOneKeyThrottlesAndSaysWhy(t *testing.T) {
	app := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "sim"})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "DynamoDB")
	for _, id := range sim.Entries {
		if id == "dynamodb" {
			break
		}
		tm.Send(press("down"))
	}
	tm.Send(press("enter"))
	waitFor(t, tm, "help lists them")
	tm.Type(ddbCreate5WCU)
	tm.Send(press("enter"))
	waitFor(t, tm, "NumberOfDecreasesToday")
	tm.Type("load --table Demo --op PutItem --rate 200 --seconds 60 --keys 1")
	tm.Send(press("enter"))
	waitFor(t, tm, "throttled/s") // the chart's legend
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	view := ansi.Strip(tm.FinalModel(t).(*App).View().Content)
	for _, want := range []string{"throttled 11", "provisioned rate", "5 WCU/s provisioned", "ddb.burst.seconds"} {
		if !strings.Contains(view, want) {
			t.Errorf("the console should total the throttles and say why (%q):\n%s", want, view)
		}
	}
}
