package classroom

import (
	"context"
	"fmt"
	"net"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// DashboardOptions configure the teacher's dashboard.
type DashboardOptions struct {
	Room   *Room
	Ctx    context.Context
	Lang   content.Lang
	Listen string // host:port students connect to, for the join hint
	IsDark bool
}

type actionMsg struct{ err error }

// Dashboard is the teacher's live view of the session: join code, who is
// connected, progress, the answer distribution, the leaderboard and the
// start / pause / reveal / next / end controls.
type Dashboard struct {
	o       DashboardOptions
	styles  *styles.Styles
	width   int
	height  int
	sub     <-chan struct{}
	unsub   func()
	index   int
	confirm bool
	note    string
	noteBad bool
}

// NewDashboard returns the dashboard model; it subscribes to the room.
func NewDashboard(o DashboardOptions) *Dashboard {
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	if o.Lang == "" {
		o.Lang = content.EN
	}
	d := &Dashboard{o: o, styles: styles.New(o.IsDark), width: 80, height: 24}
	d.sub, d.unsub = o.Room.Subscribe()
	return d
}

// Close stops listening to the room.
func (d *Dashboard) Close() {
	if d.unsub != nil {
		d.unsub()
		d.unsub = nil
	}
}

func (d *Dashboard) t(k string) string { return text.T(d.o.Lang, k) }

func (d *Dashboard) wait() tea.Cmd {
	ch, ctx := d.sub, d.o.Ctx
	return func() tea.Msg {
		select {
		case <-ch:
			return roomChangedMsg{}
		case <-ctx.Done():
			return nil
		}
	}
}

// Init implements tea.Model.
func (d *Dashboard) Init() tea.Cmd {
	if d.o.Room.HasTimer() {
		return tea.Batch(d.wait(), tick(), tea.RequestBackgroundColor)
	}
	return tea.Batch(d.wait(), tea.RequestBackgroundColor)
}

// Update implements tea.Model.
func (d *Dashboard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		d.width, d.height = max(msg.Width, 1), max(msg.Height, 1)
	case tea.BackgroundColorMsg:
		d.styles = styles.New(msg.IsDark())
	case roomChangedMsg:
		return d, d.wait()
	case tickMsg:
		if d.o.Room.HasTimer() {
			return d, tick() // the countdown
		}
	case actionMsg:
		if msg.err != nil {
			d.note, d.noteBad = errText(msg.err), true
		} else {
			d.note = ""
		}
	case tea.KeyPressMsg:
		return d.key(msg)
	}
	return d, nil
}

func (d *Dashboard) do(act Action) tea.Cmd {
	room, ctx := d.o.Room, d.o.Ctx
	return func() tea.Msg { return actionMsg{err: room.Do(ctx, act)} }
}

func (d *Dashboard) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := msg.String()
	if d.confirm {
		d.confirm = false
		if k == "y" || k == "Y" {
			return d, d.do(ActEnd)
		}
		return d, nil
	}
	switch k {
	case "q", "ctrl+c":
		return d, tea.Quit
	case "s":
		return d, d.do(ActStart)
	case "n", "enter", "space":
		return d, d.do(ActNext)
	case "c":
		return d, d.do(ActClose)
	case "r":
		return d, d.do(ActReveal)
	case "p":
		return d, d.do(ActPause)
	case "e":
		d.confirm = true
	case "L":
		if d.o.Lang == content.KO {
			d.o.Lang = content.EN
		} else {
			d.o.Lang = content.KO
		}
	case "left", "h":
		d.index = max(d.index-1, 0)
	case "right", "l":
		d.index = min(d.index+1, d.o.Room.Quiz().Len()-1)
	}
	return d, nil
}

// View implements tea.Model.
func (d *Dashboard) View() tea.View {
	v := tea.NewView(text.Clamp(d.render(), d.width, d.height))
	v.AltScreen = true
	v.WindowTitle = "saa-study classroom"
	return v
}

func (d *Dashboard) phaseText(v TeacherView) string {
	s := d.t("phase." + string(v.Phase))
	if v.Session.Paused {
		s += " · " + d.t("phase.paused")
	}
	return s
}

func (d *Dashboard) render() string {
	st := d.styles
	v := d.o.Room.TeacherView(d.index)
	w := d.width
	var top []string
	head := st.Title.Render("saa-study classroom") + st.Muted.Render(" · ") + st.Header.Render(v.Title)
	right := st.Muted.Render(v.Session.Paced + " · " + v.Session.ID)
	if gap := w - lipgloss.Width(head) - lipgloss.Width(right); gap >= 1 {
		head += strings.Repeat(" ", gap) + right
	}
	top = append(top, head)

	code := bigCode(v.Session.JoinCode, st)
	host, port, err := net.SplitHostPort(d.o.Listen)
	if err != nil {
		host, port = d.o.Listen, "22"
	}
	join := fmt.Sprintf(d.t("dash.join"), port, host)
	// The code in block letters for the room, and in plain letters beside
	// it for screen readers and plain terminals.
	if infoW := w - lipgloss.Width(code) - 3; d.height >= 18 && infoW >= 30 {
		var info []string
		info = append(info, st.Muted.Render(d.t("dash.code")+": ")+st.Title.Render(v.Session.JoinCode))
		for _, l := range text.Wrap(join, infoW) {
			info = append(info, l)
		}
		for _, l := range text.Wrap(d.stateLine(v), infoW) {
			info = append(info, st.Header.Render(l))
		}
		top = append(top, lipgloss.JoinHorizontal(lipgloss.Top, code, "   ", strings.Join(info, "\n")))
	} else {
		codeLine := st.Muted.Render(d.t("dash.code")+": ") + st.Title.Render(v.Session.JoinCode)
		if state := d.stateLine(v); lipgloss.Width(codeLine)+2+text.Width(state) <= w {
			top = append(top, codeLine+"  "+st.Header.Render(state))
		} else {
			top = append(top, codeLine)
			for _, l := range text.Wrap(state, w) {
				top = append(top, st.Header.Render(l))
			}
		}
		// How to join is what the room copies: wrapped, never cut.
		top = append(top, text.Wrap(join, w)...)
	}
	top = append(top, "")
	used := len(strings.Split(strings.Join(top, "\n"), "\n"))
	if q := d.questionBlock(v, d.height-used-5); len(q) > 0 {
		top = append(top, q...)
		top = append(top, "")
	}
	// The keys, on as many lines as the width needs: a key cut off is a
	// key the teacher cannot find.
	keys := d.t("dash.help.teacher")
	if v.Session.Paced == string(SelfPaced) {
		keys = d.t("dash.help.self")
	}
	var foot []string
	for _, l := range text.Pack(strings.Split(keys, " · "), " · ", w) {
		foot = append(foot, st.Muted.Render(l))
	}
	switch {
	case d.confirm:
		foot = []string{st.Warn.Render(d.t("dash.endconfirm"))}
	case d.note != "":
		foot = []string{st.Error.Render(d.note)}
	}
	room := max(d.height-len(foot), 1)
	used = len(strings.Split(strings.Join(top, "\n"), "\n"))
	rows := max(room-used, 1)
	top = append(top, d.people(v, rows))
	body := strings.Split(strings.Join(top, "\n"), "\n")
	if len(body) > room {
		body = body[:room]
	}
	for len(body) < room {
		body = append(body, "")
	}
	return strings.Join(append(body, foot...), "\n")
}

func (d *Dashboard) stateLine(v TeacherView) string {
	parts := []string{d.phaseText(v)}
	if v.Session.Paced == string(TeacherPaced) && v.Session.Current >= 0 {
		parts = append([]string{fmt.Sprintf(text.T(d.o.Lang, "class.qof"), v.Session.Current+1, v.Total)}, parts...)
	}
	if v.HasTimer {
		parts = append(parts, fmtLeft(v.Remaining)+" "+d.t("class.left"))
	}
	parts = append(parts, fmt.Sprintf(d.t("dash.connected"), v.Connected, len(v.Students)))
	return strings.Join(parts, " · ")
}

// questionBlock is the question as the room sees it: the stem and every
// option whole, wrapped to the width. Only once the question is revealed
// does it mark the key, draw the distribution and give the explanations
// (all of them when the screen has room, the key's otherwise).
func (d *Dashboard) questionBlock(v TeacherView, room int) []string {
	st := d.styles
	if v.Question == nil || (v.Phase == Lobby && v.Session.Paced == string(TeacherPaced)) {
		return nil
	}
	for _, explain := range []int{2, 1, 0} {
		out := d.questionLines(v, explain)
		if len(out) <= room || explain == 0 {
			return out
		}
	}
	return []string{st.Muted.Render(d.t("dash.answers"))}
}

// questionLines draws the question block; explain is 2 for every
// option's explanation, 1 for the key's only, 0 for none.
func (d *Dashboard) questionLines(v TeacherView, explain int) []string {
	st := d.styles
	w := d.width
	head := fmt.Sprintf("%d. ", v.Index+1)
	var out []string
	for _, l := range strings.Split(text.Hang(head+v.Presented.Stem, w, text.Width(head)), "\n") {
		out = append(out, st.Subtitle.Render(l))
	}
	count := fmt.Sprintf(d.t("dash.answers"), v.Answers, len(v.Students))
	if v.Presented.Label != "" {
		count = v.Presented.Label + " · " + count
	}
	out = append(out, st.Muted.Render(count))
	total := 0
	for _, n := range v.Distribution {
		total += n
	}
	for pos, o := range v.Presented.Options {
		opt := v.Question.Options[o.Index]
		mark := "  "
		if v.Reveal && opt.Correct {
			mark = st.Good.Render("✓ ")
		}
		out = append(out, strings.Split(text.Hang(mark+o.Letter+". "+o.Text, w, 5), "\n")...)
		if !v.Reveal {
			continue
		}
		n := 0
		if pos < len(v.Distribution) {
			n = v.Distribution[pos]
		}
		out = append(out, "     "+bar(n, total, max(min(w-14, 30), 4), st))
		if opt.Explanation != "" && (explain == 2 || explain == 1 && opt.Correct) {
			out = append(out, strings.Split(st.Muted.Render(text.Hang("     "+opt.Explanation, w, 5)), "\n")...)
		}
	}
	return out
}

func (d *Dashboard) people(v TeacherView, rows int) string {
	st := d.styles
	if len(v.Students) == 0 {
		return st.Muted.Render(d.t("dash.nostudents"))
	}
	colW := d.width
	if d.width >= 70 {
		colW = d.width/2 - 1
	}
	var left []string
	left = append(left, st.Header.Render(d.t("dash.students")))
	for i, s := range v.Students {
		if i >= rows-1 {
			left = append(left, st.Muted.Render(fmt.Sprintf("… +%d", len(v.Students)-i)))
			break
		}
		dot := st.Good.Render("●")
		if !s.Connected {
			dot = st.Muted.Render("○")
		}
		// ✎ for "has answered": ✓ means right everywhere else.
		tick := " "
		if s.OnCurrent {
			tick = st.Subtitle.Render("✎")
		}
		name := firstLine(s.Name, 16)
		name += strings.Repeat(" ", max(16-lipgloss.Width(name), 0))
		left = append(left, fmt.Sprintf("%s %s %s %2d/%d  %d", dot, tick, name, s.Answered, v.Total, s.Score))
	}
	if d.width < 70 {
		return strings.Join(left, "\n")
	}
	right := []string{st.Header.Render(d.t("class.board"))}
	for i, b := range v.Board {
		if i >= rows-1 {
			break
		}
		right = append(right, firstLine(fmt.Sprintf("%2d. %s  %d", b.Rank, b.Name, b.Score), colW))
	}
	l := lipgloss.NewStyle().Width(colW).Render(strings.Join(left, "\n"))
	return lipgloss.JoinHorizontal(lipgloss.Top, l, "  ", strings.Join(right, "\n"))
}

// firstLine is the first line of s cut to w cells.
func firstLine(s string, w int) string {
	s, _, _ = strings.Cut(s, "\n")
	return text.Clamp(s, max(w, 1), 1)
}
