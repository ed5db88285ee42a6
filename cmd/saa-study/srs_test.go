package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// saaIn runs the command line with stdin.
func saaIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const replayIn = `{"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"},{"rating":3,"ts":"2025-03-18T09:40:00Z"}]}]}`

func TestSRSReplay(t *testing.T) {
	f := filepath.Join(t.TempDir(), "h.json")
	os.WriteFile(f, []byte(replayIn), 0o644)
	code, out, errs := saa(t, "srs", "replay", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[2], "2025-03-20T09:40:00Z") {
		t.Fatalf("table:\n%s", out)
	}
	// The second Good graduates the card to 2 days (ts-fsrs' numbers).
	code, out, _ = saaIn(t, replayIn, "srs", "replay", "-", "--json")
	if code != 0 {
		t.Fatalf("stdin --json: exit %d", code)
	}
	var last struct {
		State         int     `json:"state"`
		ScheduledDays int     `json:"scheduled_days"`
		Stability     float64 `json:"stability"`
	}
	js := strings.Split(strings.TrimSpace(out), "\n")
	if err := json.Unmarshal([]byte(js[len(js)-1]), &last); err != nil || last.State != 2 || last.ScheduledDays != 2 || last.Stability != 2.3065 {
		t.Fatalf("json line %q: %+v %v", js[len(js)-1], last, err)
	}
	code, _, errs = saaIn(t, `{"cards":[{"id":"c1","reviews":[{"rating":5,"ts":"2025-03-18T09:27:31Z"}]}]}`, "srs", "replay", "-")
	if code != 1 || !strings.Contains(errs, "ValidationException") || !strings.Contains(errs, "rating must be 1") {
		t.Fatalf("bad rating: exit %d, %q", code, errs)
	}
}

func TestDeckImportExportTSV(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	tsv := filepath.Join(dir, "My Words.tsv")
	os.WriteFile(tsv, []byte("#separator:tab\nfront\tback\ttags\nWhat is DAX?\tA cache for DynamoDB\tdynamodb cache\nTab\t\"has a\ttab\"\n"), 0o644)
	code, out, errs := saa(t, "--db", db, "deck", "import", tsv)
	if code != 0 || !strings.Contains(out, "deck my-words: imported 2 cards") {
		t.Fatalf("import: exit %d, %q %q", code, out, errs)
	}
	csvf := filepath.Join(dir, "more.csv")
	os.WriteFile(csvf, []byte("Q1,\"A, with comma\"\n"), 0o644)
	if code, _, errs := saa(t, "--db", db, "deck", "import", csvf, "--deck", "extra"); code != 0 {
		t.Fatalf("csv import: %s", errs)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("ok,fine\nonly-front\n"), 0o644)
	if code, _, errs := saa(t, "--db", db, "deck", "import", bad); code != 1 || !strings.Contains(errs, "line 2") {
		t.Fatalf("bad csv: exit %d, %q", code, errs)
	}
	code, out, errs = saa(t, "--db", db, "deck", "export", "-", "--deck", "my-words")
	if code != 0 {
		t.Fatalf("export: %s", errs)
	}
	want := "#separator:tab\n#html:false\n#tags column:3\n" +
		"What is DAX?\tA cache for DynamoDB\tsaa-study my-words dynamodb cache\n" +
		"Tab\t\"has a\ttab\"\tsaa-study my-words\n"
	if out != want {
		t.Fatalf("export:\n%q\nwant\n%q", out, want)
	}
	out2 := filepath.Join(dir, "all.tsv")
	if code, _, errs := saa(t, "--db", db, "--lang", "en", "deck", "export", out2); code != 0 {
		t.Fatalf("export all: %s", errs)
	}
	b, _ := os.ReadFile(out2)
	if !strings.Contains(string(b), "saa-study builtin") || !strings.Contains(string(b), "\"A, with comma\"") && !strings.Contains(string(b), "A, with comma") {
		t.Fatalf("export of everything misses built-in or imported cards")
	}
	if code, _, _ := saa(t, "--db", db, "deck", "export", "-", "--deck", "nope"); code != 1 {
		t.Fatal("exporting an unknown deck should fail")
	}
}

func TestDeckAddRefusesABrokenFolder(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "cards", "en"), 0o755)
	os.WriteFile(filepath.Join(dir, "cards", "en", "x.md"), []byte("no front matter"), 0o644)
	code, _, errs := saa(t, "--db", filepath.Join(dir, "p.db"), "deck", "add", dir)
	if code != 1 || !strings.Contains(errs, "problem") {
		t.Fatalf("exit %d, %q", code, errs)
	}
}

func TestBackupRestoreCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	os.WriteFile(filepath.Join(dir, "w.tsv"), []byte("f\tb\n"), 0o644)
	saa(t, "--db", db, "deck", "import", filepath.Join(dir, "w.tsv"))
	saa(t, "--db", db, "srs", "limits", "--new", "7")
	bak := filepath.Join(dir, "b.json")
	if code, _, errs := saa(t, "--db", db, "backup", bak); code != 0 {
		t.Fatalf("backup: %s", errs)
	}
	other := filepath.Join(dir, "q.db")
	if code, _, errs := saa(t, "--db", other, "restore", bak); code != 0 {
		t.Fatalf("restore: %s", errs)
	}
	if _, out, _ := saa(t, "--db", other, "srs", "limits"); !strings.Contains(out, "new per day: 7") {
		t.Fatalf("restored limits: %q", out)
	}
	if _, out, _ := saa(t, "--db", other, "deck", "list"); !strings.Contains(out, "w\timport") {
		t.Fatalf("restored decks: %q", out)
	}
	// Refusals leave the store as it was.
	newer := filepath.Join(dir, "newer.json")
	os.WriteFile(newer, []byte(`{"format":"saa-study-backup","version":99,"tables":{}}`), 0o644)
	junk := filepath.Join(dir, "junk.json")
	os.WriteFile(junk, []byte(`{"format":`), 0o644)
	for _, f := range []string{newer, junk, filepath.Join(dir, "missing.json")} {
		code, _, errs := saa(t, "--db", other, "restore", f)
		if code != 1 || strings.Contains(errs, "restored") {
			t.Errorf("%s: exit %d, %q", filepath.Base(f), code, errs)
		}
		if _, out, _ := saa(t, "--db", other, "srs", "limits"); !strings.Contains(out, "new per day: 7") {
			t.Fatalf("%s: a refused restore changed the store", filepath.Base(f))
		}
	}
	if _, _, errs := saa(t, "--db", other, "restore", newer); !strings.Contains(errs, "newer") {
		t.Errorf("the newer-version refusal should say so: %q", errs)
	}
}

func TestStatsJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errs := saa(t, "--db", db, "--lang", "en", "stats", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Today struct {
			New int `json:"new"`
		} `json:"today"`
		Forecast []int `json:"forecast"`
		Heatmap  []any `json:"heatmap"`
		Domains  []struct {
			Group     string  `json:"group"`
			Readiness float64 `json:"readiness"`
			Weight    int     `json:"weight"`
		} `json:"domains"`
		Readiness float64 `json:"readiness"`
		Caveat    string  `json:"caveat"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// Nothing studied: 20 new today, every domain at the 1-in-4 guess.
	if rep.Today.New != 20 || len(rep.Forecast) != 30 || len(rep.Heatmap) != 140 || rep.Caveat == "" {
		t.Fatalf("report: %+v", rep)
	}
	for _, d := range rep.Domains {
		if d.Readiness != 0.25 {
			t.Errorf("domain %s readiness %v, want 0.25 before any study", d.Group, d.Readiness)
		}
	}
	if rep.Readiness != 0.25 {
		t.Errorf("overall readiness %v", rep.Readiness)
	}
	code, out, _ = saa(t, "--db", db, "--lang", "ko", "stats", "--print", "--width", "40")
	if code != 0 || !strings.Contains(out, "시험 준비도") {
		t.Fatalf("--print ko: %q", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("--print pads a line for a file: %q", l)
		}
	}
}

// countingWriter counts the writes that reach it.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// TestSRSReplayBuffered: a long replay reaches the output in a few large
// writes (not one per line), in JSON and as a table, and a mistake late in
// the input comes after the lines before it.
func TestSRSReplayBuffered(t *testing.T) {
	var in strings.Builder
	in.WriteString(`{"cards":[`)
	for c := range 400 {
		if c > 0 {
			in.WriteString(",")
		}
		fmt.Fprintf(&in, `{"id":"c%d","reviews":[`, c)
		for i := range 10 {
			if i > 0 {
				in.WriteString(",")
			}
			fmt.Fprintf(&in, `{"rating":%d,"ts":"2025-03-%02dT09:27:31Z"}`, 1+(c+i)%4, 1+2*i)
		}
		in.WriteString("]}")
	}
	in.WriteString("]}")
	for _, asJSON := range []bool{true, false} {
		var out countingWriter
		if err := replay(strings.NewReader(in.String()), &out, asJSON); err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(out.String(), "\n")
		if want := 4000 + map[bool]int{true: 0, false: 1}[asJSON]; lines != want || out.writes > lines/20 {
			t.Fatalf("json %v: %d lines (want %d) in %d writes", asJSON, lines, want, out.writes)
		}
	}
	bad := strings.TrimSuffix(in.String(), "]}") + `,{"id":"c0","reviews":[]}]}`
	var out bytes.Buffer
	err := replay(strings.NewReader(bad), &out, true)
	if err == nil || !strings.Contains(err.Error(), `card 400: id "c0" is also used by card 0`) || strings.Count(out.String(), "\n") != 4000 {
		t.Fatalf("late mistake: %v after %d lines", err, strings.Count(out.String(), "\n"))
	}
}
