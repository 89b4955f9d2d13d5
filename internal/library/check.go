package library

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"defensa/internal/i18n"
)

// legalSections are the built-in sections whose guides state legal facts
// and so must list sources. A local section (hotlines, a local network's
// contacts) need not.
var legalSections = []string{"campaign", "rights", "discretion", "detainers", "officials", "reference"}

// Check validates the guides of lib that match only (all of them when only
// is nil) against the rules of content.md: the front matter schema, ids,
// links and anchors (resolved against all, so a local guide may link to a
// built-in one), dates and translations. today is the date "reviewed" may
// not pass. It returns every problem at once, joined.
func Check(lib *Library, all *Library, today time.Time) error {
	if all == nil {
		all = lib
	}
	var ps []*Problem
	guides := lib.Guides("")
	lowerIDs := map[string]string{}
	for _, g := range guides {
		ps = append(ps, checkFrontMatter(g, today)...)
		ps = append(ps, checkLinks(g, all)...)
		ps = append(ps, checkPlaceholders(g)...)
		ps = append(ps, checkLongWords(g)...)
		k := string(g.Lang) + "/" + strings.ToLower(g.ID)
		if prev, dup := lowerIDs[k]; dup && prev != g.ID {
			ps = append(ps, problem(g.Path, 0, "check.duplicate_id", g.ID, prev))
		}
		lowerIDs[k] = g.ID
	}
	ps = append(ps, checkTranslations(lib, all)...)
	return joinProblems(ps)
}

func checkFrontMatter(g *Guide, today time.Time) []*Problem {
	var ps []*Problem
	at := func(field, key string, args ...any) {
		ps = append(ps, problem(g.Path, g.fieldLine(field), key, args...))
	}
	// present is true for a field that was written, even if its value was
	// wrong: the decoder reported that, and "missing" would be false.
	present := func(field string) bool { _, ok := g.meta.lines[field]; return ok }
	missing := func(field string) {
		if !present(field) {
			at(field, "check.missing", field)
		}
	}
	if !ValidID(g.ID) {
		ps = append(ps, problem(g.Path, 0, "check.bad_id", g.ID))
	}
	if g.Title == "" {
		missing("title")
	}
	if g.Summary == "" {
		missing("summary")
	}
	switch {
	case g.meta.declaredSection == "":
		missing("section")
	case g.meta.declaredSection != g.Section:
		at("section", "check.section", g.meta.declaredSection, g.Section)
	}
	if !g.meta.hasOrder {
		missing("order")
	}
	switch {
	case g.Reviewed.IsZero():
		missing("reviewed")
	case g.Reviewed.After(today):
		at("reviewed", "check.future", g.Reviewed.Format(time.DateOnly))
	}
	ps = append(ps, checkFactsAsOf(g, today)...)
	if len(g.Sources) == 0 && slices.Contains(legalSections, g.Section) {
		at("sources", "check.no_sources")
	}
	for i, s := range g.Sources {
		if strings.TrimSpace(s.Title) == "" || strings.TrimSpace(s.URL) == "" {
			at("sources", "check.bad_source", i+1)
		}
	}
	if g.SectionTitle != "" && slices.Contains(Sections, g.Section) {
		ps = append(ps, warning(g.Path, g.fieldLine("section_title"), "check.section_title_builtin", g.Section))
	}
	if g.RightNow != nil && len([]rune(g.RightNow.Label)) > MaxRightNowLabel {
		at("right_now", "check.right_now_long", MaxRightNowLabel)
	}
	if g.Body == "" || len(g.Headings) == 0 || g.Headings[0].Level != 1 {
		ps = append(ps, problem(g.Path, g.BodyLine, "check.no_title_heading"))
	}
	return ps
}

// MaxRightNowLabel is the longest "Right now" label, in characters: it
// must fit a 40-column screen beside its key.
const MaxRightNowLabel = 34

// staleAfter is how old the facts of a guide may be before check warns.
const staleAfter = 6 // months

func checkFactsAsOf(g *Guide, today time.Time) []*Problem {
	line := g.fieldLine("facts_as_of")
	if g.FactsAsOf.IsZero() {
		if _, written := g.meta.lines["facts_as_of"]; !written {
			return []*Problem{problem(g.Path, line, "check.missing", "facts_as_of")}
		}
		return nil
	}
	month := g.FactsAsOf.Format("2006-01")
	switch {
	case g.FactsAsOf.After(today):
		return []*Problem{problem(g.Path, line, "check.facts_future", month)}
	case !g.Reviewed.IsZero() && g.FactsAsOf.After(g.Reviewed):
		return []*Problem{problem(g.Path, line, "check.facts_after_review", month, g.Reviewed.Format(time.DateOnly))}
	case g.FactsAsOf.AddDate(0, staleAfter, 0).Before(firstOfMonth(today)):
		return []*Problem{warning(g.Path, line, "check.facts_stale", month, staleAfter)}
	}
	return nil
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func checkLinks(g *Guide, all *Library) []*Problem {
	var ps []*Problem
	for _, l := range g.Links {
		switch l.Kind {
		case LinkWeb, LinkMail, LinkPhone:
			continue
		case LinkBlocked:
			ps = append(ps, problem(g.Path, l.Line, "check.link_scheme", l.Target))
			continue
		case LinkFile:
			ps = append(ps, problem(g.Path, l.Line, "check.link_not_guide", l.Target))
			continue
		}
		target := g
		if l.ID != g.ID {
			t, ok := all.Get(l.ID, g.Lang)
			if !ok {
				ps = append(ps, problem(g.Path, l.Line, "check.link_missing", l.Target))
				continue
			}
			target = t
		}
		if l.Anchor != "" && target.Anchor(l.Anchor) < 0 {
			ps = append(ps, problem(g.Path, l.Line, "check.anchor_missing", l.Anchor, target.Path))
		}
	}
	return ps
}

// checkTranslations pairs every guide of lib with its twins in the other
// languages: each must exist, keep the same heading structure and be
// reviewed no earlier than the English original.
func checkTranslations(lib, all *Library) []*Problem {
	var ps []*Problem
	for _, id := range lib.IDs() {
		for _, lang := range i18n.Langs {
			if _, ok := all.Get(id, lang); ok {
				continue
			}
			have, _, _ := lib.Lookup(id, lang)
			ps = append(ps, &Problem{Path: have.Path, Key: "check.no_translation", Args: []any{string(lang)}, Warning: have.Local})
		}
		en, hasEN := all.Get(id, i18n.English)
		es, hasES := all.Get(id, i18n.Spanish)
		if !hasEN || !hasES {
			continue
		}
		if a, b := shape(en), shape(es); !slices.Equal(a, b) {
			hs := structuralHeadings(es)
			line := hs[min(firstDiff(a, b), len(hs)-1)].Line
			ps = append(ps, problem(es.Path, line, "check.structure", en.Path, len(a), len(b)))
		}
		if !en.Reviewed.IsZero() && !es.Reviewed.IsZero() && es.Reviewed.Before(en.Reviewed) {
			ps = append(ps, problem(es.Path, 1, "check.stale_translation", es.Reviewed.Format(time.DateOnly), en.Reviewed.Format(time.DateOnly)))
		}
	}
	return ps
}

func structuralHeadings(g *Guide) []Heading {
	var out []Heading
	for _, h := range g.Headings {
		if h.Level >= 2 {
			out = append(out, h)
		}
	}
	if len(out) == 0 {
		out = append(out, Heading{Line: g.BodyLine})
	}
	return out
}

// shape is the sequence of heading levels below the title: what a
// translation must keep so a reader can switch language in place.
func shape(g *Guide) []int {
	var out []int
	for _, h := range g.Headings {
		if h.Level >= 2 {
			out = append(out, h.Level)
		}
	}
	return out
}

func firstDiff(a, b []int) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// StructuralIndex returns the position of heading i among the guide's
// headings of level 2 and deeper, the index that matches across
// translations; -1 for the title or no heading.
func (g *Guide) StructuralIndex(i int) int {
	if i < 0 || i >= len(g.Headings) || g.Headings[i].Level < 2 {
		return -1
	}
	n := -1
	for j := 0; j <= i; j++ {
		if g.Headings[j].Level >= 2 {
			n++
		}
	}
	return n
}

// HeadingByStructuralIndex is the inverse of StructuralIndex.
func (g *Guide) HeadingByStructuralIndex(n int) int {
	for i, h := range g.Headings {
		if h.Level >= 2 {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return -1
}

// MaxWord is the longest run of characters without a space that check
// lets pass without a warning: the longest web address of a guide is a
// tenth of it. A longer one cannot be wrapped on any screen.
const MaxWord = 1000

func checkLongWords(g *Guide) []*Problem {
	var ps []*Problem
	for i, line := range strings.Split(g.Body, "\n") {
		longest := 0
		for _, w := range strings.Fields(line) {
			longest = max(longest, utf8.RuneCountInString(w))
		}
		if longest > MaxWord {
			ps = append(ps, warning(g.Path, g.BodyLine+i, "check.long_word", longest))
		}
	}
	return ps
}
