package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runCmd runs the command line in-process, as in a pipe.
func runCmd(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &Env{
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) },
	}
	code = run(args, e)
	return out.String(), errOut.String(), code
}

func TestListJSON(t *testing.T) {
	out, _, code := runCmd(t, nil, "list", "--json", "--lang", "all")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var items []map[string]string
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	langs := map[string]int{}
	for _, it := range items {
		for _, k := range []string{"id", "lang", "section", "title", "summary", "reviewed"} {
			if it[k] == "" {
				t.Errorf("item %v lacks %q", it["id"], k)
			}
		}
		langs[it["lang"]]++
	}
	if langs["en"] == 0 || langs["en"] != langs["es"] {
		t.Errorf("languages = %v, want both, equal", langs)
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

func TestReadRawAndAnchor(t *testing.T) {
	out, _, _ := runCmd(t, nil, "read", "rights/at-home", "--raw")
	if !strings.HasPrefix(out, "\n# ") && !strings.HasPrefix(out, "# ") {
		t.Errorf("--raw must print the Markdown body, got %q", out[:min(len(out), 40)])
	}
	full, _, _ := runCmd(t, nil, "read", "rights/warrants")
	part, _, _ := runCmd(t, nil, "read", "rights/warrants#what-changed-recently")
	if len(part) >= len(full) || !strings.Contains(part, "What changed recently") {
		t.Errorf("an #anchor must start the guide at that heading")
	}
}

func TestReadUnknownSuggests(t *testing.T) {
	_, errOut, code := runCmd(t, nil, "read", "rights/warrant")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, `no guide "rights/warrant"`) || !strings.Contains(errOut, "rights/warrants") {
		t.Errorf("stderr = %q", errOut)
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
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"read"}, {"search"}, {"list", "--lang", "fr"}, {"read", "--width", "x", "a/b"}, {"--theme", "pink", "list"}} {
		if _, _, code := runCmd(t, nil, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, cmd := range []string{"list", "read", "search", "check", "version"} {
		out, _, code := runCmd(t, nil, cmd, "--help")
		if code != 0 || !strings.Contains(out, "defensa "+cmd) {
			t.Errorf("%s --help: exit %d\n%s", cmd, code, out)
		}
	}
	out, _, code := runCmd(t, nil, "--version")
	if code != 0 || !strings.HasPrefix(out, "defensa ") {
		t.Errorf("--version: %d %q", code, out)
	}
	out, _, _ = runCmd(t, map[string]string{"LANG": "es_US.UTF-8"}, "--help")
	if !strings.Contains(out, "Uso:") {
		t.Errorf("help must follow the locale:\n%s", out)
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
	fm += "summary: S\nsection: " + section + "\norder: 1\nreviewed: 2026-11-01\n---\n"
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

// The first issue's acceptance case: a folder with a broken link, a missing
// title and invalid YAML reports all three with file and line, exit 1.
func TestCheckFolderReportsAllProblems(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "en/local/links.md", "Links", "local", "# Links\n\nSee [this](../local/missing.md).\n")
	writeGuide(t, dir, "en/local/untitled.md", "", "local", "# Untitled\n")
	writeFile(t, dir, "en/local/yaml.md", "---\ntitle: [oops\n---\n# Bad\n")
	writeFile(t, dir, "es/local/hostile.md", "---\ntitle: \"\x1b]52;c;aGk=\x07\"\n---\n# X\n")
	out, _, code := runCmd(t, nil, "check", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"/en/local/links.md:10: broken link",
		"/en/local/untitled.md:1: front matter: \"title\" is missing",
		"/en/local/yaml.md:2: front matter:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) {
		t.Errorf("check output must not carry control characters: %q", out)
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
	if !strings.Contains(out, "Our own at-home guide") || !strings.Contains(out, "rights/warrants") {
		t.Errorf("the local guide must override and the rest remain:\n%s", out)
	}
	if !strings.Contains(errOut, "broken.md:1: no front matter") {
		t.Errorf("the bad local file must be named on stderr: %q", errOut)
	}
}
