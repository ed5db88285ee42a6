package ui

import (
	"reflect"

	tea "charm.land/bubbletea/v2"
)

// sequenceCmds unpacks tea.Sequence's message (a slice of commands with an
// unexported type) so that tests can run it.
func sequenceCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}
