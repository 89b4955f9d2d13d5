// Package fold makes words comparable the way people type them: without
// capitals and without accents, so "Detención", "detencion" and
// "DETENCIÓN" meet.
package fold

import (
	"strings"
	"unicode"
)

// Rune lowercases r and strips its accent. Only the Latin letters of
// English and Spanish (and their close neighbours) need it; every other
// rune is only lowercased. It never changes the number of runes, so
// positions in folded text are positions in the original.
func Rune(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'á', 'à', 'ä', 'â', 'ã', 'å':
		return 'a'
	case 'é', 'è', 'ë', 'ê':
		return 'e'
	case 'í', 'ì', 'ï', 'î':
		return 'i'
	case 'ó', 'ò', 'ö', 'ô', 'õ':
		return 'o'
	case 'ú', 'ù', 'ü', 'û':
		return 'u'
	case 'ñ':
		return 'n'
	case 'ç':
		return 'c'
	}
	return r
}

// String returns s lowercased without accents.
func String(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				b.WriteRune(Rune(r))
			}
			return b.String()
		}
	}
	return s
}
