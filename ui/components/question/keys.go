package question

import (
	"fmt"

	"charm.land/bubbles/v2/key"
)

// Keys are the keys of answering a question, defined once for every screen
// that asks one (Study, Practice, the exam and Review). A screen that does
// not use one (the exam has no "unsure") disables it on its copy.
type Keys struct {
	Pick, Toggle, Submit, Unsure, Rate, Scroll key.Binding
}

// DefaultKeys are the answering keys: a–f chooses a letter, space the
// option under the cursor, enter answers (and moves on after the
// feedback), u marks unsure, 1–4 change the rating, J/K scroll.
func DefaultKeys() Keys {
	return Keys{
		Pick:   key.NewBinding(key.WithKeys("a", "b", "c", "d", "e", "f"), key.WithHelp("a–f", "choose")),
		Toggle: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "choose")),
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer / next")),
		Unsure: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "unsure")),
		Rate:   key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1–4", "change rating")),
		Scroll: key.NewBinding(key.WithKeys("pgdown", "pgup", "J", "K"), key.WithHelp("J/K", "scroll")),
	}
}

// PickHelp names the letters a question really has ("a–d") in the help
// of a choose-a-letter binding.
func PickHelp(b key.Binding, options int) key.Binding {
	if options > 0 && options <= 6 {
		b.SetHelp(fmt.Sprintf("a–%c", 'a'+options-1), b.Help().Desc)
	}
	return b
}
