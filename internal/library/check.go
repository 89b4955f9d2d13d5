package library

import (
	"slices"
	"strings"
	"time"

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
	missing := func(field string) { ps = append(ps, problem(g.Path, 1, "check.missing", field)) }
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
	case g.declaredSection == "":
		missing("section")
	case g.declaredSection != g.Section:
		ps = append(ps, problem(g.Path, 1, "check.section", g.declaredSection, g.Section))
	}
	if !g.hasOrder {
		missing("order")
	}
	switch {
	case g.Reviewed.IsZero():
		missing("reviewed")
	case g.Reviewed.After(today):
		ps = append(ps, problem(g.Path, 1, "check.future", g.Reviewed.Format(time.DateOnly)))
	}
	if len(g.Sources) == 0 && slices.Contains(legalSections, g.Section) {
		ps = append(ps, problem(g.Path, 1, "check.no_sources"))
	}
	for i, s := range g.Sources {
		if strings.TrimSpace(s.Title) == "" || strings.TrimSpace(s.URL) == "" {
			ps = append(ps, problem(g.Path, 1, "check.bad_source", i+1))
		}
	}
	if g.Body == "" || len(g.Headings) == 0 || g.Headings[0].Level != 1 {
		ps = append(ps, problem(g.Path, g.BodyLine, "check.no_title_heading"))
	}
	return ps
}

func checkLinks(g *Guide, all *Library) []*Problem {
	var ps []*Problem
	for _, l := range g.Links {
		if l.External() {
			continue
		}
		if l.ID == "" {
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
