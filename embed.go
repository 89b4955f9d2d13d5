// Package defensa carries the guide library compiled into the binary.
package defensa

import (
	"embed"
	"io/fs"
)

//go:embed guides
var guides embed.FS

// Guides returns the built-in guides as a file system laid out as
// <lang>/<section>/<slug>.md.
func Guides() fs.FS {
	sub, err := fs.Sub(guides, "guides")
	if err != nil {
		panic(err) // cannot happen: "guides" is a valid, embedded path
	}
	return sub
}
