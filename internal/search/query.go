package search

import (
	"math/bits"
	"slices"
	"strings"

	"defensa/internal/i18n"
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

// reading is one way to read a query word: as typed, or as a word of the
// index it may have meant (a completion, a correction).
type reading struct {
	word   int32    // word id; -1 for a word the index does not know
	stems  [2]int32 // its stems in English and Spanish, -1 where none
	langs  uint8    // the languages it can be read in
	weight float64
}

// queryWord is one word of the query with its readings, the word as typed
// first.
type queryWord struct {
	text     string
	stop     bool
	readings []reading
}

// readQuery reads each word of the query: its own stems, completions of a
// word being typed, and corrections of a word the index does not know. A
// word the index does not know but whose stem it has in the query's
// language (lang, or any when "") is a form of a known word ("deportaron",
// "podemos"), not a typo, unless it is no word of that language at all.
func (ix *Index) readQuery(q Query, lang i18n.Lang) []queryWord {
	out := make([]queryWord, len(q.Words))
	for i, w := range q.Words {
		qw := queryWord{text: w, stop: stopwords[w]}
		self := reading{word: ix.voc.wordID(w), stems: ix.voc.stemsOf(w), langs: 3, weight: 1}
		if sw, ok := stopSounds[soundKey(w)]; ok && self.word < 0 && !qw.stop {
			// "nesesito", "aser": a stopword spelled by ear, read as it
			// is meant, so "nesesito un avogado" says "necesito un abogado".
			qw.stop = true
			self.word = ix.voc.wordID(sw)
		}
		if self.word >= 0 && ix.voc.info[self.word].langs() != 0 {
			self.langs = ix.voc.info[self.word].langs()
		}
		qw.readings = append(qw.readings, self)
		if !qw.stop {
			if q.Partial && i == len(q.Words)-1 && len(w) >= 3 {
				for _, id := range ix.voc.completions(w, 20) {
					qw.readings = append(qw.readings, ix.readingOf(id, weightPrefix))
				}
			}
			switch {
			case self.word >= 0 || len(w) < 3:
			case !ix.inflection(self.stems, lang):
				for _, c := range ix.nearWords(w) {
					weight := weightTypo2
					switch c.dist {
					case 0:
						weight = weightSound
					case 1:
						weight = weightTypo1
					}
					qw.readings = append(qw.readings, ix.readingOf(c.word, weight))
				}
			default:
				// A form of a rare stem is still likelier a typo of a
				// common word one letter away: "lawer" is "lawyer", not
				// a Spanish form of the "Law" in a name.
				if id, ok := ix.commonNeighbour(w, self.stems); ok {
					qw.readings = append(qw.readings, ix.readingOf(id, weightTypo1))
				}
			}
		}
		out[i] = qw
	}
	return out
}

// commonNeighbour finds a word one edit from w (a letter added, dropped,
// changed or swapped) that the guides use ten times more than w's own
// stems. It looks each edit up in the vocabulary, so it needs none of the
// typo tables.
func (ix *Index) commonNeighbour(w string, stems [2]int32) (int32, bool) {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	try := func(v string) (int32, bool) {
		if id := ix.voc.wordID(v); id >= 0 && ix.muchCommoner(id, stems) {
			return id, true
		}
		return -1, false
	}
	for i := 0; i <= len(w); i++ {
		for _, c := range []byte(letters) {
			if id, ok := try(w[:i] + string(c) + w[i:]); ok {
				return id, true
			}
			if i < len(w) && w[i] != c {
				if id, ok := try(w[:i] + string(c) + w[i+1:]); ok {
					return id, true
				}
			}
		}
		if i < len(w) {
			if id, ok := try(w[:i] + w[i+1:]); ok {
				return id, true
			}
		}
		if i+1 < len(w) {
			if id, ok := try(w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]); ok {
				return id, true
			}
		}
	}
	return -1, false
}

// muchCommoner reports whether the word id's stems are used by ten times
// more sections than any of stems.
func (ix *Index) muchCommoner(id int32, stems [2]int32) bool {
	own := 0
	for _, st := range stems {
		own = max(own, ix.post.df(st))
	}
	for _, st := range ix.voc.readStems(id) {
		if ix.post.df(st) >= 10*max(own, 1) {
			return true
		}
	}
	return false
}

// inflection reports whether stems has a stem the guides of lang (of any
// language when "") use.
func (ix *Index) inflection(stems [2]int32, lang i18n.Lang) bool {
	for li, st := range stems {
		if (lang == "" || langIndex(lang) == li) && ix.post.df(st) > 0 {
			return true
		}
	}
	return false
}

func (ix *Index) readingOf(id int32, weight float64) reading {
	info := ix.voc.info[id]
	r := reading{word: id, stems: ix.voc.readStems(id), langs: info.langs(), weight: weight}
	if r.langs == 0 {
		r.langs = 3
	}
	return r
}

// expand turns the query's words into groups: each content word's stems
// (through all its readings), then the synonyms of the phrases the query
// contains.
func (ix *Index) expand(words []queryWord) []group {
	var groups []group
	found := make([]bool, len(words)) // the word itself is in some guide
	content := false
	for i, qw := range words {
		if qw.stop {
			continue
		}
		content = true
		var alts []alt
		for _, r := range qw.readings {
			alts = ix.appendStems(alts, r.stems, r.weight)
		}
		if len(alts) > 0 {
			groups = append(groups, group{phrases: [][][]alt{{alts}}, concept: i, concepts: 1 << (i % maxConcepts), own: true})
			found[i] = true
		}
	}
	matches := make([]synMatch, 0, 8)
	for si, syn := range ix.synonyms {
		if at, n, weight := ix.matchGroup(syn, words, content); at >= 0 {
			matches = append(matches, synMatch{si, at, n, weight})
		}
	}
	// A phrase inside a longer phrase of another line means what the
	// longer one means: "release" in "press release" is no bond.
	kept := matches[:0]
	for _, m := range matches {
		if !slices.ContainsFunc(matches, func(o synMatch) bool { return o.within(m) }) {
			kept = append(kept, m)
		}
	}
	for _, m := range kept {
		syn, at, n, weight := ix.synonyms[m.line], m.at, m.n, m.weight
		alone := true
		for _, f := range found[at : at+n] {
			alone = alone && !f
		}
		// Each phrase that reaches stems not yet searched for is one more
		// way to say it; phrases that stem alike ("arrested", "arrest")
		// or that the query's own words already search for are left out.
		var covered []int32
		for i := range groups {
			if g := &groups[i]; g.own && g.concept >= at && g.concept < at+n {
				g.eachAlt(func(a *alt) { covered = append(covered, a.stem) })
			}
		}
		w := weight * weightSynonym
		if contentWords(words[at:at+n]) >= 2 {
			// A phrase of several words is surer of its meaning than a
			// word alone ("picked up", "se llevaron" against "hold").
			w = weight * weightSynonymPhrase
		}
		if alone {
			// They stand in for a word no guide has ("marido").
			w = weight * weightSynonymAlone
		}
		// The line stands for the phrase's first content word, so
		// "was taken" and "taken" are one word of the query.
		concept := at
		for concept < at+n-1 && words[concept].stop {
			concept++
		}
		line := group{concept: concept}
		for c := at; c < at+n; c++ {
			if !words[c].stop {
				line.concepts |= 1 << (c % maxConcepts)
			}
		}
		for _, phrase := range syn.searched() {
			if ix.phraseIn(phrase, words) {
				continue
			}
			var terms [][]alt
			fresh := false
			for _, id := range phrase {
				if ix.voc.info[id].stop() {
					continue
				}
				alts := ix.appendStems(nil, ix.voc.readStems(id), w)
				if len(alts) == 0 {
					terms = nil // a word no guide has: the phrase cannot match
					break
				}
				for _, a := range alts {
					if !slices.Contains(covered, a.stem) {
						fresh = true
					}
				}
				terms = append(terms, alts)
			}
			if fresh && len(terms) > 0 {
				for _, t := range terms {
					for _, a := range t {
						covered = append(covered, a.stem)
					}
				}
				line.phrases = append(line.phrases, terms)
			}
		}
		if len(line.phrases) > 0 {
			if syn.match < len(syn.phrases) {
				// A line that goes one way names, on its left, words
				// the guides say with its right ("my husband" is "the
				// person"): the query's own word there tells no more
				// than the words it stands for, however rare it is.
				var most float64
				line.eachAlt(func(a *alt) { most = max(most, a.idf) })
				for i := range groups {
					if g := &groups[i]; g.own && g.concepts&line.concepts != 0 {
						g.eachAlt(func(a *alt) { a.idf = min(a.idf, most) })
					}
				}
			}
			groups = append(groups, line)
		}
	}
	return groups
}

func contentWords(words []queryWord) int {
	n := 0
	for _, w := range words {
		if !w.stop {
			n++
		}
	}
	return n
}

// synMatch is a line of the synonym list found in the query.
type synMatch struct {
	line, at, n int
	weight      float64
}

// within reports whether m lies inside o and o is longer.
func (o synMatch) within(m synMatch) bool {
	return o.n > m.n && o.at <= m.at && m.at+m.n <= o.at+o.n
}

// matchGroup finds the phrase of a synonym line that the query contains,
// best match first: where it starts, how many words it spans and how
// surely it matched (the weights of the readings it took). A phrase of
// stopwords only ("que hago", "what do I do") counts only in a query with
// no other words.
func (ix *Index) matchGroup(syn synGroup, words []queryWord, content bool) (at, n int, weight float64) {
	at = -1
	for _, phrase := range syn.phrases[:syn.match] {
		stopOnly := true
		for _, id := range phrase {
			stopOnly = stopOnly && ix.voc.info[id].stop()
		}
		if stopOnly && content {
			continue
		}
		for i := 0; i+len(phrase) <= len(words); i++ {
			w := 1.0
			for j, id := range phrase {
				w *= ix.matchWord(id, words[i+j])
				if w == 0 {
					break
				}
			}
			if w > weight {
				at, n, weight = i, len(phrase), w
			}
		}
	}
	return at, n, weight
}

// matchWord tells how well a word of the synonym list matches a query
// word: the weight of the best reading that is that word or shares its
// stem in a language both can be read in; 0 for none. Stopwords must be
// typed as they are.
func (ix *Index) matchWord(id int32, qw queryWord) float64 {
	info := ix.voc.info[id]
	best := 0.0
	for _, r := range qw.readings {
		if r.weight <= best {
			continue
		}
		if r.word == id {
			best = r.weight
			continue
		}
		if info.stop() || qw.stop {
			continue
		}
		langs := info.langs()
		if langs == 0 {
			langs = 3
		}
		langs &= r.langs
		for li := range 2 {
			if langs&(1<<li) != 0 && r.stems[li] >= 0 && r.stems[li] == info.stems[li] {
				best = r.weight
			}
		}
	}
	return best
}

// phraseIn reports whether the query contains the phrase word for word.
func (ix *Index) phraseIn(phrase []int32, words []queryWord) bool {
outer:
	for i := 0; i+len(phrase) <= len(words); i++ {
		for j, id := range phrase {
			if words[i+j].readings[0].word != id {
				continue outer
			}
		}
		return true
	}
	return false
}

// appendStems adds the stems a word is read with. A word counts as rare or
// common by its sections in both languages together: English "family" in
// the tags of a few Spanish guides is not a rare Spanish word.
func (ix *Index) appendStems(g []alt, stems [2]int32, weight float64) []alt {
	df := ix.post.df(stems[0]) + ix.post.df(stems[1])
	for _, st := range stems {
		if st >= 0 && ix.post.df(st) > 0 {
			g = appendAlt(g, alt{st, weight, ix.idf(df)})
		}
	}
	return g
}

// appendAlt adds a, keeping the higher weight when the stem is there already.
func appendAlt(g []alt, a alt) []alt {
	for i := range g {
		if g[i].stem == a.stem {
			if a.weight > g[i].weight {
				g[i] = a
			}
			return g
		}
	}
	return append(g, a)
}

// phraseIDs turns quoted phrases into word ids; a word the corpus lacks
// becomes -1, which no section contains.
func (ix *Index) phraseIDs(phrases [][]string) [][]int32 {
	out := make([][]int32, len(phrases))
	for i, p := range phrases {
		for _, w := range p {
			out[i] = append(out[i], ix.voc.wordID(w))
		}
	}
	return out
}

func containsIDs(words, seq []int32) bool {
	if len(seq) == 0 || len(seq) > len(words) {
		return false
	}
	for i := 0; i+len(seq) <= len(words); i++ {
		if words[i] == seq[0] && slices.Equal(words[i:i+len(seq)], seq) {
			return true
		}
	}
	return false
}

func containsPhrases(words []int32, phrases [][]int32) bool {
	for _, p := range phrases {
		if !containsIDs(words, p) {
			return false
		}
	}
	return true
}

// queryPairs marks, in a table by stem, which of the query's own words
// (by their order, at most 64) each stem reads, so adjacentPairs can
// test a pair of neighbours with two look-ups. It returns how many own
// words there are; with fewer than two there is no pair.
func queryPairs(groups []group, sc *scratch, stems int) int {
	if cap(sc.pairs) < stems {
		sc.pairs = make([]uint64, stems)
	}
	sc.pairs = sc.pairs[:stems]
	clear(sc.pairs)
	k := 0
	for i := range groups {
		if !groups[i].own || k == 64 {
			continue
		}
		bit := uint64(1) << k
		groups[i].eachAlt(func(a *alt) { sc.pairs[a.stem] |= bit })
		k++
	}
	return k
}

// adjacentPairs counts the query's pairs of consecutive own words whose
// words stand together in a section, stopwords aside ("carta de apoyo"
// for "cartas apoyo"), in the section's language li.
func (ix *Index) adjacentPairs(words []int32, own []uint64, li int) int {
	var found uint64
	var prev uint64
	for _, id := range words {
		info := ix.voc.info[id]
		if info.stop() {
			continue
		}
		var cur uint64
		if st := info.stems[li]; st >= 0 {
			cur = own[st]
		}
		// Word k of the query before word k+1.
		found |= prev & (cur >> 1)
		prev = cur
	}
	return bits.OnesCount64(found)
}

// asksQuestion reports whether a query asks something ("do I have to open
// the door", "¿tengo que abrir?") rather than names it ("press release"):
// only a question is answered by a question heading.
func asksQuestion(text string, words []string) bool {
	if strings.ContainsAny(text, "?¿") {
		return true
	}
	for i, w := range words {
		if questionWords[w] || i == 0 && questionOpeners[w] {
			return true
		}
	}
	return false
}

var (
	// questionWords ask wherever they stand.
	questionWords = setOf("how what why when where who which whom como cuando donde quien quienes cual cuales cuanto cuanta cuantos cuantas")
	// questionOpeners ask when they open the query ("can they...", "que hago").
	questionOpeners = setOf("can could do does did should is are will would may must am que puedo puede pueden debo debe tengo tiene hay es organizing organize organizar organizamos planning planear")
)

// definitionCues are the ways people ask what a word means.
var definitionCues = [][]string{
	{"what", "is"}, {"what", "does"}, {"what", "are"}, {"meaning"}, {"define"}, {"definition"},
	{"que", "es"}, {"que", "son"}, {"que", "significa"}, {"significado"}, {"definicion"}, {"glosario"}, {"glossary"},
}

func asksDefinition(words []string) bool {
	for _, cue := range definitionCues {
		if containsSeq(words, cue) {
			return true
		}
	}
	return false
}

func containsSeq(words, seq []string) bool {
	if len(seq) == 0 || len(seq) > len(words) {
		return false
	}
outer:
	for i := 0; i+len(seq) <= len(words); i++ {
		for j := range seq {
			if words[i+j] != seq[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

// guessLang tells which language a query is written in, from the words only
// one language's guides use; "" when it cannot tell.
func (ix *Index) guessLang(words []string) i18n.Lang {
	en, es := 0, 0
	for _, w := range words {
		if id := ix.voc.wordID(w); id >= 0 {
			switch ix.voc.info[id].langs() {
			case 1:
				en++
			case 2:
				es++
			}
		}
		if stopwords[w] {
			// Stopwords are not indexed; count the obvious ones.
			if spanishStop[w] {
				es++
			} else if englishStop[w] {
				en++
			}
		}
	}
	switch {
	case es > en:
		return i18n.Spanish
	case en > es:
		return i18n.English
	}
	return ""
}

var (
	spanishStop = setOf("el la los las lo un una y de del que en por para con mi mis su sus esta como puede pueden puedo hago cuando donde me le les nos se ya muy hay")
	englishStop = setOf("the an and of to in for with my your is are can they what when where how do does i me we our it this that")
)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
