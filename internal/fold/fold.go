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

// Distance is the Levenshtein distance of a and b, by rune: the letters to
// add, drop or change to turn one into the other. It does not fold; fold
// both first to compare as people type.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
