package export

import (
	"encoding/json"
	"strings"

	"defensa/internal/fold"
	"defensa/internal/i18n"
)

// searchEntry is one thing the optional search can find: a guide, or a
// heading inside one.
type searchEntry struct {
	Title   string `json:"t"`           // what the result shows
	URL     string `json:"u"`           // relative to the language's index
	Context string `json:"c,omitempty"` // the guide a heading is in
	Words   string `json:"k"`           // folded words it is found by, beyond its title
	Guide   bool   `json:"g,omitempty"`
}

// searchData is the script that hands lang's index to the search script:
// every guide by its title, summary and tags, and every heading. It is a
// script, not JSON, because a page opened from a folder may not fetch.
func (s *site) searchData(lang i18n.Lang) ([]byte, error) {
	from := langIndex(lang)
	cat := catalog(lang)
	var entries []searchEntry
	for _, g := range s.lib.Catalog(lang) {
		href := rel(from, guidePage(g))
		words := append([]string{g.Summary}, g.Tags...)
		if g.RightNow != nil {
			words = append(words, g.RightNow.Label)
		}
		entries = append(entries, searchEntry{Title: g.Title, URL: href, Words: fold.String(strings.Join(words, " ")), Guide: true})
		for _, h := range g.Headings {
			if h.Level < 2 {
				continue
			}
			entries = append(entries, searchEntry{Title: h.Text, URL: href + "#" + h.Anchor, Context: g.Title})
		}
	}
	data, err := json.Marshal(struct {
		Entries []searchEntry `json:"entries"`
		Found   string        `json:"found"`
		None    string        `json:"none"`
	}{entries, cat.T("export.search_found"), cat.T("export.search_none")})
	if err != nil {
		return nil, err
	}
	return append(append([]byte("window.DEFENSA_SEARCH = "), data...), ";\n"...), nil
}
