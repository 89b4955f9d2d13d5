package tui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/search"
)

// fixture is a small library made for these tests, so a guide edit never
// changes an interface test.
func fixture() fstest.MapFS {
	guide := func(title, section string, order int, extra, body string) *fstest.MapFile {
		fm := fmt.Sprintf("---\ntitle: %s\nsummary: What to do about %s, in short.\nsection: %s\norder: %d\n"+
			"tags: [test]\nreviewed: 2026-11-01\nfacts_as_of: 2026-06\nsources:\n  - title: A source\n    publisher: A publisher\n"+
			"    url: https://example.org/source\n    date: 2026-05\n%s---\n", title, strings.ToLower(title), section, order, extra)
		return &fstest.MapFile{Data: []byte(fm + body)}
	}
	long := strings.Repeat("A paragraph of steady text that fills the screen so the reader can scroll through it.\n\n", 40)
	return fstest.MapFS{
		"en/rights/at-home.md": guide("If agents come to your home", "rights", 10, "right_now:\n  label: ICE is at the door\n  order: 10\n",
			"# If agents come to your home\n\nKeep the door closed. Call 1-800-555-0100 for help.\n\n"+
				"## Is it a judge's warrant?\n\nAsk them to show it through the window. See [if you are detained](../rights/if-detained.md#what-to-say) "+
				"and [the court locator](https://www.example.gov/a/very/long/address/that/goes/on/and/on/until/it/cannot/fit/on/one/line/of/the/screen).\n\n"+
				long+"## Make a plan\n\nWrite down names. The door matters. See [the top](#is-it-a-judges-warrant).\n"),
		"en/rights/if-detained.md": guide("If you are detained", "rights", 20, "right_now:\n  label: Someone was just detained\n  order: 20\n",
			"# If you are detained\n\nStay calm.\n\n## What to say\n\nSay you want to stay silent and see a lawyer.\n\n## Your husband or wife\n\nFind them with the locator.\n"),
		"en/templates/letter.md": guide("Support letter", "templates", 10, "",
			"# Support letter\n\nFill in the blanks.\n\n## The letter\n\n```text\nDear [JUDGE NAME],\n\nI have known [FULL NAME] for [NUMBER] years.\n```\n"),
		"en/reference/glossary.md": guide("Glossary", "reference", 10, "", "# Glossary\n\n## Bond\n\nMoney paid so a person is released.\n"),
		"es/rights/at-home.md": guide("Si los agentes llegan a su casa", "rights", 10, "right_now:\n  label: La migra está en la puerta\n  order: 10\n",
			"# Si los agentes llegan a su casa\n\nMantenga la puerta cerrada. Vea [si lo detienen](../rights/if-detained.md).\n\n## ¿Es una orden de un juez?\n\nPida que la muestren por la ventana.\n\n"+
				long+"## Haga un plan\n\nAnote los nombres.\n"),
		"es/rights/if-detained.md": guide("Si lo detienen", "rights", 20, "right_now:\n  label: Acaban de detener a alguien\n  order: 20\n",
			"# Si lo detienen\n\nMantenga la calma.\n\n## Qué decir\n\nDiga que quiere guardar silencio y ver a un abogado.\n\n## Su esposo o esposa\n\nBúsquelo con el localizador.\n"),
	}
}

func fixtureLibrary(t testing.TB) *library.Library {
	t.Helper()
	lib, err := library.Load(fixture(), "guides", false)
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return lib
}

// testOptions are the options of a test run: fixture library, no delays.
func testOptions(t testing.TB, lang i18n.Lang) Options {
	lib := fixtureLibrary(t)
	return Options{Lang: lang, Theme: render.Dark, FixedTheme: true,
		Load:  func() (*library.Library, error) { return lib, nil },
		Index: search.Build}
}

// harness drives a Model the way the program loop does, but in order and
// to completion: every command runs, and its message is fed back, before
// the next key. Nothing waits on a clock.
type harness struct {
	t    testing.TB
	m    Model
	sent []tea.Msg // every message commands produced, for assertions
}

// start builds the interface at a size and runs its start-up commands.
func start(t testing.TB, opts Options, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, m: New(opts)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

func (hs *harness) update(msg tea.Msg) {
	next, cmd := hs.m.Update(msg)
	hs.m = next.(Model)
	hs.run(cmd)
}

// send delivers messages one after the other.
func (hs *harness) send(msgs ...tea.Msg) *harness {
	hs.t.Helper()
	for _, msg := range msgs {
		hs.update(msg)
	}
	return hs
}

// keys types a description: characters, or <names> (see key).
func (hs *harness) keys(s string) *harness {
	hs.t.Helper()
	return hs.send(keys(s)...)
}

// run runs a command and everything that follows from it.
func (hs *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if msg == nil {
		return
	}
	hs.sent = append(hs.sent, msg)
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() { // tea.Batch and tea.Sequence
			hs.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	switch msg.(type) {
	case tea.QuitMsg, tea.InterruptMsg, suspendMsg:
		return // the program would stop here; nothing to feed back
	}
	hs.update(msg)
}

// screen is what the person sees: the view without escape sequences.
func (hs *harness) screen() string { return ansi.Strip(hs.m.View().Content) }

// quit reports whether a command asked the program to end, and how.
func (hs *harness) quit() (quit, interrupt bool) {
	for _, msg := range hs.sent {
		switch msg.(type) {
		case tea.QuitMsg:
			quit = true
		case tea.InterruptMsg:
			interrupt = true
		}
	}
	return quit, interrupt
}

// keys turns a description into key presses: single characters, or names
// in angle brackets: <enter> <esc> <tab> <s-tab> <bs> <down> <up> <left>
// <space> <pgdown> <pgup> <home> <end> <f1> <ctrl+x> (any ctrl+letter).
func keys(s string) []tea.Msg {
	var out []tea.Msg
	for len(s) > 0 {
		if s[0] == '<' {
			if end := strings.IndexByte(s, '>'); end > 1 {
				out = append(out, namedKey(s[1:end]))
				s = s[end+1:]
				continue
			}
		}
		r := []rune(s)[0]
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		s = s[len(string(r)):]
	}
	return out
}

func namedKey(name string) tea.KeyPressMsg {
	codes := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "bs": tea.KeyBackspace,
		"down": tea.KeyDown, "up": tea.KeyUp, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd, "f1": tea.KeyF1,
	}
	switch {
	case name == "s-tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case name == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case strings.HasPrefix(name, "ctrl+"):
		return tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: codes[name]}
}
