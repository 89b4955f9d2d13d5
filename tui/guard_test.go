package tui

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"defensa/internal/i18n"
)

// Ctrl+X and Ctrl+C are seen in every form a terminal sends them, split
// over two reads too, and never inside a paste.
func TestExitKeysSeen(t *testing.T) {
	cases := []struct {
		reads []string
		want  string // q for the quick exit, c for Ctrl+C, in order
	}{
		{[]string{"\x18"}, "q"},
		{[]string{"abc\x03"}, "c"},
		{[]string{"\x1b[120;5u"}, "q"},
		{[]string{"\x1b[12", "0;5u"}, "q"},
		{[]string{"\x1b[27;5;120~"}, "q"},
		{[]string{"\x1b[99;5u", "\x1b[27;5;99~"}, "cc"},
		{[]string{"\x1b[200~pasted \x18 and \x03\x1b[201~"}, ""},
		{[]string{"\x1b[200~pasted", " \x18\x1b[2", "01~\x18"}, "q"},
		{[]string{"\x1bx", "\x1b]11;rgb:0000/0000/0000\x07", "hello"}, ""},
		{[]string{"\x1b[A\x1b[B", "x"}, ""},
	}
	for _, c := range cases {
		var k exitKeys
		got := ""
		for _, r := range c.reads {
			k.scan([]byte(r), func(quick bool) {
				if quick {
					got += "q"
				} else {
					got += "c"
				}
			})
		}
		if got != c.want {
			t.Errorf("%q: saw %q, want %q", c.reads, got, c.want)
		}
	}
}

// testGuard is a guard whose checks come at once and whose exit is
// recorded, not done.
func testGuard(out io.Writer) (*guard, chan int) {
	g := newGuard(out)
	exited := make(chan int, 1)
	g.exit = func(code int) { exited <- code }
	ready := make(chan time.Time)
	close(ready)
	g.wait = func() <-chan time.Time { return ready }
	return g, exited
}

// The guard takes over only when one call into the model spans two
// checks: never while the loop is between calls or moving on.
func TestGuardTakesOverOnlyAStuckLoop(t *testing.T) {
	var out strings.Builder
	g, exited := testGuard(&out)
	g.watch(0, true) // idle: nothing in flight at any check
	n := uint64(0)
	g.wait = func() <-chan time.Time {
		n++
		g.running.Store(n) // a new call at each check: working
		ready := make(chan time.Time)
		close(ready)
		return ready
	}
	g.watch(0, true)
	if len(exited) != 0 || out.Len() != 0 {
		t.Fatal("a loop that answers must be left alone")
	}
	g, exited = testGuard(&out)
	g.running.Store(7) // one call that never returns
	g.copied.Store(true)
	g.watch(0, true)
	if code := <-exited; code != 0 {
		t.Errorf("quick exit status %d", code)
	}
	for _, want := range []string{"\x1b[?1049l", "\x1b[?25h", "\x1b]52;c;\x07", "\x1b[2J\x1b[3J"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("taking over must write %q: %q", want, out.String())
		}
	}
}

// stuck is the interface with a bug that never returns from Update on
// '!': the loop that would read Ctrl+X is held.
type stuck struct {
	guarded
	entered chan struct{}
	release chan struct{}
}

func (s stuck) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Code == '!' {
		s.g.enter()
		close(s.entered)
		<-s.release
		s.g.leave()
		return s, nil
	}
	next, cmd := s.guarded.Update(msg)
	s.guarded = next.(guarded)
	return s, cmd
}

// QA 1: with the loop stuck in an Update, Ctrl+X still restores the
// terminal, clears the screen and ends the process. The program runs on
// pipes; the key is typed once the loop is known to be stuck, so nothing
// waits on a clock.
func TestQuickExitWhileTheLoopIsStuck(t *testing.T) {
	out := &lockedBuffer{entered: make(chan struct{})}
	g, exited := testGuard(out)
	in, typed := io.Pipe()
	s := stuck{guarded{New(testOptions(t, i18n.English)), g}, make(chan struct{}), make(chan struct{})}
	p := newProgram(s, tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(80, 24), tea.WithoutSignals())
	done := make(chan error, 1)
	go func() {
		_, err := p.Run()
		done <- err
	}()
	<-out.entered
	var keys exitKeys
	_, _ = typed.Write([]byte("!"))
	<-s.entered
	keys.scan([]byte("\x18"), func(quick bool) { g.asked(0, quick) }) // what watchedInput does on Ctrl+X
	if code := <-exited; code != 0 {
		t.Errorf("exit status %d", code)
	}
	if got := out.String(); !strings.Contains(got, "\x1b[?1049l") || !strings.Contains(got, "\x1b[H\x1b[2J\x1b[3J") {
		t.Errorf("the terminal must be restored and cleared: %q", got[max(len(got)-80, 0):])
	}
	close(s.release)
	p.Kill()
	<-done
}
