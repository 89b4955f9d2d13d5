// Package textsafe keeps text from driving the terminal.
//
// Guides, file names and queries can hold escape sequences (a clipboard
// write, a title change, a cursor jump). Everything that reaches a screen or
// a pipe from content passes through Clean first.
package textsafe

import (
	"strings"
	"unicode/utf8"
)

// Clean returns s with every control character removed except newline and
// tab, invalid UTF-8 replaced by U+FFFD, and carriage returns dropped. It
// also reports how many characters it removed or replaced.
func Clean(s string) (string, int) {
	if isClean(s) {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	removed := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			removed++
		case r == '\r':
			// Dropped without counting: CRLF line ends are normal on Windows.
		case IsControl(r):
			removed++
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), removed
}

// String is Clean without the count, for one-off display of untrusted text
// such as a file name or a query.
func String(s string) string {
	out, _ := Clean(s)
	return out
}

// IsControl reports whether r is a C0 or C1 control character other than
// newline and tab, or DEL: the characters that start terminal sequences.
func IsControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			// Slow path for non-ASCII: C1 controls and invalid bytes.
			for _, r := range s[i:] {
				if r == utf8.RuneError || IsControl(r) || r == '\r' {
					return false
				}
			}
			return utf8.ValidString(s[i:])
		}
		if c == '\r' || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

// FirstInvalidLine returns the 1-based line of the first invalid UTF-8 byte
// in b, or 0 when b is valid UTF-8.
func FirstInvalidLine(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	line := 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}

// FirstControlLine returns the 1-based line of the first control character
// Clean would remove (carriage returns excepted), or 0 when there is none.
func FirstControlLine(s string) int {
	line := 1
	for _, r := range s {
		if r == '\n' {
			line++
			continue
		}
		if r != '\r' && IsControl(r) {
			return line
		}
	}
	return 0
}
