package classroom

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// MaxCodeTries is how many wrong join codes end a connection.
const MaxCodeTries = 5

// windowTitle is the title of a student's terminal window.
const windowTitle = "saa-study classroom"

// MaxWindow caps the width and height a student's terminal may report.
const MaxWindow = 400

// StudentOptions configure one student's program.
type StudentOptions struct {
	Room  *Room
	Ctx   context.Context
	User  string // the SSH user name they asked for
	KeyFP string // SHA256 fingerprint of their key, "" without one
	Lang  content.Lang
	// WrongCodeDelay is the pause after a wrong code before another try
	// is read (default 1 s).
	WrongCodeDelay time.Duration
	// JoinTimeout is how long the join-code prompt waits (0: for ever).
	JoinTimeout time.Duration
	// OnJoin is called once the student has joined (may be nil).
	OnJoin func()
	// Logf records joins and wrong codes for the teacher (may be nil).
	Logf func(format string, args ...any)
}

type stage int

const (
	stageCode stage = iota
	stageIn
	stageBye
)

// Messages of the student program.
type (
	roomChangedMsg struct{}
	classEndedMsg  struct{} // the teacher closed the class for everyone
	tickMsg        struct{}
	unblockMsg     struct{}
	joinTimeoutMsg struct{}
	joinedMsg      struct {
		name    string
		resumed bool
		err     error
	}
	answeredMsg struct {
		pos int
		err error
	}
)

// Student is the Bubble Tea model one student runs over SSH: the join code
// prompt, then the quiz in their own language and window size.
type Student struct {
	o      StudentOptions
	lang   content.Lang
	styles *styles.Styles
	chr    chrome
	width  int
	height int

	stage   stage
	code    string
	tries   int
	blocked bool
	note    string // last message: wrong code, refused answer …
	noteBad bool
	noteAt  int // question index the note is about

	name     string
	resumed  bool
	sub      <-chan struct{}
	unsub    func()
	busy     bool
	pending  []tea.KeyPressMsg
	selIndex int
	sel      *quiz.Selection
	cursor   int
	feedback int // self-paced: position whose feedback is on screen, -1 none
	// What the last frame drew, for its foot line: a question to answer
	// (the answering keys), or the saved answer with "Answer saved".
	answering, waiting bool
}

// NewStudent returns the model for one SSH session.
func NewStudent(o StudentOptions) *Student {
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	if o.WrongCodeDelay <= 0 {
		o.WrongCodeDelay = time.Second
	}
	if o.Lang == "" {
		o.Lang = content.EN
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	return &Student{o: o, lang: o.Lang, styles: styles.New(true), width: 80, height: 24, selIndex: -1, feedback: -1}
}

// Name is the name the student joined under ("" before joining).
func (m *Student) Name() string { return m.name }

// Close stops listening to the room and marks the student as gone. The
// server calls it when the SSH session ends.
func (m *Student) Close() {
	if m.unsub != nil {
		m.unsub()
		m.unsub = nil
	}
	if m.name != "" {
		m.o.Room.Leave(m.name)
		m.name = ""
	}
}

// Init implements tea.Model.
func (m *Student) Init() tea.Cmd {
	if m.o.JoinTimeout > 0 {
		return tea.Batch(tea.RequestBackgroundColor,
			tea.Tick(m.o.JoinTimeout, func(time.Time) tea.Msg { return joinTimeoutMsg{} }))
	}
	return tea.RequestBackgroundColor
}

func (m *Student) wait() tea.Cmd {
	ch, ctx := m.sub, m.o.Ctx
	return func() tea.Msg {
		select {
		case <-ch:
			return roomChangedMsg{}
		case <-ctx.Done():
			return nil
		}
	}
}

func tick() tea.Cmd { return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{} }) }

// Update implements tea.Model.
func (m *Student) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		// A client may claim any size; cap it so one cannot make the
		// server draw megabytes per frame.
		m.width, m.height = min(max(msg.Width, 1), MaxWindow), min(max(msg.Height, 1), MaxWindow)
	case tea.BackgroundColorMsg:
		m.styles = styles.New(msg.IsDark())
	case roomChangedMsg:
		if m.stage == stageIn && m.note != "" && m.o.Room.StudentView(m.name).Index != m.noteAt {
			m.note = "" // the message was about a question no longer shown
		}
		return m, m.wait()
	case tickMsg:
		if m.stage == stageIn && m.o.Room.HasTimer() {
			return m, tick()
		}
	case unblockMsg:
		m.blocked = false
	case joinTimeoutMsg:
		if m.stage == stageCode {
			m.stage = stageBye
			m.note, m.noteBad = text.T(m.lang, "class.code.late"), true
			return m, tea.Quit
		}
	case classEndedMsg:
		m.stage = stageBye
		return m, tea.Quit
	case joinedMsg:
		return m.joined(msg)
	case answeredMsg:
		return m.answered(msg)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			m.stage = stageBye
			return m, tea.Quit
		}
		if m.busy {
			if len(m.pending) < 64 {
				m.pending = append(m.pending, msg)
			}
			return m, nil
		}
		if m.stage == stageCode {
			return m.codeKey(msg)
		}
		return m.quizKey(msg)
	}
	return m, nil
}

func (m *Student) codeKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.stage = stageBye
		return m, tea.Quit
	case "backspace":
		if r := []rune(m.code); len(r) > 0 {
			m.code = string(r[:len(r)-1])
		}
		return m, nil
	case "enter":
		if m.blocked {
			return m, nil
		}
		if CodeMatches(m.code, m.o.Room.Code()) {
			m.busy, m.note = true, ""
			room, ctx, user, fp, lang := m.o.Room, m.o.Ctx, m.o.User, m.o.KeyFP, m.lang
			return m, func() tea.Msg {
				name, resumed, err := room.Join(ctx, user, fp, lang)
				return joinedMsg{name: name, resumed: resumed, err: err}
			}
		}
		m.tries++
		m.code = ""
		m.o.Logf("wrong join code for %q (try %d of %d)", m.o.User, m.tries, MaxCodeTries)
		m.note, m.noteBad = text.T(m.lang, "class.code.wrong"), true
		if m.tries >= MaxCodeTries {
			m.stage = stageBye
			m.note = text.T(m.lang, "class.code.toomany")
			return m, tea.Quit
		}
		m.blocked = true
		return m, tea.Tick(m.o.WrongCodeDelay, func(time.Time) tea.Msg { return unblockMsg{} })
	}
	if t := msg.Text; t != "" && !m.blocked && len(m.code) < 32 {
		for _, r := range t {
			if r >= 0x20 && r != 0x7f && r < 0x80 {
				m.code += string(r)
			}
		}
	}
	return m, nil
}

func (m *Student) joined(msg joinedMsg) (tea.Model, tea.Cmd) {
	m.busy = false
	if msg.err != nil {
		m.note, m.noteBad = errText(msg.err), true
		m.stage = stageBye
		return m, tea.Quit
	}
	m.name, m.resumed, m.stage = msg.name, msg.resumed, stageIn
	if m.o.OnJoin != nil {
		m.o.OnJoin()
	}
	m.o.Logf("%q joined as %q (resumed: %v)", m.o.User, m.name, m.resumed)
	m.sub, m.unsub = m.o.Room.SubscribePhase()
	cmds := []tea.Cmd{m.wait()}
	if m.o.Room.HasTimer() {
		// Only a countdown needs redrawing every second; without one,
		// a screen changes only when the student or the teacher acts.
		cmds = append(cmds, tick())
	}
	return m, tea.Batch(append(cmds, m.replay()...)...)
}

// replay feeds keys typed while the program waited for the store.
func (m *Student) replay() []tea.Cmd {
	keys := m.pending
	m.pending = nil
	var cmds []tea.Cmd
	for i, k := range keys {
		if m.busy {
			m.pending = append(m.pending, keys[i:]...)
			break
		}
		_, cmd := m.Update(k)
		cmds = append(cmds, cmd)
	}
	return cmds
}

func errText(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Message
	}
	if e, ok := err.(*quiz.Error); ok {
		return e.Message
	}
	return err.Error()
}

func (m *Student) quizKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := msg.String()
	switch k {
	case "q":
		m.stage = stageBye
		return m, tea.Quit
	case "L":
		if m.lang == content.KO {
			m.lang = content.EN
		} else {
			m.lang = content.KO
		}
		m.o.Room.SetLang(m.name, m.lang)
		m.sel, m.selIndex = nil, -1 // the translation has its own option texts
		return m, nil
	}
	if m.feedback >= 0 {
		if k == "enter" || k == "n" || k == "space" {
			m.feedback = -1
			m.note = ""
		}
		return m, nil
	}
	v := m.o.Room.StudentView(m.name)
	if v.Index < 0 || v.Answer != nil || v.Phase != Open || v.Paused {
		return m, nil
	}
	p := v.Presented
	if m.sel == nil || m.selIndex != v.Index {
		m.sel, m.selIndex, m.cursor = quiz.NewSelection(p), v.Index, 0
	}
	n := len(p.Order)
	switch {
	case k == "up" || k == "k":
		m.cursor = (m.cursor + n - 1) % max(n, 1)
	case k == "down" || k == "j" || k == "tab":
		m.cursor = (m.cursor + 1) % max(n, 1)
	case k == "space" || k == "x":
		m.sel.Toggle(m.cursor)
	case len(k) == 1 && k[0] >= 'a' && int(k[0]-'a') < n:
		m.cursor = int(k[0] - 'a')
		m.sel.Toggle(m.cursor)
	case len(k) == 1 && k[0] >= '1' && int(k[0]-'1') < n:
		m.cursor = int(k[0] - '1')
		m.sel.Toggle(m.cursor)
	case k == "enter":
		if p.Choose == 1 && m.sel.Count() == 0 {
			m.sel.Set(m.cursor)
		}
		if !m.sel.Ready() {
			m.note, m.noteBad, m.noteAt = text.T(m.lang, "class.choose.n"), true, v.Index
			return m, nil
		}
		m.busy, m.note = true, ""
		room, ctx, name, pos, chosen := m.o.Room, m.o.Ctx, m.name, v.Index, m.sel.Chosen()
		return m, func() tea.Msg {
			_, err := room.Answer(ctx, name, pos, chosen)
			return answeredMsg{pos: pos, err: err}
		}
	}
	return m, nil
}

func (m *Student) answered(msg answeredMsg) (tea.Model, tea.Cmd) {
	m.busy, m.noteAt = false, msg.pos
	if msg.err != nil {
		m.note, m.noteBad = errText(msg.err), true
	} else {
		m.note, m.noteBad = text.T(m.lang, "class.saved"), false
		if m.o.Room.sessPaced() == SelfPaced {
			m.feedback = msg.pos
		}
	}
	m.sel, m.selIndex = nil, -1
	return m, tea.Batch(m.replay()...)
}

// sessPaced reads the pacing (fixed for a session).
func (r *Room) sessPaced() Paced {
	r.mu.Lock()
	defer r.mu.Unlock()
	return Paced(r.sess.Paced)
}

// View implements tea.Model.
func (m *Student) View() tea.View {
	v := tea.NewView(text.Clamp(m.render(), m.width, m.height))
	v.AltScreen = true
	v.WindowTitle = windowTitle
	return v
}
