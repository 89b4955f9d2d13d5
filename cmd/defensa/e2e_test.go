package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These tests drive the real binary in a real terminal (tmux), as a person
// would. CI sets DEFENSA_REQUIRE_TMUX so a missing tmux fails instead of
// skipping.

type terminal struct {
	t      *testing.T
	socket string
	status string
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "defensa")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("DEFENSA_REQUIRE_TMUX") != "" {
			t.Fatal("tmux is required (DEFENSA_REQUIRE_TMUX is set)")
		}
		t.Skip("tmux not installed")
	}
}

// startTerm runs the binary in a fresh 80x24 tmux session with a private
// socket; the exit status is written to a file, since tmux's own is not
// the program's.
func startTerm(t *testing.T, bin string, env []string, args ...string) *terminal {
	t.Helper()
	needTmux(t)
	dir := t.TempDir()
	tm := &terminal{t: t, socket: fmt.Sprintf("defensa-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-")), status: filepath.Join(dir, "status")}
	cmdline := fmt.Sprintf("export PATH=/usr/bin:/bin TERM=xterm-256color HOME=%s %s; %s %s; echo $? > %s; sleep 30",
		dir, strings.Join(env, " "), bin, strings.Join(args, " "), tm.status)
	cmdline = "env -i sh -c '" + cmdline + "'"
	tm.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "main", cmdline)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *terminal) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *terminal) screen() string { return tm.tmux("capture-pane", "-p", "-t", "main") }

func (tm *terminal) keys(keys ...string) {
	tm.tmux(append([]string{"send-keys", "-t", "main"}, keys...)...)
}

// waitFor polls the screen until it shows want. The deadline only bounds a
// hang; nothing here measures speed.
func (tm *terminal) waitFor(want string) string {
	tm.t.Helper()
	return tm.poll(want, func() (string, bool) {
		s := tm.screen()
		return s, strings.Contains(s, want)
	})
}

// exitStatus waits for the program to end and returns its exit status.
func (tm *terminal) exitStatus() string {
	tm.t.Helper()
	return tm.poll("the program to exit", func() (string, bool) {
		b, err := os.ReadFile(tm.status)
		return strings.TrimSpace(string(b)), err == nil && len(b) > 0
	})
}

// expectExit waits for the program to end with the given exit status.
func (tm *terminal) expectExit(want string) {
	tm.t.Helper()
	if got := tm.exitStatus(); got != want {
		tm.t.Errorf("exit status %s, want %s", got, want)
	}
}

// poll calls check until it reports done; the deadline only bounds a hang.
func (tm *terminal) poll(what string, check func() (string, bool)) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		v, done := check()
		if done {
			return v
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waited in vain for %s; screen:\n%s", what, tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
