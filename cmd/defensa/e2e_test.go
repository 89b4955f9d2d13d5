package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
	pid    string // file holding the program's process id
}

// buildBinary builds defensa once for the whole test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "defensa-test-")
		if built.err != nil {
			return
		}
		bin := filepath.Join(built.dir, "defensa")
		out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("build: %v\n%s", err, out)
			return
		}
		built.bin = bin
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// built is the binary the end-to-end tests share; TestMain removes it.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// runBin runs the built binary as in a pipe, with only env (and PATH) in
// its environment: for tests of output over many command lines, which the
// race detector makes slow in-process.
func runBin(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	bin := buildBinary(t)
	var out, errOut bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%q: %v", args, err)
	}
	return out.String(), errOut.String(), code
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
// socket and a clean environment (env added to it). The program's process
// id and, once it ends, its exit status are written to files, since
// tmux's own status is not the program's.
func startTerm(t *testing.T, bin string, env []string, args ...string) *terminal {
	t.Helper()
	return startTermIn(t, "", bin, env, args...)
}

// startTermIn is startTerm with the program run in the folder work.
func startTermIn(t *testing.T, work, bin string, env []string, args ...string) *terminal {
	t.Helper()
	needTmux(t)
	dir := t.TempDir()
	tm := &terminal{
		t:      t,
		socket: fmt.Sprintf("defensa-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-")),
		status: filepath.Join(dir, "status"),
		pid:    filepath.Join(dir, "pid"),
	}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = shQuote(a)
	}
	if work == "" {
		work = dir
	}
	script := fmt.Sprintf("cd %s || exit 1\n"+
		// Ctrl-C reaches the whole foreground group; like an interactive
		// shell, this one must outlive it to write the status.
		"trap : INT\nexport PATH=/usr/bin:/bin TERM=xterm-256color HOME=%s %s\n"+
		"sh -c 'echo $$ > %s; exec \"$@\"' sh %s %s\n"+
		"echo $? > %s\nsleep 30\n",
		shQuote(work), dir, strings.Join(env, " "), tm.pid, bin, strings.Join(quoted, " "), tm.status)
	path := filepath.Join(dir, "run.sh")
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	tm.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "main", "env -i sh "+path)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

// signal sends sig to the program, by its process id.
func (tm *terminal) signal(sig syscall.Signal) {
	tm.t.Helper()
	text := tm.poll("the program's process id", func() (string, bool) {
		b, err := os.ReadFile(tm.pid)
		return strings.TrimSpace(string(b)), err == nil && len(b) > 0
	})
	pid, err := strconv.Atoi(text)
	if err != nil {
		tm.t.Fatalf("process id %q: %v", text, err)
	}
	if err := syscall.Kill(pid, sig); err != nil {
		tm.t.Fatalf("kill %d: %v", pid, err)
	}
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

// read pages a long guide through less. Ctrl-C belongs to less; SIGTERM
// and SIGHUP reach less too, so it restores the terminal, and defensa
// ends with 128+signal.
func TestReadPagerSignals(t *testing.T) {
	needTmux(t)
	needProgram(t, "less")
	bin := buildBinary(t)
	const title = "If immigration agents come to your home"

	t.Run("ctrl-c stays in the pager", func(t *testing.T) {
		tm := startTerm(t, bin, []string{"LANG=en_US.UTF-8"}, "read", "rights/at-home")
		tm.waitFor(title)
		tm.keys("C-c")
		// less drops the keys typed before it has handled Ctrl-C: press G
		// until it goes to the end.
		tm.poll("(END)", func() (string, bool) {
			tm.keys("G")
			s := tm.screen()
			return s, strings.Contains(s, "(END)")
		})
		tm.keys("q")
		tm.expectExit("0")
	})
	for _, tt := range []struct {
		sig  syscall.Signal
		want string
	}{{syscall.SIGTERM, "143"}, {syscall.SIGHUP, "129"}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			tm := startTerm(t, bin, []string{"LANG=en_US.UTF-8"}, "read", "rights/at-home")
			tm.waitFor(title)
			tm.signal(tt.sig)
			tm.expectExit(tt.want)
			if s := tm.screen(); strings.Contains(s, title) {
				t.Errorf("the pager must be gone and the screen restored:\n%s", s)
			}
		})
	}
}
