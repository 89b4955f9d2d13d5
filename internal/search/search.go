package search

import (
	"cmp"
	"math/bits"
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

// Weights of words that are not the query's own, and of how a section
// stands to the query.
const (
	weightSynonym = 0.6
	// weightSynonymAlone is a synonym's weight when the user's own word is
	// in no guide ("marido"): the synonyms are then all there is.
	weightSynonymAlone = 0.8
	// weightSynonymPhrase is a synonym's weight when the query held a
	// phrase of the line of two words or more.
	weightSynonymPhrase = 0.9
	weightPrefix        = 0.7
	weightSound         = 0.8 // spelled as it sounds: "avogado"
	weightTypo1         = 0.6
	weightTypo2         = 0.4
	phraseBonus         = 0.25
	preferBonus         = 2.0
	guideShare          = 1.0
	// questionBonus lifts a section whose heading asks the question the
	// query asks: it is the answer, not a mention.
	questionBonus = 0.5
	// headingBonus lifts a section whose heading holds the query's words,
	// by their share of the query.
	headingBonus = 0.3
	// titleBonus lifts every section of a guide whose title says what the
	// query asks ("petition template" and "Petition template: ..."), by
	// the share of the query's words the title holds.
	titleBonus = 1.0
	// inShortBonus lifts the top section of a guide whose title says the
	// query, by the square of the share it says.
	inShortBonus = 0.5
	// templateBoost lifts the guides with text to fill in for a query that
	// names a thing ("carta de apoyo", "call script"): the thing itself.
	// A query that asks how gets the guides that explain.
	templateBoost = 1.2
	// definitionBoost lifts glossary entries for "what is ..." questions,
	// undoing glossaryBoost and more.
	definitionBoost = 2.0
)

// alt is one way a query word can match: a stem and how much a match counts.
type alt struct {
	stem   int32
	weight float64
	idf    float64
}

// group is what one query word, or the synonyms of a phrase of the query,
// add to a section's score: the best of its phrases, a phrase scoring the
// mean of its words, a word the best of its alternatives. The user's own
// word is a group of one phrase of one word; a synonym line is a group of
// its other phrases, so however many of them a section holds, the line
// counts once.
type group struct {
	phrases [][][]alt // phrase, word, alternatives
	concept int       // the query word it stands for
	// concepts are the query words it stands for: its own word, or every
	// content word of the phrase of the query a synonym line matched
	// ("deportacion rapida" is both words).
	concepts uint64
	own      bool // the user's own word, not a synonym
}

// eachAlt calls fn with every alternative of the group.
func (g *group) eachAlt(fn func(a *alt)) {
	for _, p := range g.phrases {
		for _, w := range p {
			for i := range w {
				fn(&w[i])
			}
		}
	}
}

type scored struct {
	unit  int32
	score float64
}

// rescoreDepth is how many of the best sections get the (costlier) bonuses
// that read their words before the final order is settled.
const rescoreDepth = 100

// maxConcepts bounds the query words whose matches are told apart.
const maxConcepts = 64

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
	guess := ix.guessLang(q.Words)
	if guess != "" {
		opt.Prefer = guess
	}
	words := ix.readQuery(q, guess)
	groups := ix.expand(words)
	if len(groups) == 0 {
		return nil
	}
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	sc.reset(len(ix.units))
	ix.score(groups, sc)
	weights := conceptWeights(groups)
	question := asksQuestion(text, q.Words)
	phrases := ix.phraseIDs(q.Phrases)
	defining := asksDefinition(q.Words)
	ranked := sc.ranked[:0]
	for i, s := range sc.scores {
		if s == 0 {
			continue
		}
		u := int32(i)
		un := &ix.units[u]
		if opt.Lang != "" && ix.entry(un).Lang != opt.Lang {
			continue
		}
		if len(phrases) > 0 && !containsPhrases(ix.wordsOf(u, sc.words), phrases) {
			continue
		}
		// What the whole guide is about (its title, tags and summary)
		// speaks for each of its sections.
		mask := sc.concepts[u]
		if un.first != u {
			s += guideShare * sc.scores[un.first]
		}
		// Sections that match more of the query's words come first.
		s *= 0.4 + 0.6*weights.share(mask)
		s *= float64(un.boost) / 100
		if un.flags&unitGlossary != 0 && defining {
			s *= definitionBoost
		}
		if un.flags&unitTemplate != 0 && !question {
			s *= templateBoost
		}
		if opt.Lang == "" && opt.Prefer != "" && ix.entry(un).Lang == opt.Prefer {
			s *= preferBonus
		}
		ranked = append(ranked, scored{u, s})
	}
	// Only the best sections are rescored; the bonuses only raise them,
	// so the rest, sorted only if the list needs them, stay behind.
	top := selectTop(ranked, rescoreDepth)
	sortScored(ranked[:top])
	ix.rescore(ranked[:top], question, queryFrame(q.Words), groups, weights, sc)
	sortScored(ranked[:top])
	sc.ranked = ranked
	return ix.results(ranked, top, opt, groups, sc)
}

// better is the order of sections: higher score, then earlier unit.
func better(a, b scored) bool {
	return a.score > b.score || a.score == b.score && a.unit < b.unit
}

// selectTop moves the k best sections of r to its front, in no order, and
// returns how many that is (quickselect: a search touches every matching
// section, and sorting them all cost more than the rest of a query).
func selectTop(r []scored, k int) int {
	if k >= len(r) {
		return len(r)
	}
	lo, hi := 0, len(r)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		pivot := r[mid]
		r[mid], r[hi] = r[hi], r[mid]
		store := lo
		for i := lo; i < hi; i++ {
			if better(r[i], pivot) {
				r[i], r[store] = r[store], r[i]
				store++
			}
		}
		r[store], r[hi] = r[hi], r[store]
		switch {
		case store == k:
			return k
		case store < k:
			lo = store + 1
		default:
			hi = store - 1
		}
	}
	return k
}

// score adds up each group's best match in every section.
func (ix *Index) score(groups []group, sc *scratch) {
	for _, g := range groups {
		lineTouched := sc.lineTouched[:0]
		for _, p := range g.phrases {
			phraseTouched := sc.phraseTouched[:0]
			share := 1 / float64(len(p))
			for _, w := range p {
				touched := sc.touched[:0]
				for _, a := range w {
					r := ix.post.reader(a.stem)
					for u, tf, ok := r.next(); ok; u, tf, ok = r.next() {
						if s := a.weight * ix.bm25(u, tf, a.idf); s > sc.best[u] {
							if sc.best[u] == 0 {
								touched = append(touched, u)
							}
							sc.best[u] = s
						}
					}
				}
				for _, u := range touched {
					if sc.phrase[u] == 0 {
						phraseTouched = append(phraseTouched, u)
					}
					sc.phrase[u] += share * sc.best[u]
					sc.held[u]++
					sc.best[u] = 0
				}
				sc.touched = touched
			}
			for _, u := range phraseTouched {
				if sc.line[u] == 0 {
					lineTouched = append(lineTouched, u)
				}
				sc.line[u] = max(sc.line[u], sc.phrase[u])
				// Only a section with every word of a phrase says what
				// the phrase says: "deportación" is not "deportación
				// acelerada", so it does not hold the query's "rápida".
				sc.whole[u] = sc.whole[u] || int(sc.held[u]) == len(p)
				sc.phrase[u], sc.held[u] = 0, 0
			}
			sc.phraseTouched = phraseTouched
		}
		for _, u := range lineTouched {
			sc.scores[u] += sc.line[u]
			if sc.whole[u] {
				sc.concepts[u] |= g.concepts
			}
			sc.line[u], sc.whole[u] = 0, false
		}
		sc.lineTouched = lineTouched
	}
}

// rescore applies, to the best sections only, the bonuses that need their
// words: query words standing together as in the query, and a question
// heading that the query's words answer.
func (ix *Index) rescore(top []scored, question bool, asked frame, groups []group, weights conceptWeight, sc *scratch) {
	ownWords := queryPairs(groups, sc, ix.voc.stemCount())
	sc.conceptTable(groups, ix.voc.stemCount())
	titles := map[int32]float64{}
	stems := sc.stemSet(groups, ix.voc.stemCount()) // by guide top: the share of the query its title says
	for i := range top {
		u := top[i].unit
		un := &ix.units[u]
		cover, ok := titles[un.first]
		if !ok {
			cover = weights.share(ix.titleConcepts(un.first, groups, sc))
			// A tag the query holds whole is another name of the guide
			// ("cerrar mi caso" for "cierre mi caso").
			li := langIndex(ix.entry(un).Lang)
			for _, tag := range ix.tags[un.guide] {
				if ix.wholeTag(tag, li, stems) {
					cover = max(cover, weights.share(ix.conceptsIn(tag, li, groups)))
				}
			}
			cover += situationBonus * weights.share(ix.situation(un.first, li, groups, sc))
			titles[un.first] = cover
		}
		top[i].score *= 1 + titleBonus*cover
		if un.top() {
			// A later section has its guide's top added to its own
			// score; the top section (the In short) has only itself.
			// When the title says what the query asks, the In short is
			// where to start.
			top[i].score *= 1 + inShortBonus*cover*cover
		}
		words := ix.wordsOf(u, sc.words)
		sc.words = words
		li := langIndex(ix.entry(un).Lang)
		if ownWords >= 2 && bits.OnesCount64(sc.concepts[u]) >= 2 {
			top[i].score *= 1 + phraseBonus*float64(ix.adjacentPairs(words, sc.pairs, li))
		}
		if !un.top() {
			// A heading that names what the query asks says what the
			// section is for; a question heading, when the query asks a
			// question, is its answer.
			share := weights.share(ix.conceptsIn(words[:un.headLen], li, groups))
			top[i].score *= 1 + headingBonus*share
			if question && un.flags&unitQuestion != 0 {
				top[i].score *= 1 + questionBonus*share
				if asked.same(ix.headingFrame(words[:un.headLen])) {
					top[i].score *= 1 + frameBonus
				}
			}
		}
	}
}

// situationBonus lifts a "Right now" guide whose label the query says
// whole ("ICE took my husband" says "Someone was just detained"): the
// person is in the situation the guide was written for, and its first
// steps come before a guide that covers one of them.
const situationBonus = 0.5

// situation returns the query words that say the "Right now" label of the
// guide whose top section is first, in language li, when they say every
// word of it (two at least); 0 otherwise.
func (ix *Index) situation(first int32, li int, groups []group, sc *scratch) uint64 {
	un := &ix.units[first]
	rn := ix.entry(un).RightNow
	if rn == nil {
		return 0
	}
	// The label's words close the top section's heading, after the title.
	n := int32(countTokens(rn.Label))
	if n > un.headLen {
		return 0
	}
	head := ix.wordsOf(first, sc.words)
	sc.words = head
	var label []int32 // its stems
	for _, id := range head[un.headLen-n : un.headLen] {
		if info := ix.voc.info[id]; !info.stop() {
			label = append(label, info.stems[li])
		}
	}
	if len(label) < 2 {
		return 0
	}
	var mask uint64
	said := true
	for _, st := range label {
		if st < 0 || sc.conceptOf[st] == 0 {
			said = false
			break
		}
		mask |= sc.conceptOf[st]
	}
	if said {
		return mask
	}
	// A synonym phrase may say it whole: "necesito un abogado" is on the
	// line of "buscar un abogado".
	for i := range groups {
		for _, p := range groups[i].phrases {
			if len(p) == len(label) && phraseSays(p, label) {
				return groups[i].concepts
			}
		}
	}
	return 0
}

// phraseSays reports whether the words of phrase, each by one of its
// alternatives, are the stems of label, in order.
func phraseSays(phrase [][]alt, label []int32) bool {
	for j, w := range phrase {
		if !slices.ContainsFunc(w, func(a alt) bool { return a.stem == label[j] }) {
			return false
		}
	}
	return true
}

// titleConcepts returns the query words (or their synonyms) that the title
// of the guide whose top section is first holds.
func (ix *Index) titleConcepts(first int32, groups []group, sc *scratch) uint64 {
	un := &ix.units[first]
	title := ix.wordsOf(first, sc.words)[:un.headLen]
	sc.words = title
	return ix.conceptsIn(title, langIndex(ix.entry(un).Lang), groups)
}

// wholeTag reports whether every word of a tag of two words or more (in
// language li) is one of the query's stems.
func (ix *Index) wholeTag(tag []int32, li int, stems []bool) bool {
	n := 0
	for _, id := range tag {
		info := ix.voc.info[id]
		if info.stop() {
			continue
		}
		if st := info.stems[li]; st < 0 || !stems[st] {
			return false
		}
		n++
	}
	return n >= 2
}

// conceptsIn returns the query words (or their synonyms) that words, of a
// section in language li, hold.
func (ix *Index) conceptsIn(words []int32, li int, groups []group) uint64 {
	var mask uint64
	for i := range groups {
		g := &groups[i]
		if mask&g.concepts == g.concepts {
			continue
		}
		g.eachAlt(func(a *alt) {
			for _, id := range words {
				if ix.voc.info[id].stems[li] == a.stem {
					mask |= g.concepts
				}
			}
		})
	}
	return mask
}

// conceptWeight weighs each query word by how rare it is, so the share of
// the query a section or a title holds is not a count: "brother" and
// "picked up" say more than "ICE". A word the user typed weighs as its
// surest reading; the words of its synonym line count too (they mark the
// words people use for what the guides are about), by the rarity of the
// line's phrases on average and at most, so one rare way to say it
// ("caught" on the line of "took") does not make "can they take my phone"
// weigh as a detention.
type conceptWeight [maxConcepts]float64

func conceptWeights(groups []group) conceptWeight {
	var w conceptWeight
	for i := range groups {
		g := &groups[i]
		c := g.concept % maxConcepts
		if g.own {
			w[c] = max(w[c], surestIDF(g))
		} else {
			w[c] = max(w[c], lineIDF(g))
		}
		for m := g.concepts; m != 0; m &= m - 1 {
			if c := bits.TrailingZeros64(m); w[c] == 0 {
				w[c] = w[g.concept%maxConcepts] // a word the guides lack, met only through its phrase
			}
		}
	}
	return w
}

// surestIDF is the idf of the user's word as it was most surely meant: the
// word itself, or a misspelled word's best reading, not its rarest guess.
func surestIDF(g *group) float64 {
	best, idf := 0.0, 0.0
	g.eachAlt(func(a *alt) {
		switch {
		case a.weight > best:
			best, idf = a.weight, a.idf
		case a.weight == best:
			idf = max(idf, a.idf)
		}
	})
	return idf
}

// lineIDF is the rarity of a synonym line's phrases (each by its rarest
// word): half their mean, half their most.
func lineIDF(g *group) float64 {
	var sum, most float64
	for _, p := range g.phrases {
		rarest := 0.0
		for _, w := range p {
			for _, a := range w {
				rarest = max(rarest, a.idf)
			}
		}
		sum += rarest
		most = max(most, rarest)
	}
	if len(g.phrases) == 0 {
		return 0
	}
	return 0.5*sum/float64(len(g.phrases)) + 0.5*most
}

// share returns the weighted share of the query's words in mask.
func (w *conceptWeight) share(mask uint64) float64 {
	var in, all float64
	for _, x := range w {
		all += x
	}
	for ; mask != 0; mask &= mask - 1 {
		in += w[bits.TrailingZeros64(mask)]
	}
	if all == 0 {
		return 0
	}
	return in / all
}

// scratch is the per-query working memory, reused across queries so a
// search allocates little and the collector stays quiet while people type.
type scratch struct {
	scores, best, phrase, line []float64
	held                       []uint8  // by unit: the words of the phrase being scored it holds
	whole                      []bool   // by unit: it holds a whole phrase of the group being scored
	concepts                   []uint64 // by unit: the query words it matched
	touched                    []int32
	phraseTouched, lineTouched []int32
	ranked                     []scored
	words, lines               []int32
	stems                      []bool   // by stem: in the query's groups
	pairs                      []uint64 // by stem: the query's own words it reads
	conceptOf                  []uint64 // by stem: the query words it says alone
}

func (s *scratch) reset(n int) {
	if cap(s.scores) < n {
		s.scores, s.best, s.concepts = make([]float64, n), make([]float64, n), make([]uint64, n)
		s.phrase, s.line = make([]float64, n), make([]float64, n)
		s.held, s.whole = make([]uint8, n), make([]bool, n)
		return
	}
	// best, phrase, line, held and whole are left clear by every query.
	s.scores, s.best, s.concepts = s.scores[:n], s.best[:n], s.concepts[:n]
	s.phrase, s.line = s.phrase[:n], s.line[:n]
	s.held, s.whole = s.held[:n], s.whole[:n]
	clear(s.scores)
	clear(s.concepts)
}

// conceptTable marks, in a reused table by stem, the query words that
// each stem says on its own: the user's words and synonyms of one word
// ("someone" for "my husband"), not a word of a longer phrase ("someone"
// in "get someone out").
func (s *scratch) conceptTable(groups []group, n int) {
	if cap(s.conceptOf) < n {
		s.conceptOf = make([]uint64, n)
	}
	s.conceptOf = s.conceptOf[:n]
	clear(s.conceptOf)
	for i := range groups {
		g := &groups[i]
		for _, p := range g.phrases {
			if len(p) == 1 {
				for _, a := range p[0] {
					s.conceptOf[a.stem] |= g.concepts
				}
			}
		}
	}
}

// stemSet marks the stems of groups in a reused table.
func (s *scratch) stemSet(groups []group, n int) []bool {
	if cap(s.stems) < n {
		s.stems = make([]bool, n)
	}
	s.stems = s.stems[:n]
	clear(s.stems)
	for i := range groups {
		groups[i].eachAlt(func(a *alt) { s.stems[a.stem] = true })
	}
	return s.stems
}

func sortScored(r []scored) {
	slices.SortFunc(r, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.unit, b.unit))
	})
}

// results keeps at most opt.PerGuide sections of each guide, up to
// opt.Limit, and makes their snippets.
func (ix *Index) results(ranked []scored, sorted int, opt Options, groups []group, sc *scratch) []Result {
	count := map[int32]int{}
	var out []Result
	stems := sc.stemSet(groups, ix.voc.stemCount())
	match := ix.matchSet(stems)
	for i, r := range ranked {
		if i == sorted {
			sortScored(ranked[sorted:])
			r = ranked[i]
		}
		un := &ix.units[r.unit]
		if count[un.first] >= opt.PerGuide {
			continue
		}
		count[un.first]++
		g := ix.entry(un)
		heading, anchor := ix.heading(un)
		out = append(out, Result{
			ID: g.ID, Lang: g.Lang, Title: g.Title, Heading: heading, Anchor: anchor,
			Score: r.score, Snippet: ix.snippet(r.unit, match, stems, sc),
		})
		if len(out) == opt.Limit {
			break
		}
	}
	return out
}

// frameBonus lifts a question heading asked the way the query asks ("do I
// have to give my name" and "Do you have to answer questions or show
// ID?", "¿tengo que...?" and "¿Tiene que...?"): it asks the same thing of
// the same person, not only about the same words.
const frameBonus = 0.3

// frame is how a question opens, up to its first word that names
// something, in at most three words.
type frame struct {
	words [3]string
	n     int
}

// askFrame returns how a question opens: "do you have" for "do I have to
// give my name", with the ways to name the reader made one ("I", "we",
// "you") and the verb's person too ("tengo" and "tiene" are "tener").
// word returns the i-th of n words.
func askFrame(n int, word func(i int) string) frame {
	var f frame
	for i := 0; i < n && f.n < len(f.words); i++ {
		w := word(i)
		if !stopwords[w] && !frameWords[w] {
			break
		}
		if one, ok := framePerson[w]; ok {
			w = one
		}
		if w != "" {
			f.words[f.n] = w
			f.n++
		}
	}
	return f
}

// queryFrame returns how the query asks: from its first word, or from a
// question word inside it ("kids scared after dad was taken how to talk
// to them"). "how to" asks as "how do you" does.
func queryFrame(words []string) frame {
	at := 0
	if n := len(words); n > 0 && !stopwords[words[0]] && !frameWords[words[0]] {
		at = slices.IndexFunc(words, func(w string) bool { return whWords[w] })
		if at < 0 {
			return frame{}
		}
	}
	words = words[at:]
	if len(words) >= 2 && words[0] == "how" && words[1] == "to" {
		words = append([]string{"how", "do", "you"}, words[2:]...)
	}
	return askFrame(len(words), func(i int) string { return words[i] })
}

var whWords = setOf("how what why when where who which como que cuando donde quien cual")

// same reports whether two frames of two words or more open alike.
func (f frame) same(g frame) bool {
	n := min(f.n, g.n)
	return n >= 2 && slices.Equal(f.words[:n], g.words[:n])
}

// headingFrame returns how a heading (its word ids) opens.
func (ix *Index) headingFrame(heading []int32) frame {
	return askFrame(len(heading), func(i int) string { return ix.voc.words[heading[i]] })
}

var (
	// frameWords open questions without being stopwords.
	frameWords = setOf("should must may might debo debe deben debemos")
	// framePerson makes one the ways to name the reader and the persons
	// of a verb; "" drops the word (an object pronoun: "¿me pueden...?").
	framePerson = map[string]string{
		"i": "you", "we": "you", "you": "you", "u": "you",
		"tengo": "tener", "tiene": "tener", "tienen": "tener", "tenemos": "tener", "tienes": "tener",
		"puedo": "poder", "puede": "poder", "pueden": "poder", "podemos": "poder",
		"debo": "deber", "debe": "deber", "deben": "deber", "debemos": "deber",
		"lo": "", "la": "", "le": "", "les": "", "me": "", "nos": "", "se": "", "te": "",
	}
)
