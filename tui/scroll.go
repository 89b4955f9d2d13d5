package tui

import (
	"sort"
	"strings"
)

// Where the reader is: the viewport scrolls by rows, and a line wider
// than the window takes several; headings, links, matches and history
// count the document's lines. rowMap converts, both ways.

// topLine returns the document line at the top of the screen.
func (r *readerModel) topLine() int { return r.rows.line(r.vp.YOffset()) }

// scrollTo puts document line l at the top of the screen.
func (r *readerModel) scrollTo(l int) { r.vp.SetYOffset(r.rows.row(l)) }

// shownLines returns the document lines on screen, from the top one up
// to, not including, the first below the screen.
func (r *readerModel) shownLines() (top, end int) {
	top = r.topLine()
	end = r.rows.line(r.vp.YOffset()+max(r.vp.Height(), 1)-1) + 1
	return top, end
}

// showMatch scrolls to the current match, a few lines below the top.
func (r *readerModel) showMatch() {
	if m, ok := r.find.Current(); ok {
		r.reveal(r.rows.cell(m.line, m.from))
	}
}

// reveal scrolls the least needed to show row n, with some context.
func (r *readerModel) reveal(n int) {
	top, h := r.vp.YOffset(), r.vp.Height()
	if n < top || n >= top+h {
		r.vp.SetYOffset(n - min(3, h/3))
	}
}

// dropHiddenLink forgets the focused link once none of it is on screen,
// as less and lynx do: Enter never opens a link the reader cannot see.
func (r *readerModel) dropHiddenLink() {
	if r.link == noLink || r.doc == nil {
		return
	}
	top, h := r.vp.YOffset(), r.vp.Height()
	for _, s := range r.link.spans(r.doc) {
		if r.rows.cell(s.line, max(s.to-1, s.from)) >= top && r.rows.cell(s.line, s.from) < top+h {
			return
		}
	}
	r.link = noLink
}

// rowMap says where each line of a document is on screen once the lines
// wider than the window are split over several rows: the viewport scrolls
// by rows, everything else (headings, links, matches, history) counts
// lines.
type rowMap struct {
	first  []int   // the first row of each line, then the number of rows
	at     [][]int // the cells where each split line starts a new row; nil for most
	indent []int   // how far the rows after a line's first are indented
}

// newRowMap lays lines out in rows of width cells.
func newRowMap(plain []string, width int) rowMap {
	m := rowMap{first: make([]int, len(plain)+1), at: make([][]int, len(plain)), indent: make([]int, len(plain))}
	row := 0
	for i, l := range plain {
		m.first[i] = row
		// A cell takes at least a byte, so a line of no more bytes than
		// cells fits without measuring it: most lines.
		if len(l) > width && lenWidth(l) > width {
			m.indent[i] = continuationIndent(l, width)
			m.at[i] = breaks(l, width, m.indent[i])
		}
		row += 1 + len(m.at[i])
	}
	m.first[len(plain)] = row
	return m
}

// continuationIndent is the indent of a split line's later rows: the
// line's own, so a long address in a list stays under itself; none when
// that would leave too little room.
func continuationIndent(plain string, width int) int {
	n := len(plain) - len(strings.TrimLeft(plain, " "))
	if n > width/3 {
		return 0
	}
	return n
}

// rows returns the number of rows.
func (m rowMap) rows() int {
	if len(m.first) == 0 {
		return 0
	}
	return m.first[len(m.first)-1]
}

// row returns the first row of line l.
func (m rowMap) row(l int) int {
	if len(m.first) == 0 {
		return 0
	}
	return m.first[max(min(l, len(m.first)-1), 0)]
}

// cell returns the row that shows cell col of line l.
func (m rowMap) cell(l, col int) int {
	if l < 0 || l >= len(m.at) {
		return m.row(l)
	}
	return m.first[l] + sort.SearchInts(m.at[l], col+1)
}

// line returns the line that row r shows.
func (m rowMap) line(r int) int {
	if len(m.first) <= 1 {
		return 0
	}
	i := sort.Search(len(m.first)-1, func(i int) bool { return m.first[i] > r }) - 1
	return max(i, 0)
}
