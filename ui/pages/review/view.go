package review

import (
	"fmt"
	"math"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/cardform"
	"github.com/saa-study/saa-study/ui/components/question"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// fmtInterval writes an interval the way Anki's buttons do: "<10m" for
// steps within the day, "2d", "1.5mo", "1.2y".
func rvInterval(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "<1m"
	case d < time.Hour:
		return fmt.Sprintf("<%dm", int(math.Round(d.Minutes())))
	case d < 24*time.Hour:
		return fmt.Sprintf("<%dh", int(math.Round(d.Hours())))
	}
	days := d.Hours() / 24
	switch {
	case days < 30:
		return fmt.Sprintf("%dd", int(math.Round(days)))
	case days < 365:
		return rvTrimZero(fmt.Sprintf("%.1fmo", days/30))
	}
	return rvTrimZero(fmt.Sprintf("%.1fy", days/365))
}

func rvTrimZero(s string) string { return strings.Replace(s, ".0", "", 1) }

func (r *Review) View() string {
	c, st := r.c, r.c.Styles
	w, h := c.Width, max(c.Height, 1)
	tw := min(w, render.MaxReadingWidth)
	if r.s == nil {
		if r.err != nil {
			return st.Error.Render(r.err.Error())
		}
		return st.Muted.Render(c.T("rv.loading"))
	}
	head := r.header()
	var body, foot []string
	switch r.mode {
	case rvEmpty:
		body = r.emptyLines(tw)
	case rvLeech:
		body = r.leechLines(tw)
		foot = []string{st.Muted.Render(c.T("rv.continue"))}
	case rvFront, rvBack:
		body = r.cardLines(tw)
		if r.mode == rvBack {
			foot = r.buttons(w, 0)
			foot = append(foot, st.Muted.Render(c.T("rv.hint.back")))
		} else {
			foot = []string{st.Muted.Render(c.T("rv.hint.front"))}
		}
	case rvLab:
		body = r.labLines(tw)
		foot = []string{st.Muted.Render(c.T("rv.hint.lab"))}
	case rvQuestion:
		body = r.questionLines(tw)
		hint := strings.Replace(c.T("rv.hint.question"), "a–f", r.q.PickHelp().Help().Key, 1)
		foot = []string{st.Muted.Render(hint)}
	case rvGraded:
		body = r.gradedLines(tw)
		foot = r.buttons(w, r.suggested)
		foot = append(foot, st.Muted.Render(c.T("rv.hint.graded")))
	}
	// Small screens drop the hint lines (the help bar has the keys) and
	// the blank line under the header.
	roomy := h >= 12
	if !roomy && r.mode != rvLeech && len(foot) > 0 {
		foot = foot[:len(foot)-1]
	}
	room := h - 1 - len(foot)
	if roomy {
		room--
	}
	room = max(room, 1)
	r.scroll = min(r.scroll, max(0, len(body)-room))
	body = body[r.scroll:]
	more := len(body) > room
	if more {
		body = append(body[:room-1], st.Muted.Render(c.T("rv.more")))
	}
	out := []string{head}
	if roomy {
		out = append(out, "")
	}
	out = append(out, body...)
	for len(out)+len(foot) < h {
		out = append(out, "")
	}
	return strings.Join(append(out, foot...), "\n")
}

// header is "learning · review · new · done today", and the mode.
func (r *Review) header() string {
	st := r.c.Styles
	l, rv, n := r.s.Counts()
	format := "rv.counts"
	if r.c.Width < 60 {
		format = "rv.counts.short"
	}
	s := fmt.Sprintf(r.c.T(format), l, rv, n, r.s.Done())
	if r.list != nil {
		s = fmt.Sprintf(r.c.T("rv.list."+r.listKind), r.listPos+1, len(r.list))
	}
	return st.Subtitle.Render(s)
}

func (r *Review) emptyLines(w int) []string {
	c, st := r.c, r.c.Styles
	now := c.Clock()
	out := []string{st.Header.Render(c.T("rv.empty"))}
	nextDue, hasNext := r.s.NextDue()
	switch {
	case !r.s.WaitingUntil(now).IsZero():
		out = append(out, fmt.Sprintf(c.T("rv.wait"), rvWhen(r.s.WaitingUntil(now), now)))
	case hasNext:
		out = append(out, fmt.Sprintf(c.T("rv.next"), rvWhen(nextDue, now)))
	default:
		out = append(out, c.T("rv.nothing"))
	}
	out = append(out, "")
	for _, k := range []string{"rv.offer.ahead", "rv.offer.drill", "rv.offer.undo"} {
		out = append(out, text.WrapMarkdown(c.T(k), w)...)
	}
	for _, wmsg := range r.s.Set().Warnings {
		out = append(out, st.Warn.Render(wmsg))
	}
	return out
}

func rvWhen(t, now time.Time) string {
	return t.In(time.Local).Format("2006-01-02 15:04") + " (" + strings.TrimPrefix(rvInterval(t.Sub(now)), "<") + ")"
}

func (r *Review) leechLines(w int) []string {
	c, st := r.c, r.c.Styles
	e := r.s.Set().ByKey(r.leechKey)
	where := ""
	if e != nil {
		where = rvSectionName(c, e.Section)
	}
	out := []string{st.Warn.Render(c.T("rv.leech.title"))}
	out = append(out, text.WrapMarkdown(fmt.Sprintf(c.T("rv.leech"), progress.LeechLapses), w)...)
	if where != "" {
		out = append(out, "")
		out = append(out, text.WrapMarkdown(fmt.Sprintf(c.T("rv.leech.read"), where), w)...)
	}
	return out
}

// sectionName names "note#section" as "Note title › Section title (note#section)".
func rvSectionName(c *common.Common, ref string) string {
	if ref == "" || c.Lib == nil {
		return ref
	}
	noteID, secID, _ := strings.Cut(ref, "#")
	n := c.Lib.Note(c.Lang, noteID)
	if n == nil {
		return ref
	}
	name := n.Title
	if s := n.Section(secID); s != nil {
		name += " › " + s.Title
	}
	return name + " (" + ref + ")"
}

// labLines show a lab due again: its title and situation; the lab itself
// opens on its own screen.
func (r *Review) labLines(w int) []string {
	st, l := r.c.Styles, r.entry.Lab
	out := text.Wrap(r.c.T("lab.title")+" · "+l.Title, w)
	for i := range out {
		out[i] = st.Header.Render(out[i])
	}
	out = append(out, "")
	for _, p := range strings.Split(strings.ReplaceAll(l.Situation, "**", ""), "\n\n") {
		out = append(out, text.Wrap(strings.ReplaceAll(p, "\n", " "), w)...)
		out = append(out, "")
	}
	return out
}

func (r *Review) cardLines(w int) []string {
	c, st := r.c, r.c.Styles
	e := r.entry
	if e == nil {
		return []string{st.Error.Render(c.T("rv.missing"))}
	}
	var front, back string
	switch {
	case e.Card != nil && e.Card.IsCloze():
		front, back = e.Card.ClozeText(e.ClozeN, false), e.Card.ClozeText(e.ClozeN, true)
	case e.Card != nil:
		front, back = e.Card.Front, e.Card.Back
	default:
		front, back = e.Front, e.Back
	}
	var out []string
	if c.Height >= 12 {
		out = r.tags()
	}
	if r.mode == rvBack && e.Card != nil && e.Card.IsCloze() {
		// A cloze is revealed in place, as Anki does; an imported one may
		// carry an extra ("Back Extra") shown with the answer.
		out = append(out, text.WrapMarkdown(back, w)...)
		if e.Card.Back != "" {
			out = append(out, st.Muted.Render(strings.Repeat("─", min(w, 40))))
			out = append(out, text.WrapMarkdown(e.Card.Back, w)...)
		}
		return out
	}
	out = append(out, text.WrapMarkdown(front, w)...)
	if r.mode == rvBack {
		out = append(out, st.Muted.Render(strings.Repeat("─", min(w, 40))))
		out = append(out, text.WrapMarkdown(back, w)...)
		if e.Section != "" {
			out = append(out, "")
			out = append(out, r.readLines(w)...)
		}
	}
	return out
}

// readLines name the section that explains the item, and the key that
// opens it, wrapped to w.
func (r *Review) readLines(w int) []string {
	c := r.c
	lines := text.Wrap(fmt.Sprintf(c.T("rv.readopen"), rvSectionName(c, r.entry.Section)), w)
	for i, l := range lines {
		lines[i] = c.Styles.Muted.Render(l)
	}
	return lines
}

// tags marks an item's kind and a leech tag above its text.
func (r *Review) tags() []string {
	st := r.c.Styles
	var t []string
	if r.it.Card.State == srs.New {
		t = append(t, r.c.T("rv.tag.new"))
	}
	if r.it.Leech {
		t = append(t, r.c.T("rv.tag.leech"))
	}
	if len(t) == 0 {
		return nil
	}
	return []string{st.Muted.Render("[" + strings.Join(t, "] [") + "]")}
}

func (r *Review) questionLines(w int) []string {
	st := r.c.Styles
	out := r.tags()
	p := r.q.Presented()
	out = append(out, inlineLines(st, p.Stem, w)...)
	if p.Label != "" {
		out = append(out, text.Truncate(st.Header.Render(p.Label)+"  "+r.q.ChosenCount(), w))
	}
	out = append(out, "")
	for i, o := range p.Options {
		// A radio mark for one answer, a checkbox for several, as in Study.
		open, shut := "[", "]"
		if p.Choose <= 1 {
			open, shut = "(", ")"
		}
		mark := open + " " + shut
		if r.q.Selection().Marked(i) {
			mark = st.Cursor.Render(open + "x" + shut)
		}
		lines := inlineLines(st, o.Text, w-8)
		out = append(out, mark+" "+o.Letter+") "+lines[0])
		for _, l := range lines[1:] {
			out = append(out, "       "+l)
		}
	}
	return out
}

func (r *Review) gradedLines(w int) []string {
	c, st := r.c, r.c.Styles
	res := r.q.Result()
	var out []string
	if res.Correct {
		out = append(out, st.Good.Render("✓ "+c.T("rv.right")))
	} else {
		out = append(out, st.Bad.Render("✗ "+c.T("rv.wrong")))
	}
	out = append(out, inlineLines(st, r.q.Presented().Stem, w)...)
	out = append(out, "")
	for _, o := range res.PerOption {
		mark, style := "   ", st.Item
		switch {
		case o.Correct:
			mark, style = "✓ ", st.Good
		case o.Chosen:
			mark, style = "✗ ", st.Bad
		}
		chosen := " "
		if o.Chosen {
			chosen = "›"
		}
		lines := text.WrapMarkdown(question.PlainMarkdown(o.Text), w-7)
		out = append(out, style.Render(chosen+mark+o.Letter+") "+lines[0]))
		for _, l := range lines[1:] {
			out = append(out, "      "+l)
		}
		// Every option's explanation, as Study and Practice give them:
		// why an option nobody picked is wrong is half of what a question
		// teaches.
		if o.Explanation == "" {
			continue
		}
		for _, l := range inlineLines(st, o.Explanation, w-6) {
			out = append(out, "      "+l)
		}
	}
	if e := r.entry; e != nil && !res.Correct && e.Section != "" {
		out = append(out, "")
		out = append(out, r.readLines(w)...)
	}
	return out
}

// buttons lays the four ratings out with their intervals, wrapping to w;
// the suggested one (questions) is highlighted.
func (r *Review) buttons(w int, suggested srs.Rating) []string {
	st := r.c.Styles
	now := r.c.Clock()
	var cells []string
	for i, p := range r.preview {
		g := srs.Rating(i + 1)
		label := fmt.Sprintf("%d %s %s", g, r.c.T(fmt.Sprintf("rv.r%d", g)), rvInterval(p.Due.Sub(now)))
		if g == suggested {
			label = st.ItemSelected.Render("▸" + label)
		}
		cells = append(cells, label)
	}
	return text.Pack(cells, "   ", w)
}

func (r *Review) ShortHelp() []key.Binding {
	k := r.keys
	switch r.mode {
	case rvFront:
		return []key.Binding{k.Reveal, k.Undo, k.Bury, k.Suspend}
	case rvBack, rvGraded:
		b := []key.Binding{k.Rate}
		if r.noteSection() != "" {
			b = append(b, k.OpenNote)
		}
		if r.mode == rvGraded {
			b = append(b, cardform.AddKey)
		}
		return append(b, k.Undo, k.Bury, k.Suspend)
	case rvQuestion:
		return []key.Binding{r.q.PickHelp(), r.q.Keys.Submit, k.Undo}
	case rvEmpty:
		return []key.Binding{k.Ahead, k.Drill, k.Undo}
	case rvLab:
		return []key.Binding{r.c.Keys.Open, k.Bury, k.Suspend}
	case rvLeech:
		return []key.Binding{k.Continue}
	}
	return nil
}

// FullHelp is the keys that work now, in the item's state: a–f choose
// only while a question is answered, a and d start more reviews only when
// nothing is due.
func (r *Review) FullHelp() [][]key.Binding {
	out := r.modeHelp()
	if r.decksOpen() {
		out = append(out, []key.Binding{r.keys.Decks})
	}
	return out
}

// modeHelp is the full help of the current state, before D (decks).
func (r *Review) modeHelp() [][]key.Binding {
	k := r.keys
	scroll := []key.Binding{k.Up, k.Down}
	switch r.mode {
	case rvFront:
		return [][]key.Binding{{k.Reveal, k.Rate}, {k.Undo, k.Bury, k.Suspend}, scroll}
	case rvBack:
		return [][]key.Binding{{k.Rate, k.OpenNote, cardform.AddKey}, {k.Undo, k.Bury, k.Suspend}, scroll}
	case rvQuestion:
		return [][]key.Binding{{r.q.PickHelp(), r.q.Keys.Submit}, {k.Undo, k.Suspend}, scroll}
	case rvGraded:
		return [][]key.Binding{{k.Rate, k.Continue, k.OpenNote, cardform.AddKey}, {k.Undo, k.Bury, k.Suspend}, scroll}
	case rvEmpty:
		return [][]key.Binding{{k.Ahead, k.Drill, k.Undo}}
	case rvLab:
		return [][]key.Binding{{r.c.Keys.Open, k.Bury, k.Suspend}}
	case rvLeech:
		return [][]key.Binding{{k.Continue}}
	}
	return nil
}

// HelpSections lists the keys that work now, then, dimmed, the ones that
// start more reviews once nothing is due.
func (r *Review) HelpSections() []common.HelpSection {
	var keys []key.Binding
	for _, g := range r.FullHelp() {
		keys = append(keys, g...)
	}
	out := []common.HelpSection{{Title: r.c.T("rv.help.now"), Keys: keys}}
	if r.mode != rvEmpty {
		out = append(out, common.HelpSection{Title: r.c.T("rv.help.empty"), Keys: []key.Binding{r.keys.Ahead, r.keys.Drill}, Inactive: true})
	}
	return out
}

// inlineLines is a question's text with its inline Markdown styled (as in
// Study and the exam), wrapped to w.
func inlineLines(st *styles.Styles, s string, w int) []string {
	return strings.Split(text.WrapStyled(question.InlineMarkdown(st, s), max(w, 10)), "\n")
}
