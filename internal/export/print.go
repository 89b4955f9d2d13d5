package export

import (
	"html/template"
	"strconv"
	"strings"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// cardID is the guide the wallet cards come from. Its two code blocks
// marked card-holder and card-officer are the card's two sides: the
// person's side in the guide's language, the officer's side in English.
const (
	cardID       = "rights/red-card"
	holderBlock  = "card-holder"
	officerBlock = "card-officer"
)

// handoutIDs are the guides printed as one-page handouts.
var handoutIDs = []string{
	"rights/at-home", "rights/in-a-car", "rights/in-public",
	"rights/at-work", "rights/if-detained", "rights/family-plan",
}

// cardsPerSide is how many cards one sheet holds: two columns of four
// credit-card-size cards fit US letter and A4 alike, inside every
// printer's margins.
const (
	cardColumns = 2
	cardRows    = 4
)

// printSet is the printable pages of one language, as paths from the
// export's root (or, after from, relative to a page).
type printSet struct {
	Cards    string
	Handouts []printLink
}

type printLink struct{ Href, Title string }

// Any reports whether there is anything to print.
func (p printSet) Any() bool { return p.Cards != "" || len(p.Handouts) > 0 }

// from returns p with every path relative to the page at page.
func (p printSet) from(page string) printSet {
	out := printSet{}
	if p.Cards != "" {
		out.Cards = rel(page, p.Cards)
	}
	for _, h := range p.Handouts {
		out.Handouts = append(out.Handouts, printLink{Href: rel(page, h.Href), Title: h.Title})
	}
	return out
}

func (s *site) skip(id string, lang i18n.Lang, key string) {
	s.out.Skipped = append(s.out.Skipped, Skipped{ID: id, Lang: lang, Key: key})
}

// printPages makes the card sheet and the handouts of lang.
func (s *site) printPages(lang i18n.Lang) (printSet, error) {
	var set printSet
	ok, err := s.cardSheet(lang)
	if err != nil {
		return set, err
	}
	if ok {
		set.Cards = cardsPage(lang)
	}
	for _, id := range handoutIDs {
		g, found := s.lib.Get(id, lang)
		if !found {
			s.skip(id, lang, "export.skip_no_guide")
			continue
		}
		if err := s.handout(g); err != nil {
			return set, err
		}
		set.Handouts = append(set.Handouts, printLink{Href: handoutPage(lang, id), Title: g.Title})
	}
	return set, nil
}

// hotline is the organization's line printed on lang's cards and
// handouts: the printed guide's own, or else the first local guide's that
// declares one, in lang and then in any language.
func (s *site) hotline(g *library.Guide) *library.Hotline {
	if g.Hotline != nil {
		return g.Hotline
	}
	for _, lang := range append([]i18n.Lang{g.Lang}, others(g.Lang)...) {
		for _, other := range s.lib.Guides(lang) {
			if other.Local && other.Hotline != nil {
				return other.Hotline
			}
		}
	}
	return nil
}

// blockLines returns the lines of g's code block with the given info
// string, blank lines dropped.
func blockLines(g *library.Guide, info string) []string {
	if g == nil {
		return nil
	}
	for _, b := range g.Blocks {
		if strings.EqualFold(strings.TrimSpace(b.Info), info) {
			var out []string
			for _, line := range strings.Split(b.Text, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out = append(out, line)
				}
			}
			return out
		}
	}
	return nil
}

// cardsView is the content of a card sheet.
type cardsView struct {
	Holder, Officer []string
	HolderTitle     string
	OfficerTitle    string
	Hotline         *library.Hotline
	WriteIn         string // the label of a line to write a number on, when there is no hotline
	Slots           []int
	Marks           []cutMark
}

// cutMark is one cut mark, placed from the grid's top left corner.
type cutMark struct {
	Class     string // "v" (vertical) or "h"
	Left, Top string
}

func (s *site) cardSheet(lang i18n.Lang) (bool, error) {
	g, found := s.lib.Get(cardID, lang)
	if !found {
		s.skip(cardID, lang, "export.skip_no_guide")
		return false, nil
	}
	holder := blockLines(g, holderBlock)
	officer := blockLines(g, officerBlock)
	if len(officer) == 0 {
		en, _ := s.lib.Get(cardID, i18n.English)
		officer = blockLines(en, officerBlock)
	}
	if len(holder) == 0 || len(officer) == 0 {
		s.skip(cardID, lang, "export.skip_no_card")
		return false, nil
	}
	v := cardsView{
		Holder:       holder,
		Officer:      officer,
		HolderTitle:  catalog(lang).T("export.card_holder_title"),
		OfficerTitle: catalog(i18n.English).T("export.card_officer_title"),
		Hotline:      s.hotline(g),
		WriteIn:      catalog(lang).T("export.card_write_in"),
		Slots:        make([]int, cardColumns*cardRows),
		Marks:        cutMarks(),
	}
	name := cardsPage(lang)
	p := s.page(lang, name, catalog(lang).T("export.cards_title"))
	p.Class = "sheet"
	p.Styles = append(p.Styles, rel(name, cardsSheet))
	p.Content = v
	for _, l := range others(lang) {
		if _, ok := s.lib.Get(cardID, l); ok {
			p.Alternates = append(p.Alternates, alternateOf(name, l, cardsPage(l)))
		}
	}
	return true, s.render(s.templates().cards, name, p)
}

// cutMarks are short lines outside the grid of cards, in line with every
// cut, so a paper cutter or scissors can follow them; the cards' own edges
// are left unmarked on the back, which a duplex printer never lines up
// exactly.
func cutMarks() []cutMark {
	var out []cutMark
	for c := 0; c <= cardColumns; c++ {
		x := mm(float64(c) * cardWidth)
		out = append(out, cutMark{"v", x, "-11mm"}, cutMark{"v", x, mm(cardRows*cardHeight + 3)})
	}
	for r := 0; r <= cardRows; r++ {
		y := mm(float64(r) * cardHeight)
		out = append(out, cutMark{"h", "-11mm", y}, cutMark{"h", mm(cardColumns*cardWidth + 3), y})
	}
	return out
}

// The size of a card: ISO/IEC 7810 ID-1, a credit card's.
const (
	cardWidth  = 85.6
	cardHeight = 54.0
)

func mm(v float64) string {
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), ".")
	return s + "mm"
}

// handoutView is the content of a one-page handout.
type handoutView struct {
	Title               string
	ID                  string
	InShort             template.HTML
	Phrases             []phrase
	Hotline             *library.Hotline
	Reviewed, FactsAsOf string
	Publishers          string
	Dense               bool
}

func (s *site) handout(g *library.Guide) error {
	name := handoutPage(g.Lang, g.ID)
	b := newBody(g, s.links(g, name, true))
	_, top := b.top()
	inShort, err := b.html(top...)
	if err != nil {
		return err
	}
	v := handoutView{
		Title:      g.Title,
		ID:         g.ID,
		InShort:    inShort,
		Phrases:    sayings(g),
		Hotline:    s.hotline(g),
		Reviewed:   day(g.Reviewed),
		FactsAsOf:  month(g.FactsAsOf, g.Lang),
		Publishers: publishers(g.Sources),
	}
	v.Dense = handoutLength(g, v.Phrases) > denseAfter
	p := s.page(g.Lang, name, g.Title+" ("+catalog(g.Lang).T("export.handout_tag")+")")
	p.Class = "handout"
	p.Styles = append(p.Styles, rel(name, handoutSheet))
	p.Content = v
	for _, l := range others(g.Lang) {
		if _, ok := s.lib.Get(g.ID, l); ok {
			p.Alternates = append(p.Alternates, alternateOf(name, l, handoutPage(l, g.ID)))
		}
	}
	return s.render(s.templates().handout, name, p)
}

// denseAfter is how many characters of text a handout holds before it is
// set smaller to stay on one page.
const denseAfter = 1900

// handoutLength counts the characters a handout prints.
func handoutLength(g *library.Guide, phrases []phrase) int {
	n := 0
	if len(g.Sections) > 0 {
		n += len([]rune(g.Sections[0].Text))
	}
	for _, p := range phrases {
		n += len([]rune(p.Text)) + len([]rune(p.English)) + 20
	}
	return n
}

// publishers names who a guide's facts come from, each once.
func publishers(list []library.Source) string {
	var out []string
	seen := map[string]bool{}
	for _, src := range list {
		if p := strings.TrimSpace(src.Publisher); p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return strings.Join(out, "; ")
}
