package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/tui"
)

// resizeSettle is how long a window must keep its size before the open
// guide is laid out again.
const resizeSettle = 80 * time.Millisecond

// runTUI opens the full-screen interface. The command table has parsed
// its flags and settled the globals (g.cat, g.ascii, g.mouse, a --guides
// folder that exists, the language the machine speaks); args is always
// empty.
func runTUI(g *globals, args []string, env *Env) error {
	cat := g.cat
	if !env.StdoutIsTerminal || !env.StdinIsTerminal {
		return usageError{cat.T("cli.not_a_terminal")}
	}
	lang := cat.Lang()
	// Read the library while the terminal is being set up; the first
	// frame does not wait for it.
	type loaded struct {
		lib *library.Library
		err error
	}
	ready := make(chan loaded, 1)
	go func() {
		lib, err := loadLibrary(g)
		ready <- loaded{lib, err}
	}()
	opts := tui.Options{
		Lang:        lang,
		ASCII:       g.ascii || asciiTerminal(env),
		Mouse:       g.mouse,
		NoClipboard: !clipboardWorks(env),
		Guides:      g.guides,
		Settle:      resizeSettle,
		Load: func() (*library.Library, error) {
			r := <-ready
			return r.lib, r.err
		},
		Index: searchIndex,
	}
	switch t, ok := render.ParseTheme(g.theme); {
	case env.Getenv("NO_COLOR") != "":
		opts.Theme, opts.FixedTheme = render.Plain, true
	case ok:
		opts.Theme, opts.FixedTheme = t, true
	default:
		opts.Theme = render.Dark // until the terminal says its background is light
	}
	// Bubble Tea writes trace and panic files when these are set; defensa
	// writes nothing unless --debug names a file.
	os.Unsetenv("TEA_TRACE")
	os.Unsetenv("TEA_DEBUG")
	var debugLog *os.File
	if g.debug != "" {
		f, err := tea.LogToFile(g.debug, "defensa")
		if err != nil {
			return err
		}
		defer f.Close()
		debugLog = f
		opts.Debugf = log.Printf
	}
	var trace []byte
	err := withStderrCaptured(&trace, func() error { return tui.Run(opts) })
	var sig *tui.SignalError
	switch {
	case errors.As(err, &sig):
		// The terminal is restored; the exit status says which signal.
		return signalled{sig.Signal}
	case errors.Is(err, tea.ErrInterrupted):
		return errInterrupted
	case errors.Is(err, tea.ErrProgramPanic):
		// A short message; the stack trace only goes to the debug log.
		fmt.Fprintln(os.Stderr, cat.T("cli.crashed"))
		if debugLog != nil {
			_, _ = debugLog.Write(trace)
		}
		return errReported
	}
	_, _ = os.Stderr.Write(trace)
	return err
}

// withStderrCaptured runs fn with the process's standard error going into
// *out, so a crash report does not flood the screen of a frightened person.
func withStderrCaptured(out *[]byte, fn func() error) error {
	r, w, err := os.Pipe()
	if err != nil {
		return fn()
	}
	saved := os.Stderr
	os.Stderr = w
	done := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(io.LimitReader(r, 1<<20))
		_, _ = io.Copy(io.Discard, r)
		done <- b
	}()
	runErr := fn()
	os.Stderr = saved
	_ = w.Close()
	*out = <-done
	_ = r.Close()
	return runErr
}

// asciiTerminal reports consoles that cannot draw box or bullet characters:
// the Linux virtual console and terminals that say they are not UTF-8.
func asciiTerminal(env *Env) bool {
	if env.Getenv("TERM") == "linux" {
		return true
	}
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := env.Getenv(name); v != "" {
			return v == "C" || v == "POSIX"
		}
	}
	return false
}

// clipboardWorks reports whether the terminal may take a copy through
// OSC 52. The ones known not to are told so instead of being promised a
// copy that never arrives: the Linux console and other hardware-style
// terminals, macOS Terminal, VTE terminals (GNOME Terminal, Tilix) and the
// old Windows console.
func clipboardWorks(env *Env) bool {
	term := env.Getenv("TERM")
	switch {
	case term == "linux", term == "dumb", term == "cons25", strings.HasPrefix(term, "vt"):
		return false
	case env.Getenv("TERM_PROGRAM") == "Apple_Terminal":
		return false
	case env.Getenv("VTE_VERSION") != "" && env.Getenv("TMUX") == "":
		return false
	case runtime.GOOS == "windows":
		return env.Getenv("WT_SESSION") != "" || env.Getenv("TERM_PROGRAM") != "" || env.Getenv("ConEmuANSI") == "ON"
	}
	return true
}
