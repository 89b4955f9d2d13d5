// Command defensa is an offline deportation-defense guide for the terminal.
//
// With no command it opens the full-screen reader; its commands (list,
// read, search, check, version) serve scripts, pipes and screen readers.
package main

import (
	"os"

	"github.com/charmbracelet/x/term"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	env := &Env{
		Stdin:            os.Stdin,
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		Getenv:           os.Getenv,
		Environ:          os.Environ(),
		StdoutIsTerminal: term.IsTerminal(os.Stdout.Fd()),
		StdinIsTerminal:  term.IsTerminal(os.Stdin.Fd()),
		TerminalWidth: func() int {
			w, _, err := term.GetSize(os.Stdout.Fd())
			if err != nil {
				return 0
			}
			return w
		},
	}
	os.Exit(run(os.Args[1:], env))
}
