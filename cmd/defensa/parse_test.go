package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Global flags go before or after the command, as help says, and a
// command's flags anywhere after it.
func TestFlagsBeforeOrAfterTheCommand(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "en/local/hotline.md", "Our hotline", "local", "# Our hotline\n\nCall 555.\n")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "es", "read", "rights/at-home"}, "Si los agentes de inmigración llegan a su casa"},
		{[]string{"read", "rights/at-home", "--lang", "es"}, "Si los agentes de inmigración llegan a su casa"},
		{[]string{"read", "--lang=es", "rights/at-home"}, "Si los agentes de inmigración llegan a su casa"},
		{[]string{"-lang", "es", "read", "rights/at-home"}, "Si los agentes de inmigración llegan a su casa"},
		{[]string{"--lang", "es", "--width", "60", "read", "rights/at-home"}, "Si los agentes de inmigración llegan a su casa"},
		{[]string{"--guides", dir, "list"}, "Our hotline"},
		{[]string{"list", "--guides", dir}, "Our hotline"},
		{[]string{"--guides=" + dir, "list", "--lang", "all"}, "Our hotline"},
		{[]string{"--guides", dir, "read", "local/hotline"}, "Call 555."},
		{[]string{"--guides", dir, "search", "hotline", "555"}, "local/hotline"},
		{[]string{"--raw", "read", "rights/at-home"}, "# If immigration agents come to your home"},
		{[]string{"read", "--", "rights/at-home"}, "If immigration agents come to your home"},
	}
	for _, tt := range tests {
		out, errOut, code := runCmd(t, nil, tt.args...)
		if code != 0 || !strings.Contains(out, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; output lacks %q", tt.args, code, errOut, tt.want)
		}
	}
}

// Every mistake exits 2 with one message in the person's language that
// names the flag as help writes it, says "defensa:" once, and points to
// the right help.
func TestUsageErrors(t *testing.T) {
	es := map[string]string{"LANG": "es_MX.UTF-8"}
	tests := []struct {
		env  map[string]string
		args []string
		want string
		help string
	}{
		{nil, []string{"frobnicate"}, `unknown command "frobnicate".`, "defensa --help"},
		{nil, []string{"lsit"}, "Did you mean: defensa list", "defensa --help"},
		{nil, []string{"rights/at-home"}, "Did you mean: defensa read rights/at-home", "defensa --help"},
		{nil, []string{"read"}, "read needs one guide id", "defensa read --help"},
		{nil, []string{"read", "a", "b"}, "read needs one guide id", "defensa read --help"},
		{nil, []string{"search"}, "search needs words", "defensa search --help"},
		{nil, []string{"list", "--lang", "fr"}, `"fr" is not a valid value for --lang: use one of en, es, all`, "defensa list --help"},
		{nil, []string{"read", "--width=abc", "a/b"}, `--width needs a whole number, not "abc"`, "defensa read --help"},
		{nil, []string{"read", "--width", "abc", "a/b"}, `--width needs a whole number, not "abc"`, "defensa read --help"},
		{nil, []string{"read", "--width", "-3", "a/b"}, "--width must be 0", "defensa read --help"},
		{nil, []string{"read", "a/b", "--width"}, "option --width needs a value", "defensa read --help"},
		{nil, []string{"--theme", "pink", "list"}, `"pink" is not a valid value for --theme: use one of auto, dark, light, high-contrast, plain`, "defensa list --help"},
		{nil, []string{"list", "--json=maybe"}, `"maybe" is not a valid value for --json`, "defensa list --help"},
		{nil, []string{"list", "--nope"}, "unknown option --nope", "defensa list --help"},
		{nil, []string{"list", "-x"}, "unknown option -x", "defensa list --help"},
		{nil, []string{"list", "--mouse"}, "unknown option --mouse", "defensa list --help"},
		{nil, []string{"list", "extra"}, "unexpected arguments: extra", "defensa list --help"},
		{nil, []string{"read", "--lang", "all", "rights/at-home"}, "--lang all works only with list and search", "defensa read --help"},
		{nil, []string{"read", "--raw", "--template", "rights/at-home"}, "choose --raw or --template", "defensa read --help"},
		{nil, []string{"search", "--limit", "0", "bond"}, "--limit must be a number greater than 0", "defensa search --help"},
		{nil, []string{"completion"}, "completion needs the name of your shell: one of bash, zsh, fish, powershell", "defensa completion --help"},
		{nil, []string{"completion", "tcsh"}, "one of bash, zsh, fish, powershell", "defensa completion --help"},
		{nil, []string{"help", "nope"}, `unknown command "nope".`, "defensa help --help"},
		{nil, []string{"version", "now"}, "unexpected arguments: now", "defensa version --help"},
		{nil, []string{"check", "a", "b"}, "unexpected arguments: b", "defensa check --help"},
		{nil, []string{"man", "1"}, "unexpected arguments: 1", "defensa man --help"},
		{es, []string{"list", "--lang", "fr"}, `"fr" no es un valor válido para --lang`, "Vea: defensa list --help"},
		{es, []string{"frobnicate"}, `no existe el comando "frobnicate".`, "Vea: defensa --help"},
		{nil, []string{"--lang", "es", "read", "--width=x", "a"}, "--width necesita un número entero", "Vea: defensa read --help"},
		{nil, []string{"read", "--width=x", "a", "--lang", "es"}, "--width necesita un número entero", "Vea: defensa read --help"},
	}
	for _, tt := range tests {
		out, errOut, code := runCmd(t, tt.env, tt.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want 2 and nothing", tt.args, code, out)
		}
		if !strings.HasPrefix(errOut, "defensa: ") || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, tt.help) {
			t.Errorf("%q: stderr %q; want %q and %q", tt.args, errOut, tt.want, tt.help)
		}
		if n := strings.Count(errOut, "defensa:"); n != 1 {
			t.Errorf("%q: \"defensa:\" %d times in %q", tt.args, n, errOut)
		}
	}
}

// A --guides folder that is not there is a mistake (exit 2) for every
// command that reads guides, in the person's language; so is one that is
// a file.
func TestGuidesFolderMustExist(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-folder")
	file := filepath.Join(t.TempDir(), "file.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{{"list"}, {"read", "rights/at-home"}, {"search", "bond"}, {}, {"check"}, {"completion", "bash"}}
	for _, lang := range []struct {
		env           map[string]string
		missing, file string
	}{
		{nil, "does not exist", "is not a folder"},
		{map[string]string{"LANG": "es_MX.UTF-8"}, "no existe", "no es una carpeta"},
	} {
		for _, args := range commands {
			for dir, want := range map[string]string{missing: lang.missing, file: lang.file} {
				a := append([]string{"--guides", dir}, args...)
				out, errOut, code := runCmd(t, lang.env, a...)
				if code != 2 || out != "" || !strings.Contains(errOut, want) || !strings.Contains(errOut, dir) {
					t.Errorf("%q: exit %d, stdout %d bytes, stderr %q; want 2 and %q", a, code, len(out), errOut, want)
				}
			}
		}
		_, errOut, code := runCmd(t, lang.env, "check", missing)
		if code != 2 || !strings.Contains(errOut, lang.missing) {
			t.Errorf("check %s: exit %d, stderr %q", missing, code, errOut)
		}
	}
}

// Help comes from the command table, the same whichever way it is asked,
// in the person's language, within 80 columns.
func TestHelp(t *testing.T) {
	for _, name := range names(commands()) {
		want, _, code := runCmd(t, nil, name, "--help")
		if code != 0 || !strings.HasPrefix(want, "Usage: defensa "+name) {
			t.Errorf("%s --help: exit %d\n%s", name, code, want)
		}
		for _, args := range [][]string{{"help", name}, {name, "-h"}, {"--help", name}} {
			if got, _, code := runCmd(t, nil, args...); code != 0 || got != want {
				t.Errorf("%q differs from %s --help (exit %d):\n%s", args, name, code, got)
			}
		}
	}
	general, _, _ := runCmd(t, nil, "--help")
	for _, args := range [][]string{{"help"}, {"-h"}} {
		if got, _, _ := runCmd(t, nil, args...); got != general {
			t.Errorf("%q differs from --help", args)
		}
	}
	for _, name := range names(commands()) {
		if !strings.Contains(general, "  defensa "+name) {
			t.Errorf("the general help does not list %s:\n%s", name, general)
		}
	}
	for _, flag := range []string{"--lang", "--guides", "--theme", "--ascii", "--debug", "--mouse"} {
		if !strings.Contains(general, "  "+flag) {
			t.Errorf("the general help does not list %s", flag)
		}
	}
	read, _, _ := runCmd(t, nil, "read", "--help")
	for _, flag := range []string{"--raw", "--template", "--width N", "--no-pager"} {
		if !strings.Contains(read, "  "+flag) {
			t.Errorf("read --help does not list %s:\n%s", flag, read)
		}
	}
	es, _, _ := runCmd(t, map[string]string{"LANG": "es_US.UTF-8"}, "--help")
	if !strings.Contains(es, "Uso:") || !strings.Contains(es, "--guides CARPETA") {
		t.Errorf("help must follow the locale:\n%s", es)
	}
	for _, lang := range []string{"en", "es"} {
		for _, name := range append(names(commands()), "") {
			out, _, _ := runCmd(t, nil, "--lang", lang, "help", name)
			for _, line := range strings.Split(out, "\n") {
				if n := len([]rune(line)); n > helpWidth {
					t.Errorf("%s help %s: a line of %d columns: %q", lang, name, n, line)
				}
			}
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"list", "--version"}} {
		out, _, code := runCmd(t, nil, args...)
		if code != 0 || !strings.HasPrefix(out, "defensa dev (go") {
			t.Errorf("%q: exit %d, %q", args, code, out)
		}
	}
}

func TestCommandNameAmongFlags(t *testing.T) {
	table := commands()
	tests := []struct {
		args []string
		name string
		rest []string
	}{
		{nil, "", nil},
		{[]string{"--lang", "es"}, "", []string{"--lang", "es"}},
		{[]string{"--lang", "es", "read", "x"}, "read", []string{"--lang", "es", "x"}},
		{[]string{"--lang=es", "read", "x"}, "read", []string{"--lang=es", "x"}},
		{[]string{"--ascii", "list"}, "list", []string{"--ascii"}},
		{[]string{"--guides", "list", "list"}, "list", []string{"--guides", "list"}},
		{[]string{"--width", "40", "read", "x"}, "read", []string{"--width", "40", "x"}},
		{[]string{"--", "read"}, "read", nil},
		{[]string{"--mouse"}, "", []string{"--mouse"}},
	}
	for _, tt := range tests {
		name, rest := commandName(tt.args, table)
		if name != tt.name || strings.Join(rest, " ") != strings.Join(tt.rest, " ") {
			t.Errorf("commandName(%q) = %q, %q; want %q, %q", tt.args, name, rest, tt.name, tt.rest)
		}
	}
}
