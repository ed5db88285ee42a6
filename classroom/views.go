package classroom

import (
	"cmp"
	"slices"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/store"
)

// BoardRow is one line of the leaderboard.
type BoardRow struct {
	Rank    int    `json:"rank"`
	Name    string `json:"name"`
	Score   int    `json:"score"`
	Correct int    `json:"correct"`
}

// StudentView is everything one student may see: their own answers, the
// question in their language, and the class's answer distribution only
// once the teacher reveals it.
type StudentView struct {
	Paced     Paced
	Phase     Phase
	Paused    bool
	Name      string
	Total     int
	Index     int // question to show, -1 for none
	Presented quiz.Presented
	Answer    *store.ClassAnswer // their answer to Index
	Reveal    bool               // show the right answer and explanations
	// Distribution counts answers per display position; nil until the
	// teacher reveals the question (teacher-paced only).
	Distribution []int
	Remaining    time.Duration
	HasTimer     bool
	Done         bool // self-paced: every question answered, or time up
	Score        int
	Correct      int
	Answered     int
	Rank         int
	Board        []BoardRow // shown between questions and at the end
}

// StudentView snapshots the room for one student.
func (r *Room) StudentView(name string) StudentView {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.clk.Now()
	v := StudentView{Paced: Paced(r.sess.Paced), Phase: Phase(r.sess.State), Paused: r.sess.Paused,
		Name: name, Total: r.quiz.Len(), Index: -1}
	s := r.students[name]
	if s == nil {
		return v
	}
	hide := r.hiddenPos()
	v.Score, v.Correct, _ = s.shown(hide)
	v.Answered = len(s.answers)
	// The board is sorted only for the screens that show it: every
	// student's screen asks for a view on each redraw.
	var board []BoardRow
	if v.Phase == Board || v.Phase == Ended {
		board = r.board(hide)
		for _, b := range board {
			if b.Name == name {
				v.Rank = b.Rank
			}
		}
	}
	switch {
	case v.Paced == TeacherPaced && v.Phase != Lobby && v.Phase != Ended:
		v.Index = r.sess.Current
		v.Remaining, v.HasTimer = r.remaining(now)
		v.Reveal = v.Phase == Revealed || v.Phase == Board
		if v.Reveal {
			v.Distribution = r.distribution(v.Index)
		}
		if v.Phase == Board {
			v.Board = board
		}
	case v.Paced == SelfPaced && v.Phase == Open:
		v.Remaining, v.HasTimer = r.studentRemaining(s, now)
		switch {
		case len(s.answers) >= v.Total || (v.HasTimer && v.Remaining <= 0):
			v.Done = true
		default:
			v.Index = len(s.answers)
		}
	case v.Phase == Ended:
		v.Done = true
		v.Board = board
	}
	if v.Index >= 0 {
		v.Presented = r.Presented(s.lang, v.Index)
		if a := s.answer(v.Index); a != nil {
			c := *a
			v.Answer = &c
		}
	}
	return v
}

// FinalView is a student's result and the board when the class closes,
// the question still open included (nothing is left to hide).
func (r *Room) FinalView(name string) StudentView {
	r.mu.Lock()
	defer r.mu.Unlock()
	v := StudentView{Paced: Paced(r.sess.Paced), Phase: Phase(r.sess.State), Name: name, Total: r.quiz.Len(),
		Index: -1, Done: true, Board: r.board(-1)}
	if s := r.students[name]; s != nil {
		v.Score, v.Correct, v.Answered = s.score, s.correct, len(s.answers)
	}
	for _, b := range v.Board {
		if b.Name == name {
			v.Rank = b.Rank
		}
	}
	return v
}

// LastAnswerView is the feedback for a self-paced student's answer at pos:
// their question, in their language, with the right answer.
func (r *Room) LastAnswerView(name string, pos int) (quiz.Presented, *store.ClassAnswer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.students[name]
	if s == nil {
		return quiz.Presented{}, nil
	}
	p := r.Presented(s.lang, pos)
	if a := s.answer(pos); a != nil {
		c := *a
		return p, &c
	}
	return p, nil
}

// distribution counts answers to question i per display position; r.mu held.
func (r *Room) distribution(i int) []int {
	p := r.Presented(r.quiz.Lang, i)
	out := make([]int, len(p.Order))
	for _, s := range r.students {
		a := s.answer(i)
		if a == nil {
			continue
		}
		for _, c := range a.Chosen {
			orig := int(c - 'a')
			if pos := p.Position(orig); pos >= 0 {
				out[pos]++
			}
		}
	}
	return out
}

// hiddenPos is the question whose results nobody may see yet: the
// current question of a teacher-paced quiz until the teacher reveals it
// (-1 when there is none). Its points stay out of every score shown, so a
// score that moves cannot give away whether an answer was right; r.mu held.
func (r *Room) hiddenPos() int {
	ph := Phase(r.sess.State)
	if r.sess.Paced == string(TeacherPaced) && (ph == Open || ph == Closed) {
		return r.sess.Current
	}
	return -1
}

// revealed reports whether question i's key and distribution may be
// shown to the room: a teacher-paced question once revealed, and any
// question once the session has ended; r.mu held.
func (r *Room) revealed(i int) bool {
	ph := Phase(r.sess.State)
	if ph == Ended {
		return true
	}
	if r.sess.Paced != string(TeacherPaced) {
		return false
	}
	return i < r.sess.Current || i == r.sess.Current && (ph == Revealed || ph == Board)
}

// shown is the student's score, right answers and time, leaving out the
// answer to question hide.
func (s *student) shown(hide int) (score, correct int, took int64) {
	score, correct, took = s.score, s.correct, s.took
	if a := s.answer(hide); hide >= 0 && a != nil {
		score -= a.Points
		took -= a.DurationMS
		if a.Correct {
			correct--
		}
	}
	return score, correct, took
}

// board ranks every student by score, then correct answers, then time
// taken, then name, leaving out the answers to question hide; r.mu held.
func (r *Room) board(hide int) []BoardRow {
	type row struct {
		name           string
		score, correct int
		took           int64
	}
	ss := make([]row, 0, len(r.students))
	for _, name := range r.order {
		score, correct, took := r.students[name].shown(hide)
		ss = append(ss, row{name, score, correct, took})
	}
	slices.SortStableFunc(ss, func(a, b row) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.correct, a.correct); c != 0 {
			return c
		}
		if c := cmp.Compare(a.took, b.took); c != 0 {
			return c
		}
		return cmp.Compare(a.name, b.name)
	})
	out := make([]BoardRow, len(ss))
	for i, s := range ss {
		rank := i + 1
		if i > 0 && s.score == ss[i-1].score && s.correct == ss[i-1].correct {
			rank = out[i-1].Rank
		}
		out[i] = BoardRow{Rank: rank, Name: s.name, Score: s.score, Correct: s.correct}
	}
	return out
}

// StudentRow is one student on the dashboard.
type StudentRow struct {
	Name      string
	Connected bool
	Answered  int
	Correct   int
	Score     int
	OnCurrent bool // has answered the question shown
	Done      bool
}

// TeacherView is the dashboard's snapshot. The dashboard is projected for
// the room, so until a question is revealed it carries no distribution
// and no score that counts the question (see Room.hiddenPos); Question
// still holds the key, which the dashboard draws only when Reveal is set.
type TeacherView struct {
	Session      store.ClassSession
	Phase        Phase
	Title        string
	Total        int
	Students     []StudentRow
	Connected    int
	Index        int // question shown (teacher-paced: current; self-paced: chosen by the teacher)
	Question     *content.Question
	Presented    quiz.Presented
	Reveal       bool  // the key and the distribution of Index may be shown
	Distribution []int // answers per display position; nil until Reveal
	Answers      int   // answers to Index
	Remaining    time.Duration
	HasTimer     bool
	Board        []BoardRow
}

// TeacherView snapshots the room for the dashboard. index picks the
// question to break down in a self-paced quiz (ignored when teacher-paced
// and a question is current).
func (r *Room) TeacherView(index int) TeacherView {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.clk.Now()
	v := TeacherView{Session: r.sess, Phase: Phase(r.sess.State), Title: r.quiz.Title, Total: r.quiz.Len(), Index: index}
	v.Session.QuestionIDs = slices.Clone(r.sess.QuestionIDs)
	if v.Session.Paced == string(TeacherPaced) && r.sess.Current >= 0 {
		v.Index = r.sess.Current
		if v.Phase == Open {
			v.Remaining, v.HasTimer = r.remaining(now)
		}
	}
	v.Index = min(max(v.Index, 0), v.Total-1)
	hide := r.hiddenPos()
	for _, name := range r.order {
		s := r.students[name]
		score, correct, _ := s.shown(hide)
		row := StudentRow{Name: name, Connected: s.conns > 0, Answered: len(s.answers), Correct: correct, Score: score,
			OnCurrent: s.answer(v.Index) != nil, Done: len(s.answers) >= v.Total}
		if row.Connected {
			v.Connected++
		}
		v.Students = append(v.Students, row)
	}
	v.Question = r.quiz.Question(r.quiz.Lang, v.Index)
	v.Presented = r.Presented(r.quiz.Lang, v.Index)
	if v.Reveal = r.revealed(v.Index); v.Reveal {
		v.Distribution = r.distribution(v.Index)
	}
	for _, s := range r.students {
		if s.answer(v.Index) != nil {
			v.Answers++
		}
	}
	v.Board = r.board(hide)
	return v
}
