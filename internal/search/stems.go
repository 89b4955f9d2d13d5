package search

import (
	_ "embed"
	"strings"
)

// stemData corrects the stemmers (see stems.txt). It is data, edited
// without touching code.
//
//go:embed stems.txt
var stemData string

// stemOverrides maps folded words to the stem stems.txt gives them, by
// language index (English 0, Spanish 1). Built once; never changed.
var stemOverrides = parseStemOverrides(stemData)

func parseStemOverrides(data string) [2]map[string]string {
	out := [2]map[string]string{{}, {}}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, words, ok := strings.Cut(line, ":")
		fields := strings.Fields(head)
		if !ok || len(fields) != 2 || (fields[0] != "en" && fields[0] != "es") {
			panic("stems.txt: bad line " + line) // caught by every test
		}
		li := 0
		if fields[0] == "es" {
			li = 1
		}
		for _, w := range strings.Fields(words) {
			out[li][w] = fields[1]
		}
	}
	return out
}
