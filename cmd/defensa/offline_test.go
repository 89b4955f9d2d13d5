package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The binary must not be able to open a network connection: no package
// that dials or listens may be linked in. If a dependency starts using the
// network, this fails. (net/url and net/netip only parse text.)
func TestNoNetworkPackagesLinked(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := map[string]bool{
		"net": true, "net/http": true, "net/rpc": true, "net/smtp": true, "crypto/tls": true,
		"net/http/httptrace": true, "golang.org/x/net/http2": true, "golang.org/x/net/proxy": true,
	}
	for _, pkg := range strings.Fields(string(out)) {
		if forbidden[pkg] {
			t.Errorf("%s is linked into defensa: the binary could open network connections", pkg)
		}
	}
}

// emptyDirs makes a fresh HOME, XDG folders, temp folder and working
// folder, and returns the environment pointing at them.
func emptyDirs(t *testing.T) (root string, env []string) {
	t.Helper()
	root = t.TempDir()
	env = []string{"PATH=" + os.Getenv("PATH"), "LANG=es_MX.UTF-8"}
	for _, name := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR", "work"} {
		dir := filepath.Join(root, name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if name != "work" {
			env = append(env, name+"="+dir)
		}
	}
	return root, env
}

// assertEmpty fails for any file or folder created under root's folders.
func assertEmpty(t *testing.T, root string) {
	t.Helper()
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == root {
			return nil
		}
		if rel, _ := filepath.Rel(root, p); strings.Contains(rel, string(filepath.Separator)) {
			t.Errorf("defensa left %s behind", rel)
		}
		return nil
	})
}

// Running every command leaves no trace: no history, cache, config or log.
func TestCommandsWriteNothing(t *testing.T) {
	bin := buildBinary(t)
	root, env := emptyDirs(t)
	for _, args := range [][]string{
		{"list"}, {"list", "--json", "--lang", "all"}, {"read", "rights/at-home"}, {"read", "rights/at-home", "--raw"},
		{"search", "la migra en mi puerta"}, {"search", "I-246", "--json"}, {"check"}, {"version"}, {"--help"},
		{"read", "no/such-guide"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		cmd.Dir = filepath.Join(root, "work")
		_ = cmd.Run()
	}
	assertEmpty(t, root)
}

// A scripted session in the full-screen interface leaves no trace either.
func TestInterfaceWritesNothing(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	root, env := emptyDirs(t)
	vars := withoutPath(env)
	tm := startTermIn(t, filepath.Join(root, "work"), bin, vars)
	tm.waitFor("Ahora mismo")
	tm.keys("Enter")
	tm.waitFor("En resumen")
	tm.keys("/")
	tm.keys("abogado")
	tm.keys("Enter")
	tm.keys("L") // the guide in English; the interface stays in Spanish
	tm.waitFor("In short")
	tm.keys("c")
	tm.keys("q") // closes the guide
	tm.waitFor("Ahora mismo")
	tm.keys("C-x") // the quick exit
	tm.expectExit("0")
	assertEmpty(t, root)
}

// read on a terminal pages the guide through less, which leaves no trace
// either: less writes ~/.lesshst, its search history, unless told not to.
func TestReadOnATerminalWritesNothing(t *testing.T) {
	needTmux(t)
	needProgram(t, "less")
	bin := buildBinary(t)
	root, env := emptyDirs(t)
	vars := withoutPath(env)
	tm := startTermIn(t, filepath.Join(root, "work"), bin, vars, "read", "rights/at-home")
	tm.waitFor("Si los agentes de inmigración llegan a su casa")
	// A search, so that less has history to keep.
	tm.keys("/abogado", "Enter")
	tm.keys("G")
	tm.waitFor("(END)")
	tm.keys("q")
	tm.expectExit("0")
	assertEmpty(t, root)
}

// withoutPath is env without its PATH, for a terminal that keeps its own.
func withoutPath(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "PATH=") {
			out = append(out, e)
		}
	}
	return out
}
