package search

import (
	"encoding/json"
	"strings"

	"defensa/internal/i18n"
)

// SnippetLen is about how many characters a snippet holds.
const SnippetLen = 180

// Snippet is a short excerpt of a section with the matched words marked.
type Snippet struct {
	Text  string
	Marks [][2]int // byte ranges of Text that matched, in order
}

// Marked returns the snippet with each match wrapped in open and close.
func (s Snippet) Marked(open, close string) string {
	var b strings.Builder
	last := 0
	for _, m := range s.Marks {
		b.WriteString(s.Text[last:m[0]])
		b.WriteString(open)
		b.WriteString(s.Text[m[0]:m[1]])
		b.WriteString(close)
		last = m[1]
	}
	b.WriteString(s.Text[last:])
	return b.String()
}

// MarshalJSON writes the snippet as one string with matches in **bold**.
func (s Snippet) MarshalJSON() ([]byte, error) { return json.Marshal(s.Marked("**", "**")) }

// snippet picks the line of the section with the most distinct query
// matches (ties: the earlier line) and cuts a window around its first match.
func (ix *Index) snippet(un *unit, groups [][]alt) Snippet {
	stems := map[int32]bool{}
	for _, g := range groups {
		for _, a := range g {
			stems[a.stem] = true
		}
	}
	text := un.text
	if strings.TrimSpace(text) == "" {
		text = un.heading
	}
	bestLine, bestScore := "", -1
	var bestMarks [][2]int
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		marks, distinct := ix.matchLine(line, stems, un.lang)
		if distinct > bestScore {
			bestLine, bestScore, bestMarks = line, distinct, marks
		}
	}
	if bestScore <= 0 && un.summary != "" {
		// The match was in the title or tags: the summary says most.
		marks, _ := ix.matchLine(un.summary, stems, un.lang)
		return window(un.summary, marks)
	}
	return window(bestLine, bestMarks)
}

func (ix *Index) matchLine(line string, stems map[int32]bool, lang i18n.Lang) ([][2]int, int) {
	var marks [][2]int
	seen := map[int32]bool{}
	eachToken(line, func(w string, start, end int) {
		if stopwords[w] {
			return
		}
		st := ix.stemID(w, lang)
		if st < 0 || !stems[st] {
			return
		}
		marks = append(marks, [2]int{start, end})
		seen[st] = true
	})
	return marks, len(seen)
}

// window cuts line to about SnippetLen characters around its first match,
// on word boundaries, with "…" where it was cut.
func window(line string, marks [][2]int) Snippet {
	if len(line) <= SnippetLen {
		return Snippet{Text: line, Marks: marks}
	}
	start := 0
	if len(marks) > 0 && marks[0][0] > SnippetLen/3 {
		start = marks[0][0] - SnippetLen/3
		for start > 0 && line[start-1] != ' ' {
			start--
		}
	}
	end := min(len(line), start+SnippetLen)
	for end < len(line) && line[end] != ' ' {
		end++
	}
	text := line[start:end]
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(line) {
		suffix = "…"
	}
	var shifted [][2]int
	for _, m := range marks {
		if m[0] >= start && m[1] <= end {
			shifted = append(shifted, [2]int{m[0] - start + len(prefix), m[1] - start + len(prefix)})
		}
	}
	return Snippet{Text: prefix + text + suffix, Marks: shifted}
}
