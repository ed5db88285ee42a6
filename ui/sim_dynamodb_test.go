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
	"github.com/saa-study/saa-study/ui/text"
)

const ddbCreate5WCU = "create-table --table-name Demo --attribute-definitions AttributeName=pk,AttributeType=S " +
	"--key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED " +
	"--provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5"

// openDDB drives an app from the Simulators menu into the DynamoDB console.
func openDDB(t *testing.T, w, h int, lang content.Lang) (*App, *ddbConsole) {
	t.Helper()
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Lang: lang, Theme: "dark", Start: "sim"})
	drive(a, tea.WindowSizeMsg{Width: w, Height: h})
	for _, id := range simEntries {
		if id == "dynamodb" {
			break
		}
		drive(a, press("down"))
	}
	drive(a, press("enter"))
	con, ok := a.top().(*ddbConsole)
	if !ok {
		t.Fatalf("the dynamodb entry should open the DynamoDB console, got %T", a.top())
	}
	return a, con
}

// ddbTypeLine types a command into the console and presses enter.
func ddbTypeLine(a *App, line string) {
	for _, r := range line {
		drive(a, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	drive(a, press("enter"))
}

func ddbOutputText(con *ddbConsole) string {
	var b strings.Builder
	for _, l := range con.out {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestDDBLoadOnOneKeyThrottlesAndSaysWhy is the check: a
// provisioned 5-WCU table hammered at 200 writes/s on one key throttles,
// and the console explains it with the provisioned rate.
func TestDDBLoadOnOneKeyThrottlesAndSaysWhy(t *testing.T) {
	app := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "sim"})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "DynamoDB")
	for _, id := range simEntries {
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

	con := tm.FinalModel(t).(*App).top().(*ddbConsole)
	run := con.load
	if run == nil {
		t.Fatal("no load run recorded")
	}
	if run.Result.OK+run.Result.Throttled != 200*60 {
		t.Fatalf("requests = %d, want 12000 (200/s × 60 s)", run.Result.OK+run.Result.Throttled)
	}
	// After the first second the table serves its 5 WCU per second.
	if last := run.Result.Series[59]; last.OK != 5 || last.Throttled != 195 {
		t.Errorf("last second: ok %d throttled %d, want 5 and 195", last.OK, last.Throttled)
	}
	if !strings.Contains(run.Why, "provisioned rate") || !strings.Contains(run.Why, "5 WCU/s provisioned") || !strings.Contains(run.Why, "ddb.burst.seconds") {
		t.Errorf("why = %q; want the provisioned rate and the burst fact", run.Why)
	}
	if !strings.Contains(ddbOutputText(con), "throttled 11") {
		t.Errorf("the output should total the throttles:\n%s", ddbOutputText(con))
	}
}

// TestDDBHistoryAndPanels: ↑ recalls the last command, tab cycles panels,
// and every panel fits small and normal windows in both languages.
func TestDDBHistoryAndPanels(t *testing.T) {
	for _, lang := range content.Langs {
		for _, size := range [][2]int{{80, 24}, {40, 12}, {120, 40}} {
			a, con := openDDB(t, size[0], size[1], lang)
			ddbTypeLine(a, ddbCreate5WCU)
			ddbTypeLine(a, `put-item --table-name Demo --item '{"pk":{"S":"a"}}'`)
			ddbTypeLine(a, "load --rate 50 --seconds 5")
			ddbTypeLine(a, "create-cluster --cluster-name c")
			drive(a, press("up"))
			if got := con.input.Value(); got != "create-cluster --cluster-name c" {
				t.Fatalf("↑ recalled %q", got)
			}
			drive(a, tea.KeyPressMsg{Code: tea.KeyDown})
			if got := con.input.Value(); got != "" {
				t.Fatalf("↓ past the newest should restore the empty draft, got %q", got)
			}
			for p := 0; p < int(ddbPanelCount); p++ {
				drive(a, tea.KeyPressMsg{Code: tea.KeyTab})
				view := a.View().Content
				lines := strings.Split(view, "\n")
				if len(lines) > size[1] {
					t.Fatalf("%s %v panel %d: %d lines", lang, size, con.panel, len(lines))
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Fatalf("%s %v panel %d: line of %d cells: %q", lang, size, con.panel, w, ansi.Strip(l))
					}
				}
			}
		}
	}
}

func BenchmarkDDBConsoleView(b *testing.B) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(b), Lang: content.EN, Theme: "dark"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	con := newDDBConsole(a.c)
	con.ran(ddbRanMsg{out: con.sess.Exec(ddbCreate5WCU)})
	con.ran(ddbRanMsg{out: con.sess.Exec("load --rate 200 --seconds 60")})
	b.ReportAllocs()
	for b.Loop() {
		_ = con.View()
	}
}

// TestDDBHelpScrollAndClear: help lists the console's own commands, pgup
// shows older output and pgdn returns to the newest, clear empties it.
func TestDDBHelpScrollAndClear(t *testing.T) {
	a, con := openDDB(t, 80, 24, content.EN)
	ddbTypeLine(a, "help")
	out := ddbOutputText(con)
	for _, w := range []string{"create-table", "load --table", "advance 60", "create-cluster", "guide [N]"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q", w)
		}
	}
	ddbTypeLine(a, "guide")
	bottom := ansi.Strip(a.View().Content)
	if !strings.Contains(bottom, "TTL and the stream") {
		t.Fatalf("guide should list the scenarios:\n%s", bottom)
	}
	for range 3 {
		drive(a, tea.KeyPressMsg{Code: tea.KeyPgUp})
	}
	if up := ansi.Strip(a.View().Content); up == bottom || !strings.Contains(up, "DynamoDB commands") {
		t.Fatalf("pgup should show the start of the help:\n%s", up)
	}
	for range 6 {
		drive(a, tea.KeyPressMsg{Code: tea.KeyPgDown})
	}
	if again := ansi.Strip(a.View().Content); again != bottom {
		t.Fatalf("pgdn should come back to the newest output:\n%s", again)
	}
	ddbTypeLine(a, "clear")
	if len(con.out) != 0 {
		t.Fatalf("clear left %d lines", len(con.out))
	}
}

// TestDDBNotesWrapBetweenWords: a console note wider than the window
// breaks between words (no ":" alone on a line) and keeps its indent; the
// intro fits 80 columns; in a guide the empty input says enter runs the
// next step.
func TestDDBNotesWrapBetweenWords(t *testing.T) {
	got := ddbWrapInfo("  Guided scenarios (guide N starts one; enter on an empty line runs the next step):", 40)
	for _, l := range got {
		if text.Width(l) > 40 || !strings.HasPrefix(l, "  ") || strings.TrimSpace(l) == ":" {
			t.Errorf("bad wrapped line %q in %q", l, got)
		}
	}
	if l := "  guide [N]          list or start"; ddbWrapInfo(l, 80)[0] != l {
		t.Errorf("a note that fits changed: %q", ddbWrapInfo(l, 80))
	}
	for _, lang := range content.Langs {
		if w := text.Width(text.T(lang, "ddb.intro")); w > 80 {
			t.Errorf("%s: the intro is %d cells, wider than 80", lang, w)
		}
		a, con := openDDB(t, 80, 24, lang)
		ddbTypeLine(a, "guide 1")
		if v := ansi.Strip(a.View().Content); !strings.Contains(v, text.T(lang, "ddb.placeholder.guide")) {
			t.Errorf("%s: a guide's input does not say enter runs the next step:\n%s", lang, v)
		}
		_ = con
	}
}
