package search

import (
	"strings"
)

// Query is a parsed search: loose words and "quoted phrases".
type Query struct {
	Words   []string   // folded words outside quotes, stopwords kept
	Phrases [][]string // folded words of each quoted phrase
	// Partial is true when the last word may still be being typed (live
	// search): it then also matches words it begins.
	Partial bool
}

// MaxQueryLen bounds the work one query can cause.
const MaxQueryLen = 500

// Parse reads a query as people type it. It never fails: unbalanced quotes
// close at the end, punctuation is ignored, and anything past MaxQueryLen
// bytes is dropped.
func Parse(s string) Query {
	if len(s) > MaxQueryLen {
		s = s[:MaxQueryLen]
	}
	var q Query
	s = strings.NewReplacer("“", `"`, "”", `"`, "«", `"`, "»", `"`).Replace(s)
	parts := strings.Split(s, `"`)
	for i, part := range parts {
		var words []string
		for _, t := range tokenize(part) {
			words = append(words, t.word)
		}
		if i%2 == 1 && len(words) > 0 {
			q.Phrases = append(q.Phrases, words)
		}
		q.Words = append(q.Words, words...)
	}
	trimmed := strings.TrimRight(s, " ")
	q.Partial = len(parts)%2 == 1 && trimmed == s && trimmed != "" && isWordRune(lastRune(trimmed))
	return q
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

// Empty reports whether the query has nothing to search for.
func (q Query) Empty() bool { return len(q.Words) == 0 }
