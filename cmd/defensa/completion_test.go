package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// needProgram returns the path of a program (a shell, less), or skips the
// test without it
// (unless DEFENSA_REQUIRE_SHELLS is set, as .ci/cli.sh does).
func needProgram(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("DEFENSA_REQUIRE_SHELLS") != "" {
			t.Fatalf("%s is required (DEFENSA_REQUIRE_SHELLS is set)", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

func completionScript(t *testing.T, shell string, args ...string) string {
	t.Helper()
	out, errOut, code := runCmd(t, nil, append([]string{"completion", shell}, args...)...)
	if code != 0 {
		t.Fatalf("completion %s: exit %d, %s", shell, code, errOut)
	}
	return out
}

// Every script names every command and every flag of the table.
func TestCompletionsCoverTheTable(t *testing.T) {
	scripts := map[string]string{}
	for _, shell := range shells {
		script := completionScript(t, shell)
		scripts[shell] = script
		for _, cmd := range commands() {
			if cmd.name != "" && !strings.Contains(script, cmd.name) {
				t.Errorf("%s: no %s", shell, cmd.name)
			}
			own, global := flagsOf(cmd)
			for _, f := range append(own, global...) {
				if !strings.Contains(script, f.Name) {
					t.Errorf("%s: no --%s", shell, f.Name)
				}
			}
		}
		if !strings.Contains(script, "rights/at-home") {
			t.Errorf("%s: no guide ids", shell)
		}
	}
	// PowerShell cannot run here: at least its brackets must balance.
	ps := scripts["powershell"]
	for _, pair := range []string{"{}", "()", "[]"} {
		if strings.Count(ps, pair[:1]) != strings.Count(ps, pair[1:]) {
			t.Errorf("powershell: unbalanced %s", pair)
		}
	}
}

// bash completes commands, flags, flag values and guide ids.
func TestBashCompletion(t *testing.T) {
	bash := needProgram(t, "bash")
	dir := t.TempDir()
	writeGuide(t, dir, "en/local/hotline.md", "Hotline", "local", "# Hotline\n")
	script := filepath.Join(t.TempDir(), "defensa.bash")
	if err := os.WriteFile(script, []byte(completionScript(t, "bash", "--guides", dir)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string // the command line, the last word being completed
		want  []string
	}{
		{[]string{"defensa", "re"}, []string{"read"}},
		{[]string{"defensa", "c"}, []string{"check", "completion"}},
		{[]string{"defensa", "--lang", "es", "re"}, []string{"read"}},
		{[]string{"defensa", "read", "rights/at-h"}, []string{"rights/at-home"}},
		{[]string{"defensa", "--lang", "es", "read", "rights/at-h"}, []string{"rights/at-home"}},
		{[]string{"defensa", "read", "local/"}, []string{"local/hotline"}},
		{[]string{"defensa", "read", "--r"}, []string{"--raw"}},
		{[]string{"defensa", "list", "--j"}, []string{"--json"}},
		{[]string{"defensa", "--m"}, []string{"--mouse"}},
		{[]string{"defensa", "--lang", ""}, []string{"en", "es", "all"}},
		{[]string{"defensa", "read", "--theme", "h"}, []string{"high-contrast"}},
		{[]string{"defensa", "completion", "z"}, []string{"zsh"}},
		{[]string{"defensa", "help", "se"}, []string{"search"}},
	}
	for _, tt := range tests {
		line := "source " + shQuote(script) + "; COMP_WORDS=("
		for _, w := range tt.words {
			line += shQuote(w) + " "
		}
		line += ")\nCOMP_CWORD=" + string(rune('0'+len(tt.words)-1)) + "\n_defensa\nprintf '%s\\n' \"${COMPREPLY[@]}\""
		out, err := exec.Command(bash, "-c", line).Output()
		if err != nil {
			t.Fatalf("%q: %v", tt.words, err)
		}
		got := strings.Fields(string(out))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.words, got, tt.want)
		}
	}
}

// fish completes the same, and zsh loads the script and registers it.
func TestFishAndZshCompletion(t *testing.T) {
	t.Run("fish", func(t *testing.T) {
		fish := needProgram(t, "fish")
		script := filepath.Join(t.TempDir(), "defensa.fish")
		if err := os.WriteFile(script, []byte(completionScript(t, "fish")), 0o644); err != nil {
			t.Fatal(err)
		}
		for line, want := range map[string][]string{
			"defensa re":                 {"read"},
			"defensa read rights/at-h":   {"rights/at-home"},
			"defensa --lang ":            {"all", "en", "es"},
			"defensa read --t":           {"--template", "--theme"},
			"defensa completion p":       {"powershell"},
			"defensa --lang es read --r": {"--raw"},
		} {
			out, err := exec.Command(fish, "--no-config", "-c", "source "+shQuote(script)+"; complete -C "+shQuote(line)).Output()
			if err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				got = append(got, strings.SplitN(l, "\t", 2)[0])
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%q: %q, want %q", line, got, want)
			}
		}
	})
	t.Run("zsh", func(t *testing.T) {
		zsh := needProgram(t, "zsh")
		dir := t.TempDir()
		script := filepath.Join(dir, "_defensa")
		if err := os.WriteFile(script, []byte(completionScript(t, "zsh")), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(zsh, "-n", script).CombinedOutput(); err != nil {
			t.Fatalf("zsh -n: %v\n%s", err, out)
		}
		cmd := exec.Command(zsh, "-f", "-c", "autoload -U compinit; compinit -u -d "+shQuote(filepath.Join(dir, "dump"))+"; source "+shQuote(script)+"; print $_comps[defensa]")
		cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH")}
		out, err := cmd.CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != "_defensa" {
			t.Errorf("zsh did not register the completion: %v %q", err, out)
		}
	})
}

// The manual page is made from the table: every command and flag, valid
// roff, in the person's language.
func TestManPage(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		out, _, code := runCmd(t, nil, "--lang", lang, "man")
		if code != 0 || !strings.HasPrefix(out, `.\" Made by: defensa man`+"\n.TH DEFENSA 1 ") {
			t.Fatalf("%s: exit %d:\n%.200s", lang, code, out)
		}
		for _, cmd := range commands()[1:] {
			if !strings.Contains(out, ".SS \"defensa "+cmd.name) {
				t.Errorf("%s: no section for %s", lang, cmd.name)
			}
			own, global := flagsOf(cmd)
			for _, f := range append(own, global...) {
				if !strings.Contains(out, `\fB\-\-`+roff(f.Name)+`\fR`) {
					t.Errorf("%s: no --%s", lang, f.Name)
				}
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, ".") && !strings.HasPrefix(line, `.\"`) {
				if req := strings.Fields(line)[0]; !slices.Contains([]string{".TH", ".SH", ".SS", ".B", ".br", ".nf", ".fi", ".TP", ".PP"}, req) {
					t.Errorf("%s: a line taken for a roff request: %q", lang, line)
				}
			}
		}
		if groff, err := exec.LookPath("groff"); err == nil {
			cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z")
			cmd.Stdin = strings.NewReader(out)
			if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
				t.Errorf("%s: groff: %v\n%s", lang, err, msg)
			}
		}
	}
	es, _, _ := runCmd(t, nil, "--lang", "es", "man")
	if !strings.Contains(es, ".SH \"SINOPSIS\"") || !strings.Contains(es, "Muestra una gu\\[u00ED]a") {
		t.Error("the Spanish page must be in Spanish")
	}
}
