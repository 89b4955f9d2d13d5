//go:build !windows

package tui

import (
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// canSuspend reports whether Ctrl+Z can put defensa in the background.
const canSuspend = true

// watchSignals turns the signals that end or stop a program into what
// restores the terminal first: SIGINT, SIGHUP, SIGQUIT and SIGTERM end
// the program through its loop (which restores the terminal), and
// SIGTSTP (Ctrl+Z, or kill -TSTP) releases the terminal, stops, and takes
// it back on SIGCONT (fg): the suspend goes through Bubble Tea, which
// restores the terminal and then sends SIGTSTP to the process group, which
// comes back here and becomes the real stop.
func watchSignals(p *tea.Program, g *guard) (stop func()) {
	ch := make(chan os.Signal, 8)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGTERM, syscall.SIGTSTP, syscall.SIGCONT)
	done := make(chan struct{})
	go func() {
		suspending := false
		for {
			var s os.Signal
			select {
			case <-done:
				return
			case s = <-ch:
			}
			switch s {
			case syscall.SIGTSTP:
				if !suspending {
					// Bubble Tea releases the terminal, then sends
					// SIGTSTP itself, which comes back here.
					suspending = true
					p.Send(tea.SuspendMsg{})
					continue
				}
				// Go keeps its own handler for SIGTSTP once it was
				// asked for, so the stop is SIGSTOP, which the shell
				// sees the same way.
				_ = syscall.Kill(0, syscall.SIGSTOP)
			case syscall.SIGCONT:
				suspending = false
			default:
				sig := s.(syscall.Signal)
				go p.Send(signalMsg{sig}) // a stuck loop must not hold this one too
				g.asked(128+int(sig), false)
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// suspend is what Ctrl+Z does: the same as a SIGTSTP from outside.
func suspend() tea.Msg {
	_ = syscall.Kill(os.Getpid(), syscall.SIGTSTP)
	return nil
}
