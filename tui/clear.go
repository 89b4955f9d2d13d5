package tui

import "os"

// clearScreen wipes the visible screen and the scrollback of the terminal
// defensa ran in, for a quick exit.
func clearScreen() {
	_, _ = os.Stdout.WriteString("\x1b[H\x1b[2J\x1b[3J")
}
