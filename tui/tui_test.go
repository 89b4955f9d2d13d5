package tui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"defensa/internal/i18n"
	"defensa/internal/render"
)

func openGuide(t *testing.T, m Model, target string) Model {
	t.Helper()
	m = send(t, m, openMsg{target: target, fresh: true})
	if m.screen != screenReader || m.reader.doc == nil {
		t.Fatalf("%s did not open in the reader", target)
	}
	return m
}

func TestHomeMovesAndOpens(t *testing.T) {
	m := newModel(t, i18n.English, 80, 24)
	if !strings.Contains(screenText(m), "Know your rights") && !strings.Contains(screenText(m), "Campaign guide") {
		t.Fatal("home must show the sections")
	}
	first := m.home.rows[m.home.cursor].guide.ID
	m = send(t, m, keys("jj")...)
	third := m.home.rows[m.home.cursor].guide.ID
	if first == third {
		t.Fatal("j must move down")
	}
	m = send(t, m, keys("<enter>")...)
	if m.screen != screenReader || m.reader.guide.ID != third {
		t.Fatalf("enter must open %s, screen %v", third, m.screen)
	}
	m = send(t, m, keys("<esc>")...)
	if m.screen != screenHome || m.home.rows[m.home.cursor].guide.ID != third {
		t.Fatal("esc must go back home, cursor where it was")
	}
}

func TestReaderScrolls(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 24), "rights/at-home")
	m = send(t, m, keys("jjj")...)
	if m.reader.offset != 3 {
		t.Errorf("offset after jjj = %d", m.reader.offset)
	}
	m = send(t, m, keys("<space>")...)
	if m.reader.offset != 3+m.reader.bodyHeight() {
		t.Errorf("space must page down: offset %d", m.reader.offset)
	}
	m = send(t, m, keys("G")...)
	if m.reader.offset != len(m.reader.doc.Lines)-m.reader.bodyHeight() {
		t.Errorf("G must go to the end: offset %d", m.reader.offset)
	}
	if !strings.Contains(screenText(m), "100%") {
		t.Error("the footer must show 100% at the end")
	}
	m = send(t, m, keys("g")...)
	if m.reader.offset != 0 {
		t.Error("g must go to the top")
	}
}

func TestContentsJumpsAndHeaderFollows(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 24), "rights/warrants")
	m = send(t, m, keys("t")...)
	if !m.reader.toc.open {
		t.Fatal("t must open the contents")
	}
	m = send(t, m, keys("jjj<enter>")...)
	h := m.reader.guide.Headings[m.reader.toc.items[3]]
	if m.reader.toc.open || m.reader.offset != m.reader.doc.Headings[m.reader.toc.items[3]] && m.reader.offset != len(m.reader.doc.Lines)-m.reader.bodyHeight() {
		t.Fatalf("enter must jump to %q", h.Text)
	}
	header := strings.Split(screenText(m), "\n")[1]
	if !strings.Contains(header, strings.Fields(h.Text)[0]) {
		t.Errorf("the header must name the heading %q, got %q", h.Text, header)
	}
	// Back returns to where the reader was before the jump.
	m = send(t, m, keys("<bs>")...)
	if m.reader.offset != 0 {
		t.Errorf("backspace must return to the top, offset %d", m.reader.offset)
	}
}

func TestFindInPage(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.Spanish, 80, 24), "rights/if-detained")
	m = send(t, m, keys("/detencion")...)
	if !m.reader.find.typing || len(m.reader.find.matches) < 2 {
		t.Fatalf("typing must find matches ignoring accents: %d", len(m.reader.find.matches))
	}
	m = send(t, m, keys("<enter>")...)
	total := len(m.reader.find.matches)
	if !strings.Contains(screenText(m), fmt.Sprintf("1 de %d", total)) {
		t.Errorf("the footer must count matches:\n%s", screenText(m))
	}
	m = send(t, m, keys("n")...)
	if m.reader.find.current != 1 {
		t.Error("n must go to the next match")
	}
	line := m.reader.find.matches[1].line
	if line < m.reader.offset || line >= m.reader.offset+m.reader.bodyHeight() {
		t.Error("the current match must be on screen")
	}
	m = send(t, m, keys("N")...)
	if m.reader.find.current != 0 {
		t.Error("N must go back")
	}
	m = send(t, m, keys("<esc>")...)
	if m.reader.find.query != "" || len(m.reader.find.matches) != 0 {
		t.Error("esc must clear the find")
	}
	if m.screen != screenReader {
		t.Error("esc that clears a find must not leave the reader")
	}
}

func TestLinksFollowAndHistory(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 24), "rights/overview")
	m = send(t, m, keys("<tab>")...)
	if m.reader.link < 0 {
		t.Fatal("tab must focus a link")
	}
	// Tab to the first link to another guide, then follow it.
	for i := 0; i < 40 && (m.reader.guide.Links[m.reader.link].External() || m.reader.guide.Links[m.reader.link].ID == "rights/overview"); i++ {
		m = send(t, m, keys("<tab>")...)
	}
	l := m.reader.guide.Links[m.reader.link]
	if !strings.Contains(screenText(m), "Enter opens:") {
		t.Errorf("the footer must say where the link goes")
	}
	before := m.reader.offset
	m = send(t, m, keys("<enter>")...)
	if m.reader.guide.ID != l.ID {
		t.Fatalf("enter must open %s, got %s", l.ID, m.reader.guide.ID)
	}
	if l.Anchor != "" {
		if i := m.reader.guide.Anchor(l.Anchor); i >= 0 && m.reader.offset != min(m.reader.doc.Headings[i], len(m.reader.doc.Lines)-m.reader.bodyHeight()) {
			t.Errorf("the link's #%s must be on screen", l.Anchor)
		}
	}
	m = send(t, m, keys("<bs>")...)
	if m.reader.guide.ID != "rights/overview" || m.reader.offset != before {
		t.Errorf("backspace must return to the overview at offset %d, got %s at %d", before, m.reader.guide.ID, m.reader.offset)
	}
	m = send(t, m, keys("]")...)
	if m.reader.guide.ID != l.ID {
		t.Errorf("] must go forward again to %s", l.ID)
	}
	m = send(t, m, keys("H")...)
	if m.screen != screenHome {
		t.Error("H must go home")
	}
}

func TestWebLinkShownInFull(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 24), "rights/find-someone-detained")
	for i := 0; i < 80; i++ {
		m = send(t, m, keys("<tab>")...)
		if m.reader.link >= 0 && m.reader.guide.Links[m.reader.link].External() {
			break
		}
	}
	l := m.reader.guide.Links[m.reader.link]
	if !l.External() {
		t.Skip("no web link in this guide")
	}
	m = send(t, m, keys("<enter>")...)
	if !strings.Contains(m.reader.status, l.Target) {
		t.Errorf("a web address must be shown in full: %q", m.reader.status)
	}
}

// Switching language keeps the reader at the same heading.
func TestLanguageSwitchKeepsHeading(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 24), "rights/at-home")
	m = send(t, m, keys("t<down><down><down><enter>")...)
	en := m.reader.guide.StructuralIndex(m.reader.headingIndexAt(m.reader.offset))
	if en < 1 {
		t.Fatal("setup: not at a heading")
	}
	m = send(t, m, keys("L")...)
	if m.reader.guide.Lang != i18n.Spanish || m.sh.cat.Lang() != i18n.Spanish {
		t.Fatal("L must switch guide and interface to Spanish")
	}
	es := m.reader.guide.StructuralIndex(m.reader.headingIndexAt(m.reader.offset))
	if es != en {
		t.Errorf("heading index %d in Spanish, want %d", es, en)
	}
	if !strings.Contains(screenText(m), "Información general, no asesoría legal") {
		t.Error("the footer must be in Spanish")
	}
	m = send(t, m, keys("L")...)
	if got := m.reader.guide.StructuralIndex(m.reader.headingIndexAt(m.reader.offset)); got != en {
		t.Errorf("back in English at heading %d, want %d", got, en)
	}
}

func TestSearchOpensSection(t *testing.T) {
	m := newModel(t, i18n.Spanish, 80, 24)
	m = send(t, m, keys("/")...)
	if m.screen != screenSearch {
		t.Fatal("/ must open search")
	}
	m = send(t, m, keys("abogdo gratis")...)
	if len(m.search.results) == 0 {
		t.Fatalf("a typo must still find results:\n%s", screenText(m))
	}
	if !strings.Contains(screenText(m), m.search.results[0].Title) {
		t.Error("results must show the guide title")
	}
	r := m.search.results[0]
	m = send(t, m, keys("<enter>")...)
	if m.screen != screenReader || m.reader.guide.ID != r.ID {
		t.Fatalf("enter must open %s", r.ID)
	}
	if r.Anchor != "" {
		i := m.reader.guide.Anchor(r.Anchor)
		if want := min(m.reader.doc.Headings[i], len(m.reader.doc.Lines)-m.reader.bodyHeight()); m.reader.offset != want {
			t.Errorf("the reader must open at #%s (line %d), offset %d", r.Anchor, want, m.reader.offset)
		}
	}
}

func TestSearchNothingSuggests(t *testing.T) {
	m := newModel(t, i18n.English, 80, 24)
	m = send(t, m, keys("/zzqqxxw")...)
	if !strings.Contains(screenText(m), "Nothing found") || !strings.Contains(screenText(m), "glossary") {
		t.Errorf("no results must say so and point to the glossary:\n%s", screenText(m))
	}
}

func TestTypingInSearchIsText(t *testing.T) {
	m := newModel(t, i18n.English, 80, 24)
	m = send(t, m, keys("/quit L jk x?")...)
	if m.screen != screenSearch || m.search.input.Value() != "quit L jk x?" {
		t.Errorf("letters must go to the field, got %q on screen %v", m.search.input.Value(), m.screen)
	}
}

func TestHelpListsOnlyLiveKeys(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 40), "templates/petition")
	m = send(t, m, keys("?")...)
	help := screenText(m)
	for _, want := range []string{"contents", "find in this guide", "copy template", "quick exit", "back"} {
		if !strings.Contains(help, want) {
			t.Errorf("reader help lacks %q", want)
		}
	}
	if strings.Contains(help, "next match") || strings.Contains(help, "forward") {
		t.Error("help must not list keys that do nothing now (no find, no forward history)")
	}
	for _, group := range m.keysNow() {
		for _, b := range group {
			if b.Enabled() && !strings.Contains(help, b.Help().Desc) {
				t.Errorf("help lacks %q", b.Help().Desc)
			}
		}
	}
	m = send(t, m, keys("?")...)
	if m.showHelp {
		t.Error("? must close help")
	}
	home := newModel(t, i18n.English, 80, 40)
	home = send(t, home, keys("?")...)
	if strings.Contains(screenText(home), "copy template") {
		t.Error("home help must not list reader keys")
	}
}

func TestCopyTemplate(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 24), "templates/support-letter")
	next, cmd := m.Update(keys("c")[0])
	m = next.(Model)
	if cmd == nil {
		t.Fatal("c must return the clipboard command")
	}
	if !strings.Contains(m.reader.status, "defensa read templates/support-letter --raw") {
		t.Errorf("the status must name the fallback: %q", m.reader.status)
	}
}

func TestQuickExit(t *testing.T) {
	for _, k := range []string{"x", "<ctrl+x>"} {
		m := newModel(t, i18n.English, 80, 24)
		next, cmd := m.Update(keys(k)[0])
		if !next.(Model).quickExit || cmd == nil {
			t.Errorf("%s must quit at once", k)
		}
	}
	// While typing, only ctrl+x exits: x is text.
	m := newModel(t, i18n.English, 80, 24)
	m = send(t, m, keys("/x")...)
	if m.quickExit || m.search.input.Value() != "x" {
		t.Error("x in the search field is text")
	}
	next, _ := m.Update(keys("<ctrl+x>")[0])
	if !next.(Model).quickExit {
		t.Error("ctrl+x must quit even while typing")
	}
}

func TestTooSmall(t *testing.T) {
	m := newModel(t, i18n.English, 30, 8)
	if !strings.Contains(screenText(m), "too small") {
		t.Errorf("a tiny window must say how big it must be:\n%s", screenText(m))
	}
}

func TestResizeRewrapsOnceSettled(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 24), "rights/at-home")
	m = send(t, m, keys("t<down><down><enter>")...)
	heading := m.reader.headingIndexAt(m.reader.offset)
	// A burst of sizes: only the last one is rendered.
	var cmds []tea.Cmd
	for _, w := range []int{70, 90, 110, 120} {
		next, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: 40})
		m = next.(Model)
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		m = runCmd(t, m, c, 0)
	}
	if m.reader.doc.Width != m.reader.textWidth() {
		t.Fatalf("the text must be re-wrapped to %d, is %d", m.reader.textWidth(), m.reader.doc.Width)
	}
	rendered := 0
	for k := range m.sh.cache {
		if k.id == "rights/at-home" {
			rendered++
		}
	}
	if rendered != 2 {
		t.Errorf("rendered %d times, want 2 (first open and the settled size)", rendered)
	}
	if got := m.reader.headingIndexAt(m.reader.offset); got != heading {
		t.Errorf("resize must keep the heading: %d, want %d", got, heading)
	}
}

func TestMissingTranslationNotice(t *testing.T) {
	m := newModel(t, i18n.Spanish, 80, 24)
	m.sh.lib = embedded(t) // all guides are translated; use a fake id
	m = send(t, m, openMsg{target: "rights/does-not-exist", fresh: true})
	if !strings.Contains(m.reader.status, "rights/does-not-exist") {
		t.Errorf("an unknown guide must be reported: %q", m.reader.status)
	}
}

// Golden views: what a person sees at fixed sizes, with colours.
func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("home-%dx%d", w, h), func(t *testing.T) {
			golden.RequireEqual(t, newModel(t, i18n.English, w, h).View().Content)
		})
		t.Run(fmt.Sprintf("reader-%dx%d", w, h), func(t *testing.T) {
			m := openGuide(t, newModel(t, i18n.English, w, h), "rights/at-home")
			golden.RequireEqual(t, m.View().Content)
		})
		t.Run(fmt.Sprintf("search-es-%dx%d", w, h), func(t *testing.T) {
			m := send(t, newModel(t, i18n.Spanish, w, h), keys("/orden judicial")...)
			golden.RequireEqual(t, m.View().Content)
		})
		t.Run(fmt.Sprintf("contents-%dx%d", w, h), func(t *testing.T) {
			m := send(t, openGuide(t, newModel(t, i18n.English, w, h), "rights/warrants"), keys("t")...)
			golden.RequireEqual(t, m.View().Content)
		})
	}
	t.Run("reader-plain-ascii-80x24", func(t *testing.T) {
		m := New(embedded(t), Options{Lang: i18n.English, Theme: render.Plain, FixedTheme: true, ASCII: true})
		m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		m = openGuide(t, m, "rights/at-home")
		v := m.View().Content
		if strings.ContainsAny(v, "•│─›") {
			t.Error("ASCII mode must not draw box or bullet characters")
		}
		golden.RequireEqual(t, v)
	})
}

// Every line of every screen fits the window.
func TestViewsFitTheWindow(t *testing.T) {
	for _, size := range [][2]int{{40, 10}, {80, 24}, {200, 50}} {
		m := newModel(t, i18n.Spanish, size[0], size[1])
		views := []string{m.View().Content}
		m = openGuide(t, m, "campaign/first-48-hours")
		views = append(views, m.View().Content)
		views = append(views, send(t, m, keys("t")...).View().Content)
		views = append(views, send(t, m, keys("?")...).View().Content)
		for _, v := range views {
			lines := strings.Split(v, "\n")
			if len(lines) != size[1] {
				t.Errorf("%v: %d lines, want %d", size, len(lines), size[1])
			}
			for _, l := range lines {
				if lipgloss.Width(l) > size[0] {
					t.Errorf("%v: line wider than the window: %q", size, l)
				}
			}
		}
	}
}

func TestBackgroundColourPicksTheme(t *testing.T) {
	m := New(embedded(t), Options{Lang: i18n.English, Theme: render.Dark})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, tea.BackgroundColorMsg{Color: lipgloss.Color("#ffffff")})
	if m.sh.styles.Theme != render.Light {
		t.Error("a light background must switch to the light theme")
	}
	fixed := New(embedded(t), Options{Lang: i18n.English, Theme: render.HighContrast, FixedTheme: true})
	fixed = send(t, fixed, tea.BackgroundColorMsg{Color: lipgloss.Color("#ffffff")})
	if fixed.sh.styles.Theme != render.HighContrast {
		t.Error("a chosen theme must not change with the background")
	}
}

func TestEveryBindingHasHelp(t *testing.T) {
	for _, lang := range i18n.Langs {
		k := newKeyMap(i18n.For(lang))
		for _, b := range []key.Binding{k.Up, k.Down, k.Open, k.Back, k.Search, k.Find, k.Contents, k.Copy, k.Language, k.Help, k.Quit, k.QuickExit} {
			if b.Help().Desc == "" || strings.HasPrefix(b.Help().Desc, "key.") {
				t.Errorf("%s: binding %v has no help text", lang, b.Keys())
			}
		}
	}
}

func TestSearchFromReader(t *testing.T) {
	m := openGuide(t, newModel(t, i18n.English, 80, 24), "rights/at-home")
	m = send(t, m, keys("s")...)
	if m.screen != screenSearch {
		t.Fatal("s in the reader must open search")
	}
	m = send(t, m, keys("<esc>")...)
	if m.screen != screenReader || m.reader.guide.ID != "rights/at-home" {
		t.Error("esc must return to the guide")
	}
}

func TestCtrlCInterrupts(t *testing.T) {
	m := newModel(t, i18n.English, 80, 24)
	m = send(t, m, keys("/abc")...)
	_, cmd := m.Update(keys("<ctrl+c>")[0])
	if cmd == nil {
		t.Fatal("ctrl+c must quit, even while typing")
	}
	if _, ok := cmd().(tea.InterruptMsg); !ok {
		t.Error("ctrl+c must end the program as an interrupt (exit status 130)")
	}
}
