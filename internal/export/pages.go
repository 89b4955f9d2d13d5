package export

import (
	"bytes"
	"cmp"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// page is what every page template gets.
type page struct {
	Lang        i18n.Lang
	Title       string
	Description string
	Root        string // from this page to the export's folder: "", "../", "../../"
	Class       string // of <body>
	Styles      []string
	Alternates  []alternate
	Version     string
	Content     any
	Scripts     []string
	cat         i18n.Catalog
}

// T is the interface text of the page's language.
func (p page) T(key string, args ...any) string { return p.cat.T(key, args...) }

// alternate is the same page in another language.
type alternate struct {
	Lang i18n.Lang
	Name string // the language's name in itself: "Español"
	Href string
}

func (s *site) page(lang i18n.Lang, name, title string) page {
	return page{
		Lang:    lang,
		Title:   title,
		Root:    strings.Repeat("../", strings.Count(name, "/")),
		Styles:  []string{rel(name, styleSheet)},
		Version: s.opt.Version,
		cat:     catalog(lang),
	}
}

func alternateOf(from string, lang i18n.Lang, to string) alternate {
	return alternate{Lang: lang, Name: catalog(lang).T("export.lang_self"), Href: rel(from, to)}
}

// render runs a page template into the export.
func (s *site) render(t *template.Template, name string, p page) error {
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "page", p); err != nil {
		return err
	}
	s.add(name, b.Bytes())
	return nil
}

// guideView is the content of a guide's page.
type guideView struct {
	Index, SectionHref, SectionName string
	Heading                         template.HTML // the title heading
	Rest                            template.HTML // everything after it
	Reviewed, FactsAsOf             string
	Local, Replaces                 bool
	Sources                         []sourceView
}

type sourceView struct {
	Text string // title, publisher and date, as one sentence
	URL  string
	Href string // set only for an http(s) address
}

func (s *site) guidePage(g *library.Guide) error {
	name := guidePage(g)
	b := newBody(g, s.links(g, name, false))
	title, _ := b.top()
	var rest []ast.Node
	for n := b.doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if n != title {
			rest = append(rest, n)
		}
	}
	v := guideView{
		Index:       rel(name, langIndex(g.Lang)),
		SectionHref: rel(name, langIndex(g.Lang)) + "#" + sectionID(g.Section),
		SectionName: s.sectionTitle(g.Section, g.Lang),
		Reviewed:    day(g.Reviewed),
		FactsAsOf:   month(g.FactsAsOf, g.Lang),
		Local:       g.Local,
		Replaces:    g.Replaces,
		Sources:     sources(g.Sources),
	}
	var err error
	if title != nil {
		if v.Heading, err = b.html(title); err != nil {
			return err
		}
	}
	if v.Rest, err = b.html(rest...); err != nil {
		return err
	}
	p := s.page(g.Lang, name, g.Title)
	p.Description = g.Summary
	p.Content = v
	for _, l := range others(g.Lang) {
		if twin, ok := s.lib.Get(g.ID, l); ok {
			p.Alternates = append(p.Alternates, alternateOf(name, l, guidePage(twin)))
		}
	}
	return s.render(s.templates().guide, name, p)
}

// links says what each link of g becomes on the page at from. On a
// handout nothing but external addresses is followed: it is paper.
func (s *site) links(g *library.Guide, from string, handout bool) func(int) linkTarget {
	return func(i int) linkTarget {
		if i < 0 || i >= len(g.Links) {
			return linkTarget{}
		}
		l := g.Links[i]
		switch {
		case l.External():
			t := linkTarget{href: string(util.URLEscape([]byte(l.Target), true)), external: true}
			if addr := l.Address(); !sameAddress(l.Text, addr) {
				t.addr = addr
			}
			return t
		case l.Kind != library.LinkGuide || handout:
			return linkTarget{}
		case l.ID == g.ID:
			if h := g.Anchor(l.Anchor); h >= 0 {
				return linkTarget{href: "#" + g.Headings[h].Anchor}
			}
			return linkTarget{}
		}
		target, _, err := s.lib.Lookup(l.ID, g.Lang)
		if err != nil {
			return linkTarget{} // a guide this library lacks: its text alone
		}
		href := rel(from, guidePage(target))
		if h := s.lib.FindHeading(target, l.Anchor); h > 0 {
			href += "#" + target.Headings[h].Anchor
		}
		return linkTarget{href: href}
	}
}

// sources lists a guide's sources, each address a link only when it is a
// web address.
func sources(list []library.Source) []sourceView {
	var out []sourceView
	for _, src := range list {
		v := sourceView{Text: sentence(src.Title, src.Publisher, src.Date), URL: src.URL}
		if u, err := url.Parse(src.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			v.Href = src.URL
		}
		out = append(out, v)
	}
	return out
}

// sentence joins the parts of a source into one sentence: "Title.
// Publisher, date." A part that ends in its own stop gets no other.
func sentence(title, publisher, date string) string {
	var b strings.Builder
	stop := func() {
		if s := b.String(); s != "" && !strings.ContainsAny(s[len(s)-1:], ".?!") {
			b.WriteByte('.')
		}
	}
	b.WriteString(strings.TrimSpace(title))
	if publisher = strings.TrimSpace(publisher); publisher != "" {
		stop()
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(publisher)
	}
	if date = strings.TrimSpace(date); date != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(date)
	}
	stop()
	return b.String()
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// month names a month in lang: "June 2026", "junio de 2026".
func month(t time.Time, lang i18n.Lang) string {
	if t.IsZero() {
		return ""
	}
	cat := catalog(lang)
	return cat.T("export.month", cat.T("export.month_"+t.Format("01")), t.Year())
}

// indexView is the content of a language's index page.
type indexView struct {
	Home     string
	RightNow []entry
	Sections []sectionView
	Print    printSet
}

type entry struct {
	Href, Title, Summary string
	Local                bool
	Other                string // the language it is shown in, when not the page's
}

type sectionView struct {
	ID, Name string
	Guides   []entry
}

func (s *site) langIndex(lang i18n.Lang, prints printSet) error {
	name := langIndex(lang)
	v := indexView{Home: rel(name, rootIndex), RightNow: s.rightNow(lang, name), Print: prints.from(name)}
	for _, g := range s.lib.Catalog(lang) {
		if n := len(v.Sections); n == 0 || v.Sections[n-1].ID != sectionID(g.Section) {
			v.Sections = append(v.Sections, sectionView{ID: sectionID(g.Section), Name: s.sectionTitle(g.Section, lang)})
		}
		sec := &v.Sections[len(v.Sections)-1]
		sec.Guides = append(sec.Guides, s.entry(g, lang, name, g.Title))
	}
	cat := catalog(lang)
	p := s.page(lang, name, "defensa: "+cat.T("export.index_title"))
	p.Description = cat.T("export.tagline")
	p.Content = v
	p.Scripts = []string{rel(name, searchData(lang)), rel(name, searchScript)}
	for _, l := range others(lang) {
		p.Alternates = append(p.Alternates, alternateOf(name, l, langIndex(l)))
	}
	return s.render(s.templates().index, name, p)
}

func (s *site) entry(g *library.Guide, lang i18n.Lang, from, label string) entry {
	e := entry{Href: rel(from, guidePage(g)), Title: label, Summary: g.Summary, Local: g.Local}
	if g.Lang != lang {
		e.Other = catalog(lang).LangName(g.Lang)
	}
	return e
}

// rightNow lists the situations people arrive with, in lang: the guides
// that ask for it (right_now), in their order.
func (s *site) rightNow(lang i18n.Lang, from string) []entry {
	var gs []*library.Guide
	for _, g := range s.lib.Catalog(lang) {
		if g.RightNow != nil {
			gs = append(gs, g)
		}
	}
	slices.SortStableFunc(gs, func(a, b *library.Guide) int {
		return cmp.Or(cmp.Compare(a.RightNow.Order, b.RightNow.Order), strings.Compare(a.ID, b.ID))
	})
	var out []entry
	for _, g := range gs {
		out = append(out, s.entry(g, lang, from, g.RightNow.Label))
	}
	return out
}

// rootView is the content of the welcome page: every language side by
// side, each with its "Right now", so a person finds their language and
// their situation on the first screen.
type rootView struct {
	Full  bool // the whole site; else only printable pages were exported
	Langs []rootLang
}

type rootLang struct {
	Lang     i18n.Lang
	Name     string
	Title    string
	Index    string
	Tagline  string
	RightNow []entry
	Print    printSet
	cat      i18n.Catalog
}

// T is the interface text of this part's language.
func (r rootLang) T(key string, args ...any) string { return r.cat.T(key, args...) }

func (s *site) rootIndex(prints []printSet) error {
	v := rootView{Full: s.full}
	for i, lang := range i18n.Langs {
		cat := catalog(lang)
		r := rootLang{Lang: lang, Name: cat.T("export.lang_self"), Title: cat.T("export.index_title"), Index: langIndex(lang),
			Tagline: cat.T("export.tagline"), Print: prints[i].from(rootIndex), cat: cat}
		if s.full {
			r.RightNow = s.rightNow(lang, rootIndex)
		}
		v.Langs = append(v.Langs, r)
	}
	p := s.page(i18n.English, rootIndex, "defensa")
	p.Description = catalog(i18n.English).T("export.tagline")
	p.Content = v
	return s.render(s.templates().root, rootIndex, p)
}
