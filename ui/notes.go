package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
)

// noteList shows every note of the current language with how much of it
// has been read.
type noteList struct {
	c        *Common
	study    bool // enter opens the Study view instead of the reader
	menu     menu.Menu
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
	l.menu.Items = l.menu.Items[:0]
	if l.c.Lib == nil {
		return
	}
	for _, n := range l.c.Lib.Notes(l.c.Lang) {
		note := l.c.T("notes.unread")
		if p, ok := l.progress[n.ID]; ok && p.ReadPct > 0 {
			note = fmt.Sprintf(l.c.T("notes.read"), p.ReadPct)
		}
		if d := l.due[n.ID]; d > 0 {
			note += " · " + fmt.Sprintf(l.c.T("notes.due"), d)
		}
		l.menu.Items = append(l.menu.Items, menu.Item{ID: n.ID, Title: n.Title, Note: note})
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
			return common.ErrMsg{Err: err}
		}
		due, err := c.Progress.DueByTopic(c.Ctx, lang, c.Clock())
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return positionsMsg{p, due}
	}
}

func (l *noteList) Init() tea.Cmd { return l.loadPositions() }
func (l *noteList) Title() string {
	if l.study {
		return l.c.T("study.title")
	}
	return l.c.T("notes.title")
}

func (l *noteList) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case positionsMsg:
		l.progress, l.due = msg.pos, msg.due
		l.build()
	case common.ResumedMsg:
		// Coming back from a note: refresh how much has been read.
		return l, l.loadPositions()
	case common.LangChangedMsg:
		l.build()
	case tea.KeyPressMsg:
		if l.menu.Move(l.c, msg) {
			return l, nil
		}
		switch {
		case key.Matches(msg, l.c.Keys.Back):
			return l, common.Pop
		case key.Matches(msg, l.c.Keys.Open):
			if it, ok := l.menu.Selected(); ok {
				if l.study {
					return l, common.Open("study:" + it.ID)
				}
				return l, common.Open("note:" + it.ID)
			}
		}
	}
	return l, nil
}

func (l *noteList) View() string {
	if l.lang != l.c.Lang {
		l.build()
	}
	if len(l.menu.Items) == 0 {
		return l.c.Styles.Muted.Render(l.c.T("notes.empty"))
	}
	return l.menu.View(l.c, l.c.Height)
}

func (l *noteList) ShortHelp() []key.Binding {
	k := l.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (l *noteList) FullHelp() [][]key.Binding {
	k := l.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}}
}
