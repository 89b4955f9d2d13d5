package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"defensa/internal/i18n"
	"defensa/internal/search"
)

func TestTypedQuestionOpensAGuide(t *testing.T) {
	hs := start(t, testOptions(t, i18n.Spanish), 80, 24)
	hs.keys("qué hago si detienen a mi esposo<enter>")
	if hs.m.screen != screenReader || hs.m.reader.guide == nil {
		t.Fatalf("Enter must open the first result; screen:\n%s", hs.screen())
	}
	t.Log(hs.m.reader.guide.ID)
}

func TestScreenShot(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	t.Log("\n" + hs.screen())
	hs.keys("<enter>")
	t.Log("\n" + hs.screen())
	_ = strings.Contains
}

func TestKeysBeforeLoad(t *testing.T) {
	hs := &harness{t: t, m: New(testOptions(t, i18n.Spanish))}
	hs.send(keys("qué hago si detienen a mi esposo<enter>")...)
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	lib := hs.m.Init()
	hs.run(lib)
	if hs.m.screen != screenReader {
		t.Fatalf("keys typed before the library was ready must apply:\n%s", hs.screen())
	}
}

func TestKeysBeforeIndex(t *testing.T) {
	opts := testOptions(t, i18n.Spanish)
	hs := &harness{t: t, m: New(opts)}
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	lib, _ := opts.Load()
	hs.send(libraryMsg{lib: lib})
	hs.sent = nil
	hs.send(keys("qué hago si detienen a mi esposo<enter>")...)
	hs.send(indexMsg{search.Build(lib)})
	if hs.m.screen != screenReader {
		t.Fatalf("keys typed before the index was ready must apply:\n%s", hs.screen())
	}
}

func TestDebugPending(t *testing.T) {
	hs := &harness{t: t, m: New(testOptions(t, i18n.Spanish))}
	hs.send(keys("qué hago si detienen a mi esposo<enter>")...)
	t.Logf("pending %d", len(hs.m.pending))
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.run(hs.m.Init())
	t.Logf("pending %d lib %v index %v query %q found %q", len(hs.m.pending), hs.m.sh.lib != nil, hs.m.sh.index != nil, hs.m.home.Query(), hs.m.home.found.query)
	for _, m := range hs.sent {
		t.Logf("%T", m)
	}
	t.Log(hs.screen())
}
