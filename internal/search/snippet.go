package search

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
// matches (ties: the earlier line) and cuts a window around its first
// match. A line that is only a blank to fill in ("[FULL NAME]") or too
// short to say anything is passed over; a heading with no text of its own
// shows its subsections' text; a section matched only by its guide's
// title, tags or summary shows the summary or its own first line. A
// snippet is never a bare heading.
//
// Lines are weighed on the section's word ids (the index knows how many
// words each line has); only the line shown is read again, for its marks.
func (ix *Index) snippet(u int32, match matchSet, stems []bool, sc *scratch) Snippet {
	un := &ix.units[u]
	li := langIndex(ix.entry(un).Lang)
	sources := []int32{u}
	if un.flags&unitEmpty != 0 {
		sources = ix.subsections(u)
	}
	best, bestScore := "", 0
	for _, src := range sources {
		text := ix.section(&ix.units[src]).Text
		all := ix.wordsOf(src, sc.words)
		sc.words = all
		words := all[ix.units[src].headLen:]
		sc.lines = ix.linesOf(src, sc.lines)
		var seen []int32
		pos := 0
		for _, count := range sc.lines {
			line, rest, _ := strings.Cut(text, "\n")
			text = rest
			seen = seen[:0]
			for _, id := range words[pos : pos+int(count)] {
				if st := ix.voc.info[id].stems[li]; st >= 0 && stems[st] && !slices.Contains(seen, st) {
					seen = append(seen, st)
				}
			}
			pos += int(count)
			if len(seen) > bestScore && sayable(line) {
				best, bestScore = line, len(seen)
			}
		}
	}
	if bestScore == 0 {
		first := ix.firstSayable(sources)
		if un.top() || first == "" {
			// The match was in the title or tags: the summary says most.
			summary := ix.entry(un).Summary
			marks, _ := ix.matchLine(summary, match, li)
			return window(summary, marks)
		}
		return window(strings.Join(strings.Fields(first), " "), nil)
	}
	best = strings.Join(strings.Fields(best), " ")
	marks, _ := ix.matchLine(best, match, li)
	return window(best, marks)
}

// firstSayable returns the first line of the sections that can stand as a
// snippet, or "".
func (ix *Index) firstSayable(sources []int32) string {
	for _, src := range sources {
		for line := range strings.SplitSeq(ix.section(&ix.units[src]).Text, "\n") {
			if sayable(line) {
				return line
			}
		}
	}
	return ""
}

// subsections returns the units under an empty heading: the sections that
// follow it at a deeper level.
func (ix *Index) subsections(u int32) []int32 {
	un := &ix.units[u]
	g := ix.guide(un)
	level := g.Headings[g.Sections[un.section].Heading].Level
	var out []int32
	for v := u + 1; int(v) < len(ix.units) && ix.units[v].guide == un.guide; v++ {
		s := g.Sections[ix.units[v].section]
		if s.Heading < 0 || g.Headings[s.Heading].Level <= level {
			break
		}
		out = append(out, v)
	}
	return out
}

// sayable reports whether a line can stand as a snippet: at least three
// words outside the brackets of fill-in blanks.
func sayable(line string) bool {
	words, depth := 0, 0
	inWord := false
	for _, r := range line {
		switch {
		case r == '[':
			depth++
			inWord = false
		case r == ']':
			depth = max(depth-1, 0)
			inWord = false
		case depth == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !inWord {
				words++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return words >= 3
}

// matchSet holds the words of the index that a query matches, with their
// stems: a few dozen, found once per query so marking snippets is a map
// look-up per word.
type matchSet map[string][2]int32 // stem by language; -1 where it does not match

// matchSet returns the words whose stem in some language is one of the
// query's.
func (ix *Index) matchSet(stems []bool) matchSet {
	set := matchSet{}
	t := ix.stems()
	for st, in := range stems {
		if !in {
			continue
		}
		for _, id := range t.words[t.at[st]:t.at[st+1]] {
			m := [2]int32{-1, -1}
			for li, wst := range ix.voc.info[id].stems {
				if wst >= 0 && stems[wst] {
					m[li] = wst
				}
			}
			set[ix.voc.words[id]] = m
		}
	}
	return set
}

// matchLine returns the byte ranges of line's words whose stem (in the
// section's language) is one of the query's, and how many distinct stems
// matched.
func (ix *Index) matchLine(line string, stems matchSet, li int) ([][2]int, int) {
	var marks [][2]int
	var seen []int32
	eachToken(line, func(w string, start, end int) {
		word, ok := stems[w]
		if !ok {
			return
		}
		st := word[li]
		if st < 0 {
			return
		}
		marks = append(marks, [2]int{start, end})
		for _, s := range seen {
			if s == st {
				return
			}
		}
		seen = append(seen, st)
	})
	return marks, len(seen)
}

// window cuts line to about SnippetLen characters around its first match,
// on word boundaries, with "…" where it was cut. A line with no space
// where it must be cut (a long address, a hostile guide) is cut between
// characters, so a snippet stays short whatever the line.
func window(line string, marks [][2]int) Snippet {
	if utf8.RuneCountInString(line) <= SnippetLen {
		return Snippet{Text: line, Marks: marks}
	}
	start := 0
	if len(marks) > 0 && marks[0][0] > SnippetLen/3 {
		start = marks[0][0] - SnippetLen/3
		for start > 0 && !utf8.RuneStart(line[start]) {
			start--
		}
		for i := start; i > 0 && start-i < slack; i-- {
			if line[i-1] == ' ' {
				start = i
				break
			}
		}
	}
	end := start
	for n := 0; end < len(line) && n < SnippetLen; n++ {
		_, size := utf8.DecodeRuneInString(line[end:])
		end += size
	}
	for i := end; i < len(line) && i-end < slack; i++ {
		if line[i] == ' ' {
			end = i
			break
		}
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

// slack is how far, in bytes, a snippet's edge moves to reach a space.
const slack = 40
