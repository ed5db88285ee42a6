package progress

import (
	"context"
	"time"
)

// NotePositions returns the reading position of every note of lang.
func (p *Progress) NotePositions(ctx context.Context, lang string) (map[string]NotePosition, error) {
	if !p.HasStore() {
		return nil, nil
	}
	return p.st.NotePositions(orBackground(ctx), lang)
}

// NotePosition returns where the learner left one note.
func (p *Progress) NotePosition(ctx context.Context, lang, noteID string) (NotePosition, error) {
	if !p.HasStore() {
		return NotePosition{}, nil
	}
	return p.st.NotePosition(orBackground(ctx), lang, noteID)
}

// SaveNotePosition records the place in a note and how much was read.
func (p *Progress) SaveNotePosition(ctx context.Context, lang, noteID string, line, readPct int) error {
	if !p.HasStore() {
		return nil
	}
	return p.st.SaveNotePosition(orBackground(ctx), lang, noteID, line, readPct)
}

// Setting returns a saved setting.
func (p *Progress) Setting(ctx context.Context, key string) (string, bool, error) {
	if !p.HasStore() {
		return "", false, nil
	}
	return p.st.Setting(orBackground(ctx), key)
}

// SetSetting saves a setting (nothing without a store).
func (p *Progress) SetSetting(ctx context.Context, key, value string) error {
	if !p.HasStore() {
		return nil
	}
	return p.st.SetSetting(orBackground(ctx), key, value)
}

// ReportQuestion stores a learner's report of a wrong or unclear question.
func (p *Progress) ReportQuestion(ctx context.Context, r QuestionReport) (int64, error) {
	if !p.HasStore() {
		return 0, nil
	}
	return p.st.ReportQuestion(orBackground(ctx), r)
}

// DueQuestions returns the ids of the questions the scheduler has due at
// now, for practice's "due first".
func (p *Progress) DueQuestions(ctx context.Context, now time.Time) ([]string, error) {
	if !p.HasStore() {
		return nil, nil
	}
	items, err := p.st.SRSDue(orBackground(ctx), now, now, 1000, 0)
	var ids []string
	for _, it := range items {
		if it.Kind == KindQuestion {
			ids = append(ids, it.ItemID)
		}
	}
	return ids, err
}
