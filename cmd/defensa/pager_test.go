package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestPagerArgs(t *testing.T) {
	found := func(names ...string) func(string) (string, error) {
		return func(name string) (string, error) {
			if slices.Contains(names, name) {
				return "/usr/bin/" + name, nil
			}
			return "", exec.ErrNotFound
		}
	}
	tests := []struct {
		pager, goos string
		look        func(string) (string, error)
		want        []string
	}{
		{"", "linux", found("less"), []string{"/usr/bin/less", "-R"}},
		{"", "darwin", found("less"), []string{"/usr/bin/less", "-R"}},
		{"less", "linux", found("less"), []string{"/usr/bin/less"}},
		{"", "linux", found(), nil},
		{"", "windows", found("less"), nil},
		{"most -s", "linux", found("most", "less"), []string{"/usr/bin/most", "-s"}},
		{"  less  ", "linux", found("less"), []string{"/usr/bin/less"}},
		{"more", "windows", found("more"), []string{"/usr/bin/more"}},
		{"cat", "linux", found("cat", "less"), nil},
		{"no-such-pager", "linux", found("less"), nil},
	}
	for _, tt := range tests {
		got, ours := pagerArgs(func(k string) string { return map[string]string{"PAGER": tt.pager}[k] }, tt.goos, tt.look)
		if !slices.Equal(got, tt.want) || ours != (tt.pager == "" && got != nil) {
			t.Errorf("PAGER=%q on %s: %q (ours %v), want %q", tt.pager, tt.goos, got, ours, tt.want)
		}
	}
}

func TestLessPrompt(t *testing.T) {
	if got, want := lessPrompt(`q: quit. 100% sure? a\b`), `-Psq\: quit\. 100\% sure\? a\\b?e  (END).`; got != want {
		t.Errorf("lessPrompt = %q, want %q", got, want)
	}
	if got := lessPrompt("buscá · ok"); got != "-Psbusc - ok?e  (END)." {
		t.Errorf("less draws only ASCII in a prompt: %q", got)
	}
}

// less keeps no history file, whatever the person's environment says.
func TestPagerEnv(t *testing.T) {
	tests := []struct {
		environ, want, not []string
	}{
		{[]string{"HOME=/h"}, []string{"HOME=/h", "LESSHISTFILE=-", "LESS=FR", "LESSCHARSET=utf-8"}, nil},
		{[]string{"LESSHISTFILE=/h/.lesshst", "LESS=-iM", "LESSCHARSET=latin1"},
			[]string{"LESSHISTFILE=-", "LESS=-iM", "LESSCHARSET=latin1"}, []string{"LESSHISTFILE=/h/.lesshst", "LESS=FR"}},
	}
	for _, tt := range tests {
		got := pagerEnv(tt.environ)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("pagerEnv(%q) = %q, lacks %q", tt.environ, got, w)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(got, n) {
				t.Errorf("pagerEnv(%q) = %q, keeps %q", tt.environ, got, n)
			}
		}
	}
}

// fakePager is a pager that records what it was given, in dir.
func fakePager(t *testing.T) (pager, dir string) {
	t.Helper()
	dir = t.TempDir()
	script := filepath.Join(dir, "pager")
	body := "#!/bin/sh\necho \"$LESSHISTFILE\" > " + dir + "/histfile\ncat > " + dir + "/shown\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, dir
}

// read on a terminal pages a guide longer than the window, and only then.
func TestReadPagesOnATerminal(t *testing.T) {
	pager, dir := fakePager(t)
	tests := []struct {
		args   []string
		height int
		tty    bool
		paged  bool
	}{
		{[]string{"read", "rights/at-home"}, 24, true, true},
		{[]string{"read", "rights/at-home", "--raw"}, 24, true, true},
		{[]string{"read", "rights/at-home"}, 100000, true, false},
		{[]string{"read", "rights/at-home", "--no-pager"}, 24, true, false},
		{[]string{"read", "rights/at-home"}, 24, false, false},
		{[]string{"list"}, 24, true, false},
	}
	for _, tt := range tests {
		os.Remove(filepath.Join(dir, "shown"))
		var out, errOut bytes.Buffer
		env := testEnv(map[string]string{"PAGER": pager}, &out, &errOut)
		env.StdoutIsTerminal = tt.tty
		env.TerminalSize = func() (int, int) { return 80, tt.height }
		env.Environ = []string{"LESSHISTFILE=/somewhere"}
		if code := run(tt.args, env); code != 0 {
			t.Fatalf("%q: exit %d, %s", tt.args, code, errOut.String())
		}
		shown, err := os.ReadFile(filepath.Join(dir, "shown"))
		switch {
		case tt.paged && err != nil:
			t.Errorf("%q at %d lines: not paged", tt.args, tt.height)
		case tt.paged && (!strings.Contains(string(shown), "If immigration agents come to your home") || out.Len() != 0):
			t.Errorf("%q: the pager got %d bytes, the terminal %d", tt.args, len(shown), out.Len())
		case !tt.paged && err == nil:
			t.Errorf("%q at %d lines (terminal %v): paged", tt.args, tt.height, tt.tty)
		case !tt.paged && out.Len() == 0:
			t.Errorf("%q: nothing printed", tt.args)
		}
	}
	if h, _ := os.ReadFile(filepath.Join(dir, "histfile")); strings.TrimSpace(string(h)) != "-" {
		t.Errorf("the pager ran with LESSHISTFILE=%q", h)
	}
}

// Alone, a signal ends a command with 128+signal; while the pager runs,
// Ctrl-C is the pager's, and SIGTERM or SIGHUP ends the pager with SIGTERM.
func TestGuard(t *testing.T) {
	for _, tt := range []struct {
		sig  os.Signal
		want int
	}{{syscall.SIGTERM, 143}, {syscall.SIGHUP, 129}, {os.Interrupt, 130}, {syscall.SIGQUIT, 131}} {
		var got int
		g := &guard{exit: func(code int) { got = code }}
		g.handle(tt.sig)
		if got != tt.want {
			t.Errorf("%v: exit %d, want %d", tt.sig, got, tt.want)
		}
	}

	pager := func() *exec.Cmd {
		cmd := exec.Command("sleep", "60")
		if err := cmd.Start(); err != nil {
			t.Skip(err)
		}
		return cmd
	}
	exited := false
	g := &guard{exit: func(int) { exited = true }}
	g.begin()
	cmd := pager()
	g.started(cmd.Process)
	g.handle(os.Interrupt)
	g.handle(syscall.SIGTERM)
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGTERM {
		t.Errorf("the pager must get SIGTERM: %v", err)
	}
	if sig := g.done(); sig != syscall.SIGTERM || exited {
		t.Errorf("done() = %v, exited %v: want SIGTERM and no exit while paging", sig, exited)
	}

	// A signal that arrives while the pager starts reaches it once it has.
	g = &guard{exit: func(int) { exited = true }}
	g.begin()
	g.handle(syscall.SIGHUP)
	cmd = pager()
	g.started(cmd.Process)
	if err := cmd.Wait(); !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGTERM {
		t.Errorf("the pager must get SIGTERM, which less restores the terminal on: %v", err)
	}
	if sig := g.done(); sig != syscall.SIGHUP || exited {
		t.Errorf("done() = %v, exited %v", sig, exited)
	}
}

// A command ended by a signal while paging exits 128+signal.
func TestSignalledExitStatus(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int
	}{
		{signalled{syscall.SIGTERM}, 143},
		{signalled{syscall.SIGHUP}, 129},
		{signalled{os.Interrupt}, 130},
		{errInterrupted, 130},
	} {
		c := &call{env: testEnv(nil, &bytes.Buffer{}, &bytes.Buffer{}), g: &globals{}}
		if got := c.exit(tt.err); got != tt.want {
			t.Errorf("%v: exit %d, want %d", tt.err, got, tt.want)
		}
	}
}
