package main

import (
	"flag"
	"fmt"
	"strings"

	"defensa/internal/i18n"
)

func manCommand() *command {
	return &command{name: "man", run: func(c *call) error {
		if err := c.noArgs(0); err != nil {
			return err
		}
		c.verbatim = true
		c.out.WriteString(manPage(c.cat, c.table))
		return nil
	}}
}

// manPage is defensa's manual page, in roff, made from the command table:
// read it with `defensa man | man -l -`.
func manPage(cat i18n.Catalog, table []*command) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	section := func(key string) { line(".SH " + roffQuote(strings.ToUpper(cat.T(key)))) }
	line(`.\" Made by: defensa man`)
	line(".TH DEFENSA 1 \"\" " + roffQuote("defensa "+version) + " " + roffQuote(cat.T("cmd.man.manual")))
	section("cmd.man.name")
	line("defensa \\- " + roff(cat.T("cmd.man.tagline")))
	section("cmd.man.synopsis")
	for i, cmd := range table {
		if i > 0 {
			line(".br")
		}
		line(".B " + roff(usageLine(cat, cmd)))
	}
	section("cmd.man.description")
	prose(&b, cat.T("help.intro"))
	section("cmd.man.commands")
	for _, cmd := range table[1:] {
		own, _ := flagsOf(cmd)
		line(".SS " + roffQuote(usageLine(cat, cmd)))
		prose(&b, cat.T("help."+cmd.name))
		manFlags(&b, cat, own)
	}
	own, global := flagsOf(table[0])
	section("cmd.man.options")
	manFlags(&b, cat, global)
	line(".PP")
	line(roff(cat.T("cmd.tui_flags")))
	manFlags(&b, cat, own)
	section("cmd.man.keys")
	prose(&b, cat.T("help.keys"))
	section("cmd.man.exit")
	prose(&b, cat.T("cmd.man.exit_text"))
	section("cmd.man.environment")
	prose(&b, cat.T("cmd.man.environment_text"))
	section("cmd.man.privacy")
	prose(&b, cat.T("help.privacy"))
	return b.String()
}

// prose is text laid out as it is written: help texts are wrapped by hand
// and hold examples.
func prose(b *strings.Builder, text string) {
	b.WriteString(".nf\n")
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		b.WriteString(roffLine(l) + "\n")
	}
	b.WriteString(".fi\n")
}

func manFlags(b *strings.Builder, cat i18n.Catalog, flags []*flag.Flag) {
	for _, f := range flags {
		b.WriteString(".TP\n\\fB" + roff("--"+f.Name) + "\\fR")
		if arg := flagArg(cat, f); arg != "" {
			b.WriteString(" \\fI" + roff(arg) + "\\fR")
		}
		b.WriteString("\n" + roffLine(cat.T(f.Usage)) + "\n")
	}
}

// roff escapes text for roff: backslashes; hyphens, which must stay the
// ASCII ones a command is typed with; and every character outside ASCII,
// as \[uXXXX], so that groff and mandoc read the page without being told
// its encoding.
func roff(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r > 0x7f:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// roffLine is roff(s) safe at the start of a line, where a dot or an
// apostrophe would make it a request.
func roffLine(s string) string {
	s = roff(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

func roffQuote(s string) string {
	return `"` + strings.ReplaceAll(roff(s), `"`, `\(dq`) + `"`
}
