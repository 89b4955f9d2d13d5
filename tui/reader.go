package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
)

// readerModel shows one guide: a header with where the reader is, the
// text in a viewport, and a line of information under it. Find, contents,
// links, history and copy are small models of their own.
type readerModel struct {
	sh       *shared
	keys     readerKeys
	guide    *library.Guide
	fellBack bool // the guide is not in the language asked for
	doc      *render.Document
	blanks   []span // the template placeholders of doc, to highlight
	vp       viewport.Model
	width    int
	height   int
	jump     jump // where to go once the guide is laid out
	find     findModel
	toc      contentsModel
	link     linkFocus
	hist     history
	status   note // a message that stays until the next key
	painted  painted
	// rows places the document's lines on screen: a line wider than the
	// window takes several rows. The viewport counts rows; rowsFor is
	// the layout and width they were made for.
	rows    rowMap
	rowsFor rowsKey
	rowsGen int
}

// rowsKey is what a rowMap depends on.
type rowsKey struct {
	doc   *render.Document
	width int
}

// note is a message under the text: words, which wrap, then on lines of
// its own something to copy exactly (an address, a command), which is
// never broken at a hyphen.
type note struct {
	text, verbatim string
	problem        bool // a warning
}

// jump is a place to go in a guide not laid out yet: a heading, or a line.
type jump struct {
	heading, line int
	set           bool
}

// renderedMsg carries a guide drawn and laid out off the main loop; key
// identifies it, so a late one for another guide, width or theme is
// dropped.
type renderedMsg struct {
	key   layoutKey
	drawn *render.Drawn
	doc   *render.Document
	err   error
}

func newReader(sh *shared) readerModel {
	r := readerModel{sh: sh, link: noLink, width: 80, height: 23}
	r.vp = viewport.New()
	r.vp.KeyMap = viewport.KeyMap{} // the reader's own keys drive it
	r.vp.MouseWheelEnabled = sh.opts.Mouse
	r.SetLang()
	return r
}

// SetLang sets the keys and texts in the interface language.
func (r *readerModel) SetLang() {
	r.keys = newReaderKeys(r.sh.names)
	q := r.find.query
	r.find = newFind(r.sh)
	r.find.query = q
	r.find.Recompute(r.doc)
	r.toc = newContents(r.sh)
}

// SetSize sets the reader's area, footer excluded. The text is laid out
// again at the new width by Relayout.
func (r *readerModel) SetSize(w, h int) {
	r.width, r.height = w, h
	r.layout()
}

// Relayout shows the guide laid out at the current width and theme.
func (r *readerModel) Relayout() tea.Cmd { return r.ensureRendered() }

// textWidth is the width a guide is wrapped at: the window less a margin,
// never wider than is comfortable to read.
func (r readerModel) textWidth() int {
	return min(max(r.width-4, render.MinWidth), render.MaxWidth)
}

// layout gives the viewport what the header and the information line
// leave: the information line may take several lines (a whole address).
// Lines wider than the window are split over rows at the window's width.
func (r *readerModel) layout() {
	head := lipgloss.Height(r.headerView())
	info := lipgloss.Height(r.infoView())
	h := max(r.height-head-info, 1)
	r.vp.SetWidth(r.width)
	r.vp.SetHeight(h)
	r.toc.SetSize(r.width, h)
	margin := 0
	if r.doc != nil {
		margin = max((r.width-r.doc.Width)/2, 0)
	}
	pad := strings.Repeat(" ", margin)
	r.vp.LeftGutterFunc = func(viewport.GutterContext) string { return pad }
	if r.doc == nil {
		return
	}
	if k := (rowsKey{r.doc, max(r.width-margin, 1)}); k != r.rowsFor {
		top := -1
		if r.rowsFor.doc == r.doc {
			top = r.topLine() // a new width: stay at the same line
		}
		r.rows, r.rowsFor = newRowMap(r.doc.Plain, k.width), k
		r.rowsGen++
		r.paint()
		if top >= 0 {
			r.scrollTo(top)
		}
	}
}

func (r readerModel) key() layoutKey {
	return layoutKey{drawKey: drawKey{id: r.guide.ID, lang: r.guide.Lang, theme: r.sh.st.Theme}, width: r.textWidth()}
}

// Holds reports whether keys must wait: the guide is still being laid out.
func (r readerModel) Holds() bool { return r.guide != nil && r.doc == nil }

// ensureRendered shows the guide at the current width and theme: at once
// when it was laid out before, or through a command.
func (r *readerModel) ensureRendered() tea.Cmd {
	if r.guide == nil {
		return nil
	}
	k := r.key()
	if r.doc != nil && r.doc == r.sh.docs[k] {
		return nil
	}
	if doc, ok := r.sh.docs[k]; ok {
		r.setDoc(doc)
		return nil
	}
	return renderGuide(r.guide, k, r.sh.drawn[k.drawKey], r.sh.renderOptions(r.guide))
}

// renderGuide draws g (unless drawn already) and lays it out.
func renderGuide(g *library.Guide, k layoutKey, drawn *render.Drawn, opt render.Options) tea.Cmd {
	return func() tea.Msg {
		var err error
		if drawn == nil {
			drawn, err = render.Draw(g, opt)
		}
		if err != nil {
			return renderedMsg{key: k, err: err}
		}
		return renderedMsg{key: k, drawn: drawn, doc: drawn.Layout(k.width)}
	}
}

// setDoc shows a layout of the guide; a new width keeps the reader at the
// heading it was under.
func (r *readerModel) setDoc(doc *render.Document) {
	if !r.jump.set && r.doc != nil {
		r.jump = jump{heading: r.headingAt(r.topLine()), line: 0, set: true}
	}
	r.doc = doc
	r.blanks = placeholders(doc)
	r.link = noLink
	r.find.Recompute(doc)
	r.layout()
	r.paint()
	if r.jump.set {
		line := r.jump.line
		if h := r.jump.heading; h >= 0 && h < len(doc.Headings) && doc.Headings[h] >= 0 {
			line = doc.Headings[h]
		}
		r.scrollTo(line)
		r.jump = jump{}
	}
}

// Open shows a guide; fresh starts a new reading history.
func (r readerModel) Open(msg openMsg) (readerModel, tea.Cmd) {
	id, anchor, _ := strings.Cut(msg.ref.target, "#")
	lang := msg.ref.lang
	if lang == "" {
		lang = r.sh.cat.Lang()
	}
	g, fellBack, err := r.sh.lib.Lookup(id, lang)
	if err != nil {
		r.status = note{text: r.sh.cat.T("tui.reader.no_guide", id), problem: true}
		return r, nil
	}
	if msg.fresh {
		r.hist.Reset()
	} else if r.guide != nil {
		r.hist.Push(r.here())
	}
	return r.show(g, fellBack, jump{heading: r.sh.lib.FindHeading(g, anchor), set: true})
}

// show displays g and goes to j once it is laid out.
func (r readerModel) show(g *library.Guide, fellBack bool, j jump) (readerModel, tea.Cmd) {
	r.guide, r.fellBack, r.doc, r.blanks = g, fellBack, nil, nil
	r.link, r.status, r.jump = noLink, note{}, j
	r.find.Clear()
	r.toc.Close()
	r.vp.SetContentLines(nil)
	r.vp.SetYOffset(0)
	r.painted, r.rows, r.rowsFor = painted{}, rowMap{}, rowsKey{}
	if fellBack {
		r.status = note{text: r.sh.cat.T("tui.reader.fallback", r.sh.cat.LangName(g.Lang))}
	}
	r.layout()
	return r, r.ensureRendered()
}

func (r readerModel) here() place {
	return place{id: r.guide.ID, lang: r.guide.Lang, line: r.topLine()}
}

// headingAt returns the heading doc line falls under, -1 above the first.
func (r readerModel) headingAt(line int) int {
	best := -1
	if r.doc == nil {
		return best
	}
	for i, l := range r.doc.Headings {
		if l >= 0 && l <= line {
			best = i
		}
	}
	return best
}

// SwitchLang opens the open guide's translation at the same heading.
func (r readerModel) SwitchLang(lang i18n.Lang) (readerModel, tea.Cmd) {
	r.SetLang()
	if r.guide == nil {
		return r, nil
	}
	g, fellBack, err := r.sh.lib.Lookup(r.guide.ID, lang)
	if err != nil || g == r.guide {
		r.status = note{text: r.sh.cat.T("tui.reader.no_translation", r.sh.cat.LangName(lang))}
		r.layout()
		return r, r.ensureRendered()
	}
	j := jump{heading: -1, set: true}
	if h := r.headingAt(r.topLine()); h >= 0 {
		j.heading = g.HeadingByStructuralIndex(r.guide.StructuralIndex(h))
	}
	r.hist.SetLang(lang)
	return r.show(g, fellBack, j)
}

// KeyMap returns the keys live now.
func (r *readerModel) KeyMap() help.KeyMap {
	switch {
	case r.toc.IsOpen():
		return r.toc.keys
	case r.find.Typing():
		return r.find.keys
	}
	k := &r.keys
	hasLinks := r.guide != nil && len(r.guide.Links) > 0
	k.Contents.SetEnabled(r.guide != nil && len(r.guide.Headings) > 1)
	k.NextMatch.SetEnabled(r.find.Active())
	k.PrevMatch.SetEnabled(r.find.Active())
	k.ClearFind.SetEnabled(r.find.Active())
	k.NextLink.SetEnabled(hasLinks)
	k.PrevLink.SetEnabled(hasLinks)
	k.Follow.SetEnabled(r.link != noLink)
	k.Forward.SetEnabled(r.hist.CanForward())
	k.Copy.SetEnabled(r.guide != nil)
	if r.guide != nil {
		other := r.guide.Lang.Other()
		k.GuideLang.SetHelp(k.GuideLang.Help().Key, r.sh.cat.T("tui.key.guide_lang", r.sh.cat.LangName(other)))
	}
	return *k
}

// Update handles the reader's messages.
func (r readerModel) Update(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		if r.guide == nil || msg.key != r.key() {
			return r, nil
		}
		if msg.err != nil {
			r.setDoc(render.Fallback(r.guide, r.textWidth()))
			r.status = note{text: r.sh.cat.T("tui.reader.render_failed"), problem: true}
			r.layout()
			return r, nil
		}
		r.setDoc(msg.doc)
		return r, nil
	case tea.MouseWheelMsg:
		r.vp, _ = r.vp.Update(msg)
		r.dropHiddenLink()
		r.layout()
		r.paint()
		return r, nil
	case tea.PasteMsg:
		if r.find.Typing() {
			return r.updateFind(msg)
		}
	case tea.KeyPressMsg:
		if r.doc == nil {
			return r, nil
		}
		r.status = note{}
		var cmd tea.Cmd
		switch {
		case r.toc.IsOpen():
			r, cmd = r.updateContents(msg)
		case r.find.Typing():
			r, cmd = r.updateFind(msg)
		default:
			r, cmd = r.handleKey(msg)
		}
		r.dropHiddenLink()
		r.layout()
		r.paint()
		return r, cmd
	}
	return r, nil
}

func (r readerModel) updateContents(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	var h int
	r.toc, h, _ = r.toc.Update(msg)
	if h >= 0 && r.doc.Headings[h] >= 0 {
		r.hist.Push(r.here())
		r.scrollTo(r.doc.Headings[h])
	}
	return r, nil
}

func (r readerModel) updateFind(msg tea.Msg) (readerModel, tea.Cmd) {
	var changed bool
	var cmd tea.Cmd
	r.find, changed, cmd = r.find.Update(msg, r.doc, r.topLine())
	if changed {
		r.showMatch()
	}
	return r, cmd
}

// handleKey runs the reader's own keys.
func (r readerModel) handleKey(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	k := r.keys
	switch {
	case key.Matches(msg, k.Up):
		r.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		r.vp.ScrollDown(1)
	case key.Matches(msg, k.HalfUp):
		r.vp.HalfPageUp()
	case key.Matches(msg, k.HalfDown):
		r.vp.HalfPageDown()
	case key.Matches(msg, k.PageUp):
		r.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		r.vp.PageDown()
	case key.Matches(msg, k.Top):
		r.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		r.vp.GotoBottom()
	case key.Matches(msg, k.Contents):
		r.toc.Open(r.guide, r.sh.cat.T("tui.reader.contents"), r.headingAt(r.topLine()))
	case key.Matches(msg, k.Find):
		return r, r.find.Start(r.width)
	case key.Matches(msg, k.NextMatch):
		r.find.Step(1)
		r.showMatch()
	case key.Matches(msg, k.PrevMatch):
		r.find.Step(-1)
		r.showMatch()
	case key.Matches(msg, k.ClearFind):
		r.find.Clear()
	case key.Matches(msg, k.NextLink), key.Matches(msg, k.PrevLink):
		dir := 1
		if key.Matches(msg, k.PrevLink) {
			dir = -1
		}
		top, end := r.shownLines()
		r.link = r.link.step(r.doc, top, end-top, dir)
		if r.link == noLink {
			r.status = note{text: r.sh.cat.T("tui.reader.no_links")}
		} else {
			from := r.doc.Links[r.link].Text.From
			r.reveal(r.rows.cell(from.Line, from.Col))
		}
	case key.Matches(msg, k.Follow):
		return r.follow()
	case key.Matches(msg, k.Close):
		return r, func() tea.Msg { return closeReaderMsg{} }
	case key.Matches(msg, k.Back):
		return r.back()
	case key.Matches(msg, k.Forward):
		if p, ok := r.hist.Forward(r.here()); ok {
			return r.goTo(p)
		}
	case key.Matches(msg, k.Home), key.Matches(msg, k.SearchAll):
		return r, func() tea.Msg { return homeMsg{} }
	case key.Matches(msg, k.GuideLang):
		return r.SwitchLang(r.guide.Lang.Other())
	case key.Matches(msg, k.Copy):
		return r.copyText()
	}
	return r, nil
}

// follow opens the focused link: another guide at its heading, a heading
// of this one, or, for an address nothing here can open, shows it whole.
func (r readerModel) follow() (readerModel, tea.Cmd) {
	l := r.guide.Links[r.link]
	if l.Kind != library.LinkGuide {
		r.status = r.linkNote()
		return r, nil
	}
	if l.ID == r.guide.ID {
		if i := r.sh.lib.FindHeading(r.guide, l.Anchor); i >= 0 && r.doc.Headings[i] >= 0 {
			r.hist.Push(r.here())
			r.scrollTo(r.doc.Headings[i])
			r.link = noLink
		}
		return r, nil
	}
	target := l.ID
	if l.Anchor != "" {
		target += "#" + l.Anchor
	}
	return r.Open(openMsg{ref: guideRef{target: target, lang: r.guide.Lang}})
}

// back returns to the previous place, or closes the guide when there is
// none.
func (r readerModel) back() (readerModel, tea.Cmd) {
	p, ok := r.hist.Back(r.here())
	if !ok {
		return r, func() tea.Msg { return closeReaderMsg{} }
	}
	return r.goTo(p)
}

func (r readerModel) goTo(p place) (readerModel, tea.Cmd) {
	if p.id == r.guide.ID && p.lang == r.guide.Lang {
		r.scrollTo(p.line)
		r.link = noLink
		return r, nil
	}
	g, fellBack, err := r.sh.lib.Lookup(p.id, p.lang)
	if err != nil {
		return r, nil
	}
	return r.show(g, fellBack, jump{heading: -1, line: p.line, set: true})
}
