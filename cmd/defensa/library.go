package main

import (
	"fmt"
	"os"
	"strings"

	defensa "defensa"
	"defensa/internal/library"
	"defensa/internal/search"
)

// loadLibrary is the one place that builds the library: the built-in
// guides and, with --guides, the person's folder over them. Problems in
// the folder are returned, not fatal: the rest of the library still
// works. The folder has been checked by parse.
func loadLibrary(g *globals) (*library.Library, error) {
	lib, err := defensa.Library()
	if err != nil {
		// The embedded snapshot is checked in CI; a problem here is a bug.
		return nil, fmt.Errorf("built-in guides: %w", err)
	}
	if g.guides == "" {
		return lib, nil
	}
	local, localErr := loadFolder(g.guides)
	lib.Merge(local)
	return lib, localErr
}

// loadFolder reads the guides of a folder of the person's own.
func loadFolder(dir string) (*library.Library, error) {
	return library.Load(os.DirFS(dir), strings.TrimRight(dir, `/\`), true)
}

// searchIndex is the one place that makes the search index of a library:
// the built-in library's comes from the snapshot made at build time; a
// library with a --guides folder merged in is indexed now.
func searchIndex(lib *library.Library) *search.Index {
	if ix, err := defensa.Index(lib); err == nil {
		return ix
	}
	return search.Build(lib)
}
