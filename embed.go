// Package defensa carries the guide library compiled into the binary.
//
// The guides of guides/ are not embedded as Markdown: they are loaded,
// parsed and indexed at build time (go generate), and the results are
// embedded, so the program reaches its first screen without parsing or
// indexing anything (internal/snapshot).
package defensa

import (
	_ "embed" // the snapshots

	"defensa/internal/library"
	"defensa/internal/search"
)

//go:generate go run ./internal/snapshot/gen

//go:embed internal/snapshot/library.bin
var librarySnapshot string

//go:embed internal/snapshot/index.bin
var indexSnapshot string

// Library returns the built-in guides, decoded from the snapshot made at
// build time: every entry at once, each guide's content when it is first
// asked for.
func Library() (*library.Library, error) { return library.DecodeSnapshot(librarySnapshot) }

// Index returns the search index of lib when lib is the built-in library,
// loaded from the snapshot made at build time; for any other library (a
// --guides folder merged in) it returns search.ErrMismatch, and the caller
// builds one.
func Index(lib *library.Library) (*search.Index, error) { return search.Load(indexSnapshot, lib) }
