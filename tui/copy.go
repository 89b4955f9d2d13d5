package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// copiedMsg tells the root that defensa wrote the clipboard, so the
// quick exit empties it again.
type copiedMsg struct{}

// copyText puts the template in view on the clipboard (OSC 52), or, in a
// guide with none, the guide's text. A terminal that cannot take OSC 52
// is told so, with the whole command that prints the same text.
func (r readerModel) copyText() (readerModel, tea.Cmd) {
	c := r.sh.cat
	text, what, template := r.guide.Body, c.T("tui.copy.guide"), false
	if b := r.blockInView(); b >= 0 {
		text, what, template = r.guide.Blocks[b].Text, c.T("tui.copy.template"), true
	}
	command := r.sh.readCommand(r.guide, template)
	if r.sh.opts.NoClipboard {
		r.status, r.problem = c.T("tui.copy.cannot", command), true
		return r, nil
	}
	r.status = c.T("tui.copy.done", what, command)
	return r, tea.Batch(tea.SetClipboard(text), func() tea.Msg { return copiedMsg{} })
}

// blockInView picks the code block the reader is looking at: the first
// one on screen, else the nearest above, else the first below; -1 when
// the guide has none. Positions are the renderer's.
func (r readerModel) blockInView() int {
	top, bottom := r.vp.YOffset(), r.vp.YOffset()+r.vp.Height()
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
