// Package anki reads and writes Anki packages (.apkg): a zip holding
// Anki's SQLite collection and a media map.
//
// The types in model.go mirror the rows of the legacy collection (schema
// 11, the one collection.anki2 and collection.anki21 hold) without tying
// callers to SQL: a Collection has note types (Model), decks, notes,
// cards and the review log. WritePackage turns one into a package that
// Anki 2.1.50+ and AnkiDroid import; MarkdownToHTML turns our Markdown
// into the HTML Anki fields hold.
//
// The package is pure format code: it knows nothing of saa-study's store
// or scheduler. progress.ExportAnki maps a learner's progress onto it.
package anki
