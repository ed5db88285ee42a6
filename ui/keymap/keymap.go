// Package keymap is every key binding of the program, defined once; the
// screens enable the ones they use so that the help bar stays honest.
package keymap

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the program, in one place. Screens enable
// the ones they use so the help bar stays honest.
type KeyMap struct {
	Up, Down, Left, Right key.Binding
	// Change is Left and Right together, as a short help names them.
	Change           key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	Open, Back       key.Binding
	Help, Quit       key.Binding
}

// Default returns the standard bindings.
func Default() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "change")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "change")),
		Change:   key.NewBinding(key.WithKeys("left", "h", "right", "l"), key.WithHelp("←/→", "change")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b", "ctrl+u"), key.WithHelp("pgup/b", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f", "ctrl+d"), key.WithHelp("pgdn/space", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}
