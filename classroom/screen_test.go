package classroom

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/saa-study/saa-study/ui/styles"
)

var trueColorEnv = []string{"TERM=xterm-256color", "COLORTERM=truecolor"}

// drawnAlone is frame drawn on a fresh terminal in one go: the screen a
// line-by-line redraw must end up showing.
func drawnAlone(frame string, w, h int) *vt.Emulator {
	e := vt.NewEmulator(w, h)
	_, _ = e.WriteString(strings.ReplaceAll(frame, "\n", "\r\n"))
	return e
}

// screenDiff says how two terminals' screens differ (text and style),
// "" when they show the same.
func screenDiff(got, want *vt.Emulator) string {
	g, w := strings.Split(got.Render(), "\n"), strings.Split(want.Render(), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("row %d: got %q, want %q\n got  %q\n want %q", i, ansi.Strip(gl), ansi.Strip(wl), gl, wl)
		}
	}
	return ""
}

// screenDiff itself must see a difference a careless redraw makes:
// erasing a row after writing it clears a full-width row's last column.
func TestScreenDiffSeesALostLastColumn(t *testing.T) {
	frame := "0123456789\nabcdefghij"
	broken := vt.NewEmulator(10, 2)
	_, _ = broken.WriteString("\x1b[1H0123456789" + ansi.EraseLineRight + "\x1b[2Habcdefghij" + ansi.EraseLineRight)
	if screenDiff(broken, drawnAlone(frame, 10, 2)) == "" {
		t.Fatal("screenDiff saw no difference between a screen missing its last column and the frame")
	}
}

// The line-by-line screen shows exactly what drawing each frame whole
// would show, in colour and Korean, through frames that grow, shrink,
// fill the last column and resize; it sends nothing for an unchanged
// frame and only the changed rows otherwise.
func TestLineScreenShowsEachFrameWhole(t *testing.T) {
	st := styles.New(true)
	w, h := 24, 6
	var out bytes.Buffer
	scr := newLineScreen(&out, trueColorEnv, w, h, "t", nil)
	term := vt.NewEmulator(w, h)
	show := func(step, frame string) int {
		t.Helper()
		out.Reset()
		scr.draw(frame)
		n := out.Len()
		_, _ = term.Write(out.Bytes())
		if d := screenDiff(term, drawnAlone(frame, w, h)); d != "" {
			t.Fatalf("%s: %s", step, d)
		}
		return n
	}
	first := strings.Join([]string{
		st.Title.Render("saa-study") + st.Muted.Render(" · ") + "quiz",
		"",
		"질문 1: 람다의 최대 시간",
		st.ItemSelected.Render("( ) a. 900 s"),
		"( ) b. 15 min",
		st.Muted.Render("enter: answer"),
	}, "\n")
	full := show("first frame", first)
	if n := show("same frame again", first); n != 0 {
		t.Errorf("an unchanged frame sent %d bytes, want none", n)
	}
	second := strings.Replace(first, st.ItemSelected.Render("( ) a. 900 s"), "(•) a. 900 s", 1)
	if n := show("one row changed", second); n == 0 || n >= full/2 {
		t.Errorf("one changed row sent %d bytes (the whole frame was %d)", n, full)
	}
	show("a shorter frame", "short\n"+st.Good.Render("saved"))
	show("full-width rows", strings.Repeat("x", w)+"\n"+strings.Repeat("가", w/2)+"\n\n\n\n"+st.Bad.Render(strings.Repeat("y", w)))
	show("back to the first", first)

	// A new size is drawn whole on a cleared screen.
	w, h = 30, 4
	term.Resize(w, h)
	scr.resize(w, h)
	show("after a resize", "resized\n"+strings.Repeat("z", w))

	out.Reset()
	scr.close()
	if !strings.Contains(out.String(), ansi.ResetModeAltScreenSaveCursor) || !strings.Contains(out.String(), ansi.ShowCursor) {
		t.Errorf("close did not leave the alternate screen and show the cursor: %q", out.String())
	}
}

// NO_COLOR=1 on the student's side gets no colours (bold and the like
// stay), as Bubble Tea's own renderer would give.
func TestLineScreenNoColor(t *testing.T) {
	var out bytes.Buffer
	scr := newLineScreen(&out, []string{"TERM=xterm-256color", "NO_COLOR=1"}, 20, 2, "t", nil)
	scr.draw(styles.New(true).Good.Render("saved") + "\nplain")
	if s := out.String(); strings.Contains(s, "38;") || !strings.Contains(s, "saved") {
		t.Errorf("NO_COLOR output %q: want the text without colour", s)
	}
}

// A 256-colour terminal (ssh passes TERM, rarely COLORTERM) gets the
// palette's colours in 256 colours, the same bytes whether the row was
// downsampled for it or remembered from another student's screen.
func TestLineScreen256Colors(t *testing.T) {
	st := styles.New(true)
	frame := st.Good.Render("saved") + "\n" + st.Title.Render("saa-study") + " quiz"
	colors := newRowColors()
	var a, b bytes.Buffer
	env := []string{"TERM=xterm-256color"}
	newLineScreen(&a, env, 20, 2, "t", colors).draw(frame)
	newLineScreen(&b, env, 20, 2, "t", colors).draw(frame)
	if strings.Contains(a.String(), "38;2;") || !strings.Contains(a.String(), "38;5;") {
		t.Fatalf("256-colour output %q: want 256-colour codes and no 24-bit ones", a.String())
	}
	if a.String() != b.String() {
		t.Fatalf("a remembered row differs:\n%q\n%q", a.String(), b.String())
	}
	var whole bytes.Buffer
	_, _ = (&colorprofile.Writer{Forward: &whole, Profile: colorprofile.ANSI256}).WriteString(frame)
	want := drawnAlone(whole.String(), 20, 2)
	got := vt.NewEmulator(20, 2)
	_, _ = got.Write(a.Bytes())
	if d := screenDiff(got, want); d != "" {
		t.Fatal(d)
	}
}
