package tui

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
)

// The findings of the QA report (a tester trying defensa as a new user),
// each with its exact steps.

// withLocal is the fixture library with an organization's folder merged
// in, as --guides does.
func withLocal(t testing.TB, lang i18n.Lang, files fstest.MapFS) Options {
	t.Helper()
	opts := testOptions(t, lang)
	lib := fixtureLibrary(t)
	own, err := library.Load(files, "usb", true)
	for _, p := range library.Problems(err) {
		if !p.Warning {
			t.Fatalf("local: %v", err)
		}
	}
	lib.Merge(own)
	opts.Load = func() (*library.Library, error) { return lib, nil }
	return opts
}

// localGuide is a guide of an organization's folder with the given body.
func localGuide(title, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\nsummary: s\nsection: local\norder: 1\ntags: [x]\n" +
		"reviewed: 2026-11-01\nfacts_as_of: 2026-06\nsources:\n  - title: S\n    publisher: P\n" +
		"    url: https://example.org/a-long-source-address/with-many-hyphens-in-it/that-never-fits-at-forty-columns\n---\n" + body)}
}

// hugeLine is QA 1's guide: one unbroken line of 250,000 characters.
func hugeLine(t testing.TB) Options {
	return withLocal(t, i18n.English, fstest.MapFS{
		"en/local/line.md": localGuide("Line", "# Long\n\n"+strings.Repeat("a", 250_000)+"\n"),
	})
}

// QA 1: find in a guide with one huge line stops at its cap, and the
// work of a keystroke (find, highlight, rows) is one pass over the line:
// counted in allocations, which no machine's load changes. Before, the
// first "a" did not come back.
func TestFindOnAHugeLineIsBounded(t *testing.T) {
	hs := start(t, hugeLine(t), 80, 24)
	hs.keys("line<enter>")
	r := hs.m.reader
	if r.guide == nil || r.guide.Title != "Line" {
		t.Fatalf("the long guide must open:\n%s", hs.screen())
	}
	hs.keys("/a")
	f := hs.m.reader.find
	if len(f.matches) != maxMatches || !f.capped {
		t.Fatalf("find must stop at %d matches, got %d (capped %v)", maxMatches, len(f.matches), f.capped)
	}
	if s := strings.Join(strings.Fields(hs.screen()), " "); !strings.Contains(s, "Find in this guide: a") {
		t.Errorf("the field must show the letter typed:\n%s", hs.screen())
	}
	hs.keys("<enter>")
	if s := hs.screen(); !strings.Contains(s, fmt.Sprintf("1 of more than %d", maxMatches)) {
		t.Errorf("the count must say there are more:\n%s", s)
	}

	doc := hs.m.reader.doc
	var find findModel
	find.query = "a"
	allocs := testing.AllocsPerRun(3, func() {
		find.foldedOf = nil // fold again, as the first keystroke does
		find.Recompute(doc)
	})
	if allocs > 100 {
		t.Errorf("find made %.0f allocations: more than one pass over the line", allocs)
	}
	rr := hs.m.reader
	allocs = testing.AllocsPerRun(3, func() {
		rr.painted = painted{}
		rr.paint()
	})
	// About 3,200 rows of 78 cells, all cut from one string.
	if rows := rr.rows.rows(); allocs > 500 {
		t.Errorf("highlighting made %.0f allocations for %d rows: the line is walked more than once", allocs, rows)
	}
}

// QA 1: a line too wide for the window is split over rows; nothing of it
// is lost, no row is wider than the window, and the rows are made in one
// pass (breaks are counted, never searched for from the start again).
func TestHugeLineIsShownWhole(t *testing.T) {
	hs := start(t, hugeLine(t), 80, 24)
	hs.keys("line<enter>")
	r := hs.m.reader
	long := -1
	for i, l := range r.doc.Plain {
		if len(l) >= 250_000 {
			long = i
		}
	}
	if long < 0 {
		t.Fatal("the long line must be laid out as one line")
	}
	rows := drawRows(r.doc.Lines[long], nil, r.rows.at[long], r.rows.indent[long])
	got := 0
	for _, row := range rows {
		plain := ansi.Strip(row)
		if w := lipgloss.Width(plain); w > 80 {
			t.Fatalf("a row of %d columns", w)
		}
		got += strings.Count(plain, "a")
	}
	if got != 250_000 {
		t.Errorf("the rows show %d of the 250,000 characters", got)
	}
	hs.keys("G")
	if !strings.Contains(hs.screen(), "Sources") {
		t.Error("the end of the guide must be reachable past the long line")
	}
}

// The highlighter and the row splitter: styles survive a split, and a
// highlight that crosses a row is drawn on both.
func TestDrawRows(t *testing.T) {
	line := "\x1b[1mbold\x1b[m plain text"
	rows := drawRows(line, []seg{{from: 2, to: 7, open: "\x1b[7m"}}, []int{6}, 1)
	want := []string{"\x1b[1mbo\x1b[m\x1b[7mld p\x1b[m", " \x1b[7ml\x1b[m\x1b[mai" + "n text"}
	if len(rows) != 2 || rows[0] != want[0] {
		t.Fatalf("rows = %q, want %q", rows, want)
	}
	if ansi.Strip(rows[1]) != " lain text" {
		t.Errorf("second row = %q", rows[1])
	}
	if got := resolve([]mark{{span{0, 0, 4}, "A", 1}, {span{0, 2, 3}, "B", 2}}); len(got) != 3 || got[1] != (seg{2, 3, "B"}) {
		t.Errorf("overlaps must resolve to the higher mark: %v", got)
	}
	if got := chop("https://a-b-c", 5); strings.Join(got, "|") != "https|://a-|b-c" {
		t.Errorf("chop = %q", got)
	}
}

// QA 2: clearing the field, by Backspace, Esc or Ctrl+U, and after a
// section was open, brings the home back exactly as it started, the
// cursor on the first "Right now" situation.
func TestClearingBringsTheHomeBack(t *testing.T) {
	for _, lang := range i18n.Langs {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			for _, typed := range []string{"q<bs>", "x<bs>", "ab<bs><bs>", "warrant<bs><bs><bs><bs><bs><bs><bs>",
				"zzzz<esc>", "door<esc>", "door<ctrl+u>", "<down><down><enter>ab<bs><bs>", "<down><down><enter>q<esc>", " a<bs>"} {
				hs := start(t, testOptions(t, lang), size[0], size[1])
				first := hs.screen()
				hs.keys(typed)
				if strings.TrimSpace(hs.m.home.input.Value()) != "" {
					t.Fatalf("%q: the field must be empty", typed)
				}
				if got := hs.screen(); got != first {
					t.Errorf("%s %dx%d after %q the home must be as it started:\n%s\nwant:\n%s", lang, size[0], size[1], typed, got, first)
				}
				if _, ok := hs.m.home.list.Selected().(rightNowItem); !ok || hs.m.home.list.Index() != 1 {
					t.Errorf("%s after %q: the cursor must be on the first Right now item, at %d", lang, typed, hs.m.home.list.Index())
				}
			}
		}
	}
}

// QA 4: at 40 columns, an address longer than the window is shown whole
// over several rows, in the text and in the sources, and a focused
// address is shown in the footer on lines of its own, cut only at the
// edge of the window (never at a hyphen).
func TestLongAddressesShownWhole(t *testing.T) {
	addr := "https://www.example.org/know-your-rights/know-your-rights-if-you-are-questioned-about-your-status"
	src := "https://example.org/a-long-source-address/with-many-hyphens-in-it/that-never-fits-at-forty-columns"
	opts := withLocal(t, i18n.English, fstest.MapFS{
		"en/local/links.md": localGuide("Links", "# Links\n\nSee [the ACLU page]("+addr+").\n"),
	})
	for _, w := range []int{40, 80} {
		hs := start(t, opts, w, 24)
		hs.keys("links<enter>")
		seen := func() string {
			var b strings.Builder
			for _, l := range strings.Split(hs.screen(), "\n") {
				b.WriteString(strings.TrimSpace(l))
			}
			return b.String()
		}
		for _, l := range strings.Split(hs.screen(), "\n") {
			if lw := lipgloss.Width(l); lw > w {
				t.Errorf("%d columns: a line of %d columns", w, lw)
			}
		}
		if s := seen(); !strings.Contains(s, addr) || !strings.Contains(s, src) {
			t.Errorf("%d columns: both addresses must be on screen whole:\n%s", w, hs.screen())
		}
		hs.keys("<tab>")
		lines := strings.Split(hs.screen(), "\n")
		var footer []string
		for i, l := range lines {
			if strings.HasPrefix(l, " https://") {
				for _, a := range lines[i:] {
					if !strings.HasPrefix(a, " ") || strings.Contains(a, "Ctrl+X") {
						break
					}
					footer = append(footer, strings.TrimPrefix(a, " "))
				}
			}
		}
		if strings.Join(footer, "") != addr {
			t.Errorf("%d columns: the focused address must follow on lines of its own, whole: %q", w, footer)
		}
		for _, f := range footer[:max(len(footer)-1, 0)] {
			if lipgloss.Width(f) != w-2 {
				t.Errorf("%d columns: the address is broken before the edge: %q", w, footer)
			}
		}
	}
}

// QA 5 and issue 10.1: quit and quick exit are in the footer at every
// width from 40 up, in both languages, with ASCII drawing (--ascii, the
// Linux console) or not.
func TestQuitAndQuickExitAtEveryWidth(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		for _, lang := range i18n.Langs {
			c := i18n.For(lang)
			want := []string{"Ctrl+X " + c.T("tui.key.quick_exit"), "Ctrl+C " + c.T("tui.key.quit")}
			// Every width where a key could drop out is narrow; then a few
			// wide ones.
			for _, w := range []int{40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 52, 55, 60, 70, 80, 120, 200} {
				opts := testOptions(t, lang)
				opts.ASCII = ascii
				opts.NoClipboard = ascii // TERM=linux: ASCII drawing, no clipboard
				everyScreen(t, opts, w, 10, func(name string, hs *harness) {
					if hs.m.help.IsOpen() {
						return // help pins them on lines of their own
					}
					lines := strings.Split(hs.screen(), "\n")
					footer := lines[len(lines)-1]
					for _, k := range want {
						if !strings.Contains(footer, k) {
							t.Errorf("%s ascii=%v %d columns, %s: %q not in the footer %q", lang, ascii, w, name, k, footer)
						}
					}
				})
			}
		}
	}
}

// QA 10: on a wide enough home, the footer names both help keys (several
// terminals take F1 for themselves).
func TestFooterShowsCtrlGWhenThereIsRoom(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	if s := hs.screen(); !strings.Contains(s, "F1/Ctrl+G help") {
		t.Errorf("the home footer must show F1/Ctrl+G:\n%s", s)
	}
	hs = start(t, testOptions(t, i18n.English), 40, 12)
	if s := hs.screen(); strings.Contains(s, "Ctrl+G") {
		t.Errorf("at 40 columns quit comes before Ctrl+G:\n%s", s)
	}
}

// QA 6: Esc goes back where the person came from. After s (or H) from a
// guide, Esc returns to the guide where it was; after typing, the first
// Esc clears and the second returns. On the home with nothing to go back
// to, Esc never quits: it says how to close defensa.
func TestEscFromSearchReturnsToTheGuide(t *testing.T) {
	for _, how := range []string{"s", "H"} {
		hs := start(t, testOptions(t, i18n.English), 80, 24)
		hs.keys("bond<enter>")
		hs.keys("<esc><esc>") // results, then the home
		hs.keys("<enter>jjj")
		id, at := hs.m.reader.guide.ID, hs.m.reader.vp.YOffset()
		hs.keys(how)
		if hs.m.screen != screenHome || hs.m.home.input.Value() != "" {
			t.Fatalf("%s must open an empty search", how)
		}
		if !strings.Contains(hs.screen(), "Esc back to the guide") {
			t.Errorf("the footer must say Esc goes back to the guide:\n%s", hs.screen())
		}
		hs.keys("<esc>")
		if hs.m.screen != screenReader || hs.m.reader.guide.ID != id || hs.m.reader.vp.YOffset() != at {
			t.Fatalf("%s then Esc must return to the guide where it was", how)
		}
		hs.keys(how + "x<esc>")
		if hs.m.screen != screenHome {
			t.Fatal("the first Esc after typing only clears")
		}
		hs.keys("<esc>")
		if hs.m.screen != screenReader {
			t.Fatal("the second Esc returns to the guide")
		}
		if quit, intr := hs.quit(); quit || intr {
			t.Fatal("Esc must never quit")
		}
	}
	// A guide opened from results, then s and Esc: closing the guide
	// still goes back to the results, query and selection kept.
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("door<down>")
	sel := hs.m.home.list.Index()
	hs.keys("<enter>s<esc>")
	hs.keys("<esc>")
	if hs.m.screen != screenHome || hs.m.home.input.Value() != "door" || hs.m.home.list.Index() != sel {
		t.Fatalf("after s and Esc, closing the guide must find the results as they were:\n%s", hs.screen())
	}
	hs = start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<enter>q<esc><esc><esc>")
	if quit, intr := hs.quit(); quit || intr || hs.m.screen != screenHome {
		t.Fatal("Esc on the home after closing a guide must stay on the home")
	}
	if s := strings.Join(strings.Fields(hs.screen()), " "); !strings.Contains(s, "To close defensa, press Ctrl+C") {
		t.Errorf("Esc with nothing to do must say how to close defensa:\n%s", hs.screen())
	}
	for _, size := range [][2]int{{40, 12}, {40, 10}, {80, 24}} {
		hs = start(t, testOptions(t, i18n.Spanish), size[0], size[1])
		for _, k := range []string{"<esc>", "j"} { // the hint comes, then goes
			hs.keys(k)
			lines := strings.Split(hs.screen(), "\n")
			if len(lines) != size[1] || !strings.Contains(lines[len(lines)-1], "Ctrl+C salir") {
				t.Errorf("%dx%d after %s: %d lines, footer %q", size[0], size[1], k, len(lines), lines[len(lines)-1])
			}
		}
	}
}

// QA 7: a focused link that scrolls off screen is no longer focused, so
// Enter never opens a link the person cannot see; and the find count
// shows while there are matches, even with a link focused.
func TestLinkFocusLeavesWithTheScreen(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<enter>G<s-tab>")
	if hs.m.reader.link == noLink {
		t.Fatal("Shift+Tab must focus a link at the end")
	}
	hs.keys("g")
	if hs.m.reader.link != noLink {
		t.Fatal("the focus must go once the link is off screen")
	}
	hs.keys("<enter>")
	if hs.m.reader.guide.ID != "rights/at-home" {
		t.Fatal("Enter must not open a link that is not on screen")
	}
	hs.keys("<tab>/door<enter>")
	s := hs.screen()
	if !strings.Contains(s, "1 of 2 for \"door\"") {
		t.Errorf("the find count must show with a link focused:\n%s", s)
	}
	hs.keys("n")
	if s := hs.screen(); !strings.Contains(s, "2 of 2 for \"door\"") {
		t.Errorf("n must move the count:\n%s", s)
	}
}

// QA 11: wrapped messages keep their indent: the local folder's warning
// on the home, the quick exit paragraph in help.
func TestWrappedMessagesKeepTheirIndent(t *testing.T) {
	opts := testOptions(t, i18n.Spanish)
	lib := fixtureLibrary(t)
	opts.Load = func() (*library.Library, error) {
		return lib, fmt.Errorf("x: %w", &library.Problem{Path: "a.md", Line: 1})
	}
	hs := start(t, opts, 60, 20)
	lines := strings.Split(hs.screen(), "\n")
	n := 0
	for _, l := range lines {
		if strings.Contains(l, "defensa check") || strings.Contains(l, "No se pudieron") {
			n++
			if !strings.HasPrefix(l, " ") {
				t.Errorf("a wrapped warning line starts at the edge: %q", l)
			}
		}
	}
	if n < 2 {
		t.Fatalf("the warning must wrap at 60 columns:\n%s", hs.screen())
	}
	hs.keys("<f1>")
	for range 10 {
		hs.keys("<down>")
	}
	for _, l := range strings.Split(hs.screen(), "\n") {
		if strings.Contains(l, "portapapeles") && !strings.HasPrefix(l, " ") {
			t.Errorf("the quick exit paragraph lost its indent: %q", l)
		}
	}
}

// QA 11: the search placeholder is cut between words, with an ellipsis.
func TestPlaceholderCutBetweenWords(t *testing.T) {
	for _, w := range []int{40, 50, 60, 70} {
		hs := start(t, testOptions(t, i18n.Spanish), w, 12)
		ph := hs.m.home.input.Placeholder
		full := i18n.For(i18n.Spanish).T("tui.search.placeholder")
		if lipgloss.Width(ph) > hs.m.home.input.Width() {
			t.Errorf("%d: the placeholder %q is wider than the field", w, ph)
		}
		if ph != full {
			cut := strings.TrimSuffix(ph, "…")
			if cut == ph || !strings.HasPrefix(full, cut) || full[len(cut)] != ' ' && full[len(cut)] != ',' {
				t.Errorf("%d: %q is not cut between words", w, ph)
			}
		}
	}
}

// QA 11: the field's cursor is the terminal's own colours reversed, so it
// hides no letter on a light background.
func TestCursorHidesNoLetter(t *testing.T) {
	for _, theme := range []render.Theme{render.Light, render.Dark, render.Plain} {
		hs := start(t, Options{Lang: i18n.English, Theme: theme, FixedTheme: true, Load: testOptions(t, i18n.English).Load}, 80, 24)
		if _, ok := hs.m.home.input.Styles().Cursor.Color.(lipgloss.NoColor); !ok {
			t.Errorf("%s: the cursor has a colour of its own: %v", theme, hs.m.home.input.Styles().Cursor.Color)
		}
	}
}

// QA 11: at 200 columns the home's list uses the room and the preview
// keeps to a readable width.
func TestWideHomeUsesTheRoom(t *testing.T) {
	list, preview := panes(200)
	if list < 100 || preview > previewMaxWidth {
		t.Errorf("panes(200) = %d, %d", list, preview)
	}
	hs := start(t, testOptions(t, i18n.Spanish), 200, 60)
	if s := hs.screen(); !strings.Contains(s, "La migra está en la puerta     Si los agentes llegan a su casa") {
		t.Errorf("the Right now titles must not be cut:\n%s", s)
	}
}

// QA 11: c in a guide with no template copies the text as it is shown,
// not its Markdown, and says so.
func TestCopyGuideAsShown(t *testing.T) {
	hs := start(t, testOptions(t, i18n.English), 80, 24)
	hs.keys("<enter>c")
	var copied string
	for _, msg := range hs.sent {
		if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
			copied = fmt.Sprint(msg)
		}
	}
	for _, markup := range []string{"# ", "](", "**", "../"} {
		if strings.Contains(copied, markup) {
			t.Errorf("the copy carries Markdown %q:\n%s", markup, copied)
		}
	}
	if !strings.Contains(copied, "Keep the door closed. Call 1-800-555-0100 for help.") || !strings.Contains(copied, "Sources") {
		t.Errorf("the copy must be the text as shown:\n%s", copied)
	}
	if s := strings.Join(strings.Fields(hs.screen()), " "); !strings.Contains(s, "as shown") || !strings.Contains(s, "--no-pager") {
		t.Errorf("the message must say what was copied and how to print it:\n%s", hs.screen())
	}
}
