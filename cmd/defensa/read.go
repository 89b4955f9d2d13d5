package main

import (
	"errors"
	"flag"
	"strings"

	"github.com/charmbracelet/colorprofile"

	"defensa/internal/library"
	"defensa/internal/render"
)

// readOptions are read's own flags.
type readOptions struct {
	raw, template, noPager bool
	width                  int
}

func readCommand() *command {
	var o readOptions
	return &command{
		name:   "read",
		guides: true,
		args:   argGuide,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&o.raw, "raw", false, "cmd.flag.raw")
			fs.BoolVar(&o.template, "template", false, "cmd.flag.template")
			fs.IntVar(&o.width, "width", 0, "cmd.flag.width")
			fs.BoolVar(&o.noPager, "no-pager", false, "cmd.flag.no_pager")
		},
		run: func(c *call) error { return runRead(c, o) },
	}
}

func runRead(c *call, o readOptions) error {
	switch {
	case len(c.args) != 1:
		return usageError{c.cat.T("cmd.read.needs_id")}
	case o.raw && o.template:
		return usageError{c.cat.T("cmd.read.raw_or_template")}
	case o.width < 0:
		return usageError{c.cat.T("cmd.read.bad_width")}
	}
	lib, err := c.library()
	if err != nil {
		return err
	}
	g, heading, err := c.findGuide(lib, c.args[0])
	if err != nil {
		return err
	}
	c.page = !o.noPager
	switch {
	case o.raw:
		c.verbatim = true
		c.println(strings.Trim(sectionMarkdown(g, heading), "\n"))
		return nil
	case o.template:
		c.verbatim = true
		return c.templates(g, heading)
	}
	return c.render(g, heading, o.width)
}

// findGuide finds the guide that arg names ("rights/at-home",
// "rights/at-home#anchor", "rights/at-home.md", or "warrant" when one
// guide alone is that close) in the person's language or, failing that,
// the other; and the heading its anchor names, or -1.
func (c *call) findGuide(lib *library.Library, arg string) (*library.Guide, int, error) {
	id, anchor, _ := strings.Cut(arg, "#")
	id = strings.TrimSuffix(strings.Trim(strings.TrimSpace(id), "/"), ".md")
	g, fellBack, err := lib.Lookup(id, c.cat.Lang())
	if errors.Is(err, library.ErrNotFound) {
		only, ok := closeMatch(lib, id)
		if !ok {
			c.fail(message(c.cat, "cmd.read.no_guide", id))
			if s := lib.Suggest(id, 3); len(s) > 0 {
				c.note("cmd.did_you_mean", strings.Join(s, ", "))
			} else {
				c.note("cmd.read.try_search", id)
			}
			return nil, -1, errReported
		}
		c.note("cmd.read.opening", only)
		g, fellBack, err = lib.Lookup(only, c.cat.Lang())
	}
	if err != nil {
		return nil, -1, err
	}
	if fellBack {
		c.note("cmd.read.fallback", c.cat.LangName(g.Lang))
	}
	heading := lib.FindHeading(g, anchor)
	if anchor != "" && heading < 0 {
		c.note("cmd.read.no_anchor", anchor)
	}
	return g, heading, nil
}

// closeMatch returns the one guide that id can only mean: the one guide
// whose slug is id ("at-home"), or else the one whose id contains it
// ("warrant"). Two or more, or none, is no match: the person chooses.
func closeMatch(lib *library.Library, id string) (string, bool) {
	q := strings.ToLower(id)
	if len(q) < 3 {
		return "", false
	}
	var slugs, contains []string
	for _, cand := range lib.IDs() {
		_, slug, _ := strings.Cut(cand, "/")
		if slug == q {
			slugs = append(slugs, cand)
		}
		if strings.Contains(cand, q) {
			contains = append(contains, cand)
		}
	}
	switch {
	case len(slugs) == 1:
		return slugs[0], true
	case len(slugs) == 0 && len(contains) == 1:
		return contains[0], true
	}
	return "", false
}

// sectionMarkdown is the Markdown of the section heading starts, up to
// the next heading of its level or higher; the whole body for -1 or the
// title.
func sectionMarkdown(g *library.Guide, heading int) string {
	if !inSection(g, heading) {
		return g.Body
	}
	lines := strings.Split(g.Body, "\n")
	from, to := sectionLines(g, heading)
	from, to = min(max(from-g.BodyLine, 0), len(lines)), min(max(to-g.BodyLine, 0), len(lines))
	return strings.Join(lines[from:to], "\n")
}

// inSection reports whether heading names a section of g, not its title.
func inSection(g *library.Guide, heading int) bool {
	return heading >= 0 && heading < len(g.Headings) && g.Headings[heading].Level >= 2
}

// sectionLines is the range of file lines [from, to) of the section that
// heading starts.
func sectionLines(g *library.Guide, heading int) (from, to int) {
	h := g.Headings[heading]
	from, to = h.Line, g.BodyLine+strings.Count(g.Body, "\n")+1
	for _, next := range g.Headings[heading+1:] {
		if next.Level <= h.Level {
			to = next.Line
			break
		}
	}
	return from, to
}

// templates writes the guide's code blocks (the text to copy) as they
// are; with a heading, only those of its section. Several blocks are not
// one letter: each comes under a line that names it, and an optional one
// ("use this paragraph only if there is a conviction...") under what the
// guide says of it, so no passage is pasted where it should not be.
func (c *call) templates(g *library.Guide, heading int) error {
	from, to := 0, int(^uint(0)>>1)
	if inSection(g, heading) {
		from, to = sectionLines(g, heading)
	}
	var blocks []int
	for i, b := range g.Blocks {
		if b.Line >= from && b.Line < to {
			blocks = append(blocks, i)
		}
	}
	if len(blocks) == 0 {
		c.fail(message(c.cat, "cmd.read.no_template", g.ID))
		return errReported
	}
	for n, i := range blocks {
		if len(blocks) > 1 {
			if n > 0 {
				c.out.WriteByte('\n')
			}
			c.println("===== " + blockLabel(g, i) + " =====")
		}
		c.println(strings.TrimRight(g.Blocks[i].Text, "\n"))
	}
	return nil
}

// blockLabel names a template block: what the guide says of it when that
// is a note ("Optional: ..."), else the heading of its section.
func blockLabel(g *library.Guide, i int) string {
	b := g.Blocks[i]
	for _, cue := range []string{"Optional", "Opcional"} {
		if strings.HasPrefix(b.Intro, cue) {
			first, _, _ := strings.Cut(b.Intro, ". ") // its first sentence says when
			return strings.TrimSuffix(first, ".") + "."
		}
	}
	for _, s := range g.Sections {
		if i >= s.Blocks.From && i < s.Blocks.To && s.Heading >= 0 {
			return g.Headings[s.Heading].Text
		}
	}
	return g.Title
}

// render writes the guide formatted for the terminal (plain in a pipe),
// from heading on, with its sources and a footer: the disclaimer, the
// dates, and where a local guide came from.
func (c *call) render(g *library.Guide, heading, width int) error {
	if width == 0 {
		width = 80
		if w, _ := c.env.size(); w > 0 {
			width = w
		}
	}
	opt := render.Options{
		Width: width, Theme: outputTheme(c.g, c.env), ASCII: c.g.ascii,
		Strip: c.env.plain(), Sources: c.cat.T("cmd.read.sources"),
	}
	doc, err := render.Render(g, opt)
	if err != nil {
		c.note("cmd.read.render_failed")
		doc = render.Fallback(g, width)
	}
	lines := doc.Lines
	if heading >= 0 && heading < len(doc.Headings) && doc.Headings[heading] >= 0 {
		lines = lines[doc.Headings[heading]:]
	}
	text := strings.Join(lines, "\n") + "\n\n" + strings.Join(c.footer(g), "\n") + "\n"
	if opt.Strip {
		c.out.WriteString(text)
		return nil
	}
	w := &colorprofile.Writer{Forward: &c.out, Profile: colorprofile.Detect(c.env.Stdout, c.env.Environ)}
	_, err = w.WriteString(text)
	return err
}

// footer is what closes a printed guide: that it is not legal advice, when
// it was reviewed and its facts checked, and where a local guide came from
// (one from a USB stick can replace a built-in guide: the reader must
// know).
func (c *call) footer(g *library.Guide) []string {
	lines := []string{c.cat.T("reader.disclaimer")}
	var dates []string
	if d := day(g.Reviewed); d != "" {
		dates = append(dates, c.cat.T("cmd.read.reviewed", d))
	}
	if m := month(g.FactsAsOf); m != "" {
		dates = append(dates, c.cat.T("cmd.read.facts_as_of", m))
	}
	if len(dates) > 0 {
		lines = append(lines, strings.Join(dates, " · "))
	}
	switch {
	case g.Replaces:
		lines = append(lines, message(c.cat, "cmd.read.replaces", g.Path))
	case g.Local:
		lines = append(lines, message(c.cat, "cmd.read.local", g.Path))
	}
	return lines
}

// outputTheme picks the theme for printed output: none in a pipe or with
// NO_COLOR, else the one asked for, else dark.
func outputTheme(g *globals, env *Env) render.Theme {
	if env.plain() {
		return render.Plain
	}
	if t, ok := render.ParseTheme(g.theme); ok {
		return t
	}
	return render.Dark
}
