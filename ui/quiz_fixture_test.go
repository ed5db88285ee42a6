package ui

import (
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/internal/fixture"
)

func quizLibrary(t testing.TB) *content.Library { return fixture.QuizLibrary(t) }

type manualClock = fixture.ManualClock

func rightLetters(p quiz.Presented) []string { return fixture.RightLetters(p) }
func wrongLetters(p quiz.Presented) []string { return fixture.WrongLetters(p) }
