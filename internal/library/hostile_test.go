package library

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"

	"defensa/internal/i18n"
	"defensa/internal/textsafe"
)

// A guides folder from a stranger's USB stick is hostile input. Each test
// here reproduces one hole of issue 16 in the layer where it belongs.

// frontMatterFile builds a guide whose front matter is fm, verbatim.
func frontMatterFile(fm, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + fm + "---\n" + body)}
}

const okFields = "summary: S\nsection: local\norder: 1\nreviewed: 2026-11-01\nfacts_as_of: 2026-10\n"

// assertShown fails when any string reachable from v holds a control
// character (other than newline and tab in multi-line text) or an
// invisible character.
func assertShown(t *testing.T, what string, v reflect.Value, multiline bool) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		for _, r := range v.String() {
			if multiline && (r == '\n' || r == '\t') {
				continue
			}
			if textsafe.IsControl(r) || r == '\n' || r == '\t' || r != '\u200c' && r != '\u200d' && textsafe.IsHidden(r) {
				t.Fatalf("%s: %q holds %U", what, v.String(), r)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				assertShown(t, what+"."+f.Name, v.Field(i), f.Tag.Get("text") == "multiline")
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			assertShown(t, what, v.Elem(), multiline)
		}
	case reflect.Slice:
		for i := range v.Len() {
			assertShown(t, what, v.Index(i), multiline)
		}
	}
}

func loadOne(t *testing.T, path string, f *fstest.MapFile) (*Guide, string) {
	t.Helper()
	lib, err := Load(fstest.MapFS{path: f}, "usb", true)
	got := strings.Join(messages(err), "\n")
	for _, g := range lib.Guides("") {
		assertShown(t, g.Path, reflect.ValueOf(g).Elem(), false)
		return g, got
	}
	return nil, got
}

// Hole 1: escapes written as YAML escapes are decoded by YAML, after any
// cleaning of the raw file, and reached list, search and the interface.
func TestYAMLEscapesAreCleaned(t *testing.T) {
	for name, title := range map[string]string{
		"osc 52 and title":   `"Hotline \e]52;c;UFdORUQ=\a\e]0;PWNED\a"`,
		"c1 csi":             `"Hotline \x9b31m red"`,
		"c1 osc as unicode":  `"Hotline \u009d8;;https://evil.example\u009c"`,
		"bidi override":      `"Hotline \u202e0817-555-008-1"`,
		"block scalar title": "|\n  Two\n  lines",
	} {
		t.Run(name, func(t *testing.T) {
			g, problems := loadOne(t, "en/local/x.md", frontMatterFile("title: "+title+"\n"+okFields, "# T\n"))
			if g == nil {
				t.Fatalf("the guide must still load; problems: %s", problems)
			}
			if strings.ContainsAny(g.Title, "\x1b\x07\u009b\u009d\n") {
				t.Errorf("title = %q", g.Title)
			}
			if name != "block scalar title" && !strings.Contains(problems, "usb/en/local/x.md:2: front matter:") {
				t.Errorf("no problem at the title's line: %s", problems)
			}
		})
	}
	g, problems := loadOne(t, "en/local/x.md", frontMatterFile("title: !!binary G10wO1BXTkVEBw==\n"+okFields, "# T\n"))
	if g == nil || g.Title != "" || !strings.Contains(problems, "x.md:2: front matter: title must be text, not binary data") {
		t.Errorf("!!binary title: %+v, %s", g, problems)
	}
}

// Hole 1 again, in the body: a character reference decodes to any code
// point, so the tree a renderer gets is cleaned after decoding.
func TestCharacterReferencesCannotEscape(t *testing.T) {
	g, _ := loadOne(t, "en/local/x.md", frontMatterFile("title: T\n"+okFields,
		"# T &#27;]0;x&#7;\n\nText &#x1b;[2J and &#x202e; and `code &#27;` and \\&#27;.\n"))
	if g == nil {
		t.Fatal("not loaded")
	}
	d := g.Document()
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t2, ok := n.(*ast.Text); ok && entering {
			shown := string(displayText(t2.Segment.Value(d.Source)))
			if strings.ContainsAny(shown, "\x1b\x07\u202e") {
				t.Errorf("text node decodes to %q", shown)
			}
		}
		return ast.WalkContinue, nil
	})
	if strings.ContainsAny(g.Headings[0].Text, "\x1b\x07") {
		t.Errorf("heading = %q", g.Headings[0].Text)
	}
}

// A tab, typed or written "&#9;", moves a terminal's cursor to a tab stop
// no width count follows: no text or code a renderer is given keeps one.
// (Found by FuzzRender.)
func TestNoTabReachesARenderer(t *testing.T) {
	g, _ := loadOne(t, "en/local/x.md", frontMatterFile("title: T\n"+okFields,
		"# T\tx &#9;y\n\nText\tand&#9;more, `code\tspan`.\n\n```\nab\tcd\n\tindented\n```\n\n    indented\tcode\n"))
	if g == nil {
		t.Fatal("not loaded")
	}
	d := g.Document()
	var code []string
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t2, ok := n.(*ast.Text); ok {
			if shown := string(displayText(t2.Segment.Value(d.Source))); strings.Contains(shown, "\t") {
				t.Errorf("text node decodes to %q", shown)
			}
		}
		if n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock {
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				code = append(code, string(seg.Value(d.Source)))
			}
		}
		return ast.WalkContinue, nil
	})
	want := []string{"ab  cd\n", "    indented\n", "indented    code\n"}
	if !slices.Equal(code, want) {
		t.Errorf("code lines = %q, want %q (tabs to the next multiple of four)", code, want)
	}
	if len(g.Blocks) == 0 || strings.Contains(g.Blocks[0].Text, "\t") {
		t.Errorf("template blocks = %+v, want no tab", g.Blocks)
	}
}

func TestExpandTabs(t *testing.T) {
	for in, want := range map[string]string{
		"":              "",
		"\t":            "    ",
		"a\tb":          "a   b",
		"abcd\te":       "abcd    e",
		"ñ\tx\n\ty":     "ñ   x\n    y",
		"no tab at all": "no tab at all",
	} {
		if got := ExpandTabs(in); got != want {
			t.Errorf("ExpandTabs(%q) = %q, want %q", in, got, want)
		}
	}
}

// Hole 2: nesting, tables, links and headings are bounded, with a clear
// problem, and the rest of the folder loads.
func TestRenderingWorkIsBounded(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"100 nested quotes":  {strings.Repeat(">", 100) + " x\n", "nested too deeply"},
		"nested lists":       {nestedList(20), "nested too deeply"},
		"20,000 columns":     {"|" + strings.Repeat(" a |", 20000) + "\n|" + strings.Repeat("---|", 20000) + "\n", "more than 16 columns"},
		"thousands of links": {strings.Repeat("[a](https://example.org/) ", 3000) + "\n", "too many links"},
		"thousands of heads": {strings.Repeat("## h\n", 3000), "too many headings"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			lib, err := Load(fstest.MapFS{
				"en/local/x.md":  frontMatterFile("title: T\n"+okFields, "# T\n\n"+tt.body),
				"en/local/ok.md": frontMatterFile("title: OK\n"+okFields, "# OK\n"),
			}, "usb", true)
			if _, ok := lib.Get("local/ok", i18n.English); !ok {
				t.Error("the rest of the folder must load")
			}
			if _, ok := lib.Get("local/x", i18n.English); ok {
				t.Error("an unbounded guide must not load")
			}
			if got := strings.Join(messages(err), "\n"); !strings.Contains(got, "usb/en/local/x.md:") || !strings.Contains(got, tt.want) {
				t.Errorf("problems = %s; want %q with file and line", got, tt.want)
			}
		})
	}
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

// Hole 3: names from FAT, exFAT or NTFS may hold C1 characters and
// newlines; none reaches a message or a field.
func TestFileNamesAreCleaned(t *testing.T) {
	for _, name := range []string{"en/local/a\u009b31m.md", "en/local/x\nusb/en/local/forged.md:1: all good.md", "en/loc\u202eal/x.md"} {
		lib, err := Load(fstest.MapFS{name: frontMatterFile("title: T\n"+okFields, "# T\n")}, "usb", true)
		all := append(messages(err), messages(Check(lib, nil, today))...)
		for _, m := range all {
			if strings.ContainsAny(m, "\n\u009b\u202e") {
				t.Errorf("%q: message %q", name, m)
			}
		}
		for _, g := range lib.Guides("") {
			assertShown(t, "guide", reflect.ValueOf(g).Elem(), false)
		}
	}
}

// Hole 5: only https, http, mailto and tel are ever links, whatever form
// the link takes; tel shows its number.
func TestLinkSchemes(t *testing.T) {
	body := "# T\n\n" +
		"[a](javascript:alert(1)) [b][r] <file:///etc/passwd> <data:text/html,x> [c](smb://host/share) " +
		"[d](JaVaScRiPt:x) [e](&#106;avascript:x) [f](<javascript:x>) [g](vbscript:x) [h](//evil.example/x)\n\n" +
		"[ok1](https://example.org/) <https://example.org/a> www.example.org [ok2](mailto:a@example.org) " +
		"[ok3](tel:+1-800-555-0100) a@example.org\n\n[r]: vbscript:msgbox\n"
	g, problems := loadOne(t, "en/local/x.md", frontMatterFile("title: T\n"+okFields, body))
	if g == nil {
		t.Fatal(problems)
	}
	var blocked, allowed int
	for _, l := range g.Links {
		switch {
		case l.Kind == LinkBlocked:
			blocked++
		case l.External():
			allowed++
		default:
			t.Errorf("link %+v is neither blocked nor an address", l)
		}
	}
	if blocked != 10 || allowed != 6 {
		t.Errorf("blocked %d, allowed %d; want 10 and 6: %+v", blocked, allowed, g.Links)
	}
	if l := g.Links[14]; l.Kind != LinkPhone || l.Address() != "+1-800-555-0100" {
		t.Errorf("tel link = %+v, address %q", l, l.Address())
	}
	d := g.Document()
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			if i := Index(l, LinkAttr); i < 0 || !g.Links[i].External() {
				t.Errorf("a link node to %q survives in the tree", l.Destination)
			}
		}
		if n.Kind() == ast.KindAutoLink || n.Kind() == ast.KindImage {
			t.Errorf("%s node survives", n.Kind())
		}
		return ast.WalkContinue, nil
	})
	lib, _ := Load(fstest.MapFS{"en/local/x.md": frontMatterFile("title: T\n"+okFields, body)}, "usb", true)
	if got := strings.Join(messages(Check(lib, nil, today)), "\n"); strings.Count(got, "only https, http, mailto and tel") != 10 {
		t.Errorf("check does not name each blocked link:\n%s", got)
	}
}

// Hole 6: direction overrides, zero-width and tag characters and
// combining floods are removed from every path, including --raw (Body),
// and flagged.
func TestInvisibleCharacters(t *testing.T) {
	body := "# T\n\nCall \u202e0817-898-008-1\u202c now.\n\nab\u200bogado \u2066x\u2069 tag\U000e0041 e" + strings.Repeat("\u0301", 50) + "\n"
	g, problems := loadOne(t, "en/local/x.md", frontMatterFile("title: T\n"+okFields, body))
	if g == nil {
		t.Fatal(problems)
	}
	if strings.ContainsAny(g.Body, "\u202e\u202c\u200b\u2066\u2069") || strings.Count(g.Body, "\u0301") > 4 {
		t.Errorf("body keeps invisible characters: %q", g.Body)
	}
	if !strings.Contains(problems, "usb/en/local/x.md:11: invisible characters") {
		t.Errorf("not flagged at its line: %s", problems)
	}
}

// Hole 9: check names the line of each date, does not call a wrong date
// missing, reads quoted dates, and says what shape a date takes.
func TestCheckDateMessages(t *testing.T) {
	fm := "title: T\nsummary: S\nsection: local\norder: 1\nreviewed: 2026-02-30\nfacts_as_of: June 2026\n"
	lib, err := Load(fstest.MapFS{"en/local/x.md": frontMatterFile(fm, "# T\n")}, "usb", true)
	got := strings.Join(append(messages(err), messages(Check(lib, nil, today))...), "\n")
	for _, want := range []string{
		`usb/en/local/x.md:6: front matter: reviewed "2026-02-30" is not a date: write it as YYYY-MM-DD`,
		`usb/en/local/x.md:7: front matter: facts_as_of "June 2026" is not a date: write it as YYYY-MM`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	for _, wrong := range []string{`"order" is missing`, `"reviewed" is missing`, `cannot parse`} {
		if strings.Contains(got, wrong) {
			t.Errorf("false problem %q in:\n%s", wrong, got)
		}
	}
	g, problems := loadOne(t, "en/local/x.md", frontMatterFile(strings.Replace(fm, "2026-02-30", `"2026-11-30"`, 1), "# T\n"))
	if g == nil || g.Reviewed.IsZero() || strings.Contains(problems, "reviewed") {
		t.Errorf("a quoted date must read: %+v %s", g, problems)
	}
}

func TestCheckFactsAsOf(t *testing.T) {
	for fm, want := range map[string]string{
		"reviewed: 2026-11-01\n":                       `"facts_as_of" is missing`,
		"reviewed: 2026-11-01\nfacts_as_of: 2026-01\n": "facts last checked in 2026-01, more than 6 months ago",
		"reviewed: 2026-09-01\nfacts_as_of: 2026-10\n": "facts_as_of 2026-10 is after the reviewed date 2026-09-01",
		"reviewed: 2026-11-01\nfacts_as_of: 2026-10\n": "",
	} {
		lib, _ := Load(fstest.MapFS{"en/local/x.md": frontMatterFile("title: T\nsummary: S\nsection: local\norder: 1\n"+fm, "# T\n")}, "", true)
		got := strings.Join(messages(Check(lib, nil, today)), "\n")
		got = strings.ReplaceAll(got, `en/local/x.md: no translation in "es"`, "")
		if want == "" && strings.Contains(got, "facts") || want != "" && !strings.Contains(got, want) {
			t.Errorf("%q: got %q, want %q", fm, got, want)
		}
	}
}

// FuzzLoadFields: whatever the YAML, no control or invisible character
// reaches any field a screen or a page shows.
func FuzzLoadFields(f *testing.F) {
	for _, s := range []string{
		`title: "Hotline \e]52;c;UFdORUQ=\a\e]0;PWNED\a"`,
		`title: "\x9b31m"`,
		`summary: "\u009d8;;x\u009c"`,
		`tags: ["\u202e", "a\u200bb"]`,
		"title: !!binary G10wO1BXTkVEBw==",
		"sources:\n  - title: \"\\e[2J\"\n    url: \"javascript:\\x07\"",
		"right_now:\n  label: \"\\e]0;x\\a\"\n  order: 1",
		"hotline:\n  name: \"\\u202eX\"\n  phone: \"+1 800 555 0100\"",
		"section_title: \"\\e[31mRed\"",
		"title: &a \"\\e\"\nsummary: *a",
	} {
		f.Add(s, "# T\n\n[x](https://example.org/) &#27;\n")
	}
	f.Fuzz(func(t *testing.T, fm, body string) {
		lib, _ := Load(fstest.MapFS{"en/local/x.md": frontMatterFile(fm+"\n", body)}, "usb", true)
		for _, g := range lib.Guides("") {
			assertShown(t, "guide", reflect.ValueOf(g).Elem(), false)
		}
	})
}

// QA: a guide with one very long unbroken line is flagged, so its author
// knows no screen can wrap it.
func TestCheckFlagsAWordNoScreenCanWrap(t *testing.T) {
	lib, _ := Load(fstest.MapFS{"en/local/x.md": frontMatterFile("title: T\n"+okFields, "# T\n\n"+strings.Repeat("a", 30000)+"\n")}, "usb", true)
	if got := strings.Join(messages(Check(lib, nil, today)), "\n"); !strings.Contains(got, "usb/en/local/x.md:11: a word of 30000 characters") {
		t.Errorf("not flagged at its line:\n%s", got)
	}
}
