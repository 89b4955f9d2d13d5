package search

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"defensa/internal/fold"
	"defensa/internal/i18n"
	"defensa/internal/library"
)

// Build indexes every guide of lib, in all languages.
//
// It reads every section's words (the library's plain text, one parse for
// all consumers), stems the distinct words on another core while it reads
// (stemming is most of the cost), then gives words and stems their sorted
// ids and counts each section's stems.
func Build(lib *library.Library) *Index {
	b := newBuilder()
	guides := lib.Guides("")
	b.ix.lib = lib
	b.ix.entries = make([]*library.Entry, len(guides))
	for i, g := range guides {
		b.ix.entries[i] = &g.Entry
	}
	b.ix.units = make([]unit, 0, 16*len(guides))
	recurring := recurringHeadings(guides)
	for gi, g := range guides {
		b.readGuide(int32(gi), g, recurring)
	}
	b.readSynonyms(parseSynonyms(synonymData))
	b.finishStems()
	b.assignIDs()
	b.countTerms()
	ix := b.ix
	ix.avgLen = averageLength(ix.units)
	ix.fingerprint = fingerprint(ix.entries)
	return ix
}

// builder holds what Build needs only while it runs.
type builder struct {
	ix *Index
	// Words get provisional ids in the order they are met, and their
	// final, sorted ids at the end.
	wordIDs map[string]int32
	words   []buildWord
	jobs    chan<- stemJob
	done    chan []stemmed
	fields  []guideFields // by guide
	// Each unit's provisional word ids, heading first, and the number of
	// words on each line of its text.
	unitWords [][]int32
	unitLines [][]int32
	synonyms  []synGroup  // with provisional word ids
	tags      [][][]int32 // by guide: each tag's provisional word ids
}

type buildWord struct {
	text  string
	langs uint8 // the languages whose guides use it
	asked uint8 // the languages it was sent to be stemmed in
	stop  bool
	stems [2]string // "" until stemmed
	final int32
}

// guideFields holds the word ids of a guide's title, tags and summary,
// which count on every section of the guide: read once, not per section.
type guideFields struct {
	title, tags, summary []int32
	// situation is the guide's "Right now" label ("Someone was just
	// detained"): how a person in that situation says it, so it counts
	// as part of the title.
	situation []int32
	from, to  int32 // the guide's units
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
	li   uint8 // the language's index
	stem string
}

func newBuilder() *builder {
	jobs := make(chan stemJob, 1024)
	b := &builder{
		ix:      &Index{},
		wordIDs: make(map[string]int32, 1<<14),
		jobs:    jobs,
		done:    make(chan []stemmed, stemWorkers),
	}
	b.ix.scratch.New = func() any { return new(scratch) }
	for range stemWorkers {
		go stemWorker(jobs, b.done)
	}
	return b
}

func stemWorker(jobs <-chan stemJob, done chan<- []stemmed) {
	var out []stemmed
	for j := range jobs {
		out = append(out, stemmed{j.id, uint8(langIndex(j.lang)), stem(j.word, j.lang)})
	}
	done <- out
}

// word returns the provisional id of a folded word, adding it when new, and
// asks for its stem in lang once.
func (b *builder) word(w string, lang i18n.Lang) int32 {
	id, ok := b.wordIDs[w]
	if !ok {
		id = int32(len(b.words))
		w = strings.Clone(w) // do not keep a whole guide alive through a substring
		b.wordIDs[w] = id
		b.words = append(b.words, buildWord{text: w, stop: stopwords[w]})
	}
	if lang != "" {
		b.words[id].langs |= langBit(lang)
		b.stemIn(id, lang)
	}
	return id
}

// stemIn asks for word id to be stemmed in lang, once.
func (b *builder) stemIn(id int32, lang i18n.Lang) {
	bw := &b.words[id]
	if bw.stop || bw.asked&langBit(lang) != 0 {
		return
	}
	bw.asked |= langBit(lang)
	b.jobs <- stemJob{id, lang, bw.text}
}

func (b *builder) read(s string, lang i18n.Lang, out []int32) []int32 {
	eachToken(s, func(t string, _, _ int) { out = append(out, b.word(t, lang)) })
	return out
}

// readLines reads a section's text like read and also counts the words of
// each of its lines, so a snippet can pick its line from word ids.
func (b *builder) readLines(s string, lang i18n.Lang, out []int32) ([]int32, []int32) {
	lines := make([]int32, 1, strings.Count(s, "\n")+1)
	prev := 0
	eachToken(s, func(t string, start, end int) {
		for range strings.Count(s[prev:start], "\n") {
			lines = append(lines, 0)
		}
		lines[len(lines)-1]++
		out = append(out, b.word(t, lang))
		prev = end
	})
	for range strings.Count(s[prev:], "\n") {
		lines = append(lines, 0)
	}
	return out, lines
}

func (b *builder) readGuide(gi int32, g *library.Guide, recurring map[string]bool) {
	gf := guideFields{
		title:   b.read(g.Title, g.Lang, nil),
		summary: b.read(g.Summary, g.Lang, nil),
		from:    int32(len(b.ix.units)),
	}
	var names [][]int32
	for _, tag := range g.Tags {
		words := b.read(tag, g.Lang, nil)
		gf.tags = append(gf.tags, words...)
		if len(words) > 0 {
			names = append(names, words)
		}
	}
	b.tags = append(b.tags, names)
	if g.RightNow != nil {
		gf.situation = b.read(g.RightNow.Label, g.Lang, nil)
	}
	template := fillIn(g)
	for si := range g.Sections {
		b.readSection(gi, int32(si), g, template, recurring)
	}
	gf.to = int32(len(b.ix.units))
	b.fields = append(b.fields, gf)
}

// readSection adds a section with its words; countTerms weighs them later.
func (b *builder) readSection(gi, si int32, g *library.Guide, template bool, recurring map[string]bool) {
	s := &g.Sections[si]
	n := int32(len(b.ix.units))
	u := unit{guide: gi, section: si, first: n, boost: 100}
	words := make([]int32, 0, len(s.Text)/6+16)
	if si == 0 {
		words = b.read(g.Title, g.Lang, words)
		if g.RightNow != nil {
			words = b.read(g.RightNow.Label, g.Lang, words)
		}
	} else {
		u.first = b.ix.units[n-1].first
		h := g.Headings[s.Heading]
		words = b.read(h.Text, g.Lang, words)
		if isQuestion(h.Text) {
			u.flags |= unitQuestion
		}
		if recurring[fold.String(h.Text)] {
			u.flags |= unitRecurring
		}
	}
	u.headLen = int32(len(words))
	words, lines := b.readLines(s.Text, g.Lang, words)
	b.unitLines = append(b.unitLines, lines)
	body := len(words) - int(u.headLen)
	if body == 0 && si+1 < int32(len(g.Sections)) && s.Heading >= 0 &&
		g.Sections[si+1].Heading >= 0 && g.Headings[g.Sections[si+1].Heading].Level > g.Headings[s.Heading].Level {
		u.flags |= unitEmpty
	}
	if template {
		u.flags |= unitTemplate
	}
	boost := 1.0
	if g.ID == glossaryID && si > 0 {
		// A glossary entry defines a word in a line; the guides that use
		// the word explain what to do. Rank entries below them.
		u.flags |= unitGlossary
		boost *= glossaryBoost
	}
	if g.ID == resourcesID && si > 0 {
		// The directory of outside tools and groups names what the
		// guides explain and point to ("ILRC red cards"): the guide
		// that explains comes first.
		boost *= resourcesBoost
	}
	// A section that is mostly links ("Next steps") names topics without
	// answering them.
	linked := 0
	for _, l := range g.Links[s.Links.From:s.Links.To] {
		linked += countTokens(l.Text)
	}
	if float64(linked) > 0.5*float64(body) && body > 0 {
		boost *= 0.3
	}
	if u.flags&unitRecurring != 0 {
		boost *= recurringBoost
	}
	u.boost = uint8(math.Round(boost * 100))
	// Only the words a reader reads count toward length: tags and the
	// repeated title must not make a section "long".
	u.length = int32(len(words))
	b.ix.units = append(b.ix.units, u)
	b.unitWords = append(b.unitWords, words)
}

// recurringBoost lowers the sections whose heading most guides share
// ("What changed recently", "Next steps"): they summarize or point
// elsewhere, and won the top spot for unrelated queries.
const recurringBoost = 0.5

// recurringHeadings returns the folded headings found in at least a fifth
// of a language's guides (and at least five of them).
func recurringHeadings(guides []*library.Guide) map[string]bool {
	counts := map[string]int{}
	perLang := map[i18n.Lang]int{}
	for _, g := range guides {
		perLang[g.Lang]++
		seen := map[string]bool{}
		for _, s := range g.Sections[1:] {
			h := fold.String(g.Headings[s.Heading].Text)
			if !seen[h] {
				seen[h] = true
				counts[string(g.Lang)+"\x00"+h]++
			}
		}
	}
	out := map[string]bool{}
	for k, n := range counts {
		lang, h, _ := strings.Cut(k, "\x00")
		if n >= 5 && 5*n >= perLang[i18n.Lang(lang)] {
			out[h] = true
		}
	}
	return out
}

// fillIn reports whether a guide is text to fill in: code blocks with a
// blank in capitals between brackets ("[FULL NAME]") make at least
// fillInShare of it. A guide that explains, and shows one short script
// among its explanations, is not a template.
func fillIn(g *library.Guide) bool {
	blanks, all := 0, 0
	for _, b := range g.Blocks {
		if hasBlank(b.Text) {
			blanks += len(b.Text)
		}
	}
	for _, s := range g.Sections {
		all += len(s.Text)
	}
	return blanks > 0 && float64(blanks) >= fillInShare*float64(all)
}

const fillInShare = 0.15

// hasBlank reports whether text holds a blank in capitals between
// brackets.
func hasBlank(text string) bool {
	for rest := text; ; {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			return false
		}
		rest = rest[i+1:]
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return false
		}
		if blank := rest[:j]; blank != "" && strings.ToUpper(blank) == blank && strings.ToLower(blank) != blank {
			return true
		}
	}
}

// isQuestion reports whether a heading asks a question.
func isQuestion(h string) bool {
	h = strings.TrimSpace(h)
	return strings.HasSuffix(h, "?") || strings.HasPrefix(h, "¿")
}

// readSynonyms adds the words of the synonym list, stemmed in both
// languages, so a query word can meet a synonym by its stem.
func (b *builder) readSynonyms(lines []synLine) {
	for _, line := range lines {
		g := synGroup{match: line.match}
		for _, phrase := range line.phrases {
			var p []int32
			for _, w := range phrase {
				id := b.word(w, "")
				for _, lang := range i18n.Langs {
					b.stemIn(id, lang) // a synonym may be written in either language
				}
				p = append(p, id)
			}
			g.phrases = append(g.phrases, p)
		}
		b.synonyms = append(b.synonyms, g)
	}
}

// finishStems waits for the workers.
func (b *builder) finishStems() {
	close(b.jobs)
	b.jobs = nil
	for range stemWorkers {
		for _, r := range <-b.done {
			b.words[r.id].stems[r.li] = r.stem
		}
	}
}

// assignIDs sorts the words and the stems of each language and gives every
// one its final id.
func (b *builder) assignIDs() {
	order := make([]int32, len(b.words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.words[x].text, b.words[y].text) })
	voc := &b.ix.voc
	voc.words = make([]string, len(order))
	voc.info = make([]wordInfo, len(order))
	var stemSets [2]map[string]bool
	for li := range stemSets {
		stemSets[li] = map[string]bool{}
	}
	for final, id := range order {
		w := &b.words[id]
		w.final = int32(final)
		voc.words[final] = w.text
		for li, st := range w.stems {
			if st != "" {
				stemSets[li][st] = true
			}
		}
	}
	for li, set := range stemSets {
		stems := make([]string, 0, len(set))
		for st := range set {
			stems = append(stems, st)
		}
		slices.Sort(stems)
		voc.stems[li] = stems
	}
	for final, id := range order {
		w := &b.words[id]
		info := wordInfo{stems: [2]int32{-1, -1}, flags: w.langs}
		if w.stop {
			info.flags |= wordStop
		}
		for li, st := range w.stems {
			if st != "" {
				info.stems[li] = voc.stemID(st, li)
			}
		}
		voc.info[final] = info
	}
	for _, g := range b.synonyms {
		for _, p := range g.phrases {
			for i, id := range p {
				p[i] = b.words[id].final
			}
		}
		b.ix.synonyms = append(b.ix.synonyms, g)
	}
}

// termCounts accumulates one section's weighted stem counts in a dense
// array (a map was a third of indexing time), remembering which stems it
// touched so clearing it costs nothing.
type termCounts struct {
	weight  []float64 // by stem id
	touched []int32
}

// stemPosting is a posting with its stem, before postings are grouped.
type stemPosting struct {
	stem, unit int32
	tf         uint32 // in 1/tfScale
}

// countTerms weighs every section's stems and encodes the postings and the
// sections' words.
func (b *builder) countTerms() {
	ix := b.ix
	tf := termCounts{weight: make([]float64, ix.voc.stemCount())}
	total := 0
	for _, words := range b.unitWords {
		total += len(words)
	}
	all := make([]stemPosting, 0, total/2)
	wordData := make([]byte, 0, 2*total)
	var lineData []byte
	ix.wordAt = make([]uint32, 0, len(ix.units)+1)
	ix.lineAt = make([]uint32, 0, len(ix.units)+1)
	final := func(ids []int32) {
		for i, id := range ids {
			ids[i] = b.words[id].final
		}
	}
	for _, gf := range b.fields {
		final(gf.title)
		final(gf.tags)
		final(gf.summary)
		final(gf.situation)
	}
	for _, names := range b.tags {
		for _, tag := range names {
			final(tag)
		}
	}
	ix.tags = b.tags
	for n := range b.unitWords {
		final(b.unitWords[n])
	}
	ix.byRank, ix.rank = frequencyRanks(b.unitWords, len(ix.voc.words))
	for gi, gf := range b.fields {
		li := langIndex(ix.entries[gi].Lang)
		for n := gf.from; n < gf.to; n++ {
			u := &ix.units[n]
			words := b.unitWords[n]
			weigh := func(ids []int32, w float64) {
				for _, id := range ids {
					if st := ix.voc.info[id].stems[li]; st >= 0 && !ix.voc.info[id].stop() {
						if tf.weight[st] == 0 {
							tf.touched = append(tf.touched, st)
						}
						tf.weight[st] += w
					}
				}
			}
			if u.top() {
				weigh(words[:u.headLen], weightTitle)
				weigh(gf.tags, weightTags)
				weigh(gf.summary, weightSummary)
			} else {
				weigh(gf.title, weightTitleOther)
				weigh(gf.situation, weightTitleOther)
				weigh(gf.tags, weightTagsOther)
				weigh(words[:u.headLen], weightHeading)
			}
			weigh(words[u.headLen:], weightBody)
			for _, st := range tf.touched {
				all = append(all, stemPosting{st, n, uint32(math.Round(tf.weight[st] * tfScale))})
				tf.weight[st] = 0
			}
			tf.touched = tf.touched[:0]
			ix.wordAt = append(ix.wordAt, uint32(len(wordData)))
			for _, id := range words {
				wordData = appendUvarint(wordData, uint64(ix.rank[id]))
			}
			ix.lineAt = append(ix.lineAt, uint32(len(lineData)))
			for _, count := range b.unitLines[n] {
				lineData = appendUvarint(lineData, uint64(count))
			}
		}
	}
	ix.wordAt = append(ix.wordAt, uint32(len(wordData)))
	ix.wordData = string(wordData)
	ix.lineAt = append(ix.lineAt, uint32(len(lineData)))
	ix.lineData = string(lineData)
	ix.post = encodePostings(all, ix.voc.stemCount())
	b.unitWords, b.unitLines = nil, nil
}

// frequencyRanks orders the words by how often the sections use them
// (ties by id), so the sections' words are stored as ranks: the hundred
// commonest words, half of all text, take one byte each instead of two.
func frequencyRanks(units [][]int32, words int) (byRank, rank []int32) {
	count := make([]int, words)
	for _, ws := range units {
		for _, id := range ws {
			count[id]++
		}
	}
	byRank = make([]int32, words)
	for i := range byRank {
		byRank[i] = int32(i)
	}
	slices.SortStableFunc(byRank, func(a, b int32) int { return cmp.Compare(count[b], count[a]) })
	rank = make([]int32, words)
	for r, id := range byRank {
		rank[id] = int32(r)
	}
	return byRank, rank
}

// encodePostings groups the postings by stem (two passes, one allocation)
// and encodes each stem's list; within a stem, postings are in unit order.
func encodePostings(all []stemPosting, stems int) postingLists {
	start := make([]int32, stems+1)
	for _, p := range all {
		start[p.stem+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	grouped := make([]stemPosting, len(all))
	next := slices.Clone(start[:stems])
	for _, p := range all {
		grouped[next[p.stem]] = p
		next[p.stem]++
	}
	data := make([]byte, 0, 2*len(all)+stems)
	at := make([]uint32, stems+1)
	for st := range stems {
		at[st] = uint32(len(data))
		ps := grouped[start[st]:start[st+1]]
		data = appendUvarint(data, uint64(len(ps)))
		prev := int32(-1)
		for _, p := range ps {
			data = appendUvarint(data, uint64(p.unit-prev-1))
			data = appendUvarint(data, uint64(p.tf))
			prev = p.unit
		}
	}
	at[stems] = uint32(len(data))
	return postingLists{data: string(data), at: at}
}
