package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"defensa/internal/textsafe"
)

// invocations are command lines that print, at least one for every
// command of the table.
func invocations(t *testing.T) [][]string {
	t.Helper()
	all := [][]string{
		{"list"}, {"list", "--json", "--lang", "all"},
		{"read", "rights/at-home"}, {"read", "rights/at-home", "--raw"}, {"read", "templates/petition", "--template"},
		{"read", "warrant"},
		{"search", "la migra en mi puerta"}, {"search", "I-246", "--json"}, {"search", "qqqxxzz"},
		{"check"}, {"version"}, {"--version"}, {"--help"}, {"help", "read"}, {"read", "--help"},
		{"completion", "bash"}, {"completion", "zsh"}, {"completion", "fish"}, {"completion", "powershell"},
		{"man"}, {"export", "html", filepath.Join(t.TempDir(), "site")},
	}
	covered := map[string]bool{}
	for _, args := range all {
		name, _ := commandName(args, commands())
		covered[name] = true
	}
	for _, name := range names(commands()) {
		if !covered[name] {
			t.Errorf("no invocation of %s: add one", name)
		}
	}
	return all
}

// Every command exits 1 with a message when its output cannot be written:
// the real binary, writing to /dev/full.
func TestEveryCommandFailsOnAFullDisk(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	bin := buildBinary(t)
	for _, args := range invocations(t) {
		var errOut bytes.Buffer
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = full, &errOut
		cmd.Env = []string{"LANG=en_US.UTF-8", "PATH=" + os.Getenv("PATH")}
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("%q to /dev/full: %v, want exit status 1", args, err)
		}
		if !strings.Contains(errOut.String(), "defensa: could not write the output: ") ||
			!strings.Contains(errOut.String(), "no space left on device") {
			t.Errorf("%q to /dev/full: stderr %q", args, errOut.String())
		}
	}
	// Standard error full, output fine: the problems of a folder could not
	// be told, so that fails too.
	dir := t.TempDir()
	writeFile(t, dir, "en/local/broken.md", "no front matter")
	cmd := exec.Command(bin, "list", "--guides", dir)
	cmd.Stdout, cmd.Stderr = &bytes.Buffer{}, full
	if err := cmd.Run(); err == nil {
		t.Error("list with its problems unwritable must fail")
	}
	// The interface refuses a full file as it refuses any non-terminal.
	cmd = exec.Command(bin)
	cmd.Stdout = full
	var exit *exec.ExitError
	if err := cmd.Run(); !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Errorf("the interface to /dev/full: %v, want exit status 2", err)
	}
}

// failWriter fails every write as a full disk does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestWriteErrorsInProcess(t *testing.T) {
	for _, args := range [][]string{{"list"}, {"read", "rights/at-home"}, {"check"}, {"--help"}, {"man"}} {
		var errOut bytes.Buffer
		env := testEnv(nil, nil, &errOut)
		env.Stdout = failWriter{}
		if code := run(args, env); code != 1 || !strings.Contains(errOut.String(), "could not write the output") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut.String())
		}
	}
	// Standard error alone failing.
	var out bytes.Buffer
	env := testEnv(nil, &out, nil)
	env.Stderr = failWriter{}
	if code := run([]string{"read", "no/such-guide"}, env); code != 1 {
		t.Errorf("exit %d", code)
	}
	if code := run([]string{"frobnicate"}, env); code != 2 {
		t.Errorf("a mistake stays a mistake when it cannot be told: exit %d", code)
	}
}

// drawable reports whether r is drawn by a console that has ASCII and the
// Latin-1 letters and punctuation, as the Linux console does.
func drawable(r rune) bool {
	return r < 0x80 || (r >= 0xa0 && r < 0x100 && r != 0xb7) || unicode.IsLetter(r)
}

// With --ascii, and on the Linux console, no command draws a character an
// ASCII console lacks (…, ↑ ↓ ⌫ ›, •, box drawing); Spanish letters stay.
func TestASCIIEverywhere(t *testing.T) {
	plain, _, _ := runBin(t, nil, "search", "warrant")
	if !strings.Contains(plain, "›") {
		t.Fatal("search no longer draws › without --ascii: this test needs another witness")
	}
	for _, env := range []map[string]string{
		{"LANG": "es_MX.UTF-8", "ASCII": "--ascii"},
		{"LANG": "en_US.UTF-8", "TERM": "linux"},
	} {
		for _, args := range invocations(t) {
			if args[0] == "read" && (args[len(args)-1] == "--raw" || args[len(args)-1] == "--template") {
				continue // the guide's text exactly as written, to paste or save
			}
			if env["ASCII"] != "" {
				args = append([]string{env["ASCII"]}, args...)
			}
			out, errOut, _ := runBin(t, env, args...)
			for _, r := range out + errOut {
				if !drawable(r) {
					t.Errorf("%v %q: %q (U+%04X) is not ASCII", env, args, r, r)
					break
				}
			}
		}
	}
	out, _, _ := runBin(t, map[string]string{"LANG": "es_MX.UTF-8"}, "--ascii", "search", "orden judicial")
	if !strings.Contains(out, " > ") || !strings.ContainsAny(out, "áéíóú") {
		t.Errorf("› must become > and accents stay:\n%s", out)
	}
}

func TestASCIIText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Buscar…", "Buscar..."},
		{"Guía › Sección", "Guía > Sección"},
		{"• item", "* item"},
		{"↑/↓ mover · ⌫ atrás", "^/v mover - Backspace atrás"},
		{"— dash – en", "- dash - en"},
		{"│ ─ ╭╮", "| - ++"},
		{"“quoted” ‘x’", `"quoted" 'x'`},
		{"¿Qué? ¡Sí! año", "¿Qué? ¡Sí! año"},
		{"☃ snow", "? snow"},
		{"\x1b[1mbold\x1b[22m", "\x1b[1mbold\x1b[22m"},
	}
	for _, tt := range tests {
		if got := asciiText(tt.in); got != tt.want {
			t.Errorf("asciiText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// unclean reports the first character of s that could drive a terminal or
// mislead a reader: a control character, an escape, a bidi override or a
// zero-width character.
func unclean(s string) (rune, bool) {
	for _, r := range s {
		if textsafe.IsControl(r) || textsafe.IsHidden(r) {
			return r, true
		}
	}
	return 0, false
}

// No name or argument reaches the output uncleaned: what a person typed,
// and the names of files and folders on a stranger's USB stick (FAT, exFAT
// and NTFS allow C1 characters in names).
func TestNamesAndArgumentsAreCleaned(t *testing.T) {
	const evil = "\x1b]0;owned\x07\x1b[2J\u009b31m\u202e"
	missing := filepath.Join(t.TempDir(), "no"+evil+"\nsuch")
	dir := t.TempDir()
	writeGuide(t, dir, "en/local/hotline.md", "Hotline", "local", "# Hotline\n\nCall 555.\n")
	hostile := filepath.Join(dir, "en", "loc"+evil+"al")
	if err := os.MkdirAll(hostile, 0o755); err != nil {
		t.Fatal(err)
	}
	writeGuide(t, hostile, "gu"+evil+"ide.md", "Hostile", "local", "# Hostile\n")
	writeGuide(t, dir, "es/local/"+evil+".md", "Hostil", "local", "# Hostil\n")
	for _, args := range [][]string{
		{"frob" + evil},
		{"list", "--" + evil},
		{"list", "--lang", evil},
		{"list", "--theme", evil},
		{"read", "--width", evil, "x"},
		{"read", "rights/" + evil},
		{"read", "rights/at-home#" + evil},
		{"read", "local/" + evil, "--guides", dir},
		{"search", evil},
		{"search", "hostile", "--guides", dir},
		{"search", "hostile", "--guides", dir, "--json"},
		{"list", "--guides", dir},
		{"list", "--json", "--lang", "all", "--guides", dir},
		{"--guides", missing, "list"},
		{"check", missing},
		{"check", dir},
		{"help", evil},
		{"completion", evil},
		{"completion", "bash", "--guides", dir},
	} {
		out, errOut, _ := runBin(t, nil, args...)
		if r, bad := unclean(out + errOut); bad {
			t.Errorf("%q: U+%04X reaches the output:\n%q\n%q", args, r, out, errOut)
		}
	}
}

// A block-scalar title or summary, or a date written wrong, never breaks
// a line of output: list is one line a guide, check one line a problem.
func TestOneLineEach(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "en/local/block.md", "---\ntitle: |\n  Line one\n  line two\nsummary: >\n  S\n\n  T\nsection: local\norder: 1\n"+
		"reviewed: \"2026-11-30\"\nfacts_as_of: 2026-02-30\n---\n# Block\n")
	out, _, _ := runCmd(t, nil, "list", "--guides", dir)
	if !strings.Contains(out, "  local/block  Line one line two (local)\n") {
		t.Errorf("the title must be one line:\n%s", out)
	}
	out, _, _ = runCmd(t, nil, "check", dir)
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if !strings.HasPrefix(l, dir) && !strings.Contains(l, "checked") {
			t.Errorf("a line of check that is not a problem or the summary: %q", l)
		}
	}
}
