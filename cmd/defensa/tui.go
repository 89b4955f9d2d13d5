package main

import (
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"defensa/internal/render"
	"defensa/tui"
)

func runTUI(g *globals, args []string, env *Env) error {
	pos, cat, err := setup(g, "", args, env, nil)
	if err != nil {
		return quietHelp(err)
	}
	if len(pos) > 0 {
		return usageError{cat.T("cli.unknown_command", pos[0])}
	}
	if !env.StdoutIsTerminal || !env.StdinIsTerminal {
		return usageError{cat.T("cli.not_a_terminal")}
	}
	lib, loadErr := loadLibrary(g)
	if lib == nil {
		return loadErr
	}
	opts := tui.Options{Lang: cat.Lang(), ASCII: g.ascii || asciiTerminal(env)}
	switch t, ok := render.ParseTheme(g.theme); {
	case env.Getenv("NO_COLOR") != "":
		opts.Theme, opts.FixedTheme = render.Plain, true
	case ok:
		opts.Theme, opts.FixedTheme = t, true
	default:
		opts.Theme = render.Dark // until the terminal says its background is light
	}
	opts.LoadProblems = loadErr
	if g.debug != "" {
		f, err := tea.LogToFile(g.debug, "defensa")
		if err != nil {
			return err
		}
		defer f.Close()
		opts.Debug = true
	}
	err = tui.Run(lib, opts)
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return errInterrupted
	case errors.Is(err, tea.ErrProgramPanic):
		fmt.Fprintln(os.Stderr, cat.T("cli.crashed"))
		return errReported
	}
	return err
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
