package i18n

import (
	"context"
	"os/exec"
	"time"
)

// systemLanguages returns the user's preferred languages from the system
// settings, most preferred first. Terminal.app sets LANG, but other
// terminals and ssh sessions often do not. The lookup is bounded so a
// stuck settings daemon cannot delay the start.
func systemLanguages() []string {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	out, err := exec.CommandContext(ctx, "/usr/bin/defaults", "read", "-g", "AppleLanguages").Output()
	if err != nil {
		return nil
	}
	return parseAppleLanguages(string(out))
}
