package progress

import (
	"context"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
)

// TestLightSetIsTheFullSet: the set the home screen's glance counts from,
// built from the content's index without parsing a question or card, has
// the same entries, in the same order, with the same topics, domains and
// sections, as the set a study session loads, on the built-in content in
// every language and on the test fixture.
func TestLightSetIsTheFullSet(t *testing.T) {
	emb, _ := content.Embedded()
	for name, lib := range map[string]*content.Library{"built-in": emb, "fixture": srsLibrary(t)} {
		for _, lang := range content.Langs {
			p := testProgress(t, lib)
			light, err := p.loadSet(context.Background(), lang, true)
			if err != nil {
				t.Fatal(err)
			}
			full, err := p.LoadSet(context.Background(), lang)
			if err != nil {
				t.Fatal(err)
			}
			if len(light.Entries) != len(full.Entries) || len(full.Entries) == 0 {
				t.Fatalf("%s %s: %d light entries, %d full", name, lang, len(light.Entries), len(full.Entries))
			}
			for i, f := range full.Entries {
				l := light.Entries[i]
				if l.Key() != f.Key() || l.Topic != f.Topic || l.Domain != f.Domain || l.Section != f.Section || l.ClozeN != f.ClozeN || l.Deck != f.Deck {
					t.Fatalf("%s %s entry %d: light %+v, full %+v", name, lang, i, *l, *f)
				}
			}
		}
	}
}

// TestGlanceIsTheFullComputation: after some answers, the glance (due
// today, readiness, studied) equals what the full set gives when counted
// the way the glance counted before it used the index.
func TestGlanceIsTheFullComputation(t *testing.T) {
	ctx := context.Background()
	emb, _ := content.Embedded()
	p := testProgress(t, emb)
	now := fixedClock()
	set0, err := p.LoadSet(ctx, content.EN)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range set0.Entries[:8] {
		if _, err := p.CommitAnswer(ctx, Answer{Kind: e.Kind, ItemID: e.ID, Rating: 1 + i%4, AnsweredAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	later := now.Add(36 * 60 * 60 * 1e9)
	g, err := p.Glance(ctx, content.EN, later)
	if err != nil {
		t.Fatal(err)
	}
	set, err := p.LoadSet(ctx, content.EN)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := p.Scheduling(ctx)
	items, _ := p.st.SRSItems(ctx)
	qc, _ := set.queueCards(items)
	logs, _ := p.st.ReviewsSince(ctx, sc.Day.DayStart(later))
	today := srs.Today(qc, logsOf(logs), later, sc.Policy)
	want := Glance{DueToday: today.Due + today.New, Readiness: overallReadiness(domainReadiness(set, items, later, sc.Sched)), Studied: true}
	g.Streak = 0
	if g != want || !g.Studied {
		t.Errorf("glance %+v, the full computation %+v", g, want)
	}
}
