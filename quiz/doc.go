// Package quiz is the pure core behind every question the learner answers:
// it presents a question with its options in a seeded order, grades single
// and multiple response answers, maps an answer to a scheduler rating, runs
// practice sessions and timed mock exams, and exports answers for a teacher.
//
// Nothing here reads a clock or a random source of its own: times are passed
// in explicitly and every shuffle comes from a caller's seed, so a session
// can be replayed and tested exactly. Answers are always stored as the
// original (file order) indexes of the options, which stay stable when the
// options are shown in a different order or their wording is edited.
package quiz
