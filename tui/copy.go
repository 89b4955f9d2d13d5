package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// copiedMsg tells the root that defensa wrote the clipboard, so the
// quick exit empties it again.
type copiedMsg struct{}

// copyText puts the template in view on the clipboard (OSC 52), or, in a
// guide with none, the guide's text as it is shown: words a person can
// paste into a message, not Markdown. A terminal that cannot take OSC 52
// is told so, with the whole command that prints the same text.
func (r readerModel) copyText() (readerModel, tea.Cmd) {
	c := r.sh.cat
	var text, what, command string
	if b := r.blockInView(); b >= 0 {
		text, what = r.guide.Blocks[b].Text, c.T("tui.copy.template")
		command = r.sh.readCommand(r.guide, r.blockAnchor(b), true)
	} else {
		text = r.shownText()
		what = c.T("tui.copy.guide", strings.Count(text, "\n")+1)
		command = r.sh.readCommand(r.guide, "", false)
	}
	if r.sh.opts.NoClipboard {
		r.status = note{text: c.T("tui.copy.cannot"), verbatim: command, problem: true}
		return r, nil
	}
	r.status = note{text: c.T("tui.copy.done", what), verbatim: command}
	return r, tea.Batch(tea.SetClipboard(text), func() tea.Msg { return copiedMsg{} })
}

// shownText is the guide as the reader shows it, without colours or the
// trailing spaces of its lines.
func (r readerModel) shownText() string {
	var b strings.Builder
	for i, l := range r.doc.Plain {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(l, " "))
	}
	return strings.TrimSpace(b.String())
}

// blockAnchor is the anchor of the heading a code block is under, so the
// command prints that section's template and not every one of the guide;
// "" when it is under the title only.
func (r readerModel) blockAnchor(b int) string {
	anchor := ""
	for _, h := range r.guide.Headings {
		if h.Line > r.guide.Blocks[b].Line {
			break
		}
		if h.Level > 1 {
			anchor = h.Anchor
		}
	}
	return anchor
}

// blockInView picks the code block the reader is looking at: the first
// one on screen, else the nearest above, else the first below; -1 when
// the guide has none. Positions are the renderer's.
func (r readerModel) blockInView() int {
	top, bottom := r.shownLines()
	above, below := -1, -1
	for i, b := range r.doc.Blocks {
		switch {
		case b.First < 0:
		case b.First < bottom && b.Last >= top:
			return i
		case b.Last < top:
			above = i
		case below < 0:
			below = i
		}
	}
	if above >= 0 {
		return above
	}
	return below
}

// shellQuote quotes an argument for a POSIX shell or PowerShell when it
// needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`&|;<>()*?[]#~!{}") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
