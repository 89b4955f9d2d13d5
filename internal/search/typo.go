package search

import (
	"cmp"
	"slices"
	"strings"
)

type near struct {
	word string
	dist int
}

// maxTypos is how many edits a word of n letters may be off by: one for
// short words, two from seven letters.
func maxTypos(n int) int {
	if n >= 7 {
		return 2
	}
	return 1
}

// nearWords returns the indexed words within a small edit distance of w,
// closest first, at most eight.
func (ix *Index) nearWords(w string) []near {
	limit := maxTypos(len(w))
	var out []near
	for n := len(w) - limit; n <= len(w)+limit; n++ {
		for _, cand := range ix.byLen[n] {
			if d := boundedDistance(w, cand, limit); d <= limit {
				out = append(out, near{cand, d})
			}
		}
	}
	slices.SortFunc(out, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), strings.Compare(a.word, b.word))
	})
	return out[:min(len(out), 8)]
}

// completions returns up to n indexed words that begin with prefix.
func (ix *Index) completions(prefix string, n int) []string {
	var out []string
	for l := len(prefix) + 1; l <= len(prefix)+12 && len(out) < n; l++ {
		words := ix.byLen[l]
		i, _ := slices.BinarySearch(words, prefix)
		for ; i < len(words) && strings.HasPrefix(words[i], prefix) && len(out) < n; i++ {
			out = append(out, words[i])
		}
	}
	return out
}

// Suggest returns indexed words close to the query's unknown words, for a
// "no results" screen.
func (ix *Index) Suggest(text string, n int) []string {
	var out []string
	for _, w := range Parse(text).Words {
		if _, known := ix.wordIDs[w]; stopwords[w] || known || len(w) < 3 {
			continue
		}
		for d := 1; d <= 3 && len(out) < n; d++ {
			for l := len(w) - d; l <= len(w)+d; l++ {
				for _, cand := range ix.byLen[l] {
					if boundedDistance(w, cand, d) == d && !slices.Contains(out, cand) && len(out) < n {
						out = append(out, cand)
					}
				}
			}
		}
	}
	return out
}

// boundedDistance is the optimal-string-alignment distance between a and b
// (Levenshtein plus swapped neighbours, "deportaiton"), or limit+1 as soon
// as it must exceed limit. Both are folded ASCII-ish words; it works by byte.
func boundedDistance(a, b string, limit int) int {
	if a == b {
		return 0
	}
	la, lb := len(a), len(b)
	if abs(la-lb) > limit {
		return limit + 1
	}
	var buf [3][64]int
	if lb >= 63 {
		return limit + 1
	}
	prev2, prev, cur := buf[0][:lb+1], buf[1][:lb+1], buf[2][:lb+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[lb], limit+1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
