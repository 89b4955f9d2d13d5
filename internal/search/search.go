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
	stem   string
	weight float64
}

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
	scores := make(map[int32]float64)
	matched := make(map[int32]int)
	for _, g := range groups {
		best := map[int32]float64{}
		for _, a := range g {
			ps := ix.postings[a.stem]
			idf := ix.idf(len(ps))
			for _, p := range ps {
				if s := a.weight * ix.bm25(p, idf); s > best[p.unit] {
					best[p.unit] = s
				}
			}
		}
		for u, s := range best {
			scores[u] += s
			matched[u]++
		}
	}
	required := countRequired(groups)
	var out []Result
	for u, s := range scores {
		un := &ix.units[u]
		if opt.Lang != "" && un.lang != opt.Lang {
			continue
		}
		if !containsPhrases(un.words, q.Phrases) {
			continue
		}
		// What the whole guide is about (its title, tags and summary)
		// speaks for each of its sections.
		if un.first != u {
			s += guideShare * scores[un.first]
		}
		// Sections that match more of the query's words come first.
		s *= 0.4 + 0.6*float64(min(matched[u], required))/float64(required)
		if matched[u] >= 2 {
			s *= 1 + phraseBonus*float64(adjacentPairs(un.words, q.Words))
		}
		s *= un.boost
		if un.glossary && defining {
			s *= definitionBoost
		}
		if opt.Lang == "" && opt.Prefer != "" && un.lang == opt.Prefer {
			s *= preferBonus
		}
		out = append(out, Result{ID: un.id, Lang: un.lang, Title: un.title, Heading: un.heading, Anchor: un.anchor, Score: s})
	}
	slices.SortFunc(out, func(a, b Result) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Anchor, b.Anchor))
	})
	out = capPerGuide(out, opt.PerGuide, opt.Limit)
	for i := range out {
		out[i].Snippet = ix.snippet(out[i], groups)
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

func capPerGuide(rs []Result, per, limit int) []Result {
	count := map[string]int{}
	out := rs[:0]
	for _, r := range rs {
		k := string(r.Lang) + "/" + r.ID
		if count[k] >= per {
			continue
		}
		count[k]++
		out = append(out, r)
		if len(out) == limit {
			break
		}
	}
	return out
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
				g = appendAlt(g, alt{ix.stem(w, lang), weightSynonym})
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
		if st := ix.stem(w, lang); ix.postings[st] != nil {
			g = appendAlt(g, alt{st, 1})
		}
	}
	if stems, ok := ix.surface[w]; ok {
		for _, st := range stems {
			g = appendAlt(g, alt{st, 1})
		}
	}
	if partial && len(w) >= 3 {
		for _, cand := range ix.completions(w, 20) {
			for _, st := range ix.surface[cand] {
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
			for _, st := range ix.surface[c.word] {
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

func containsPhrases(words []string, phrases [][]string) bool {
	for _, p := range phrases {
		if !containsSeq(words, p) {
			return false
		}
	}
	return true
}

// adjacentPairs counts pairs of consecutive query words (stopwords aside)
// that also stand together in the section.
func adjacentPairs(words, query []string) int {
	var content []string
	for _, w := range query {
		if !stopwords[w] {
			content = append(content, w)
		}
	}
	n := 0
	for i := 0; i+1 < len(content); i++ {
		if containsSeq(words, content[i:i+2]) {
			n++
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
