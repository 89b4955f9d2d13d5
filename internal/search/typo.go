package search

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
)

// near is an indexed word close to a misspelled one.
type near struct {
	word int32
	dist int // 0 when only the spelling of a sound differs
}

// nearTables are the look-up tables of the typo path, made by the first
// query that needs them, so a loaded index does not pay for them at start.
type nearTables struct {
	byLen  [][]int32 // word ids by length, for edit distance
	masks  []uint32  // the letters of each word, one bit each
	keys   []string  // Spanish sound key of each word ("" when not Spanish)
	kmasks []uint32  // the letters of each key
	sounds map[string][]int32
}

// letterMask has a bit for each letter (and one for all digits) of w.
// One edit changes at most two bits, so words whose masks differ in more
// than twice the allowed edits need no closer look.
func letterMask(w string) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= '0' && c <= '9':
			m |= 1 << 26
		default:
			m |= 1 << 27
		}
	}
	return m
}

func (ix *Index) tables() *nearTables {
	ix.near.Do(func() {
		n := len(ix.voc.words)
		t := &nearTables{keys: make([]string, n), masks: make([]uint32, n), kmasks: make([]uint32, n), sounds: map[string][]int32{}}
		for id, w := range ix.voc.words {
			info := ix.voc.info[id]
			if info.stop() {
				continue
			}
			for len(t.byLen) <= len(w) {
				t.byLen = append(t.byLen, nil)
			}
			t.byLen[len(w)] = append(t.byLen[len(w)], int32(id))
			t.masks[id] = letterMask(w)
			// Sound-alike spellings are a Spanish matter: the words of
			// Spanish guides, and of the synonym list.
			if info.langs() == 0 || info.langs()&2 != 0 {
				k := soundKey(w)
				t.keys[id] = k
				t.kmasks[id] = letterMask(k)
				t.sounds[k] = append(t.sounds[k], int32(id))
			}
		}
		ix.nearTab = t
	})
	return ix.nearTab
}

// stemTable lists the words of each stem, for marking snippets: made on
// the first query (a few hundred microseconds), apart from the typo
// tables, which most queries never need.
type stemTable struct {
	words, at []int32 // the words of stem s: words[at[s]:at[s+1]]
}

func (ix *Index) stems() *stemTable {
	ix.stemsOnce.Do(func() {
		t := &stemTable{at: make([]int32, ix.voc.stemCount()+1)}
		for _, info := range ix.voc.info {
			for _, st := range info.stems {
				if st >= 0 && !info.stop() {
					t.at[st+1]++
				}
			}
		}
		for i := 1; i < len(t.at); i++ {
			t.at[i] += t.at[i-1]
		}
		t.words = make([]int32, t.at[len(t.at)-1])
		next := slices.Clone(t.at)
		for id, info := range ix.voc.info {
			for _, st := range info.stems {
				if st >= 0 && !info.stop() {
					t.words[next[st]] = int32(id)
					next[st]++
				}
			}
		}
		ix.stemTab = t
	})
	return ix.stemTab
}

// maxTypos is how many edits a word of n letters may be off by: one for
// short words, two from seven letters.
func maxTypos(n int) int {
	if n >= 7 {
		return 2
	}
	return 1
}

// maxNear is how many corrections one word may bring.
const maxNear = 8

// nearWords returns the indexed words a misspelled word may have meant,
// closest first: the words that sound the same in Spanish ("aser" for
// "hacer", "avogado" for "abogado", "ise" for "hice") at distance 0, then
// the words within one or two edits of the letters, or one edit further
// but that close in sounds ("sitasion" is two letters but no sound from
// "citacion").
func (ix *Index) nearWords(w string) []near {
	t := ix.tables()
	key := soundKey(w)
	var out []near
	for _, id := range t.sounds[key] {
		if ix.voc.words[id] != w {
			out = append(out, near{id, 0})
		}
	}
	if len(w) >= 4 {
		limit := maxTypos(len(w))
		mask, kmask := letterMask(w), letterMask(key)
		for n := max(len(w)-limit-1, 1); n <= len(w)+limit+1 && n < len(t.byLen); n++ {
			for _, id := range t.byLen[n] {
				cand := ix.voc.words[id]
				d := limit + 1
				if abs(len(cand)-len(w)) <= limit && bits.OnesCount32(mask^t.masks[id]) <= 2*limit {
					d = boundedDistance(w, cand, limit)
				}
				// A spelling one edit too far may still be one sound away;
				// comparing sounds alone would let garbage meet short keys.
				if d > limit && t.keys[id] != "" && abs(len(t.keys[id])-len(key)) <= limit &&
					bits.OnesCount32(kmask^t.kmasks[id]) <= 2*limit {
					if kd := boundedDistance(key, t.keys[id], limit); kd <= limit && boundedDistance(w, cand, limit+1) <= limit+1 {
						d = kd
					}
				}
				if d <= limit && d > 0 && !slices.ContainsFunc(out, func(n near) bool { return n.word == id }) {
					out = append(out, near{id, d})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), strings.Compare(ix.voc.words[a.word], ix.voc.words[b.word]))
	})
	return out[:min(len(out), maxNear)]
}

// soundKey spells a folded word by its sounds in Latin American Spanish,
// so the spellings people mix up meet: b and v; s, z and soft c; ll and y;
// a silent h; qu, k and hard c; j and soft g; n and m before b or p; and
// doubled letters.
func soundKey(w string) string {
	b := make([]byte, 0, len(w))
	at := func(i int) byte {
		if i < len(w) {
			return w[i]
		}
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := at(i + 1)
		soft := next == 'e' || next == 'i'
		switch c {
		case 'h':
			continue
		case 'v', 'w':
			c = 'b'
		case 'z':
			c = 's'
		case 'c':
			switch {
			case next == 'h':
				c = 'C'
				i++
			case soft:
				c = 's'
			default:
				c = 'k'
			}
		case 'q':
			c = 'k'
			if next == 'u' && (at(i+2) == 'e' || at(i+2) == 'i') {
				i++
			}
		case 'g':
			switch {
			case soft:
				c = 'j'
			case next == 'u' && (at(i+2) == 'e' || at(i+2) == 'i'):
				i++
			}
		case 'l':
			if next == 'l' {
				c = 'y'
				i++
			}
		case 'n':
			if next == 'b' || next == 'p' || next == 'v' {
				c = 'm'
			}
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// Suggest returns indexed words close to the query's unknown words, for a
// "no results" screen: closest first and, at the same distance, words of
// the language the query is written in first, so a Spanish query is not
// offered English words.
func (ix *Index) Suggest(text string, n int) []string {
	q := Parse(text)
	want := uint8(3)
	if lang := ix.guessLang(q.Words); lang != "" {
		want = langBit(lang)
	}
	type cand struct {
		word      int32
		dist      int
		otherLang bool
	}
	var cands []cand
	add := func(id int32, d int) {
		info := ix.voc.info[id]
		if info.langs() == 0 || slices.ContainsFunc(cands, func(c cand) bool { return c.word == id }) {
			return
		}
		cands = append(cands, cand{id, d, info.langs()&want == 0})
	}
	t := ix.tables()
	for _, w := range q.Words {
		if stopwords[w] || len(w) < 3 || ix.voc.wordID(w) >= 0 {
			continue
		}
		for _, c := range ix.nearWords(w) {
			add(c.word, c.dist)
		}
		// Farther words, for a word no typo rule reaches.
		for d := 2; d <= 3 && len(cands) < n; d++ {
			for l := max(len(w)-d, 1); l <= len(w)+d && l < len(t.byLen); l++ {
				for _, id := range t.byLen[l] {
					if boundedDistance(w, ix.voc.words[id], d) == d {
						add(id, d)
					}
				}
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), compareBool(a.otherLang, b.otherLang))
	})
	var out []string
	for _, c := range cands[:min(len(cands), n)] {
		out = append(out, ix.voc.words[c.word])
	}
	return out
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
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
