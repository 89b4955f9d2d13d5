package render

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"defensa/internal/library"
)

// Plain output (pipes, files, screen readers) has no style to draw, and
// glamour's writers cost most of a `read`. plainLines draws the prepared
// tree to the same logical lines glamour draws with every escape stripped
// (TestPlainDrawsAsGlamour checks it on every guide), in a fraction of
// the time.

// plainLines draws the prepared tree d as text.
func plainLines(d *library.Doc, opt Options) []string {
	p := &plainDrawer{src: d.Source, bullet: "• ", quote: "│ ", rule: strings.Repeat("─", 8), ticked: "[✓] "}
	if opt.ASCII {
		p.bullet, p.quote, p.rule, p.ticked = "* ", "| ", strings.Repeat("-", 8), "[x] "
	}
	p.blocks(d.Root, "")
	return p.lines
}

type plainDrawer struct {
	src                         []byte
	bullet, quote, rule, ticked string
	lines                       []string
}

func (p *plainDrawer) line(s string) { p.lines = append(p.lines, s) }

// blank ends a block with an empty line, drawn with the bars of the
// quotes it is in.
func (p *plainDrawer) blank(prefix string) {
	bare := strings.TrimRight(prefix, " ")
	if n := len(p.lines); n > 0 && strings.TrimRight(p.lines[n-1], " ") != bare {
		p.line(bare)
	}
}

// blocks draws the block children of n, each line starting with prefix.
func (p *plainDrawer) blocks(n ast.Node, prefix string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.block(c, prefix)
	}
}

func (p *plainDrawer) block(n ast.Node, prefix string) {
	switch n := n.(type) {
	case *ast.Heading:
		p.blank(prefix)
		p.line(prefix + strings.ReplaceAll(p.inline(n), "\n", " "))
		p.blank(prefix)
	case *ast.Paragraph:
		p.line(prefix + strings.ReplaceAll(p.inline(n), "\n", " "))
		p.blank(prefix)
	case *ast.TextBlock:
		for _, l := range strings.Split(p.inline(n), "\n") {
			p.line(prefix + l)
		}
	case *ast.List:
		p.list(n, prefix)
		if prefix == "" || !isListItem(n.Parent()) {
			p.blank(prefix)
		}
	case *ast.Blockquote:
		inner := prefix + p.quote
		p.blocks(n, inner)
		if last := len(p.lines) - 1; last >= 0 && p.lines[last] == strings.TrimRight(inner, " ") {
			p.lines = p.lines[:last] // the quote's own last blank line
		}
		p.blank(prefix)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		p.blank(prefix)
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			p.line(prefix + "  " + strings.TrimRight(string(seg.Value(p.src)), "\n"))
		}
		p.blank(prefix)
	case *ast.ThematicBreak:
		p.blank(prefix)
		p.line(prefix + p.rule)
		p.blank(prefix)
	case *east.DefinitionList:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind() == east.KindDefinitionTerm {
				p.line(prefix + p.inline(c))
			} else {
				p.blocks(c, prefix+"  ")
			}
		}
		p.blank(prefix)
	default:
		p.blocks(n, prefix)
	}
}

func isListItem(n ast.Node) bool { return n != nil && n.Kind() == ast.KindListItem }

// list draws a list's items: a bullet, a number or a task box, then the
// item's blocks; nested lists two columns further in.
func (p *plainDrawer) list(l *ast.List, prefix string) {
	number := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		mark := p.bullet
		if l.IsOrdered() {
			mark = strconv.Itoa(number) + ". "
			number++
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindTextBlock, ast.KindParagraph:
				// An item's paragraphs run on in one line, as glamour
				// draws them (prepare puts a space between them); a tight
				// item's line breaks start new lines at its indentation.
				text := p.inline(c)
				for c.Kind() == ast.KindParagraph && c.NextSibling() != nil && c.NextSibling().Kind() == ast.KindParagraph {
					c = c.NextSibling()
					text += p.inline(c)
				}
				if c.Kind() == ast.KindParagraph {
					text = strings.ReplaceAll(text, "\n", " ")
				}
				if box, ok := taskBox(item.FirstChild(), p.ticked); ok {
					mark = box
				}
				for i, l := range strings.Split(text, "\n") {
					switch {
					case i > 0:
						p.line(prefix + l)
					case first:
						p.line(prefix + mark + l)
					default:
						p.line(prefix + strings.Repeat(" ", len([]rune(mark))) + l)
					}
				}
			case ast.KindList:
				p.list(c.(*ast.List), prefix+"  ")
			default:
				p.block(c, prefix+"  ")
			}
			first = false
		}
	}
}

// taskBox is the box of a task list item, when c starts with one.
func taskBox(c ast.Node, ticked string) (string, bool) {
	if box, ok := c.FirstChild().(*east.TaskCheckBox); ok {
		if box.IsChecked {
			return ticked, true
		}
		return "[ ] ", true
	}
	return "", false
}

// inline is the text of n's inline children as a reader sees it, markers
// kept.
func (p *plainDrawer) inline(n ast.Node) string {
	var b strings.Builder
	p.writeInline(&b, n)
	return b.String()
}

func (p *plainDrawer) writeInline(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(decode(c.Segment.Value(p.src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.WriteString(strings.ReplaceAll(string(t.Segment.Value(p.src)), "&amp;", "&"))
				}
			}
		case *east.TaskCheckBox:
		default:
			p.writeInline(b, c)
		}
	}
}

// decode undoes what library.Doc encodes in text (a backslash and an
// ampersand): every other segment of the tree is shown as it is.
func decode(seg []byte) string {
	s := string(seg)
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '\\':
			b.WriteByte('\\')
			i++
		case strings.HasPrefix(s[i:], "&amp;"):
			b.WriteByte('&')
			i += len("&amp;") - 1
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
