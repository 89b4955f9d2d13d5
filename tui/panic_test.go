package tui

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

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

// lockedBuffer collects output written from the program's goroutines.
type syncBuffer struct {
	ch  chan []byte
	buf bytes.Buffer
}

func (s *syncBuffer) Write(b []byte) (int, error) {
	s.ch <- append([]byte(nil), b...)
	return len(b), nil
}

func TestPanicRestoresTerminal(t *testing.T) {
	inR, inW := io.Pipe()
	out := &syncBuffer{ch: make(chan []byte, 4096)}
	m := panicky{New(embedded(t), Options{Lang: i18n.English, FixedTheme: true})}
	p := newProgram(m, tea.WithInput(inR), tea.WithOutput(out), tea.WithWindowSize(80, 24), tea.WithoutSignals())
	errc := make(chan error, 1)
	go func() { _, err := p.Run(); errc <- err }()
	go func() {
		time.Sleep(200 * time.Millisecond)
		_, _ = inW.Write([]byte("j!"))
	}()
	var err error
	select {
	case err = <-errc:
	case <-time.After(20 * time.Second):
		t.Fatal("the program did not end after the panic")
	}
	close(out.ch)
	for b := range out.ch {
		out.buf.Write(b)
	}
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("Run returned %v, want ErrProgramPanic", err)
	}
	s := out.buf.String()
	enter := strings.Index(s, "\x1b[?1049h")
	leave := strings.LastIndex(s, "\x1b[?1049l")
	if enter < 0 || leave < enter {
		t.Errorf("the alternate screen must be left after a panic (enter %d, leave %d)", enter, leave)
	}
	if !strings.Contains(s[max(leave, 0):], "\x1b[?25h") && !strings.Contains(s, "\x1b[?25h") {
		t.Error("the cursor must be shown again after a panic")
	}
}
