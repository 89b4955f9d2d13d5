package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"text/tabwriter"
	"time"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

func listCommand() *command {
	var asJSON bool
	return &command{
		name:     "list",
		guides:   true,
		allLangs: true,
		flags:    func(fs *flag.FlagSet) { fs.BoolVar(&asJSON, "json", false, "cmd.flag.list_json") },
		run:      func(c *call) error { return runList(c, asJSON) },
	}
}

// listItem is one guide in list --json.
type listItem struct {
	ID        string           `json:"id"`
	Lang      i18n.Lang        `json:"lang"`
	Section   string           `json:"section"`
	Title     string           `json:"title"`
	Summary   string           `json:"summary"`
	Reviewed  string           `json:"reviewed"`
	FactsAsOf string           `json:"facts_as_of"` // YYYY-MM, or ""
	Sources   []library.Source `json:"sources"`
	Local     bool             `json:"local"`
	Replaces  bool             `json:"replaces"` // a local guide in place of a built-in one
	RightNow  *rightNowItem    `json:"right_now"`
	Hotline   *hotlineItem     `json:"hotline"`
}

type hotlineItem struct {
	Name  string `json:"name"`
	Phone string `json:"phone"`
	Hours string `json:"hours"`
}

type rightNowItem struct {
	Label string `json:"label"`
	Order int    `json:"order"`
}

func runList(c *call, asJSON bool) error {
	if err := c.noArgs(0); err != nil {
		return err
	}
	lib, err := c.library()
	if err != nil {
		return err
	}
	lang := c.cat.Lang()
	if c.g.allLangs {
		lang = ""
	}
	guides := lib.Entries(lang) // a list decodes no guide
	if asJSON {
		items := make([]listItem, 0, len(guides))
		for _, e := range guides {
			g, _ := lib.Get(e.ID, e.Lang) // for its sources
			items = append(items, newListItem(g))
		}
		return c.json(items)
	}
	tw := tabwriter.NewWriter(&c.out, 0, 0, 2, ' ', 0)
	section := ""
	for _, g := range guides {
		if g.Section != section {
			if section != "" {
				fmt.Fprintln(tw)
			}
			section = g.Section
			fmt.Fprintln(tw, sectionName(c.cat, g))
		}
		id := g.ID
		if lang == "" {
			id += " [" + string(g.Lang) + "]"
		}
		title := g.Title
		switch {
		case g.Replaces:
			title += " (" + c.cat.T("cmd.list.replaces") + ")"
		case g.Local:
			title += " (" + c.cat.T("cmd.list.local") + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", id, title)
	}
	return tw.Flush()
}

func newListItem(g *library.Guide) listItem {
	it := listItem{
		ID: g.ID, Lang: g.Lang, Section: g.Section, Title: g.Title, Summary: g.Summary,
		Reviewed: day(g.Reviewed), FactsAsOf: month(g.FactsAsOf),
		Sources: g.Sources, Local: g.Local, Replaces: g.Replaces,
	}
	if it.Sources == nil {
		it.Sources = []library.Source{}
	}
	if g.RightNow != nil {
		it.RightNow = &rightNowItem{g.RightNow.Label, g.RightNow.Order}
	}
	if g.Hotline != nil {
		it.Hotline = &hotlineItem{g.Hotline.Name, g.Hotline.Phone, g.Hotline.Hours}
	}
	return it
}

// sectionName is what a guide's section is called: a local section by its
// own section_title, a built-in one in the person's language.
func sectionName(cat i18n.Catalog, g *library.Entry) string {
	if g.SectionTitle != "" && !slices.Contains(library.Sections, g.Section) {
		return g.SectionTitle
	}
	return cat.Section(g.Section)
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func month(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01")
}

// json writes v as indented JSON, with <, > and & as they are.
func (c *call) json(v any) error {
	enc := json.NewEncoder(&c.out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
