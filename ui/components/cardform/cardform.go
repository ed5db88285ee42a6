// Package cardform is the small form that writes a flashcard into the
// learner's own deck from what is on screen: a note's section, or a
// question and its explanation. Front and back come filled in and can be
// edited before saving; the card is then scheduled with the rest and
// comes up in Review.
package cardform

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/text"
)

// Deck is the learner's own deck, where these cards go.
const Deck = "mine"

// AddKey opens the form, on every screen that offers it.
var AddKey = key.NewBinding(key.WithKeys("+"), key.WithHelp("+", "add a card"))

var (
	nextField = key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "front ⇄ back"))
	saveKey   = key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save the card"))
	cancelKey = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
)

// Form edits one new card.
type Form struct {
	c           *common.Common
	front, back textarea.Model
	onBack      bool
	source      string // where the card comes from, shown above it
	saving      bool
	err         error
}

type savedMsg struct{ err error }

// Open is the command that shows the form, filled in.
func Open(c *common.Common, front, back, source string) tea.Cmd {
	return common.Push(New(c, front, back, source))
}

// New is a form with front and back filled in.
func New(c *common.Common, front, back, source string) *Form {
	f := &Form{c: c, front: area(), back: area(), source: source}
	f.front.SetValue(strings.TrimSpace(front))
	f.back.SetValue(strings.TrimSpace(back))
	f.front.MoveToBegin()
	f.back.MoveToBegin()
	f.layout()
	return f
}

func area() textarea.Model {
	t := textarea.New()
	t.ShowLineNumbers = false
	t.Prompt = "│ "
	t.CharLimit = 2000
	// A steady cursor: no timer runs while the form is open.
	st := t.Styles()
	st.Cursor.Blink = false
	t.SetStyles(st)
	return t
}

func (f *Form) Title() string { return f.c.T("card.title") }

// Capturing: the fields take every printable key, q and ? included.
func (f *Form) Capturing() bool { return true }

func (f *Form) Init() tea.Cmd { return f.front.Focus() }

// layout gives the back twice the room of the front: label, front, label,
// back, and one line of hints.
func (f *Form) layout() {
	w := min(f.c.Width, 100)
	room := max(f.c.Height-2-len(f.hintLines(w))-f.sourceLines(w), 2)
	fh := max(room/3, 1)
	f.front.SetWidth(w)
	f.back.SetWidth(w)
	f.front.SetHeight(fh)
	f.back.SetHeight(max(room-fh, 1))
}

func (f *Form) sourceLines(w int) int {
	if f.source == "" || f.c.Height < 12 {
		return 0
	}
	return len(text.Wrap(fmt.Sprintf(f.c.T("card.from"), f.source), w))
}

func (f *Form) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.layout()
		return f, nil
	case savedMsg:
		f.saving = false
		if msg.err != nil {
			f.err = msg.err
			f.layout()
			return f, nil
		}
		return f, tea.Sequence(common.Pop, common.Status(fmt.Sprintf(f.c.T("card.saved"), Deck)))
	case tea.KeyPressMsg:
		switch {
		case f.saving:
			return f, nil
		case key.Matches(msg, cancelKey):
			return f, tea.Sequence(common.Pop, common.Status(f.c.T("card.cancelled")))
		case key.Matches(msg, saveKey):
			return f, f.save()
		case key.Matches(msg, nextField):
			f.onBack = !f.onBack
			if f.onBack {
				f.front.Blur()
				return f, f.back.Focus()
			}
			f.back.Blur()
			return f, f.front.Focus()
		}
	}
	var cmd tea.Cmd
	if f.onBack {
		f.back, cmd = f.back.Update(msg)
	} else {
		f.front, cmd = f.front.Update(msg)
	}
	return f, cmd
}

// Card is the card as it would be saved now.
func (f *Form) Card() progress.DeckCard {
	front := strings.TrimSpace(f.front.Value())
	sum := sha256.Sum256([]byte(front))
	return progress.DeckCard{
		Deck: Deck, CardID: "c-" + hex.EncodeToString(sum[:6]), Ord: int(f.c.Clock().Unix()),
		Front: front, Back: strings.TrimSpace(f.back.Value()),
	}
}

// save writes the card, once both sides say something.
func (f *Form) save() tea.Cmd {
	card := f.Card()
	if card.Front == "" || card.Back == "" {
		f.err = fmt.Errorf("%s", f.c.T("card.empty"))
		f.layout()
		return nil
	}
	f.saving, f.err = true, nil
	c := f.c
	return func() tea.Msg {
		return savedMsg{err: c.Progress.ImportDeckCards(c.Context(), Deck, []progress.DeckCard{card})}
	}
}

func (f *Form) View() string {
	st := f.c.Styles
	w := min(f.c.Width, 100)
	var out []string
	if n := f.sourceLines(w); n > 0 {
		for _, l := range text.Wrap(fmt.Sprintf(f.c.T("card.from"), f.source), w) {
			out = append(out, st.Muted.Render(l))
		}
	}
	label := func(k string, on bool) string {
		if on {
			return st.Header.Render(f.c.T(k))
		}
		return st.Muted.Render(f.c.T(k))
	}
	out = append(out, label("card.front", !f.onBack), f.front.View(), label("card.back", f.onBack), f.back.View())
	style := st.Muted
	if f.err != nil {
		style = st.Error
	}
	for _, l := range f.hintLines(w) {
		out = append(out, style.Render(l))
	}
	return text.Fit(strings.Join(out, "\n"), f.c.Height)
}

// hintLines are the keys, or what went wrong, or "Saving…", wrapped to w.
func (f *Form) hintLines(w int) []string {
	switch {
	case f.err != nil:
		return text.Wrap(f.err.Error(), w)
	case f.saving:
		return text.Wrap(f.c.T("card.saving"), w)
	}
	return text.Wrap(f.c.T("card.hint"), w)
}

func (f *Form) ShortHelp() []key.Binding { return []key.Binding{saveKey, nextField, cancelKey} }

func (f *Form) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }
