// Command defensa is an offline deportation-defense guide for the terminal.
//
// With no command it opens the full-screen reader; its commands (list,
// read, search, check, and the rest of the command table) serve scripts,
// pipes and screen readers.
package main

import (
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

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
		TerminalSize: func() (int, int) {
			w, h, err := term.GetSize(os.Stdout.Fd())
			if err != nil {
				return 0, 0
			}
			return w, h
		},
		Signals: func() (<-chan os.Signal, func()) {
			ch := make(chan os.Signal, 1)
			signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
			return ch, func() { signal.Stop(ch) }
		},
		Exit: os.Exit,
		OneShot: func() {
			// No collection while the heap stays small; past the limit (a
			// large export) the collector works as usual.
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(64 << 20)
		},
	}
	os.Exit(run(os.Args[1:], env))
}
