// Package say is how a simulator engine writes a sentence once and has it
// read in English and in Korean.
//
// The English format string is the message key, as gettext does: an engine
// formats with Sprintf(format, args...) exactly as it would with fmt, and
// gets the English sentence and the Korean one. Each engine registers the
// Korean of its formats with Korean (usually in its ko.go). The catalogue
// and the formatting are golang.org/x/text/message's, which also lets a
// Korean format put the arguments in another order (%[2]d) and writes
// whole numbers with thousands separators.
package say

import (
	"fmt"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

var (
	// mu guards the catalogue: the Korean formats are given at init
	// (Korean) and compiled into it the first time a sentence is written
	// (ready), so a start that writes none, as most commands, skips it.
	mu      sync.Mutex
	pending []func() map[string]string
	cat     = catalog.NewBuilder(catalog.Fallback(language.English))
	ko      = message.NewPrinter(language.Korean, message.Catalog(cat))
	// known holds the English formats that have a Korean one.
	known = map[string]bool{}
)

// Korean registers Korean formats, each under the English format it
// translates. It is meant for init functions; the table is made, and its
// formats compiled, when a sentence is first written.
func Korean(formats func() map[string]string) {
	mu.Lock()
	defer mu.Unlock()
	pending = append(pending, formats)
}

// ready compiles the formats registered so far into the catalogue.
func ready() {
	mu.Lock()
	defer mu.Unlock()
	for _, formats := range pending {
		for en, k := range formats() {
			if err := cat.SetString(language.Korean, en, k); err != nil {
				panic(fmt.Sprintf("say: Korean %q: %v", en, err))
			}
			known[en] = true
		}
	}
	pending = nil
}

// Has reports whether format has a Korean translation.
func Has(format string) bool {
	ready()
	return known[format]
}

// Text is one sentence in both languages.
type Text struct {
	En, Ko string
}

// Sprintf formats the English sentence as fmt.Sprintf does, and the Korean
// one from the Korean format registered for it. Without one the Korean is
// the English, so a missing translation shows (and fails the Korean tests)
// rather than vanishing.
func Sprintf(format string, args ...any) Text {
	t := Text{En: fmt.Sprintf(format, args...)}
	if Has(format) {
		t.Ko = ko.Sprintf(format, args...)
	} else {
		t.Ko = t.En
	}
	return t
}

// In is the sentence in lang ("en" or "ko").
func (t Text) In(lang string) string {
	if lang == "ko" && t.Ko != "" {
		return t.Ko
	}
	return t.En
}

// Pick returns ko in Korean (when it is set) and en otherwise: for results
// that keep the two renderings in two fields.
func Pick(lang, en, ko string) string {
	if lang == "ko" && ko != "" {
		return ko
	}
	return en
}

// Add is t followed by u, in each language.
func (t Text) Add(u Text) Text { return Text{En: t.En + u.En, Ko: t.Ko + u.Ko} }
