package tui

import (
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/i18n"
	"defensa/internal/render"
	"defensa/internal/search"
)

// findState is find in page: what was typed, and where it matches.
type findState struct {
	typing  bool
	input   textinput.Model
	query   string
	matches []match
	current int
}

type match struct{ line, start, end int } // columns of a plain line

func (f *findState) reset() {
	f.typing, f.query, f.matches, f.current = false, "", nil, 0
}

// recompute finds every match of the query in doc, ignoring case and
// accents: folding keeps one rune per rune, so positions carry over.
func (f *findState) recompute(doc *render.Document) {
	f.matches = nil
	needle := []rune(search.Fold(f.query))
	if len(needle) == 0 || doc == nil {
		return
	}
	for i, line := range doc.Plain {
		hay := []rune(search.Fold(line))
		for j := 0; j+len(needle) <= len(hay); j++ {
			if string(hay[j:j+len(needle)]) == string(needle) {
				start := ansi.StringWidth(string([]rune(line)[:j]))
				end := start + ansi.StringWidth(string([]rune(line)[j:j+len(needle)]))
				f.matches = append(f.matches, match{i, start, end})
				j += len(needle) - 1
			}
		}
	}
	f.current = min(f.current, max(len(f.matches)-1, 0))
}

func (f findState) summary(c i18n.Catalog) string {
	if len(f.matches) == 0 {
		return c.T("find.none", f.query)
	}
	return c.T("find.count", f.current+1, len(f.matches), f.query)
}

func (r *readerModel) startFind() tea.Cmd {
	if r.find.input.Prompt == "" || r.find.input.Width() == 0 {
		ti := newInput()
		ti.CharLimit = 100
		r.find.input = ti
	}
	r.find.input.Prompt = " " + r.sh.cat.T("find.prompt") + " "
	r.find.input.SetWidth(max(r.width-20, 10))
	r.find.input.SetValue(r.find.query)
	r.find.input.CursorEnd()
	r.find.typing = true
	return r.find.input.Focus()
}

// updateFind takes keys while the find field is open: matches update as
// the person types; Enter keeps them, Esc clears them.
func (r readerModel) updateFind(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	k := r.sh.keys
	switch {
	case key.Matches(msg, k.Cancel):
		r.find.input.Blur()
		r.find.reset()
		return r, nil
	case key.Matches(msg, k.Open):
		r.find.input.Blur()
		r.find.typing = false
		if r.find.query == "" {
			r.find.reset()
		}
		return r, nil
	}
	var cmd tea.Cmd
	r.find.input, cmd = r.find.input.Update(msg)
	if q := r.find.input.Value(); q != r.find.query {
		r.find.query = q
		r.find.current = 0
		r.find.recompute(r.doc)
		// Go to the first match at or below the reading position.
		for i, m := range r.find.matches {
			if m.line >= r.offset {
				r.find.current = i
				break
			}
		}
		r.showMatch()
	}
	return r, cmd
}

func (r *readerModel) stepMatch(dir int) {
	n := len(r.find.matches)
	if n == 0 {
		return
	}
	r.find.current = (r.find.current + dir + n) % n
	r.showMatch()
}

// showMatch scrolls so the current match is on screen, a few lines down.
func (r *readerModel) showMatch() {
	if len(r.find.matches) == 0 {
		return
	}
	r.reveal(r.find.matches[r.find.current].line)
}

// reveal scrolls the least needed to show doc line l, with context.
func (r *readerModel) reveal(l int) {
	h := r.bodyHeight()
	if l < r.offset || l >= r.offset+h {
		r.offset = l - min(3, h/3)
	}
	r.clampOffset()
}

// stepLink focuses the next (or previous) link, starting on screen.
func (r *readerModel) stepLink(dir int) {
	var spots []int
	for i, s := range r.doc.Links {
		if s.Text.Shown() {
			spots = append(spots, i)
		}
	}
	if len(spots) == 0 {
		r.status = r.sh.cat.T("reader.no_links")
		return
	}
	h := r.bodyHeight()
	onScreen := func(i int) bool {
		l := r.doc.Links[i].Text.From.Line
		return l >= r.offset && l < r.offset+h
	}
	pos := -1
	for j, i := range spots {
		if i == r.link {
			pos = j
		}
	}
	next := -1
	switch {
	case pos >= 0:
		next = spots[(pos+dir+len(spots))%len(spots)]
	case dir > 0:
		next = spots[0]
		for _, i := range spots {
			if r.doc.Links[i].Text.From.Line >= r.offset {
				next = i
				break
			}
		}
	default:
		next = spots[len(spots)-1]
		for j := len(spots) - 1; j >= 0; j-- {
			if r.doc.Links[spots[j]].Text.From.Line < r.offset+h {
				next = spots[j]
				break
			}
		}
	}
	r.link = next
	if !onScreen(next) {
		r.reveal(r.doc.Links[next].Text.From.Line)
	}
}

func (r readerModel) linkSummary() string {
	l := r.guide.Links[r.link]
	c := r.sh.cat
	if l.External() {
		return c.T("reader.web_link", l.Target)
	}
	if l.ID == r.guide.ID {
		return c.T("reader.link_here", l.Text)
	}
	title := l.ID
	if g, _, err := r.sh.lib.Lookup(l.ID, r.guide.Lang); err == nil {
		title = g.Title
	}
	return c.T("reader.link_to", title)
}

// followLink opens the focused link: another guide (at its anchor), a place
// in this guide, or, for a web address, shows it in full since nothing can
// open it offline.
func (r readerModel) followLink() (readerModel, tea.Cmd) {
	l := r.guide.Links[r.link]
	if l.External() {
		r.status = r.sh.cat.T("reader.web_link", l.Target)
		return r, nil
	}
	if l.ID == r.guide.ID {
		r.back = append(r.back, r.here())
		r.forward = nil
		if i := r.guide.Anchor(l.Anchor); i >= 0 && r.doc.Headings[i] >= 0 {
			r.offset = r.doc.Headings[i]
			r.link = -1
			r.clampOffset()
		}
		return r, nil
	}
	target := l.ID
	if l.Anchor != "" {
		target += "#" + l.Anchor
	}
	return r.open(openMsg{target: target, lang: r.guide.Lang})
}

// goBack returns to the previous place, or home when there is none.
func (r readerModel) goBack() (readerModel, tea.Cmd) {
	if len(r.back) == 0 {
		return r, func() tea.Msg { return goHomeMsg{} }
	}
	p := r.back[len(r.back)-1]
	r.back = r.back[:len(r.back)-1]
	r.forward = append(r.forward, r.here())
	return r.goTo(p)
}

func (r readerModel) goForward() (readerModel, tea.Cmd) {
	if len(r.forward) == 0 {
		return r, nil
	}
	p := r.forward[len(r.forward)-1]
	r.forward = r.forward[:len(r.forward)-1]
	r.back = append(r.back, r.here())
	return r.goTo(p)
}

func (r readerModel) goTo(p place) (readerModel, tea.Cmd) {
	if p.id == r.guide.ID && p.lang == r.guide.Lang {
		r.offset, r.link = p.offset, -1
		r.clampOffset()
		return r, nil
	}
	g, fellBack, err := r.sh.lib.Lookup(p.id, p.lang)
	if err != nil {
		return r, nil
	}
	return r.show(g, fellBack, jumpTarget{heading: -1, line: p.offset, set: true})
}

// tocState is the contents list.
type tocState struct {
	open   bool
	cursor int   // index into items
	items  []int // indexes of guide headings listed (level 2 and 3)
}

func (r *readerModel) openContents() {
	r.toc = tocState{open: true}
	current := r.headingIndexAt(r.offset)
	for i, h := range r.guide.Headings {
		if h.Level >= 2 && h.Level <= 3 {
			if i <= current {
				r.toc.cursor = len(r.toc.items)
			}
			r.toc.items = append(r.toc.items, i)
		}
	}
}

func (r readerModel) updateContents(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	k := r.sh.keys
	n := len(r.toc.items)
	switch {
	case key.Matches(msg, k.Up):
		r.toc.cursor = max(r.toc.cursor-1, 0)
	case key.Matches(msg, k.Down):
		r.toc.cursor = min(r.toc.cursor+1, n-1)
	case key.Matches(msg, k.Top):
		r.toc.cursor = 0
	case key.Matches(msg, k.Bottom):
		r.toc.cursor = n - 1
	case key.Matches(msg, k.Open):
		if n > 0 {
			h := r.toc.items[r.toc.cursor]
			if line := r.doc.Headings[h]; line >= 0 {
				r.back = append(r.back, r.here())
				r.forward = nil
				r.offset = line
				r.clampOffset()
			}
		}
		r.toc.open = false
	case key.Matches(msg, k.Cancel, k.Back, k.Contents):
		r.toc.open = false
	}
	return r, nil
}

func (r readerModel) contentsView() string {
	st := r.sh.styles
	h := r.bodyHeight()
	lines := []string{"", " " + st.Section.Render(r.sh.cat.T("reader.contents"))}
	room := h - len(lines)
	first := max(0, min(r.toc.cursor-room/2, len(r.toc.items)-room))
	for j := first; j < len(r.toc.items) && len(lines) < h; j++ {
		hd := r.guide.Headings[r.toc.items[j]]
		indent := "   "
		if hd.Level == 3 {
			indent = "     "
		}
		text := ansi.Truncate(hd.Text, r.width-len(indent)-3, "…")
		if j == r.toc.cursor {
			lines = append(lines, indent[:len(indent)-2]+st.Selected.Render(st.Pointer+" "+text+" "))
		} else {
			lines = append(lines, indent+text)
		}
	}
	return fitHeight(strings.Join(lines, "\n"), h)
}

var fence = regexp.MustCompile("(?s)```[a-z]*\\n(.*?)\\n```")

// copyText puts the template block nearest the reading position (or, with
// none, the whole guide's Markdown) on the clipboard through OSC 52.
func (r readerModel) copyText() (readerModel, tea.Cmd) {
	blocks := fence.FindAllStringSubmatch(r.guide.Body, -1)
	text, what := r.guide.Body, r.sh.cat.T("copy.guide")
	if len(blocks) > 0 {
		text, what = blocks[r.blockNear(blocks)][1], r.sh.cat.T("copy.template")
	}
	r.status = r.sh.cat.T("copy.done", what, r.guide.ID)
	return r, tea.SetClipboard(text)
}

// blockNear picks which of the fenced blocks the reader is looking at:
// the last one that starts above the bottom of the screen.
func (r readerModel) blockNear(blocks [][]string) int {
	bottom := r.offset + r.bodyHeight()
	best, from := 0, 0
	for b, block := range blocks {
		first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(block[1]), "\n", 2)[0])
		if first == "" {
			continue
		}
		first = ansi.Truncate(first, 20, "")
		for l := from; l < len(r.doc.Plain); l++ {
			if strings.Contains(r.doc.Plain[l], first) {
				from = l + 1
				if l < bottom {
					best = b
				}
				break
			}
		}
	}
	return best
}
