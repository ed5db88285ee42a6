package ui

import (
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/styles"
)

// The shared bottom of the UI lives in ui/common, ui/styles and ui/keymap;
// these names keep the screens that have not moved to ui/pages short.
type (
	Common   = common.Common
	Screen   = common.Screen
	Capturer = common.Capturer
	Styles   = styles.Styles
	KeyMap   = keymap.KeyMap
)
