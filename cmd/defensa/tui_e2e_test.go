//go:build !windows

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"defensa/internal/i18n"
)

// The full-screen interface as a person meets it: the real binary over the
// real corpus, in tmux, at 80x24 unless a flow says otherwise. The
// harness (buildBinary, terminal, poll) is in e2e_test.go.

// startTUI runs the binary in a w x h tmux session. The program's pid and
// exit status are written to files: the inner shell writes its pid and
// execs the binary, which keeps it.
func startTUI(t *testing.T, bin string, w, h int, env []string, args ...string) (*terminal, int) {
	t.Helper()
	needTmux(t)
	dir := t.TempDir()
	pidFile, script := filepath.Join(dir, "pid"), filepath.Join(dir, "run.sh")
	tm := &terminal{t: t, socket: socketName(), status: filepath.Join(dir, "status")}
	// A script file: no quoting through tmux's shell.
	body := fmt.Sprintf("export PATH=/usr/bin:/bin TERM=xterm-256color HOME=%s %s\nsh -c 'echo $$ > %s; exec %s %s'\necho $? > %s\nsleep 30\n",
		dir, strings.Join(env, " "), pidFile, bin, strings.Join(args, " "), tm.status)
	if err := os.WriteFile(script, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	tm.tmux("new-session", "-d", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "-s", "main", "env -i sh "+script)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	pid := tm.poll("the pid file", func() (string, bool) {
		b, err := os.ReadFile(pidFile)
		return strings.TrimSpace(string(b)), err == nil && len(b) > 1
	})
	n, _ := strconv.Atoi(pid)
	return tm, n
}

var sockets atomic.Int64

// socketName is a tmux socket no other session of this run uses.
func socketName() string { return fmt.Sprintf("defensa-tui-%d-%d", os.Getpid(), sockets.Add(1)) }

// pane reports a tmux format of the pane: alternate_on, cursor_flag...
func (tm *terminal) pane(format string) string {
	return strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "main", "#{"+format+"}"))
}

// restored checks that the terminal is as it was before defensa: the main
// screen, the cursor shown, no mouse tracking.
func (tm *terminal) restored() {
	tm.t.Helper()
	for format, want := range map[string]string{"alternate_on": "0", "cursor_flag": "1", "mouse_any_flag": "0", "mouse_standard_flag": "0"} {
		if got := tm.pane(format); got != want {
			tm.t.Errorf("%s = %s after the program, want %s", format, got, want)
		}
	}
}

// oneLine joins the screen's words, so a wrapped message can be matched.

func TestTUIEndToEnd(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	en, es := []string{"LANG=en_US.UTF-8"}, []string{"LANG=es_MX.UTF-8"}

	t.Run("real corpus: open, scroll, contents, find, link, back, quit", func(t *testing.T) {
		tm, _ := startTUI(t, bin, 80, 24, en)
		tm.waitFor("Right now")
		tm.keys("Enter")
		s := tm.waitFor("In short")
		if !strings.Contains(s, "General information, not legal advice") {
			t.Errorf("the reader must carry the disclaimer:\n%s", s)
		}
		tm.keys("Space")
		tm.waitFor("%")
		tm.keys("t")
		tm.waitFor("Contents")
		tm.keys("Down", "Enter")
		tm.keys("/")
		tm.keys("lawyer")
		tm.waitFor("Find in this guide: lawyer")
		tm.keys("Enter")
		tm.waitFor(" of ")
		tm.keys("Escape") // alone: Esc and a key at once read as Alt+key
		tm.waitFor("General information, not legal advice")
		tm.keys("g")
		s = tm.poll("a link to a guide", func() (string, bool) {
			tm.keys("Tab")
			s := tm.screen()
			return s, strings.Contains(s, "Enter opens:")
		})
		_, target, _ := strings.Cut(s, "Enter opens: ")
		target = strings.TrimSpace(strings.SplitN(target, "\n", 2)[0])
		target = string([]rune(target)[:min(len([]rune(target)), 20)])
		tm.keys("Enter")
		tm.poll("header "+target, func() (string, bool) {
			s := tm.screen()
			return s, strings.Contains(strings.SplitN(s, "\n", 2)[0], target)
		})
		tm.keys("BSpace")
		tm.waitFor("If immigration agents come to your home")
		tm.keys("q")
		tm.waitFor("Right now")
		tm.keys("Escape") // never quits: says how to
		tm.waitFor("To close defensa, press Ctrl+C")
		tm.keys("C-c")
		tm.expectExit("130")
		tm.restored()
		if s := tm.screen(); strings.Contains(s, "Right now") {
			t.Errorf("after quitting, the screen must be restored:\n%s", s)
		}
	})

	t.Run("a: a Spanish question typed at once opens a detention guide", func(t *testing.T) {
		tm, _ := startTUI(t, bin, 80, 24, append(es, "TERM=linux"))
		tm.keys("-l", "qué hago si detienen a mi esposo")
		tm.keys("Enter")
		s := tm.poll("a guide about detention", func() (string, bool) {
			s := tm.screen()
			head := strings.ToLower(strings.SplitN(s, "\n", 2)[0])
			return s, strings.Contains(head, "deten") || strings.Contains(head, "arrest")
		})
		if strings.ContainsAny(s, "›•…─") {
			t.Errorf("TERM=linux must draw ASCII only:\n%s", s)
		}
		if _, err := os.Stat(tm.status); err == nil {
			t.Fatal("the program must still be running")
		}
		tm.keys("C-c")
		tm.expectExit("130")
	})

	t.Run("b: Mexico and x on the home screen type, not quit", func(t *testing.T) {
		tm, _ := startTUI(t, bin, 80, 24, en)
		tm.waitFor("Right now")
		tm.keys("-l", "Mexico x q")
		tm.waitFor("Search: Mexico x q")
		if _, err := os.Stat(tm.status); err == nil {
			t.Fatal("typing must never end the program")
		}
		tm.keys("C-x")
		tm.expectExit("0")
		if s := strings.TrimSpace(tm.screen()); s != "" {
			t.Errorf("quick exit must leave nothing on screen:\n%s", s)
		}
	})

	t.Run("c: the door guide in at most 3 keys", func(t *testing.T) {
		tm, _ := startTUI(t, bin, 80, 24, en)
		tm.waitFor("Right now")
		tm.keys("Enter") // 1 key: the cursor starts on "ICE is at the door"
		tm.poll("the door guide", func() (string, bool) {
			s := tm.screen()
			return s, strings.Contains(strings.SplitN(s, "\n", 2)[0], "If immigration agents come to your home")
		})
	})

	t.Run("d: every section on the first screen", func(t *testing.T) {
		for lang, env := range map[i18n.Lang][]string{i18n.English: en, i18n.Spanish: es} {
			tm, _ := startTUI(t, bin, 80, 24, env)
			c := i18n.For(lang)
			s := tm.waitFor(c.Section("reference"))
			for _, sec := range []string{"rights", "campaign", "templates", "discretion", "detainers", "officials", "reference"} {
				if !strings.Contains(s, c.Section(sec)) {
					t.Errorf("%s: %q is not on the first screen:\n%s", lang, c.Section(sec), s)
				}
			}
		}
	})

	t.Run("e: help at 60x20 shows quit and quick exit", func(t *testing.T) {
		for _, env := range [][]string{en, es} {
			tm, _ := startTUI(t, bin, 60, 20, env)
			tm.waitFor("Ctrl+X")
			tm.keys("F1")
			tm.waitFor("────")
			tm.keys("Enter") // ignored in help
			s := tm.screen()
			for _, want := range [][2]string{{"Ctrl+X quick exit", "Ctrl+X salida rápida"}, {"Ctrl+C quit", "Ctrl+C salir"}} {
				if !strings.Contains(oneLine(s), want[0]) && !strings.Contains(oneLine(s), want[1]) {
					t.Errorf("help must show %q:\n%s", want[0], s)
				}
			}
		}
	})

	// Issue 16.7: signals restore the terminal and exit 128+signal.
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGQUIT} {
		t.Run("signal "+sig.String(), func(t *testing.T) {
			tm, pid := startTUI(t, bin, 80, 24, en, "--mouse")
			tm.waitFor("Right now")
			if err := syscall.Kill(pid, sig); err != nil {
				t.Fatalf("kill: %v", err)
			}
			tm.expectExit(strconv.Itoa(128 + int(sig)))
			tm.restored()
			if s := tm.screen(); strings.Contains(s, "goroutine") || strings.Contains(s, "Right now") {
				t.Errorf("the screen must be restored, with no dump:\n%s", s)
			}
		})
	}
}

// Issue 16.7: SIGTSTP (Ctrl+Z or kill -TSTP) gives the terminal back to
// the shell, and fg takes it again, in raw mode.
func TestTUISuspendAndResume(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	for _, how := range []string{"kill -TSTP", "Ctrl+Z"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			tm := &terminal{t: t, socket: socketName(), status: filepath.Join(dir, "status")}
			tm.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "main",
				"env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME="+dir+" LANG=en_US.UTF-8 PS1='$ ' bash --norc --noprofile -i")
			tm.waitFor("$")
			t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
			pidFile := filepath.Join(dir, "pid")
			tm.keys("-l", fmt.Sprintf("sh -c 'echo $$ > %s; exec %s'", pidFile, bin))
			tm.keys("Enter")
			tm.waitFor("Right now")
			if how == "Ctrl+Z" {
				tm.keys("C-z")
			} else {
				b, _ := os.ReadFile(pidFile)
				pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
				if err := syscall.Kill(pid, syscall.SIGTSTP); err != nil {
					t.Fatalf("kill: %v", err)
				}
			}
			tm.waitFor("Stopped")
			tm.poll("the shell in front", func() (string, bool) {
				c := tm.pane("pane_current_command")
				return c, c == "bash"
			})
			tm.restored()
			tm.keys("-l", "fg")
			tm.keys("Enter")
			tm.waitFor("Right now")
			// Raw mode again: a letter reaches the field without Enter.
			tm.keys("-l", "bond")
			tm.waitFor("Search: bond")
			tm.keys("C-c")
			tm.poll("the shell in front again", func() (string, bool) {
				c := tm.pane("pane_current_command")
				return c, c == "bash"
			})
			tm.keys("-l", "echo status=$?")
			tm.keys("Enter")
			tm.waitFor("status=130")
			tm.restored()
		})
	}
}
