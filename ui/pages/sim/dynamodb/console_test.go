package dynamodb

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/text"
)

const create5WCU = "create-table --table-name Demo --attribute-definitions AttributeName=pk,AttributeType=S " +
	"--key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED " +
	"--provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5"

// open starts the console in a w×h room.
func open(t testing.TB, w, h int, lang content.Lang) (*uitest.Harness, *Console) {
	t.Helper()
	con := New(uitest.Common(fixture.Library(t), nil, lang, w, h))
	return uitest.NewHarness(t, con), con
}

// typeLine types a command into the console and presses enter.
func typeLine(h *uitest.Harness, line string) {
	for _, r := range line {
		h.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	h.Keys("enter")
}

func outputText(con *Console) string {
	var b strings.Builder
	for _, l := range con.out {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestDDBLoadOnOneKeyThrottlesAndSaysWhy: a provisioned 5-WCU table
// hammered at 200 writes/s on one key throttles, and the console explains
// it with the provisioned rate.
func TestDDBLoadOnOneKeyThrottlesAndSaysWhy(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	con := New(uitest.Common(lib, nil, content.EN, 80, 20))
	h := uitest.NewHarness(t, con)
	if v := h.View(); !strings.Contains(v, "help lists them") {
		t.Fatalf("no intro:\n%s", v)
	}
	typeLine(h, create5WCU)
	if !strings.Contains(h.View(), "NumberOfDecreasesToday") {
		t.Fatalf("create-table should answer with the table:\n%s", h.View())
	}
	typeLine(h, "load --table Demo --op PutItem --rate 200 --seconds 60 --keys 1")
	if !strings.Contains(h.View(), "throttled/s") {
		t.Fatalf("the load chart's legend is missing:\n%s", h.View())
	}
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
	if !strings.Contains(run.Why, "provisioned rate") || !strings.Contains(run.Why, "5 WCU/s provisioned") || !strings.Contains(run.Why, "[1]") {
		t.Errorf("why = %q; want the provisioned rate and the burst fact as a reference", run.Why)
	}
	if !strings.Contains(outputText(con), "throttled 11") {
		t.Errorf("the output should total the throttles:\n%s", outputText(con))
	}
}

// TestDDBHistoryAndPanels: ↑ recalls the last command, tab cycles panels,
// and every panel fits the rooms of small and normal windows (80×24, 40×12,
// 120×40) in both languages.
func TestDDBHistoryAndPanels(t *testing.T) {
	for _, lang := range content.Langs {
		for _, size := range [][2]int{{80, 20}, {40, 8}, {120, 36}} {
			h, con := open(t, size[0], size[1], lang)
			typeLine(h, create5WCU)
			typeLine(h, `put-item --table-name Demo --item '{"pk":{"S":"a"}}'`)
			typeLine(h, "load --rate 50 --seconds 5")
			typeLine(h, "create-cluster --cluster-name c")
			h.Keys("up")
			if got := con.input.Value(); got != "create-cluster --cluster-name c" {
				t.Fatalf("↑ recalled %q", got)
			}
			h.Keys("down")
			if got := con.input.Value(); got != "" {
				t.Fatalf("↓ past the newest should restore the empty draft, got %q", got)
			}
			for p := 0; p < int(panelCount); p++ {
				h.Keys("tab")
				lines := strings.Split(con.View(), "\n")
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
	con := New(uitest.Common(fixture.Library(b), nil, content.EN, 80, 20))
	con.ran(ranMsg{out: con.sess.Exec(create5WCU)})
	con.ran(ranMsg{out: con.sess.Exec("load --rate 200 --seconds 60")})
	b.ReportAllocs()
	for b.Loop() {
		_ = con.View()
	}
}

// TestDDBHelpScrollAndClear: help lists the console's own commands, pgup
// shows older output and pgdn returns to the newest, clear empties it.
func TestDDBHelpScrollAndClear(t *testing.T) {
	h, con := open(t, 80, 20, content.EN)
	typeLine(h, "help")
	out := outputText(con)
	for _, w := range []string{"create-table", "load --table", "advance 60", "create-cluster", "guide [N]"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q", w)
		}
	}
	typeLine(h, "guide")
	bottom := h.View()
	if !strings.Contains(bottom, "TTL and the stream") {
		t.Fatalf("guide should list the scenarios:\n%s", bottom)
	}
	for range 3 {
		h.Send(tea.KeyPressMsg{Code: tea.KeyPgUp})
	}
	if up := h.View(); up == bottom || !strings.Contains(up, "DynamoDB commands") {
		t.Fatalf("pgup should show the start of the help:\n%s", up)
	}
	for range 6 {
		h.Send(tea.KeyPressMsg{Code: tea.KeyPgDown})
	}
	if again := h.View(); again != bottom {
		t.Fatalf("pgdn should come back to the newest output:\n%s", again)
	}
	typeLine(h, "clear")
	if len(con.out) != 0 {
		t.Fatalf("clear left %d lines", len(con.out))
	}
}

// TestDDBNotesWrapBetweenWords: a console note wider than the window
// breaks between words (no ":" alone on a line) and keeps its indent; the
// intro fits 80 columns; in a guide the empty input says enter runs the
// next step.
func TestDDBNotesWrapBetweenWords(t *testing.T) {
	got := wrapInfo("  Guided scenarios (guide N starts one; enter on an empty line runs the next step):", 40)
	for _, l := range got {
		if text.Width(l) > 40 || !strings.HasPrefix(l, "  ") || strings.TrimSpace(l) == ":" {
			t.Errorf("bad wrapped line %q in %q", l, got)
		}
	}
	if l := "  guide [N]          list or start"; wrapInfo(l, 80)[0] != l {
		t.Errorf("a note that fits changed: %q", wrapInfo(l, 80))
	}
	for _, lang := range content.Langs {
		if w := text.Width(text.T(lang, "ddb.intro")); w > 80 {
			t.Errorf("%s: the intro is %d cells, wider than 80", lang, w)
		}
		h, _ := open(t, 80, 20, lang)
		typeLine(h, "guide 1")
		if v := h.View(); !strings.Contains(v, text.T(lang, "ddb.placeholder.guide")) {
			t.Errorf("%s: a guide's input does not say enter runs the next step:\n%s", lang, v)
		}
	}
}

// TestDDBIntroShowsOnce: on first open the intro is the status line, not
// also the first line of the output.
func TestDDBIntroShowsOnce(t *testing.T) {
	for _, lang := range content.Langs {
		h, _ := open(t, 80, 20, lang)
		intro := text.Wrap(text.T(lang, "ddb.intro"), 80)[0]
		if n := strings.Count(h.View(), intro); n != 1 {
			t.Errorf("%s: the intro shows %d times:\n%s", lang, n, h.View())
		}
	}
}

// TestDDBCitesFactsAsReferences: a load run's why cites the limit behind it
// as a numbered reference, never as a raw id, and the facts panel (tab)
// gives its value, meaning, AWS source and date checked, in both languages.
func TestDDBCitesFactsAsReferences(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		con := New(uitest.Common(lib, nil, lang, 100, 40))
		h := uitest.NewHarness(t, con)
		typeLine(h, create5WCU)
		typeLine(h, "load --table Demo --op PutItem --rate 200 --seconds 60 --keys 1")
		typeLine(h, "load --table Demo --op PutItem --rate 3000 --seconds 5 --keys 1")
		if raw := content.RawFactRefs(outputText(con) + h.View()); len(raw) > 0 {
			t.Errorf("%s: raw fact ids %q in:\n%s", lang, raw, outputText(con))
		}
		for i := 0; con.panel != panelFacts; i++ {
			if i > int(panelCount) {
				t.Fatal("tab never reaches the facts panel")
			}
			h.Keys("tab")
		}
		v := h.View()
		if !strings.Contains(v, "[1] ") || !strings.Contains(v, "https://docs.aws.amazon.com/") || !strings.Contains(v, text.T(lang, "sim.fact.checked")) {
			t.Errorf("%s: the facts panel does not give the reference:\n%s", lang, v)
		}
	}
}
