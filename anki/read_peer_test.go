package anki

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
)

// The reader agrees with a peer reader (anki-reader, run by
// testdata/peer-reader/read.mjs) on the package it read: the same decks,
// note types, notes, cards and review log rows.
func TestReaderAgreesWithPeerReader(t *testing.T) {
	var v struct {
		Crt   int64
		Ver   int
		Decks []struct {
			ID   int64
			Name string
		}
		Models []struct {
			ID        int64
			Name      string
			Type      int
			Fields    []string
			Templates []struct{ Name, Qfmt, Afmt string }
		}
		Cards []struct {
			ID                                          int64
			Deck                                        string
			Nid                                         int64
			Ord, Type, Queue, Ivl, Factor, Reps, Lapses int
			Due                                         int64
		}
		Notes []struct {
			ID   int64
			GUID string
			Mid  int64
			Tags string
		}
		Revlog [][9]int64
	}
	data, err := os.ReadFile("testdata/peer-reader/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Decks) == 0 || len(v.Models) == 0 || len(v.Notes) == 0 || len(v.Cards) == 0 || len(v.Revlog) == 0 {
		t.Fatalf("the vectors hold nothing to compare: %d decks, %d models, %d notes, %d cards, %d reviews",
			len(v.Decks), len(v.Models), len(v.Notes), len(v.Cards), len(v.Revlog))
	}
	p, err := Open("testdata/peer-reader/small.apkg", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if p.Schema != v.Ver || p.Created.Unix() != v.Crt {
		t.Errorf("schema %d created %d; the peer read %d and %d", p.Schema, p.Created.Unix(), v.Ver, v.Crt)
	}
	deckName := map[int64]string{}
	var decks []string
	for _, d := range p.Decks {
		deckName[d.ID] = d.Name
		decks = append(decks, d.Name)
	}
	var peerDecks []string
	for _, d := range v.Decks {
		peerDecks = append(peerDecks, d.Name)
		if deckName[d.ID] != d.Name {
			t.Errorf("deck %d: %q, the peer read %q", d.ID, deckName[d.ID], d.Name)
		}
	}
	sort.Strings(decks)
	sort.Strings(peerDecks)
	if strings.Join(decks, "|") != strings.Join(peerDecks, "|") {
		t.Errorf("decks %q; the peer read %q", decks, peerDecks)
	}
	models := map[int64]Model{}
	for _, m := range p.Models {
		models[m.ID] = m
	}
	for _, pm := range v.Models {
		m := models[pm.ID]
		if m.Name != pm.Name || int(m.Kind) != pm.Type || strings.Join(m.Fields, "|") != strings.Join(pm.Fields, "|") || len(m.Templates) != len(pm.Templates) {
			t.Errorf("model %d: %+v; the peer read %+v", pm.ID, m, pm)
			continue
		}
		for i, tp := range pm.Templates {
			if m.Templates[i].Front != tp.Qfmt || m.Templates[i].Back != tp.Afmt {
				t.Errorf("model %d template %d differs", pm.ID, i)
			}
		}
	}
	notes := map[int64]Note{}
	for _, n := range p.Notes {
		notes[n.ID] = n
	}
	if len(p.Notes) != len(v.Notes) {
		t.Errorf("%d notes; the peer read %d", len(p.Notes), len(v.Notes))
	}
	for _, pn := range v.Notes {
		n := notes[pn.ID]
		if n.GUID != pn.GUID || n.ModelID != pn.Mid || strings.Join(n.Tags, " ") != strings.Join(strings.Fields(pn.Tags), " ") {
			t.Errorf("note %d: %+v; the peer read %+v", pn.ID, n, pn)
		}
	}
	cards := map[int64]Card{}
	for _, c := range p.Cards {
		cards[c.ID] = c
	}
	if len(p.Cards) != len(v.Cards) {
		t.Errorf("%d cards; the peer read %d", len(p.Cards), len(v.Cards))
	}
	for _, pc := range v.Cards {
		c := cards[pc.ID]
		if deckName[c.DeckID] != pc.Deck || c.NoteID != pc.Nid || c.Ord != pc.Ord || int(c.Type) != pc.Type || int(c.Queue) != pc.Queue ||
			c.Due != pc.Due || c.Ivl != pc.Ivl || c.Factor != pc.Factor || c.Reps != pc.Reps || c.Lapses != pc.Lapses {
			t.Errorf("card %d: %+v; the peer read %+v", pc.ID, c, pc)
		}
	}
	if len(p.Reviews) != len(v.Revlog) {
		t.Fatalf("%d review log rows; the peer read %d", len(p.Reviews), len(v.Revlog))
	}
	revs := map[int64]Review{}
	for _, r := range p.Reviews {
		revs[r.ID] = r
	}
	for _, pr := range v.Revlog {
		// id, cid, usn, ease, ivl, lastIvl, factor, time, type
		r := revs[pr[0]]
		if r.CardID != pr[1] || int64(r.Ease) != pr[3] || int64(r.Ivl) != pr[4] || int64(r.LastIvl) != pr[5] ||
			int64(r.Factor) != pr[6] || int64(r.TimeMS) != pr[7] || int64(r.Kind) != pr[8] {
			t.Errorf("review %d: %+v; the peer read %v", pr[0], r, pr)
		}
	}
}
