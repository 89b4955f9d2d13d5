package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/search"
)

// Issue 10.1: typing always searches; no printable character quits,
// clears or jumps on the home screen.
func TestTypingAlwaysSearches(t *testing.T) {
	hs := start(t, testOptions(t, i18n.Spanish), 80, 24)
	sentence := "qué hago? México x q j k G / ? L h H s t n N c"
	hs.keys(sentence)
	if quit, intr := hs.quit(); quit || intr {
		t.Fatal("a printable character must never end the program")
	}
	if hs.m.screen != screenHome || hs.m.home.input.Value() != sentence {
		t.Fatalf("every character must go into the field, got %q on screen %d", hs.m.home.input.Value(), hs.m.screen)
	}
	hs.keys("<esc>")
	if hs.m.home.input.Value() != "" || !strings.Contains(hs.screen(), "Ahora mismo") {
		t.Fatal("Esc must clear the field and bring the home back")
	}
	hs.keys("<esc>")
	if quit, intr := hs.quit(); quit || intr {
		t.Fatal("Esc on the empty home must not quit: a second Esc to go back would lose the program")
	}
	if !strings.Contains(strings.Join(strings.Fields(hs.screen()), " "), "pulse Ctrl+C") {
		t.Errorf("Esc with nothing to do must say how to close defensa:\n%s", hs.screen())
	}
	hs.keys("a")
	if strings.Contains(hs.screen(), "pulse Ctrl+C") {
		t.Error("the hint goes at the next key")
	}
}

// Issue 10 flow (a): a question typed straight away, then Enter, opens a
// guide about detention, also when typed before anything was loaded.
func TestTypedQuestionOpensAGuide(t *testing.T) {
	hs := &harness{t: t, m: New(testOptions(t, i18n.Spanish))}
	hs.send(keys("qué hago si detienen a mi esposo<enter>")...)
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.run(hs.m.Init())
	if hs.m.screen != screenReader || hs.m.reader.guide.ID != "rights/if-detained" {
		t.Fatalf("Enter must open the detention guide:\n%s", hs.screen())
	}
}

// Issue 10.6 and 13: keys typed before the index is ready are applied in
// order once it is, and Enter acts on the results of the whole query.
func TestKeysTypedBeforeTheIndexAreKept(t *testing.T) {
	opts := testOptions(t, i18n.English)
	hs := &harness{t: t, m: New(opts)}
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	lib, _ := opts.Load()
	next, _ := hs.m.Update(libraryMsg{lib: lib}) // the index is not built yet
	hs.m = next.(Model)
	hs.keys("bond<down><up><enter>")
	if hs.m.screen != screenHome || len(hs.m.pending) != 3 {
		t.Fatalf("Enter must wait for the results: screen %d, %d keys waiting", hs.m.screen, len(hs.m.pending))
	}
	hs.send(indexMsg{search.Build(lib)})
	if hs.m.screen != screenReader || hs.m.reader.guide.ID != "reference/glossary" {
		t.Fatalf("the waiting keys must open the result:\n%s", hs.screen())
	}
}

// Issue 10.2 and flow (c), (d): the cursor starts on "Right now"; one key
// opens the door guide; every section is on the first screen.
func TestRightNowFirst(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	screen := hs.screen()
	for _, want := range []string{"Right now", "ICE is at the door", "Someone was just detained", "Know your rights", "Templates", "Reference"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the first screen lacks %q:\n%s", want, screen)
		}
	}
	if strings.Index(screen, "ICE is at the door") > strings.Index(screen, "Know your rights") {
		t.Error("Right now must come before the sections")
	}
	hs.keys("<enter>")
	if hs.m.screen != screenReader || hs.m.reader.guide.ID != "rights/at-home" {
		t.Fatalf("Enter must open the door guide, got screen %d", hs.m.screen)
	}
}

// Sections open the list of their guides; Esc comes back to the section.
func TestSectionOpensItsGuides(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<down><down>") // past the two situations: the first section
	if _, ok := hs.m.home.list.Selected().(sectionItem); !ok {
		t.Fatalf("the cursor must reach the sections, at %T", hs.m.home.list.Selected())
	}
	hs.keys("<enter>")
	if g, ok := hs.m.home.list.Selected().(guideItem); !ok || g.g.ID != "rights/at-home" {
		t.Fatalf("Enter on a section must list its guides, the cursor on the first:\n%s", hs.screen())
	}
	hs.keys("<esc><down><enter>")
	if !strings.Contains(hs.screen(), "Support letter") {
		t.Fatalf("Enter on Templates must list its guides:\n%s", hs.screen())
	}
	hs.keys("<esc>")
	if s, ok := hs.m.home.list.Selected().(sectionItem); !ok || s.key != "templates" {
		t.Fatal("Esc must go back to the sections, on the one opened")
	}
}

// Issue 10.3: Esc from a guide opened from search goes back to the
// results, with the query and the selection kept.
func TestEscReturnsToResults(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("door<down>")
	sel := hs.m.home.list.Index()
	hs.keys("<enter>")
	if hs.m.screen != screenReader {
		t.Fatal("Enter must open the result")
	}
	for _, back := range []string{"<esc>", "q"} {
		hs.keys(back)
		if hs.m.screen != screenHome || hs.m.home.input.Value() != "door" || hs.m.home.list.Index() != sel {
			t.Fatalf("%s must return to the results with the query and selection kept", back)
		}
		hs.keys("<enter>")
	}
}

// Issue 10.3: the reader's keys are those of less, man and glow.
func TestReaderKeys(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<enter>")
	r := func() int { return hs.m.reader.vp.YOffset() }
	page := hs.m.reader.vp.Height()
	steps := []struct {
		keys string
		want func(before int) int
	}{
		{"j", func(b int) int { return b + 1 }},
		{"<down>", func(b int) int { return b + 1 }},
		{"k", func(b int) int { return b - 1 }},
		{"d", func(b int) int { return b + page/2 }},
		{"u", func(b int) int { return b - page/2 }},
		{"<ctrl+d>", func(b int) int { return b + page/2 }},
		{"<ctrl+u>", func(b int) int { return b - page/2 }},
		{"<space>", func(b int) int { return b + page }},
		{"b", func(b int) int { return b - page }},
		{"<ctrl+f>", func(b int) int { return b + page }},
		{"<ctrl+b>", func(b int) int { return b - page }},
		{"f", func(b int) int { return b + page }},
		{"<pgup>", func(b int) int { return b - page }},
		{"G", func(int) int { return hs.m.reader.vp.TotalLineCount() - page }},
		{"g", func(int) int { return 0 }},
	}
	for _, s := range steps {
		before := r()
		hs.keys(s.keys)
		if want := s.want(before); r() != want {
			t.Errorf("%s: offset %d, want %d", s.keys, r(), want)
		}
	}
	for _, back := range []string{"q", "h", "<left>", "<bs>"} {
		hs.keys(back)
		if hs.m.screen != screenHome {
			t.Errorf("%s must close the guide opened from home", back)
		}
		if quit, intr := hs.quit(); quit || intr {
			t.Fatalf("%s must not quit", back)
		}
		hs.keys("<enter>")
	}
}

// Links: Tab focuses each link on its own text, Enter follows it, and
// the history goes back and forward.
func TestLinksAndHistory(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<enter><tab>")
	r := hs.m.reader
	if r.link == noLink {
		t.Fatal("Tab must focus a link")
	}
	for _, s := range r.link.spans(r.doc) {
		text := r.guide.Links[r.link].Text
		if got := cells(r.doc.Plain[s.line], s.from, s.to); !strings.Contains(text+" "+r.guide.Links[r.link].Address(), strings.TrimSpace(got)) {
			t.Errorf("focus covers %q, not the link %q", got, text)
		}
	}
	hs.keys("<enter>")
	if hs.m.reader.guide.ID != "rights/if-detained" {
		t.Fatalf("Enter must follow the link, in %s", hs.m.reader.guide.ID)
	}
	if !strings.Contains(hs.screen(), "What to say") {
		t.Error("the link's anchor must be on screen")
	}
	hs.keys("h")
	if hs.m.reader.guide.ID != "rights/at-home" {
		t.Fatal("h must go back to the guide the link was in")
	}
	hs.keys("]")
	if hs.m.reader.guide.ID != "rights/if-detained" {
		t.Fatal("] must go forward again")
	}
}

// cells returns the cells from to to of a plain line.
func cells(line string, from, to int) string {
	var b strings.Builder
	col := 0
	for _, r := range line {
		if col >= from && col < to {
			b.WriteRune(r)
		}
		col++
	}
	return b.String()
}

// Issue 11: a focused web address is shown whole, however long.
func TestFocusedAddressShownWhole(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 40, 12)
	hs.keys("<enter><tab><tab>")
	l := hs.m.reader.guide.Links[hs.m.reader.link]
	if l.Kind != library.LinkWeb {
		t.Fatalf("second link is %v", l.Kind)
	}
	joined := strings.Join(strings.Fields(strings.ReplaceAll(hs.screen(), "\n", "")), "")
	if !strings.Contains(joined, l.Address()) {
		t.Errorf("the whole address %s must be on screen:\n%s", l.Address(), hs.screen())
	}
}

// Contents jump to a heading, which is then shown once (not also in the
// header).
func TestContentsJump(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<enter>t<enter>")
	r := hs.m.reader
	want := r.guide.Anchor("is-it-a-judges-warrant")
	if r.toc.IsOpen() || r.vp.YOffset() != r.doc.Headings[want] {
		t.Fatalf("Enter in the contents must jump to the heading, at line %d", r.vp.YOffset())
	}
	if n := strings.Count(hs.screen(), "Is it a judge's warrant?"); n != 1 {
		t.Errorf("the heading must be shown once after a jump, seen %d times:\n%s", n, hs.screen())
	}
}

// Find in the guide counts matches, and n/N step through them.
func TestFindCountsAndSteps(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<enter>/door<enter>")
	f := hs.m.reader.find
	if len(f.matches) != 2 || !strings.Contains(hs.screen(), "1 of 2") {
		t.Fatalf("find must count 2 matches of door:\n%s", hs.screen())
	}
	hs.keys("n")
	if hs.m.reader.find.current != 1 {
		t.Error("n must go to the next match")
	}
	hs.keys("N")
	if hs.m.reader.find.current != 0 {
		t.Error("N must go back")
	}
	hs.keys("<esc>")
	if hs.m.reader.find.Active() || hs.m.screen != screenReader {
		t.Error("Esc must clear the matches first, not close the guide")
	}
}

// QA 9: L shows the guide in the other language at the same heading and
// leaves the interface as it is; Ctrl+T switches the interface and leaves
// the guide.
func TestLanguageSwitchKeepsTheHeading(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 40)
	hs.keys("<enter>t<enter>L")
	r := hs.m.reader
	if r.guide.Lang != i18n.Spanish {
		t.Fatal("L must open the Spanish guide")
	}
	if h := r.headingAt(r.topLine()); h < 0 || r.guide.Headings[h].Text != "¿Es una orden de un juez?" {
		t.Errorf("L must keep the heading, at %d", h)
	}
	if s := hs.screen(); strings.Contains(s, "salida rápida") || !strings.Contains(s, "quick exit") {
		t.Errorf("L must leave the interface in English:\n%s", s)
	}
	hs.keys("?")
	if s := hs.screen(); !strings.Contains(s, "this guide in English") || !strings.Contains(s, "español") {
		t.Errorf("help must say what L and Ctrl+T do now:\n%s", s)
	}
	hs.keys("<esc><ctrl+t>")
	if s := hs.screen(); !strings.Contains(s, "salida rápida") || hs.m.reader.guide.Lang != i18n.Spanish {
		t.Errorf("Ctrl+T must switch the interface and keep the guide:\n%s", s)
	}
	hs.keys("L")
	if hs.m.reader.guide.Lang != i18n.English || !strings.Contains(hs.screen(), "salida rápida") {
		t.Error("L must switch only the guide back")
	}
}

// Issue 10.5: the mouse is off unless asked for.
func TestMouseOffByDefault(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	if hs.m.View().MouseMode != tea.MouseModeNone {
		t.Error("mouse tracking must be off by default")
	}
	opts := testOptions(t, i18n.English)
	opts.Mouse = true
	hs = start(t, opts, 80, 24)
	hs.keys("<enter>")
	if hs.m.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatal("--mouse must turn tracking on")
	}
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if hs.m.reader.vp.YOffset() != 3 {
		t.Errorf("the wheel must scroll, offset %d", hs.m.reader.vp.YOffset())
	}
}

// Issue 10.9: in a Spanish search, English results come after Spanish.
func TestOtherLanguageResultsLast(t *testing.T) {
	hs := start(t, testOptions(t, i18n.Spanish), 80, 24)
	hs.keys("door puerta")
	seenOther := false
	for _, it := range hs.m.home.list.Items() {
		r, ok := it.(resultItem)
		if !ok {
			continue
		}
		if r.r.Lang != i18n.Spanish {
			seenOther = true
		} else if seenOther {
			t.Fatal("a Spanish result after an English one")
		}
	}
	if !seenOther {
		t.Skip("no English result to order")
	}
}

// Search results keep their section heading even at 40 columns.
func TestNarrowResultsKeepTheHeading(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 40, 12)
	hs.keys("warrant")
	if !strings.Contains(hs.screen(), "warrant?") {
		t.Errorf("the section heading must stay at 40 columns:\n%s", hs.screen())
	}
}
