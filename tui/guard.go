package tui

import (
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The quick exit must work whatever the program is doing. Every Update is
// bounded (find stops at its cap, rows are drawn in one pass, slow work
// runs in commands), but the loop that reads keys and signals is the same
// one that runs Update: were one ever to run long, Ctrl+X, Ctrl+C and
// SIGTERM would wait behind it. The guard sees those keys as they are read
// from the terminal, and the signals as they arrive, and if the loop is
// still inside the same call a moment later, it restores the terminal and
// ends the process itself.

// guardGrace is how long a call into the model may run, once an exit was
// asked for, before the guard takes over; it takes over when one call
// spans two checks.
const guardGrace = 500 * time.Millisecond

// guardChecks is how many times the guard looks after an exit was asked
// for: a loop seen between calls that many times is working.
const guardChecks = 4

// guard watches the calls into the model and ends the process when an
// exit was asked for and the loop does not answer.
type guard struct {
	calls   atomic.Uint64 // calls into the model so far
	running atomic.Uint64 // the call in flight (its number), 0 between calls
	copied  atomic.Bool   // defensa wrote the clipboard: the quick exit empties it
	done    chan struct{} // closed once the program has ended on its own
	once    sync.Once

	out     io.Writer               // the terminal
	restore func()                  // puts the terminal's modes back (raw mode off)
	exit    func(code int)          // ends the process
	wait    func() <-chan time.Time // the pause between two checks
}

func newGuard(out io.Writer) *guard {
	return &guard{
		done:    make(chan struct{}),
		out:     out,
		restore: func() {},
		exit:    os.Exit,
		wait:    func() <-chan time.Time { return time.After(guardGrace) },
	}
}

// enter and leave bracket a call into the model.
func (g *guard) enter() { g.running.Store(g.calls.Add(1)) }
func (g *guard) leave() { g.running.Store(0) }

// ended says the program has ended on its own: nothing to take over.
func (g *guard) ended() { close(g.done) }

// asked says an exit was asked for (a key or a signal), with the exit
// status it would end with; quick is the quick exit, which also clears
// the screen and the clipboard.
func (g *guard) asked(code int, quick bool) { go g.watch(code, quick) }

// watch takes over when one call into the model spans two checks.
func (g *guard) watch(code int, quick bool) {
	var last uint64
	for range guardChecks {
		select {
		case <-g.done:
			return
		case <-g.wait():
		}
		select {
		case <-g.done:
			return
		default:
		}
		now := g.running.Load()
		if now != 0 && now == last {
			g.takeOver(code, quick)
			return
		}
		last = now
	}
}

// takeOver does what leaving the program would have done: the terminal's
// modes back, and for the quick exit an empty clipboard and screen.
func (g *guard) takeOver(code int, quick bool) {
	g.once.Do(func() {
		var b strings.Builder
		b.WriteString(ansi.ResetModeSynchronizedOutput)
		b.WriteString(ansi.ResetModifyOtherKeys + ansi.PopKittyKeyboard(1))
		b.WriteString(ansi.ResetModeMouseNormal + ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr)
		b.WriteString(ansi.ResetModeBracketedPaste + ansi.ResetModeFocusEvent)
		b.WriteString(ansi.ResetModeAltScreenSaveCursor + ansi.ShowCursor + "\x1b[m")
		if quick {
			if g.copied.Load() {
				b.WriteString("\x1b]52;c;\x07")
			}
			b.WriteString("\x1b[H\x1b[2J\x1b[3J")
		}
		_, _ = io.WriteString(g.out, b.String())
		g.restore()
		g.exit(code)
	})
}

// guarded is the interface with its calls watched by the guard.
type guarded struct {
	Model
	g *guard
}

// Update implements tea.Model.
func (w guarded) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	w.g.enter()
	defer w.g.leave()
	next, cmd := w.Model.Update(msg)
	m := next.(Model)
	w.g.copied.Store(m.copied)
	return guarded{m, w.g}, cmd
}

// View implements tea.Model.
func (w guarded) View() tea.View {
	w.g.enter()
	defer w.g.leave()
	return w.Model.View()
}

// exitKeys finds Ctrl+X and Ctrl+C in what the terminal sends, in each
// form a terminal sends them (a control byte, the Kitty keyboard
// protocol, xterm's modifyOtherKeys), and not inside a paste. It reads
// the bytes once, as they come, keeping at most a short escape sequence
// between two reads.
type exitKeys struct {
	esc   []byte // an escape sequence read in part
	paste bool   // inside a bracketed paste
}

// scan reads b and reports each exit key in it.
func (k *exitKeys) scan(b []byte, found func(quick bool)) {
	for _, c := range b {
		if len(k.esc) > 0 {
			k.esc = append(k.esc, c)
			switch {
			case len(k.esc) == 2 && c != '[':
				k.esc = k.esc[:0] // not a CSI: Alt and a key, or a reply
			case len(k.esc) > 2 && c >= 0x40 && c <= 0x7e:
				k.sequence(string(k.esc), found)
				k.esc = k.esc[:0]
			case len(k.esc) > 16:
				k.esc = k.esc[:0]
			}
			continue
		}
		switch {
		case c == 0x1b:
			k.esc = append(k.esc[:0], c)
		case k.paste:
		case c == 0x18:
			found(true)
		case c == 0x03:
			found(false)
		}
	}
}

func (k *exitKeys) sequence(seq string, found func(quick bool)) {
	switch seq {
	case "\x1b[200~":
		k.paste = true
	case "\x1b[201~":
		k.paste = false
	}
	if k.paste {
		return
	}
	switch seq {
	case "\x1b[120;5u", "\x1b[27;5;120~":
		found(true)
	case "\x1b[99;5u", "\x1b[27;5;99~":
		found(false)
	}
}

// watchedInput is the terminal's input, read by Bubble Tea as always and
// seen by the guard on the way.
type watchedInput struct {
	*os.File
	keys exitKeys
	g    *guard
}

// Read implements io.Reader.
func (w *watchedInput) Read(p []byte) (int, error) {
	n, err := w.File.Read(p)
	w.keys.scan(p[:n], func(quick bool) {
		if quick {
			w.g.asked(0, true)
		} else {
			w.g.asked(130, false)
		}
	})
	return n, err
}
