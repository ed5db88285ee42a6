package content

import (
	"sync"
	"testing"
)

// The screens ask the built-in library for things from several goroutines
// at once (the home screen counts the content while the start-up builds
// its index and a reader opens a note): every part is read once and every
// caller gets the same answer. Run with -race, this also holds the lazy
// parts' locking to account.
func TestEmbeddedLibraryAnswersConcurrentCallers(t *testing.T) {
	lib := OpenEmbedded()
	const callers = 8
	type answer struct {
		notes, questions, cards, facts int
		title                          string
	}
	got := make([]answer, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lang := Lang("en")
			if i%2 == 1 {
				lang = "ko"
			}
			var a answer
			switch i % 4 {
			case 0, 1:
				ix := lib.Index(lang)
				a = answer{len(ix.Notes), len(ix.Questions), len(ix.Cards), ix.Facts, ""}
			case 2, 3:
				a = answer{len(lib.Notes(lang)), len(lib.Questions(lang)), len(lib.Cards(lang)), len(lib.Facts()), ""}
			}
			if n := lib.Note(lang, "lambda-limits"); n != nil {
				a.title = n.Title
			}
			got[i] = a
		}()
	}
	wg.Wait()
	for i := range callers {
		if got[i].title == "" || got[i].notes == 0 {
			t.Errorf("caller %d: %+v", i, got[i])
		}
		if got[i].notes != got[i%2].notes || got[i].questions != got[i%2].questions || got[i].cards != got[i%2].cards || got[i].facts != got[i%2].facts {
			t.Errorf("caller %d counted %+v, caller %d %+v", i, got[i], i%2, got[i%2])
		}
	}
}
