package progress

import (
	"context"
	"fmt"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/saa-study/saa-study/anki"
	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
)

// AnkiExportOptions choose what ExportAnki writes.
type AnkiExportOptions struct {
	Decks     []string // deck/topic ids; empty = every deck (built-in topics and the learner's own)
	Questions bool     // also export questions as cards (options on front, key+explanations on back)
	Lang      string   // content language
	Now       time.Time
}

// AnkiExportSummary counts what a package holds; Decks counts the decks
// that hold cards (not their parent, AnkiDeckRoot).
type AnkiExportSummary struct{ Decks, Notes, Cards, Reviews int }

// AnkiDeckRoot is the parent deck of every exported deck.
const AnkiDeckRoot = "SAA-C03 Serverless"

// AnkiBuiltinDeck selects every built-in topic in AnkiExportOptions.Decks.
const AnkiBuiltinDeck = "builtin"

// Note types of an export. Their ids are fixed, so that Anki recognises
// them when a later export is imported.
var (
	ankiBasic = anki.Model{
		ID: 1_400_000_000_001, Name: "SAA Basic", Kind: anki.Standard,
		Fields:    []string{"Front", "Back", "SaaID"},
		Templates: []anki.Template{{Name: "Card 1", Front: "{{Front}}", Back: "{{FrontSide}}<hr id=answer>{{Back}}"}},
		CSS:       ankiCSS,
	}
	ankiCloze = anki.Model{
		ID: 1_400_000_000_002, Name: "SAA Cloze", Kind: anki.Cloze,
		Fields:    []string{"Text", "Extra", "SaaID"},
		Templates: []anki.Template{{Name: "Cloze", Front: "{{cloze:Text}}", Back: "{{cloze:Text}}<br>{{Extra}}"}},
		CSS:       ankiCSS + ".cloze { font-weight: bold; color: #1f6feb; }\n",
	}
	ankiQuestion = anki.Model{
		ID: 1_400_000_000_003, Name: "SAA Question", Kind: anki.Standard,
		Fields:    []string{"Question", "Answer", "SaaID"},
		Templates: []anki.Template{{Name: "Question", Front: "{{Question}}", Back: "{{FrontSide}}<hr id=answer>{{Answer}}"}},
		CSS:       ankiCSS + "ol.options { list-style-type: upper-alpha; }\n.correct { color: #1a7f37; }\n",
	}
)

// ankiCSS keeps code and tables readable on desktop and phone.
const ankiCSS = `.card { font-family: sans-serif; font-size: 18px; text-align: left; }
pre { background: #f4f4f4; padding: 6px; overflow-x: auto; }
code { font-family: monospace; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 2px 6px; }
`

// ExportAnki writes the learner's flashcards, their schedule and their
// review history as an Anki package at path (replaced whole, or left as
// it was on error). Nothing in the progress file changes.
func (p *Progress) ExportAnki(ctx context.Context, path string, opt AnkiExportOptions) (AnkiExportSummary, error) {
	col, sum, err := p.ankiCollection(orBackground(ctx), opt)
	if err != nil {
		return AnkiExportSummary{}, err
	}
	if err := anki.WritePackageFile(orBackground(ctx), path, col); err != nil {
		return AnkiExportSummary{}, err
	}
	return sum, nil
}

// WriteAnki writes the same package as ExportAnki to w (a pipe, say).
func (p *Progress) WriteAnki(ctx context.Context, w io.Writer, opt AnkiExportOptions) (AnkiExportSummary, error) {
	col, sum, err := p.ankiCollection(orBackground(ctx), opt)
	if err != nil {
		return AnkiExportSummary{}, err
	}
	if err := anki.WritePackage(orBackground(ctx), w, col); err != nil {
		return AnkiExportSummary{}, err
	}
	return sum, nil
}

// ankiCollection maps progress onto an Anki collection.
func (p *Progress) ankiCollection(ctx context.Context, opt AnkiExportOptions) (*anki.Collection, AnkiExportSummary, error) {
	lang := content.EN
	if opt.Lang != "" {
		l, ok := content.ParseLang(opt.Lang)
		if !ok {
			return nil, AnkiExportSummary{}, fmt.Errorf("ValidationException: language %q: use en or ko", opt.Lang)
		}
		lang = l
	}
	now := opt.Now
	if now.IsZero() {
		now = p.Now()
	}
	set, err := p.gatherSet(ctx, lang, false)
	if err != nil {
		return nil, AnkiExportSummary{}, err
	}
	entries, err := pickEntries(set, opt)
	if err != nil {
		return nil, AnkiExportSummary{}, err
	}
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return nil, AnkiExportSummary{}, err
	}
	items := map[string]SRSItem{}
	if p.HasStore() {
		all, err := p.st.SRSItems(ctx)
		if err != nil {
			return nil, AnkiExportSummary{}, err
		}
		for _, it := range all {
			items[it.Key()] = it
		}
	}
	params, _, err := p.FSRSParameters(ctx)
	if err != nil {
		return nil, AnkiExportSummary{}, err
	}

	b := &ankiBuilder{
		now: now, day: sc.Day, retention: sc.Limits.DesiredRetention, lang: lang, lib: p.Library(),
		noteIdx: map[string]int{}, deckIdx: map[string]int64{}, cardOf: map[string]int64{},
		steps: len(srs.DefaultParams().LearningSteps), relearnSteps: len(srs.DefaultParams().RelearningSteps),
		usedRev: map[int64]bool{}, lastIvl: map[string]int{},
	}
	states := make([]SRSItem, 0, len(entries))
	for _, e := range entries {
		it, ok := items[e.Key()]
		if !ok {
			it = SRSItem{Kind: e.Kind, ItemID: e.ID, Card: srs.NewCard(now)}
		}
		b.add(e)
		states = append(states, it)
	}
	first := now
	if p.HasStore() {
		var reviews []ReviewRecord
		if n, err := p.st.ReviewCount(ctx); err == nil {
			reviews = make([]ReviewRecord, 0, n)
		}
		err := p.st.EachReview(ctx, func(r ReviewRecord) error {
			if _, ok := b.cardOf[r.Kind+":"+r.ItemID]; ok {
				reviews = append(reviews, r)
			}
			if r.ReviewedAt.Before(first) {
				first = r.ReviewedAt
			}
			return nil
		})
		if err != nil {
			return nil, AnkiExportSummary{}, err
		}
		slices.SortStableFunc(reviews, func(a, b ReviewRecord) int { return a.ReviewedAt.Compare(b.ReviewedAt) })
		b.col.Reviews = make([]anki.Review, 0, len(reviews))
		for _, r := range reviews {
			b.addReview(r)
		}
	}
	// Review due dates count days from the collection's creation: the
	// start of the study day of the first review.
	b.col.Created = sc.Day.DayStart(first)
	b.col.Rollover = sc.Day.Hour
	b.col.DesiredRetention = sc.Limits.DesiredRetention
	b.col.FSRSParams = params
	b.col.NewPerDay, b.col.ReviewsPerDay = sc.Limits.NewPerDay, sc.Limits.ReviewsPerDay
	for i := range b.col.Cards {
		b.schedule(&b.col.Cards[i], states[i])
	}
	b.col.Models = []anki.Model{ankiBasic, ankiCloze}
	if opt.Questions {
		b.col.Models = append(b.col.Models, ankiQuestion)
	}
	sum := AnkiExportSummary{Decks: len(b.deckIdx), Notes: len(b.col.Notes), Cards: len(b.col.Cards), Reviews: len(b.col.Reviews)}
	return &b.col, sum, nil
}

// pickEntries keeps the cards (and questions, when asked) of the chosen
// decks; an id that names no deck or topic is an error.
func pickEntries(set *Set, opt AnkiExportOptions) ([]*Entry, error) {
	want := map[string]bool{}
	for _, d := range opt.Decks {
		want[d] = true
	}
	found := map[string]bool{}
	var out []*Entry
	for _, e := range set.Entries {
		if e.Kind == KindLab || (e.Kind == KindQuestion && !opt.Questions) {
			continue
		}
		if len(want) > 0 {
			hit := ""
			switch {
			case want[e.Topic]:
				hit = e.Topic
			case e.Deck != "" && want[e.Deck]:
				hit = e.Deck
			case e.Deck == "" && want[AnkiBuiltinDeck]:
				hit = AnkiBuiltinDeck
			default:
				continue
			}
			found[hit] = true
		}
		out = append(out, e)
	}
	for _, d := range opt.Decks {
		if !found[d] {
			return nil, fmt.Errorf("ResourceNotFoundException: no deck or topic %q with cards to export (see saa-study deck list and saa-study notes)", d)
		}
	}
	return out, nil
}

// ankiBuilder collects the collection one entry at a time.
type ankiBuilder struct {
	col                 anki.Collection
	ids                 anki.IDs
	now                 time.Time
	day                 srs.DayBoundary
	retention           float64
	lang                content.Lang
	lib                 *content.Library
	noteIdx             map[string]int   // note key → index in col.Notes
	deckIdx             map[string]int64 // topic → deck id
	cardOf              map[string]int64 // item key → card id
	steps, relearnSteps int
	usedRev             map[int64]bool // revlog ids taken
	lastIvl             map[string]int // item key → ivl of its last review
}

// deck returns the id of the Anki deck of an entry's topic, adding it.
func (b *ankiBuilder) deck(e *Entry) int64 {
	if id, ok := b.deckIdx[e.Topic]; ok {
		return id
	}
	if len(b.col.Decks) == 0 {
		// The parent deck itself, as Anki writes it: importers that do
		// not create missing parents still find it.
		b.col.Decks = append(b.col.Decks, anki.Deck{ID: b.ids.ID("deck:" + AnkiDeckRoot), Name: AnkiDeckRoot})
	}
	title := e.Topic
	if e.Deck == "" && b.lib != nil {
		if n := b.lib.Note(b.lang, e.Topic); n != nil && n.Title != "" {
			title = n.Title
		}
	}
	// "::" separates deck levels in Anki; a title holding it would nest.
	name := AnkiDeckRoot + "::" + strings.ReplaceAll(title, "::", ":")
	id := b.ids.ID("deck:" + e.Topic)
	b.deckIdx[e.Topic] = id
	b.col.Decks = append(b.col.Decks, anki.Deck{ID: id, Name: name})
	return id
}

// add turns one schedulable item into a card (scheduled later), and its
// note when new.
func (b *ankiBuilder) add(e *Entry) {
	noteKey, ord := e.Kind+":"+e.ID, 0
	if e.ClozeN != "" {
		base, _, _ := strings.Cut(e.ID, "::c")
		noteKey = e.Kind + ":" + base
		n, _ := strconv.Atoi(e.ClozeN)
		ord = max(n-1, 0)
	}
	i, ok := b.noteIdx[noteKey]
	if !ok {
		i = len(b.col.Notes)
		b.noteIdx[noteKey] = i
		b.col.Notes = append(b.col.Notes, b.note(e, noteKey))
	}
	n := &b.col.Notes[i]
	cid := b.ids.ID("card:" + e.Key())
	b.cardOf[e.Key()] = cid
	c := anki.Card{ID: cid, NoteID: n.ID, DeckID: b.deck(e), Ord: ord, Mod: n.Mod, Due: int64(len(b.col.Cards) + 1)}
	b.col.Cards = append(b.col.Cards, c)
}

// note builds the note of an entry: fields as HTML, tags, stable guid.
func (b *ankiBuilder) note(e *Entry, key string) anki.Note {
	saaID := strings.TrimPrefix(key, e.Kind+":")
	n := anki.Note{ID: b.ids.ID("note:" + key), GUID: anki.GUID(key), Mod: b.now.Unix()}
	tags := []string{"saa-study", anki.Tag(e.Topic)}
	switch {
	case e.Q != nil:
		n.ModelID = ankiQuestion.ID
		n.Fields = []string{questionFront(e.Q), questionBack(e.Q, b.lang), saaID}
		if e.Q.Domain != "" {
			tags = append(tags, "domain::"+anki.Tag(e.Q.Domain))
		}
		for _, o := range e.Q.Objectives {
			tags = append(tags, "objective::"+strconv.Itoa(o))
		}
	case e.Card != nil && e.Card.IsCloze():
		n.ModelID = ankiCloze.ID
		n.Fields = []string{anki.MarkdownToHTML(e.Card.Cloze), anki.MarkdownToHTML(e.Card.Back), saaID}
	case e.Card != nil:
		n.ModelID = ankiBasic.ID
		n.Fields = []string{anki.MarkdownToHTML(e.Card.Front), anki.MarkdownToHTML(e.Card.Back), saaID}
	default:
		n.ModelID = ankiBasic.ID
		n.Fields = []string{anki.MarkdownToHTML(e.Front), anki.MarkdownToHTML(e.Back), saaID}
	}
	if e.Card != nil {
		for _, t := range e.Card.Tags {
			tags = append(tags, anki.Tag(t))
		}
	}
	for _, t := range e.Tags {
		tags = append(tags, anki.Tag(t))
	}
	slices.Sort(tags)
	n.Tags = slices.DeleteFunc(slices.Compact(tags), func(t string) bool { return t == "" })
	return n
}

// questionFront is the stem and the lettered options.
func questionFront(q *content.Question) string {
	var b strings.Builder
	b.WriteString(anki.MarkdownToHTML(q.Stem))
	if q.Multiple() {
		fmt.Fprintf(&b, "\n<p><i>(%d)</i></p>", q.Choose)
	}
	b.WriteString("\n<ol class=\"options\" type=\"A\">\n")
	for _, o := range q.Options {
		b.WriteString("<li>" + anki.MarkdownToHTML(o.Text) + "</li>\n")
	}
	b.WriteString("</ol>")
	return b.String()
}

// questionBack is the key, then every option with its explanation.
func questionBack(q *content.Question, lang content.Lang) string {
	var b strings.Builder
	var key []string
	for _, i := range q.Correct() {
		key = append(key, letter(i))
	}
	answer := "Answer"
	if lang == content.KO {
		answer = "정답"
	}
	fmt.Fprintf(&b, "<p><b>%s: %s</b></p>\n<ol class=\"options\" type=\"A\">\n", answer, html.EscapeString(strings.Join(key, ", ")))
	for _, o := range q.Options {
		mark := "✗"
		if o.Correct {
			mark = `<span class="correct">✓</span>`
		}
		b.WriteString("<li>" + mark + " " + anki.MarkdownToHTML(o.Text) + anki.MarkdownToHTML(o.Explanation) + "</li>\n")
	}
	b.WriteString("</ol>")
	return b.String()
}

func letter(i int) string { return string(rune('A' + i)) }

// schedule sets a card's type, queue, due date and memory from our state.
func (b *ankiBuilder) schedule(c *anki.Card, it SRSItem) {
	s := it.Card
	c.Reps, c.Lapses = s.Reps, s.Lapses
	if !s.LastReview.IsZero() {
		c.Mod = s.LastReview.Unix()
	}
	crtDay := b.day.DayNumber(b.col.Created)
	dayOf := func(t time.Time) int64 { return b.day.DayNumber(t) - crtDay }
	switch s.State {
	case srs.New:
		c.Type, c.Queue = anki.TypeNew, anki.QueueNew
	case srs.Review:
		c.Type, c.Queue = anki.TypeReview, anki.QueueReview
		c.Due, c.Ivl, c.Factor = dayOf(s.Due), max(s.ScheduledDays, 1), 2500
	case srs.Learning, srs.Relearning:
		c.Type, c.Factor, c.Left = anki.TypeLearn, 0, max(b.steps-s.LearningSteps, 1)
		if s.State == srs.Relearning {
			c.Type, c.Factor, c.Left = anki.TypeRelearn, 2500, max(b.relearnSteps-s.LearningSteps, 1)
			c.Ivl = max(s.ScheduledDays, 1)
		}
		if b.day.DayNumber(s.Due) > b.day.DayNumber(b.now) {
			c.Queue, c.Due = anki.QueueDayLearn, dayOf(s.Due)
		} else {
			c.Queue, c.Due = anki.QueueLearn, s.Due.Unix()
		}
	}
	if s.State != srs.New && s.Stability > 0 {
		c.Memory = &anki.Memory{Stability: s.Stability, Difficulty: s.Difficulty,
			DesiredRetention: b.retention, LastReview: s.LastReview}
	}
	switch {
	case it.Suspended:
		c.Queue = anki.QueueSuspended
	case it.BuriedUntil.After(b.now):
		c.Queue = anki.QueueUserBuried
	}
}

// addReview turns a review of an exported item into a revlog row; they
// come oldest first. Ids are the answer times in ms, made unique.
func (b *ankiBuilder) addReview(r ReviewRecord) {
	key := r.Kind + ":" + r.ItemID
	cid, ok := b.cardOf[key]
	if !ok || !r.Rating.Valid() {
		return
	}
	id := r.ReviewedAt.UnixMilli()
	for b.usedRev[id] {
		id++
	}
	b.usedRev[id] = true
	ivl := max(r.ScheduledDays, 1)
	if r.StateAfter != srs.Review {
		// Learning steps: negative seconds until the step is due.
		ivl = -max(int(r.Due.Sub(r.ReviewedAt)/time.Second), 1)
	}
	kind := anki.ReviewLearn
	switch r.StateBefore {
	case srs.Review:
		kind = anki.ReviewReview
	case srs.Relearning:
		kind = anki.ReviewRelearn
	}
	b.col.Reviews = append(b.col.Reviews, anki.Review{
		ID: id, CardID: cid, Ease: int(r.Rating), Ivl: ivl, LastIvl: b.lastIvl[key],
		Factor: fsrsFactor(r.Difficulty), TimeMS: int(min(max(r.DurationMS, 0), 60000)), Kind: kind,
	})
	b.lastIvl[key] = ivl
}

// fsrsFactor is the revlog factor Anki writes under FSRS: the difficulty
// mapped from 1..10 to 100..1100 (0 would read as SM-2 learning).
func fsrsFactor(d float64) int {
	if d <= 0 {
		return 2500
	}
	return int(((d-1)/9 + 0.1) * 1000)
}
