package search

import (
	"compress/flate"
	"io"
	"slices"
	"strings"
	"sync"

	"defensa/internal/i18n"
)

// vocabulary holds the folded words of the corpus and of the synonym list,
// sorted, and the stems of each language, sorted. A word's id is its place
// in words; a stem's id is its place in stems[0] (English) or
// len(stems[0]) plus its place in stems[1] (Spanish), so the two languages
// never share a stem: Spanish "calle" and English "call" stay apart.
type vocabulary struct {
	words []string
	info  []wordInfo
	stems [2][]string
}

// wordInfo is what the index knows about a word.
type wordInfo struct {
	stems [2]int32 // its stem id in English and Spanish; -1 where it has none
	flags uint8    // langs bits (which guides' languages use it), wordStop
}

const wordStop uint8 = 1 << 2 // a stopword: never stemmed nor counted

func (w wordInfo) langs() uint8 { return w.flags & 3 }
func (w wordInfo) stop() bool   { return w.flags&wordStop != 0 }

// wordID returns the id of a folded word, or -1.
func (v *vocabulary) wordID(w string) int32 {
	if i, ok := slices.BinarySearch(v.words, w); ok {
		return int32(i)
	}
	return -1
}

// stemID returns the id of a stem in language li, or -1.
func (v *vocabulary) stemID(s string, li int) int32 {
	i, ok := slices.BinarySearch(v.stems[li], s)
	if !ok {
		return -1
	}
	if li == 1 {
		i += len(v.stems[0])
	}
	return int32(i)
}

func (v *vocabulary) stemCount() int { return len(v.stems[0]) + len(v.stems[1]) }

// stemLang is the language index a stem id belongs to.
func (v *vocabulary) stemLang(st int32) int {
	if int(st) >= len(v.stems[0]) {
		return 1
	}
	return 0
}

// stemsOf returns the stems of a folded word in each language: for a word
// of the corpus, its stems in the languages whose guides use it (Spanish
// "calle" is not read as English "call"); for any other word, the
// stemmer's in both. A stem the index does not know is -1.
func (v *vocabulary) stemsOf(w string) [2]int32 {
	if id := v.wordID(w); id >= 0 {
		return v.readStems(id)
	}
	if stopwords[w] {
		return [2]int32{-1, -1}
	}
	var out [2]int32
	for li, lang := range i18n.Langs {
		out[li] = v.stemID(stem(w, lang), li)
	}
	return out
}

// readStems returns the stems a word is read with: in the languages whose
// guides use it, or in both for a word of the synonym list only.
func (v *vocabulary) readStems(id int32) [2]int32 {
	info := v.info[id]
	out := info.stems
	for li := range out {
		if langs := info.langs(); langs != 0 && langs&(1<<li) == 0 {
			out[li] = -1
		}
	}
	return out
}

// completions returns up to n indexed words that begin with prefix and are
// longer than it, shortest first.
func (v *vocabulary) completions(prefix string, n int) []int32 {
	i, _ := slices.BinarySearch(v.words, prefix)
	var out []int32
	for ; i < len(v.words) && strings.HasPrefix(v.words[i], prefix); i++ {
		if len(v.words[i]) > len(prefix) && len(v.words[i]) <= len(prefix)+12 && v.info[i].langs() != 0 {
			out = append(out, int32(i))
		}
	}
	slices.SortStableFunc(out, func(a, b int32) int { return len(v.words[a]) - len(v.words[b]) })
	return out[:min(len(out), n)]
}

// postingLists holds, for each stem, the sections containing it with their
// weighted term counts, varint-encoded in one string: for stem s,
// data[at[s]:at[s+1]] is the count of sections, then for each, the gap
// from the previous unit and the count in quarters. A loaded index keeps
// the loaded bytes; nothing is decoded until a query asks for the stem.
type postingLists struct {
	data string
	at   []uint32
}

// df returns how many sections contain stem st.
func (p *postingLists) df(st int32) int {
	if st < 0 || int(st)+1 >= len(p.at) {
		return 0
	}
	n, _ := uvarint(p.data, int(p.at[st]))
	return int(n)
}

// postingReader walks one stem's postings.
type postingReader struct {
	data      string
	pos, end  int
	unit      int32
	remaining int
}

func (p *postingLists) reader(st int32) postingReader {
	if st < 0 || int(st)+1 >= len(p.at) {
		return postingReader{}
	}
	start, end := int(p.at[st]), int(p.at[st+1])
	n, pos := uvarint(p.data, start)
	return postingReader{data: p.data, pos: pos, end: end, unit: -1, remaining: int(n)}
}

// next returns the next section and its term count; ok is false at the end.
func (r *postingReader) next() (unit int32, tf float64, ok bool) {
	if r.remaining == 0 {
		return 0, 0, false
	}
	r.remaining--
	gap, pos := uvarint(r.data, r.pos)
	q, pos := uvarint(r.data, pos)
	r.pos = pos
	r.unit += int32(gap) + 1
	return r.unit, float64(q) / tfScale, true
}

// unitWords holds each section's words in order (heading first), as
// varint word ids in one string, for phrases and for words that stand
// together. Sections are decoded one at a time, only for the best matches.
type unitWords struct {
	wordData string   // frequency ranks (see frequencyRanks), not ids
	wordAt   []uint32 // by unit; one more at the end
	// wordPacked is wordData compressed, as a loaded index has it until a
	// query first needs a section's words.
	wordPacked string
	unpack     sync.Once
	byRank     []int32 // the word id of each rank
	rank       []int32 // the rank of each word id (kept by Build only)
	// The number of words on each line of a unit's text, likewise.
	lineData string
	lineAt   []uint32
}

// words returns the sections' words, unpacking them once.
func (w *unitWords) words() string {
	w.unpack.Do(func() {
		if w.wordPacked == "" {
			return
		}
		b, err := io.ReadAll(flate.NewReader(strings.NewReader(w.wordPacked)))
		if err == nil && len(b) == int(w.wordAt[len(w.wordAt)-1]) {
			w.wordData = string(b)
		}
		w.wordPacked = ""
	})
	return w.wordData
}

// linesOf decodes unit u's words per line into buf.
func (w *unitWords) linesOf(u int32, buf []int32) []int32 {
	buf = buf[:0]
	for pos, end := int(w.lineAt[u]), int(w.lineAt[u+1]); pos < end; {
		var n uint64
		n, pos = uvarint(w.lineData, pos)
		buf = append(buf, int32(n))
	}
	return buf
}

// wordsOf decodes unit u's word ids into buf.
func (w *unitWords) wordsOf(u int32, buf []int32) []int32 {
	buf = buf[:0]
	data := w.words()
	for pos, end := int(w.wordAt[u]), min(int(w.wordAt[u+1]), len(data)); pos < end; {
		var r uint64
		r, pos = uvarint(data, pos)
		if r < uint64(len(w.byRank)) { // checked at load; never trust an index
			buf = append(buf, w.byRank[r])
		}
	}
	return buf
}

// uvarint decodes the unsigned varint at s[pos:] and returns it with the
// position after it. The data was checked when the index was loaded.
func uvarint(s string, pos int) (uint64, int) {
	var x uint64
	var shift uint
	for pos < len(s) {
		b := s[pos]
		pos++
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x, pos
		}
		shift += 7
	}
	return x, pos
}

func appendUvarint(b []byte, x uint64) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}
