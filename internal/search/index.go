// Package search is defensa's own full-text search: every section of every
// guide, in every language, ranked in the BM25 family, with accent and case
// folding, English and Spanish stemming, a bilingual synonym list and typo
// tolerance (edits and Spanish sound-alike spellings). It has no terminal
// imports.
//
// An index reads the plain text the library made of each section; it never
// parses Markdown. It can be written out (Encode) and loaded back
// (Load) against the same library, so the built-in library's index is made
// at build time and only read at start.
package search

import (
	"math"
	"sync"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// Field weights: a word in a title or heading says more about a section
// than the same word in its body. Every weight is a multiple of 1/tfScale,
// so weighted term counts are stored exactly as small integers.
const (
	weightTitle      = 3.5 // the guide title, on the guide's top section
	weightTitleOther = 1.0 // the guide title, counted again on its later sections
	weightHeading    = 2.5
	weightTags       = 2.5
	weightTagsOther  = 0.5
	weightSummary    = 2.0
	weightBody       = 1.0

	tfScale = 4 // term counts are stored in quarters

	bm25K1    = 1.2
	bm25B     = 0.75
	minLength = 30

	glossaryBoost  = 0.5
	glossaryID     = "reference/glossary"
	resourcesBoost = 0.7
	resourcesID    = "reference/resources"
)

// Index is a search index over a library. It is read-only once built or
// loaded and safe for concurrent searches.
//
// Words and stems are small integers: words in sorted order, stems sorted
// within each language, English stems first. Ids depend only on the
// library, never on how the build was scheduled, so the same library always
// gives the same index, byte for byte.
type Index struct {
	lib     *library.Library
	entries []*library.Entry // the guides, in the library's reading order
	units   []unit           // one per section of every guide
	voc     vocabulary
	post    postingLists // by stem id
	unitWords
	avgLen      float64
	synonyms    []synGroup
	tags        [][][]int32 // by guide: each tag's word ids, for whole-tag matches
	fingerprint uint64      // of everything the index read from the library

	near      sync.Once // the typo tables, made on the first misspelled word
	nearTab   *nearTables
	stemsOnce sync.Once // the words of each stem, made on the first query
	stemTab   *stemTable
	scratch   sync.Pool // of *scratch
}

// unit is one section of one guide. Its texts are the guide's own strings.
type unit struct {
	guide   int32 // index in Index.entries
	section int32 // index in the guide's Sections
	first   int32 // the unit of the guide's top section
	headLen int32 // the heading's words (the title's and the Right now label's on the top section)
	length  int32 // the words a reader reads: heading and body
	// boost scales the section's score, in hundredths: below 100 for
	// sections that are mostly links to other guides, for glossary
	// entries, and for the sections every guide has ("What changed
	// recently"), which are rarely what a search is for.
	boost uint8
	flags uint8
}

// Unit flags.
const (
	unitGlossary  uint8 = 1 << iota // an entry of the glossary
	unitQuestion                    // its heading asks a question
	unitRecurring                   // its heading recurs across the guides ("Next steps")
	unitEmpty                       // a heading with no text of its own, before its subsections
	unitTemplate                    // in a guide with text to fill in ("[FULL NAME]")
)

// entry is the unit's guide's entry: what scoring needs, decoding nothing.
func (ix *Index) entry(u *unit) *library.Entry { return ix.entries[u.guide] }

// guide is the unit's guide, decoded (once) when a result needs its text.
func (ix *Index) guide(u *unit) *library.Guide {
	e := ix.entries[u.guide]
	g, _ := ix.lib.Get(e.ID, e.Lang)
	return g
}

func (ix *Index) section(u *unit) *library.Section {
	return &ix.guide(u).Sections[u.section]
}

func (u *unit) top() bool { return u.section == 0 }

// heading returns the section's heading, "" for the top of the guide.
func (ix *Index) heading(u *unit) (text, anchor string) {
	if u.top() {
		return "", ""
	}
	g := ix.guide(u)
	h := g.Headings[g.Sections[u.section].Heading]
	return h.Text, h.Anchor
}

func langIndex(l i18n.Lang) int {
	if l == i18n.Spanish {
		return 1
	}
	return 0
}

func langBit(l i18n.Lang) uint8 { return 1 << langIndex(l) }

// Len returns the number of indexed sections.
func (ix *Index) Len() int { return len(ix.units) }

func (ix *Index) idf(df int) float64 {
	n := float64(len(ix.units))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

func (ix *Index) bm25(u int32, tf, idf float64) float64 {
	// A section counts as at least minLength words long: a heading with
	// a line under it ("Call log") is not more about a word than a
	// section that explains it.
	norm := 1 - bm25B + bm25B*max(float64(ix.units[u].length), minLength)/ix.avgLen
	return idf * tf * (bm25K1 + 1) / (tf + bm25K1*norm)
}

// averageLength is the mean section length, summed in unit order so a
// built and a loaded index agree to the last bit.
func averageLength(units []unit) float64 {
	if len(units) == 0 {
		return 0
	}
	var total float64
	for i := range units {
		total += float64(units[i].length)
	}
	return total / float64(len(units))
}
