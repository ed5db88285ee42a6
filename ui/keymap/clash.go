package keymap

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
)

// Clashes lists the keys that two enabled bindings with different
// meanings share within bs, the bindings active at the same time: "u: ½
// page up / unsure". One binding listed twice, or two that name the same
// meaning differently (←/h and ←/→ for "change"), is no clash.
func Clashes(bs []key.Binding) []string {
	type use struct{ key, desc string }
	owner := map[string]use{}
	var out []string
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		for _, k := range b.Keys() {
			if prev, ok := owner[k]; ok && prev.desc != h.Desc {
				c := fmt.Sprintf("%s: %s / %s", k, prev.desc, h.Desc)
				if !slices.Contains(out, c) {
					out = append(out, c)
				}
				continue
			}
			owner[k] = use{h.Key, h.Desc}
		}
	}
	return out
}
