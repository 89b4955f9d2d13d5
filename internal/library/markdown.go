package library

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"defensa/internal/fold"
	"defensa/internal/textsafe"
)

// markdown is the one Markdown dialect of defensa: CommonMark with
// GitHub's tables, strikethrough, task lists and bare web addresses, and
// definition lists, which is what glamour draws. It is configured once and
// never changed.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// Limits on one guide, so a hostile file cannot make rendering take
// exponential time or memory. Real guides stay far below every one.
const (
	MaxGuideSize = 256 << 10 // bytes of one file
	MaxDepth     = 8         // blockquotes and lists inside one another
	MaxLinks     = 1000
	MaxHeadings  = 400
	MaxColumns   = 16   // of one table
	MaxCells     = 4000 // of all tables of a guide
	MaxNodes     = 60000
)

// limitError is a guide over one of the limits: the message key, the
// file line where it was passed, and the limit.
type limitError struct {
	key   string
	line  int
	limit int
}

// parsed is what one parse of a body yields.
type parsed struct {
	headings []Heading
	links    []Link
	blocks   []Block
	sections []Section
	html     int // line of the first raw HTML, which is never shown; 0 for none
}

// lineIndex turns byte offsets of a body into file lines.
type lineIndex struct {
	starts []int // offset of each line's first byte
	first  int   // file line of the body's first line
}

func newLineIndex(body []byte, first int) lineIndex {
	starts := make([]int, 1, bytes.Count(body, []byte{'\n'})+1)
	for i, c := range body {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts, first: first}
}

func (li lineIndex) line(offset int) int {
	i, found := slices.BinarySearch(li.starts, offset)
	if !found {
		i--
	}
	return li.first + max(i, 0)
}

// nodeOffset is where a node starts in the source, for line numbers.
func nodeOffset(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		if lines := n.Lines(); lines != nil && lines.Len() > 0 {
			return lines.At(0).Start
		}
	}
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if p := c.Pos(); p >= 0 {
			return p
		}
	}
	return max(n.Pos(), 0)
}

// parseBody parses a guide body once and collects what every consumer
// needs. firstLine is the file line the body starts on; id resolves
// relative links.
func parseBody(body string, firstLine int, id string) (parsed, *limitError) {
	src := []byte(body)
	root := markdown.Parser().Parse(text.NewReader(src))
	li := newLineIndex(src, firstLine)
	var (
		p        parsed
		depth    int
		nodes    int
		cells    int
		limit    *limitError
		anchors  = map[string]int{}
		sec      = Section{Heading: -1}
		textBuf  []string
		closeSec = func(next Section) {
			sec.Text = strings.Join(textBuf, "\n")
			sec.Links.To, sec.Blocks.To = len(p.links), len(p.blocks)
			p.sections = append(p.sections, sec)
			textBuf = textBuf[:0]
			sec = next
		}
	)
	over := func(key string, n ast.Node, max int) ast.WalkStatus {
		limit = &limitError{key: key, line: li.line(nodeOffset(n)), limit: max}
		return ast.WalkStop
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindList:
			if entering {
				depth++
			} else {
				depth--
			}
			if depth > MaxDepth {
				return over("load.too_deep", n, MaxDepth), nil
			}
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		if nodes++; nodes > MaxNodes {
			return over("load.too_many_nodes", n, MaxNodes), nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if len(p.headings) == MaxHeadings {
				return over("load.too_many_headings", n, MaxHeadings), nil
			}
			h := Heading{Level: n.Level, Text: inlineText(n, src), Line: li.line(nodeOffset(n))}
			h.Anchor = uniqueAnchor(anchors, Slug(h.Text))
			p.headings = append(p.headings, h)
			switch {
			case h.Level >= 2:
				closeSec(Section{Heading: len(p.headings) - 1, Links: Range{From: len(p.links)}, Blocks: Range{From: len(p.blocks)}})
			case sec.Heading < 0 && len(p.sections) == 0 && len(textBuf) == 0:
				sec.Heading = len(p.headings) - 1 // the title
			}
		case *ast.Paragraph, *ast.TextBlock, *east.DefinitionTerm:
			if t := inlineText(n, src); t != "" {
				textBuf = append(textBuf, t)
			}
		case *east.Table:
			if cols := n.FirstChild(); cols != nil && cols.ChildCount() > MaxColumns {
				return over("load.too_many_columns", n, MaxColumns), nil
			}
		case *east.TableHeader, *east.TableRow:
			var row []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if cells++; cells > MaxCells {
					return over("load.too_many_cells", n, MaxCells), nil
				}
				row = append(row, inlineText(c, src))
			}
			textBuf = append(textBuf, strings.Join(row, " | "))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			b := Block{Text: blockText(n, src), Line: li.line(nodeOffset(n))}
			if prev, ok := n.PreviousSibling().(*ast.Paragraph); ok {
				b.Intro = inlineText(prev, src)
			}
			if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
				b.Info = textsafe.Line(string(f.Info.Segment.Value(src)))
			}
			p.blocks = append(p.blocks, b)
			if b.Text != "" {
				textBuf = append(textBuf, strings.Split(b.Text, "\n")...)
			}
		case *ast.Link, *ast.AutoLink:
			if len(p.links) == MaxLinks {
				return over("load.too_many_links", n, MaxLinks), nil
			}
			p.links = append(p.links, newLink(n, src, id, li.line(nodeOffset(n))))
		case *ast.HTMLBlock, *ast.RawHTML:
			if p.html == 0 {
				p.html = li.line(nodeOffset(n))
			}
		}
		return ast.WalkContinue, nil
	})
	if limit != nil {
		return parsed{}, limit
	}
	closeSec(Section{})
	return p, nil
}

// newLink describes a link node as a Link.
func newLink(n ast.Node, src []byte, id string, line int) Link {
	l := Link{Line: line}
	switch n := n.(type) {
	case *ast.Link:
		l.Text = inlineText(n, src)
		// goldmark keeps the destination as written: resolve it as a
		// browser would before judging its scheme ("&#106;avascript:").
		l.Target = textsafe.Line(string(displayText(n.Destination)))
	case *ast.AutoLink:
		l.Text = textsafe.Line(string(n.Label(src)))
		l.Target = textsafe.Line(string(n.URL(src)))
		if n.AutoLinkType == ast.AutoLinkEmail && !hasScheme(l.Target) {
			l.Target = "mailto:" + l.Target
		}
	}
	l.Kind, l.ID, l.Anchor = classify(id, l.Target)
	return l
}

// classify works out what a link destination is: which guide a relative
// link points to (links are written relative to the guide's file,
// <section>/<slug>.md inside its language folder), or which of the allowed
// schemes an address has. Anything else is blocked: it is never shown as a
// link.
func classify(fromID, target string) (LinkKind, string, string) {
	if hasScheme(target) || strings.HasPrefix(target, "//") {
		u, err := url.Parse(target)
		if err != nil || strings.ContainsAny(target, " <>\"`") {
			return LinkBlocked, "", ""
		}
		switch strings.ToLower(u.Scheme) {
		case "http", "https":
			if u.Host != "" {
				return LinkWeb, "", ""
			}
		case "mailto":
			if strings.Contains(u.Opaque, "@") {
				return LinkMail, "", ""
			}
		case "tel":
			if validPhone(u.Opaque) {
				return LinkPhone, "", ""
			}
		}
		return LinkBlocked, "", ""
	}
	file, anchor, _ := strings.Cut(target, "#")
	if file == "" {
		return LinkGuide, fromID, anchor
	}
	joined := path.Join(path.Dir(fromID), file)
	if id, ok := strings.CutSuffix(joined, ".md"); ok && validIDShape(id) {
		return LinkGuide, id, anchor
	}
	return LinkFile, "", ""
}

func hasScheme(target string) bool {
	for i, r := range target {
		switch {
		case r == ':':
			return i > 0
		case unicode.IsLetter(r) && r < 0x80:
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '.' || r == '-'):
		default:
			return false
		}
	}
	return false
}

// validPhone reports whether s reads as a phone number: digits with the
// usual separators, 3 to 15 digits (the international maximum).
func validPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '.', r == '(', r == ')':
		default:
			return false
		}
	}
	return digits >= 3 && digits <= 15
}

// inlineText is what a reader sees of a node's inline content: text with
// markup, link targets and raw HTML removed, escapes and entities
// resolved, and the result cleaned.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeInline(&b, n, src)
	return textsafe.Line(b.String())
}

func writeInline(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(displayText(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML, *east.TaskCheckBox:
		default:
			writeInline(b, c, src)
		}
	}
}

// displayText resolves the backslash escapes and character references of
// a text segment, as a renderer shows it.
func displayText(seg []byte) []byte {
	if bytes.IndexByte(seg, '\\') < 0 && bytes.IndexByte(seg, '&') < 0 {
		return seg
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(seg)))
}

// blockText is the text of a code block, without its fences.
func blockText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	out, _ := textsafe.Text(strings.TrimRight(b.String(), "\n"))
	return ExpandTabs(out)
}

// uniqueAnchor makes a heading's anchor unique in its guide the way
// code-hosting sites do: the second "Next steps" is "next-steps-1".
func uniqueAnchor(seen map[string]int, anchor string) string {
	n, dup := seen[anchor]
	if !dup {
		seen[anchor] = 0
		return anchor
	}
	seen[anchor] = n + 1
	return anchor + "-" + strconv.Itoa(n+1)
}

// Slug turns heading text into its anchor the way code-hosting sites do:
// lowercase, punctuation dropped, spaces to hyphens, accents kept.
func Slug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldAnchor compares anchors the way a person types them: no accents, no
// capitals.
func foldAnchor(a string) string { return fold.String(a) }

func validIDShape(id string) bool {
	section, slug, ok := strings.Cut(id, "/")
	return ok && section != "" && slug != "" && !strings.Contains(slug, "/") && !strings.HasPrefix(section, ".")
}

// ValidID reports whether id is lowercase ASCII words joined by hyphens, in
// the form section/slug.
func ValidID(id string) bool {
	section, slug, ok := strings.Cut(id, "/")
	return ok && validPart(section) && validPart(slug)
}

func validPart(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
