// Package search is defensa's own full-text search: every section of every
// guide, in every language, ranked in the BM25 family, with accent and case
// folding, English and Spanish stemming, a bilingual synonym list and typo
// tolerance. It has no terminal imports.
package search

import (
	"math"
	"sort"
	"strings"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// Field weights: a word in a title or heading says more about a section
// than the same word in its body.
const (
	weightTitle      = 3.0
	weightTitleOther = 1.0 // the guide title, counted again on its later sections
	weightHeading    = 2.5
	weightTags       = 2.5
	weightTagsOther  = 0.5
	weightSummary    = 2.0
	weightBody       = 1.0

	bm25K1 = 1.2
	bm25B  = 0.5

	glossaryBoost = 0.5
	glossaryID    = "reference/glossary"
)

// Index is a search index over a library. It is read-only once built and
// safe for concurrent searches.
type Index struct {
	units    []unit
	postings map[string][]posting // stem -> sections containing it
	surface  map[string][]string  // folded word -> its stems in the index
	langs    map[string]uint8     // folded word -> bit set of the languages it appears in
	byLen    map[int][]string     // folded words by length, for typo look-up
	avgLen   float64
	synonyms [][][]string // groups of phrases, each phrase a list of folded words
	// stems remembers the stem of every word of the corpus in the
	// language it appeared in: stemming is the costliest step, and the
	// same few thousand words recur.
	stems map[stemKey]string
}

type stemKey struct {
	word string
	lang i18n.Lang
}

// stem returns the stem of a folded word in lang, from the corpus' memory
// when the word was seen there.
func (ix *Index) stem(word string, lang i18n.Lang) string {
	if st, ok := ix.stems[stemKey{word, lang}]; ok {
		return st
	}
	return stem(word, lang)
}

type unit struct {
	id, title, heading, anchor string
	lang                       i18n.Lang
	text                       string   // the section's body as plain text, for snippets
	summary                    string   // the guide's summary, on its first section only
	words                      []string // folded words of heading and body, in order, for phrases
	length                     float64  // weighted number of words
	glossary                   bool     // an entry of the glossary
	first                      int32    // the unit of the guide's top (title, tags, summary)
	// boost scales the section's score: below 1 for sections that are
	// mostly links to other guides ("Next steps"), which name topics
	// without answering them.
	boost float64
}

type posting struct {
	unit int32
	tf   float32 // weighted term frequency
}

// Build indexes every guide of lib, in all languages.
func Build(lib *library.Library) *Index {
	ix := &Index{
		postings: map[string][]posting{},
		surface:  map[string][]string{},
		langs:    map[string]uint8{},
		stems:    map[stemKey]string{},
		byLen:    map[int][]string{},
		synonyms: parseSynonyms(synonymData),
	}
	var total float64
	for _, g := range lib.Guides("") {
		for _, sec := range splitSections(g) {
			total += ix.addUnit(g, sec)
		}
	}
	if len(ix.units) > 0 {
		ix.avgLen = total / float64(len(ix.units))
	}
	for w := range ix.surface {
		ix.byLen[len(w)] = append(ix.byLen[len(w)], w)
	}
	for _, words := range ix.byLen {
		sort.Strings(words)
	}
	return ix
}

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

func (ix *Index) addUnit(g *library.Guide, sec section) float64 {
	n := int32(len(ix.units))
	text := plainText(sec.body)
	u := unit{id: g.ID, lang: g.Lang, title: g.Title, heading: sec.heading, anchor: sec.anchor, text: text, boost: 1}
	u.first = n
	if sec.first {
		u.summary = g.Summary
	} else {
		u.first = ix.units[n-1].first
	}
	if linkShare(sec.body) > 0.5 {
		u.boost = 0.3
	}
	u.glossary = g.ID == glossaryID && !sec.first
	if u.glossary {
		// A glossary entry defines a word in a line; the guides that use
		// the word explain what to do. Rank entries below them.
		u.boost *= glossaryBoost
	}
	tf := map[string]float64{}
	var length float64
	add := func(s string, w float64, keep bool) {
		for _, t := range tokenize(s) {
			if keep {
				// Only the words a reader reads count toward length: tags
				// and the repeated title must not make a section "long".
				length++
				u.words = append(u.words, t.word)
			}
			if stopwords[t.word] {
				continue
			}
			k := stemKey{t.word, g.Lang}
			st, ok := ix.stems[k]
			if !ok {
				st = stem(t.word, g.Lang)
				ix.stems[k] = st
			}
			tf[st] += w
			ix.noteSurface(t.word, st)
			ix.langs[t.word] |= langBit(g.Lang)
		}
	}
	if sec.first {
		add(g.Title, weightTitle, true)
		add(strings.Join(g.Tags, " , "), weightTags, false)
		add(g.Summary, weightSummary, false)
	} else {
		add(g.Title, weightTitleOther, false)
		add(strings.Join(g.Tags, " , "), weightTagsOther, false)
		add(sec.heading, weightHeading, true)
	}
	add(text, weightBody, true)
	for st, f := range tf {
		ix.postings[st] = append(ix.postings[st], posting{unit: n, tf: float32(f)})
	}
	u.length = length
	ix.units = append(ix.units, u)
	return length
}

func (ix *Index) noteSurface(word, st string) {
	stems := ix.surface[word]
	for _, s := range stems {
		if s == st {
			return
		}
	}
	ix.surface[word] = append(stems, st)
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

// linkShare is the part of a section's words that are link text.
func linkShare(md string) float64 {
	text, linked := stripMarkdown(md)
	all := len(tokenize(text))
	if all == 0 {
		return 0
	}
	return float64(len(tokenize(linked))) / float64(all)
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
	text = strings.NewReplacer("*", "", "`", "").Replace(line[i+1 : i+close])
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

func langBit(l i18n.Lang) uint8 {
	if l == i18n.Spanish {
		return 2
	}
	return 1
}

// guessLang tells which language a query is written in, from the words only
// one language's guides use; "" when it cannot tell.
func (ix *Index) guessLang(words []string) i18n.Lang {
	en, es := 0, 0
	for _, w := range words {
		switch ix.langs[w] {
		case 1:
			en++
		case 2:
			es++
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
