package anki

import (
	"errors"
	"strings"
	"testing"
)

func openPeer(t *testing.T, name string) *Package {
	t.Helper()
	p, err := Open("testdata/peer-writer/"+name, Limits{})
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// The peer writer's basic package: notes, tags, HTML turned into
// Markdown, and the picture a card names.
func TestReadPeerBasic(t *testing.T) {
	p := openPeer(t, "basic.apkg")
	if p.Version != VersionLegacy1 || p.Schema != 11 {
		t.Errorf("version %d schema %d, want 1 and 11", p.Version, p.Schema)
	}
	cards := p.ImportCards()
	if len(p.Notes) != 3 || len(cards) != 3 {
		t.Fatalf("%d notes, %d cards; want 3 and 3", len(p.Notes), len(cards))
	}
	c := cards[0]
	if c.Deck != "SAA Peer::Basics" || c.Front != "What is the **maximum** timeout of a Lambda function?" || c.Back != "900 seconds (15 minutes)" {
		t.Errorf("card 0 = %+v", c)
	}
	if strings.Join(c.Tags, ",") != "lambda,limits" {
		t.Errorf("tags %q", c.Tags)
	}
	if cards[1].Back != "- DAX\n- an in-memory cache" {
		t.Errorf("list back %q", cards[1].Back)
	}
	if got := strings.Join(cards[2].Media, ","); got != "lambda-diagram.png" {
		t.Errorf("media of card 2: %q", got)
	}
	if !strings.Contains(cards[2].Front, "![](lambda-diagram.png)") {
		t.Errorf("card 2 front %q lost its picture", cards[2].Front)
	}
	if len(p.Media) != 1 || p.Media[0].Name != "lambda-diagram.png" {
		t.Errorf("media %+v", p.Media)
	}
}

// The review log keeps answers and drops the manual reschedule; the
// suspended card says so.
func TestReadPeerHistory(t *testing.T) {
	p := openPeer(t, "history.apkg")
	cards := p.ImportCards()
	if len(cards) != 2 {
		t.Fatalf("%d cards", len(cards))
	}
	if len(p.Reviews) != 9 {
		t.Errorf("%d revlog rows, want 9", len(p.Reviews))
	}
	var eases []string
	for _, r := range cards[0].Reviews {
		eases = append(eases, string(rune('0'+r.Ease)))
	}
	if got := strings.Join(eases, ""); got != "333134" {
		t.Errorf("replayed eases %q, want 333134 (the manual entry dropped)", got)
	}
	if cards[0].Suspended || !cards[1].Suspended {
		t.Errorf("suspended: %v %v, want false true", cards[0].Suspended, cards[1].Suspended)
	}
}

// A media name with a folder in it is refused before anything is written.
func TestReadPeerZipSlip(t *testing.T) {
	_, err := Open("testdata/peer-writer/zipslip.apkg", Limits{})
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(err.Error(), `"../../saa-zip-slip.txt"`) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("err = %v, want one line naming the media path", err)
	}
}
