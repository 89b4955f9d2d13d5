package render

import (
	"strings"

	xansi "github.com/charmbracelet/x/ansi"

	"defensa/internal/library"
)

// styleAddresses draws the address of every external link in the link
// style and, when asked, as a terminal hyperlink. Addresses are written as
// plain text in the tree (glamour would otherwise print the raw
// destination, "mailto:" and "tel:" included), so their style is applied
// here, at the columns their markers gave.
func (doc *Document) styleAddresses(g *library.Guide, opt Options) {
	if opt.Strip {
		return
	}
	on := opt.Theme.palette().linkSGR()
	for i, spot := range doc.Links {
		a := spot.Addr
		if !a.Shown() || a.From.Line != a.To.Line {
			continue // addresses never wrap; a lost one stays plain
		}
		open, close := on, ""
		if opt.Hyperlinks && g.Links[i].Kind == library.LinkWeb {
			open = xansi.SetHyperlink(hyperlinkTarget(g.Links[i].Target)) + on
			close = xansi.ResetHyperlink()
		}
		doc.Lines[a.From.Line] = insertStyle(doc.Lines[a.From.Line], a.From.Col, a.To.Col, open, close)
	}
}

// hyperlinkTarget is the address a terminal opens: bare "www." addresses
// get a scheme.
func hyperlinkTarget(target string) string {
	if !strings.Contains(target, "://") {
		return "https://" + target
	}
	return target
}

// insertStyle styles the columns [from, to) of a styled line with open,
// then ends that style with close and restores the styles the line had in
// force.
func insertStyle(line string, from, to int, open, close string) string {
	var b strings.Builder
	var active []string
	col := 0
	inside := false
	for _, t := range tokenize(line) {
		if t.kind != escape && t.kind != marker {
			if col == from && !inside {
				b.WriteString(open)
				inside = true
			}
			if col == to && inside {
				b.WriteString(close + "\x1b[m")
				for _, e := range active {
					b.WriteString(e)
				}
				inside = false
			}
			col += t.width
		}
		if t.kind == escape {
			active = track(active, t.s)
		}
		b.WriteString(t.s)
	}
	if inside {
		b.WriteString(close + "\x1b[m")
	}
	return b.String()
}
