package search

import (
	_ "embed"
	"strings"
)

// synonymData is the bilingual everyday vocabulary: each line a group of
// words and phrases people use for the same thing. It is data, edited
// without touching code.
//
//go:embed synonyms.txt
var synonymData string

// synGroup is one line of the synonym list: phrases of word ids. The
// first match phrases match the query; every phrase may be searched for.
// A line "a, b => c, d" has match 2: "a" or "b" in a query also searches
// for "c" and "d", but "c" does not bring "a". Other lines match with all
// their phrases.
type synGroup struct {
	phrases [][]int32
	match   int
}

// searched returns the phrases a match brings: the right side of a line
// that goes one way, every phrase of one that does not.
func (g synGroup) searched() [][]int32 {
	if g.match < len(g.phrases) {
		return g.phrases[g.match:]
	}
	return g.phrases
}

// synLine is a parsed line of the synonym list, as folded words.
type synLine struct {
	phrases [][]string
	match   int
}

func parseSynonyms(data string) []synLine {
	var lines []synLine
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var l synLine
		left, right, directed := strings.Cut(line, "=>")
		l.phrases = appendPhrases(nil, left)
		l.match = len(l.phrases)
		if directed {
			l.phrases = appendPhrases(l.phrases, right)
		}
		if len(l.phrases) > 1 && l.match > 0 {
			lines = append(lines, l)
		}
	}
	return lines
}

func appendPhrases(out [][]string, list string) [][]string {
	for _, phrase := range strings.Split(list, ",") {
		var words []string
		for _, t := range tokenize(phrase) {
			words = append(words, t.word)
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}
