package main

import (
	"os"
	"sync"
	"syscall"
)

// guard decides what a signal does during a command. Alone, the command
// ends at once with 128+signal. While a pager has the terminal, Ctrl-C
// belongs to the pager (less uses it to stop a search), and SIGTERM or
// SIGHUP is passed on to it so it can restore the terminal before the
// command ends with that signal's status: the pager is never left behind
// reading the keyboard after defensa is gone. The pager gets SIGTERM for
// either: less quits on SIGHUP without restoring the terminal.
type guard struct {
	exit        func(int)
	stopSignals func()

	mu      sync.Mutex
	inPager bool
	pager   *os.Process // nil while it starts
	got     os.Signal   // what arrived while the pager ran
}

// watch handles every signal ch delivers, until it is closed.
func (g *guard) watch(ch <-chan os.Signal) {
	for sig := range ch {
		g.handle(sig)
	}
}

func (g *guard) handle(sig os.Signal) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.inPager {
		if g.exit != nil {
			g.exit(signalStatus(sig))
		}
		return
	}
	if sig == os.Interrupt {
		return
	}
	if g.got == nil {
		g.got = sig
	}
	if g.pager != nil {
		_ = g.pager.Signal(syscall.SIGTERM)
	}
}

// begin says a pager is about to take the terminal, until done.
func (g *guard) begin() {
	g.mu.Lock()
	g.inPager = true
	g.mu.Unlock()
}

// started says the pager is p, and passes on a signal that came while it
// started.
func (g *guard) started(p *os.Process) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.pager = p
	if g.got != nil {
		_ = p.Signal(syscall.SIGTERM)
	}
}

// done says the pager has ended, and returns the signal that ended it, if
// one did.
func (g *guard) done() os.Signal {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.inPager, g.pager = false, nil
	return g.got
}
