package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"defensa/internal/i18n"
)

// globals are the flags every command takes, and what they settle to.
type globals struct {
	lang    string // as typed; see cat and allLangs for what it means
	guides  string
	theme   string
	ascii   bool
	debug   string
	help    bool
	version bool
	mouse   bool // the full-screen interface's --mouse

	// Settled once by parse, for every command:
	cat      i18n.Catalog // the person's language
	allLangs bool         // --lang all: every language, where a command takes it
}

// themes are the values of --theme: "auto" and render's themes.
var themes = []string{"auto", "dark", "light", "high-contrast", "plain"}

// globalNames is the order global flags are listed in help.
var globalNames = []string{"lang", "guides", "theme", "ascii", "debug", "help", "version"}

func globalOrder(name string) int {
	if i := slices.Index(globalNames, name); i >= 0 {
		return i
	}
	return len(globalNames)
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.Var(&choice{value: &g.lang, options: []string{"en", "es", "all"}}, "lang", "cmd.flag.lang")
	fs.Var(&path{value: &g.guides, dir: true}, "guides", "cmd.flag.guides")
	g.theme = "auto"
	fs.Var(&choice{value: &g.theme, options: themes}, "theme", "cmd.flag.theme")
	fs.BoolVar(&g.ascii, "ascii", false, "cmd.flag.ascii")
	fs.Var(&path{value: &g.debug}, "debug", "cmd.flag.debug")
	fs.BoolVar(&g.help, "help", false, "cmd.flag.help")
	fs.BoolVar(&g.help, "h", false, "")
	fs.BoolVar(&g.version, "version", false, "cmd.flag.version")
}

// choice is a flag that takes one of a few values; completions offer them
// and a wrong one is refused naming them.
type choice struct {
	value   *string
	options []string
}

func (c *choice) String() string {
	if c.value == nil {
		return ""
	}
	return *c.value
}

func (c *choice) Set(s string) error {
	v := strings.ToLower(strings.TrimSpace(s))
	if !slices.Contains(c.options, v) {
		return errBadChoice
	}
	*c.value = v
	return nil
}

var errBadChoice = errors.New("not one of the choices")

// path is a flag whose value is a file or, with dir, a folder: completions
// offer file names.
type path struct {
	value *string
	dir   bool
}

func (p *path) String() string {
	if p.value == nil {
		return ""
	}
	return *p.value
}

func (p *path) Set(s string) error { *p.value = s; return nil }

// parse reads the command line once: the command, its flags and the
// global ones (before or after the command name, in any order), and its
// positional arguments. It then settles the language, the theme, ASCII
// drawing and the --guides folder, so no command does any of that. The
// call it returns is usable even with an error, to report it.
func parse(args []string, table []*command, env *Env) (*call, error) {
	c := &call{env: env, table: table, g: &globals{}}
	c.g.cat = i18n.For(langFromArgs(args, env))
	c.cat = c.g.cat
	name, rest := commandName(args, table)
	c.cmd = find(table, name)
	if c.cmd == nil {
		return c, usageError{c.unknownCommand(name)}
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.g.register(fs)
	if c.cmd.flags != nil {
		c.cmd.flags(fs)
	}
	pos, err := parseFlags(fs, rest, c.g.cat)
	if err != nil {
		c.cat = c.g.cat
		return c, err
	}
	c.args = pos
	err = c.g.settle(c.cmd, env)
	c.cat = c.g.cat
	return c, err
}

// commandName finds the command among args (the first argument that is
// neither a flag nor a flag's value) and returns the rest without it.
func commandName(args []string, table []*command) (string, []string) {
	takesValue := map[string]bool{}
	for _, cmd := range table {
		own, global := flagsOf(cmd)
		for _, f := range append(own, global...) {
			takesValue[f.Name] = !isBool(f)
		}
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			if i+1 < len(args) {
				return args[i+1], slices.Concat(args[:i], args[i+2:])
			}
			return "", args[:i]
		case len(a) > 1 && a[0] == '-':
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if !hasValue && takesValue[name] {
				i++
			}
		default:
			return a, slices.Concat(args[:i], args[i+1:])
		}
	}
	return "", args
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// parseFlags sets the flags in args and returns the other arguments, in
// order; "--" ends the flags. Its messages are in the person's language
// and name a flag as it is written in help: --width.
func parseFlags(fs *flag.FlagSet, args []string, cat i18n.Catalog) ([]string, error) {
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(pos, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		shown := "--" + name
		if len(name) == 1 {
			shown = "-" + name
		}
		f := fs.Lookup(name)
		if f == nil || name == "" {
			return nil, usageError{message(cat, "cmd.flag_unknown", strings.SplitN(a, "=", 2)[0])}
		}
		if !hasValue {
			if isBool(f) {
				value = "true"
			} else if i+1 < len(args) {
				i++
				value = args[i]
			} else {
				return nil, usageError{message(cat, "cmd.flag_no_value", shown)}
			}
		}
		if err := f.Value.Set(value); err != nil {
			return nil, usageError{badValue(cat, f, shown, value)}
		}
	}
	return pos, nil
}

// badValue says why value does not fit the flag.
func badValue(cat i18n.Catalog, f *flag.Flag, shown, value string) string {
	switch v := f.Value.(type) {
	case *choice:
		return message(cat, "cmd.flag_choice", value, shown, strings.Join(v.options, ", "))
	}
	if isBool(f) {
		return message(cat, "cmd.flag_bool", value, shown)
	}
	if _, err := strconv.Atoi(f.DefValue); err == nil {
		return message(cat, "cmd.flag_number", shown, value)
	}
	return message(cat, "cmd.flag_bad_value", value, shown)
}

// langFromArgs is the language to speak before the flags are read, for a
// mistake in them: --lang if it is there and valid, else the locale's.
func langFromArgs(args []string, env *Env) i18n.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := "", false
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				v, ok = args[i+1], true
			}
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			_, v, ok = strings.Cut(a, "=")
		}
		if l, valid := i18n.Parse(v); ok && valid {
			return l
		}
	}
	return i18n.Detect(env.Getenv)
}

// settle decides what the global flags mean for this command: the
// language (--lang, else the locale), ASCII drawing (--ascii, the Linux
// console, a C locale) and that a --guides folder exists.
func (g *globals) settle(cmd *command, env *Env) error {
	lang := i18n.Detect(env.Getenv)
	g.cat = i18n.For(lang)
	switch l, ok := i18n.Parse(g.lang); {
	case g.lang == "all" && cmd.allLangs:
		g.allLangs = true
	case g.lang == "all":
		return usageError{g.cat.T("cmd.lang_all", "--lang all")}
	case ok:
		g.cat = i18n.For(l)
	}
	g.ascii = g.ascii || asciiTerminal(env)
	if g.guides != "" && cmd.guides && !g.help && !g.version {
		return checkFolder(g.cat, g.guides)
	}
	return nil
}

// checkFolder refuses a guides folder that is not there: exit status 2,
// in the person's language.
func checkFolder(cat i18n.Catalog, dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return usageError{message(cat, "cmd.guides_missing", dir)}
	case err != nil:
		return usageError{message(cat, "cmd.guides_unreadable", dir, describe(unwrapPath(err)))}
	case !info.IsDir():
		return usageError{message(cat, "cmd.guides_not_folder", dir)}
	}
	return nil
}

// unwrapPath drops the path from an *os.PathError, which a message names
// already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// noArgs refuses positional arguments past the first from.
func (c *call) noArgs(from int) error {
	if len(c.args) > from {
		return usageError{message(c.cat, "cmd.extra_args", strings.Join(c.args[from:], " "))}
	}
	return nil
}
