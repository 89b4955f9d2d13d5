// Command gen writes the snapshots of the built-in library and of its
// search index that embed.go embeds: the guides of guides/, loaded and
// parsed once at build time and indexed, so the program never parses
// Markdown or YAML for them, nor builds their index, at start.
//
// Run it from the repository root with `go generate .`; a test fails,
// naming that command, when the snapshot no longer matches guides/.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/search"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	lib, err := library.Load(os.DirFS("guides"), "guides", false)
	failed := false
	for _, p := range library.Problems(err) {
		fmt.Fprintln(os.Stderr, p.Message(i18n.For(i18n.English)))
		failed = failed || !p.Warning
	}
	if failed {
		return fmt.Errorf("the built-in guides have problems: fix them first (defensa check guides)")
	}
	data := library.EncodeSnapshot(lib)
	out := filepath.Join("internal", "snapshot", "library.bin")
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Printf("gen: %s: %d guides\n", out, lib.Len())
	// The index is built over the library as the program will decode it,
	// so what it points at is exactly what the program has.
	decoded, err := library.DecodeSnapshot(string(data))
	if err != nil {
		return err
	}
	index := search.Encode(search.Build(decoded))
	// Stored as it is: search.Load reads it in place in about a
	// millisecond (compressed, it took six to unpack).
	out = filepath.Join("internal", "snapshot", "index.bin")
	if err := os.WriteFile(out, index, 0o644); err != nil {
		return err
	}
	fmt.Printf("gen: %s: %d bytes\n", out, len(index))
	return nil
}
