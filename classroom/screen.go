package classroom

import (
	"io"
	"strconv"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// lineScreen draws a student's full-screen frames over their SSH channel
// a line at a time: each frame writes only the rows that changed, each
// row whole, in one write.
//
// Bubble Tea's own renderer keeps two cell buffers per screen (about
// 200 KB each at 80×24) and diffs them cell by cell on a 60 Hz ticker.
// In a room of 200 that was the largest share of the server's CPU per
// answer and of its memory, and the ticker added up to a frame (17 ms)
// between a stored answer and its acknowledgement on screen. The quiz's
// frames are whole lines of text already cut to the window, so comparing
// lines is enough; this draws a frame as soon as the model changed.
type lineScreen struct {
	w       io.Writer
	profile colorprofile.Profile
	colors  *rowColors
	title   string
	width   int
	height  int
	frame   string   // the last frame drawn, as given
	rows    []string // what each screen row shows
	open    bool
	buf     strings.Builder
}

// newLineScreen draws on w, downsampling colours to what the client's
// terminal says it supports (TERM, COLORTERM and NO_COLOR in environ).
// colors is shared by the screens of a room (nil: a memory of its own).
func newLineScreen(w io.Writer, environ []string, width, height int, title string, colors *rowColors) *lineScreen {
	if colors == nil {
		colors = newRowColors()
	}
	if width < 1 || height < 1 { // a client that gave no size: the model's default
		width, height = 80, 24
	}
	width, height = min(width, MaxWindow), min(height, MaxWindow)
	return &lineScreen{w: w, profile: colorprofile.Env(environ), colors: colors, title: title, width: width, height: height}
}

// rowColors downsamples rows to a colour profile and remembers the
// result: a room's screens show the same rows (the question, the
// options, the keys), and parsing each row's escape codes again for each
// of 200 students was a tenth of the server's CPU.
type rowColors struct {
	mu   sync.Mutex
	rows map[colorKey]string
}

type colorKey struct {
	p   colorprofile.Profile
	row string
}

// maxRowColors bounds the rows remembered; past it the memory starts
// again.
const maxRowColors = 4096

func newRowColors() *rowColors { return &rowColors{rows: map[colorKey]string{}} }

// convert is row with its colours in profile p.
func (c *rowColors) convert(p colorprofile.Profile, row string) string {
	if p == colorprofile.TrueColor || !strings.Contains(row, "\x1b") {
		return row
	}
	k := colorKey{p, row}
	c.mu.Lock()
	out, ok := c.rows[k]
	c.mu.Unlock()
	if ok {
		return out
	}
	var b strings.Builder
	_, _ = (&colorprofile.Writer{Forward: &b, Profile: p}).WriteString(row)
	out = b.String()
	c.mu.Lock()
	if len(c.rows) >= maxRowColors {
		clear(c.rows)
	}
	c.rows[k] = out
	c.mu.Unlock()
	return out
}

// resize forgets what is on screen: the next frame is drawn whole.
func (s *lineScreen) resize(width, height int) {
	if width == s.width && height == s.height {
		return
	}
	s.width, s.height = width, height
	s.rows, s.frame = nil, ""
}

// draw puts frame on screen (lines cut to the window by the caller).
func (s *lineScreen) draw(frame string) {
	if s.open && s.rows != nil && frame == s.frame {
		return
	}
	s.buf.Reset()
	b := &s.buf
	if !s.open {
		b.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.SetWindowTitle(s.title))
		s.open = true
	}
	if s.rows == nil {
		b.WriteString(ansi.ResetStyle + ansi.EraseEntireScreen)
		s.rows = make([]string, s.height)
	}
	s.frame = frame
	lines := strings.Split(frame, "\n")
	b.WriteString(ansi.SetModeSynchronizedOutput)
	for i := range s.rows {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		if line == s.rows[i] {
			continue
		}
		s.rows[i] = line
		// Erase the row first, then write it: erasing after the text
		// would clear the last column of a full-width row.
		b.WriteString(ansi.ResetStyle + "\x1b[" + strconv.Itoa(i+1) + "H" + ansi.EraseEntireLine + s.colors.convert(s.profile, line) + ansi.ResetStyle)
	}
	b.WriteString(ansi.ResetModeSynchronizedOutput)
	_, _ = io.WriteString(s.w, b.String())
}

// close leaves the alternate screen and shows the cursor again, so what
// is printed afterwards lands on the student's own screen.
func (s *lineScreen) close() {
	if !s.open {
		return
	}
	s.open = false
	_, _ = io.WriteString(s.w, ansi.ResetStyle+ansi.ShowCursor+ansi.ResetModeAltScreenSaveCursor)
}

// screenModel runs a model whose frames a lineScreen draws: the program
// itself has no renderer (tea.WithoutRenderer), and each frame is drawn
// right after the model changed.
type screenModel struct {
	m   tea.Model
	scr *lineScreen
}

// Init implements tea.Model.
func (s *screenModel) Init() tea.Cmd {
	cmd := s.m.Init()
	s.scr.draw(s.m.View().Content)
	return cmd
}

// Update implements tea.Model.
func (s *screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if w, ok := msg.(tea.WindowSizeMsg); ok {
		s.scr.resize(min(max(w.Width, 1), MaxWindow), min(max(w.Height, 1), MaxWindow))
	}
	var cmd tea.Cmd
	s.m, cmd = s.m.Update(msg)
	s.scr.draw(s.m.View().Content)
	return s, cmd
}

// View implements tea.Model; the program has no renderer to give it to.
func (s *screenModel) View() tea.View { return tea.View{} }
