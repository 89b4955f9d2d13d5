//go:build unix

package library

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"defensa/internal/i18n"
)

// Hole 4: a FIFO named like a guide hung every command, a guide linked to
// /dev/tty stole keystrokes, and a link to a file outside the folder was
// read. Only regular files inside the folder are opened.
func TestOnlyRegularFilesInsideAreOpened(t *testing.T) {
	dir := t.TempDir()
	local := filepath.Join(dir, "en", "local")
	if err := os.MkdirAll(local, 0o755); err != nil {
		t.Fatal(err)
	}
	good := "---\ntitle: Real\n" + okFields + "---\n# Real\n"
	if err := os.WriteFile(filepath.Join(local, "real.md"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(local, "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"tty.md":    "/dev/tty",
		"shadow.md": "/etc/passwd",
		"up.md":     "../../../outside.md",
		"loop.md":   "loop.md",
		"alias.md":  "real.md",
		"fifo2.md":  "fifo.md",
	}
	if err := os.WriteFile(filepath.Join(dir, "..", "outside.md"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(local, name)); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := Load(os.DirFS(dir), "usb", true)
	if _, ok := lib.Get("local/real", i18n.English); !ok {
		t.Error("the real guide must load")
	}
	if _, ok := lib.Get("local/alias", i18n.English); !ok {
		t.Error("a link to a regular file inside the folder must load")
	}
	got := strings.Join(messages(err), "\n")
	for _, want := range []string{
		"usb/en/local/fifo.md: not read: not a regular file",
		"usb/en/local/fifo2.md: not read: not a regular file",
		"usb/en/local/tty.md: not read: a link to a file outside the guides folder",
		"usb/en/local/shadow.md: not read: a link to a file outside the guides folder",
		"usb/en/local/up.md: not read: a link to a file outside the guides folder",
		"usb/en/local/loop.md: not read: too many symbolic links",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if lib.Len() != 2 {
		t.Errorf("loaded %d guides, want 2", lib.Len())
	}
}
