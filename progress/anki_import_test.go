package progress

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/anki"
	"github.com/saa-study/saa-study/anki/ankitest"
	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

func peer(name string) string { return filepath.Join("..", "anki", "testdata", "peer-writer", name) }

func samplePackage(t testing.TB, version int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.apkg")
	if err := ankitest.Sample(version).Write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func deckCards(t *testing.T, p *Progress) map[string]store.DeckCard {
	t.Helper()
	cards, err := p.st.DeckCards(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.DeckCard{}
	for _, c := range cards {
		out[c.Deck+"/"+c.CardID] = c
	}
	return out
}

// replayDue is the due date the learner's scheduler gives a history,
// computed here step by step from a new card.
func replayDue(t *testing.T, p *Progress, ratings []srs.Rating, at []time.Time) srs.Card {
	t.Helper()
	sc, err := p.Scheduling(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c := srs.NewCard(at[0])
	for i, r := range ratings {
		c, _, err = sc.Sched.Review(c, at[i], r)
		if err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// The peer writer's package imports with its text, tags and picture; a
// second import changes nothing.
func TestImportAnkiPeerBasic(t *testing.T) {
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	deckDir := filepath.Join(t.TempDir(), "decks", "basic")
	sum, err := p.ImportAnki(ctx, peer("basic.apkg"), AnkiImportOptions{DeckDir: deckDir})
	if err != nil {
		t.Fatal(err)
	}
	if sum != (AnkiImportSummary{Decks: 1, Notes: 3, Cards: 3, Media: 1}) {
		t.Errorf("summary %+v", sum)
	}
	cards := deckCards(t, p)
	if len(cards) != 3 {
		t.Fatalf("%d deck cards", len(cards))
	}
	var fronts []string
	for _, c := range cards {
		if c.Deck != "saa-peer-basics" {
			t.Errorf("deck %q, want saa-peer-basics", c.Deck)
		}
		fronts = append(fronts, c.Front+" | "+c.Back+" | "+strings.Join(c.Tags, " "))
	}
	sort.Strings(fronts)
	want := []string{
		"What is the **maximum** timeout of a Lambda function? | 900 seconds (15 minutes) | lambda limits",
		"Where does a Lambda function run?  \n![](lambda-diagram.png) | In an *execution environment* | lambda",
		"Which DynamoDB feature gives microsecond reads? | - DAX\n- an in-memory cache | dynamodb",
	}
	if strings.Join(fronts, "\n") != strings.Join(want, "\n") {
		t.Errorf("cards:\n%s\nwant\n%s", strings.Join(fronts, "\n"), strings.Join(want, "\n"))
	}
	if _, err := os.Stat(filepath.Join(deckDir, "lambda-diagram.png")); err != nil {
		t.Errorf("picture not beside the deck: %v", err)
	}
	before := backupBytes(t, p)
	again, err := p.ImportAnki(ctx, peer("basic.apkg"), AnkiImportOptions{DeckDir: deckDir})
	if err != nil {
		t.Fatal(err)
	}
	if again != (AnkiImportSummary{Notes: 3, Unchanged: 3}) {
		t.Errorf("second import %+v; want nothing changed", again)
	}
	if !bytes.Equal(before, backupBytes(t, p)) {
		t.Error("the second import changed the progress file")
	}
	set, err := p.LoadSet(ctx, content.EN)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range set.Entries {
		if e.Deck == "saa-peer-basics" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d imported cards in the review set, want 3", n)
	}
	rep, err := p.Stats(ctx, content.EN, fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Decks != 1 || rep.DeckCards != 3 {
		t.Errorf("stats count %d decks and %d cards of them, want 1 and 3", rep.Decks, rep.DeckCards)
	}
	counts, err := p.DeckCounts(ctx, content.EN, fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	last := counts[len(counts)-1]
	if last.ID != "saa-peer-basics" || last.Source != DeckImport || last.New != 3 || last.Cards != 3 || counts[0].Source != DeckBuiltin {
		t.Errorf("deck counts %+v", counts)
	}
}

// backupBytes is every table of the progress file, as JSON.
func backupBytes(t *testing.T, p *Progress) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p.st.Backup(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	// The backup's header carries the time it was made; drop it.
	s := b.String()
	if i := strings.Index(s, `"tables"`); i >= 0 {
		s = s[i:]
	}
	return []byte(s)
}

// The review log is replayed: a card is due when its history says, not
// today; the suspended card stays suspended.
func TestImportAnkiPeerHistory(t *testing.T) {
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	sum, err := p.ImportAnki(ctx, peer("history.apkg"), AnkiImportOptions{DeckDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Cards != 2 || sum.Reviews != 8 {
		t.Errorf("summary %+v; want 2 cards and 8 reviews (the manual entry is not one)", sum)
	}
	pk, err := anki.Open(peer("history.apkg"), anki.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer pk.Close()
	ics := pk.ImportCards()
	for i, ic := range ics {
		_, itemID, _, _ := resolveCard(ic, nil, nil)
		it, err := p.Item(ctx, store.KindCard, itemID)
		if err != nil {
			t.Fatal(err)
		}
		var rs []srs.Rating
		var at []time.Time
		for _, r := range ic.Reviews {
			rs, at = append(rs, srs.Rating(r.Ease)), append(at, r.Time())
		}
		want := replayDue(t, p, rs, at)
		if !it.Card.Due.Equal(want.Due) || it.Card.Reps != want.Reps || it.Card.Lapses != want.Lapses || it.Card.State != srs.Review {
			t.Errorf("card %d: due %s reps %d lapses %d state %v; want due %s reps %d lapses %d, Review",
				i, it.Card.Due, it.Card.Reps, it.Card.Lapses, it.Card.State, want.Due, want.Reps, want.Lapses)
		}
		if !it.Card.Due.After(at[len(at)-1].Add(24 * time.Hour)) {
			t.Errorf("card %d due %s: not days after its last review %s", i, it.Card.Due, at[len(at)-1])
		}
		if it.Suspended != (i == 1) {
			t.Errorf("card %d suspended %v", i, it.Suspended)
		}
	}
	if n, _ := p.ReviewCount(ctx); n != 8 {
		t.Errorf("%d reviews in the log, want 8", n)
	}
}

// Every generation of package imports the sample the same way: cloze
// cards as cloze, the 20-field note from its template's fields, the
// history after a Forget only.
func TestImportAnkiSampleEveryVersion(t *testing.T) {
	ctx := context.Background()
	var first map[string]store.DeckCard
	for _, v := range []int{anki.VersionLegacy1, anki.VersionLegacy2, anki.VersionLatest} {
		p := testProgress(t, srsLibrary(t))
		sum, err := p.ImportAnki(ctx, samplePackage(t, v), AnkiImportOptions{DeckDir: t.TempDir()})
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		if sum != (AnkiImportSummary{Decks: 3, Notes: 4, Cards: 6, Reviews: 5, Media: 1}) {
			t.Errorf("version %d: summary %+v", v, sum)
		}
		cards := deckCards(t, p)
		if first == nil {
			first = cards
		} else if len(cards) != len(first) {
			t.Errorf("version %d: %d cards, want %d", v, len(cards), len(first))
		}
		for k, c := range first {
			if cards[k].Front != c.Front || cards[k].Back != c.Back {
				t.Errorf("version %d: card %s differs", v, k)
			}
		}
		set, err := p.LoadSet(ctx, content.EN)
		if err != nil {
			t.Fatal(err)
		}
		var clozes []string
		for _, e := range set.Entries {
			if e.Deck == "saa-dynamodb" && e.Card != nil && e.Card.IsCloze() {
				clozes = append(clozes, e.Card.ClozeText(e.ClozeN, false))
			}
		}
		if strings.Join(clozes, "|") != "An item is at most […]; a partition key at most 2048 bytes.|An item is at most 400 KB; a partition key at most […]." {
			t.Errorf("version %d: cloze entries %q", v, clozes)
		}
	}
}

// Each refused package leaves the progress file as it was and writes
// nothing anywhere but the temporary folder it cleans up.
func TestImportAnkiBadInputChangesNothing(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	p, err := Open(filepath.Join(root, "progress.db"), srsLibrary(t), Options{Loc: time.UTC, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := p.LoadSet(ctx, content.EN); err != nil {
		t.Fatal(err)
	}
	bad := t.TempDir()
	write := func(name string, edit func(*ankitest.Package)) string {
		pk := ankitest.Sample(anki.VersionLatest)
		edit(pk)
		path := filepath.Join(bad, name)
		if err := pk.Write(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	notZip := filepath.Join(bad, "cards.apkg")
	os.WriteFile(notZip, []byte("front,back\n"), 0o600)
	cases := map[string]struct {
		path string
		lim  anki.Limits
	}{
		"not a zip":     {notZip, anki.Limits{}},
		"zip slip":      {peer("zipslip.apkg"), anki.Limits{}},
		"absolute":      {write("abs.apkg", func(p *ankitest.Package) { p.Media = []ankitest.Media{{Name: "/tmp/saa-abs", Data: []byte("x")}} }), anki.Limits{}},
		"schema":        {write("schema.apkg", func(p *ankitest.Package) { p.Schema = 21 }), anki.Limits{}},
		"corrupt":       {write("corrupt.apkg", func(p *ankitest.Package) { p.CollectionBytes = []byte("not zstd") }), anki.Limits{}},
		"too large":     {write("big.apkg", func(*ankitest.Package) {}), anki.Limits{Package: 1000}},
		"media too big": {write("media.apkg", func(*ankitest.Package) {}), anki.Limits{MediaFile: 4}},
	}
	before := backupBytes(t, p)
	files := tree(t, root)
	for name, c := range cases {
		deckDir := filepath.Join(root, "decks", "x")
		_, err := p.ImportAnki(ctx, c.path, AnkiImportOptions{DeckDir: deckDir, Limits: c.lim})
		if err == nil {
			t.Errorf("%s: imported", name)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error on more than one line: %q", name, err)
		}
		if !bytes.Equal(before, backupBytes(t, p)) {
			t.Errorf("%s: the progress file changed", name)
		}
		if got := tree(t, root); got != files {
			t.Errorf("%s: files written:\n%s\nwant\n%s", name, got, files)
		}
		if _, err := os.Stat("/tmp/saa-abs"); err == nil {
			t.Errorf("%s: wrote /tmp/saa-abs", name)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "..", "..", "saa-zip-slip.txt")); err == nil {
		t.Error("zip slip wrote outside the deck folder")
	}
}

// tree lists the files under root, except the progress file's own.
func tree(t *testing.T, root string) string {
	var out []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, path)
		if rel != "." && !strings.HasPrefix(rel, "progress.db") {
			out = append(out, rel)
		}
		return nil
	})
	return strings.Join(out, "\n")
}

// A session of one deck shows that deck's new cards even when the new
// cards of the whole collection that come first belong to other decks.
func TestDeckSessionShowsItsNewCards(t *testing.T) {
	ctx := context.Background()
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := testProgress(t, lib)
	if _, err := p.ImportAnki(ctx, peer("basic.apkg"), AnkiImportOptions{DeckDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	if err := p.st.SetSRSConfig(ctx, func() SRSConfig { c, _ := p.st.SRSConfig(ctx); c.NewPerDay = 2; return c }()); err != nil {
		t.Fatal(err)
	}
	all, err := p.LoadSet(ctx, content.EN)
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.LoadSession(ctx, content.EN, all.Only("saa-peer-basics"), fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	k, ok := s.Pick(fixedClock())
	if !ok || !strings.HasPrefix(k, "card:saa-peer-basics/") {
		t.Fatalf("picked %q (%v); want a card of the imported deck", k, ok)
	}
	if _, _, n := s.Counts(); n != 2 {
		t.Errorf("%d new cards queued, want the day's limit of 2", n)
	}
}

func TestDeckIDFromName(t *testing.T) {
	for in, want := range map[string]string{
		"SAA::Lambda":             "saa-lambda",
		"/home/me/AWS SAA.apkg":   "aws-saa",
		"collection.colpkg":       "collection",
		"Default":                 "default",
		"builtin":                 "anki-builtin",
		"日本語":                     "anki",
		strings.Repeat("ab-", 40): strings.TrimRight(strings.Repeat("ab-", 21), "-"),
	} {
		if got := DeckIDFromName(in); got != want || !store.ValidDeckID(got) {
			t.Errorf("DeckIDFromName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A review card whose log was not exported keeps Anki's schedule: due on
// the day Anki has it due, its memory inferred from interval and ease.
func TestImportAnkiScheduleWithoutHistory(t *testing.T) {
	ctx := context.Background()
	pk := &ankitest.Package{Version: anki.VersionLatest, Crt: 1790812800, // 2026-10-01 00:00 UTC
		Notetypes: []ankitest.Notetype{ankitest.Basic}, Decks: map[int64]string{1: "Default"},
		Notes: []ankitest.Note{{ID: 1, Mid: ankitest.Basic.ID, GUID: "g1", Fields: []string{"q", "a"}},
			{ID: 2, Mid: ankitest.Basic.ID, GUID: "g2", Fields: []string{"q2", "a2"}}},
		Cards: []ankitest.Card{{ID: 11, Nid: 1, Did: 1, Type: 2, Queue: 2, Due: 60, Ivl: 20, Factor: 2500, Reps: 5},
			{ID: 12, Nid: 2, Did: 1, Type: 0, Queue: 0}}}
	path := filepath.Join(t.TempDir(), "sched.apkg")
	if err := pk.Write(path); err != nil {
		t.Fatal(err)
	}
	p := testProgress(t, srsLibrary(t))
	if _, err := p.ImportAnki(ctx, path, AnkiImportOptions{DeckDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	it, err := p.Item(ctx, store.KindCard, "default/"+cardIDOf("g1"))
	if err != nil {
		t.Fatal(err)
	}
	c := it.Card
	if c.State != srs.Review || !c.Due.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) || c.Stability != 20 || c.Reps != 5 ||
		c.Difficulty < 1 || c.Difficulty > 10 {
		t.Errorf("scheduled card without a log: %+v", c)
	}
	if n, _ := p.ReviewCount(ctx); n != 0 {
		t.Errorf("%d reviews logged for a card without history", n)
	}
	if it, _ := p.Item(ctx, store.KindCard, "default/"+cardIDOf("g2")); it.Card.State != srs.New {
		t.Errorf("new card: %+v", it.Card)
	}
}

func cardIDOf(guid string) string {
	_, _, _, id := resolveCard(anki.ImportCard{GUID: guid, Deck: "Default"}, nil, nil)
	return id
}
