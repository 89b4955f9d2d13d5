package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
)

// readerModel shows one guide: a header naming the guide and the heading
// the reader is in, the rendered text, and a footer. Contents, find in
// page, links and history live here too (reader_nav.go).
type readerModel struct {
	sh       *shared
	guide    *library.Guide
	fellBack bool // the guide is not in the interface language
	doc      *render.Document
	offset   int
	width    int
	height   int
	// jump is where to go once the guide is rendered: a heading index, a
	// line, or nothing.
	jump    jumpTarget
	status  string
	find    findState
	toc     tocState
	link    int // focused link (index into guide.Links), -1 for none
	back    []place
	forward []place
}

type jumpTarget struct {
	heading int // index into guide.Headings, -1 for none
	line    int // doc line, used when heading is -1
	set     bool
}

// place is a point in the reading history.
type place struct {
	id     string
	lang   i18n.Lang
	offset int
}

// renderedMsg carries a guide rendered off the main loop.
type renderedMsg struct {
	key renderKey
	doc *render.Document
	err error
}

func newReader(sh *shared) readerModel {
	return readerModel{sh: sh, width: 80, height: 24, link: -1}
}

// SetSize sets the screen size. The text is re-wrapped once the size
// settles (see Model.Update).
func (r *readerModel) SetSize(w, h int) {
	r.width, r.height = w, h
	r.find.input.SetWidth(max(w-20, 10))
	r.clampOffset()
}

// textWidth is the width guides are wrapped at: the window less a margin,
// never wider than a comfortable reading width.
func (r readerModel) textWidth() int {
	return min(max(r.width-4, 20), render.MaxWidth)
}

// footerHeight is the footer's height: always one line, which footerView
// keeps by truncating.
const footerHeight = 1

// bodyHeight is the number of text lines on screen: the window less the
// header and the footer.
func (r readerModel) bodyHeight() int {
	return max(r.height-lipgloss.Height(r.headerView())-footerHeight, 1)
}

func (r readerModel) key() renderKey {
	return renderKey{id: r.guide.ID, lang: r.guide.Lang, width: r.textWidth(), theme: r.sh.styles.Theme}
}

// ensureRendered returns a command that renders the guide at the current
// width and theme, unless that rendering is cached (then it is used now).
func (r *readerModel) ensureRendered() tea.Cmd {
	if r.guide == nil {
		return nil
	}
	k := r.key()
	if doc, ok := r.sh.cache[k]; ok {
		r.setDoc(doc)
		return nil
	}
	g, ascii := r.guide, r.sh.styles.ASCII
	return func() tea.Msg {
		doc, err := render.Render(g, render.Options{Width: k.width, Theme: k.theme, ASCII: ascii})
		return renderedMsg{key: k, doc: doc, err: err}
	}
}

// setDoc shows a new rendering, keeping the reader at the same heading
// when the text was re-wrapped.
func (r *readerModel) setDoc(doc *render.Document) {
	if r.doc == doc {
		return
	}
	if !r.jump.set && r.doc != nil {
		if h := r.headingIndexAt(r.offset); h >= 0 {
			r.jump = jumpTarget{heading: h, set: true}
		}
	}
	r.doc = doc
	if r.jump.set {
		r.offset = r.jump.line
		if r.jump.heading >= 0 && r.jump.heading < len(doc.Headings) && doc.Headings[r.jump.heading] >= 0 {
			r.offset = doc.Headings[r.jump.heading]
		}
		r.jump = jumpTarget{}
	}
	r.link = -1
	r.find.recompute(doc)
	r.clampOffset()
}

// open shows a guide, pushing where the reader was onto the history.
func (r readerModel) open(msg openMsg) (readerModel, tea.Cmd) {
	id, anchor, _ := strings.Cut(msg.target, "#")
	lang := msg.lang
	if lang == "" {
		lang = r.sh.cat.Lang()
	}
	g, fellBack, err := r.sh.lib.Lookup(id, lang)
	if err != nil {
		r.status = r.sh.cat.T("reader.no_guide", id)
		return r, nil
	}
	if msg.fresh {
		r.back, r.forward = nil, nil
	} else if r.guide != nil {
		r.back = append(r.back, r.here())
		r.forward = nil
	}
	return r.show(g, fellBack, jumpToAnchor(g, anchor))
}

func jumpToAnchor(g *library.Guide, anchor string) jumpTarget {
	if anchor == "" {
		return jumpTarget{heading: -1, set: true}
	}
	return jumpTarget{heading: g.Anchor(anchor), set: true}
}

// show displays g and goes to j once it is rendered.
func (r readerModel) show(g *library.Guide, fellBack bool, j jumpTarget) (readerModel, tea.Cmd) {
	r.guide, r.fellBack, r.doc = g, fellBack, nil
	r.offset, r.link, r.status = 0, -1, ""
	r.find = findState{input: r.find.input}
	r.find.reset()
	r.toc = tocState{}
	r.jump = j
	if fellBack {
		r.status = r.sh.cat.T("reader.fallback", r.sh.cat.LangName(g.Lang))
	}
	return r, r.ensureRendered()
}

func (r readerModel) here() place {
	return place{id: r.guide.ID, lang: r.guide.Lang, offset: r.offset}
}

// switchLang opens the open guide's translation at the same heading.
func (r readerModel) switchLang(lang i18n.Lang) (readerModel, tea.Cmd) {
	if r.guide == nil {
		return r, nil
	}
	g, fellBack, err := r.sh.lib.Lookup(r.guide.ID, lang)
	if err != nil {
		return r, nil
	}
	j := jumpTarget{heading: -1, line: 0, set: true}
	if h := r.headingIndexAt(r.offset); h >= 0 {
		j.heading = g.HeadingByStructuralIndex(r.guide.StructuralIndex(h))
	}
	if g == r.guide {
		r.fellBack = fellBack
		r.status = ""
		if fellBack {
			r.status = r.sh.cat.T("reader.no_translation", r.sh.cat.LangName(lang))
		}
		return r, nil
	}
	r.back, r.forward = rewriteLang(r.back, lang), rewriteLang(r.forward, lang)
	return r.show(g, fellBack, j)
}

func rewriteLang(ps []place, lang i18n.Lang) []place {
	out := make([]place, len(ps))
	for i, p := range ps {
		p.lang = lang
		out[i] = p
	}
	return out
}

// headingIndexAt returns the guide heading the given doc line falls under.
func (r readerModel) headingIndexAt(line int) int {
	if r.doc == nil {
		return -1
	}
	best := -1
	for i, l := range r.doc.Headings {
		if l >= 0 && l <= line {
			best = i
		}
	}
	return best
}

func (r *readerModel) clampOffset() {
	if r.doc == nil {
		r.offset = max(r.offset, 0)
		return
	}
	r.offset = max(0, min(r.offset, len(r.doc.Lines)-r.bodyHeight()))
}

func (r readerModel) bindings() [][]key.Binding {
	k := r.sh.keys
	if r.toc.open {
		return [][]key.Binding{{k.Up, k.Down, k.Open, k.Cancel}, {k.Help, k.Interrupt, k.QuickExit}}
	}
	if r.find.typing {
		return [][]key.Binding{{k.Open, k.Cancel, k.Interrupt, k.QuickExitTyping}}
	}
	nav := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
	var moves []key.Binding
	if len(r.guide.Headings) > 1 {
		moves = append(moves, k.Contents)
	}
	moves = append(moves, k.Find)
	if r.find.query != "" {
		moves = append(moves, k.NextMatch, k.PrevMatch)
	}
	if len(r.guide.Links) > 0 {
		moves = append(moves, k.NextLink, k.PrevLink)
		if r.link >= 0 {
			moves = append(moves, k.Open)
		}
	}
	moves = append(moves, k.Back)
	if len(r.forward) > 0 {
		moves = append(moves, k.Forward)
	}
	moves = append(moves, k.Home)
	return [][]key.Binding{nav, moves, {k.SearchAll, k.Copy, k.Language, k.Help, k.Quit, k.Interrupt, k.QuickExit}}
}

// Update handles the reader's messages.
func (r readerModel) Update(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		if r.guide == nil || msg.key != r.key() {
			return r, nil // a stale rendering: other guide, width or theme
		}
		if msg.err != nil {
			r.status = r.sh.cat.T("reader.render_failed")
			r.setDoc(rawDocument(r.guide, r.textWidth()))
			return r, nil
		}
		r.setDoc(msg.doc)
		return r, nil
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			r.scroll(-3)
		} else if msg.Button == tea.MouseWheelDown {
			r.scroll(3)
		}
		return r, nil
	case tea.KeyPressMsg:
		if r.doc == nil {
			return r, nil // nothing to act on until the text is there
		}
		switch {
		case r.toc.open:
			return r.updateContents(msg)
		case r.find.typing:
			return r.updateFind(msg)
		}
		return r.handleKey(msg)
	}
	return r, nil
}

// handleKey runs the reader's own keys.
func (r readerModel) handleKey(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	k := r.sh.keys
	r.status = ""
	switch {
	case key.Matches(msg, k.Up):
		r.scroll(-1)
	case key.Matches(msg, k.Down):
		r.scroll(1)
	case key.Matches(msg, k.PageUp):
		r.scroll(-r.bodyHeight())
	case key.Matches(msg, k.PageDown):
		r.scroll(r.bodyHeight())
	case key.Matches(msg, k.Top):
		r.offset = 0
	case key.Matches(msg, k.Bottom):
		r.offset = len(r.doc.Lines)
	case key.Matches(msg, k.Contents) && len(r.guide.Headings) > 1:
		r.openContents()
	case key.Matches(msg, k.Find):
		return r, r.startFind()
	case key.Matches(msg, k.NextMatch) && r.find.query != "":
		r.stepMatch(1)
	case key.Matches(msg, k.PrevMatch) && r.find.query != "":
		r.stepMatch(-1)
	case key.Matches(msg, k.NextLink):
		r.stepLink(1)
	case key.Matches(msg, k.PrevLink):
		r.stepLink(-1)
	case key.Matches(msg, k.Open) && r.link >= 0:
		return r.followLink()
	case key.Matches(msg, k.Cancel) && r.find.query != "":
		r.find.reset()
	case key.Matches(msg, k.Back):
		return r.goBack()
	case key.Matches(msg, k.Forward):
		return r.goForward()
	case key.Matches(msg, k.Home):
		return r, func() tea.Msg { return goHomeMsg{} }
	case key.Matches(msg, k.Copy):
		return r.copyText()
	}
	r.clampOffset()
	return r, nil
}

func (r *readerModel) scroll(n int) {
	r.offset += n
	r.clampOffset()
}

// rawDocument shows a guide's Markdown as it is, when rendering failed.
func rawDocument(g *library.Guide, width int) *render.Document {
	return render.Fallback(g, width)
}

// View draws the reader.
func (r readerModel) View() string {
	if r.toc.open {
		return r.headerView() + "\n" + r.contentsView() + "\n" + r.footerView()
	}
	return r.headerView() + "\n" + r.bodyView() + "\n" + r.footerView()
}

func (r readerModel) headerView() string {
	st := r.sh.styles
	if r.guide == nil {
		return st.Header.Width(r.width).Render("")
	}
	left := " " + r.sh.cat.Section(r.guide.Section) + st.Sep + r.guide.Title
	tag := " " + strings.ToUpper(string(r.guide.Lang)) + " "
	line1 := ansi.Truncate(left, r.width-lipgloss.Width(tag), "…")
	pad := max(r.width-lipgloss.Width(line1)-lipgloss.Width(tag), 0)
	head := st.Header.Render(line1 + strings.Repeat(" ", pad) + tag)
	current := ""
	if h := r.headingIndexAt(r.offset); h >= 0 && r.guide.Headings[h].Level > 1 {
		current = r.guide.Headings[h].Text
	}
	sub := ansi.Truncate("   "+current, r.width, "…")
	return head + "\n" + st.HeaderDim.Width(r.width).Render(sub)
}

func (r readerModel) bodyView() string {
	h := r.bodyHeight()
	if r.doc == nil {
		return fitHeight("\n  "+r.sh.cat.T("reader.loading"), h)
	}
	margin := strings.Repeat(" ", max((r.width-r.doc.Width)/2, 0))
	lines := make([]string, 0, h)
	end := min(len(r.doc.Lines), r.offset+h)
	for i := r.offset; i < end; i++ {
		lines = append(lines, margin+r.decorate(i))
	}
	return fitHeight(strings.Join(lines, "\n"), h)
}

// decorate highlights find matches and the focused link on doc line i.
func (r readerModel) decorate(i int) string {
	st := r.sh.styles
	line := r.doc.Lines[i]
	var ranges []lipgloss.Range
	for j, m := range r.find.matches {
		if m.line != i {
			continue
		}
		style := st.Match
		if j == r.find.current {
			style = st.CurrentMatch
		}
		ranges = append(ranges, lipgloss.NewRange(m.start, m.end, style))
	}
	if r.link >= 0 {
		if s := r.doc.Links[r.link].Text; s.From.Line <= i && i <= s.To.Line && len(ranges) == 0 {
			from, to := 0, lipgloss.Width(r.doc.Plain[i])
			if i == s.From.Line {
				from = s.From.Col
			}
			if i == s.To.Line {
				to = s.To.Col
			}
			ranges = append(ranges, lipgloss.NewRange(from, to, st.LinkFocus))
		}
	}
	if len(ranges) == 0 {
		return line
	}
	return lipgloss.StyleRanges(line, ranges...)
}

func (r readerModel) footerView() string {
	st := r.sh.styles
	c := r.sh.cat
	if r.find.typing {
		return st.Footer.Width(r.width).Render(r.find.input.View())
	}
	pct := 100
	if r.doc != nil && len(r.doc.Lines) > r.bodyHeight() {
		pct = r.offset * 100 / (len(r.doc.Lines) - r.bodyHeight())
	}
	left := ""
	switch {
	case r.status != "":
		left = r.status
	case r.find.query != "":
		left = r.find.summary(c)
	case r.link >= 0:
		left = r.linkSummary()
	default:
		reviewed := ""
		if r.guide != nil && !r.guide.Reviewed.IsZero() {
			reviewed = " · " + c.T("reader.reviewed", r.guide.Reviewed.Format("2006-01-02"))
		}
		left = c.T("reader.disclaimer") + reviewed
	}
	right := " " + c.T("reader.percent", pct) + " · ? " + c.T("key.help") + " "
	left = ansi.Truncate(" "+left, max(r.width-lipgloss.Width(right), 0), "…")
	pad := max(r.width-lipgloss.Width(left)-lipgloss.Width(right), 0)
	return st.Footer.Render(left + strings.Repeat(" ", pad) + right)
}
