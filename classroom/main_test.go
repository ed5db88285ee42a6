package classroom

import (
	"io"
	"os"
	"testing"

	charmlog "charm.land/log/v2"
)

// TestMain quiets wish's logger, which reports every program that a
// closing connection ends.
func TestMain(m *testing.M) {
	charmlog.SetOutput(io.Discard)
	os.Exit(m.Run())
}
