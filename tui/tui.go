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
	// LoadProblems are the problems found loading a local guides folder;
	// home shows how many, so the person knows to run check.
	LoadProblems error
	Debug        bool
	// Open starts the reader on this guide id (with optional #anchor).
	Open string
}

// Run shows the interface until the person quits. It returns
// tea.ErrInterrupted after Ctrl-C from outside the program (a signal) and
// tea.ErrProgramPanic after a crash, with the terminal restored either way.
func Run(lib *library.Library, opts Options) error {
	m := New(lib, opts)
	p := tea.NewProgram(m)
	final, err := p.Run()
	if fm, ok := final.(Model); ok && fm.quickExit {
		// Leave nothing behind on the main screen either.
		clearScreen()
	}
	return err
}
