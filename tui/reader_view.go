package tui

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"defensa/internal/library"
	"defensa/internal/render"
)

// View draws the reader: header, text (or contents), information.
func (r readerModel) View() string {
	body := r.vp.View()
	if r.toc.IsOpen() {
		body = r.toc.View()
	} else if r.doc == nil {
		body = lipgloss.NewStyle().Width(r.width).Height(r.vp.Height()).Render("\n  " + r.sh.st.Dim.Render(r.sh.cat.T("tui.loading")))
	}
	return r.headerView() + "\n" + body + "\n" + r.infoView()
}

// headerView names the guide and, once the reader has scrolled past it,
// the heading they are under; at the top, the guide's dates.
func (r readerModel) headerView() string {
	st := r.sh.st
	if r.guide == nil {
		return st.Header.Width(r.width).Render("") + "\n" + st.HeaderDim.Width(r.width).Render("")
	}
	g, c := r.guide, r.sh.cat
	section := c.Section(g.Section)
	if g.Local && g.SectionTitle != "" && !slices.Contains(library.Sections, g.Section) {
		section = g.SectionTitle
	}
	tags := " " + strings.ToUpper(string(g.Lang)) + " "
	if g.Local {
		tags = " " + st.Badge.Render(" "+c.T("tui.local")+" ") + st.Header.Render(tags)
	} else {
		tags = st.Header.Render(tags)
	}
	left := truncate(st, " "+section+st.G.Sep+g.Title, r.width-lipgloss.Width(tags))
	pad := max(r.width-lipgloss.Width(left)-lipgloss.Width(tags), 0)
	line1 := st.Header.Render(left+strings.Repeat(" ", pad)) + tags

	sub := ""
	top := r.topLine()
	if h := r.headingAt(top); h >= 0 && g.Headings[h].Level > 1 && r.rows.row(r.doc.Headings[h]) < r.vp.YOffset() {
		sub = g.Headings[h].Text // scrolled past its own line: say it once, here
	} else {
		var parts []string
		if g.Replaces {
			parts = append(parts, c.T("tui.reader.replaces"))
		}
		if !g.FactsAsOf.IsZero() {
			parts = append(parts, c.T("tui.reader.facts_as_of", g.FactsAsOf.Format("2006-01")))
		}
		if !g.Reviewed.IsZero() {
			parts = append(parts, c.T("tui.reader.reviewed", g.Reviewed.Format("2006-01-02")))
		}
		sub = strings.Join(parts, st.G.Dot)
	}
	line2 := st.HeaderDim.Width(r.width).Render(truncate(st, "   "+sub, r.width))
	return line1 + "\n" + line2
}

// infoView is what is under the text: a message, the find field, the
// count of matches and the focused link, or the disclaimer and how far
// the reader is. Messages wrap rather than being cut, and an address or a
// command is always shown whole, on lines of its own.
func (r readerModel) infoView() string {
	st, c := r.sh.st, r.sh.cat
	if r.find.Typing() {
		return " " + r.find.View()
	}
	var lines []string
	switch {
	case r.status.problem:
		lines = r.noteLines(r.status, st.Error)
	case r.status.text != "":
		lines = r.noteLines(r.status, st.Notice)
	}
	if r.find.Active() {
		lines = append(lines, r.noteLines(note{text: r.find.Summary(c)}, st.Info)...)
	}
	if r.status.text == "" && r.link != noLink && r.guide != nil {
		lines = append(lines, r.noteLines(r.linkNote(), st.Notice)...)
	}
	if len(lines) > 0 {
		return strings.Join(lines, "\n")
	}
	pct := ""
	if r.doc != nil {
		pct = c.T("tui.reader.percent", int(r.vp.ScrollPercent()*100+0.5))
	}
	left := " " + c.T("tui.reader.disclaimer")
	left = truncate(st, left, r.width-lipgloss.Width(pct)-2)
	pad := max(r.width-lipgloss.Width(left)-lipgloss.Width(pct)-1, 1)
	return st.Info.Render(left + strings.Repeat(" ", pad) + pct)
}

// noteLines draws a note one column in: its words wrapped, then what it
// has to copy, cut only where the window ends.
func (r readerModel) noteLines(n note, style lipgloss.Style) []string {
	w := max(r.width-2, 1)
	var lines []string
	if n.text != "" {
		lines = wrapLines(n.text, w)
	}
	if n.verbatim != "" {
		lines = append(lines, chop(n.verbatim, w)...)
	}
	for i, l := range lines {
		lines[i] = style.Render(" " + l)
	}
	return lines
}

// paint gives the viewport the document's rows with the find matches,
// the focused link and the template placeholders highlighted.
func (r *readerModel) paint() {
	if r.doc == nil {
		return
	}
	now := painted{r.doc, r.sh.st.Theme, r.find.query, r.find.current, r.link, r.rowsGen}
	if now == r.painted {
		return // the same highlights on the same rows: nothing to redo
	}
	r.painted = now
	st := r.sh.st
	marks := map[int][]mark{}
	add := func(spans []span, style lipgloss.Style, prio int) {
		open := styleOpen(style)
		for _, s := range spans {
			marks[s.line] = append(marks[s.line], mark{s, open, prio})
		}
	}
	add(r.blanks, st.Placeholder, 1)
	add(r.find.matches, st.Match, 2)
	if m, ok := r.find.Current(); ok {
		add([]span{m}, st.CurrentMatch, 4)
	}
	add(r.link.spans(r.doc), st.LinkFocus, 3)
	rows := make([]string, 0, r.rows.rows())
	for l, line := range r.doc.Lines {
		var at []int
		if l < len(r.rows.at) {
			at = r.rows.at[l]
		}
		if ms := marks[l]; len(ms) > 0 || len(at) > 0 {
			rows = append(rows, drawRows(line, resolve(ms), at, r.rows.indent[l])...)
			continue
		}
		rows = append(rows, line)
	}
	top := r.vp.YOffset()
	r.vp.SetContentLines(rows)
	r.vp.SetYOffset(top)
}

// painted is what the viewport's rows were painted from.
type painted struct {
	doc     *render.Document
	theme   render.Theme
	query   string
	current int
	link    linkFocus
	rows    int // the generation of the row map
}

// placeholders finds the blanks of the guide's templates ("[FULL NAME]",
// capitals in brackets) on the lines its code blocks were drawn on, so
// the person sees what to fill in. The lines come from the renderer's
// block positions; only their text is read here.
func placeholders(doc *render.Document) []span {
	var out []span
	for _, b := range doc.Blocks {
		if b.First < 0 {
			continue
		}
		for l := b.First; l <= b.Last && l < len(doc.Plain); l++ {
			out = append(out, blanksIn(doc.Plain[l], l)...)
		}
	}
	return out
}

// blanksIn returns the bracketed capitals of one line, in cells. Columns
// are counted on from the last bracket, never from the start of the line.
func blanksIn(line string, l int) []span {
	var out []span
	start := -1
	at, col := 0, 0 // a byte of line and the cells before it
	cellsTo := func(i int) int {
		col += lenWidth(line[at:i])
		at = i
		return col
	}
	for i, r := range line {
		switch {
		case r == '[':
			start = i
		case r == ']' && start >= 0:
			if library.IsBlank(line[start+1 : i]) {
				from := cellsTo(start)
				out = append(out, span{l, from, cellsTo(i + 1)})
			}
			start = -1
		}
	}
	return out
}
