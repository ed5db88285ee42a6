// Package notes is the topic list: every note of the learner's language
// with how much of it has been read and how many of its items are due.
// The same list, in study mode, leads to Study instead of the reader.
package notes

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
)

// list shows every note of the current language with how much of it has
// been read.
type list struct {
	c        *common.Common
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

// NewList is the Notes screen: enter opens the note in the reader
// ("note:ID").
func NewList(c *common.Common) common.Screen { return newList(c, false) }

// NewStudyList is the topic list of Study: enter opens the note beside its
// questions ("study:ID").
func NewStudyList(c *common.Common) common.Screen { return newList(c, true) }

func newList(c *common.Common, study bool) *list {
	l := &list{c: c, study: study}
	l.build()
	return l
}

func (l *list) build() {
	l.lang = l.c.Lang
	l.menu.Items = l.menu.Items[:0]
	if l.c.Lib == nil {
		return
	}
	// Heads, not notes: the list opens on a key, and parsing every note
	// with its facts would hold that key's frame (8 ms on a fresh start).
	for _, n := range l.c.Lib.NoteHeads(l.c.Lang) {
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

func (l *list) loadPositions() tea.Cmd {
	c := l.c
	lang := c.Lang
	if c.Lib != nil {
		// Positions are saved in the language of the note read: a
		// one-language folder's, whatever the learner's language is.
		lang = c.Lib.In(lang)
	}
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

func (l *list) Init() tea.Cmd { return l.loadPositions() }
func (l *list) Title() string {
	if l.study {
		return l.c.T("study.title")
	}
	return l.c.T("notes.title")
}

func (l *list) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
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

func (l *list) View() string {
	if l.lang != l.c.Lang {
		l.build()
	}
	if len(l.menu.Items) == 0 {
		return l.c.Styles.Muted.Render(l.c.T("notes.empty"))
	}
	return l.menu.View(l.c, l.c.Height)
}

func (l *list) ShortHelp() []key.Binding {
	k := l.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (l *list) FullHelp() [][]key.Binding {
	k := l.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}}
}
