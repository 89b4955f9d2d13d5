// Package export turns the library into files a person can carry beyond
// the laptop: a static site for any browser or a Kiwix reader, and pages to
// print (wallet-size rights cards and one-page handouts).
//
// Every page is made from the library's one parse (Guide.Document, the safe
// tree) with goldmark's HTML renderer, raw HTML off, and from the Guide's
// cleaned fields through html/template, so nothing a guide says can become
// markup, a script or an escape character. Pages load nothing from outside
// the folder, set no cookie, use no storage or service worker, send no
// referrer, and work without JavaScript.
package export

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// Options choose what an export carries.
type Options struct {
	Version string // defensa's version, in every page's footer
}

// File is one file of an export.
type File struct {
	Name string // slash-separated, relative to the export's folder
	Data []byte
}

// Skipped is a printable page an export could not make, and why.
type Skipped struct {
	ID   string
	Lang i18n.Lang
	Key  string // catalog key of the reason; it takes the id and the language
}

// Error implements error, in English; Message gives it in any language.
func (s Skipped) Error() string { return s.Message(i18n.For(i18n.English)) }

// Message says what was skipped, in the catalog's language.
func (s Skipped) Message(cat i18n.Catalog) string {
	return cat.T(s.Key, s.ID, cat.LangName(s.Lang))
}

// Result is an export: its files, and the printable pages it had to skip.
type Result struct {
	Files   []File
	Skipped []Skipped
}

// HTML exports the whole library, every language, as a static site: the
// welcome page, an index per language, a page per guide, and the printable
// cards and handouts.
func HTML(lib *library.Library, opt Options) (*Result, error) {
	s := newSite(lib, opt, true)
	if err := s.build(); err != nil {
		return nil, err
	}
	return &s.out, nil
}

// Print exports only the printable pages: a sheet of wallet cards and the
// handouts, in every language, with a page that lists them.
func Print(lib *library.Library, opt Options) (*Result, error) {
	s := newSite(lib, opt, false)
	if err := s.build(); err != nil {
		return nil, err
	}
	return &s.out, nil
}

// site is one export being made.
type site struct {
	lib  *library.Library
	opt  Options
	full bool // the whole site, not only the printable pages
	out  Result
	tmpl *pageTemplates // parsed on first use
}

// templates returns the page templates, parsing them once.
func (s *site) templates() *pageTemplates {
	if s.tmpl == nil {
		s.tmpl = parseTemplates()
	}
	return s.tmpl
}

func newSite(lib *library.Library, opt Options, full bool) *site {
	return &site{lib: lib, opt: opt, full: full}
}

func (s *site) add(name string, data []byte) {
	s.out.Files = append(s.out.Files, File{Name: name, Data: data})
}

func (s *site) build() error {
	s.add(styleSheet, []byte(siteCSS))
	s.add(cardsSheet, []byte(cardsCSS))
	s.add(handoutSheet, []byte(handoutCSS))
	s.add(illustration, icon())
	var prints []printSet
	for _, lang := range i18n.Langs {
		p, err := s.printPages(lang)
		if err != nil {
			return err
		}
		prints = append(prints, p)
	}
	if s.full {
		s.add(searchScript, []byte(searchJS))
		for _, g := range s.lib.Guides("") {
			if err := s.guidePage(g); err != nil {
				return fmt.Errorf("%s (%s): %w", g.ID, g.Lang, err)
			}
		}
		for i, lang := range i18n.Langs {
			if err := s.langIndex(lang, prints[i]); err != nil {
				return err
			}
			data, err := s.searchData(lang)
			if err != nil {
				return err
			}
			s.add(searchData(lang), data)
		}
	}
	return s.rootIndex(prints)
}

// catalog returns the interface text of lang.
func catalog(lang i18n.Lang) i18n.Catalog { return i18n.For(lang) }

// others are the languages other than lang, in display order.
func others(lang i18n.Lang) []i18n.Lang {
	var out []i18n.Lang
	for _, l := range i18n.Langs {
		if l != lang {
			out = append(out, l)
		}
	}
	return out
}

// Write writes the files of an export into dir, making it if needed. It
// writes inside dir only (a symbolic link in dir is not followed out of
// it), replaces files an earlier export wrote, and removes nothing.
func Write(dir string, files []File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	made := map[string]bool{".": true}
	for _, f := range files {
		if !fs.ValidPath(f.Name) {
			return fmt.Errorf("export: bad file name %q", f.Name)
		}
		if d := path.Dir(f.Name); !made[d] {
			if err := root.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := root.WriteFile(f.Name, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// sectionTitle names a section in lang: the interface's name for a
// built-in one, what a local folder's guides call it (section_title), or
// its folder name.
func (s *site) sectionTitle(section string, lang i18n.Lang) string {
	if slices.Contains(library.Sections, section) {
		return catalog(lang).Section(section)
	}
	for _, l := range append([]i18n.Lang{lang}, others(lang)...) {
		for _, g := range s.lib.Guides(l) {
			if g.Section == section && g.SectionTitle != "" {
				return g.SectionTitle
			}
		}
	}
	return section
}

// sectionID is the id of a section's part of an index page.
func sectionID(section string) string { return "s-" + safeName(section) }
