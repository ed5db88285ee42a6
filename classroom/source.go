package classroom

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/store"
)

// Quiz is what a session asks: the same questions (same ids, same order)
// in each language available.
type Quiz struct {
	ID, Title string
	Source    string // file path or topic, so a restart can load it again
	Lang      content.Lang
	Questions map[content.Lang][]*content.Question
}

// Len is the number of questions.
func (q Quiz) Len() int { return len(q.Questions[q.Lang]) }

// Question returns question i in lang, or in the quiz's own language when
// it has no translation.
func (q Quiz) Question(lang content.Lang, i int) *content.Question {
	if qs := q.Questions[lang]; i >= 0 && i < len(qs) && qs[i] != nil {
		return qs[i]
	}
	if qs := q.Questions[q.Lang]; i >= 0 && i < len(qs) {
		return qs[i]
	}
	return nil
}

// IDs lists the question ids in order.
func (q Quiz) IDs() []string {
	var out []string
	for _, x := range q.Questions[q.Lang] {
		out = append(out, x.ID)
	}
	return out
}

// LoadQuiz builds the question pool for --quiz: a teacher's quiz file when
// source names a file, otherwise every question whose topic is source, in
// both languages when the library has them.
func LoadQuiz(lib *content.Library, source string, lang content.Lang) (Quiz, error) {
	if st, err := os.Stat(source); err == nil && !st.IsDir() {
		qf, err := content.LoadQuizFile(source)
		if err != nil {
			return Quiz{}, fmt.Errorf("quiz file %s: %w", source, err)
		}
		ql := content.EN
		if len(qf.Questions) > 0 {
			ql = qf.Questions[0].Lang
		}
		return Quiz{ID: qf.ID, Title: qf.Title, Source: source, Lang: ql,
			Questions: map[content.Lang][]*content.Question{ql: qf.Questions}}, nil
	}
	if lib == nil {
		return Quiz{}, errors.New("no content library")
	}
	q := Quiz{ID: source, Title: source, Source: source, Lang: lang, Questions: map[content.Lang][]*content.Question{}}
	for _, x := range lib.Questions(lang) {
		if x.Topic == source {
			q.Questions[lang] = append(q.Questions[lang], x)
		}
	}
	if len(q.Questions[lang]) == 0 {
		return Quiz{}, &Error{Code: "ResourceNotFoundException", Message: fmt.Sprintf(
			"%q is neither a quiz file nor a topic with questions; topics: %s", source, strings.Join(Topics(lib, lang), ", "))}
	}
	if n := lib.Note(lang, source); n != nil && n.Title != "" {
		q.Title = n.Title
	}
	for _, other := range []content.Lang{content.EN, content.KO} {
		if other == lang {
			continue
		}
		for _, x := range q.Questions[lang] {
			q.Questions[other] = append(q.Questions[other], lib.Question(other, x.ID))
		}
	}
	return q, nil
}

// Topics lists the topics that have questions in lang.
func Topics(lib *content.Library, lang content.Lang) []string {
	var out []string
	for _, x := range lib.Questions(lang) {
		if !slices.Contains(out, x.Topic) {
			out = append(out, x.Topic)
		}
	}
	slices.Sort(out)
	return out
}

// Pick keeps n questions (all when n ≤ 0 or n is larger than the pool):
// a topic's questions in a seeded random order, a teacher's file in its
// own order.
func (q Quiz) Pick(n int, seed uint64, shuffle bool) Quiz {
	idx := make([]int, q.Len())
	for i := range idx {
		idx[i] = i
	}
	if shuffle {
		r := rand.New(rand.NewPCG(seed, 0x5aa5))
		r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	}
	if n > 0 && n < len(idx) {
		idx = idx[:n]
	}
	return q.keep(idx)
}

// Select keeps the questions with the given ids, in that order (to resume
// a stored session).
func (q Quiz) Select(ids []string) (Quiz, error) {
	all := q.IDs()
	idx := make([]int, 0, len(ids))
	for _, id := range ids {
		i := slices.Index(all, id)
		if i < 0 {
			return Quiz{}, &Error{Code: "ResourceNotFoundException", Message: fmt.Sprintf("question %s of the session is no longer in %s", id, q.Source)}
		}
		idx = append(idx, i)
	}
	return q.keep(idx), nil
}

func (q Quiz) keep(idx []int) Quiz {
	out := q
	out.Questions = map[content.Lang][]*content.Question{}
	for lang, qs := range q.Questions {
		for _, i := range idx {
			if i < len(qs) {
				out.Questions[lang] = append(out.Questions[lang], qs[i])
			}
		}
	}
	return out
}

// Records turns a session's stored answers into quiz export rows (see
// quiz.ExportCSV and quiz.ExportJSON): the answers in the order they were
// given, then a blank row for every question a student did not answer, so
// that a skipped question counts as wrong in their score. The questions
// that count are all of them in a self-paced session, and those the class
// reached in a teacher-paced one.
func Records(sess store.ClassSession, participants []store.ClassParticipant, answers []store.ClassAnswer) []quiz.Record {
	out := make([]quiz.Record, 0, len(answers))
	done := map[[2]string]bool{}
	for _, a := range answers {
		out = append(out, quiz.Record{Name: a.Name, Quiz: sess.QuizID, QuestionID: a.QuestionID, Chosen: a.Chosen,
			Correct: a.Correct, AnsweredAt: a.AnsweredAt, DurationMS: a.DurationMS, Shown: a.Shown,
			OptionIDs: quiz.OptionIDs(a.QuestionID, fileIndexes(a.Chosen))})
		done[[2]string{a.Name, a.QuestionID}] = true
	}
	reached := len(sess.QuestionIDs)
	switch {
	case Phase(sess.State) == Lobby:
		reached = 0
	case sess.Paced == string(TeacherPaced):
		reached = min(sess.Current+1, reached)
	}
	for _, p := range participants {
		for _, qid := range sess.QuestionIDs[:max(reached, 0)] {
			if !done[[2]string{p.Name, qid}] {
				out = append(out, quiz.Record{Name: p.Name, Quiz: sess.QuizID, QuestionID: qid, OptionIDs: []string{}})
			}
		}
	}
	return out
}

// fileIndexes reads stored file letters ("bd") back as indexes.
func fileIndexes(letters string) []int {
	var out []int
	for _, r := range letters {
		if r >= 'a' && r <= 'z' {
			out = append(out, int(r-'a'))
		}
	}
	return out
}
