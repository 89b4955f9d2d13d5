// Package render turns a guide into screen lines with glamour, and records
// where its headings and links landed so the reader can jump to them.
package render

import (
	"regexp"
	"strings"

	"charm.land/glamour/v2"
	xansi "github.com/charmbracelet/x/ansi"

	"defensa/internal/library"
)

// MaxWidth is the widest a guide is wrapped, however wide the window: long
// lines are hard to read.
const MaxWidth = 100

// Options choose how a guide is drawn.
type Options struct {
	Width int   // columns to wrap at; clamped to [20, MaxWidth]
	Theme Theme // colours
	ASCII bool  // no box-drawing or bullet characters
}

// Document is a rendered guide.
type Document struct {
	Lines    []string // styled lines, no trailing padding
	Plain    []string // the same lines without escape sequences
	Headings []int    // line of each guide heading (same index as Guide.Headings), -1 when not found
	Links    []Spot   // where each guide link landed (same index as Guide.Links)
	Width    int
}

// Spot is a place on a rendered line, in columns of its plain text.
type Spot struct {
	Line, Start, End int // Line -1 when not found
}

var mdLink = regexp.MustCompile(`(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)

// Render draws g at the given options. It never returns partial output: on
// a glamour error the caller shows the raw Markdown instead.
func Render(g *library.Guide, opt Options) (*Document, error) {
	width := min(max(opt.Width, 20), MaxWidth)
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(StyleConfig(opt.Theme, opt.ASCII)),
		glamour.WithWordWrap(width),
	)
	if err != nil {
		return nil, err
	}
	out, err := r.Render(prepare(g.Body))
	if err != nil {
		return nil, err
	}
	d := &Document{Width: width}
	out = strings.TrimRight(out, "\n ")
	for _, line := range strings.Split(strings.TrimLeft(out, "\n"), "\n") {
		line = compact(line)
		if opt.Theme == Plain {
			line = xansi.Strip(line)
		}
		d.Lines = append(d.Lines, line)
	}
	d.Lines = hangIndent(d.Lines, width)
	for _, line := range d.Lines {
		d.Plain = append(d.Plain, xansi.Strip(line))
	}
	d.Headings = locateHeadings(d.Plain, g.Headings)
	d.Links = locateLinks(d.Plain, g.Links)
	return d, nil
}

// prepare rewrites links to other guides so glamour shows only their text
// (a relative path means nothing on screen, and as an OSC 8 hyperlink it
// would point nowhere). Web addresses stay, shown in full.
func prepare(body string) string {
	return mdLink.ReplaceAllStringFunc(body, func(m string) string {
		sub := mdLink.FindStringSubmatch(m)
		if sub[1] == "!" || strings.Contains(sub[3], "://") || strings.HasPrefix(sub[3], "mailto:") {
			return m
		}
		return "[" + sub[2] + "](#)"
	})
}

var (
	emptySGR    = regexp.MustCompile(`\x1b\[[0-9;]*m\x1b\[0?m`)
	trailingPad = regexp.MustCompile(`(?:\x1b\[[0-9;]*m| )+$`)
)

// compact drops what glamour pads a line with: empty style runs and trailing
// spaces. It makes output many times smaller without changing what shows.
func compact(line string) string {
	for {
		next := emptySGR.ReplaceAllString(line, "")
		if next == line {
			break
		}
		line = next
	}
	if loc := trailingPad.FindStringIndex(line); loc != nil {
		tail := line[loc[0]:]
		line = line[:loc[0]]
		if strings.Contains(tail, "\x1b[") {
			line += "\x1b[m" // keep the reset so no style leaks to the next line
		}
	}
	return line
}

// locateHeadings finds each heading's line, in order, by its text.
func locateHeadings(plain []string, hs []library.Heading) []int {
	out := make([]int, len(hs))
	from := 0
	for i, h := range hs {
		out[i] = -1
		needle := headingNeedle(h.Text)
		for j := from; j < len(plain); j++ {
			t := strings.TrimSpace(plain[j])
			t = strings.TrimLeft(t, "# ")
			if needle != "" && strings.HasPrefix(t, needle) {
				out[i] = j
				from = j + 1
				break
			}
		}
	}
	return out
}

func headingNeedle(text string) string {
	words := strings.Fields(text)
	if len(words) > 3 {
		words = words[:3]
	}
	return strings.Join(words, " ")
}

// locateLinks finds the text of each link on screen. Links are searched in
// order, each from where the previous one was found.
func locateLinks(plain []string, links []library.Link) []Spot {
	out := make([]Spot, len(links))
	line, col := 0, 0
	for i, l := range links {
		out[i] = Spot{Line: -1}
		text := strings.Fields(library.PlainHeading(l.Text))
		if len(text) == 0 {
			continue
		}
		needle := text[0]
		if len(text) > 1 {
			needle += " " + text[1]
		}
		for j := line; j < len(plain); j++ {
			start := 0
			if j == line {
				start = col
			}
			if start > len(plain[j]) {
				continue
			}
			k := strings.Index(plain[j][start:], needle)
			if k < 0 && needle != text[0] {
				// The two words may wrap onto two lines.
				if k2 := strings.Index(plain[j][start:], text[0]); k2 >= 0 && strings.HasSuffix(strings.TrimRight(plain[j], " "), text[0]) {
					k = k2
					needle = text[0]
				}
			}
			if k < 0 {
				continue
			}
			b := start + k
			startCol := xansi.StringWidth(plain[j][:b])
			endCol := startCol + xansi.StringWidth(library.PlainHeading(l.Text))
			lineEnd := xansi.StringWidth(plain[j])
			out[i] = Spot{Line: j, Start: startCol, End: min(endCol, lineEnd)}
			line, col = j, b+len(needle)
			break
		}
	}
	return out
}

// listMarker matches the start of a list item as glamour draws it: a bullet
// (or "*" in ASCII), a task box, or a number.
var listMarker = regexp.MustCompile(`^( *)(• |\* |\[[ x✓]\] |[0-9]+\. )`)

// hangIndent re-wraps list items so their wrapped lines start under the
// item's text instead of under the bullet: glamour draws them flush left,
// which makes long lists hard to follow.
func hangIndent(lines []string, width int) []string {
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		plain := xansi.Strip(lines[i])
		m := listMarker.FindStringSubmatch(plain)
		if m == nil {
			out = append(out, lines[i])
			continue
		}
		indent := len(m[1])
		head := indent + xansi.StringWidth(m[2])
		// Continuation lines: same indent, no marker of their own.
		j := i + 1
		for ; j < len(lines); j++ {
			p := xansi.Strip(lines[j])
			if strings.TrimSpace(p) == "" || listMarker.MatchString(p) || leadingSpaces(p) != indent {
				break
			}
		}
		if j == i+1 || width-head < 10 {
			out = append(out, lines[i])
			continue
		}
		parts := []string{xansi.TruncateLeft(lines[i], head, "")}
		for _, l := range lines[i+1 : j] {
			parts = append(parts, xansi.TruncateLeft(l, indent, ""))
		}
		prefix := xansi.Truncate(lines[i], head, "")
		pad := strings.Repeat(" ", head)
		for k, l := range strings.Split(xansi.Wordwrap(strings.Join(parts, " "), width-head, ""), "\n") {
			if k == 0 {
				out = append(out, prefix+l)
			} else {
				out = append(out, pad+l)
			}
		}
		i = j - 1
	}
	return out
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
