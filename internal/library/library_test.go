package library

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"defensa/internal/i18n"
)

var today = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

func guideFile(title, section, extra, body string) *fstest.MapFile {
	fm := "---\n"
	if title != "" {
		fm += "title: " + title + "\n"
	}
	fm += "summary: A summary.\nsection: " + section + "\norder: 10\ntags: [a, b]\nreviewed: 2026-11-01\n" +
		"sources:\n  - title: Src\n    publisher: Pub\n    url: https://example.org/\n" + extra + "---\n"
	return &fstest.MapFile{Data: []byte(fm + body)}
}

func messages(err error) []string {
	var out []string
	for _, p := range Problems(err) {
		out = append(out, p.Error())
	}
	return out
}

func TestLoadParsesGuide(t *testing.T) {
	fsys := fstest.MapFS{
		"en/rights/at-home.md": guideFile("At home", "rights", "",
			"# At home\n\n## Is it a judge's warrant?\n\nSee [warrants](../rights/warrants.md#judge-or-ice) and [ICE](https://www.ice.gov/).\n\n```text\n# not a heading\n```\n\n### Two words\n"),
	}
	lib, err := Load(fsys, "guides", false)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	g, ok := lib.Get("rights/at-home", i18n.English)
	if !ok {
		t.Fatal("guide not loaded")
	}
	if g.Title != "At home" || g.Order != 10 || g.Reviewed.Format(time.DateOnly) != "2026-11-01" || len(g.Sources) != 1 {
		t.Errorf("front matter parsed wrong: %+v", g)
	}
	wantHeadings := []Heading{
		{1, "At home", "at-home", 13},
		{2, "Is it a judge's warrant?", "is-it-a-judges-warrant", 15},
		{3, "Two words", "two-words", 23},
	}
	if len(g.Headings) != len(wantHeadings) {
		t.Fatalf("headings = %+v", g.Headings)
	}
	for i, h := range wantHeadings {
		if g.Headings[i] != h {
			t.Errorf("heading %d = %+v, want %+v", i, g.Headings[i], h)
		}
	}
	if len(g.Links) != 2 || g.Links[0].ID != "rights/warrants" || g.Links[0].Anchor != "judge-or-ice" || g.Links[0].Line != 17 || !g.Links[1].External() {
		t.Errorf("links = %+v", g.Links)
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Is it a judge's warrant?":           "is-it-a-judges-warrant",
		"¿Es una orden firmada por un juez?": "es-una-orden-firmada-por-un-juez",
		"287(g)":                             "287g",
		"Form I-247A":                        "form-i-247a",
		"What **changed** `recently`":        "what-changed-recently",
		"Detención: qué hacer":               "detención-qué-hacer",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// The three problems the first issue names must all be reported at once,
// each with its file and line, while the good guide still loads.
func TestCheckReportsEveryProblemWithFileAndLine(t *testing.T) {
	fsys := fstest.MapFS{
		"en/rights/good.md":     guideFile("Good", "rights", "", "# Good\n\nFine.\n"),
		"en/rights/broken.md":   guideFile("Broken", "rights", "", "# Broken\n\nSee [x](../rights/nowhere.md).\n"),
		"en/rights/untitled.md": guideFile("", "rights", "", "# Untitled\n"),
		"en/rights/badyaml.md":  {Data: []byte("---\ntitle: [unclosed\nsummary: x\n---\n# Bad\n")},
	}
	lib, loadErr := Load(fsys, "local", false)
	if _, ok := lib.Get("rights/good", i18n.English); !ok {
		t.Fatal("the good guide must still load")
	}
	checkErr := Check(lib, nil, today)
	all := strings.Join(append(messages(loadErr), messages(checkErr)...), "\n")
	for _, want := range []string{
		"local/en/rights/broken.md:15: broken link \"../rights/nowhere.md\"",
		"local/en/rights/untitled.md:1: front matter: \"title\" is missing",
		"local/en/rights/badyaml.md:2: front matter:",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing problem %q in:\n%s", want, all)
		}
	}
}

func TestLoadBadInput(t *testing.T) {
	big := make([]byte, MaxGuideSize+10)
	tests := []struct {
		name, path string
		file       *fstest.MapFile
		want       string // substring of the problem; "" means it loads clean
	}{
		{"wrong type", "en/rights/x.md", &fstest.MapFile{Data: []byte("---\ntitle: T\norder: ten\n---\n# T\n")}, "x.md:3: front matter:"},
		{"huge", "en/rights/x.md", &fstest.MapFile{Data: big}, "file too large"},
		{"invalid utf8", "en/rights/x.md", &fstest.MapFile{Data: []byte("---\ntitle: T\n---\n# T\n\xff\n")}, "x.md:5: not valid UTF-8"},
		{"empty", "en/rights/x.md", &fstest.MapFile{Data: nil}, "x.md:1: empty file"},
		{"no front matter", "en/rights/x.md", &fstest.MapFile{Data: []byte("# T\n")}, "no front matter"},
		{"escape sequence", "en/rights/x.md", guideFile("T", "rights", "", "# T\n\x1b]52;c;aGk=\x07\n"), "x.md:14: control characters"},
		{"bad language", "fr/rights/x.md", guideFile("T", "rights", "", "# T\n"), "unknown language folder"},
		{"directory named like a guide", "en/rights/x.md/inner.txt", &fstest.MapFile{Data: []byte("x")}, "is a folder"},
		{"bom and crlf", "en/rights/x.md", &fstest.MapFile{Data: []byte("\ufeff---\r\ntitle: T\r\n---\r\n# T\r\n")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, err := Load(fstest.MapFS{tt.path: tt.file, "en/rights/ok.md": guideFile("OK", "rights", "", "# OK\n")}, "", false)
			if _, ok := lib.Get("rights/ok", i18n.English); !ok {
				t.Error("the rest of the library must still load")
			}
			got := strings.Join(messages(err), "\n")
			if tt.want == "" {
				if err != nil {
					t.Errorf("unexpected problems: %s", got)
				}
				return
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("problems %q do not mention %q", got, tt.want)
			}
			if strings.ContainsRune(got, 0x1b) {
				t.Errorf("a problem message carries an escape character: %q", got)
			}
		})
	}
}

func TestCheckTranslations(t *testing.T) {
	fsys := fstest.MapFS{
		"en/rights/a.md": guideFile("A", "rights", "", "# A\n\n## One\n\n### Sub\n\n## Two\n"),
		"es/rights/a.md": guideFile("A", "rights", "", "# A\n\n## Uno\n\n## Dos\n"),
		"en/rights/b.md": guideFile("B", "rights", "", "# B\n"),
	}
	lib, err := Load(fsys, "", false)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(messages(Check(lib, nil, today)), "\n")
	for _, want := range []string{"es/rights/a.md:17: headings differ", "en/rights/b.md: no translation in \"es\""} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func TestCheckFutureAndSources(t *testing.T) {
	fsys := fstest.MapFS{
		"en/rights/a.md": {Data: []byte("---\ntitle: A\nsummary: S\nsection: rights\norder: 1\nreviewed: 2027-01-01\n---\n# A\n")},
	}
	lib, _ := Load(fsys, "", false)
	got := strings.Join(messages(Check(lib, nil, today)), "\n")
	for _, want := range []string{"reviewed date 2027-01-01 is in the future", "needs at least one source"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func TestLookupFallsBack(t *testing.T) {
	lib, _ := Load(fstest.MapFS{"en/rights/a.md": guideFile("A", "rights", "", "# A\n")}, "", false)
	g, fellBack, err := lib.Lookup("rights/a", i18n.Spanish)
	if err != nil || !fellBack || g.Lang != i18n.English {
		t.Errorf("Lookup = %v, %v, %v; want the English guide with fellBack", g, fellBack, err)
	}
	if _, _, err := lib.Lookup("rights/zzz", i18n.English); !errors.Is(err, ErrNotFound) {
		t.Errorf("Lookup(missing) err = %v, want ErrNotFound", err)
	}
}

func TestSuggest(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, id := range []string{"rights/at-home", "rights/warrants", "rights/at-work", "campaign/petition", "templates/petition"} {
		section, _, _ := strings.Cut(id, "/")
		fsys["en/"+id+".md"] = guideFile("T", section, "", "# T\n")
	}
	lib, _ := Load(fsys, "", false)
	got := lib.Suggest("rights/athome", 3)
	if len(got) == 0 || got[0] != "rights/at-home" {
		t.Errorf("Suggest(rights/athome) = %v", got)
	}
	if got := lib.Suggest("petition", 3); len(got) != 2 {
		t.Errorf("Suggest(petition) = %v, want both petitions", got)
	}
}

// FuzzLoad feeds arbitrary bytes to the loader as a guide file: it may
// report problems but must never panic, and no problem message may carry a
// control character.
func FuzzLoad(f *testing.F) {
	seeds := []string{
		"---\ntitle: T\nsummary: S\nsection: rights\norder: 1\nreviewed: 2026-11-01\n---\n# T\n\n## A\n[x](../rights/y.md#z)\n",
		"---\ntitle: [\n---\n",
		"---\n---\n",
		"---\n- a\n- b\n---\n# list\n",
		"\ufeff---\r\ntitle: T\r\n---\r\n",
		"---\ntitle: \x1b]52;c;aGk=\x07\n---\n",
		"---\norder: 99999999999999999999\n---\n",
		"---\nreviewed: 2026-13-45\n---\n",
		"---\ntags: {a: b}\n---\n",
		"# no front matter",
		"\xff\xfe",
		"---\n&a [*a, *a]\n---\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, err := Load(fstest.MapFS{"en/rights/x.md": {Data: data}}, "", false)
		for _, p := range Problems(err) {
			for _, r := range p.Error() {
				if r == 0x1b || r == 0x07 || (r < 0x20 && r != '\n' && r != '\t') {
					t.Fatalf("control character in %q", p.Error())
				}
			}
		}
		if lib != nil {
			_ = Check(lib, nil, today)
		}
	})
}

// errFS stands in for a folder with a file the user may not read (tests run
// as root in CI, where file modes do not stop reads).
type errFS struct{ fstest.MapFS }

func (e errFS) Open(name string) (fs.File, error) {
	if name == "en/rights/locked.md" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return e.MapFS.Open(name)
}

func TestUnreadableFileIsNamed(t *testing.T) {
	fsys := errFS{fstest.MapFS{
		"en/rights/locked.md": guideFile("Locked", "rights", "", "# Locked\n"),
		"en/rights/ok.md":     guideFile("OK", "rights", "", "# OK\n"),
	}}
	lib, err := Load(fsys, "dir", true)
	if _, ok := lib.Get("rights/ok", i18n.English); !ok {
		t.Error("the readable guide must load")
	}
	if got := strings.Join(messages(err), "\n"); !strings.Contains(got, "dir/en/rights/locked.md: cannot read: permission denied") {
		t.Errorf("problems = %q", got)
	}
}

func TestFindHeadingAcrossLanguages(t *testing.T) {
	lib, _ := Load(fstest.MapFS{
		"en/rights/a.md": guideFile("A", "rights", "", "# A\n\n## How to prepare now\n\n## Next steps\n"),
		"es/rights/a.md": guideFile("A", "rights", "", "# A\n\n## Cómo prepararse desde ahora\n\n## Próximos pasos\n"),
	}, "", false)
	es, _ := lib.Get("rights/a", i18n.Spanish)
	for anchor, want := range map[string]int{
		"cómo-prepararse-desde-ahora": 1,
		"como-prepararse-desde-ahora": 1, // no accents
		"COMO-PREPARARSE-DESDE-AHORA": 1, // no case
		"next-steps":                  2, // the English twin's anchor
		"how-to-prepare-now":          1,
		"nowhere":                     -1,
	} {
		if got := lib.FindHeading(es, anchor); got != want {
			t.Errorf("FindHeading(%q) = %d, want %d", anchor, got, want)
		}
	}
}
