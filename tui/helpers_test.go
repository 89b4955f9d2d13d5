package tui

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	defensa "defensa"
	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
)

var (
	libOnce sync.Once
	testLib *library.Library
)

func embedded(t testing.TB) *library.Library {
	t.Helper()
	libOnce.Do(func() {
		lib, err := library.Load(defensa.Guides(), "guides", false)
		if err != nil {
			t.Fatalf("built-in guides: %v", err)
		}
		testLib = lib
	})
	return testLib
}

// newModel builds the interface at a size, in a language and theme, with
// the search index ready, as after start-up.
func newModel(t testing.TB, lang i18n.Lang, w, h int) Model {
	t.Helper()
	m := New(embedded(t), Options{Lang: lang, Theme: render.Dark, FixedTheme: true})
	m = send(t, m, tea.WindowSizeMsg{Width: w, Height: h}, buildIndex(m.sh.lib)())
	return m
}

// send delivers messages to the model and runs the commands they return,
// feeding their messages back, as the program loop would. A command that
// does not answer within cmdWait (a cursor blink, a tick) is dropped.
func send(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		var next tea.Model
		next, cmd = m.Update(msg)
		m = next.(Model)
		m = runCmd(t, m, cmd, 0)
	}
	return m
}

const cmdWait = 150 * time.Millisecond

func runCmd(t testing.TB, m Model, cmd tea.Cmd, depth int) Model {
	if cmd == nil || depth > 8 {
		return m
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(cmdWait):
		return m
	}
	switch msg := msg.(type) {
	case nil:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmd(t, m, c, depth+1)
		}
		return m
	case tea.QuitMsg:
		return m
	}
	next, cmd2 := m.Update(msg)
	return runCmd(t, next.(Model), cmd2, depth+1)
}

// keys turns a description into key presses: single characters, or names
// in angle brackets: <enter> <esc> <tab> <s-tab> <bs> <down> <up> <space>
// <pgdown> <ctrl+x>.
func keys(s string) []tea.Msg {
	var out []tea.Msg
	for len(s) > 0 {
		if s[0] == '<' {
			end := strings.IndexByte(s, '>')
			out = append(out, namedKey(s[1:end]))
			s = s[end+1:]
			continue
		}
		r := []rune(s)[0]
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		s = s[len(string(r)):]
	}
	return out
}

func namedKey(name string) tea.Msg {
	codes := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "bs": tea.KeyBackspace,
		"down": tea.KeyDown, "up": tea.KeyUp, "space": tea.KeySpace, "pgdown": tea.KeyPgDown,
		"home": tea.KeyHome, "end": tea.KeyEnd,
	}
	switch name {
	case "s-tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+x":
		return tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	if name == "space" {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	return tea.KeyPressMsg{Code: codes[name]}
}

// screenText is what the person sees: the view without escape sequences.
func screenText(m Model) string { return ansi.Strip(m.View().Content) }
