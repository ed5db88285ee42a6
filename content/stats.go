package content

// Stats counts the content, for `saa-study content stats --json`.
type Stats struct {
	Notes     map[string]int `json:"notes"`
	Sections  int            `json:"sections"`
	Facts     int            `json:"facts"`
	Questions QuestionStats  `json:"questions"`
	Cards     CardStats      `json:"cards"`
}

// QuestionStats counts the English questions by topic and domain, and each
// language's total.
type QuestionStats struct {
	Total       int            `json:"total"`
	Multiple    int            `json:"multiple"`
	ByTopic     map[string]int `json:"by_topic"`
	ByDomain    map[string]int `json:"by_domain"`
	ByLanguage  map[string]int `json:"by_language"`
	ByObjective map[int]int    `json:"by_objective"`
}

// CardStats counts the flashcards.
type CardStats struct {
	Total      int            `json:"total"`
	Cloze      int            `json:"cloze"`
	ByTopic    map[string]int `json:"by_topic"`
	ByLanguage map[string]int `json:"by_language"`
}

// Count returns the content statistics. Totals count the items of the
// first language the content has (English, unless it is Korean only: every
// item exists in each of its languages); by_language counts each.
func Count(l *Library) Stats {
	s := Stats{
		Notes: map[string]int{}, Facts: len(l.Facts()),
		Questions: QuestionStats{ByTopic: map[string]int{}, ByDomain: map[string]int{}, ByLanguage: map[string]int{}, ByObjective: map[int]int{}},
		Cards:     CardStats{ByTopic: map[string]int{}, ByLanguage: map[string]int{}},
	}
	for _, d := range Domains {
		s.Questions.ByDomain[d] = 0
	}
	for _, lang := range Langs {
		s.Notes[string(lang)] = len(l.notesOf(lang))
		s.Questions.ByLanguage[string(lang)] = len(l.questionsOf(lang))
		s.Cards.ByLanguage[string(lang)] = len(l.cardsOf(lang))
	}
	for _, n := range l.Notes(EN) {
		s.Sections += len(n.Sections)
	}
	for _, q := range l.Questions(EN) {
		s.Questions.Total++
		if q.Multiple() {
			s.Questions.Multiple++
		}
		s.Questions.ByTopic[q.Topic]++
		s.Questions.ByDomain[q.Domain]++
		for _, o := range q.Objectives {
			s.Questions.ByObjective[o]++
		}
	}
	for _, c := range l.Cards(EN) {
		s.Cards.Total++
		if c.IsCloze() {
			s.Cards.Cloze++
		}
		s.Cards.ByTopic[c.Topic]++
	}
	return s
}
