package tui

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The reader paints find matches, the focused link and template blanks
// over the renderer's styled lines, and splits a line wider than the
// window over several rows. Both are done in one walk over the line, so a
// line of a quarter of a million characters with a thousand matches costs
// what reading it once costs: nothing is cut from the start of the line
// again for each match or each row.

// mark is a highlight on one line; where two overlap, the higher prio
// wins.
type mark struct {
	span
	open string // the sequence that starts the highlight's style
	prio int
}

// seg is a run of cells drawn in one highlight, marks resolved.
type seg struct {
	from, to int
	open     string
}

// reset ends every style.
const reset = "\x1b[m"

// styleOpen returns the sequence that starts style.
func styleOpen(style lipgloss.Style) string {
	open, _, _ := strings.Cut(style.Render("x"), "x")
	return open
}

// resolve turns overlapping marks into runs that do not overlap, each in
// the style of the highest mark over it, in order.
func resolve(ms []mark) []seg {
	if len(ms) == 0 {
		return nil
	}
	pts := make([]int, 0, 2*len(ms))
	for _, m := range ms {
		if m.to > m.from {
			pts = append(pts, m.from, m.to)
		}
	}
	slices.Sort(pts)
	pts = slices.Compact(pts)
	ms = slices.Clone(ms)
	slices.SortFunc(ms, func(a, b mark) int { return a.from - b.from })
	var out []seg
	var active []int // marks covering the current run; kinds of marks never overlap among themselves, so a few
	next := 0
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		active = slices.DeleteFunc(active, func(j int) bool { return ms[j].to <= a })
		for ; next < len(ms) && ms[next].from <= a; next++ {
			if ms[next].to > a {
				active = append(active, next)
			}
		}
		best := -1
		for _, j := range active {
			if best < 0 || ms[j].prio > ms[best].prio {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].to == a && out[n-1].open == ms[best].open {
			out[n-1].to = b
			continue
		}
		out = append(out, seg{a, b, ms[best].open})
	}
	return out
}

// breaks returns the cells at which a line of plain text starts a new row
// when rows are width cells wide and the rows after the first are
// indented by indent; nil when the line fits.
func breaks(plain string, width, indent int) []int {
	if width <= 0 || lenWidth(plain) <= width {
		return nil
	}
	var out []int
	col, rowEnd := 0, width
	var state byte
	for s := plain; len(s) > 0; {
		_, w, n, next := ansi.DecodeSequence(s, state, nil)
		state, s = next, s[n:]
		if col+w > rowEnd && col > 0 && (len(out) == 0 || out[len(out)-1] < col) {
			out = append(out, col)
			rowEnd = col + max(width-indent, 1)
		}
		col += w
	}
	return out
}

// drawRows draws one styled line: segs highlighted, and a new row started
// at each of the cells in at, indented by indent. Every row ends with its
// styles closed and the next opens them again, so each row stands alone.
func drawRows(line string, segs []seg, at []int, indent int) []string {
	if len(segs) == 0 && len(at) == 0 {
		return []string{line}
	}
	var (
		b     = make([]byte, 0, len(line)+(len(segs)+len(at))*16+len(at)*indent)
		ends  = make([]int, 0, len(at)+1) // where each row ends in b
		under []string                    // the line's own styles since its last reset
		in    = -1                        // the seg being drawn
		next  int                         // the next seg
		col   int
		state byte
	)
	restore := func() {
		for _, s := range under {
			b = append(b, s...)
		}
	}
	for s := line; len(s) > 0; {
		seq, w, n, nextState := ansi.DecodeSequence(s, state, nil)
		state, s = nextState, s[n:]
		if w == 0 && len(seq) > 1 && seq[0] == ansi.ESC {
			if isSGR(seq) {
				if isReset(seq) {
					under = under[:0]
				} else if len(under) < 8 {
					under = append(under, seq)
				} else {
					under = append(under[1:], seq) // bounded: the latest count
				}
				if in >= 0 {
					continue // the highlight's style wins until it ends
				}
			}
			b = append(b, seq...)
			continue
		}
		if w > 0 {
			if len(at) > 0 && col >= at[0] {
				at = at[1:]
				if in >= 0 || len(under) > 0 {
					b = append(b, reset...)
				}
				ends = append(ends, len(b))
				for range indent {
					b = append(b, ' ')
				}
				if in >= 0 {
					b = append(b, segs[in].open...)
				} else {
					restore()
				}
			}
			if in >= 0 && col >= segs[in].to {
				b = append(b, reset...)
				restore()
				in = -1
			}
			for next < len(segs) && segs[next].to <= col {
				next++
			}
			if in < 0 && next < len(segs) && col >= segs[next].from {
				if len(under) > 0 {
					b = append(b, reset...)
				}
				b = append(b, segs[next].open...)
				in = next
				next++
			}
		}
		b = append(b, seq...)
		col += w
	}
	if in >= 0 {
		b = append(b, reset...)
	}
	all := string(b) // one string; the rows are parts of it
	rows := make([]string, 0, len(ends)+1)
	from := 0
	for _, e := range ends {
		rows = append(rows, all[from:e])
		from = e
	}
	return append(rows, all[from:])
}

func isSGR(seq string) bool {
	return len(seq) >= 3 && seq[1] == '[' && seq[len(seq)-1] == 'm'
}

func isReset(seq string) bool { return seq == "\x1b[m" || seq == "\x1b[0m" }

// wrapLines wraps words at width cells.
func wrapLines(s string, width int) []string {
	return strings.Split(lipgloss.Wrap(s, max(width, 1), ""), "\n")
}

// chop cuts plain text into rows of width cells, wherever the width ends:
// for an address or a command, which must never be broken at a hyphen or
// a space as words are.
func chop(s string, width int) []string {
	var out []string
	from, byteAt := 0, 0
	for _, c := range breaks(s, width, 0) {
		// c is a cell; find its byte, walking on from the last one.
		cells := 0
		i := byteAt
		for i < len(s) && from+cells < c {
			_, w, n, _ := ansi.DecodeSequence(s[i:], 0, nil)
			cells += w
			i += n
		}
		out = append(out, s[byteAt:i])
		from, byteAt = c, i
	}
	return append(out, s[byteAt:])
}
