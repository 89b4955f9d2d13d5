package main

import (
	"strings"
	"unicode"
)

// asciiSymbols are the drawing and typographic characters defensa's output
// can hold, and what an ASCII console shows instead.
var asciiSymbols = strings.NewReplacer(
	"…", "...", "›", ">", "‹", "<", "»", ">>", "«", "<<",
	"•", "*", "·", "-", "◦", "-", "▸", ">", "▶", ">", "►", ">",
	"↑", "^", "↓", "v", "←", "<-", "→", "->", "⌫", "Backspace", "⏎", "Enter", "↵", "Enter",
	"—", "-", "–", "-", "‑", "-", "−", "-",
	"‘", "'", "’", "'", "“", `"`, "”", `"`,
	"│", "|", "─", "-", "┃", "|", "━", "-", "┌", "+", "┐", "+", "└", "+", "┘", "+",
	"├", "+", "┤", "+", "┬", "+", "┴", "+", "┼", "+", "╭", "+", "╮", "+", "╰", "+", "╯", "+",
	"✓", "x", "✔", "x", "✗", "x", "★", "*",
	"\u00a0", " ",
)

// asciiText makes s drawable on a console that has only ASCII and the
// Latin-1 letters (the Linux console, --ascii): drawing characters become
// ASCII, and any other symbol outside Latin-1 a question mark. Letters
// stay as they are: Spanish needs its accents.
func asciiText(s string) string {
	s = asciiSymbols.Replace(s)
	return strings.Map(func(r rune) rune {
		if r < 0x100 || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsSpace(r) {
			return r
		}
		return '?'
	}, s)
}
