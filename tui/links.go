package tui

import (
	"defensa/internal/library"
	"defensa/internal/render"
)

// linkFocus is the link Tab has focused, -1 for none.
type linkFocus int

const noLink linkFocus = -1

// step returns the next (dir 1) or previous (-1) link drawn in doc. With
// no link focused it starts from the screen: the first link at or below
// its top, or the last one above its bottom.
func (f linkFocus) step(doc *render.Document, top, height, dir int) linkFocus {
	var shown []int
	for i, s := range doc.Links {
		if s.Text.Shown() {
			shown = append(shown, i)
		}
	}
	if len(shown) == 0 {
		return noLink
	}
	for j, i := range shown {
		if i == int(f) {
			return linkFocus(shown[(j+dir+len(shown))%len(shown)])
		}
	}
	if dir > 0 {
		for _, i := range shown {
			if doc.Links[i].Text.From.Line >= top {
				return linkFocus(i)
			}
		}
		return linkFocus(shown[0])
	}
	for j := len(shown) - 1; j >= 0; j-- {
		if doc.Links[shown[j]].Text.From.Line < top+height {
			return linkFocus(shown[j])
		}
	}
	return linkFocus(shown[len(shown)-1])
}

// spans returns the cells the focused link covers: its text and, for an
// external link, the address drawn after it. Both may wrap over lines.
func (f linkFocus) spans(doc *render.Document) []span {
	if f < 0 || int(f) >= len(doc.Links) {
		return nil
	}
	var out []span
	for _, s := range []render.Span{doc.Links[f].Text, doc.Links[f].Addr} {
		if !s.Shown() {
			continue
		}
		for l := s.From.Line; l <= s.To.Line && l < len(doc.Plain); l++ {
			from, to := 0, lenWidth(doc.Plain[l])
			if l == s.From.Line {
				from = s.From.Col
			}
			if l == s.To.Line {
				to = s.To.Col
			}
			if to > from {
				out = append(out, span{l, from, to})
			}
		}
	}
	return out
}

// linkNote says what Enter does with the focused link; a web or mail
// address and a phone number are shown whole, on lines of their own,
// however long.
func (r readerModel) linkNote() note {
	l := r.guide.Links[r.link]
	c := r.sh.cat
	switch {
	case l.Kind == library.LinkWeb:
		return note{text: c.T("tui.link.web"), verbatim: l.Address()}
	case l.Kind == library.LinkMail:
		return note{text: c.T("tui.link.mail"), verbatim: l.Address()}
	case l.Kind == library.LinkPhone:
		return note{text: c.T("tui.link.phone"), verbatim: l.Address()}
	case l.Kind != library.LinkGuide:
		return note{text: c.T("tui.link.blocked")}
	case l.ID == r.guide.ID:
		return note{text: c.T("tui.link.here", l.Text)}
	}
	title := l.ID
	if g, _, err := r.sh.lib.Lookup(l.ID, r.guide.Lang); err == nil {
		title = g.Title
	}
	return note{text: c.T("tui.link.to", title)}
}
