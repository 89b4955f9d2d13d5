package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"defensa/internal/library"
)

// Wide windows show, beside the list, what the selected row leads to: a
// section's guides, or a guide's summary and headings. Below this width
// the list has the whole window. The preview is kept to a width that
// reads well; the list takes the rest, so titles and summaries are not cut
// beside an empty half of the screen.
const (
	previewMinWidth = 110
	previewMaxWidth = 72
)

// panes splits width into the list's and the preview's; the preview is 0
// in a narrow window.
func panes(width int) (list, preview int) {
	if width < previewMinWidth {
		return width, 0
	}
	preview = min(previewMaxWidth, width*45/100)
	return width - preview - 3, preview
}

// previewView draws the preview of the selected row, height lines high.
func (h homeModel) previewView(width, height int) string {
	st := h.sh.st
	var lines []string
	wrap := func(style lipgloss.Style, s string, indent string) {
		for _, l := range strings.Split(lipgloss.Wrap(s, max(width-len(indent), 10), ""), "\n") {
			lines = append(lines, indent+style.Render(l))
		}
	}
	guide := func(e *library.Entry, mark string) {
		g, ok := h.sh.lib.Get(e.ID, e.Lang) // the one guide the preview shows
		if !ok {
			return
		}
		wrap(st.Section, g.Title, "")
		if g.Summary != "" {
			wrap(st.Summary, g.Summary, "")
		}
		lines = append(lines, "")
		for _, hd := range g.Headings {
			if hd.Level != 2 {
				continue
			}
			style := lipgloss.NewStyle()
			if hd.Anchor == mark {
				style = st.Notice
			}
			wrap(style, st.G.Bullet+" "+hd.Text, "  ")
		}
	}
	switch it := h.list.Selected().(type) {
	case sectionItem:
		wrap(st.Section, it.title, "")
		lines = append(lines, "")
		for _, g := range h.sh.lib.CatalogEntries(h.sh.cat.Lang()) {
			if g.Section == it.key {
				wrap(lipgloss.NewStyle(), st.G.Bullet+" "+g.Title, "")
				if g.Summary != "" {
					wrap(st.Summary, g.Summary, "  ")
				}
			}
		}
	case rightNowItem:
		guide(it.g, "")
	case guideItem:
		guide(it.g, "")
	case resultItem:
		if e, ok := h.sh.lib.Entry(it.r.ID, it.r.Lang); ok {
			guide(e, it.r.Anchor)
		}
	}
	if len(lines) > height {
		lines = append(lines[:height-1], st.Dim.Render(st.G.Ellipsis))
	}
	return lipgloss.NewStyle().Width(width).Height(height).MaxHeight(height).Render(strings.Join(lines, "\n"))
}
