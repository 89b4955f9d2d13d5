package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"defensa/internal/i18n"
	"defensa/internal/textsafe"
)

// Exit codes. A signal ends a command with 128 plus its number, as a shell
// reports it: 130 for Ctrl-C (SIGINT), 129 for SIGHUP, 143 for SIGTERM.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// Env is everything a command touches outside itself, so tests can run
// commands without a terminal.
type Env struct {
	Stdin            io.Reader
	Stdout, Stderr   io.Writer
	Getenv           func(string) string
	Environ          []string
	StdoutIsTerminal bool
	StdinIsTerminal  bool
	// TerminalSize is the size of the terminal on standard output; 0, 0
	// when it is not one or cannot say.
	TerminalSize func() (width, height int)
	Now          func() time.Time
	// Signals starts delivering the signals that end a command, and
	// returns a function that stops it; nil (in tests) for none.
	Signals func() (<-chan os.Signal, func())
	// Exit ends the process; a signal that arrives during a command calls
	// it with 128+signal.
	Exit func(int)
	// OneShot is called once the command is known to be one that prints
	// and ends (not the full-screen interface); nil (in tests) for
	// nothing. main uses it to turn the garbage collector off: such a
	// command ends in milliseconds, having made a few megabytes.
	OneShot func()
}

func (e *Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// plain reports whether output must carry no escape sequences.
func (e *Env) plain() bool { return !e.StdoutIsTerminal || e.Getenv("NO_COLOR") != "" }

func (e *Env) size() (int, int) {
	if !e.StdoutIsTerminal || e.TerminalSize == nil {
		return 0, 0
	}
	return e.TerminalSize()
}

// usageError is a mistake in how the command was called: exit status 2.
// Its message is already in the person's language.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// writeError is output that could not be written (a full disk, a closed
// terminal): exit status 1.
type writeError struct{ err error }

func (e writeError) Error() string { return e.err.Error() }

// signalled ends a command because a signal arrived: exit status
// 128+signal.
type signalled struct{ sig os.Signal }

func (e signalled) Error() string { return e.sig.String() }

// signalStatus is the exit status of a process ended by sig.
func signalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitInterrupted
}

var (
	errInterrupted = errors.New("interrupted")
	// errReported means the command already told the person what failed.
	errReported = errors.New("failure already reported")
)

// run runs the command line args and returns the exit status. It is the
// one place that turns errors into messages and exit codes.
func run(args []string, env *Env) int {
	table := commands()
	c, err := parse(args, table, env)
	if err == nil && !c.cmd.terminal && env.OneShot != nil {
		env.OneShot()
	}
	if err == nil && !c.showsInfo() {
		c.start()
		err = c.cmd.run(c)
	}
	// Output that could not be written is said even after a failure
	// that was already reported: check's problems, unprinted, are lost.
	if ferr := c.finish(); ferr != nil && (err == nil || errors.Is(err, errReported)) {
		err = ferr
	}
	c.stop()
	return c.exit(err)
}

// exit says what err means, in the person's language, and returns the exit
// status for it. Every message the command line writes about a failure
// starts with "defensa: " here, and nowhere else.
func (c *call) exit(err error) int {
	var ue usageError
	var we writeError
	var sig signalled
	switch {
	case err == nil:
		if c.stderrErr != nil {
			return exitFailure
		}
		return exitOK
	case errors.Is(err, errInterrupted):
		return exitInterrupted
	case errors.As(err, &sig):
		return signalStatus(sig.sig)
	case errors.As(err, &ue):
		c.fail(ue.msg)
		c.stderr(c.cat.T("cmd.see_help", c.helpCommand()))
		return exitUsage
	case errors.As(err, &we):
		c.fail(c.cat.T("cmd.write_failed", textsafe.Line(we.err.Error())))
		return exitFailure
	case errors.Is(err, errReported):
		return exitFailure
	default:
		c.fail(textsafe.Line(err.Error()))
		return exitFailure
	}
}

// fail writes one line about a failure to standard error.
func (c *call) fail(msg string) {
	c.stderr("defensa: " + msg)
}

// helpCommand is how to get help for the command that was called.
func (c *call) helpCommand() string {
	if c.cmd == nil || c.cmd.name == "" {
		return "defensa --help"
	}
	return "defensa " + c.cmd.name + " --help"
}

// message formats a catalog message with every string argument cleaned to
// one line: names and arguments a person typed, or a folder on a
// stranger's USB stick, never reach the terminal raw.
func message(cat i18n.Catalog, key string, args ...any) string {
	clean := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			a = textsafe.Line(s)
		}
		clean[i] = a
	}
	return cat.T(key, clean...)
}

// describe is a short form of an error for a message.
func describe(err error) string { return textsafe.Line(fmt.Sprint(err)) }
