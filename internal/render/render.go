// Package render turns a guide into screen lines with glamour, and records
// where its headings, links and code blocks landed so the reader can jump
// to them and the command line can print a part of a guide.
//
// Positions come from markers placed in the guide's tree before glamour
// draws it, never from searching the drawn text; and lines are broken by
// wrap, which never splits an address, a phone number or a form number.
package render

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"charm.land/glamour/v2/ansi"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"defensa/internal/library"
)

// MaxWidth is the widest a guide is wrapped, however wide the window: long
// lines are hard to read.
const MaxWidth = 100

// MinWidth is the narrowest a guide is wrapped.
const MinWidth = 20

// Deadline bounds one rendering. The loader's limits keep every guide far
// below it; it is there so that no guide can ever stall the reader.
const Deadline = 3 * time.Second

// ErrTooSlow is returned when a rendering passed Deadline.
var ErrTooSlow = errors.New("rendering took too long")

// Options choose how a guide is drawn.
type Options struct {
	Width int   // columns to wrap at, for Render; clamped to [MinWidth, MaxWidth]
	Theme Theme // colours
	ASCII bool  // no box-drawing or bullet characters
	// Strip draws with no escape sequence at all: for pipes, files and
	// screen readers.
	Strip bool
	// Hyperlinks makes web addresses terminal hyperlinks (OSC 8), for a
	// terminal that can open them later.
	Hyperlinks bool
	// Sources, when set, is the title of a list of the guide's sources
	// drawn after its text ("Sources").
	Sources string
}

// Document is a rendered guide.
type Document struct {
	Lines    []string // styled lines, no trailing padding
	Plain    []string // the same lines without escape sequences
	Width    int
	Headings []int      // line of each guide heading (index of Guide.Headings), -1 when not drawn
	Links    []LinkSpot // where each guide link landed (index of Guide.Links)
	Blocks   []Lines    // the lines of each code block (index of Guide.Blocks)
}

// Pos is a place in a Document: a line and a column of its plain text.
type Pos struct{ Line, Col int }

// Span is a run of text that may wrap over lines: from From up to, not
// including, To. A span that was not drawn has From.Line -1.
type Span struct{ From, To Pos }

// Shown reports whether the span was drawn.
func (s Span) Shown() bool { return s.From.Line >= 0 }

var notShown = Span{From: Pos{Line: -1}, To: Pos{Line: -1}}

// LinkSpot is where a link landed: its text and, for an external link
// whose text is not its address, the address drawn after it.
type LinkSpot struct{ Text, Addr Span }

// Lines is a range of document lines, First to Last inclusive; -1 when
// not drawn.
type Lines struct{ First, Last int }

// Render draws g at the given options. It never returns partial output: on
// an error (ErrTooSlow included) the caller shows Fallback instead.
func Render(g *library.Guide, opt Options) (*Document, error) {
	d, err := Draw(g, opt)
	if err != nil {
		return nil, err
	}
	return d.Layout(opt.Width), nil
}

// Drawn is a guide drawn by glamour, before it is wrapped: the same at
// every width, so a window that is resized only wraps it again.
type Drawn struct {
	guide *library.Guide
	opt   Options
	lines []logical // one per paragraph, item or code line
}

// Draw draws g with glamour, within Deadline.
func Draw(g *library.Guide, opt Options) (*Drawn, error) {
	type result struct {
		d   *Drawn
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := draw(g, opt)
		done <- result{d, err}
	}()
	timer := time.NewTimer(Deadline)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.d, r.err
	case <-timer.C:
		return nil, ErrTooSlow
	}
}

func draw(g *library.Guide, opt Options) (*Drawn, error) {
	d := g.Document()
	prepare(d, g, opt)
	var lines []string
	if opt.Strip {
		lines = plainLines(d, opt) // the same text, without glamour's cost
	} else {
		var err error
		if lines, err = glamourLines(d, opt); err != nil {
			return nil, err
		}
	}
	drawn := &Drawn{guide: g, opt: opt}
	for _, line := range lines {
		drawn.lines = append(drawn.lines, parseLine(line))
	}
	return drawn, nil
}

// glamourLines draws the prepared tree with glamour, one logical line per
// paragraph, item or code line.
func glamourLines(d *library.Doc, opt Options) ([]string, error) {
	var buf bytes.Buffer
	styles := StyleConfig(opt.Theme, opt.ASCII)
	if opt.Strip {
		// The title bar's padding means nothing without its colour.
		styles.H1.Prefix, styles.H1.Suffix = "", ""
	}
	r := renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(ansi.NewRenderer(ansi.Options{
		WordWrap: 0, // wrap does it
		Styles:   styles,
	}), 1000)))
	if err := r.Render(&buf, d.Source, d.Root); err != nil {
		return nil, err
	}
	lines := strings.Split(strings.Trim(buf.String(), "\n"), "\n")
	if opt.Strip {
		for i, l := range lines {
			lines[i] = xansi.Strip(l)
		}
	}
	return lines, nil
}

// Layout wraps the drawn guide at width columns (clamped to [MinWidth,
// MaxWidth]).
func (d *Drawn) Layout(width int) *Document {
	width = min(max(width, MinWidth), MaxWidth)
	w := &wrapper{width: width, marks: map[rune]position{}}
	for _, line := range d.lines {
		w.add(line)
	}
	lines := w.lines
	for len(lines) > 0 && strings.TrimSpace(xansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	doc := &Document{Lines: lines, Width: width}
	doc.place(d.guide, w.marks)
	doc.styleAddresses(d.guide, d.opt)
	doc.Plain = make([]string, len(doc.Lines))
	for i, l := range doc.Lines {
		doc.Plain[i] = xansi.Strip(l)
	}
	return doc
}

// prepare readies the safe tree for glamour: markers around every link's
// text and at every heading and code block; every link drawn as its text
// only (a relative path means nothing on screen), with the address of an
// external link written after it; tables drawn as lists, which wrap at any
// width; and the sources at the end.
func prepare(d *library.Doc, g *library.Guide, opt Options) {
	var links, tables []ast.Node
	blocks := 0
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if i := library.Index(n, library.HeadingAttr); i >= 0 {
				mark := d.RawSegment([]byte(markerString(markHeading, i)))
				if n.FirstChild() != nil {
					n.InsertBefore(n, n.FirstChild(), mark)
				} else {
					n.AppendChild(n, mark)
				}
			}
		case *ast.Link:
			links = append(links, n)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				d.Prepend(n, []byte(markerString(markBlockStart, blocks)))
				d.Append(n, []byte(markerString(markBlockEnd, blocks)))
			}
			blocks++
		case *east.Table:
			tables = append(tables, n)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			// glamour runs the paragraphs of a list item together: keep
			// their words apart.
			if isListItem(n.Parent()) && n.NextSibling() != nil && n.NextSibling().Kind() == ast.KindParagraph {
				n.AppendChild(n, d.TextSegment(" "))
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range links {
		l := n.(*ast.Link)
		i := library.Index(l, library.LinkAttr)
		l.Destination = []byte("#") // glamour then draws the text alone
		l.Title = nil
		if i < 0 {
			continue
		}
		start := d.RawSegment([]byte(markerString(markLinkStart, i)))
		if l.FirstChild() != nil {
			l.InsertBefore(l, l.FirstChild(), start)
		} else {
			l.AppendChild(l, start)
		}
		l.AppendChild(l, d.RawSegment([]byte(markerString(markLinkEnd, i))))
		link := g.Links[i]
		if addr := link.Address(); link.External() && !sameAddress(link.Text, addr) {
			var after ast.Node = l
			for _, n := range []ast.Node{
				d.TextSegment(" "),
				d.RawSegment([]byte(markerString(markAddrStart, i))),
				d.TextSegment(addr),
				d.RawSegment([]byte(markerString(markAddrEnd, i))),
			} {
				l.Parent().InsertAfter(l.Parent(), after, n)
				after = n
			}
		}
	}
	for _, t := range tables {
		tableAsList(d, t)
	}
	if opt.Sources != "" && len(g.Sources) > 0 {
		appendSources(d, g, opt.Sources)
	}
}

// sameAddress reports whether a link's text already shows its address, so
// it is not written twice ("www.ice.gov" for http://www.ice.gov).
func sameAddress(text, addr string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, p := range []string{"https://", "http://", "mailto:", "tel:"} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
	}
	return norm(text) == norm(addr)
}

// tableAsList replaces a table by a list with one item per row, each cell
// named by its column: "Office: Chicago; Phone: 312-...". A table cannot
// be read at 40 columns; a list can.
func tableAsList(d *library.Doc, t ast.Node) {
	var header []ast.Node
	list := ast.NewList('-')
	list.IsTight = true
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		cells := []ast.Node{}
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, c)
		}
		if row.Kind() == east.KindTableHeader {
			header = cells
			continue
		}
		item := ast.NewListItem(2)
		block := ast.NewTextBlock()
		for i, c := range cells {
			if i > 0 {
				block.AppendChild(block, d.TextSegment("; "))
			}
			if i < len(header) && header[i].FirstChild() != nil {
				strong := ast.NewEmphasis(2)
				moveChildren(header[i], strong, true)
				block.AppendChild(block, strong)
				block.AppendChild(block, d.TextSegment(": "))
			}
			moveChildren(c, block, false)
		}
		item.AppendChild(item, block)
		list.AppendChild(list, item)
	}
	t.Parent().ReplaceChild(t.Parent(), t, list)
}

// moveChildren moves (or, with copyOnly, copies the text of) the inline
// children of from to the end of to.
func moveChildren(from, to ast.Node, copyOnly bool) {
	for c := from.FirstChild(); c != nil; {
		next := c.NextSibling()
		if copyOnly {
			if t, ok := c.(*ast.Text); ok {
				to.AppendChild(to, ast.NewTextSegment(t.Segment))
			}
		} else {
			to.AppendChild(to, c)
		}
		c = next
	}
}

// appendSources adds a heading and the list of the guide's sources:
// title, publisher, date and address, so organizers can cite them.
func appendSources(d *library.Doc, g *library.Guide, title string) {
	h := ast.NewHeading(2)
	h.AppendChild(h, d.TextSegment(title))
	d.Root.AppendChild(d.Root, h)
	list := ast.NewList('-')
	list.IsTight = true
	for _, s := range g.Sources {
		var parts []string
		for _, p := range []string{s.Title, s.Publisher, s.Date} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) == 0 && s.URL == "" {
			continue
		}
		item := ast.NewListItem(2)
		block := ast.NewTextBlock()
		text := strings.Join(parts, ", ")
		if s.URL != "" && text != "" {
			text += ": " + s.URL
		} else if s.URL != "" {
			text = s.URL
		}
		block.AppendChild(block, d.TextSegment(text))
		item.AppendChild(item, block)
		list.AppendChild(list, item)
	}
	d.Root.AppendChild(d.Root, list)
}

// place turns marker positions into the document's heading lines, link
// spots and block lines.
func (doc *Document) place(g *library.Guide, marks map[rune]position) {
	at := func(kind rune, i int) (Pos, bool) {
		p, ok := marks[kind+rune(i)]
		return Pos{p.line, p.col}, ok
	}
	doc.Headings = make([]int, len(g.Headings))
	for i := range g.Headings {
		doc.Headings[i] = -1
		if p, ok := at(markHeading, i); ok {
			doc.Headings[i] = p.Line
		}
	}
	doc.Links = make([]LinkSpot, len(g.Links))
	span := func(start, end rune, i int) Span {
		from, ok1 := at(start, i)
		to, ok2 := at(end, i)
		if !ok1 || !ok2 {
			return notShown
		}
		return Span{From: from, To: to}
	}
	for i := range g.Links {
		doc.Links[i] = LinkSpot{Text: span(markLinkStart, markLinkEnd, i), Addr: span(markAddrStart, markAddrEnd, i)}
	}
	doc.Blocks = make([]Lines, len(g.Blocks))
	for i := range g.Blocks {
		s := span(markBlockStart, markBlockEnd, i)
		doc.Blocks[i] = Lines{s.From.Line, s.To.Line}
	}
}

// Fallback shows a guide's Markdown as it is, wrapped, for when rendering
// failed: the reader still gets every word, and headings are still found.
func Fallback(g *library.Guide, width int) *Document {
	lines := strings.Split(g.Body, "\n")
	for i, h := range g.Headings {
		if at := h.Line - g.BodyLine; at >= 0 && at < len(lines) {
			lines[at] = markerString(markHeading, i) + lines[at]
		}
	}
	d := &Drawn{guide: g, opt: Options{Strip: true}}
	for _, line := range lines {
		d.lines = append(d.lines, parseLine(line))
	}
	return d.Layout(width)
}
