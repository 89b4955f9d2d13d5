// Package tui is defensa's full-screen interface: a home screen that
// searches as the person types, a reader, and help, routed by one root
// Model.
package tui

import (
	"io"
	"os"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/search"
)

// Options configure the interface.
type Options struct {
	Lang  i18n.Lang
	Theme render.Theme
	// FixedTheme is true when the person chose the theme (or NO_COLOR
	// did): the terminal's background colour then changes nothing.
	FixedTheme bool
	ASCII      bool // draw with ASCII only: the Linux console, --ascii
	Mouse      bool // wheel scrolling; off, the mouse selects text
	// NoClipboard is true on terminals that cannot take OSC 52: copying
	// then says so and shows the command that prints the text instead.
	NoClipboard bool
	// Guides is the --guides folder as the person typed it, for the
	// commands the interface shows ("defensa read ... --guides DIR").
	Guides string
	// Load returns the library. It runs off the main loop, after the
	// first frame: instant for the built-in library, slower for a folder.
	Load func() (*library.Library, error)
	// Index returns the search index of the library (built, or loaded
	// from the snapshot), off the main loop too.
	Index func(*library.Library) *search.Index
	// Settle is how long the window must keep one size before a guide
	// is laid out again, so dragging an edge lays it out once; 0 lays out
	// at every size.
	Settle time.Duration
	// Debugf writes to the debug log; nil when there is none. Nothing
	// that names a guide or a file is written to it.
	Debugf func(format string, args ...any)
}

// SignalError is returned by Run when a signal ended the interface; the
// terminal is restored. Code is the exit status a shell expects.
type SignalError struct{ Signal syscall.Signal }

func (e *SignalError) Error() string { return "ended by signal " + e.Signal.String() }

// Code returns 128 plus the signal's number.
func (e *SignalError) Code() int { return 128 + int(e.Signal) }

// Run shows the interface until the person quits. The first frame is drawn
// before the library is loaded; keys typed meanwhile are applied once it
// is. Run returns tea.ErrInterrupted after Ctrl+C, a *SignalError after
// SIGHUP, SIGQUIT or SIGTERM, and tea.ErrProgramPanic after a crash, with
// the terminal restored in every case.
func Run(opts Options) error {
	g := newGuard(os.Stdout)
	if state, err := term.GetState(os.Stdin.Fd()); err == nil {
		g.restore = func() { _ = term.Restore(os.Stdin.Fd(), state) }
	}
	in := &watchedInput{File: os.Stdin, g: g}
	p := newProgram(guarded{New(opts), g}, tea.WithoutSignalHandler(), tea.WithInput(in))
	stop := watchSignals(p, g)
	final, err := p.Run()
	g.ended()
	stop()
	m, _ := final.(guarded)
	return finish(m.Model, err, os.Stdout)
}

// finish is what Run does after the program ended.
func finish(m Model, err error, out io.Writer) error {
	if m.exit == exitQuick {
		// Leave nothing behind on the main screen or in the scrollback.
		_, _ = io.WriteString(out, "\x1b[H\x1b[2J\x1b[3J")
	}
	if m.signal != 0 {
		return &SignalError{Signal: m.signal}
	}
	return err
}

// newProgram sets up the program the way Run does; tests run it on pipes.
func newProgram(m tea.Model, opts ...tea.ProgramOption) *tea.Program {
	return tea.NewProgram(m, opts...)
}
