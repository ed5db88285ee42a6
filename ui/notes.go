package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
)

// noteList shows every note of the current language with how much of it
// has been read.
type noteList struct {
	c        *Common
	study    bool // enter opens the Study view instead of the reader
	menu     menu
	lang     content.Lang
	progress map[string]progress.NotePosition
	due      map[string]int // topic → items due now
}

type positionsMsg struct {
	pos map[string]progress.NotePosition
	due map[string]int
}

func newNoteList(c *Common) *noteList {
	l := &noteList{c: c}
	l.build()
	return l
}

func (l *noteList) build() {
	l.lang = l.c.Lang
	l.menu.items = l.menu.items[:0]
	if l.c.Lib == nil {
		return
	}
	for _, n := range l.c.Lib.Notes(l.c.Lang) {
		note := l.c.t("notes.unread")
		if p, ok := l.progress[n.ID]; ok && p.ReadPct > 0 {
			note = fmt.Sprintf(l.c.t("notes.read"), p.ReadPct)
		}
		if d := l.due[n.ID]; d > 0 {
			note += " · " + fmt.Sprintf(l.c.t("notes.due"), d)
		}
		l.menu.items = append(l.menu.items, menuItem{id: n.ID, title: n.Title, note: note})
	}
}

func (l *noteList) loadPositions() tea.Cmd {
	c := l.c
	lang := c.Lang
	return func() tea.Msg {
		if !c.Progress.HasStore() {
			return positionsMsg{}
		}
		p, err := c.Progress.NotePositions(c.Ctx, string(lang))
		if err != nil {
			return errMsg{err}
		}
		due, err := c.Progress.DueByTopic(c.Ctx, lang, c.now())
		if err != nil {
			return errMsg{err}
		}
		return positionsMsg{p, due}
	}
}

func (l *noteList) Init() tea.Cmd { return l.loadPositions() }
func (l *noteList) Title() string {
	if l.study {
		return l.c.t("study.title")
	}
	return l.c.t("notes.title")
}

func (l *noteList) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case positionsMsg:
		l.progress, l.due = msg.pos, msg.due
		l.build()
	case tea.WindowSizeMsg:
		// Coming back from a note: refresh how much has been read.
		return l, l.loadPositions()
	case langChangedMsg:
		l.build()
	case tea.KeyPressMsg:
		if l.menu.move(l.c, msg) {
			return l, nil
		}
		switch {
		case key.Matches(msg, l.c.Keys.Back):
			return l, pop
		case key.Matches(msg, l.c.Keys.Open):
			if it, ok := l.menu.selected(); ok {
				if n := l.c.Lib.Note(l.c.Lang, it.id); n != nil {
					if l.study {
						return l, push(newStudy(l.c, n, ""))
					}
					return l, push(newReader(l.c, n))
				}
			}
		}
	}
	return l, nil
}

func (l *noteList) View() string {
	if l.lang != l.c.Lang {
		l.build()
	}
	if len(l.menu.items) == 0 {
		return l.c.Styles.Muted.Render(l.c.t("notes.empty"))
	}
	return l.menu.view(l.c, l.c.Height)
}

func (l *noteList) ShortHelp() []key.Binding {
	k := l.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (l *noteList) FullHelp() [][]key.Binding {
	k := l.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}}
}
