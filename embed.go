// Package defensa carries the guide library compiled into the binary.
package defensa

import (
	"embed"
	"io/fs"

	"defensa/internal/library"
)

//go:generate go run ./internal/snapshot/gen

// librarySnapshot is guides/ loaded at build time (internal/snapshot).
//
//go:embed internal/snapshot/library.bin
var librarySnapshot string

//go:embed guides
var guides embed.FS

// Library returns the built-in guides, decoded from the snapshot made at
// build time: no Markdown or YAML is parsed at start.
func Library() (*library.Library, error) { return library.DecodeSnapshot(librarySnapshot) }

// Guides returns the built-in guides as a file system laid out as
// <lang>/<section>/<slug>.md.
func Guides() fs.FS {
	sub, err := fs.Sub(guides, "guides")
	if err != nil {
		panic(err) // cannot happen: "guides" is a valid, embedded path
	}
	return sub
}
