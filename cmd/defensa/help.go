package main

import (
	"flag"
	"runtime"
	"strings"
	"unicode/utf8"

	"defensa/internal/i18n"
)

func versionCommand() *command {
	return &command{name: "version", run: func(c *call) error {
		if err := c.noArgs(0); err != nil {
			return err
		}
		c.printVersion()
		return nil
	}}
}

func (c *call) printVersion() {
	c.printf("defensa %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func helpCommand() *command {
	return &command{name: "help", args: argCommand, run: func(c *call) error {
		if err := c.noArgs(1); err != nil {
			return err
		}
		target := find(c.table, "")
		if len(c.args) == 1 {
			if target = find(c.table, c.args[0]); target == nil || c.args[0] == "" {
				return usageError{c.unknownCommand(c.args[0])}
			}
		}
		c.out.WriteString(helpText(c.cat, c.table, target))
		return nil
	}}
}

// showsInfo answers --help and --version, for any command, before it runs.
func (c *call) showsInfo() bool {
	switch {
	case c.g.help:
		c.out.WriteString(helpText(c.cat, c.table, c.cmd))
	case c.g.version:
		c.printVersion()
	default:
		return false
	}
	return true
}

// helpText is the --help of cmd, made from the command table: the general
// help (every command, the global flags) for the full-screen interface,
// else the command's usage, its prose and its flags.
func helpText(cat i18n.Catalog, table []*command, cmd *command) string {
	var b strings.Builder
	own, global := flagsOf(cmd)
	if cmd.name == "" {
		b.WriteString(cat.T("help.intro"))
		b.WriteString("\n" + cat.T("cmd.usage") + "\n")
		var rows [][2]string
		for _, c := range table {
			rows = append(rows, [2]string{usageLine(cat, c), cat.T(summaryKey(c))})
		}
		writeColumns(&b, rows)
		b.WriteString("\n" + cat.T("cmd.tui_flags") + "\n")
		writeFlags(&b, cat, own)
		b.WriteString("\n" + cat.T("cmd.global_flags") + "\n")
		writeFlags(&b, cat, global)
		b.WriteString("\n" + cat.T("help.keys") + "\n\n" + cat.T("help.privacy") + "\n")
		return b.String()
	}
	b.WriteString(cat.T("cmd.usage") + " " + usageLine(cat, cmd) + "\n\n")
	b.WriteString(strings.TrimRight(cat.T("help."+cmd.name), "\n") + "\n")
	if len(own) > 0 {
		b.WriteString("\n" + cat.T("cmd.flags") + "\n")
		writeFlags(&b, cat, own)
	}
	var names []string
	for _, f := range global {
		names = append(names, "--"+f.Name)
	}
	b.WriteString("\n" + wrap(cat.T("cmd.global_flags_short", strings.Join(names, ", ")), helpWidth, "") + "\n")
	return b.String()
}

// usageLine is "defensa read ID[#anchor] [--raw] ...".
func usageLine(cat i18n.Catalog, cmd *command) string {
	if cmd.name == "" {
		return "defensa " + cat.T("cmd.tui.usage")
	}
	return "defensa " + cat.T("cmd."+cmd.name+".usage")
}

func summaryKey(cmd *command) string {
	if cmd.name == "" {
		return "cmd.tui.summary"
	}
	return "cmd." + cmd.name + ".summary"
}

// writeFlags lists flags with their descriptions.
func writeFlags(b *strings.Builder, cat i18n.Catalog, flags []*flag.Flag) {
	var rows [][2]string
	for _, f := range flags {
		rows = append(rows, [2]string{flagSpelling(cat, f), cat.T(f.Usage)})
	}
	writeColumns(b, rows)
}

// helpWidth is the width help is written for: the smallest common
// terminal.
const helpWidth = 80

// writeColumns writes rows as two columns within helpWidth: a name and
// its description, wrapped under itself; a name too long for its column
// has its description on the next line.
func writeColumns(b *strings.Builder, rows [][2]string) {
	const indent, gap, most = 2, 2, 26
	col := 0
	for _, r := range rows {
		if n := utf8.RuneCountInString(r[0]); n <= most {
			col = max(col, n)
		}
	}
	col += indent + gap
	pad := strings.Repeat(" ", col)
	for _, r := range rows {
		left := strings.Repeat(" ", indent) + r[0]
		text := wrap(r[1], helpWidth, pad)[col:]
		if n := utf8.RuneCountInString(left); n+gap <= col {
			b.WriteString(left + strings.Repeat(" ", col-n) + text + "\n")
		} else {
			b.WriteString(left + "\n" + pad + text + "\n")
		}
	}
}

// wrap breaks s into lines of at most width columns, each starting with
// indent (the first too), never breaking a word.
func wrap(s string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for i, w := range strings.Fields(s) {
		if i > 0 && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			b.WriteString(line + "\n")
			line = indent + w
			continue
		}
		if i > 0 {
			line += " "
		}
		line += w
	}
	b.WriteString(line)
	return b.String()
}

// flagSpelling is how a flag is written: "--json", "--lang en|es|all",
// "--width N".
func flagSpelling(cat i18n.Catalog, f *flag.Flag) string {
	s := "--" + f.Name
	if arg := flagArg(cat, f); arg != "" {
		s += " " + arg
	}
	return s
}

// flagArg is the placeholder of a flag's value: its choices, or its
// catalog placeholder ("N", "DIR"); "" for a switch.
func flagArg(cat i18n.Catalog, f *flag.Flag) string {
	if isBool(f) {
		return ""
	}
	if ch, ok := f.Value.(*choice); ok {
		return strings.Join(ch.options, "|")
	}
	return cat.T(f.Usage + ".arg")
}
