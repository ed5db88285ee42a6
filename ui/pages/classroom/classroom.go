// Package classroom is the screen a teacher starts a class from: choose a
// topic or a quiz file, the pacing, the timer and who may connect, then
// the class runs on this screen with the teacher's dashboard and the ssh
// line to give students. q (or esc) ends the class for everyone, and so
// does the program quitting (Close).
package classroom

import (
	"context"
	"fmt"
	"net"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	room "github.com/saa-study/saa-study/classroom"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/text"
)

// The rows of the setup form.
const (
	rowTopic = iota
	rowFile
	rowPaced
	rowTimer
	rowQuestions
	rowListen
	rowStart
)

var (
	timers    = []time.Duration{0, 30 * time.Second, 60 * time.Second, 90 * time.Second, 2 * time.Minute}
	questions = []int{5, 10, 20, 0}
	paces     = []room.Paced{room.TeacherPaced, room.SelfPaced}
)

// Port is the port a class listens on.
const Port = "2222"

// Screen is the classroom setup, and then the running class.
type Screen struct {
	c      *common.Common
	menu   menu.Menu
	topics []string
	topic  int
	file   string
	typing bool
	typed  string
	paced  int
	timer  int
	n      int
	lan    bool
	listen string // host:port to listen on; Port on loopback unless lan
	note   string

	starting bool
	class    *room.Class
	dash     *room.Dashboard
	w, h     int
}

type (
	startedMsg struct {
		class *room.Class
		err   error
	}
	stoppedMsg struct{ id string }
)

// New returns the classroom setup screen.
func New(c *common.Common) common.Screen {
	s := &Screen{c: c, timer: 4, n: 1, listen: net.JoinHostPort("127.0.0.1", Port)}
	if c.Lib != nil {
		s.topics = room.Topics(c.Lib, c.Lang)
	}
	s.items()
	return s
}

// Init implements common.Screen.
func (s *Screen) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (s *Screen) Title() string { return s.c.T("csetup.title") }

// Capturing reports that the screen takes every key while a path is typed
// or a class runs (q then ends the class, it does not quit the program).
func (s *Screen) Capturing() bool { return s.typing || s.class != nil }

// ShortHelp implements common.Screen.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.c.Keys
	if s.class != nil {
		return nil // the dashboard writes its own keys
	}
	return []key.Binding{k.Up, k.Down, k.Change, k.Open, k.Back}
}

// FullHelp implements common.Screen.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

func (s *Screen) value(row int) string {
	t := s.c.T
	switch row {
	case rowTopic:
		if len(s.topics) == 0 {
			return "—"
		}
		return s.topics[s.topic]
	case rowFile:
		if s.file == "" {
			return t("csetup.file.none")
		}
		return s.file
	case rowPaced:
		return t("csetup.paced." + string(paces[s.paced]))
	case rowTimer:
		if timers[s.timer] == 0 {
			return t("csetup.timer.off")
		}
		return text.Clock(timers[s.timer])
	case rowQuestions:
		if questions[s.n] == 0 {
			return t("csetup.questions.all")
		}
		return fmt.Sprint(questions[s.n])
	case rowListen:
		if s.lan {
			return fmt.Sprintf(t("csetup.listen.lan"), s.listen)
		}
		return fmt.Sprintf(t("csetup.listen.local"), s.listen)
	}
	return ""
}

func (s *Screen) items() {
	labels := []string{"csetup.topic", "csetup.file", "csetup.paced", "csetup.timer", "csetup.questions", "csetup.listen", "csetup.start"}
	items := make([]menu.Item, len(labels))
	for i, l := range labels {
		items[i] = menu.Item{ID: l, Title: s.c.T(l), Note: s.value(i)}
	}
	s.menu.Items = items
}

// Update implements common.Screen.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case startedMsg:
		s.starting = false
		if msg.err != nil {
			s.note = msg.err.Error()
			return s, nil
		}
		s.class = msg.class
		s.dash = room.NewDashboard(room.DashboardOptions{Room: msg.class.Room, Ctx: s.c.Context(), Lang: s.c.Lang,
			Listen: s.joinAddr(), IsDark: s.c.IsDark})
		s.size()
		return s, s.dash.Init()
	case stoppedMsg:
		if s.dash != nil {
			s.dash.Close()
		}
		s.class, s.dash = nil, nil
		return s, tea.Batch(common.Pop, common.Status(fmt.Sprintf(s.c.T("csetup.ended"), msg.id, msg.id)))
	case tea.KeyPressMsg:
		if s.class != nil {
			return s.classKey(msg)
		}
		if s.typing {
			return s.typeKey(msg)
		}
		return s.setupKey(msg)
	}
	if s.dash != nil {
		s.size()
		_, cmd := s.dash.Update(msg)
		return s, cmd
	}
	return s, nil
}

// size gives the dashboard the screen's body.
func (s *Screen) size() {
	if s.dash != nil && (s.w != s.c.Width || s.h != s.c.Height) {
		s.w, s.h = s.c.Width, s.c.Height
		s.dash.Update(tea.WindowSizeMsg{Width: max(s.w, 1), Height: max(s.h, 1)})
	}
}

func (s *Screen) classKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch msg.String() {
	case "q", "esc":
		class := s.class
		return s, func() tea.Msg {
			_ = class.Stop()
			return stoppedMsg{id: class.Room.ID()}
		}
	}
	s.size()
	_, cmd := s.dash.Update(msg)
	return s, cmd
}

// Close ends a running class the way q does: every student gets the
// final board and their result, and their ssh ends with status 0. The
// App calls it when the program quits (ctrl+c, a signal) during a class.
func (s *Screen) Close() {
	if s.class == nil {
		return
	}
	s.dash.Close()
	_ = s.class.Stop()
	s.class, s.dash = nil, nil
}

func (s *Screen) typeKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch msg.String() {
	case "esc":
		s.typing = false
	case "enter":
		s.typing, s.file = false, strings.TrimSpace(s.typed)
		s.items()
	case "backspace":
		if r := []rune(s.typed); len(r) > 0 {
			s.typed = string(r[:len(r)-1])
		}
	default:
		if msg.Text != "" && len(s.typed) < 4096 {
			s.typed += text.Sanitize(msg.Text)
		}
	}
	return s, nil
}

func (s *Screen) setupKey(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := s.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return s, common.Pop
	case s.menu.Move(s.c, msg):
		return s, nil
	case key.Matches(msg, k.Left):
		s.change(-1)
	case key.Matches(msg, k.Right):
		s.change(1)
	case key.Matches(msg, k.Open):
		switch s.menu.Cursor {
		case rowFile:
			s.typing, s.typed = true, s.file
		case rowStart:
			return s, s.start()
		default:
			s.change(1)
		}
	}
	return s, nil
}

func (s *Screen) change(d int) {
	step := func(i, n int) int { return (i + d + n) % n }
	switch s.menu.Cursor {
	case rowTopic:
		if len(s.topics) > 0 {
			s.topic, s.file = step(s.topic, len(s.topics)), ""
		}
	case rowPaced:
		s.paced = step(s.paced, len(paces))
	case rowTimer:
		s.timer = step(s.timer, len(timers))
	case rowQuestions:
		s.n = step(s.n, len(questions))
	case rowListen:
		s.lan = !s.lan
		host := "127.0.0.1"
		if s.lan {
			host = "0.0.0.0"
		}
		_, port, _ := net.SplitHostPort(s.listen)
		s.listen = net.JoinHostPort(host, port)
	}
	s.items()
}

func (s *Screen) start() tea.Cmd {
	if !s.c.Progress.HasStore() {
		s.note = s.c.T("csetup.nostore")
		return nil
	}
	source := s.file
	if source == "" {
		if len(s.topics) == 0 {
			s.note = s.c.T("csetup.notopics")
			return nil
		}
		source = s.topics[s.topic]
	}
	s.starting, s.note = true, ""
	o := s.options(source)
	// The class outlives any one key press: it is stopped by q, not by
	// the context of the command that started it.
	ctx := context.WithoutCancel(s.c.Context())
	return func() tea.Msg {
		c, err := room.Start(ctx, o)
		return startedMsg{class: c, err: err}
	}
}

// options are the choices made on the form.
func (s *Screen) options(source string) room.StartOptions {
	return room.StartOptions{Store: s.c.Progress.Store(), Lib: s.c.Lib, Lang: s.c.Lang, Source: source,
		N: questions[s.n], Paced: paces[s.paced], Timer: timers[s.timer], Listen: s.listen}
}

// joinAddr is the address students type: the port the class got, on
// this computer's network address when it listens on all of them.
func (s *Screen) joinAddr() string {
	host, port, err := net.SplitHostPort(s.class.Addr)
	if err != nil {
		return s.class.Addr
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = lanIP()
	}
	return net.JoinHostPort(host, port)
}

// lanIP is this computer's first non-loopback IPv4 address.
func lanIP() string {
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			return n.IP.String()
		}
	}
	return "127.0.0.1"
}

// View implements common.Screen.
func (s *Screen) View() string {
	c := s.c
	st := c.Styles
	if s.dash != nil {
		s.size()
		return s.dash.View().Content
	}
	var b strings.Builder
	for _, l := range text.Wrap(c.T("csetup.heading"), max(c.Width, 10)) {
		b.WriteString(st.Header.Render(l) + "\n")
	}
	b.WriteString("\n")
	b.WriteString(s.menu.View(c, max(c.Height-6, 3)) + "\n\n")
	switch {
	case s.typing:
		b.WriteString(text.Truncate(c.T("csetup.file.prompt")+s.typed, max(c.Width-1, 1)) + st.Cursor.Render("_") + "\n")
	case s.starting:
		b.WriteString(st.Muted.Render(c.T("csetup.starting")) + "\n")
	case s.note != "":
		for _, l := range text.Wrap(s.note, max(c.Width, 10)) {
			b.WriteString(st.Error.Render(l) + "\n")
		}
	default:
		_, port, _ := net.SplitHostPort(s.listen)
		host := "127.0.0.1"
		if s.lan {
			host = lanIP()
		}
		for _, l := range text.Wrap(fmt.Sprintf(c.T("csetup.give"), port, host), max(c.Width, 10)) {
			b.WriteString(st.Muted.Render(l) + "\n")
		}
	}
	return text.Clamp(strings.TrimRight(b.String(), "\n"), max(c.Width, 1), max(c.Height, 1))
}
