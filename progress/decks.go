package progress

import (
	"context"

	"github.com/saa-study/saa-study/store"
)

// Decks of the learner's own cards.
type (
	Deck     = store.Deck
	DeckCard = store.DeckCard
)

// DeckFolder is the source of a deck read from a content folder.
const DeckFolder = store.DeckFolder

// AddDeck registers a deck (a content folder) for reviews.
func (p *Progress) AddDeck(ctx context.Context, d Deck) error {
	if !p.HasStore() {
		return errNoStore
	}
	return p.st.AddDeck(orBackground(ctx), d)
}

// ImportDeckCards stores the cards of an imported deck in one transaction.
func (p *Progress) ImportDeckCards(ctx context.Context, deck string, cards []DeckCard) error {
	if !p.HasStore() {
		return errNoStore
	}
	return p.st.ImportDeckCards(orBackground(ctx), deck, cards)
}
