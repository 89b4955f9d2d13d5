package export

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"defensa/internal/library"
)

// linkTarget is what one link of a guide becomes on one page.
type linkTarget struct {
	href     string // "" when the link cannot be followed from this page: its text alone is shown
	addr     string // for an external link, the address printed after its text on paper
	external bool
}

// body renders a guide's safe tree (library.Doc: raw HTML, images and
// links that may not be followed already gone, every text cleaned) with
// goldmark's own HTML renderer, raw HTML off. defensa replaces three of its
// node renderers: links, whose addresses come from the library's judgement
// of each link and never from the Markdown; code spans, whose text the tree
// holds encoded for glamour; and tables, wrapped so a wide one scrolls on a
// phone instead of widening the page.
type body struct {
	doc   *library.Doc
	links func(i int) linkTarget
	r     renderer.Renderer
	table renderer.NodeRendererFunc // goldmark's table renderer, which table wraps
}

func newBody(g *library.Guide, links func(int) linkTarget) *body {
	b := &body{doc: g.Document(), links: links}
	_ = ast.Walk(b.doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			// A heading's id is the library's anchor, so every link,
			// in defensa or on paper, names the same place.
			if i := library.Index(n, library.HeadingAttr); i >= 0 && i < len(g.Headings) {
				n.SetAttributeString("id", []byte(g.Headings[i].Anchor))
			}
		case *ast.FencedCodeBlock:
			// The info string would become a class, after goldmark
			// resolves the character references in it.
			n.Info = nil
		}
		return ast.WalkContinue, nil
	})
	tables := funcs{}
	extension.NewTableHTMLRenderer().RegisterFuncs(tables)
	b.table = tables[east.KindTable]
	b.r = renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(html.NewRenderer(), 1000),
		util.Prioritized(extension.NewTableHTMLRenderer(), 500),
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(extension.NewTaskCheckBoxHTMLRenderer(), 500),
		util.Prioritized(extension.NewDefinitionListHTMLRenderer(), 500),
		util.Prioritized(b, 100), // a lower number wins
	))
	return b
}

// funcs records the node renderers a NodeRenderer registers.
type funcs map[ast.NodeKind]renderer.NodeRendererFunc

// Register implements renderer.NodeRendererFuncRegisterer.
func (f funcs) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

// RegisterFuncs implements renderer.NodeRenderer.
func (b *body) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, b.link)
	reg.Register(ast.KindCodeSpan, b.codeSpan)
	reg.Register(east.KindTable, b.wrapTable)
}

// top is the guide's title heading and what stands between it and the
// first section: the "In short".
func (b *body) top() (title ast.Node, inShort []ast.Node) {
	for n := b.doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			if h.Level >= 2 {
				break
			}
			if title == nil {
				title = n
				continue
			}
		}
		if title != nil {
			inShort = append(inShort, n)
		}
	}
	return title, inShort
}

// html renders nodes of the tree, or the whole guide when none are given.
func (b *body) html(nodes ...ast.Node) (template.HTML, error) {
	if len(nodes) == 0 {
		for n := b.doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
			nodes = append(nodes, n)
		}
	}
	var out bytes.Buffer
	for _, n := range nodes {
		if err := b.r.Render(&out, b.doc.Source, n); err != nil {
			return "", err
		}
	}
	// Everything in out was escaped by goldmark's writer or by the
	// renderers below, from text the library cleaned.
	return template.HTML(out.String()), nil //nolint:gosec
}

func (b *body) link(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	t := b.links(library.Index(n, library.LinkAttr))
	if t.href == "" {
		return ast.WalkContinue, nil // the text alone
	}
	if entering {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML([]byte(t.href)))
		if t.external {
			_, _ = w.WriteString(`" rel="noreferrer noopener`)
		}
		_, _ = w.WriteString(`">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</a>")
	if t.addr != "" {
		_, _ = w.WriteString(`<span class="addr"> (`)
		_, _ = w.Write(util.EscapeHTML([]byte(t.addr)))
		_, _ = w.WriteString(")</span>")
	}
	return ast.WalkContinue, nil
}

// codeSpan writes a code span's text as it stands in the guide. The
// library's tree keeps it encoded for glamour, which resolves character
// references in code (every "&" written as "&amp;"); CommonMark, and so
// HTML, shows code exactly as written, so that encoding is undone here.
func (b *body) codeSpan(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</code>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<code>")
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		v := bytes.ReplaceAll(t.Segment.Value(src), []byte("&amp;"), []byte("&"))
		v = bytes.ReplaceAll(v, []byte("\n"), []byte(" "))
		_, _ = w.Write(util.EscapeHTML(v))
	}
	return ast.WalkSkipChildren, nil
}

func (b *body) wrapTable(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="table">`)
	}
	s, err := b.table(w, src, n, entering)
	if !entering {
		_, _ = w.WriteString("</div>\n")
	}
	return s, err
}

// sameAddress reports whether a link's text already is its address, so
// printing the address after it would only repeat it.
func sameAddress(text, addr string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, p := range []string{"https://", "http://", "mailto:", "tel:", "www."} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimRight(s, "/")
	}
	return norm(text) == norm(addr)
}
