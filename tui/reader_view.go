package tui

import (
	"slices"
	"strings"
	"unicode"

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
	top := r.vp.YOffset()
	if h := r.headingAt(top); h >= 0 && g.Headings[h].Level > 1 && r.doc.Headings[h] < top {
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

// infoView is the line under the text: a message, the find field or
// count, the focused link, or the disclaimer and how far the reader is.
// A message wraps rather than being cut, so an address or a command is
// always shown whole.
func (r readerModel) infoView() string {
	st, c := r.sh.st, r.sh.cat
	wrap := func(style lipgloss.Style, s string) string {
		lines := strings.Split(lipgloss.Wrap(s, max(r.width-2, 1), ""), "\n")
		for i, l := range lines {
			lines[i] = style.Render(" " + l)
		}
		return strings.Join(lines, "\n")
	}
	switch {
	case r.find.Typing():
		return " " + r.find.View()
	case r.status != "" && r.problem:
		return wrap(st.Error, r.status)
	case r.status != "":
		return wrap(st.Notice, r.status)
	case r.link != noLink && r.guide != nil:
		return wrap(st.Notice, r.linkSummary())
	case r.find.Active():
		return wrap(st.Info, r.find.Summary(c))
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

// paint gives the viewport the document's lines with the find matches,
// the focused link and the template placeholders highlighted.
func (r *readerModel) paint() {
	if r.doc == nil {
		return
	}
	now := painted{r.doc, r.sh.st.Theme, r.find.query, r.find.current, r.link}
	if now == r.painted {
		return // the same highlights on the same layout: nothing to redo
	}
	r.painted = now
	st := r.sh.st
	marks := map[int][]mark{}
	add := func(spans []span, style lipgloss.Style, prio int) {
		for _, s := range spans {
			marks[s.line] = append(marks[s.line], mark{s, style, prio})
		}
	}
	add(r.blanks, st.Placeholder, 1)
	add(r.find.matches, st.Match, 2)
	if m, ok := r.find.Current(); ok {
		add([]span{m}, st.CurrentMatch, 4)
	}
	add(r.link.spans(r.doc), st.LinkFocus, 3)
	lines := r.doc.Lines
	if len(marks) > 0 {
		lines = slices.Clone(lines)
		for l, ms := range marks {
			if l >= 0 && l < len(lines) {
				lines[l] = paintLine(lines[l], lenWidth(r.doc.Plain[l]), ms)
			}
		}
	}
	top := r.vp.YOffset()
	r.vp.SetContentLines(lines)
	r.vp.SetYOffset(top)
}

// painted is what the viewport's lines were painted from.
type painted struct {
	doc     *render.Document
	theme   render.Theme
	query   string
	current int
	link    linkFocus
}

// mark is a highlight on one line; where two overlap, the higher prio
// wins.
type mark struct {
	span
	style lipgloss.Style
	prio  int
}

// paintLine styles the marked cells of a line of width cells.
func paintLine(line string, width int, ms []mark) string {
	owner := make([]int, width) // index+1 into ms of the mark each cell shows
	for i, m := range ms {
		for c := max(m.from, 0); c < min(m.to, width); c++ {
			if owner[c] == 0 || ms[owner[c]-1].prio < m.prio {
				owner[c] = i + 1
			}
		}
	}
	var ranges []lipgloss.Range
	for c := 0; c < width; {
		o := owner[c]
		end := c + 1
		for end < width && owner[end] == o {
			end++
		}
		if o > 0 {
			ranges = append(ranges, lipgloss.NewRange(c, end, ms[o-1].style))
		}
		c = end
	}
	return lipgloss.StyleRanges(line, ranges...)
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

// blanksIn returns the bracketed capitals of one line, in cells.
func blanksIn(line string, l int) []span {
	var out []span
	start := -1
	for i, r := range line {
		switch {
		case r == '[':
			start = i
		case r == ']' && start >= 0:
			if isBlank(line[start+1 : i]) {
				from := lenWidth(line[:start])
				out = append(out, span{l, from, from + lenWidth(line[start:i+1])})
			}
			start = -1
		}
	}
	return out
}

// isBlank reports whether text follows the placeholder convention:
// capitals, digits, spaces and a little punctuation, at least one letter.
func isBlank(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) || strings.ContainsRune(" /-',.:’", r):
		default:
			return false
		}
	}
	return letters > 0
}
