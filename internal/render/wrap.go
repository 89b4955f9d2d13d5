package render

import (
	"regexp"
	"strings"
	"unicode/utf8"

	xansi "github.com/charmbracelet/x/ansi"
)

// Glamour draws each paragraph, list item and code line on one logical
// line (it is told not to wrap); wrap then breaks those lines itself,
// because glamour breaks words at hyphens and inside long words, which
// turned "1-800-898-7180" into "1-" and "800-898-7180" and re-joined
// "field- offices". Here a line breaks only at a space, never inside a
// protected number, a word longer than the line keeps a line of its own
// and is printed whole, and wrapped lines of a list item or a quote hang
// under their text.

// tokenKind is what a piece of a styled line is.
type tokenKind uint8

const (
	cell   tokenKind = iota // printable, with a width
	space                   // a space where the line may break
	escape                  // an escape sequence: no width
	marker                  // one of defensa's markers: no width, removed
)

type token struct {
	s     string
	width int
	kind  tokenKind
	mark  rune
}

// Markers are private-use characters placed in the tree before glamour
// draws it (the loader removes every private-use character from content,
// so only these can be here). Each says where a link's text or address,
// a heading or a code block begins or ends, so positions on screen come
// from the renderer's own output, never from searching the text.
const (
	markLinkStart rune = 0xF0000 + iota*0x1000
	markLinkEnd
	markAddrStart
	markAddrEnd
	markHeading
	markBlockStart
	markBlockEnd
	markLimit
)

func isMarker(r rune) bool { return r >= markLinkStart && r < markLimit }

// markerOf splits a marker rune into its kind (one of the mark constants)
// and its index.
func markerOf(r rune) (rune, int) {
	base := markLinkStart + (r-markLinkStart)/0x1000*0x1000
	return base, int(r - base)
}

func markerString(kind rune, i int) string { return string(kind + rune(i)) }

// tokenize splits a styled line into tokens.
func tokenize(line string) []token {
	if plainASCII(line) {
		// The common case of plain output: a byte is a cell.
		toks := make([]token, len(line))
		for i := range len(line) {
			toks[i] = token{s: line[i : i+1], width: 1}
			if line[i] == ' ' {
				toks[i].kind = space
			}
		}
		return toks
	}
	var toks []token
	var state byte
	for len(line) > 0 {
		seq, width, n, next := xansi.DecodeSequence(line, state, nil)
		state = next
		line = line[n:]
		switch {
		case width == 0 && seq != "" && (seq[0] == 0x1b || seq[0] < 0x20):
			toks = append(toks, token{s: seq, kind: escape})
		case seq == " ":
			toks = append(toks, token{s: seq, width: 1, kind: space})
		default:
			r, size := utf8.DecodeRuneInString(seq)
			if isMarker(r) {
				toks = append(toks, token{kind: marker, mark: r})
				if rest := seq[size:]; rest != "" {
					toks = append(toks, token{s: rest, width: xansi.StringWidth(rest), kind: cell})
				}
				continue
			}
			toks = append(toks, token{s: seq, width: width, kind: cell})
		}
	}
	return toks
}

// plainASCII reports whether s is printable ASCII: no escape, no marker,
// nothing wider or narrower than a cell.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// protected are the spans whose spaces must not break a line: phone
// numbers and A-numbers written with spaces, "número A" and "EE. UU.".
var protected = regexp.MustCompile(`\(\d{3}\) \d{3}[- ]\d{4}|\b1 \d{3} \d{3} \d{4}\b|\bA ?\d{3} \d{3} \d{3}\b|\bEE\. ?UU\.|(?i:\bnúmero A\b)`)

// mayBeProtected is a cheap test that s may hold a protected span: each
// one has a space between digits, after ")" or "A" and before a digit,
// between "o" and "A", or after "EE.".
func mayBeProtected(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		prev, next := s[i-1], s[i+1]
		digit := next >= '0' && next <= '9'
		switch {
		case digit && (prev >= '0' && prev <= '9' || prev == ')' || prev == 'A'),
			prev == 'o' && next == 'A',
			prev == '.' && i >= 3 && s[i-3:i] == "EE.":
			return true
		}
	}
	return false
}

// protect turns the spaces inside protected spans into cells.
func protect(toks []token) {
	var plain strings.Builder
	var at []int // byte offset in plain -> token index
	for i, t := range toks {
		if t.kind == cell || t.kind == space {
			for range len(t.s) {
				at = append(at, i)
			}
			plain.WriteString(t.s)
		}
	}
	if !mayBeProtected(plain.String()) {
		return
	}
	for _, m := range protected.FindAllStringIndex(plain.String(), -1) {
		for b := m[0]; b < m[1]; b++ {
			if toks[at[b]].kind == space {
				toks[at[b]].kind = cell
			}
		}
	}
}

// listPrefix measures what a line starts with that its wrapped lines hang
// under: indentation and quote bars (the first width), then a bullet,
// number or task box (the whole prefix's width).
func listPrefix(plain string) (bars, whole int) {
	s := plain
	for {
		switch {
		case strings.HasPrefix(s, " "):
			s = s[1:]
		case strings.HasPrefix(s, "│ "):
			s = s[len("│ "):]
		case strings.HasPrefix(s, "| "):
			s = s[2:]
		default:
			bars = xansi.StringWidth(plain[:len(plain)-len(s)])
			return bars, bars + xansi.StringWidth(listMarker(s))
		}
	}
}

// listMarker is the bullet, number or task box at the start of s, or "".
func listMarker(s string) string {
	for _, m := range []string{"• ", "* ", "[ ] ", "[x] ", "[✓] "} {
		if strings.HasPrefix(s, m) {
			return m
		}
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && strings.HasPrefix(s[digits:], ". ") {
		return s[:digits+2]
	}
	return ""
}

// position is where a marker landed: a line of the output and a column of
// its plain text.
type position struct{ line, col int }

// wrapper accumulates output lines and marker positions.
type wrapper struct {
	width     int
	lines     []string
	marks     map[rune]position
	lastBlank bool
}

// blank reports whether a line shows nothing.
func blank(toks []token) bool {
	for _, t := range toks {
		if t.kind == cell {
			return false
		}
	}
	return true
}

// logical is one line of glamour's output, taken apart once: the same at
// every width.
type logical struct {
	toks        []token
	split       int  // toks[:split] is the prefix
	prefixCells int  // its width
	bulletFrom  int  // the column where its bullet or number starts
	blank       bool // nothing shows
}

// parseLine takes a line of glamour's output apart.
func parseLine(line string) logical {
	toks := tokenize(line)
	l := logical{toks: toks, blank: blank(toks)}
	if l.blank {
		return l
	}
	protect(toks)
	// The prefix, measured on the plain text.
	var plain strings.Builder
	for _, t := range toks {
		if t.kind == cell || t.kind == space {
			plain.WriteString(t.s)
		}
	}
	l.bulletFrom, l.prefixCells = listPrefix(plain.String())
	cells := 0
	for l.split < len(toks) && cells < l.prefixCells {
		cells += toks[l.split].width
		l.split++
	}
	return l
}

// add wraps one logical line and appends it.
func (w *wrapper) add(l logical) {
	if l.blank && (len(w.lines) == 0 || w.lastBlank) {
		// Blank lines at the top and runs of them are drawn once.
		for _, t := range l.toks {
			if t.kind == marker {
				w.marks[t.mark] = position{len(w.lines), 0}
			}
		}
		return
	}
	w.lastBlank = l.blank
	prefix, content := l.toks[:l.split], l.toks[l.split:]
	prefixCells, bulletFrom := l.prefixCells, l.bulletFrom
	avail := w.width - prefixCells
	if avail < 10 {
		avail = max(w.width-bulletFrom, 10)
	}
	cont := continuation(prefix, bulletFrom)
	var active []string // escapes in force, since the last reset
	var out strings.Builder
	col := 0
	emit := func(ts []token) {
		for _, t := range ts {
			switch t.kind {
			case marker:
				w.marks[t.mark] = position{len(w.lines), col}
			case escape:
				active = track(active, t.s)
				out.WriteString(t.s)
			default:
				out.WriteString(t.s)
				col += t.width
			}
		}
	}
	newLine := func() {
		if len(active) > 0 {
			out.WriteString("\x1b[m")
		}
		w.push(out.String())
		out.Reset()
		col = 0
		inForce := append([]string(nil), active...)
		emit(cont)
		active = inForce
		for _, e := range active {
			out.WriteString(e)
		}
	}
	emit(prefix)
	lineWidth := 0
	var pending []token // the spaces before the next word: kept inside a line, dropped at a break
	for i := 0; i < len(content); {
		if content[i].kind == space {
			pending = append(pending, content[i])
			i++
			continue
		}
		j := i
		wordWidth := 0
		for j < len(content) && content[j].kind != space {
			wordWidth += content[j].width
			j++
		}
		if lineWidth > 0 && lineWidth+len(pending)+wordWidth > avail {
			newLine()
			lineWidth = 0
		} else {
			emit(pending)
			lineWidth += len(pending)
		}
		pending = pending[:0]
		emit(content[i:j])
		lineWidth += wordWidth
		i = j
	}
	if len(active) > 0 {
		out.WriteString("\x1b[m")
	}
	w.push(out.String())
}

var emptySGR = regexp.MustCompile(`\x1b\[[0-9;]*m\x1b\[0?m`)

// push appends a finished line, without what glamour pads lines with
// (empty style runs and trailing spaces): output many times smaller, and
// nothing that shows changes.
func (w *wrapper) push(line string) {
	for strings.Contains(line, "\x1b[") {
		next := emptySGR.ReplaceAllString(line, "")
		if next == line {
			break
		}
		line = next
	}
	if cut := trailingPad(line); cut < len(line) {
		styled := strings.Contains(line[cut:], "\x1b[")
		line = line[:cut]
		if styled {
			line += "\x1b[m" // keep the reset so no style leaks to the next line
		}
	}
	w.lines = append(w.lines, line)
}

// trailingPad returns where the padding at the end of line starts: spaces
// and style sequences, up to the last thing that shows.
func trailingPad(line string) int {
	end := len(line)
	for end > 0 {
		switch {
		case line[end-1] == ' ':
			end--
		case line[end-1] == 'm':
			start := strings.LastIndex(line[:end], "\x1b[")
			if start < 0 || strings.Trim(line[start+2:end-1], "0123456789;") != "" {
				return end
			}
			end = start
		default:
			return end
		}
	}
	return end
}

// continuation is the prefix of a wrapped line: the same indentation and
// quote bars, with the bullet or number replaced by spaces.
func continuation(prefix []token, bulletFrom int) []token {
	out := make([]token, 0, len(prefix))
	col := 0
	for _, t := range prefix {
		if t.kind == cell && col >= bulletFrom {
			out = append(out, token{s: strings.Repeat(" ", t.width), width: t.width, kind: cell})
		} else {
			out = append(out, t)
		}
		col += t.width
	}
	return out
}

// track updates the escapes in force after e.
func track(active []string, e string) []string {
	if !strings.HasPrefix(e, "\x1b[") || !strings.HasSuffix(e, "m") {
		return active // not a style: nothing to carry over
	}
	params := e[2 : len(e)-1]
	if params == "" || params == "0" {
		return active[:0]
	}
	if strings.HasPrefix(params, "0;") {
		return append(active[:0], e)
	}
	return append(active, e)
}
