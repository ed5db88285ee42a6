package text

import (
	"fmt"
	"strings"

	"github.com/saa-study/saa-study/content"
)

// N is the interface text for key in lang with the count n put in: the
// key's ".one" form when n is 1 and the language has one, the key itself
// otherwise. English has ".one" forms; Korean counts with the same form for
// every number, so its ".one" text is left empty. A ".one" form may leave
// the number out ("your answer is kept"); further verbs are filled from
// args.
func N(lang content.Lang, key string, n int, args ...any) string {
	form := T(lang, key)
	if one := T(lang, key+".one"); n == 1 && one != "" && one != key+".one" {
		form = one
		if !strings.Contains(form, "%") {
			return form
		}
	}
	return fmt.Sprintf(form, append([]any{n}, args...)...)
}
