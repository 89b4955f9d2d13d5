package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/textsafe"
)

// call is one run of one command: what it was given, the person's
// language, and where its output goes.
//
// A command writes its output to out; the call writes it once the command
// returns (through the pager, for a long guide on a terminal), so a write
// that fails, to a full disk or a closed terminal, is noticed in one
// place. Notes and problems go to standard error at once, with note.
type call struct {
	env   *Env
	table []*command
	cmd   *command
	g     *globals
	cat   i18n.Catalog
	args  []string // positional arguments

	out bytes.Buffer
	// page sends long output on a terminal through the pager (read).
	page bool
	// verbatim output is printed exactly as written, even with --ascii:
	// Markdown and templates to paste or save (read --raw, --template).
	verbatim bool

	guard     *guard
	stderrErr error // the first write to standard error that failed
}

// start prepares the command's run: signals, for every command that does
// not restore the terminal itself.
func (c *call) start() {
	c.guard = &guard{exit: c.env.Exit}
	if !c.cmd.terminal && c.env.Signals != nil {
		ch, stop := c.env.Signals()
		c.guard.stopSignals = stop
		go c.guard.watch(ch)
	}
}

// stop ends what start began.
func (c *call) stop() {
	if c.guard != nil && c.guard.stopSignals != nil {
		c.guard.stopSignals()
	}
}

// printf writes to the command's output.
func (c *call) printf(format string, args ...any) { fmt.Fprintf(&c.out, format, args...) }

// println writes a line to the command's output.
func (c *call) println(s string) {
	c.out.WriteString(s)
	c.out.WriteByte('\n')
}

// say writes a catalog message, its arguments cleaned, as a line of output.
func (c *call) say(key string, args ...any) { c.println(message(c.cat, key, args...)) }

// note writes a catalog message, its arguments cleaned, as a line to
// standard error: what a person should know that is not the output.
func (c *call) note(key string, args ...any) { c.stderr(message(c.cat, key, args...)) }

// stderr writes one line to standard error, in ASCII where it must be.
func (c *call) stderr(line string) {
	if c.g != nil && c.g.ascii {
		line = asciiText(line)
	}
	if _, err := io.WriteString(c.env.Stderr, line+"\n"); err != nil && c.stderrErr == nil {
		c.stderrErr = err
	}
}

// finish writes the command's output: through the pager when it is a long
// read on a terminal, else as it is.
func (c *call) finish() error {
	b := c.out.Bytes()
	if len(b) == 0 {
		return nil
	}
	if c.g.ascii && !c.verbatim {
		b = []byte(asciiText(string(b)))
	}
	if c.page {
		if argv, env := c.pager(b); argv != nil {
			return c.runPager(argv, env, b)
		}
	}
	if _, err := c.env.Stdout.Write(b); err != nil {
		return writeError{err}
	}
	return nil
}

// library loads the library (the built-in guides and a --guides folder)
// and reports the folder's problems on standard error; the rest of the
// library still works.
func (c *call) library() (*library.Library, error) {
	lib, err := loadLibrary(c.g)
	if lib == nil {
		return nil, err
	}
	c.problems(err)
	return lib, nil
}

// problems writes load problems to standard error, one FILE:LINE: message
// each.
func (c *call) problems(err error) {
	for _, p := range library.Problems(err) {
		c.stderr(problemLine(c.cat, p))
	}
}

// problemLine is a problem as one line, a warning marked as one.
func problemLine(cat i18n.Catalog, p *library.Problem) string {
	line := p.Message(cat)
	if p.Warning {
		loc := p.Path
		if p.Line > 0 {
			loc = fmt.Sprintf("%s:%d", p.Path, p.Line)
		}
		line = loc + ": " + cat.T("cmd.warning") + ": " + strings.TrimPrefix(line, loc+": ")
	}
	// Nothing in a problem may break its line: a file name with a newline
	// would forge another.
	return textsafe.Line(line)
}
