package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Deck sources.
const (
	DeckFolder = "folder" // a content folder, loaded with content.LoadDir at start
	DeckImport = "import" // cards imported from CSV/TSV, kept in the store
)

// Deck is a learner's own deck.
type Deck struct {
	ID        string `json:"id"`
	Source    string `json:"source"`         // DeckFolder or DeckImport
	Path      string `json:"path,omitempty"` // the folder of a DeckFolder deck
	CreatedAt string `json:"created_at"`
}

// DeckCard is one card of an imported deck.
type DeckCard struct {
	Deck   string   `json:"deck"`
	CardID string   `json:"card_id"`
	Ord    int      `json:"ord"`
	Front  string   `json:"front"`
	Back   string   `json:"back"`
	Tags   []string `json:"tags,omitempty"`
}

var deckIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// ValidDeckID reports whether id can name a deck: lowercase letters,
// digits and '-', as content ids are.
func ValidDeckID(id string) bool { return deckIDRe.MatchString(id) }

// ErrDeckExists is returned when a deck id is taken by a deck of the other
// source.
var ErrDeckExists = errors.New("ResourceInUseException: a deck with this id already exists")

// AddDeck registers a deck, or updates the path of a folder deck already
// registered under the same id.
func (s *Store) AddDeck(ctx context.Context, d Deck) error {
	if !ValidDeckID(d.ID) {
		return fmt.Errorf("ValidationException: deck id %q: use lowercase letters, digits and '-' (at most 63)", d.ID)
	}
	if d.Source != DeckFolder && d.Source != DeckImport {
		return fmt.Errorf("ValidationException: deck source must be %q or %q, got %q", DeckFolder, DeckImport, d.Source)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var src string
		err := tx.QueryRowContext(ctx, `SELECT source FROM srs_deck WHERE id = ?`, d.ID).Scan(&src)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.ExecContext(ctx, `INSERT INTO srs_deck (id, source, path, created_at) VALUES (?, ?, ?, ?)`,
				d.ID, d.Source, d.Path, s.stamp())
			return err
		case err != nil:
			return err
		case src != d.Source:
			return fmt.Errorf("%w: %q is a %s deck", ErrDeckExists, d.ID, src)
		}
		_, err = tx.ExecContext(ctx, `UPDATE srs_deck SET path = ? WHERE id = ?`, d.Path, d.ID)
		return err
	})
}

// Decks lists the learner's decks by id.
func (s *Store) Decks(ctx context.Context) ([]Deck, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, source, path, created_at FROM srs_deck ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Deck
	for rows.Next() {
		var d Deck
		if err := rows.Scan(&d.ID, &d.Source, &d.Path, &d.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ImportDeckCards creates the import deck if needed and adds or replaces
// its cards (by card id) in one transaction.
func (s *Store) ImportDeckCards(ctx context.Context, deck string, cards []DeckCard) error {
	if err := s.AddDeck(ctx, Deck{ID: deck, Source: DeckImport}); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO srs_deck_card (deck, card_id, ord, front, back, tags) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (deck, card_id) DO UPDATE SET ord = excluded.ord, front = excluded.front, back = excluded.back, tags = excluded.tags`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, c := range cards {
			if _, err := st.ExecContext(ctx, deck, c.CardID, c.Ord, c.Front, c.Back, strings.Join(c.Tags, " ")); err != nil {
				return fmt.Errorf("importing card %s: %w", c.CardID, err)
			}
		}
		return nil
	})
}

// DeckCards returns the cards of every import deck, by deck and order.
func (s *Store) DeckCards(ctx context.Context) ([]DeckCard, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT deck, card_id, ord, front, back, tags FROM srs_deck_card ORDER BY deck, ord, card_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DeckCard
	for rows.Next() {
		var c DeckCard
		var tags string
		if err := rows.Scan(&c.Deck, &c.CardID, &c.Ord, &c.Front, &c.Back, &tags); err != nil {
			return nil, err
		}
		c.Tags = strings.Fields(tags)
		out = append(out, c)
	}
	return out, rows.Err()
}
