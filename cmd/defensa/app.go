package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	defensa "defensa"
	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/textsafe"
)

// Exit codes.
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
	TerminalWidth    func() int
	Now              func() time.Time
}

func (e *Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// plain reports whether output must carry no escape sequences.
func (e *Env) plain() bool { return !e.StdoutIsTerminal || e.Getenv("NO_COLOR") != "" }

// globals are the flags every command takes.
type globals struct {
	lang    string
	guides  string
	theme   string
	ascii   bool
	debug   string
	help    bool
	version bool
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.lang, "lang", "", "")
	fs.StringVar(&g.guides, "guides", "", "")
	fs.StringVar(&g.theme, "theme", "auto", "")
	fs.BoolVar(&g.ascii, "ascii", false, "")
	fs.StringVar(&g.debug, "debug", "", "")
	fs.BoolVar(&g.help, "help", false, "")
	fs.BoolVar(&g.help, "h", false, "")
	fs.BoolVar(&g.version, "version", false, "")
}

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// parse reads flags wherever they stand among the positional arguments
// ("read rights/at-home --raw" works as well as "read --raw rights/at-home").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{textsafe.String(err.Error())}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func run(args []string, env *Env) int {
	cmd, rest := "", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest = args[0], args[1:]
	}
	var g globals
	lang := i18n.FromEnv(env.Getenv)
	cat := i18n.For(lang)
	commands := map[string]func(*globals, []string, *Env) error{
		"":        runTUI,
		"list":    runList,
		"read":    runRead,
		"search":  runSearch,
		"check":   runCheck,
		"export":  runExport,
		"version": runVersion,
		"help":    runHelp,
	}
	f, ok := commands[cmd]
	if !ok {
		fmt.Fprintln(env.Stderr, cat.T("cli.unknown_command", textsafe.String(cmd)))
		return exitUsage
	}
	err := f(&g, rest, env)
	if g.lang != "" {
		if l, ok := i18n.Parse(g.lang); ok {
			cat = i18n.For(l)
		}
	}
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errInterrupted):
		return exitInterrupted
	case errors.As(err, &ue):
		fmt.Fprintln(env.Stderr, "defensa: "+ue.msg)
		fmt.Fprintln(env.Stderr, cat.T("cli.see_help", cmdName(cmd)))
		return exitUsage
	case errors.Is(err, errReported):
		return exitFailure
	default:
		fmt.Fprintln(env.Stderr, "defensa: "+textsafe.String(err.Error()))
		return exitFailure
	}
}

func cmdName(cmd string) string {
	if cmd == "" {
		return "defensa --help"
	}
	return "defensa " + cmd + " --help"
}

var (
	errInterrupted = errors.New("interrupted")
	// errReported means the command already told the user what failed.
	errReported = errors.New("failure already reported")
)

// setup parses the flags of one command and settles the language.
func setup(g *globals, name string, args []string, env *Env, extra func(*flag.FlagSet)) ([]string, i18n.Catalog, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	g.register(fs)
	if extra != nil {
		extra(fs)
	}
	pos, err := parse(fs, args)
	lang := i18n.FromEnv(env.Getenv)
	if g.lang != "" {
		l, ok := i18n.Parse(g.lang)
		if !ok && !(g.lang == "all" && name != "" && name != "read") {
			return nil, i18n.For(lang), usageError{i18n.For(lang).T("cli.bad_lang", textsafe.String(g.lang))}
		}
		if ok {
			lang = l
		}
	}
	cat := i18n.For(lang)
	if err != nil {
		return nil, cat, usageError{flagMessage(cat, err.Error())}
	}
	if g.help {
		fmt.Fprint(env.Stdout, cat.T("help."+helpKey(name)))
		return nil, cat, errHelpShown
	}
	if g.version {
		printVersion(env)
		return nil, cat, errHelpShown
	}
	if _, ok := render.ParseTheme(g.theme); !ok && g.theme != "auto" {
		return nil, cat, usageError{cat.T("cli.bad_theme", textsafe.String(g.theme))}
	}
	return pos, cat, nil
}

var errHelpShown = errors.New("help shown")

var (
	flagUnknown = regexp.MustCompile(`^flag provided but not defined: (.*)$`)
	flagNoValue = regexp.MustCompile(`^flag needs an argument: (.*)$`)
	flagBad     = regexp.MustCompile(`^invalid (?:value|boolean value) "(.*)" for flag (-\S+):`)
)

// flagMessage puts the flag package's English errors in the person's
// language.
func flagMessage(cat i18n.Catalog, msg string) string {
	switch {
	case flagUnknown.MatchString(msg):
		return cat.T("cli.flag_unknown", flagUnknown.FindStringSubmatch(msg)[1])
	case flagNoValue.MatchString(msg):
		return cat.T("cli.flag_no_value", flagNoValue.FindStringSubmatch(msg)[1])
	case flagBad.MatchString(msg):
		m := flagBad.FindStringSubmatch(msg)
		return cat.T("cli.flag_bad_value", m[1], m[2])
	}
	return msg
}

func helpKey(name string) string {
	if name == "" {
		return "main"
	}
	return name
}

// loadLibrary loads the embedded guides and, with --guides, the user's
// folder over them. Problems in the user's folder are returned, not fatal:
// the rest of the library still works.
func loadLibrary(g *globals) (*library.Library, error) {
	lib, err := defensa.Library()
	if err != nil {
		// The embedded snapshot is checked in CI; a problem here is a bug.
		return nil, fmt.Errorf("built-in guides: %w", err)
	}
	if g.guides == "" {
		return lib, nil
	}
	info, statErr := os.Stat(g.guides)
	if statErr != nil || !info.IsDir() {
		return lib, usageError{fmt.Sprintf("--guides %s: not a folder", textsafe.String(g.guides))}
	}
	local, localErr := library.Load(os.DirFS(g.guides), strings.TrimRight(g.guides, "/"), true)
	lib.Merge(local)
	return lib, localErr
}

// printProblems writes load problems to stderr, one FILE:LINE: message each.
func printProblems(w io.Writer, cat i18n.Catalog, err error) {
	for _, p := range library.Problems(err) {
		fmt.Fprintln(w, p.Message(cat))
	}
}

// pickLang resolves --lang for commands that accept "all": "" means every
// language.
func pickLang(g *globals, env *Env) i18n.Lang {
	if g.lang == "all" {
		return ""
	}
	if l, ok := i18n.Parse(g.lang); ok {
		return l
	}
	return i18n.FromEnv(env.Getenv)
}
