package library

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"defensa/internal/textsafe"
)

// Doc is a guide's Markdown tree, made safe for any renderer: the parse
// that gave the guide its headings and links, with
//   - every text decoded and cleaned (a character reference such as
//     "&#27;" can never become an escape character on screen or on a page),
//     with no tab left (a tab moves a terminal's cursor where no width
//     count follows it): a space in text, spaces to the next multiple of
//     four columns in code, as CommonMark counts them,
//   - bare addresses and autolinks made ordinary links,
//   - links that may not be followed (blocked schemes, files that are not
//     guides) and images reduced to their text,
//   - raw HTML removed.
//
// Each link node carries the attribute LinkAttr (its index in
// Guide.Links) and each heading HeadingAttr (its index in Guide.Headings),
// so a renderer can say where they landed.
type Doc struct {
	Root   ast.Node
	Source []byte
}

// The node attributes Document sets.
const (
	LinkAttr    = "defensa-link"
	HeadingAttr = "defensa-heading"
)

// Index returns the LinkAttr or HeadingAttr index of n, or -1.
func Index(n ast.Node, attr string) int {
	if v, ok := n.AttributeString(attr); ok {
		if i, ok := v.(int); ok {
			return i
		}
	}
	return -1
}

// Document parses the guide's body into a safe tree. It parses again
// (the parse is a few milliseconds and a tree is large to keep), with the
// same dialect and in the same order as the load, so link and heading
// indexes match the guide's.
func (g *Guide) Document() *Doc {
	src := []byte(g.Body)
	root := markdown.Parser().Parse(text.NewReader(src))
	d := &Doc{Root: root, Source: src}
	links, headings := 0, 0
	var drop, unwrap []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			d.cleanText(n)
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			d.expandTabs(n)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					d.cleanCode(t)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			n.SetAttributeString(HeadingAttr, headings)
			headings++
		case *ast.Link, *ast.AutoLink:
			i := links
			links++
			if i >= len(g.Links) {
				unwrap = append(unwrap, n)
				break
			}
			if g.Links[i].Kind == LinkBlocked || g.Links[i].Kind == LinkFile {
				unwrap = append(unwrap, n)
				break
			}
			n.SetAttributeString(LinkAttr, i)
			if l, ok := n.(*ast.Link); ok {
				l.Destination = []byte(g.Links[i].Target) // decoded and judged
			}
		case *ast.Image:
			unwrap = append(unwrap, n)
		case *ast.RawHTML, *ast.HTMLBlock:
			drop = append(drop, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range drop {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	for _, n := range unwrap {
		d.unwrap(n)
	}
	d.plainLinks()
	return d
}

// cleanText points a text node at its decoded, cleaned text, encoded so
// that a renderer decoding it again (glamour resolves references and
// backslash escapes, goldmark's HTML writer too) gets exactly that text.
func (d *Doc) cleanText(t *ast.Text) {
	raw := t.Segment.Value(d.Source)
	if bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\t') < 0 {
		return // the body is clean already, and nothing decodes to more
	}
	shown, _ := textsafe.Text(string(displayText(raw)))
	t.Segment = d.add(encode(strings.ReplaceAll(shown, "\t", " ")))
}

// cleanCode does the same for the text of a code span, where CommonMark
// decodes nothing but glamour resolves character references.
func (d *Doc) cleanCode(t *ast.Text) {
	raw := t.Segment.Value(d.Source)
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\t') < 0 {
		return
	}
	raw = bytes.ReplaceAll(raw, []byte("&"), []byte("&amp;"))
	t.Segment = d.add(bytes.ReplaceAll(raw, []byte("\t"), []byte(" ")))
}

// expandTabs gives each line of a code block with a tab a copy with the
// tabs expanded (see ExpandTabs).
func (d *Doc) expandTabs(n ast.Node) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		if v := seg.Value(d.Source); bytes.IndexByte(v, '\t') >= 0 {
			padded := seg.Padding
			seg = d.add([]byte(ExpandTabs(strings.Repeat(" ", padded) + string(v))))
			lines.Set(i, seg)
		}
	}
}

// ExpandTabs replaces each tab of s by the spaces up to the next multiple
// of four columns of its line, as CommonMark counts tab stops.
func ExpandTabs(s string) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// encode escapes the two characters renderers decode in text.
func encode(s string) []byte {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteByte(s[i])
		}
	}
	return b.Bytes()
}

// add appends text to the tree's source and returns its segment.
func (d *Doc) add(b []byte) text.Segment {
	start := len(d.Source)
	d.Source = append(d.Source, b...)
	return text.NewSegment(start, len(d.Source))
}

// unwrap replaces a node by its text: an autolink that may not be
// followed by its label, a link or an image by its children.
func (d *Doc) unwrap(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if a, ok := n.(*ast.AutoLink); ok {
		label, _ := textsafe.Text(string(a.Label(d.Source)))
		parent.ReplaceChild(parent, n, ast.NewTextSegment(d.add(encode(label))))
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// plainLinks turns every remaining autolink into an ordinary link whose
// text is its label, so renderers handle one kind of link node. Attributes
// stay.
func (d *Doc) plainLinks() {
	var autos []*ast.AutoLink
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if a, ok := n.(*ast.AutoLink); ok && entering {
			autos = append(autos, a)
		}
		return ast.WalkContinue, nil
	})
	for _, a := range autos {
		l := ast.NewLink()
		l.Destination = append([]byte(nil), a.URL(d.Source)...)
		if a.AutoLinkType == ast.AutoLinkEmail && !hasScheme(string(l.Destination)) {
			l.Destination = append([]byte("mailto:"), l.Destination...)
		}
		label, _ := textsafe.Text(string(a.Label(d.Source)))
		l.AppendChild(l, ast.NewTextSegment(d.add(encode(label))))
		for _, attr := range a.Attributes() {
			l.SetAttribute(attr.Name, attr.Value)
		}
		a.Parent().ReplaceChild(a.Parent(), a, l)
	}
}

// TextSegment returns a new text node showing s, encoded for renderers.
func (d *Doc) TextSegment(s string) *ast.Text {
	return ast.NewTextSegment(d.add(encode(s)))
}

// RawSegment returns a new text node whose bytes renderers show as they
// are (after their own decoding, which encode undoes): for markers.
func (d *Doc) RawSegment(b []byte) *ast.Text {
	return ast.NewTextSegment(d.add(b))
}

// Prepend puts b before the first line of a code block node, for markers.
func (d *Doc) Prepend(n ast.Node, b []byte) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	first := lines.At(0)
	seg := d.add(append(append([]byte(nil), b...), first.Value(d.Source)...))
	seg.Padding = first.Padding
	lines.Set(0, seg)
}

// Append puts b after the last line of a code block node, for markers.
func (d *Doc) Append(n ast.Node, b []byte) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	last := lines.At(lines.Len() - 1)
	v := bytes.TrimRight(last.Value(d.Source), "\n")
	seg := d.add(append(append(append([]byte(nil), v...), b...), '\n'))
	seg.Padding = last.Padding
	lines.Set(lines.Len()-1, seg)
}
