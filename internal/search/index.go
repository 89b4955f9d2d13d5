// Package search is defensa's own full-text search: every section of every
// guide, in every language, ranked in the BM25 family, with accent and case
// folding, English and Spanish stemming, a bilingual synonym list and typo
// tolerance. It has no terminal imports.
package search

import (
	"math"
	"sort"
	"strings"
	"sync"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// Field weights: a word in a title or heading says more about a section
// than the same word in its body.
const (
	weightTitle      float32 = 3.0
	weightTitleOther float32 = 1.0 // the guide title, counted again on its later sections
	weightHeading    float32 = 2.5
	weightTags       float32 = 2.5
	weightTagsOther  float32 = 0.5
	weightSummary    float32 = 2.0
	weightBody       float32 = 1.0

	bm25K1 = 1.2
	bm25B  = 0.5

	glossaryBoost = 0.5
	glossaryID    = "reference/glossary"
)

// Index is a search index over a library. It is read-only once built and
// safe for concurrent searches.
//
// Words and stems are interned as small integers: a section keeps its words
// as ids (for phrases), postings are found by stem id, and each word
// remembers its stem in each language, because stemming is the costliest
// step and the same few thousand words recur.
type Index struct {
	units    []unit
	wordIDs  map[string]int32
	words    []word
	stemIDs  map[string]int32
	postings [][]posting      // by stem id: the sections containing it
	byLen    map[int][]string // folded words by length, for typo look-up
	avgLen   float64
	synonyms [][][]string // groups of phrases, each phrase a list of folded words

	stemJobs chan<- stemJob // open only while Build runs
	scratch  sync.Pool      // of *scratch
}

// word is one folded word of the corpus.
type word struct {
	text  string
	langs uint8    // bit set of the languages it appears in
	stems [2]int32 // its stem id in English and Spanish, -1 until seen
	stop  bool     // a stopword: never stemmed nor counted
}

func langIndex(l i18n.Lang) int {
	if l == i18n.Spanish {
		return 1
	}
	return 0
}

// guessLang tells which language a query is written in, from the words only
// one language's guides use; "" when it cannot tell.

type unit struct {
	id, title, heading, anchor string
	lang                       i18n.Lang
	text                       string  // the section's body as plain text, for snippets
	summary                    string  // the guide's summary, on its first section only
	words                      []int32 // word ids of heading and body, in order, for phrases
	length                     float64 // number of words a reader reads
	glossary                   bool    // an entry of the glossary
	first                      int32   // the unit of the guide's top (title, tags, summary)
	headLen                    int32   // words[:headLen] are the heading (the title on the top unit)
	// boost scales the section's score: below 1 for sections that are
	// mostly links to other guides, and for glossary entries.
	boost float64
}

type posting struct {
	unit int32
	tf   float32 // weighted term frequency
}

// Build indexes every guide of lib, in all languages.
//
// It works in three passes: read every section into word ids; stem the
// distinct words, on all cores (stemming is most of the cost); then count
// each section's stems.
func Build(lib *library.Library) *Index {
	ix := &Index{
		wordIDs:  make(map[string]int32, 1<<14),
		stemIDs:  make(map[string]int32, 1<<13),
		byLen:    map[int][]string{},
		synonyms: parseSynonyms(synonymData),
	}
	ix.scratch.New = func() any { return new(scratch) }
	// Stemming runs on the other core while this one reads the guides.
	jobs := make(chan stemJob, 1024)
	ix.stemJobs = jobs
	done := make(chan []stemmed, stemWorkers)
	for range stemWorkers {
		go stemWorker(jobs, done)
	}
	var guides []guideFields
	all := lib.Guides("")
	ix.units = make([]unit, 0, 24*len(all))
	for _, g := range all {
		gf := ix.guideWords(g)
		gf.from = int32(len(ix.units))
		for _, sec := range splitSections(g) {
			ix.readUnit(g, sec)
		}
		gf.to = int32(len(ix.units))
		guides = append(guides, gf)
	}
	close(jobs)
	ix.stemJobs = nil
	for range stemWorkers {
		for _, r := range <-done {
			ix.words[r.id].stems[langIndex(r.lang)] = ix.internStem(r.stem)
		}
	}
	tf := termCounts{weight: make([]float32, len(ix.postings))}
	postings := make([]stemPosting, 0, 64*len(ix.units))
	var total float64
	for _, gf := range guides {
		for u := gf.from; u < gf.to; u++ {
			postings = ix.countUnit(u, gf, &tf, postings)
			total += ix.units[u].length
		}
	}
	ix.fillPostings(postings)
	if len(ix.units) > 0 {
		ix.avgLen = total / float64(len(ix.units))
	}
	for _, w := range ix.words {
		ix.byLen[len(w.text)] = append(ix.byLen[len(w.text)], w.text)
	}
	for _, words := range ix.byLen {
		sort.Strings(words)
	}
	return ix
}

// stemWorkers is how many goroutines stem words during Build.
const stemWorkers = 2

type stemJob struct {
	id   int32
	lang i18n.Lang
	word string
}

type stemmed struct {
	id   int32
	lang i18n.Lang
	stem string
}

func stemWorker(jobs <-chan stemJob, done chan<- []stemmed) {
	var out []stemmed
	for j := range jobs {
		out = append(out, stemmed{j.id, j.lang, stem(j.word, j.lang)})
	}
	done <- out
}

// need asks for word id to be stemmed in lang, once.
func (ix *Index) need(id int32, lang i18n.Lang) {
	w := &ix.words[id]
	bit := langBit(lang)
	if w.stop || w.langs&bit != 0 {
		return
	}
	w.langs |= bit
	ix.stemJobs <- stemJob{id, lang, w.text}
}

// internWord returns the id of a folded word, adding it when new.
func (ix *Index) internWord(w string) int32 {
	if id, ok := ix.wordIDs[w]; ok {
		return id
	}
	id := int32(len(ix.words))
	w = strings.Clone(w) // do not keep the whole guide alive through a substring
	ix.wordIDs[w] = id
	ix.words = append(ix.words, word{text: w, stems: [2]int32{-1, -1}, stop: stopwords[w]})
	return id
}

func (ix *Index) internStem(s string) int32 {
	if id, ok := ix.stemIDs[s]; ok {
		return id
	}
	id := int32(len(ix.postings))
	ix.stemIDs[s] = id
	ix.postings = append(ix.postings, nil)
	return id
}

// stemID returns the stem id of any folded word in lang (query words may
// not be in the corpus), or -1 when no section has that stem.
func (ix *Index) stemID(w string, lang i18n.Lang) int32 {
	if id, ok := ix.wordIDs[w]; ok {
		if st := ix.words[id].stems[langIndex(lang)]; st >= 0 {
			return st
		}
	}
	if st, ok := ix.stemIDs[stem(w, lang)]; ok {
		return st
	}
	return -1
}

// wordStems returns the stems a corpus word was indexed under.
func (ix *Index) wordStems(w string) []int32 {
	id, ok := ix.wordIDs[w]
	if !ok {
		return nil
	}
	var out []int32
	for _, st := range ix.words[id].stems {
		if st >= 0 {
			out = append(out, st)
		}
	}
	return out
}

func langBit(l i18n.Lang) uint8 { return 1 << langIndex(l) }

// Len returns the number of indexed sections.
func (ix *Index) Len() int { return len(ix.units) }

type section struct {
	first           bool
	heading, anchor string
	body            string
}

// splitSections cuts a guide at its ## and ### headings. The first section
// is the title, summary and the "In short" part before the first heading.
func splitSections(g *library.Guide) []section {
	lines := strings.Split(g.Body, "\n")
	secs := []section{{first: true}}
	var body []string
	hi := 0
	flush := func() { secs[len(secs)-1].body = strings.Join(body, "\n"); body = body[:0] }
	for i, line := range lines {
		fileLine := g.BodyLine + i
		for hi < len(g.Headings) && g.Headings[hi].Line < fileLine {
			hi++
		}
		if hi < len(g.Headings) && g.Headings[hi].Line == fileLine {
			h := g.Headings[hi]
			if h.Level >= 2 {
				flush()
				secs = append(secs, section{heading: h.Text, anchor: h.Anchor})
			}
			continue
		}
		body = append(body, line)
	}
	flush()
	return secs
}

// guideFields holds the word ids of a guide's title, tags and summary,
// which count on every section of the guide: read once, not per section.
type guideFields struct {
	title, tags, summary []int32
	from, to             int32 // the guide's units
}

func (ix *Index) guideWords(g *library.Guide) guideFields {
	read := func(s string) []int32 {
		var out []int32
		eachToken(s, func(t string, _, _ int) {
			id := ix.internWord(t)
			ix.need(id, g.Lang)
			out = append(out, id)
		})
		return out
	}
	return guideFields{title: read(g.Title), tags: read(strings.Join(g.Tags, " , ")), summary: read(g.Summary)}
}

// readUnit adds a section with its words; countUnit weighs them later.
func (ix *Index) readUnit(g *library.Guide, sec section) {
	n := int32(len(ix.units))
	text, linked := stripMarkdown(sec.body)
	u := unit{id: g.ID, lang: g.Lang, title: g.Title, heading: sec.heading, anchor: sec.anchor, text: text, boost: 1}
	u.first = n
	if sec.first {
		u.summary = g.Summary
	} else {
		u.first = ix.units[n-1].first
	}
	u.glossary = g.ID == glossaryID && !sec.first
	if u.glossary {
		// A glossary entry defines a word in a line; the guides that use
		// the word explain what to do. Rank entries below them.
		u.boost *= glossaryBoost
	}
	u.words = make([]int32, 0, len(text)/5+8)
	read := func(s string) {
		eachToken(s, func(t string, _, _ int) {
			id := ix.internWord(t)
			ix.need(id, g.Lang)
			u.words = append(u.words, id)
		})
	}
	if sec.first {
		read(g.Title)
	} else {
		read(sec.heading)
	}
	u.headLen = int32(len(u.words))
	read(text)
	// A section that is mostly links ("Next steps") names topics without
	// answering them.
	if linked != "" && float64(countTokens(linked)) > 0.5*float64(len(u.words)-int(u.headLen)) {
		u.boost *= 0.3
	}
	// Only the words a reader reads count toward length: tags and the
	// repeated title must not make a section "long".
	u.length = float64(len(u.words))
	ix.units = append(ix.units, u)
}

// termCounts accumulates one section's weighted stem counts in a dense
// array (a map was a third of indexing time), remembering which stems it
// touched so clearing it costs nothing.
type termCounts struct {
	weight  []float32 // by stem id
	touched []int32
}

// stemPosting is a posting with its stem, before postings are grouped.
type stemPosting struct {
	stem int32
	posting
}

// countUnit appends the section's weighted stem counts to out.
func (ix *Index) countUnit(n int32, gf guideFields, tf *termCounts, out []stemPosting) []stemPosting {
	u := &ix.units[n]
	li := langIndex(u.lang)
	weigh := func(ids []int32, w float32) {
		for _, id := range ids {
			word := &ix.words[id]
			if st := word.stems[li]; st >= 0 && !word.stop {
				if tf.weight[st] == 0 {
					tf.touched = append(tf.touched, st)
				}
				tf.weight[st] += w
			}
		}
	}
	if n == u.first {
		weigh(u.words[:u.headLen], weightTitle)
		weigh(gf.tags, weightTags)
		weigh(gf.summary, weightSummary)
	} else {
		weigh(gf.title, weightTitleOther)
		weigh(gf.tags, weightTagsOther)
		weigh(u.words[:u.headLen], weightHeading)
	}
	weigh(u.words[u.headLen:], weightBody)
	for _, st := range tf.touched {
		out = append(out, stemPosting{st, posting{unit: n, tf: tf.weight[st]}})
		tf.weight[st] = 0
	}
	tf.touched = tf.touched[:0]
	return out
}

// fillPostings groups the postings by stem into one shared array: two
// passes and one allocation, where appending stem by stem allocated
// thousands of small slices. Within a stem, postings stay in unit order.
func (ix *Index) fillPostings(all []stemPosting) {
	start := make([]int32, len(ix.postings)+1)
	for _, p := range all {
		start[p.stem+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	flat := make([]posting, len(all))
	next := append([]int32(nil), start[:len(ix.postings)]...)
	for _, p := range all {
		flat[next[p.stem]] = p.posting
		next[p.stem]++
	}
	for st := range ix.postings {
		ix.postings[st] = flat[start[st]:start[st+1]:start[st+1]]
	}
}

func (ix *Index) idf(df int) float64 {
	n := float64(len(ix.units))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

func (ix *Index) bm25(p posting, idf float64) float64 {
	tf := float64(p.tf)
	norm := 1 - bm25B + bm25B*ix.units[p.unit].length/ix.avgLen
	return idf * tf * (bm25K1 + 1) / (tf + bm25K1*norm)
}

// plainText strips Markdown syntax, leaving what a reader sees.
func plainText(md string) string {
	text, _ := stripMarkdown(md)
	return text
}

// stripMarkdown removes list markers, fences, emphasis and link targets in
// one pass (regular expressions made indexing ten times slower). It returns
// the plain text and, separately, the text of the links.
func stripMarkdown(md string) (text, linked string) {
	var b, links strings.Builder
	b.Grow(len(md))
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			continue
		}
		line = trimListMarker(line)
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch c {
			case '*', '_', '`':
				continue
			case '!':
				if i+1 < len(line) && line[i+1] == '[' {
					continue
				}
			case '[':
				if text, next, ok := linkAt(line, i); ok {
					b.WriteString(text)
					links.WriteString(text)
					links.WriteByte(' ')
					i = next - 1
					continue
				}
			}
			b.WriteByte(c)
		}
	}
	return b.String(), links.String()
}

// linkTextCleaner drops emphasis inside link text. A Replacer is safe for
// concurrent use and never changes.
var linkTextCleaner = strings.NewReplacer("*", "", "`", "")

// linkAt reads "[text](target)" at line[i]; next is the index after it.
func linkAt(line string, i int) (text string, next int, ok bool) {
	close := strings.IndexByte(line[i:], ']')
	if close < 0 || i+close+1 >= len(line) || line[i+close+1] != '(' {
		return "", 0, false
	}
	end := strings.IndexByte(line[i+close:], ')')
	if end < 0 {
		return "", 0, false
	}
	text = linkTextCleaner.Replace(line[i+1 : i+close])
	return text, i + close + end + 1, true
}

func trimListMarker(line string) string {
	switch {
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "+ "), strings.HasPrefix(line, "> "):
		line = line[2:]
	default:
		j := 0
		for j < len(line) && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j > 0 && j+1 < len(line) && line[j] == '.' && line[j+1] == ' ' {
			line = line[j+2:]
		}
	}
	for _, box := range []string{"[ ] ", "[x] ", "[X] "} {
		line = strings.TrimPrefix(line, box)
	}
	return line
}

func (ix *Index) guessLang(words []string) i18n.Lang {
	en, es := 0, 0
	for _, w := range words {
		if id, ok := ix.wordIDs[w]; ok {
			switch ix.words[id].langs {
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
