// Package library loads, validates and serves the guides.
//
// It reads any fs.FS laid out as <lang>/<section>/<slug>.md, so the embedded
// corpus, a user's own folder (os.DirFS) and tests (fstest.MapFS) are all the
// same to it. It never imports anything that draws on a terminal.
package library

import (
	"time"

	"defensa/internal/i18n"
)

// Guide is one Markdown guide in one language.
type Guide struct {
	ID       string    // "<section>/<slug>", the same in every language
	Lang     i18n.Lang // the language folder it came from
	Section  string
	Order    int
	Title    string
	Summary  string
	Tags     []string
	Reviewed time.Time // zero when the front matter lacks it
	Sources  []Source
	Body     string // Markdown after the front matter, control characters removed
	BodyLine int    // line of the file on which Body starts (1-based)
	Headings []Heading
	Links    []Link
	Path     string // where it was read from, for messages: "guides/en/rights/at-home.md"
	Local    bool   // true when it came from a --guides folder

	hasOrder        bool
	declaredSection string
}

// Source is one entry of a guide's front matter "sources".
type Source struct {
	Title     string `yaml:"title"`
	Publisher string `yaml:"publisher"`
	URL       string `yaml:"url"`
	Date      string `yaml:"date"`
}

// Heading is a Markdown heading of a guide body.
type Heading struct {
	Level  int
	Text   string
	Anchor string
	Line   int // line in the file
}

// Link is a Markdown link found in a guide body.
type Link struct {
	Text   string
	Target string // as written
	Line   int    // line in the file
	// For a link to another guide (relative .md path), the target's id and
	// anchor; for a link inside the same guide ("#anchor"), ID is the guide's
	// own id. Both are empty for a web address or a path that is not a guide.
	ID     string
	Anchor string
}

// External reports whether the link points outside the library: a web or
// mail address, anything with a URL scheme.
func (l Link) External() bool { return hasScheme(l.Target) }

// Anchor returns the index of the heading with the given anchor, or -1.
func (g *Guide) Anchor(anchor string) int {
	for i, h := range g.Headings {
		if h.Anchor == anchor {
			return i
		}
	}
	return -1
}
