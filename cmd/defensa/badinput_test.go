package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A local guides folder may hold anything. Each bad file gets a message
// naming it (and its line where it has one), the rest of the library keeps
// working, and nothing panics or reaches the terminal raw.
func TestLocalFolderSurvivesAnything(t *testing.T) {
	dir := t.TempDir()
	good := func(title, body string) string {
		return "---\ntitle: " + title + "\nsummary: S\nsection: local\norder: 1\nreviewed: 2026-11-01\n---\n# " + title + "\n\n" + body + "\n"
	}
	writeFile(t, dir, "en/local/good.md", good("Good local guide", "Call the network."))
	writeFile(t, dir, "en/local/bad-yaml.md", "---\ntitle: [unclosed\n---\n# X\n")
	writeFile(t, dir, "en/local/wrong-type.md", "---\ntitle: T\norder: first\n---\n# T\n")
	writeFile(t, dir, "en/local/bad-utf8.md", "---\ntitle: T\n---\n# T\n\xff\xfe\n")
	writeFile(t, dir, "en/local/bom-crlf.md", "\ufeff"+strings.ReplaceAll(good("BOM and CRLF guide", "Windows line ends."), "\n", "\r\n"))
	writeFile(t, dir, "en/local/empty.md", "")
	writeFile(t, dir, "en/local/hostile.md", good("Hostile \x1b]0;owned\x07 title", "Text \x1b]52;c;ZXZpbA==\x07 with \x1b[2J escapes \u009b31m."))
	if err := os.MkdirAll(filepath.Join(dir, "en/local/folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop-b.md", filepath.Join(dir, "en/local/loop-a.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop-a.md", filepath.Join(dir, "en/local/loop-b.md")); err != nil {
		t.Fatal(err)
	}
	// 50 MB: a sparse file, so the test costs no disk.
	big, err := os.Create(filepath.Join(dir, "en/local/huge.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()
	// The same id written with other capitals.
	writeFile(t, dir, "en/local/Good.md", good("Duplicate", "Same id, other case."))

	out, errOut, code := runCmd(t, nil, "list", "--guides", dir)
	if code != 0 {
		t.Errorf("list must still work (exit %d)", code)
	}
	if !strings.Contains(out, "Good local guide") || !strings.Contains(out, "BOM and CRLF guide") || !strings.Contains(out, "rights/at-home") {
		t.Errorf("good local and built-in guides must be listed:\n%s", out)
	}
	for _, want := range []string{
		"bad-yaml.md:2: front matter:",
		"wrong-type.md:3: front matter:",
		"bad-utf8.md:5: not valid UTF-8",
		"empty.md:1: empty file",
		"folder.md: is a folder",
		"loop-a.md: not read",
		"huge.md: file too large",
		"hostile.md:2: control characters",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	checkOut, _, checkCode := runCmd(t, nil, "check", dir)
	if checkCode != 1 || !strings.Contains(checkOut, "Good.md: id \"local/Good\" must be lowercase") && !strings.Contains(checkOut, "local/Good") {
		t.Errorf("check must flag the duplicate id (exit %d):\n%s", checkCode, checkOut)
	}
	// No escape sequence from content reaches any output.
	read, _, _ := runCmd(t, nil, "read", "local/hostile", "--guides", dir)
	search, _, _ := runCmd(t, nil, "search", "escapes", "--guides", dir, "--json")
	for name, s := range map[string]string{"list": out + errOut, "check": checkOut, "read": read, "search": search} {
		if strings.ContainsAny(s, "\x1b\x07\u009b") {
			t.Errorf("%s output carries a control character: %q", name, s)
		}
	}
	if !strings.Contains(read, "Text") || !strings.Contains(search, "local/hostile") {
		t.Error("the hostile guide must still be readable and searchable, cleaned")
	}
}

// Two thousand local guides load, list and search.
func TestTwoThousandGuides(t *testing.T) {
	dir := t.TempDir()
	for i := range 2000 {
		writeFile(t, dir, fmt.Sprintf("en/local/g%04d.md", i),
			fmt.Sprintf("---\ntitle: Local guide %d\nsummary: S\nsection: local\norder: %d\nreviewed: 2026-11-01\n---\n# Local guide %d\n\nNeighbourhood %d hotline.\n", i, i, i, i))
	}
	out, errOut, code := runCmd(t, nil, "list", "--guides", dir)
	if code != 0 || errOut != "" || strings.Count(out, "local/g") != 2000 {
		t.Errorf("exit %d, %d listed, stderr %q", code, strings.Count(out, "local/g"), errOut)
	}
	out, _, _ = runCmd(t, nil, "search", "neighbourhood 1999", "--guides", dir, "--limit", "1")
	if !strings.Contains(out, "local/g1999") {
		t.Errorf("search must find the guide among 2,000:\n%s", out)
	}
}
