package tui

import "strings"

// listItem is one entry of a list: a guide, a section, a search result, a
// heading of the contents, or a title that the cursor skips.
type listItem interface {
	// Render draws the item in width columns, one string per line.
	Render(st *Styles, width int, selected bool) []string
	// Selectable reports whether the cursor can rest on the item.
	Selectable() bool
}

// listModel is the one cursor list of the interface: home, search
// results and a guide's contents. Items may take several lines; the list
// scrolls by lines and keeps the cursor's item, and the titles above it,
// in view.
type listModel struct {
	items  []listItem
	lines  [][]string // each item drawn, unselected, at width
	cursor int        // index of a selectable item, -1 when there is none
	offset int        // first line shown
	width  int
	height int
	st     *Styles
}

func newList(st *Styles) listModel { return listModel{st: st, cursor: -1} }

// SetItems replaces the items and puts the cursor on the first selectable
// one at or after at.
func (l *listModel) SetItems(items []listItem, at int) {
	l.items = items
	l.offset = 0
	l.redraw()
	l.cursor = -1
	l.Select(at)
}

// SetSize sets the area the list draws in.
func (l *listModel) SetSize(w, h int) {
	l.width, l.height = w, max(h, 1)
	l.redraw()
	l.follow()
}

// SetStyles redraws the items with new styles.
func (l *listModel) SetStyles(st *Styles) {
	l.st = st
	l.redraw()
}

func (l *listModel) redraw() {
	l.lines = make([][]string, len(l.items))
	for i, it := range l.items {
		l.lines[i] = it.Render(l.st, l.width, false)
	}
}

// Index returns the cursor's item index, -1 for none.
func (l listModel) Index() int { return l.cursor }

// Selected returns the item under the cursor, nil for none.
func (l listModel) Selected() listItem {
	if l.cursor < 0 || l.cursor >= len(l.items) {
		return nil
	}
	return l.items[l.cursor]
}

// Items returns the items.
func (l listModel) Items() []listItem { return l.items }

// Select puts the cursor on the first selectable item at or after i (or,
// with none, before it).
func (l *listModel) Select(i int) {
	for j := max(i, 0); j < len(l.items); j++ {
		if l.items[j].Selectable() {
			l.cursor = j
			l.follow()
			return
		}
	}
	for j := min(i, len(l.items)-1); j >= 0; j-- {
		if l.items[j].Selectable() {
			l.cursor = j
			l.follow()
			return
		}
	}
	l.cursor = -1
}

// Move moves the cursor n selectable items down (up when negative).
func (l *listModel) Move(n int) {
	if l.cursor < 0 {
		return
	}
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for at := l.cursor + dir; n > 0 && at >= 0 && at < len(l.items); at += dir {
		if l.items[at].Selectable() {
			l.cursor = at
			n--
		}
	}
	l.follow()
}

// Page moves the cursor about one screen down (up when dir < 0).
func (l *listModel) Page(dir int) {
	if l.cursor < 0 {
		return
	}
	rows := 0
	for at := l.cursor; rows < l.height; {
		next := at + dir
		if next < 0 || next >= len(l.items) {
			break
		}
		rows += len(l.lines[next])
		at = next
		if l.items[at].Selectable() && rows <= l.height {
			l.cursor = at
		}
	}
	l.follow()
}

// Top and Bottom put the cursor on the first and last item.
func (l *listModel) Top()    { l.Select(0) }
func (l *listModel) Bottom() { l.Select(len(l.items) - 1); l.follow() }

// lineOf returns the first line of item i.
func (l listModel) lineOf(i int) int {
	n := 0
	for j := 0; j < i && j < len(l.lines); j++ {
		n += len(l.lines[j])
	}
	return n
}

func (l listModel) totalLines() int { return l.lineOf(len(l.lines)) }

// follow scrolls the least needed to show the cursor's item whole, with
// the titles right above it.
func (l *listModel) follow() {
	if l.cursor < 0 {
		l.offset = 0
		return
	}
	first := l.cursor
	for first > 0 && !l.items[first-1].Selectable() {
		first--
	}
	top := l.lineOf(first)
	bottom := l.lineOf(l.cursor) + len(l.lines[l.cursor])
	if bottom-top > l.height {
		top = l.lineOf(l.cursor)
	}
	if top < l.offset {
		l.offset = top
	}
	if bottom > l.offset+l.height {
		l.offset = bottom - l.height
	}
	l.offset = max(0, min(l.offset, l.totalLines()-l.height))
}

// View draws the visible lines, exactly height of them.
func (l listModel) View() string {
	out := make([]string, 0, l.height)
	line := 0
	for i := range l.items {
		drawn := l.lines[i]
		if line+len(drawn) <= l.offset {
			line += len(drawn)
			continue
		}
		if i == l.cursor {
			drawn = l.items[i].Render(l.st, l.width, true)
		}
		for _, s := range drawn {
			if line >= l.offset && len(out) < l.height {
				out = append(out, s)
			}
			line++
		}
		if len(out) == l.height {
			break
		}
	}
	for len(out) < l.height {
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}
