package classroom

import (
	"io"
	"os"
	"testing"

	charmlog "charm.land/log/v2"
)

// TestMain quiets wish's logger, which reports every program that a
// closing connection ends. With loadServerEnv set the binary is the load
// test's server instead.
func TestMain(m *testing.M) {
	charmlog.SetOutput(io.Discard)
	if db := os.Getenv(loadServerEnv); db != "" {
		os.Exit(loadServer(db))
	}
	os.Exit(m.Run())
}
