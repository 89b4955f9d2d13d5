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

func parseSynonyms(data string) [][][]string {
	var groups [][][]string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var group [][]string
		for _, phrase := range strings.Split(line, ",") {
			var words []string
			for _, t := range tokenize(phrase) {
				words = append(words, t.word)
			}
			if len(words) > 0 {
				group = append(group, words)
			}
		}
		if len(group) > 1 {
			groups = append(groups, group)
		}
	}
	return groups
}
