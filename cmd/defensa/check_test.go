package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

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
		"/en/local/links.md:11: broken link",
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

// check reports the newer kinds of problem, each at its line: invisible
// characters, link schemes, template blanks, facts_as_of, right_now and
// hotline.
func TestCheckReportsEveryKind(t *testing.T) {
	dir := t.TempDir()
	fm := func(extra string) string {
		return "---\ntitle: T\nsummary: S\nsection: local\norder: 1\nreviewed: 2026-11-01\n" + extra + "---\n"
	}
	tests := []struct {
		file, content, want string
	}{
		{"hidden.md", fm("facts_as_of: 2026-11\n") + "# T\n\nCall 555\u202e1234.\n", "hidden.md:11: invisible characters"},
		{"scheme.md", fm("facts_as_of: 2026-11\n") + "# T\n\n[x](javascript:alert(1))\n", `scheme.md:11: link "javascript:alert(1)" is not shown`},
		{"nested.md", fm("facts_as_of: 2026-11\n") + "# T\n\n```\nDear [NAME [OR TITLE]],\n```\n", "nested.md:12: template blank inside another blank"},
		{"bare.md", fm("facts_as_of: 2026-11\n") + "# T\n\n```\nDear [FIRST NAME],\nFIRST NAME is here.\n```\n", `bare.md:13: "FIRST" looks like a blank`},
		{"facts.md", fm("") + "# T\n", `facts.md:1: front matter: "facts_as_of" is missing`},
		{"future.md", fm("facts_as_of: 2030-01\n") + "# T\n", "future.md:7: front matter: facts_as_of 2030-01 is in the future"},
		{"rightnow.md", fm("facts_as_of: 2026-11\nright_now:\n  label: "+strings.Repeat("x", 40)+"\n  order: 1\n") + "# T\n", "rightnow.md:8: front matter: the right_now label must fit"},
		{"hotline.md", fm("facts_as_of: 2026-11\nhotline:\n  name: Us\n  phone: call-us\n") + "# T\n", `hotline.md:9: front matter: hotline phone "call-us" is not a phone number`},
	}
	for _, tt := range tests {
		writeFile(t, dir, "en/local/"+tt.file, tt.content)
	}
	out, _, code := runCmd(t, nil, "check", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, tt := range tests {
		if !strings.Contains(out, tt.want) {
			t.Errorf("%s: output lacks %q:\n%s", tt.file, tt.want, out)
		}
	}
}

// Problems come sorted by file and line; warnings are marked and counted
// apart and do not fail; counts read right for one.
func TestCheckSortsAndCounts(t *testing.T) {
	dir := t.TempDir()
	writeGuide(t, dir, "en/local/b.md", "B", "local", "# B\n\n[x](../local/none.md)\n\n[y](../local/gone.md)\n")
	writeGuide(t, dir, "en/local/a.md", "A", "local", "# A\n\n[x](../local/none.md)\n")
	writeGuide(t, dir, "es/local/a.md", "A", "local", "# A\n")
	out, _, code := runCmd(t, nil, "check", dir)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	problems := lines[:len(lines)-1]
	if !sort.SliceIsSorted(problems, func(i, j int) bool { return lessLocation(problems[i], problems[j]) }) {
		t.Errorf("problems are not sorted by file and line:\n%s", out)
	}
	warning := regexp.MustCompile(`/en/local/b\.md(:\d+)?: warning: no translation`)
	if !warning.MatchString(out) {
		t.Errorf("the missing translation of b.md must be a marked warning:\n%s", out)
	}
	if want := "3 guides checked: 3 problems in 2 files, 1 warning"; lines[len(lines)-1] != want {
		t.Errorf("summary %q, want %q", lines[len(lines)-1], want)
	}

	one := t.TempDir()
	writeGuide(t, one, "en/local/a.md", "A", "local", "# A\n")
	out, _, code = runCmd(t, nil, "check", one)
	if code != 0 || !strings.HasSuffix(out, "1 guide checked: no problems, 1 warning\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	writeGuide(t, one, "es/local/a.md", "A", "local", "# A\n\n[x](../local/none.md)\n")
	out, _, _ = runCmd(t, nil, "--lang", "es", "check", one)
	if !strings.HasSuffix(out, "2 guías revisadas: 1 problema en 1 archivo\n") {
		t.Errorf("Spanish summary:\n%s", out)
	}
}

// lessLocation orders FILE:LINE: lines by file, then line.
func lessLocation(a, b string) bool {
	fa, la := location(a)
	fb, lb := location(b)
	if fa != fb {
		return fa < fb
	}
	return la < lb
}

var locationRE = regexp.MustCompile(`^(.*?\.md)(?::(\d+))?: `)

func location(s string) (string, int) {
	m := locationRE.FindStringSubmatch(s)
	if m == nil {
		return s, 0
	}
	n := 0
	for _, d := range m[2] {
		n = n*10 + int(d-'0')
	}
	return m[1], n
}

// A folder with no guides is most likely the wrong folder: check says so
// and fails.
func TestCheckEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "notes.txt", "not a guide")
	out, errOut, code := runCmd(t, nil, "check", dir)
	if code != 1 || out != "" || !strings.Contains(errOut, "defensa: no guides in") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// A folder's guides may link to built-in guides: check resolves their
// links against the whole library, and with --guides DIR as with DIR.
func TestCheckFolderLinksToBuiltInGuides(t *testing.T) {
	dir := t.TempDir()
	body := "# Hotline\n\nSee [your rights at home](../rights/at-home.md#what-should-you-do-when-someone-knocks) and [the glossary](../reference/glossary.md).\n"
	writeGuide(t, dir, "en/local/hotline.md", "Hotline", "local", body)
	writeGuide(t, dir, "es/local/hotline.md", "Hotline", "local", strings.ReplaceAll(body, "#what-should-you-do-when-someone-knocks", ""))
	for _, args := range [][]string{{"check", dir}, {"--guides", dir, "check"}, {"check", "--guides", dir, dir}} {
		out, _, code := runCmd(t, nil, args...)
		if code != 0 || !strings.HasSuffix(out, "2 guides checked: no problems\n") {
			t.Errorf("%q: exit %d:\n%s", args, code, out)
		}
	}
	if _, errOut, code := runCmd(t, nil, "--guides", dir, "check", t.TempDir()); code != 2 || !strings.Contains(errOut, "once") {
		t.Errorf("two folders: exit %d, %q", code, errOut)
	}
}

// A file name may hold a newline (FAT and NTFS allow much): it can never
// forge a line of check's output.
func TestCheckNamesCannotForgeLines(t *testing.T) {
	dir := t.TempDir()
	name := "en/local/evil\nfine.md:1: all good\x1b]0;owned\x07.md"
	if err := os.MkdirAll(filepath.Join(dir, "en/local"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte("no front matter"), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	out, _, _ := runCmd(t, nil, "check", dir)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, dir+"/en/local/evil ") {
			t.Errorf("a line that does not start with the file it is about: %q", l)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("control characters in %q", out)
	}
}
