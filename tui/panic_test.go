package tui

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"defensa/internal/i18n"
)

// panicky wraps the real interface and panics on a chosen key, standing in
// for a bug anywhere in Update.
type panicky struct{ Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Code == '!' {
		panic("a bug")
	}
	next, cmd := p.Model.Update(msg)
	return panicky{next.(Model)}, cmd
}

// lockedBuffer collects output written from the program's goroutines,
// and says when the alternate screen was entered.
type lockedBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	entered chan struct{}
	once    sync.Once
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	if strings.Contains(b.buf.String(), "\x1b[?1049h") {
		b.once.Do(func() { close(b.entered) })
	}
	return n, err
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// A crash anywhere in the interface leaves the terminal as it was: the
// main screen and the cursor back. The program runs on pipes; the bug is
// typed once the screen is up, so nothing waits on a clock.
func TestPanicRestoresTerminal(t *testing.T) {
	out := &lockedBuffer{entered: make(chan struct{})}
	in, typed := io.Pipe()
	m := panicky{New(testOptions(t, i18n.English))}
	p := newProgram(m, tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(80, 24), tea.WithoutSignals())
	go func() {
		<-out.entered
		_, _ = typed.Write([]byte("ab!"))
	}()
	_, err := p.Run()
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("Run returned %v, want ErrProgramPanic", err)
	}
	s := out.String()
	enter := strings.Index(s, "\x1b[?1049h")
	leave := strings.LastIndex(s, "\x1b[?1049l")
	if enter < 0 || leave < enter {
		t.Errorf("the alternate screen must be left after a panic (enter %d, leave %d)", enter, leave)
	}
	if !strings.Contains(s[max(leave, 0):], "\x1b[?25h") {
		t.Error("the cursor must be shown again after a panic")
	}
}
