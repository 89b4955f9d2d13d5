// Command gen writes the snapshot of the built-in library that embed.go
// embeds: the guides of guides/, loaded and parsed once at build time, so
// the program never parses Markdown or YAML for them at start.
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
	out := filepath.Join("internal", "snapshot", "library.bin")
	if err := os.WriteFile(out, library.EncodeSnapshot(lib), 0o644); err != nil {
		return err
	}
	fmt.Printf("gen: %s: %d guides\n", out, lib.Len())
	return nil
}
