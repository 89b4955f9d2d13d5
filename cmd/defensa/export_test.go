package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const localGuides = "../../internal/export/testdata/local"

func TestExportHTML(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	out, errOut, code := runCmd(t, map[string]string{"LANG": "es_MX.UTF-8"}, "export", "html", dir, "--guides", localGuides)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, filepath.Join(dir, "index.html")) || !strings.Contains(out, "Se escribieron") {
		t.Errorf("the message does not say where to look, in Spanish: %q", out)
	}
	for name, want := range map[string]string{
		"index.html":                       "La migra está en la puerta",
		"es/rights/at-home.html":           `<meta name="referrer" content="no-referrer">`,
		"es/community/rapid-response.html": "Respuesta Rápida de Riverside",
		"print/es/cards.html":              "1-800-555-0199",
		"print/en/if-detained.html":        "I am using my right to remain silent",
		"illustration.png":                 "\x89PNG",
	} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
}

func TestExportCardsOnly(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := runCmd(t, nil, "export", "cards", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "print", "en", "cards.html")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "en", "rights", "at-home.html")); err == nil {
		t.Error("export cards wrote guide pages")
	}
}

func TestExportUsage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	for _, args := range [][]string{
		{"export"},
		{"export", "html"},
		{"export", "pdf", dir},
		{"export", "html", dir, "extra"},
		{"export", "html", dir, "--guides", filepath.Join(dir, "no-such-folder")},
	} {
		_, errOut, code := runCmd(t, nil, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, exitUsage, errOut)
		}
		if !strings.Contains(errOut, "defensa export --help") && !strings.Contains(errOut, "not a folder") {
			t.Errorf("%v: %q does not point to help", args, errOut)
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("a refused export wrote its folder")
	}
}

func TestExportHelp(t *testing.T) {
	out, _, code := runCmd(t, map[string]string{"LANG": "es_MX.UTF-8"}, "export", "--help")
	if code != 0 || !strings.Contains(out, "Uso: defensa export html|cards CARPETA") {
		t.Errorf("exit %d, help %q", code, out)
	}
}

// A folder that cannot be written is a failure with a message, not a
// silent success.
func TestExportCannotWrite(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCmd(t, nil, "export", "html", filepath.Join(file, "site"))
	if code != exitFailure || !strings.Contains(errOut, "Could not write the export") {
		t.Errorf("exit %d: %q", code, errOut)
	}
}

// The export writes into its folder and nowhere else: no cache, no
// history, no temporary file.
func TestExportWritesOnlyItsFolder(t *testing.T) {
	bin := buildBinary(t)
	root, env := emptyDirs(t)
	site := filepath.Join(root, "work", "site")
	cmd := exec.Command(bin, "export", "html", site, "--guides", localGuides)
	cmd.Env = env
	cmd.Dir, _ = os.Getwd()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	n := 0
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if !strings.HasPrefix(p, site+string(filepath.Separator)) {
			t.Errorf("export wrote %s", p)
		}
		n++
		return nil
	})
	if n < 100 {
		t.Errorf("only %d files written", n)
	}
}
