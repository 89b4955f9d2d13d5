// Package tui is defensa's full-screen interface: a home screen of guides,
// a reader, search and help, routed by one root Model.
package tui

import (
	tea "charm.land/bubbletea/v2"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
)

// Options configure the interface.
type Options struct {
	Lang  i18n.Lang
	Theme render.Theme
	// FixedTheme is true when the user chose the theme (or NO_COLOR did):
	// the terminal's background colour then changes nothing.
	FixedTheme bool
	ASCII      bool
	Debug      bool
	// Load reads the library when Run is given none: the interface starts
	// while it reads, which hides most of the reading time.
	Load func() (*library.Library, error)
}

// Run shows the interface over lib (or, when lib is nil, over what
// opts.Load reads) until the person quits. It returns
// tea.ErrInterrupted after Ctrl-C from outside the program (a signal) and
// tea.ErrProgramPanic after a crash, with the terminal restored either way.
func Run(lib *library.Library, opts Options) error {
	final, err := newProgram(New(lib, opts)).Run()
	if fm, ok := final.(Model); ok && fm.quickExit {
		// Leave nothing behind on the main screen either.
		clearScreen()
	}
	return err
}

// newProgram sets up the program the way Run does; tests run it on pipes.
// Bubble Tea's own handlers stay on: a panic in Update, View or a command
// restores the terminal before Run returns tea.ErrProgramPanic, and SIGINT
// and SIGTERM end the program cleanly.
func newProgram(m tea.Model, opts ...tea.ProgramOption) *tea.Program {
	return tea.NewProgram(m, opts...)
}
