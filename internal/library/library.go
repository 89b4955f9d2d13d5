package library

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"defensa/internal/fold"
	"defensa/internal/i18n"
)

// Sections lists the built-in sections in the order the home screen shows
// them. A local guides folder may add others; they follow, by name.
var Sections = []string{"campaign", "templates", "rights", "discretion", "detainers", "officials", "reference"}

// Library is a set of guides in one or more languages, keyed by id and
// language. It is safe for concurrent use.
//
// Every guide's Entry is at hand; a guide of the built-in snapshot is
// decoded the first time it is asked for, so listing the library costs
// nothing and `read ID` touches only the guide it prints.
type Library struct {
	mu    sync.Mutex // guards decoding a slot's guide
	slots map[key]*slot
	dict  string // the snapshot's compression dictionary
}

type key struct {
	id   string
	lang i18n.Lang
}

// slot holds one guide, or its entry and the snapshot record it decodes
// from.
type slot struct {
	entry  *Entry
	guide  *Guide  // nil until decoded
	record *string // compressed content, for a snapshot guide not decoded yet
}

func newLibrary() *Library { return &Library{slots: map[key]*slot{}} }

func (l *Library) add(g *Guide) {
	l.slots[key{g.ID, g.Lang}] = &slot{entry: &g.Entry, guide: g}
}

// guide returns the slot's guide, decoding it on first use.
func (l *Library) guide(s *slot) *Guide {
	l.mu.Lock()
	defer l.mu.Unlock()
	if s.guide == nil {
		s.guide = decodeRecord(*s.entry, *s.record, l.dict)
		s.entry, s.record = &s.guide.Entry, nil
	}
	return s.guide
}

// Merge adds every guide of other to l; a guide with the same id and
// language replaces the one l had, and says so (Replaces). This is how a
// local folder overrides the embedded corpus.
func (l *Library) Merge(other *Library) {
	for k, s := range other.slots {
		if _, ok := l.slots[k]; ok {
			s.entry.Replaces = true
		}
		l.slots[k] = s
	}
}

// Len returns the number of guides in all languages.
func (l *Library) Len() int { return len(l.slots) }

// Get returns the guide with id in exactly lang.
func (l *Library) Get(id string, lang i18n.Lang) (*Guide, bool) {
	s, ok := l.slots[key{id, lang}]
	if !ok {
		return nil, false
	}
	return l.guide(s), true
}

// Lookup returns the guide with id in lang or, when it has no such
// translation, in the other language; fellBack says which happened.
func (l *Library) Lookup(id string, lang i18n.Lang) (g *Guide, fellBack bool, err error) {
	if g, ok := l.Get(id, lang); ok {
		return g, false, nil
	}
	for _, other := range i18n.Langs {
		if g, ok := l.Get(id, other); ok {
			return g, true, nil
		}
	}
	return nil, false, ErrNotFound
}

// Guides returns the guides of one language (or every language when lang is
// empty) in reading order: section order, then each guide's order, then id.
func (l *Library) Guides(lang i18n.Lang) []*Guide {
	var out []*Guide
	for _, e := range l.entries(lang) {
		out = append(out, l.guide(l.slots[key{e.ID, e.Lang}]))
	}
	return out
}

// Entries returns the entries of one language (or every language when lang
// is empty) in reading order, decoding no guide.
func (l *Library) Entries(lang i18n.Lang) []*Entry { return l.entries(lang) }

func (l *Library) entries(lang i18n.Lang) []*Entry {
	var out []*Entry
	for k, s := range l.slots {
		if lang == "" || k.lang == lang {
			out = append(out, s.entry)
		}
	}
	slices.SortFunc(out, compareEntries)
	return out
}

// IDs returns every id in the library, sorted, once each.
func (l *Library) IDs() []string {
	seen := map[string]bool{}
	var ids []string
	for k := range l.slots {
		if !seen[k.id] {
			seen[k.id] = true
			ids = append(ids, k.id)
		}
	}
	slices.Sort(ids)
	return ids
}

// Entry returns the entry of the guide with id in lang, or in the other
// language when lang has none, decoding nothing.
func (l *Library) Entry(id string, lang i18n.Lang) (*Entry, bool) {
	if s, ok := l.slots[key{id, lang}]; ok {
		return s.entry, true
	}
	for _, other := range i18n.Langs {
		if s, ok := l.slots[key{id, other}]; ok {
			return s.entry, true
		}
	}
	return nil, false
}

// SectionRank orders sections: built-in ones first, in their fixed order.
func SectionRank(section string) int {
	if i := slices.Index(Sections, section); i >= 0 {
		return i
	}
	return len(Sections)
}

func compareEntries(a, b *Entry) int {
	return cmp.Or(
		cmp.Compare(SectionRank(a.Section), SectionRank(b.Section)),
		strings.Compare(a.Section, b.Section),
		cmp.Compare(a.Order, b.Order),
		strings.Compare(a.ID, b.ID),
		strings.Compare(string(a.Lang), string(b.Lang)),
	)
}

// Suggest returns up to n ids closest to the mistyped id, closest first,
// for "no guide" messages.
func (l *Library) Suggest(id string, n int) []string {
	type scored struct {
		id   string
		dist int
	}
	var all []scored
	q := strings.ToLower(id)
	for _, cand := range l.IDs() {
		d := fold.Distance(q, cand)
		_, slug, _ := strings.Cut(cand, "/")
		if ds := fold.Distance(q, slug); ds < d {
			d = ds
		}
		if strings.Contains(cand, q) && len(q) >= 3 {
			d = 0
		}
		all = append(all, scored{cand, d})
	}
	slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(a.dist, b.dist) })
	var out []string
	limit := max(3, len(q)/2)
	for _, s := range all {
		if len(out) == n || s.dist > limit {
			break
		}
		out = append(out, s.id)
	}
	return out
}

// Catalog returns one guide per id, in reading order: the one in lang, or
// its translation when lang lacks it (so no guide is ever hidden).
func (l *Library) Catalog(lang i18n.Lang) []*Guide {
	var out []*Guide
	for _, e := range l.CatalogEntries(lang) {
		g, _ := l.Get(e.ID, e.Lang)
		out = append(out, g)
	}
	return out
}

// CatalogEntries is Catalog without decoding a guide: what a list of
// guides needs.
func (l *Library) CatalogEntries(lang i18n.Lang) []*Entry {
	var out []*Entry
	for _, id := range l.IDs() {
		if e, ok := l.Entry(id, lang); ok {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, compareEntries)
	return out
}

// FindHeading returns the index of g's heading that anchor names, or -1.
// Case and accents do not matter, and an anchor of a translation of g (a
// link or a habit from the other language) finds the heading at the same
// place in g.
func (l *Library) FindHeading(g *Guide, anchor string) int {
	if anchor == "" {
		return -1
	}
	if i := g.Anchor(anchor); i >= 0 {
		return i
	}
	for _, lang := range i18n.Langs {
		twin, ok := l.Get(g.ID, lang)
		if !ok || twin == g {
			continue
		}
		if i := twin.Anchor(anchor); i >= 0 {
			if i == 0 || twin.Headings[i].Level < 2 {
				return 0
			}
			return g.HeadingByStructuralIndex(twin.StructuralIndex(i))
		}
	}
	return -1
}
