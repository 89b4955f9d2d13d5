package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/library"
)

// homeModel is the first screen: every section with its guides.
type homeModel struct {
	sh       *shared
	rows     []homeRow
	cursor   int // index into rows, always a guide row
	offset   int // first row shown
	width    int
	height   int
	problems int // local guides that could not be read
}

type homeRow struct {
	section string // set on a section title row
	guide   *library.Guide
}

func newHome(sh *shared, problems int) homeModel {
	h := homeModel{sh: sh, problems: problems, width: 80, height: 24}
	h.refresh()
	return h
}

// refresh rebuilds the rows in the current language, keeping the cursor on
// the same guide id.
func (h *homeModel) refresh() {
	current := ""
	if h.cursor < len(h.rows) && h.rows[h.cursor].guide != nil {
		current = h.rows[h.cursor].guide.ID
	}
	h.rows = h.rows[:0]
	if h.sh.lib == nil {
		return
	}
	section := ""
	for _, g := range h.sh.lib.Catalog(h.sh.cat.Lang()) {
		if g.Section != section {
			section = g.Section
			h.rows = append(h.rows, homeRow{section: section})
		}
		h.rows = append(h.rows, homeRow{guide: g})
	}
	h.cursor = h.firstGuide(0, 1)
	for i, r := range h.rows {
		if r.guide != nil && r.guide.ID == current {
			h.cursor = i
		}
	}
	h.clamp()
}

// firstGuide returns the first guide row from i going in direction dir,
// or the cursor when there is none.
func (h homeModel) firstGuide(i, dir int) int {
	for ; i >= 0 && i < len(h.rows); i += dir {
		if h.rows[i].guide != nil {
			return i
		}
	}
	return h.cursor
}

// SetSize sets the screen size.
func (h *homeModel) SetSize(w, hgt int) {
	h.width, h.height = w, hgt
	h.clamp()
}

// listHeight is the number of rows the list gets: the screen less the
// header, the blank line under it, and the footer.
func (h homeModel) listHeight() int {
	chrome := 3
	if h.problems > 0 {
		chrome++
	}
	return max(h.height-chrome, 1)
}

// clamp keeps the cursor on screen, showing a section's title with its
// first guide.
func (h *homeModel) clamp() {
	lh := h.listHeight()
	top := h.cursor
	if top > 0 && h.rows[top-1].guide == nil {
		top--
	}
	if top < h.offset {
		h.offset = top
	}
	if h.cursor >= h.offset+lh {
		h.offset = h.cursor - lh + 1
	}
	h.offset = max(0, min(h.offset, len(h.rows)-lh))
	if len(h.rows) == 0 {
		h.cursor, h.offset = 0, 0
	}
}

func (h homeModel) bindings() [][]key.Binding {
	k := h.sh.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open},
		{k.Search, k.Language, k.Help, k.Quit, k.Interrupt, k.QuickExit},
	}
}

// Update handles the keys of the home screen.
func (h homeModel) Update(msg tea.Msg) (homeModel, tea.Cmd) {
	k := h.sh.keys
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			h.move(-3)
		} else if msg.Button == tea.MouseWheelDown {
			h.move(3)
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			h.move(-1)
		case key.Matches(msg, k.Down):
			h.move(1)
		case key.Matches(msg, k.PageUp):
			h.move(-h.listHeight())
		case key.Matches(msg, k.PageDown):
			h.move(h.listHeight())
		case key.Matches(msg, k.Top):
			h.cursor = h.firstGuide(0, 1)
		case key.Matches(msg, k.Bottom):
			h.cursor = h.firstGuide(len(h.rows)-1, -1)
		case key.Matches(msg, k.Open):
			if g := h.rows[h.cursor].guide; g != nil {
				id := g.ID
				return h, func() tea.Msg { return openMsg{target: id, fresh: true} }
			}
		}
	}
	h.clamp()
	return h, nil
}

// move goes n guides down (up when negative), skipping section titles.
func (h *homeModel) move(n int) {
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		next := h.firstGuide(h.cursor+dir, dir)
		if next == h.cursor {
			break
		}
		h.cursor = next
	}
}

// View draws the home screen.
func (h homeModel) View() string {
	st := h.sh.styles
	c := h.sh.cat
	var b strings.Builder
	title := " defensa" + st.Sep + c.T("home.tagline")
	b.WriteString(st.Header.Width(h.width).Render(ansi.Truncate(title, h.width, "…")) + "\n")
	if h.problems > 0 {
		b.WriteString(st.Error.Render(ansi.Truncate(" "+c.T("home.local_problems", h.problems), h.width, "…")) + "\n")
	}
	b.WriteString("\n")
	lh := h.listHeight()
	end := min(len(h.rows), h.offset+lh)
	for i := h.offset; i < end; i++ {
		b.WriteString(h.rowView(i) + "\n")
	}
	if len(h.rows) == 0 {
		b.WriteString(" " + st.Dim.Render(c.T("reader.loading")) + "\n")
		end++
	}
	for i := end - h.offset; i < lh; i++ {
		b.WriteString("\n")
	}
	k := h.sh.keys
	hint := shortHelp(st, h.width-2, k.Open, k.Search, k.Language, k.Help, k.Quit, k.QuickExit)
	b.WriteString(st.Footer.Width(h.width).Render(" " + hint))
	return b.String()
}

func (h homeModel) rowView(i int) string {
	st := h.sh.styles
	r := h.rows[i]
	if r.guide == nil {
		return " " + st.Section.Render(ansi.Truncate(h.sh.cat.Section(r.section), h.width-2, "…"))
	}
	g := r.guide
	title := g.Title
	if g.Lang != h.sh.cat.Lang() {
		title += " [" + strings.ToUpper(string(g.Lang)) + "]"
	}
	avail := h.width - 4
	title = ansi.Truncate(title, avail, "…")
	summary := ""
	if room := avail - lipgloss.Width(title) - 3; room > 10 && g.Summary != "" {
		summary = ansi.Truncate(g.Summary, room, "…")
	}
	if i == h.cursor {
		line := st.Selected.Render(" " + st.Pointer + " " + title + " ")
		if summary != "" {
			line += " " + st.SelectedSummary.Render(summary)
		}
		return line
	}
	line := "   " + st.Item.Render(title) + " "
	if summary != "" {
		line += " " + st.ItemSummary.Render(summary)
	}
	return line
}
