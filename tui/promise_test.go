package tui

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/search"
)

// everyScreen opens each screen in turn and calls see with its name.
func everyScreen(t *testing.T, opts Options, w, h int, see func(name string, hs *harness)) {
	t.Helper()
	hs := start(t, opts, w, h)
	see("home", hs)
	hs.keys("<f1>")
	see("home help", hs)
	hs.keys("<esc>door")
	see("results", hs)
	hs.keys("<esc><enter>")
	see("reader", hs)
	hs.keys("/")
	see("find", hs)
	hs.keys("<esc>t")
	see("contents", hs)
	hs.keys("<esc>?")
	see("reader help", hs)
}

// Issue 10.1 and 10.4: quit and quick exit are shown on every screen, in
// both languages, at every size from 40x10 up.
func TestQuitAndQuickExitAlwaysShown(t *testing.T) {
	for _, lang := range i18n.Langs {
		c := i18n.For(lang)
		for _, size := range [][2]int{{40, 10}, {40, 12}, {60, 20}, {80, 24}, {200, 60}} {
			everyScreen(t, testOptions(t, lang), size[0], size[1], func(name string, hs *harness) {
				s := hs.screen()
				for _, want := range []string{"Ctrl+X " + c.T("tui.key.quick_exit"), "Ctrl+C " + c.T("tui.key.quit")} {
					if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
						t.Errorf("%s %dx%d %s: %q not shown:\n%s", lang, size[0], size[1], name, want, s)
					}
				}
				if n := strings.Count(s, "\n") + 1; n != size[1] {
					t.Errorf("%s %dx%d %s: %d lines drawn", lang, size[0], size[1], name, n)
				}
				for _, line := range strings.Split(s, "\n") {
					if w := lipgloss.Width(line); w > size[0] {
						t.Errorf("%s %dx%d %s: a line of %d columns: %q", lang, size[0], size[1], name, w, line)
					}
				}
			})
		}
	}
}

// Issue 10.4: help lists every live key, scrolls when the window is small
// and names keys in the person's language.
func TestHelpScrollsAndSpeaksSpanish(t *testing.T) {
	hs := start(t, testOptions(t, i18n.Spanish), 40, 10)
	hs.keys("<enter>?")
	if !hs.m.help.IsOpen() {
		t.Fatal("? must open help in the reader")
	}
	first := hs.screen()
	all := first
	for range 20 {
		hs.keys("<down>")
		all += hs.screen()
	}
	for _, want := range []string{"espacio", "Mayús+Tab", "RePág", "Retroceso", "encontrar en esta guía", "buscar en todas las guías"} {
		if !strings.Contains(strings.Join(strings.Fields(all), " "), want) {
			t.Errorf("help lacks %q:\n%s", want, first)
		}
	}
	if first == hs.screen() {
		t.Error("help must scroll")
	}
	hs.keys("<esc>")
	if hs.m.help.IsOpen() || hs.m.screen != screenReader {
		t.Error("Esc must close help and stay in the guide")
	}
}

// Help never lists a dead key: n and N only with a query, forward only
// with somewhere to go.
func TestHelpShowsOnlyLiveKeys(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 60)
	hs.keys("<enter>?")
	if s := hs.screen(); strings.Contains(s, "next match") || strings.Contains(s, "forward") {
		t.Errorf("dead keys in help:\n%s", s)
	}
	hs.keys("<esc>/door<enter>?")
	if !strings.Contains(hs.screen(), "next match") {
		t.Error("n must be listed once there is a query")
	}
}

// Issue 11: copy is honest where OSC 52 cannot work, with the whole
// command, and the message stays until the next key.
func TestCopyIsHonest(t *testing.T) {
	opts := testOptions(t, i18n.English)
	opts.NoClipboard = true
	hs := start(t, opts, 40, 12)
	hs.keys("support letter<enter>c")
	for _, msg := range hs.sent {
		if strings.Contains(fmt.Sprintf("%T", msg), "setClipboard") {
			t.Fatal("nothing may be sent to a terminal that cannot copy")
		}
	}
	joined := strings.Join(strings.Fields(hs.screen()), " ")
	want := "defensa read templates/letter#the-letter --template --lang en"
	if !strings.Contains(joined, "cannot copy") || !strings.Contains(strings.ReplaceAll(hs.screen(), "\n ", ""), want) {
		t.Errorf("the message must say copying is not possible and give %q whole:\n%s", want, hs.screen())
	}
	// QA 11: the command is on lines of its own, cut only at the edge.
	var cmd []string
	for _, l := range strings.Split(hs.screen(), "\n") {
		if strings.HasPrefix(l, " defensa read") || len(cmd) > 0 && len(cmd) < 2 {
			cmd = append(cmd, strings.TrimPrefix(l, " "))
		}
	}
	if len(cmd) == 0 || !strings.HasPrefix(strings.Join(cmd, ""), want) {
		t.Errorf("the command must start a line and run on unbroken:\n%s", hs.screen())
	}
	hs.keys("j")
	if strings.Contains(hs.screen(), "cannot copy") {
		t.Error("the message must go at the next key")
	}
}

// Issue 16.10: the quick exit empties a clipboard defensa wrote, and only
// then.
func TestQuickExitClearsTheClipboardDefensaWrote(t *testing.T) {
	clipboards := func(hs *harness) []string {
		var out []string
		for _, msg := range hs.sent {
			if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
				out = append(out, fmt.Sprint(msg))
			}
		}
		return out
	}
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<ctrl+x>")
	if len(clipboards(hs)) != 0 || hs.m.exit != exitQuick {
		t.Fatal("without a copy, the quick exit leaves the clipboard alone")
	}
	hs = start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("support letter<enter>c<ctrl+x>")
	got := clipboards(hs)
	if len(got) != 2 || !strings.Contains(got[0], "[FULL NAME]") || got[1] != "" {
		t.Fatalf("copy then quick exit must write the template, then empty: %q", got)
	}
}

// Issue 11: placeholders are highlighted in the reader, where the
// renderer drew the template.
func TestPlaceholdersHighlighted(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("support letter<enter>")
	var got []string
	r := hs.m.reader
	for _, b := range r.blanks {
		got = append(got, cells(r.doc.Plain[b.line], b.from, b.to))
	}
	if want := "[JUDGE NAME] [FULL NAME] [NUMBER]"; strings.Join(got, " ") != want {
		t.Errorf("placeholders = %q, want %q", got, want)
	}
	if !strings.Contains(hs.m.View().Content, r.sh.st.Placeholder.Render("[FULL NAME]")) {
		t.Error("the placeholder must be drawn in its style")
	}
}

// Issue 11: every guide ends with its sources.
func TestSourcesAtTheEnd(t *testing.T) {
	hs := start(t, testOptions(t, i18n.Spanish), 80, 24)
	hs.keys("<enter>G")
	s := hs.screen()
	if !strings.Contains(s, "Fuentes") || !strings.Contains(s, "A source, A publisher, 2026-05") {
		t.Errorf("the end of the guide must list its sources:\n%s", s)
	}
}

// Issue 11: with --ascii (and TERM=linux) nothing but ASCII is drawn
// around the guides.
func TestASCIIOnly(t *testing.T) {
	opts := testOptions(t, i18n.Spanish)
	opts.ASCII = true
	everyScreen(t, opts, 80, 24, func(name string, hs *harness) {
		for _, r := range hs.screen() {
			if r > unicode.MaxASCII && !unicode.IsLetter(r) && !strings.ContainsRune("¿¡«»", r) {
				t.Errorf("%s: %q drawn in ASCII mode:\n%s", name, r, hs.screen())
				return
			}
		}
	})
}

// Issue 16.10: the debug log records what happened, never which guide or
// file.
func TestDebugLogNamesNoGuide(t *testing.T) {
	var log strings.Builder
	opts := testOptions(t, i18n.English)
	opts.Debugf = func(format string, args ...any) { fmt.Fprintf(&log, format+"\n", args...) }
	hs := start(t, opts, 80, 24)
	hs.keys("<enter><tab><enter>t<enter>")
	hs.send(signalMsg{syscall.SIGHUP})
	if log.Len() == 0 {
		t.Fatal("the debug log must record events")
	}
	for _, g := range fixtureLibrary(t).Guides("") {
		for _, name := range []string{g.ID, g.Path, g.Title} {
			if strings.Contains(log.String(), name) {
				t.Errorf("the debug log names %q:\n%s", name, log.String())
			}
		}
	}
}

// Issue 10.8: an organization's guides are visibly theirs.
func TestLocalGuidesAreTheirs(t *testing.T) {
	local := fstest.MapFS{
		"en/hotline/call-us.md": {Data: []byte("---\ntitle: Call our hotline\nsummary: Who answers.\nsection: hotline\nsection_title: Our rapid response\n" +
			"order: 10\ntags: [x]\nreviewed: 2026-11-01\nfacts_as_of: 2026-06\nright_now:\n  label: Call our hotline now\n  order: 5\n" +
			"sources:\n  - title: Us\n    publisher: Us\n    url: https://example.org/\n---\n# Call our hotline\n\nCall 555-0100.\n")},
		"en/rights/at-home.md": fixture()["en/rights/at-home.md"],
	}
	opts := testOptions(t, i18n.English)
	lib := fixtureLibrary(t)
	own, err := library.Load(local, "usb", true)
	if err != nil {
		t.Fatalf("local: %v", err)
	}
	lib.Merge(own)
	opts.Load = func() (*library.Library, error) { return lib, nil }
	hs := start(t, opts, 80, 24)
	s := hs.screen()
	if !strings.Contains(s, "Our rapid response [local]") {
		t.Errorf("the local section must be named by its front matter, with a badge:\n%s", s)
	}
	if strings.Index(s, "Our rapid response") > strings.Index(s, "Know your rights") {
		t.Error("an organization's section comes first")
	}
	if !strings.Contains(s, "Call our hotline now [local]") || strings.Index(s, "Call our hotline now") > strings.Index(s, "ICE is at the door") {
		t.Errorf("a local guide can ask for the Right now block, first by its order:\n%s", s)
	}
	hs.keys("<down><enter>")
	if s := hs.screen(); !strings.Contains(s, "replaces the built-in one") || !strings.Contains(s, "local") {
		t.Errorf("a replacing guide says so in its header:\n%s", s)
	}
}

// Issue 16.7: a signal ends the program through its loop, and Run then
// reports it with the exit status 128+signal.
func TestSignalEndsTheProgram(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGQUIT} {
		hs := start(t, testOptions(t, i18n.English), 80, 24)
		hs.send(signalMsg{sig})
		if quit, _ := hs.quit(); !quit {
			t.Fatalf("%v must quit", sig)
		}
		err := finish(hs.m, nil, &strings.Builder{})
		se, ok := err.(*SignalError)
		if !ok || se.Code() != 128+int(sig) {
			t.Errorf("%v: finish returned %v", sig, err)
		}
	}
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.send(signalMsg{syscall.SIGINT})
	if _, intr := hs.quit(); !intr {
		t.Error("SIGINT must interrupt (exit 130)")
	}
}

// Ctrl+Z asks to suspend; the harness does not run it.
func TestCtrlZSuspends(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("ab<ctrl+z>")
	found := false
	for _, msg := range hs.sent {
		if _, ok := msg.(suspendMsg); ok {
			found = true
		}
	}
	if found != canSuspend || hs.m.home.input.Value() != "ab" {
		t.Errorf("Ctrl+Z must suspend (%v), not type", found)
	}
}

// A resize only lays the guide out again: it is drawn once per theme.
func TestResizeOnlyRewraps(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<enter>")
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 20}, tea.WindowSizeMsg{Width: 100, Height: 30})
	if len(hs.m.sh.drawn) != 1 || len(hs.m.sh.docs) != 3 {
		t.Errorf("drawn %d times, laid out %d times; want 1 and 3", len(hs.m.sh.drawn), len(hs.m.sh.docs))
	}
	if w := hs.m.reader.doc.Width; w != 96 {
		t.Errorf("laid out at %d columns, want 96", w)
	}
}

// The light theme comes when the terminal says its background is light.
func TestBackgroundPicksTheTheme(t *testing.T) {
	opts := testOptions(t, i18n.English)
	opts.FixedTheme = false
	hs := start(t, opts, 80, 24)
	hs.keys("<enter>")
	hs.send(tea.BackgroundColorMsg{Color: lightColor{}})
	if hs.m.sh.st.Theme != render.Light || hs.m.reader.key().theme != render.Light || hs.m.reader.doc == nil {
		t.Error("a light background must switch to the light theme and redraw the guide")
	}
}

type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

// No results: what to try, and the Right now guides.
func TestNoResultsOffersRightNow(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("zzzzqqq")
	s := hs.screen()
	if !strings.Contains(s, `Nothing found for "zzzzqqq"`) || !strings.Contains(s, "ICE is at the door") {
		t.Errorf("no results must say so and offer the Right now guides:\n%s", s)
	}
	hs.keys("<enter>")
	if hs.m.screen != screenReader {
		t.Error("a Right now guide must open from there")
	}
}

var _ = search.Build

// A library that cannot be read at all is said so; the keys to leave
// still work.
func TestNoLibrary(t *testing.T) {
	opts := testOptions(t, i18n.English)
	opts.Load = func() (*library.Library, error) { return nil, fmt.Errorf("broken") }
	hs := start(t, opts, 80, 24)
	hs.keys("door<enter>")
	if !strings.Contains(hs.screen(), "could not be read") {
		t.Errorf("the failure must be shown:\n%s", hs.screen())
	}
	hs.keys("<ctrl+x>")
	if hs.m.exit != exitQuick {
		t.Error("the quick exit must still work")
	}
}
