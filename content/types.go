// Package content loads, checks and serves everything saa-study teaches:
// facts, notes, scenario questions and flashcards, in English and Korean.
//
// Content is Markdown with YAML front matter (see docs/content-format.md).
// Load reads a folder or the embedded files, inserts facts, and returns an
// immutable Library, or every problem it found as file:line messages.
package content

// Lang is a content language.
type Lang string

// The languages every piece of embedded content exists in.
const (
	EN Lang = "en"
	KO Lang = "ko"
)

// Langs lists the supported languages in display order.
var Langs = []Lang{EN, KO}

// ParseLang returns the language named by s ("en", "ko", "ko_KR.UTF-8" …),
// or ok=false when it is neither.
func ParseLang(s string) (Lang, bool) {
	switch {
	case len(s) >= 2 && (s[:2] == "ko" || s[:2] == "KO"):
		return KO, true
	case len(s) >= 2 && (s[:2] == "en" || s[:2] == "EN"):
		return EN, true
	}
	return "", false
}

// Domains of the SAA-C03 exam, with their weights in percent of scored content.
var Domains = []string{"secure", "resilient", "performant", "cost"}

// DomainWeight is each domain's share of the real exam, in percent.
var DomainWeight = map[string]int{"secure": 30, "resilient": 26, "performant": 24, "cost": 20}

// Fact is one number (or short value) the material teaches, with its source.
type Fact struct {
	ID       string  `json:"id"`
	Value    string  `json:"value"`
	Number   float64 `json:"-"`
	IsNumber bool    `json:"-"`
	// ValueKo is the Korean wording of a text value ("삭제할 때까지").
	ValueKo   string `json:"value_ko,omitempty"`
	Unit      string `json:"unit"`
	UnitKo    string `json:"unit_ko,omitempty"`
	Meaning   string `json:"meaning"`
	MeaningKo string `json:"meaning_ko,omitempty"`
	Source    string `json:"source"`
	Checked   string `json:"checked"`
	Line      int    `json:"-"`
}

// Note is one topic's study text in one language.
type Note struct {
	ID       string
	Lang     Lang
	Title    string
	Order    int
	Related  []string
	Sections []Section
	// Body is the Markdown with facts inserted and heading ids removed,
	// ready for a renderer.
	Body string
	File string
	// Facts are the ids of the facts the note inserts, in the order of
	// their first use: the references a reader lists.
	Facts []string
	// unreadable marks a note whose front matter is not closed: it has no
	// body, and what refers to it is not checked.
	unreadable bool
	// relatedLines are the file lines of Related's ids; idless the lines
	// of "##" headings without an id.
	relatedLines []int
	idless       []int
}

// Section is a heading of a note with a stable id.
type Section struct {
	ID    string
	Title string
	Level int
	Line  int // line in the file
	// BodyLine is the 0-based line of the heading in Note.Body.
	BodyLine int
}

// Section returns the section with the given id, or nil.
func (n *Note) Section(id string) *Section {
	for i := range n.Sections {
		if n.Sections[i].ID == id {
			return &n.Sections[i]
		}
	}
	return nil
}

// Question is one exam-style scenario question.
type Question struct {
	ID         string
	Lang       Lang
	Topic      string // a note id, or the quiz id for a teacher's quiz
	Domain     string
	Difficulty int
	Choose     int // how many options are correct
	Section    string
	Facts      []string
	Objectives []int
	Stem       string // Markdown, facts inserted
	Options    []Option
	File       string
	Line       int
	// factsLine and sectionLine are the lines of the facts: and section:
	// keys, for problems; bad marks the fields that have a problem of
	// their own, which a translation is then not compared on.
	factsLine, sectionLine int
	bad                    badFields
}

// badFields are the parts of a question or card that have a problem.
type badFields uint8

const (
	badDomain badFields = 1 << iota
	badShape            // choose, options or their marks
	badSection
)

// Option is one answer choice with its explanation.
type Option struct {
	Text        string
	Explanation string
	Correct     bool
	Line        int
}

// Multiple reports whether the question asks for more than one option.
func (q *Question) Multiple() bool { return q.Choose > 1 }

// Correct returns the indexes of the correct options in file order.
func (q *Question) Correct() []int {
	var out []int
	for i, o := range q.Options {
		if o.Correct {
			out = append(out, i)
		}
	}
	return out
}

// Card is a flashcard: a question and answer, or a cloze text.
type Card struct {
	ID      string
	Lang    Lang
	Topic   string
	Section string
	Tags    []string
	Front   string // Q/A cards: the question
	Back    string // Q/A cards: the answer
	Cloze   string // cloze cards: the text with {{cN::...}} marks
	File    string
	Line    int
	// sectionLine is the line of the section: key; bad as for Question.
	sectionLine int
	bad         badFields
}

// IsCloze reports whether the card is a cloze card.
func (c *Card) IsCloze() bool { return c.Cloze != "" }

// Quiz is a teacher's quiz file: a title and its questions.
type Quiz struct {
	ID        string
	Title     string
	Questions []*Question
	File      string
}
