package main

import (
	"cmp"
	"flag"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	xansi "github.com/charmbracelet/x/ansi"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/search"
)

func searchCommand() *command {
	var asJSON bool
	var limit int
	return &command{
		name:     "search",
		guides:   true,
		allLangs: true,
		args:     argWords,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "cmd.flag.search_json")
			fs.IntVar(&limit, "limit", 10, "cmd.flag.limit")
		},
		run: func(c *call) error { return runSearch(c, asJSON, limit) },
	}
}

// searchItem is one result in search --json.
type searchItem struct {
	ID      string         `json:"id"`
	Lang    i18n.Lang      `json:"lang"`
	Title   string         `json:"title"`
	Heading string         `json:"heading"`
	Anchor  string         `json:"anchor"`
	Score   float64        `json:"score"`
	Snippet search.Snippet `json:"snippet"`
}

func runSearch(c *call, asJSON bool, limit int) error {
	query := strings.Join(c.args, " ")
	if strings.TrimSpace(query) == "" {
		return usageError{c.cat.T("cmd.search.needs_query")}
	}
	if limit <= 0 {
		return usageError{c.cat.T("cmd.search.bad_limit")}
	}
	lib, err := c.library()
	if err != nil {
		return err
	}
	ix := searchIndex(lib)
	// People search in whichever language the words come to them: both,
	// unless --lang names one.
	lang := i18n.Lang("")
	if l, ok := i18n.Parse(c.g.lang); ok {
		lang = l
	}
	// A query from the command line is complete: its last word is not the
	// start of one still being typed.
	results := ix.Search(query+" ", search.Options{Lang: lang, Prefer: c.cat.Lang(), Limit: limit})
	if asJSON {
		items := make([]searchItem, 0, len(results))
		for _, r := range results {
			items = append(items, searchItem{r.ID, r.Lang, r.Title, r.Heading, r.Anchor, round(r.Score), r.Snippet})
		}
		return c.json(items)
	}
	if len(results) == 0 {
		c.say("cmd.search.none", query)
		if s := ix.Suggest(query, 5); len(s) > 0 {
			c.say("cmd.did_you_mean", strings.Join(s, ", "))
		}
		c.say("cmd.search.try_glossary")
		c.rightNow(lib)
		return nil
	}
	open, close := "", ""
	if !c.env.plain() {
		open, close = "\x1b[1m", "\x1b[22m"
	}
	// On a terminal, lines are wrapped under themselves; in a pipe each
	// result is three lines, for scripts.
	width, _ := c.env.size()
	for i, r := range results {
		where, target := r.Title, r.ID
		if r.Heading != "" {
			where += " › " + r.Heading
			target += "#" + r.Anchor
		}
		if lang == "" {
			where += " [" + string(r.Lang) + "]"
		}
		number := fmt.Sprintf("%d. ", i+1)
		c.println(number + hang(where, width, len(number)))
		c.println("   " + target)
		c.println("   " + hang(r.Snippet.Marked(open, close), width, 3))
	}
	return nil
}

// hang wraps s, which starts indent columns in, to width columns, the
// lines after the first indented as much; width 0 leaves it whole.
func hang(s string, width, indent int) string {
	if width-indent < 20 {
		return s
	}
	return strings.ReplaceAll(xansi.Wordwrap(s, width-indent, ""), "\n", "\n"+strings.Repeat(" ", indent))
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// rightNow lists the "Right now" guides, for a search that found nothing:
// the situations most people come with.
func (c *call) rightNow(lib *library.Library) {
	var now []*library.Entry
	for _, e := range lib.CatalogEntries(c.cat.Lang()) {
		if e.RightNow != nil {
			now = append(now, e)
		}
	}
	if len(now) == 0 {
		return
	}
	slices.SortStableFunc(now, func(a, b *library.Entry) int { return cmp.Compare(a.RightNow.Order, b.RightNow.Order) })
	c.println("")
	c.say("cmd.search.right_now")
	tw := tabwriter.NewWriter(&c.out, 0, 0, 2, ' ', 0)
	for _, e := range now {
		fmt.Fprintf(tw, "  %s\tdefensa read %s\n", e.RightNow.Label, e.ID)
	}
	_ = tw.Flush()
}
