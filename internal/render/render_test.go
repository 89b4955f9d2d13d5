package render

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	xansi "github.com/charmbracelet/x/ansi"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// corpus loads the guides of the repository (not the embedded snapshot),
// so the tests read what is being edited.
func corpus(t testing.TB) *library.Library {
	t.Helper()
	lib, err := library.Load(os.DirFS("../../guides"), "guides", false)
	if err != nil {
		t.Fatalf("guides: %v", err)
	}
	return lib
}

func guideFrom(t testing.TB, body string) *library.Guide {
	t.Helper()
	fm := "---\ntitle: T\nsummary: S\nsection: rights\norder: 1\nreviewed: 2026-11-01\nfacts_as_of: 2026-10\n---\n"
	lib, err := library.Load(fstest.MapFS{"en/rights/t.md": {Data: []byte(fm + body)}}, "", false)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := lib.Get("rights/t", i18n.English)
	return g
}

// What must never be split or altered: web addresses, phone numbers, form
// numbers and A-numbers.
var (
	phoneRe = regexp.MustCompile(`\b1-\d{3}-\d{3}-\d{4}\b|\(\d{3}\) \d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b`)
	formRe  = regexp.MustCompile(`\b(?:I|EOIR|AR|N|G|DS|SF)-\d{2,4}[A-Z]?\b`)
	anumRe  = regexp.MustCompile(`\bA-\d{3}-\d{3}-\d{3}\b|\bA-number\b|\bnúmero A\b`)
)

// intact lists the strings of a guide that must reach the screen whole.
func intact(g *library.Guide) []string {
	var out []string
	for _, l := range g.Links {
		switch {
		case !l.External():
		case sameAddress(l.Text, l.Address()):
			out = append(out, l.Text) // the text is the address: shown once
		default:
			out = append(out, l.Address())
		}
	}
	for _, s := range g.Sources {
		out = append(out, s.URL)
	}
	for _, sec := range g.Sections {
		for _, re := range []*regexp.Regexp{phoneRe, formRe, anumRe} {
			out = append(out, re.FindAllString(sec.Text, -1)...)
		}
	}
	return out
}

// spanText is the plain text a span covers, its lines joined by a space.
func spanText(d *Document, s Span) string {
	var parts []string
	for l := s.From.Line; l <= s.To.Line; l++ {
		line := []rune(d.Plain[l])
		from, to := 0, len(line)
		if l == s.From.Line {
			from = colIndex(line, s.From.Col)
		}
		if l == s.To.Line {
			to = colIndex(line, s.To.Col)
		}
		if from > to {
			return "<inverted span>"
		}
		part := string(line[from:to])
		if l != s.From.Line {
			part = strings.TrimLeft(part, " │|•*")
		}
		parts = append(parts, strings.TrimSpace(part))
	}
	return strings.Join(parts, " ")
}

// colIndex turns a column of a plain line into a rune index.
func colIndex(line []rune, col int) int {
	w := 0
	for i, r := range line {
		if w >= col {
			return i
		}
		w += xansi.StringWidth(string(r))
	}
	return len(line)
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// The promise of issue 11: at every width from 40 to 120, in both
// languages, every address, phone number and form number of a guide
// reaches the screen whole, and every link, heading and code block is
// found where it was drawn.
func TestWidthSweep(t *testing.T) {
	lib := corpus(t)
	for _, g := range lib.Guides("") {
		t.Run(string(g.Lang)+"/"+g.ID, func(t *testing.T) {
			t.Parallel()
			drawn, err := Draw(g, Options{Theme: Dark, Sources: "Sources"})
			if err != nil {
				t.Fatal(err)
			}
			want := intact(g)
			for width := 40; width <= 120; width++ {
				d := drawn.Layout(width)
				checkDocument(t, g, d, want)
				if t.Failed() {
					t.Fatalf("at width %d", width)
				}
			}
		})
	}
}

func checkDocument(t *testing.T, g *library.Guide, d *Document, want []string) {
	t.Helper()
	screen := strings.Join(d.Plain, "\n")
	for _, s := range want {
		if !strings.Contains(screen, s) {
			t.Errorf("%q is not on screen whole", s)
		}
	}
	for i, spot := range d.Links {
		l := g.Links[i]
		if l.Kind == library.LinkBlocked || l.Kind == library.LinkFile {
			continue
		}
		if !spot.Text.Shown() {
			t.Errorf("link %d %q was not drawn", i, l.Text)
			continue
		}
		if got := spanText(d, spot.Text); norm(got) != norm(l.Text) {
			t.Errorf("link %d focus covers %q, its text is %q", i, got, l.Text)
		}
		if spot.Addr.Shown() && spanText(d, spot.Addr) != l.Address() {
			t.Errorf("link %d address covers %q, want %q", i, spanText(d, spot.Addr), l.Address())
		}
	}
	for i, line := range d.Headings {
		h := g.Headings[i]
		if line < 0 {
			t.Errorf("heading %q was not drawn", h.Text)
			continue
		}
		got := strings.TrimSpace(d.Plain[line])
		if first := strings.Fields(h.Text); len(first) > 0 && !strings.HasPrefix(got, first[0]) {
			t.Errorf("heading %q placed on %q", h.Text, got)
		}
		if strings.HasPrefix(got, "#") && !strings.HasPrefix(h.Text, "#") {
			t.Errorf("heading drawn with its Markdown: %q", got)
		}
	}
	for i, b := range d.Blocks {
		first := strings.Fields(g.Blocks[i].Text)
		if len(first) == 0 {
			continue
		}
		if b.First < 0 || b.Last < b.First || !strings.Contains(d.Plain[b.First], first[0]) {
			t.Errorf("block %d placed at %v", i, b)
		}
	}
	for _, line := range d.Plain {
		for _, r := range line {
			if isMarker(r) {
				t.Fatalf("a marker shows: %q", line)
			}
		}
	}
}

// The cases the issue found at 76-96 columns, and narrower.
func TestNeverSplitsNumbersOrAddresses(t *testing.T) {
	body := "# T\n\n- Call 1-800-898-7180 or see https://www.ice.gov/contact/field-offices and the recognition-and-accreditation roster, your A-number, Form I-205, 2025-2026 and locator.ice.gov/odls, or Form I-200, or (202) 555-0100, A 123 456 789.\n"
	g := guideFrom(t, body)
	drawn, err := Draw(g, Options{Theme: Dark})
	if err != nil {
		t.Fatal(err)
	}
	for width := MinWidth; width <= 120; width++ {
		d := drawn.Layout(width)
		screen := strings.Join(d.Plain, "\n")
		for _, s := range []string{"1-800-898-7180", "https://www.ice.gov/contact/field-offices", "recognition-and-accreditation",
			"A-number", "I-205", "2025-2026", "locator.ice.gov/odls", "Form I-200", "(202) 555-0100", "A 123 456 789"} {
			if s == "Form I-200" {
				s = "I-200"
			}
			if !strings.Contains(screen, s) {
				t.Fatalf("width %d: %q split:\n%s", width, s, screen)
			}
		}
		if strings.Contains(screen, "- ") && strings.Contains(screen, "field- offices") {
			t.Fatalf("width %d: re-joined after a hyphen", width)
		}
		for _, line := range d.Plain {
			// Only a word longer than the line may pass it, on its own.
			if xansi.StringWidth(line) > width && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("width %d: %q is too wide", width, line)
			}
		}
	}
}

// An address longer than the line is printed on a line of its own,
// unbroken; wrapped lines of a list item hang under its text.
func TestLongAddressHasItsOwnLine(t *testing.T) {
	url := "https://www.example.org/a/very/long/path/that/does/not/fit/in/forty/columns"
	g := guideFrom(t, "# T\n\n- See <"+url+"> for the list of field offices near you.\n")
	d, err := Render(g, Options{Width: 40, Theme: Plain, Strip: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, line := range d.Plain {
		if strings.TrimSpace(line) == url {
			found = true
			if !strings.HasPrefix(line, "  ") {
				t.Errorf("continuation %q does not hang under the item's text", line)
			}
		}
	}
	if !found {
		t.Errorf("the address has no line of its own:\n%s", strings.Join(d.Plain, "\n"))
	}
}

// Links show their text; an external link shows its address after it
// (tel: the number, mailto: the address), once; links to guides and
// blocked links show text only.
func TestLinksShowTheirAddress(t *testing.T) {
	g := guideFrom(t, "# T\n\nCall [our line](tel:+1-800-555-0100), write to [us](mailto:help@example.org), "+
		"read [the warrants guide](../rights/warrants.md), visit [www.ice.gov](https://www.ice.gov/) or "+
		"[evil](javascript:alert(1)).\n")
	d, err := Render(g, Options{Width: 100, Theme: Plain, Strip: true})
	if err != nil {
		t.Fatal(err)
	}
	got := norm(strings.Join(d.Plain, " "))
	want := "Call our line +1-800-555-0100, write to us help@example.org, read the warrants guide, visit www.ice.gov or evil."
	if !strings.Contains(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestTablesBecomeLists(t *testing.T) {
	g := guideFrom(t, "# T\n\n| Office | Phone |\n|---|---|\n| Chicago | 312-555-0100 |\n| Miami | 305-555-0100 |\n")
	d, err := Render(g, Options{Width: 40, Theme: Plain, Strip: true})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(d.Plain, "\n")
	if !strings.Contains(got, "Office: Chicago; Phone: 312-555-0100") {
		t.Errorf("table drawn as:\n%s", got)
	}
}

// Issue 13: defensa carries no highlighter, so no style may ever ask for
// one; a code-block theme or Chroma rules would make glamour call the stub.
func TestNoStyleHighlightsCode(t *testing.T) {
	for _, theme := range []Theme{Dark, Light, HighContrast, Plain} {
		for _, ascii := range []bool{false, true} {
			st := StyleConfig(theme, ascii)
			if st.CodeBlock.Theme != "" || st.CodeBlock.Chroma != nil {
				t.Errorf("%v (ascii %v): the code-block style asks for highlighting", theme, ascii)
			}
		}
	}
}

// With --ascii, nothing outside ASCII is drawn but the guide's own text.
func TestASCII(t *testing.T) {
	g := guideFrom(t, "# T\n\n- one\n- [x] done\n\n> quoted\n\n---\n")
	d, err := Render(g, Options{Width: 40, Theme: Dark, ASCII: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range d.Plain {
		for _, r := range line {
			if r > 0x7f {
				t.Errorf("non-ASCII %q in %q", r, line)
			}
		}
	}
}

// FuzzRender: whatever the guide, rendering never panics, never shows a
// marker, and emits no escape sequence but styles (SGR) and hyperlinks
// (OSC 8).
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# T\n\n- [a](https://x.org/) b\n",
		"> > quote\n\n```\ncode [X]\n```\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n",
		"&#27;]0;x&#7; [t](tel:123) <mailto:a@b.c>",
		"x\n===\n\n* [ ] task\n",
	} {
		f.Add(s, uint8(40))
	}
	f.Fuzz(func(t *testing.T, body string, w uint8) {
		if !utf8.ValidString(body) {
			return
		}
		fm := "---\ntitle: T\nsummary: S\nsection: rights\norder: 1\nreviewed: 2026-11-01\n---\n"
		lib, _ := library.Load(fstest.MapFS{"en/rights/t.md": {Data: []byte(fm + body)}}, "", true)
		g, ok := lib.Get("rights/t", i18n.English)
		if !ok {
			return
		}
		d, err := Render(g, Options{Width: int(w), Theme: Dark, Hyperlinks: true, Sources: "Sources"})
		if err != nil {
			return
		}
		for _, line := range d.Lines {
			checkEscapes(t, line)
		}
	})
}

var allowedEscape = regexp.MustCompile(`^(?:\x1b\[[0-9;:]*m|\x1b\]8;[^\x07\x1b]*;[^\x07\x1b]*(?:\x07|\x1b\\))`)

func checkEscapes(t *testing.T, line string) {
	t.Helper()
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == 0x1b:
			m := allowedEscape.FindString(line[i:])
			if m == "" {
				t.Fatalf("escape sequence %q in %q", line[i:min(i+12, len(line))], line)
			}
			i += len(m)
			continue
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || isMarker(r):
			t.Fatalf("control or marker %U in %q", r, line)
		}
		i += size
	}
}

func TestFallbackKeepsHeadings(t *testing.T) {
	g := guideFrom(t, "# T\n\nSome text that is long enough to wrap at twenty columns.\n\n## Second\n\nMore.\n")
	d := Fallback(g, 20)
	if line := d.Headings[1]; line < 0 || !strings.Contains(d.Plain[line], "## Second") {
		t.Errorf("heading at %d in %q", line, d.Plain)
	}
}

// collapsed is a drawing as wrap sees it: trailing spaces off, runs of
// blank lines as one, none at the ends.
func collapsed(lines []string) []string {
	var out []string
	for _, l := range lines {
		l = strings.TrimRight(l, " ")
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// The plain path draws every guide as glamour does with its escapes
// stripped, so a pipe and a terminal show the same text: every guide of
// the library, and one with every kind of block.
func TestPlainDrawsAsGlamour(t *testing.T) {
	lib := corpus(t)
	every := guideFrom(t, "# T\n\nText *em* **strong** `code &amp; more` and [a link](https://x.org/) \\ &amp; &lt;.\nSoft break.\n\n"+
		"> quote\n> > nested quote\n\n3. three\n4. four\n   - nested\n     lazy line\n\n- [ ] open\n- [x] done\n\n"+
		"- loose one\n\n- loose two\n\n  second paragraph\n\n---\n\n```text\ncode [X]\n  indented\n```\n\n    indented code\n\n"+
		"Term\n: Definition\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Heading two\n\n### Three\n")
	for _, g := range append(lib.Guides(""), every) {
		for _, ascii := range []bool{false, true} {
			opt := Options{Strip: true, ASCII: ascii, Sources: "Sources"}
			d := g.Document()
			prepare(d, g, opt)
			want, err := glamourLines(d, opt)
			if err != nil {
				t.Fatal(err)
			}
			d = g.Document()
			prepare(d, g, opt)
			got := plainLines(d, opt)
			w, gl := collapsed(want), collapsed(got)
			for i := range max(len(w), len(gl)) {
				var a, b string
				if i < len(w) {
					a = w[i]
				}
				if i < len(gl) {
					b = gl[i]
				}
				if a != b {
					t.Fatalf("%s (ascii %v) line %d:\nglamour %q\nplain   %q", g.Path, ascii, i, a, b)
				}
			}
		}
	}
}
