// Package library loads, validates and serves the guides.
//
// It reads any fs.FS laid out as <lang>/<section>/<slug>.md, so the
// embedded corpus, a user's own folder (os.DirFS) and tests
// (fstest.MapFS) are all the same to it. It is the only package that
// decodes front matter or parses Markdown: every consumer (search, the
// renderer, the interface, the HTML export) gets the facts of one goldmark
// parse, already cleaned of anything that could drive a terminal. It never
// imports anything that draws on a terminal.
package library

import (
	"strings"
	"time"

	"defensa/internal/i18n"
)

// Entry is what a list of guides shows of one: its card in the catalog.
// The built-in library decodes every entry at start and a guide's content
// only when the guide is asked for.
type Entry struct {
	ID      string    // "<section>/<slug>", the same in every language
	Lang    i18n.Lang // the language folder it came from
	Section string    // the section folder
	// SectionTitle is what a local section calls itself (front matter
	// section_title); built-in sections are named by the interface.
	SectionTitle string
	Order        int
	Title        string
	Summary      string
	Tags         []string
	Reviewed     time.Time // the day the guide was last reviewed; zero when missing
	// FactsAsOf is the month of the newest source the guide's facts were
	// checked against (front matter facts_as_of, YYYY-MM), as the first day
	// of that month; zero when missing.
	FactsAsOf time.Time
	RightNow  *RightNow // the guide asks to be listed under "Right now"
	Hotline   *Hotline  // the organization's hotline, for cards and handouts

	Path  string // where it was read from, for messages: "guides/en/rights/at-home.md"
	Local bool   // it came from a --guides folder
	// Digest is a checksum of everything the guide says (its front matter
	// and its Markdown), so an index made from it can tell, without
	// decoding the guide, that it is still the same guide.
	Digest uint64
	// Replaces is true for a local guide that took the place of a built-in
	// guide with the same id and language.
	Replaces bool
}

// Guide is one Markdown guide in one language: its entry and its content.
// Guides are made only by newGuide (for files) and by the snapshot decoder
// (for the built-in library, which newGuide made at build time), so every
// string in one has been cleaned.
type Guide struct {
	Entry

	Sources  []Source
	Body     string `text:"multiline"` // Markdown after the front matter
	BodyLine int    // file line on which Body starts (1-based)
	Headings []Heading
	Links    []Link
	Blocks   []Block   // fenced and indented code blocks: the templates
	Sections []Section // the guide cut at its headings of level 2 and deeper

	meta fieldFacts
}

// fieldFacts is what only Check needs to know about the front matter: where
// each field stood and what was declared, so messages can name lines.
type fieldFacts struct {
	lines           map[string]int // front matter key -> file line
	declaredSection string
	hasOrder        bool
}

// fieldLine is the file line of a front matter field, or 1 when it is
// missing (the opening "---").
func (g *Guide) fieldLine(name string) int {
	if l, ok := g.meta.lines[name]; ok {
		return l
	}
	return 1
}

// Source is one entry of a guide's front matter "sources".
type Source struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Date      string `json:"date"`
}

// RightNow places a guide in the "Right now" block of the home screen: the
// situations people arrive with.
type RightNow struct {
	Label string // the situation, in the guide's language: "ICE is at the door"
	Order int    // position in the block
}

// Hotline is an organization's phone line, declared by a local guide.
type Hotline struct {
	Name  string // who answers
	Phone string // as it is dialled and printed
	Hours string // when it answers, free text; may be empty
}

// Heading is a Markdown heading of a guide body.
type Heading struct {
	Level  int
	Text   string // what a reader sees: inline markup removed
	Anchor string // the slug links use: "is-it-a-judges-warrant"
	Line   int    // line in the file
}

// LinkKind says where a link goes and so how it may be shown.
type LinkKind int

// The kinds of link. Only web, mail and phone links are ever shown as
// addresses or hyperlinks; a blocked link is shown as its text alone.
const (
	LinkGuide   LinkKind = iota // another guide, or a place in this one (ID set)
	LinkWeb                     // http: or https:
	LinkMail                    // mailto:
	LinkPhone                   // tel:
	LinkFile                    // a relative path that is not a guide
	LinkBlocked                 // any other scheme (javascript:, file:, data:, smb:...)
)

// Link is a Markdown link found in a guide body: inline, reference,
// autolink or a bare web address.
type Link struct {
	Text   string // what a reader sees
	Target string // the destination as written (reference links resolved)
	Line   int    // line in the file
	Kind   LinkKind
	// For a link to another guide (relative .md path) or to a place in
	// this guide ("#anchor"), the target's id and anchor.
	ID     string
	Anchor string
}

// External reports whether the link points outside the library to an
// address a person can use: the web, an email address or a phone number.
func (l Link) External() bool {
	return l.Kind == LinkWeb || l.Kind == LinkMail || l.Kind == LinkPhone
}

// Address is what to show a reader for an external link: the web address
// as written, the email address, or the phone number; "" for other links.
func (l Link) Address() string {
	switch l.Kind {
	case LinkWeb:
		return l.Target
	case LinkMail, LinkPhone:
		_, rest, _ := strings.Cut(l.Target, ":")
		rest, _, _ = strings.Cut(rest, "?")
		return rest
	}
	return ""
}

// Block is a code block of a guide: in templates, the text to copy.
type Block struct {
	Text string `text:"multiline"` // the block's lines, without the fences
	Info string // the fence's info string ("text"), if any
	Line int    // file line of the block's first line of text
	// Intro is the paragraph right before the block, which says what it
	// is for ("**Optional:** use this paragraph only if..."); "" when
	// something else stands before it.
	Intro string
}

// Range is a half-open range of indexes [From, To).
type Range struct{ From, To int }

// Len returns the number of indexes in r.
func (r Range) Len() int { return r.To - r.From }

// Section is a guide cut at one heading: the heading (level 2 or deeper)
// and what follows up to the next one. The first section is the top of the
// guide: the title and the "In short" list before the first heading.
type Section struct {
	Heading int    // index into Guide.Headings; for the top, the title's (or -1 without one)
	Text    string `text:"multiline"` // plain text: one line per paragraph, list item, table row or code line
	Links   Range  // the section's links, in Guide.Links
	Blocks  Range  // the section's code blocks, in Guide.Blocks
}

// Top reports whether s is the top of its guide, before any ## heading.
func (s Section) Top(g *Guide) bool {
	return s.Heading < 0 || g.Headings[s.Heading].Level < 2
}

// Anchor returns the index of the heading with the given anchor, or -1.
// Case and accents do not matter, so an anchor typed without them
// ("#como-prepararse-desde-ahora") still finds its heading.
func (g *Guide) Anchor(anchor string) int {
	for i, h := range g.Headings {
		if h.Anchor == anchor {
			return i
		}
	}
	folded := foldAnchor(anchor)
	for i, h := range g.Headings {
		if foldAnchor(h.Anchor) == folded {
			return i
		}
	}
	return -1
}

// SectionOf returns the index of the section heading i belongs to.
func (g *Guide) SectionOf(heading int) int {
	best := 0
	for i, s := range g.Sections {
		if s.Heading >= 0 && s.Heading <= heading {
			best = i
		}
	}
	return best
}
