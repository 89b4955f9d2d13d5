// Package textsafe keeps text from driving the terminal or misleading the
// reader.
//
// Guides, file names and queries can hold escape sequences (a clipboard
// write, a title change, a cursor jump) and invisible characters (a
// right-to-left override that shows a phone number reversed, zero-width
// spaces inside a word, tag characters, a flood of combining marks).
// Everything that reaches a screen, a pipe or a page from content passes
// through Text or Line first, once, where it becomes a domain value.
package textsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Removed counts what cleaning took out of a text.
type Removed struct {
	// Control counts control characters (C0 other than newline and tab,
	// DEL, C1) and invalid UTF-8 bytes, which were replaced by U+FFFD.
	Control int
	// Hidden counts invisible characters: direction overrides and isolates,
	// zero-width and other format characters, tag characters, private-use
	// characters, noncharacters, and combining marks past maxMarks on one
	// letter.
	Hidden int
}

// Any reports whether anything was removed.
func (r Removed) Any() bool { return r.Control > 0 || r.Hidden > 0 }

// maxMarks is how many combining marks one base character may carry. Real
// text (Vietnamese, Indic scripts) needs at most three or four; more is a
// flood that smears over neighbouring lines.
const maxMarks = 4

// Text cleans multi-line text: newlines and tabs stay, carriage returns go
// (CRLF files are normal on Windows), line and paragraph separators become
// newlines, and everything Removed describes is taken out. A zero-width
// joiner or non-joiner stays only between two letters or symbols, where a
// script or an emoji needs it.
func Text(s string) (string, Removed) {
	if isPlainASCII(s) || !needsCleaning(s, false) {
		return s, Removed{}
	}
	return clean(s, false)
}

// Line cleans a one-line field (a title, a tag, a file name, a query): as
// Text, and every newline or tab becomes a space, runs of spaces become
// one, and the ends are trimmed. A block-scalar title can then never break
// a line of output.
func Line(s string) string {
	if !needsCleaning(s, true) {
		return s
	}
	out, _ := clean(s, true)
	return out
}

// LineCounted is Line that also reports what it removed, for fields whose
// problems are reported (front matter values).
func LineCounted(s string) (string, Removed) {
	if !needsCleaning(s, true) {
		return s, Removed{}
	}
	return clean(s, true)
}

// needsCleaning reports whether clean would change s. It is the common
// case made cheap: Spanish text is mostly Latin-1 letters, which need no
// table look-up.
func needsCleaning(s string, oneLine bool) bool {
	if oneLine && strings.TrimSpace(s) != s {
		return true
	}
	marks := 0
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch {
			case c == '\n' || c == '\t':
				if oneLine {
					return true
				}
			case c < 0x20 || c == 0x7f:
				return true
			case c == ' ':
				if oneLine && prevSpace {
					return true
				}
			}
			prevSpace = c == ' '
			marks = 0
			i++
			continue
		}
		prevSpace = false
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			return true
		case r < 0x300: // Latin-1 and Latin Extended: letters, except C1 and the soft hyphen
			if r <= 0x9f || r == 0xad {
				return true
			}
			marks = 0
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
			if marks++; marks > maxMarks {
				return true
			}
		case r == '\u200c' || r == '\u200d' || r == '\u2028' || r == '\u2029' || IsHidden(r):
			return true
		default:
			marks = 0
		}
	}
	return false
}

// String is Line, for one-off display of untrusted text such as a file
// name, an error message or a query.
func String(s string) string { return Line(s) }

func clean(s string, oneLine bool) (string, Removed) {
	var b strings.Builder
	b.Grow(len(s))
	var rm Removed
	marks := 0
	var prev rune = -1 // the last rune written, -1 at the start
	// space writes one space in a one-line field, never two in a row.
	space := func() {
		if prev != ' ' && prev != -1 {
			b.WriteByte(' ')
			prev = ' '
		}
		marks = 0
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			rm.Control++
			b.WriteRune(utf8.RuneError)
			prev, marks = utf8.RuneError, 0
			continue
		case r == '\r':
			continue
		case r == '\n' || r == '\t' || r == '\u2028' || r == '\u2029':
			if oneLine {
				space()
				continue
			}
			if r == '\t' {
				b.WriteByte('\t')
			} else {
				b.WriteByte('\n')
			}
			prev, marks = r, 0
			continue
		case IsControl(r):
			// An escape sequence goes whole: "ESC ]0;PWNED BEL" leaves
			// nothing, not "]0;PWNED".
			rm.Control++
			i = skipSequence(s, i, r)
			continue
		case r == '\u200c' || r == '\u200d':
			next, _ := utf8.DecodeRuneInString(s[i:])
			if joins(prev) && joins(next) {
				b.WriteRune(r)
				prev = r
				continue
			}
			rm.Hidden++
			continue
		case IsHidden(r):
			rm.Hidden++
			continue
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
			marks++
			if marks > maxMarks {
				rm.Hidden++
				continue
			}
			b.WriteRune(r)
			prev = r
			continue
		case oneLine && r == ' ':
			space()
			continue
		}
		b.WriteRune(r)
		prev, marks = r, 0
	}
	out := b.String()
	if oneLine {
		out = strings.TrimSpace(out)
	}
	return out, rm
}

// skipSequence returns where the escape sequence that control character r
// started (its bytes end at i) ends: a CSI at its final byte, a string
// (OSC, DCS, SOS, PM, APC) at BEL or ST, a two-character escape after its
// second character. A sequence never runs past the end of its line.
func skipSequence(s string, i int, r rune) int {
	kind := r
	if r == 0x1b && i < len(s) {
		switch s[i] {
		case '[':
			kind = 0x9b
		case ']', 'P', 'X', '^', '_':
			kind = 0x9d
		default:
			if s[i] >= 0x20 && s[i] < 0x7f {
				return i + 1 // ESC 7, ESC c...
			}
			return i
		}
		i++
	}
	switch kind {
	case 0x9b: // CSI: parameters and intermediates, then a final byte
		for ; i < len(s) && s[i] != '\n'; i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
			if s[i] < 0x20 || s[i] >= 0x7f {
				return i
			}
		}
	case 0x9d, 0x90, 0x98, 0x9e, 0x9f: // a string, to its terminator
		for i < len(s) && s[i] != '\n' {
			switch {
			case s[i] == 0x07:
				return i + 1
			case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
				return i + 2
			case strings.HasPrefix(s[i:], "\u009c"):
				return i + len("\u009c")
			case s[i] == 0x1b:
				return i
			}
			i++
		}
	}
	return i
}

// joins reports whether r may stand beside a zero-width joiner: a letter, a
// mark or a symbol of a script that is not ASCII.
func joins(r rune) bool {
	return r > 0x7f && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.So, r))
}

// IsControl reports whether r is a C0 or C1 control character other than
// newline and tab, or DEL: the characters that start terminal sequences.
func IsControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// IsHidden reports whether r is invisible in a way that can mislead: a
// format character (direction overrides and isolates, zero-width spaces,
// the byte-order mark, soft hyphens, tag characters), a private-use
// character, a noncharacter, or a blank filler letter. Zero-width joiners
// are format characters too; Text keeps them inside words.
func IsHidden(r rune) bool {
	switch {
	case r < 0xa0:
		return false
	case unicode.Is(unicode.Cf, r):
		return true
	case r >= 0xe000 && r <= 0xf8ff, r >= 0xf0000:
		return true // private use (and planes 15-16, where defensa puts its own markers)
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return true // noncharacters
	case r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0:
		return true // Hangul fillers: letters that draw nothing
	}
	return false
}

// isPlainASCII reports whether s is printable ASCII, newlines and tabs: the
// common case, which needs no work.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || c < 0x20 && c != '\n' && c != '\t' {
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

// FirstUnsafeLines returns the 1-based lines of the first control character
// and of the first hidden character that Text would remove from s (carriage
// returns excepted), 0 for none.
func FirstUnsafeLines(s string) (control, hidden int) {
	if isPlainASCII(s) {
		return 0, 0
	}
	var line string
	for n := 1; s != "" && (control == 0 || hidden == 0); n++ {
		line, s, _ = strings.Cut(s, "\n")
		if isPlainASCII(line) {
			continue
		}
		_, rm := clean(line, false)
		if control == 0 && rm.Control > 0 {
			control = n
		}
		if hidden == 0 && rm.Hidden > 0 {
			hidden = n
		}
	}
	return control, hidden
}
