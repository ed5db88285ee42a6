package quiz

import (
	"slices"
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/content"
)

// PresentedOption is one option as shown: its display letter and the index
// of the option in the question file, which is what answers store.
type PresentedOption struct {
	Letter string `json:"letter"`
	Text   string `json:"text"`
	Index  int    `json:"index"`
}

// Presented is a question ready to show: options in a seeded order with
// letters a, b, c … and the "Choose TWO" label for multiple response. It
// carries no correctness flags, so it is safe to print before grading.
type Presented struct {
	Question   *content.Question `json:"-"`
	QuestionID string            `json:"question_id"`
	Lang       content.Lang      `json:"lang"`
	Stem       string            `json:"stem"`
	Choose     int               `json:"choose"`
	Label      string            `json:"label,omitempty"`
	Options    []PresentedOption `json:"options"`
	// Order[k] is the original index of the option shown at position k.
	Order []int `json:"order"`
}

// Present shuffles q's options with a permutation drawn from seed and the
// question's id (so one session seed gives each question its own order, and
// the same seed always gives the same order). A nil question gives an empty
// Presented that grades as wrong.
func Present(q *content.Question, seed uint64) Presented {
	if q == nil {
		return Presented{}
	}
	return presentWithOrder(q, newRNG(seed, "options/"+q.ID).perm(len(q.Options)))
}

// presentWithOrder builds a Presented from a known order (used on resume).
func presentWithOrder(q *content.Question, order []int) Presented {
	choose := q.Choose
	if choose < 1 {
		choose = 1
	}
	p := Presented{
		Question: q, QuestionID: q.ID, Lang: q.Lang, Stem: q.Stem,
		Choose: choose, Label: ChooseLabel(choose, q.Lang),
		Options: make([]PresentedOption, len(order)), Order: order,
	}
	for pos, orig := range order {
		p.Options[pos] = PresentedOption{Letter: Letter(pos), Text: q.Options[orig].Text, Index: orig}
	}
	return p
}

// validOrder reports whether order is a permutation of 0..n-1.
func validOrder(order []int, n int) bool {
	if len(order) != n {
		return false
	}
	seen := make([]bool, n)
	for _, o := range order {
		if o < 0 || o >= n || seen[o] {
			return false
		}
		seen[o] = true
	}
	return true
}

// Letter names position i: a, b, … z, then 27, 28 … (the content lint keeps
// real questions to a handful of options).
func Letter(i int) string {
	if i >= 0 && i < 26 {
		return string(rune('a' + i))
	}
	return strconv.Itoa(i + 1)
}

// Letters joins the letters of the given indexes, e.g. [1 3] → "bd". Used
// with original indexes it names options as they appear in the file.
func Letters(indexes []int) string {
	var b strings.Builder
	for _, i := range indexes {
		b.WriteString(Letter(i))
	}
	return b.String()
}

var countWords = []string{"", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX"}

// ChooseLabel is the instruction printed under a multiple response stem:
// "Choose TWO" in English, "2개 선택" in Korean; empty for single answer
// questions, which the real exam does not label.
func ChooseLabel(n int, lang content.Lang) string {
	if n <= 1 {
		return ""
	}
	if lang == content.KO {
		return strconv.Itoa(n) + "개 선택"
	}
	if n < len(countWords) {
		return "Choose " + countWords[n]
	}
	return "Choose " + strconv.Itoa(n)
}

// Position returns the display position of original option orig, or -1.
func (p Presented) Position(orig int) int {
	for pos, o := range p.Order {
		if o == orig {
			return pos
		}
	}
	return -1
}

// ParseLetters turns typed display letters ("b d", "b,d", "BD") into
// original indexes, for script mode and typed answers.
func (p Presented) ParseLetters(s string) ([]int, error) {
	var out []int
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == ',' || r == ';' || r == '\t':
			continue
		case r >= 'a' && int(r-'a') < len(p.Order):
			out = append(out, p.Order[r-'a'])
		default:
			return nil, validation("no option " + strconv.QuoteRune(r) + ": use letters a–" + Letter(len(p.Order)-1))
		}
	}
	return out, nil
}

// Selection is the UI's scratch state while the learner picks options. It
// works in display positions and hands back original indexes.
type Selection struct {
	p      Presented
	marked []bool
}

// NewSelection starts an empty selection for p.
func NewSelection(p Presented) *Selection {
	return &Selection{p: p, marked: make([]bool, len(p.Order))}
}

// Toggle flips the option at display position pos. On a single answer
// question it behaves like Set. Positions out of range are ignored.
func (s *Selection) Toggle(pos int) {
	if pos < 0 || pos >= len(s.marked) {
		return
	}
	if s.p.Choose <= 1 {
		s.Set(pos)
		return
	}
	s.marked[pos] = !s.marked[pos]
}

// Set marks only the option at pos, as a radio button does.
func (s *Selection) Set(pos int) {
	if pos < 0 || pos >= len(s.marked) {
		return
	}
	clear(s.marked)
	s.marked[pos] = true
}

// Clear unmarks everything.
func (s *Selection) Clear() { clear(s.marked) }

// Marked reports whether display position pos is marked.
func (s *Selection) Marked(pos int) bool {
	return pos >= 0 && pos < len(s.marked) && s.marked[pos]
}

// Count is how many options are marked.
func (s *Selection) Count() int {
	n := 0
	for _, m := range s.marked {
		if m {
			n++
		}
	}
	return n
}

// Ready reports whether exactly the required number is marked, so the UI
// can enable "submit".
func (s *Selection) Ready() bool { return s.Count() == s.p.Choose }

// Chosen returns the marked options as sorted original indexes.
func (s *Selection) Chosen() []int {
	var out []int
	for pos, m := range s.marked {
		if m {
			out = append(out, s.p.Order[pos])
		}
	}
	slices.Sort(out)
	return out
}
