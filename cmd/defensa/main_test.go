package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"defensa/internal/i18n"
)

// runCmd runs the command line in-process, as in a pipe.
func runCmd(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, testEnv(env, &out, &errOut))
	return out.String(), errOut.String(), code
}

func testEnv(env map[string]string, out, errOut *bytes.Buffer) *Env {
	return &Env{
		Stdout: out,
		Stderr: errOut,
		Getenv: func(k string) string { return env[k] },
	}
}

func TestListJSON(t *testing.T) {
	out, _, code := runCmd(t, nil, "list", "--json", "--lang", "all")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	langs := map[string]int{}
	rightNow := 0
	for _, it := range items {
		for _, k := range []string{"id", "lang", "section", "title", "summary", "reviewed"} {
			if s, _ := it[k].(string); s == "" {
				t.Errorf("item %v lacks %q", it["id"], k)
			}
		}
		for _, k := range []string{"facts_as_of", "sources", "local", "replaces", "right_now", "hotline"} {
			if _, ok := it[k]; !ok {
				t.Errorf("item %v lacks %q", it["id"], k)
			}
		}
		if local, _ := it["local"].(bool); local {
			t.Errorf("a built-in guide is not local: %v", it["id"])
		}
		if it["right_now"] != nil {
			rightNow++
		}
		langs[it["lang"].(string)]++
	}
	if langs["en"] == 0 || langs["en"] != langs["es"] {
		t.Errorf("languages = %v, want both, equal", langs)
	}
	if rightNow == 0 {
		t.Error(`no guide has "right_now"`)
	}
}

// list --json carries each guide's sources, its facts_as_of month, and
// whether it is local and replaces a built-in guide.
func TestListJSONSourcesAndLocal(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "en/rights/at-home.md", "---\ntitle: Our at-home guide\nsummary: S\nsection: rights\norder: 1\n"+
		"reviewed: 2026-11-01\nfacts_as_of: 2026-10\nright_now:\n  label: Agents at the door\n  order: 5\n"+
		"sources:\n  - title: Our protocol\n    publisher: Our network\n    url: https://example.org/p\n    date: 2026\n---\n# Our at-home guide\n")
	out, _, code := runCmd(t, nil, "--guides", dir, "list", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var items []listItem
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	var got *listItem
	for i := range items {
		if items[i].ID == "rights/at-home" {
			got = &items[i]
		}
		if items[i].ID == "rights/warrants" && (len(items[i].Sources) == 0 || items[i].FactsAsOf == "") {
			t.Errorf("rights/warrants: sources %v, facts_as_of %q", items[i].Sources, items[i].FactsAsOf)
		}
	}
	want := listItem{
		ID: "rights/at-home", Lang: "en", Section: "rights", Title: "Our at-home guide", Summary: "S",
		Reviewed: "2026-11-01", FactsAsOf: "2026-10", Local: true, Replaces: true,
		RightNow: &rightNowItem{"Agents at the door", 5},
	}
	switch {
	case got == nil:
		t.Fatal("rights/at-home is not listed")
	case got.Title != want.Title || got.FactsAsOf != want.FactsAsOf || !got.Local || !got.Replaces || *got.RightNow != *want.RightNow:
		t.Errorf("got %+v, want %+v", *got, want)
	case len(got.Sources) != 1 || got.Sources[0].URL != "https://example.org/p" || got.Sources[0].Publisher != "Our network":
		t.Errorf("sources = %+v", got.Sources)
	}
}

func TestListFollowsLocale(t *testing.T) {
	out, _, _ := runCmd(t, map[string]string{"LANG": "es_MX.UTF-8"}, "list")
	if !strings.Contains(out, "Conozca sus derechos") {
		t.Errorf("LANG=es_MX must list in Spanish:\n%s", out)
	}
	out, _, _ = runCmd(t, map[string]string{"LANG": "es_MX.UTF-8", "LC_ALL": "en_US.UTF-8"}, "list")
	if !strings.Contains(out, "Know your rights") {
		t.Errorf("LC_ALL wins over LANG:\n%s", out)
	}
}

func TestReadInAPipe(t *testing.T) {
	out, _, code := runCmd(t, nil, "read", "rights/at-home")
	if code != 0 || !strings.Contains(out, "If immigration agents come to your home") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Error("output in a pipe must carry no escape sequences")
	}
	if !strings.Contains(out, "General information, not legal advice") {
		t.Error("the disclaimer must close the guide")
	}
}

// read ends with the guide's sources, then a footer with the reviewed date
// and the facts_as_of month.
func TestReadShowsSourcesAndDates(t *testing.T) {
	lib, _ := loadLibrary(&globals{})
	for _, lang := range []string{"en", "es"} {
		g, _ := lib.Get("rights/warrants", i18n.Lang(lang))
		out, _, code := runCmd(t, nil, "--lang", lang, "read", "rights/warrants")
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
		sources := map[string]string{"en": "\nSources\n", "es": "\nFuentes\n"}[lang]
		at := strings.LastIndex(out, sources)
		if at < 0 {
			t.Fatalf("%s: no %q heading:\n%s", lang, sources, out)
		}
		tail := strings.Join(strings.Fields(out[at:]), " ")
		for _, s := range g.Sources {
			if !strings.Contains(tail, s.URL) || !strings.Contains(tail, strings.Join(strings.Fields(s.Publisher), " ")) {
				t.Errorf("%s: source %q (%s) is not listed at the end", lang, s.Title, s.URL)
			}
		}
		footer := lastLines(out, 2)
		if !strings.Contains(footer, day(g.Reviewed)) || !strings.Contains(footer, month(g.FactsAsOf)) {
			t.Errorf("%s: the footer must give the reviewed date %s and facts_as_of %s:\n%s", lang, day(g.Reviewed), month(g.FactsAsOf), footer)
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// A local guide says where it came from, and that it replaces a built-in
// guide: a folder from a stranger's USB stick may replace rights/at-home.
func TestReadNamesALocalGuide(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "en/rights/at-home.md", "Our own at-home guide", "rights", "# Our own at-home guide\n\nCall 555.\n")
	writeGuide(t, dir, "en/local/hotline.md", "Hotline", "local", "# Hotline\n\nCall 555.\n")
	out, _, _ := runCmd(t, nil, "read", "rights/at-home", "--guides", dir)
	if f := lastLines(out, 1); !strings.Contains(f, "replaces the built-in guide") || !strings.Contains(f, filepath.Join(dir, "en/rights/at-home.md")) {
		t.Errorf("footer = %q", f)
	}
	out, _, _ = runCmd(t, nil, "read", "local/hotline", "--guides", dir)
	if f := lastLines(out, 1); !strings.Contains(f, "Local guide") || strings.Contains(f, "replaces") {
		t.Errorf("footer = %q", f)
	}
}

func TestReadUnknownSuggests(t *testing.T) {
	_, errOut, code := runCmd(t, nil, "read", "rights/at-w0rk-home")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, `defensa: no guide "rights/at-w0rk-home"`) || !strings.Contains(errOut, "rights/at-work") {
		t.Errorf("stderr = %q", errOut)
	}
}

// "read warrant" opens the one guide it can mean; an id that two guides
// are as close to asks the person to choose.
func TestReadOpensTheOnlyCloseMatch(t *testing.T) {
	lib, _ := loadLibrary(&globals{})
	tests := []struct {
		arg, want string // want "" for no guide opened
	}{
		{"warrant", "rights/warrants"},
		{"rights/warrant", "rights/warrants"},
		{"WARRANTS", "rights/warrants"},
		{"at-home", "rights/at-home"},
		{"home", "rights/at-home"},
		{"glossary", "reference/glossary"},
		{"red-card", "rights/red-card"},
		{"petition", ""}, // campaign/petition and templates/petition
		{"detained", ""}, // if-detained and find-someone-detained
		{"xyz", ""},      // close to nothing
		{"at", ""},       // too short to mean anything
		{"rights", ""},   // a whole section
		{"lawyer", ""},   // no id holds it
		{"templ", ""},    // every template
	}
	for _, tt := range tests {
		got, ok := closeMatch(lib, tt.arg)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("closeMatch(%q) = %q, %v; want %q", tt.arg, got, ok, tt.want)
		}
	}
	g, _ := lib.Get("rights/warrants", "en")
	out, errOut, code := runCmd(t, nil, "read", "warrant", "--raw")
	if code != 0 || out != strings.Trim(g.Body, "\n")+"\n" || !strings.Contains(errOut, "Showing rights/warrants.") {
		t.Errorf("read warrant: exit %d, stderr %q: want rights/warrants opened and named", code, errOut)
	}
	_, errOut, code = runCmd(t, nil, "read", "petition")
	if code != 1 || !strings.Contains(errOut, `no guide "petition"`) || !strings.Contains(errOut, "campaign/petition, templates/petition") {
		t.Errorf("read petition: exit %d, stderr %q", code, errOut)
	}
	_, errOut, _ = runCmd(t, map[string]string{"LANG": "es_MX.UTF-8"}, "read", "orden")
	if !strings.Contains(errOut, "defensa search orden") {
		t.Errorf("an id close to nothing points to search: %q", errOut)
	}
}

func TestReadFallsBackAcrossLanguages(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "en/local/hotline.md", "Local hotline", "local", "# Local hotline\n\nCall your network.\n")
	out, errOut, code := runCmd(t, nil, "read", "local/hotline", "--lang", "es", "--guides", dir)
	if code != 0 || !strings.Contains(out, "Local hotline") || !strings.Contains(errOut, "inglés") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestSearchJSON(t *testing.T) {
	out, _, code := runCmd(t, nil, "search", "deportasion", "--json", "--limit", "3")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(items) == 0 || len(items) > 3 {
		t.Fatalf("got %d results", len(items))
	}
	for _, k := range []string{"id", "lang", "title", "heading", "anchor", "score", "snippet"} {
		if _, ok := items[0][k]; !ok {
			t.Errorf("result lacks %q", k)
		}
	}
}

func TestSearchNothing(t *testing.T) {
	out, _, code := runCmd(t, nil, "search", "qqqxxzz")
	if code != 0 || !strings.Contains(out, "Nothing found") || !strings.Contains(out, "glossary") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// The situations most people come with, in the person's language.
	for _, want := range []string{"Right now:", "ICE is at the door", "defensa read rights/at-home"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	out, _, _ = runCmd(t, map[string]string{"LANG": "es_MX.UTF-8"}, "search", "qqqxxzz")
	if !strings.Contains(out, "La migra está en la puerta") {
		t.Errorf("Spanish:\n%s", out)
	}
}

func TestTUINeedsATerminal(t *testing.T) {
	_, errOut, code := runCmd(t, nil)
	if code != 2 || !strings.Contains(errOut, "defensa list") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestCheckEmbeddedIsClean(t *testing.T) {
	out, _, code := runCmd(t, nil, "check")
	if code != 0 {
		t.Errorf("the built-in library must check clean (exit %d):\n%s", code, out)
	}
}

func writeGuide(t *testing.T, dir, rel, title, section, body string) {
	t.Helper()
	fm := "---\n"
	if title != "" {
		fm += "title: " + title + "\n"
	}
	fm += "summary: S\nsection: " + section + "\norder: 1\nreviewed: 2026-11-01\nfacts_as_of: 2026-11\n---\n"
	writeFile(t, dir, rel, fm+body)
}

func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLocalGuidesOverrideAndSurviveBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "en/rights/at-home.md", "Our own at-home guide", "rights", "# Our own at-home guide\n\nCall 555.\n")
	writeFile(t, dir, "en/local/broken.md", "no front matter here")
	out, errOut, code := runCmd(t, nil, "list", "--guides", dir)
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(out, "Our own at-home guide (local, replaces the built-in guide)") || !strings.Contains(out, "rights/warrants") {
		t.Errorf("the local guide must override, marked, and the rest remain:\n%s", out)
	}
	if !strings.Contains(errOut, "broken.md:1: no front matter") {
		t.Errorf("the bad local file must be named on stderr: %q", errOut)
	}
}
