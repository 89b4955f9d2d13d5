package search

import (
	"cmp"
	"slices"

	"defensa/internal/i18n"
)

// Options narrow and shape a search.
type Options struct {
	Lang   i18n.Lang // only this language; "" for all
	Prefer i18n.Lang // rank this language a little higher when Lang is ""
	Limit  int       // at most this many results; 0 means 20
	// PerGuide caps how many sections of one guide are listed; 0 means 2.
	PerGuide int
}

// Result is one matching section.
type Result struct {
	ID      string    `json:"id"`
	Lang    i18n.Lang `json:"lang"`
	Title   string    `json:"title"`
	Heading string    `json:"heading"` // "" for the top of the guide
	Anchor  string    `json:"anchor"`
	Score   float64   `json:"score"`
	Snippet Snippet   `json:"snippet"`
}

// Weights of words that are not the query's own.
const (
	weightSynonym = 0.6
	weightPrefix  = 0.7
	weightTypo1   = 0.6
	weightTypo2   = 0.4
	phraseBonus   = 0.25
	preferBonus   = 2.0
	guideShare    = 1.0
	// definitionBoost lifts glossary entries for "what is ..." questions,
	// undoing glossaryBoost and more.
	definitionBoost = 2.0
)

// alt is one way a query word can match: a stem and how much a match counts.
type alt struct {
	stem   int32
	weight float64
}

type scored struct {
	unit  int32
	score float64
}

// rescoreDepth is how many of the best sections get the (costlier) phrase
// bonus before the final order is settled.
const rescoreDepth = 100

// Search runs a query (see Parse) and returns the best sections, best first.
func (ix *Index) Search(text string, opt Options) []Result {
	q := Parse(text)
	if q.Empty() || len(ix.units) == 0 {
		return nil
	}
	if opt.Limit <= 0 {
		opt.Limit = 20
	}
	if opt.PerGuide <= 0 {
		opt.PerGuide = 2
	}
	if guess := ix.guessLang(q.Words); guess != "" {
		opt.Prefer = guess
	}
	groups := ix.expand(q)
	if len(groups) == 0 {
		return nil
	}
	defining := asksDefinition(q.Words)
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	sc.reset(len(ix.units))
	scores, matched, best, touched := sc.scores, sc.matched, sc.best, sc.touched[:0]
	for _, g := range groups {
		touched = touched[:0]
		for _, a := range g {
			ps := ix.postings[a.stem]
			idf := ix.idf(len(ps))
			for _, p := range ps {
				if s := a.weight * ix.bm25(p, idf); s > best[p.unit] {
					if best[p.unit] == 0 {
						touched = append(touched, p.unit)
					}
					best[p.unit] = s
				}
			}
		}
		for _, u := range touched {
			scores[u] += best[u]
			matched[u]++
			best[u] = 0
		}
	}
	required := countRequired(groups)
	phrases := ix.phraseIDs(q.Phrases)
	var ranked []scored
	for i, s := range scores {
		if s == 0 {
			continue
		}
		u := int32(i)
		un := &ix.units[u]
		if opt.Lang != "" && un.lang != opt.Lang {
			continue
		}
		if !containsPhrases(un.words, phrases) {
			continue
		}
		// What the whole guide is about (its title, tags and summary)
		// speaks for each of its sections.
		if un.first != u {
			s += guideShare * scores[un.first]
		}
		// Sections that match more of the query's words come first.
		s *= 0.4 + 0.6*float64(min(int(matched[u]), required))/float64(required)
		s *= un.boost
		if un.glossary && defining {
			s *= definitionBoost
		}
		if opt.Lang == "" && opt.Prefer != "" && un.lang == opt.Prefer {
			s *= preferBonus
		}
		ranked = append(ranked, scored{u, s})
	}
	sortScored(ranked)
	// Words that stand together in the section as in the query: a bonus,
	// worked out only for the sections that can still make the list.
	pairs := ix.queryPairs(q.Words)
	if len(pairs) > 0 {
		for i := range ranked[:min(len(ranked), rescoreDepth)] {
			if matched[ranked[i].unit] >= 2 {
				ranked[i].score *= 1 + phraseBonus*float64(adjacentPairs(ix.units[ranked[i].unit].words, pairs))
			}
		}
		sortScored(ranked)
	}
	sc.touched = touched
	return ix.results(ranked, opt, groups)
}

// scratch is the per-query working memory, reused across queries so a
// search allocates little and the collector stays quiet while people type.
type scratch struct {
	scores, best []float64
	matched      []uint8
	touched      []int32
}

func (s *scratch) reset(n int) {
	if cap(s.scores) < n {
		s.scores, s.best, s.matched = make([]float64, n), make([]float64, n), make([]uint8, n)
		return
	}
	s.scores, s.best, s.matched = s.scores[:n], s.best[:n], s.matched[:n]
	clear(s.scores)
	clear(s.best)
	clear(s.matched)
}

func sortScored(r []scored) {
	slices.SortFunc(r, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.unit, b.unit))
	})
}

// results keeps at most opt.PerGuide sections of each guide, up to
// opt.Limit, and makes their snippets.
func (ix *Index) results(ranked []scored, opt Options, groups [][]alt) []Result {
	count := map[int32]int{}
	var out []Result
	for _, r := range ranked {
		un := &ix.units[r.unit]
		if count[un.first] >= opt.PerGuide {
			continue
		}
		count[un.first]++
		out = append(out, Result{
			ID: un.id, Lang: un.lang, Title: un.title, Heading: un.heading, Anchor: un.anchor,
			Score: r.score, Snippet: ix.snippet(un, groups),
		})
		if len(out) == opt.Limit {
			break
		}
	}
	return out
}

// countRequired is the number of groups that came from the query's own
// words (synonym groups are extras and not required).
func countRequired(groups [][]alt) int {
	n := 0
	for _, g := range groups {
		if len(g) > 0 && g[0].weight > weightSynonym {
			n++
		}
	}
	return max(n, 1)
}

// expand turns the query's words into groups of alternatives: each word's
// English and Spanish stems, near spellings when the word is unknown,
// completions of a word being typed, and synonyms.
func (ix *Index) expand(q Query) [][]alt {
	var groups [][]alt
	for i, w := range q.Words {
		if stopwords[w] {
			continue
		}
		g := ix.wordAlts(w, q.Partial && i == len(q.Words)-1)
		if len(g) > 0 {
			groups = append(groups, g)
		}
	}
	for _, syn := range ix.synonymsOf(q.Words) {
		var g []alt
		for _, w := range syn {
			if stopwords[w] {
				continue
			}
			for _, lang := range i18n.Langs {
				if st := ix.stemID(w, lang); st >= 0 {
					g = appendAlt(g, alt{st, weightSynonym})
				}
			}
		}
		if len(g) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

func (ix *Index) wordAlts(w string, partial bool) []alt {
	var g []alt
	for _, lang := range i18n.Langs {
		if st := ix.stemID(w, lang); st >= 0 && len(ix.postings[st]) > 0 {
			g = appendAlt(g, alt{st, 1})
		}
	}
	for _, st := range ix.wordStems(w) {
		g = appendAlt(g, alt{st, 1})
	}
	if partial && len(w) >= 3 {
		for _, cand := range ix.completions(w, 20) {
			for _, st := range ix.wordStems(cand) {
				g = appendAlt(g, alt{st, weightPrefix})
			}
		}
	}
	if len(g) == 0 && len(w) >= 4 {
		for _, c := range ix.nearWords(w) {
			weight := weightTypo1
			if c.dist > 1 {
				weight = weightTypo2
			}
			for _, st := range ix.wordStems(c.word) {
				g = appendAlt(g, alt{st, weight})
			}
		}
	}
	return g
}

// appendAlt adds a, keeping the higher weight when the stem is there already.
func appendAlt(g []alt, a alt) []alt {
	for i := range g {
		if g[i].stem == a.stem {
			g[i].weight = max(g[i].weight, a.weight)
			return g
		}
	}
	return append(g, a)
}

// synonymsOf returns the phrases of every synonym group one of whose
// phrases appears in words, except the phrase that appeared.
func (ix *Index) synonymsOf(words []string) [][]string {
	var out [][]string
	for _, group := range ix.synonyms {
		hit := -1
		for i, phrase := range group {
			if containsSeq(words, phrase) {
				hit = i
				break
			}
		}
		if hit < 0 {
			continue
		}
		for i, phrase := range group {
			if i != hit {
				out = append(out, phrase)
			}
		}
	}
	return out
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

// phraseIDs turns quoted phrases into word ids; a word the corpus lacks
// becomes -1, which no section contains.
func (ix *Index) phraseIDs(phrases [][]string) [][]int32 {
	out := make([][]int32, len(phrases))
	for i, p := range phrases {
		for _, w := range p {
			id, ok := ix.wordIDs[w]
			if !ok {
				id = -1
			}
			out[i] = append(out[i], id)
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

// queryPairs lists the pairs of consecutive query words (stopwords aside)
// that the corpus knows, as word ids.
func (ix *Index) queryPairs(query []string) [][2]int32 {
	var content []int32
	for _, w := range query {
		if stopwords[w] {
			continue
		}
		id, ok := ix.wordIDs[w]
		if !ok {
			id = -1
		}
		content = append(content, id)
	}
	var pairs [][2]int32
	for i := 0; i+1 < len(content); i++ {
		if content[i] >= 0 && content[i+1] >= 0 {
			pairs = append(pairs, [2]int32{content[i], content[i+1]})
		}
	}
	return pairs
}

// adjacentPairs counts the query's pairs that stand together in words.
func adjacentPairs(words []int32, pairs [][2]int32) int {
	n := 0
	for _, p := range pairs {
		for i := 0; i+1 < len(words); i++ {
			if words[i] == p[0] && words[i+1] == p[1] {
				n++
				break
			}
		}
	}
	return n
}

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
