package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"defensa/internal/library"
)

// headingItem is a heading in a guide's contents.
type headingItem struct {
	index int // into Guide.Headings
	level int
	text  string
}

func (h headingItem) Selectable() bool { return true }

func (h headingItem) Render(st *Styles, width int, selected bool) []string {
	indent := strings.Repeat("  ", max(h.level-2, 0))
	return []string{indent + pointed(st, h.text, width-len(indent), selected)}
}

// contentsModel is the list of a guide's headings; Enter goes there.
type contentsModel struct {
	keys listKeys
	list listModel
	open bool
}

func newContents(sh *shared) contentsModel {
	return contentsModel{keys: newListKeys(sh.names, "esc", "t", "q", "backspace"), list: newList(sh.st)}
}

// Open lists g's headings of levels 2 and 3, the cursor on current.
func (c *contentsModel) Open(g *library.Guide, title string, current int) {
	items := []listItem{titleItem{text: title, style: sectionStyle}}
	at := 0
	for i, h := range g.Headings {
		if h.Level < 2 || h.Level > 3 {
			continue
		}
		if i <= current {
			at = len(items)
		}
		items = append(items, headingItem{index: i, level: h.Level, text: h.Text})
	}
	c.list.SetItems(items, at)
	c.open = true
}

// Close hides the contents.
func (c *contentsModel) Close() { c.open = false }

// IsOpen reports whether the contents are shown.
func (c contentsModel) IsOpen() bool { return c.open }

// SetSize sets the area of the list.
func (c *contentsModel) SetSize(w, h int) { c.list.SetSize(w, h) }

// Update moves through the headings. It returns the heading chosen with
// Enter, or -1.
func (c contentsModel) Update(msg tea.Msg) (contentsModel, int, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return c, -1, nil
	}
	switch {
	case key.Matches(k, c.keys.Up):
		c.list.Move(-1)
	case key.Matches(k, c.keys.Down):
		c.list.Move(1)
	case key.Matches(k, c.keys.PageUp):
		c.list.Page(-1)
	case key.Matches(k, c.keys.PageDown):
		c.list.Page(1)
	case key.Matches(k, c.keys.Top):
		c.list.Top()
	case key.Matches(k, c.keys.Bottom):
		c.list.Bottom()
	case key.Matches(k, c.keys.Open):
		c.open = false
		if h, ok := c.list.Selected().(headingItem); ok {
			return c, h.index, nil
		}
	case key.Matches(k, c.keys.Close):
		c.open = false
	}
	return c, -1, nil
}

// View draws the list.
func (c contentsModel) View() string { return c.list.View() }
