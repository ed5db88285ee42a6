//go:build deps

package main

// Built with -tags deps, the floor also links the libraries saa-study's
// other features need (the progress file, the classroom, the DynamoDB
// endpoint, Anki packages), so their start-up cost shows apart from the
// interface's and from saa-study's own code.
import (
	_ "charm.land/wish/v2"
	_ "github.com/klauspost/compress/zstd"
	_ "github.com/valyala/fasthttp"
	_ "google.golang.org/protobuf/encoding/protowire"
	_ "modernc.org/sqlite"
)
