// Package styles holds the one palette of the program and every lipgloss
// style built from it, for a dark or a light background.
package styles

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Palette is the semantic colour set every style is built from.
type Palette struct {
	Accent, Subtle, Muted, Text, Good, Bad, Warn, Border, Selected color.Color
}

// NewPalette returns the colours for a dark or light background.
func NewPalette(isDark bool) Palette {
	ld := lipgloss.LightDark(isDark)
	return Palette{
		Accent:   ld(lipgloss.Color("#B85C00"), lipgloss.Color("#FF9900")), // AWS orange, darker on light
		Subtle:   ld(lipgloss.Color("#5A6472"), lipgloss.Color("#9AA5B1")),
		Muted:    ld(lipgloss.Color("#8A939E"), lipgloss.Color("#5C6670")),
		Text:     ld(lipgloss.Color("#1B1F24"), lipgloss.Color("#E6E8EB")),
		Good:     ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#3FB950")),
		Bad:      ld(lipgloss.Color("#CF222E"), lipgloss.Color("#F85149")),
		Warn:     ld(lipgloss.Color("#9A6700"), lipgloss.Color("#D29922")),
		Border:   ld(lipgloss.Color("#D0D7DE"), lipgloss.Color("#30363D")),
		Selected: ld(lipgloss.Color("#FFF1DE"), lipgloss.Color("#2D2414")),
	}
}

// Styles are every lipgloss style the screens use, from one palette.
type Styles struct {
	IsDark bool
	P      Palette

	Title, Subtitle, Header, Muted, Error, Good, Bad, Warn lipgloss.Style
	Item, ItemSelected, ItemDesc, ItemDescSelected         lipgloss.Style
	Cursor                                                 lipgloss.Style
	Box                                                    lipgloss.Style
	Match, MatchSelected                                   lipgloss.Style
	// Inline Markdown in questions: `code`, **strong**, *emphasis*, links.
	Code, Strong, Emph, Link lipgloss.Style
}

// New builds the styles for a dark or light background.
func New(isDark bool) *Styles {
	p := NewPalette(isDark)
	s := &Styles{IsDark: isDark, P: p}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.Subtitle = lipgloss.NewStyle().Foreground(p.Subtle)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(p.Text)
	s.Muted = lipgloss.NewStyle().Foreground(p.Muted)
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(p.Bad)
	s.Good = lipgloss.NewStyle().Foreground(p.Good)
	s.Bad = lipgloss.NewStyle().Foreground(p.Bad)
	s.Warn = lipgloss.NewStyle().Foreground(p.Warn)
	s.Item = lipgloss.NewStyle().Foreground(p.Text)
	s.ItemSelected = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.ItemDesc = lipgloss.NewStyle().Foreground(p.Muted)
	s.ItemDescSelected = lipgloss.NewStyle().Foreground(p.Subtle)
	s.Cursor = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.Box = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(p.Border).Padding(0, 1)
	s.Match = lipgloss.NewStyle().Underline(true).Foreground(p.Accent)
	s.MatchSelected = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.Code = lipgloss.NewStyle().Foreground(p.Accent).Background(p.Selected)
	s.Strong = lipgloss.NewStyle().Bold(true)
	s.Emph = lipgloss.NewStyle().Italic(true)
	s.Link = lipgloss.NewStyle().Underline(true).Foreground(p.Accent)
	return s
}
