package main

import (
	"flag"
	"slices"
	"strings"

	"defensa/internal/fold"
)

// command is one entry of the command table. Everything the command line
// knows about a command is here: its flags, what its arguments are, and
// what it does. Help, the man page and the shell completions are made
// from this table, so a new command or flag appears in all of them.
//
// Its texts come from the catalog by its name: "cmd.NAME.usage" (what
// follows "defensa " in its usage line, arguments and own flags),
// "cmd.NAME.summary" (one line for the list of commands) and "help.NAME"
// (the prose of its --help: what it does, examples). Each flag's usage
// string is the catalog key of its description, and a flag that takes a
// value other than a choice has its placeholder under KEY+".arg".
type command struct {
	name string // "" for the full-screen interface
	// flags declares the command's own flags, bound to variables that its
	// run reads; nil for none.
	flags func(fs *flag.FlagSet)
	run   func(c *call) error
	args  argKind // what the positional arguments are, for completions
	// guides is set for a command that reads the library: a --guides
	// folder is checked before it runs.
	guides bool
	// allLangs is set for a command that takes --lang all.
	allLangs bool
	// terminal is set for the full-screen interface, which restores the
	// terminal itself on a signal.
	terminal bool
}

// argKind says what a command's positional arguments are.
type argKind int

const (
	argNone    argKind = iota
	argGuide           // a guide id, with an optional #anchor
	argWords           // free words
	argDir             // a folder
	argShell           // a shell name
	argCommand         // a command name
	argExport          // what to export (html or cards), then a folder
)

// commands is the command table, in the order help lists it. Each entry
// is made fresh, with its own flag variables.
func commands() []*command {
	return []*command{
		tuiCommand(),
		listCommand(),
		readCommand(),
		searchCommand(),
		checkCommand(),
		exportCommand(),
		versionCommand(),
		helpCommand(),
		completionCommand(),
		manCommand(),
	}
}

// find returns the command called name, or nil.
func find(table []*command, name string) *command {
	for _, cmd := range table {
		if cmd.name == name {
			return cmd
		}
	}
	return nil
}

// names lists the named commands of the table.
func names(table []*command) []string {
	var out []string
	for _, cmd := range table {
		if cmd.name != "" {
			out = append(out, cmd.name)
		}
	}
	return out
}

func tuiCommand() *command {
	var mouse bool
	return &command{
		name:     "",
		guides:   true,
		terminal: true,
		flags:    func(fs *flag.FlagSet) { fs.BoolVar(&mouse, "mouse", false, "cmd.flag.mouse") },
		run: func(c *call) error {
			c.g.mouse = mouse
			return runTUI(c.g, nil, c.env)
		},
	}
}

// unknownCommand says name is no command, and names the closest one.
func (c *call) unknownCommand(name string) string {
	msg := message(c.cat, "cmd.unknown_command", name)
	if strings.Contains(name, "/") {
		// A guide id: "defensa rights/at-home".
		return msg + " " + message(c.cat, "cmd.did_you_mean", "defensa read "+name)
	}
	best, bestDist := "", 3
	for _, n := range names(commands()) {
		if d := fold.Distance(strings.ToLower(name), n); d < bestDist {
			best, bestDist = n, d
		}
	}
	if best != "" {
		msg += " " + c.cat.T("cmd.did_you_mean", "defensa "+best)
	}
	return msg
}

// flagsOf lists the flags a command takes, its own first, then the global
// ones, each once, without the hidden aliases (-h).
func flagsOf(cmd *command) (own, global []*flag.Flag) {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	var g globals
	g.register(fs)
	globalNames := map[string]bool{}
	fs.VisitAll(func(f *flag.Flag) { globalNames[f.Name] = true })
	if cmd.flags != nil {
		cmd.flags(fs)
	}
	fs.VisitAll(func(f *flag.Flag) {
		switch {
		case f.Usage == "":
		case globalNames[f.Name]:
			global = append(global, f)
		default:
			own = append(own, f)
		}
	})
	order := func(list []*flag.Flag) {
		slices.SortStableFunc(list, func(a, b *flag.Flag) int { return globalOrder(a.Name) - globalOrder(b.Name) })
	}
	order(global)
	return own, global
}
