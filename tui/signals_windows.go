package tui

import (
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// canSuspend reports whether Ctrl+Z can put defensa in the background:
// Windows consoles have no job control.
const canSuspend = false

// watchSignals ends the program through its loop on an interrupt or a
// termination, so the console is restored.
func watchSignals(p *tea.Program, g *guard) (stop func()) {
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case s := <-ch:
				sig, _ := s.(syscall.Signal)
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

func suspend() tea.Msg { return nil }
