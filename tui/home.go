package tui

import (
	"cmp"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"defensa/internal/library"
	"defensa/internal/search"
)

// homeOrder is the order of the built-in sections on the home screen:
// rights first, for the person in a hurry. An organization's own
// sections come before all of them.
var homeOrder = []string{"rights", "campaign", "templates", "discretion", "detainers", "officials", "reference"}

// homeModel is the first screen: a search field that takes every
// printable key, and under it the "Right now" block and the sections; or,
// once something is typed, the results.
type homeModel struct {
	sh       *shared
	keys     homeKeys
	input    textinput.Model
	list     listModel
	section  string // the open section, "" for the top
	topAt    int    // the cursor on the top list, kept while a section is open
	found    searchDoneMsg
	width    int
	height   int
	problems int       // local guides that could not be read
	guide    bool      // a guide is open behind: Esc on the empty home goes back to it
	behind   homeState // the home as it was when that guide was opened
	hint     bool      // Esc had nothing to do: say how to close defensa
}

// homeState is what the home showed: the query, its results and where the
// cursor was.
type homeState struct {
	query         string
	found         searchDoneMsg
	section       string
	cursor, topAt int
}

// searchDoneMsg carries the results for a query; a late answer to an
// older query is dropped.
type searchDoneMsg struct {
	query   string
	results []search.Result
	suggest []string
}

func newHome(sh *shared) homeModel {
	h := homeModel{sh: sh, list: newList(sh.st), width: 80, height: 24}
	h.input = newInput(*sh.st, search.MaxQueryLen)
	h.SetLang()
	h.input.Focus()
	return h
}

// SetLang sets the texts and keys in the interface language.
func (h *homeModel) SetLang() {
	h.keys = newHomeKeys(h.sh.names)
	h.input.Prompt = h.sh.cat.T("tui.search.prompt") + " "
	h.SetSize(h.width, h.height)
	h.refresh()
}

// SetStyles redraws with the theme's styles.
func (h *homeModel) SetStyles() {
	v := h.input.Value()
	h.input = newInput(*h.sh.st, search.MaxQueryLen)
	h.input.SetValue(v)
	h.input.Focus()
	h.SetLang()
	h.list.SetStyles(h.sh.st)
}

// LoadFailed says the guides could not be read at all.
func (h *homeModel) LoadFailed() {
	h.list.SetItems([]listItem{titleItem{text: h.sh.cat.T("tui.home.load_failed"), style: errorStyle, wrap: true}}, 0)
}

func errorStyle(st *Styles) lipgloss.Style { return st.Error }

// LibraryReady shows the library, now loaded, and how many problems its
// local guides had.
func (h *homeModel) LibraryReady(problems int) {
	h.problems = problems
	h.SetSize(h.width, h.height)
	h.refresh()
}

// SetSize sets the area of the home screen, footer excluded.
func (h *homeModel) SetSize(w, hgt int) {
	h.width, h.height = w, hgt
	h.input.SetWidth(max(w-3-lipgloss.Width(h.input.Prompt), 1))
	// The field cuts its placeholder at its width, mid-word: give it one
	// that fits, cut between words.
	h.input.Placeholder = fitWords(h.sh.cat.T("tui.search.placeholder"), h.input.Width(), h.sh.st.G.Ellipsis)
	lw, _ := panes(w)
	h.list.SetSize(lw, hgt-lipgloss.Height(h.top())-1)
}

// Query returns what is typed.
func (h homeModel) Query() string { return strings.TrimSpace(h.input.Value()) }

// current reports whether the results shown are those of the query.
func (h homeModel) current() bool { return h.found.query == h.Query() }

// Holds reports whether a key must wait: moving through or opening
// results that are not there yet would act on the wrong list.
func (h homeModel) Holds(msg tea.KeyPressMsg) bool {
	k := h.keys
	if h.sh.lib == nil {
		return true
	}
	return h.Query() != "" && !h.current() && declared(msg, k.Up, k.Down, k.PageUp, k.PageDown, k.Open)
}

// KeyMap returns the live keys.
func (h *homeModel) KeyMap() help.KeyMap {
	k := &h.keys
	typed := h.Query() != ""
	k.Clear.SetEnabled(h.input.Value() != "")
	k.CloseSection.SetEnabled(!typed && h.section != "")
	k.BackToGuide.SetEnabled(h.input.Value() == "" && h.section == "" && h.guide)
	k.Open.SetEnabled(h.list.Selected() != nil)
	return *k
}

// search runs the query off the main loop.
func (h homeModel) search() tea.Cmd {
	ix, q, prefer := h.sh.index, h.Query(), h.sh.cat.Lang()
	if ix == nil || q == "" {
		return nil
	}
	return func() tea.Msg {
		rs := ix.Search(q, search.Options{Prefer: prefer, Limit: 30})
		// Results in the person's language first; the others after.
		slices.SortStableFunc(rs, func(a, b search.Result) int {
			return cmp.Compare(boolInt(a.Lang != prefer), boolInt(b.Lang != prefer))
		})
		var sug []string
		if len(rs) == 0 {
			sug = ix.Suggest(q, 5)
		}
		return searchDoneMsg{query: q, results: rs, suggest: sug}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Search runs the query again: the index arrived, or the language changed.
func (h *homeModel) Search() tea.Cmd {
	h.found = searchDoneMsg{}
	h.refresh()
	return h.search()
}

// Update handles typing, moving and opening.
func (h homeModel) Update(msg tea.Msg) (homeModel, tea.Cmd) {
	k := h.keys
	switch msg := msg.(type) {
	case searchDoneMsg:
		if msg.query == h.Query() {
			h.found = msg
			h.refresh()
		}
		return h, nil
	case tea.KeyPressMsg:
		if h.hint {
			h.hint = false
			h.SetSize(h.width, h.height) // the hint's lines go
		}
		switch {
		case key.Matches(msg, k.Up):
			h.list.Move(-1)
		case key.Matches(msg, k.Down):
			h.list.Move(1)
		case key.Matches(msg, k.PageUp):
			h.list.Page(-1)
		case key.Matches(msg, k.PageDown):
			h.list.Page(1)
		case key.Matches(msg, k.Open):
			return h.open()
		case key.Matches(msg, k.Clear):
			h.clear()
		case key.Matches(msg, k.CloseSection):
			h.section = ""
			h.refresh()
			h.list.Select(h.topAt)
		case key.Matches(msg, k.BackToGuide):
			// The home as it was, so closing the guide again finds the
			// results it was opened from.
			b := h.behind
			h.input.SetValue(b.query)
			h.input.CursorEnd()
			h.found, h.section, h.topAt = b.found, b.section, b.topAt
			h.refresh()
			h.list.Select(b.cursor)
			return h, func() tea.Msg { return resumeReaderMsg{} }
		case key.Matches(msg, k.Esc):
			// Nothing to clear, close or go back to. Esc does not quit: a
			// person pressing it again to go back would lose the program.
			h.hint = true
			h.SetSize(h.width, h.height) // the list makes room for the hint
		default:
			return h.typed(msg)
		}
		return h, nil
	case tea.PasteMsg:
		return h.typed(msg)
	}
	return h, nil
}

// typed hands a key to the field; a change of text searches again.
func (h homeModel) typed(msg tea.Msg) (homeModel, tea.Cmd) {
	before := h.Query()
	var cmd tea.Cmd
	h.input, cmd = h.input.Update(cleanInput(msg))
	if h.Query() == before {
		return h, cmd
	}
	if h.Query() == "" {
		h.clear() // deleted, cut or only spaces left: the home as it started
		return h, cmd
	}
	h.refresh()
	return h, tea.Batch(cmd, h.search())
}

// clear empties the field and shows the home as it starts: the top list,
// the cursor on the first "Right now" situation.
func (h *homeModel) clear() {
	h.input.SetValue("")
	h.found = searchDoneMsg{}
	h.section = ""
	h.refresh()
	h.list.Select(0)
}

// open opens what the cursor is on: a section's list, or a guide.
func (h homeModel) open() (homeModel, tea.Cmd) {
	switch it := h.list.Selected().(type) {
	case sectionItem:
		h.topAt = h.list.Index()
		h.section = it.key
		h.list.SetItems(h.sectionItems(it.key), 0)
		return h, nil
	case opener:
		ref := it.ref()
		return h, func() tea.Msg { return openMsg{ref: ref, fresh: true} }
	}
	return h, nil
}

// refresh rebuilds the list for the library, language and query, keeping
// the cursor on the same row where it can.
func (h *homeModel) refresh() {
	at := h.list.Index()
	switch {
	case h.sh.lib == nil:
		h.list.SetItems([]listItem{titleItem{text: h.sh.cat.T("tui.loading"), style: dimStyle}}, 0)
	case h.Query() != "":
		h.list.SetItems(h.resultItems(), 0)
	case h.section != "":
		h.list.SetItems(h.sectionItems(h.section), at)
	default:
		h.list.SetItems(h.topItems(), at)
	}
}

func dimStyle(st *Styles) lipgloss.Style     { return st.Dim }
func sectionStyle(st *Styles) lipgloss.Style { return st.Section }

// topItems are the "Right now" block, then every section.
func (h homeModel) topItems() []listItem {
	c := h.sh.cat
	guides := h.sh.lib.CatalogEntries(c.Lang())
	items := []listItem{titleItem{text: " " + c.T("tui.home.right_now") + " ", style: func(st *Styles) lipgloss.Style { return st.RightNow }}}
	var now []*library.Entry
	for _, g := range guides {
		if g.RightNow != nil {
			now = append(now, g)
		}
	}
	slices.SortStableFunc(now, func(a, b *library.Entry) int { return cmp.Compare(a.RightNow.Order, b.RightNow.Order) })
	column := 0
	for _, g := range now {
		column = max(column, lipgloss.Width(rightNowItem{g: g, local: h.localBadge(g)}.label()))
	}
	for _, g := range now {
		items = append(items, rightNowItem{g: g, local: h.localBadge(g), column: column})
	}
	items = append(items, blank(), titleItem{text: c.T("tui.home.sections"), style: sectionStyle})
	for _, s := range h.sections(guides) {
		items = append(items, s)
	}
	return items
}

func (h homeModel) localBadge(g *library.Entry) string {
	if g.Local {
		return h.sh.cat.T("tui.local")
	}
	return ""
}

// sections groups the guides by section: an organization's own sections
// first, named by their guides' front matter, then the built-in ones.
func (h homeModel) sections(guides []*library.Entry) []sectionItem {
	byKey := map[string]*sectionItem{}
	var keys []string
	for _, g := range guides {
		s, ok := byKey[g.Section]
		if !ok {
			s = &sectionItem{key: g.Section, title: h.sectionTitle(g)}
			if !slices.Contains(library.Sections, g.Section) {
				s.local = h.sh.cat.T("tui.local")
			}
			byKey[g.Section] = s
			keys = append(keys, g.Section)
		}
		if s.local != "" && s.title == g.Section && g.SectionTitle != "" {
			s.title = g.SectionTitle // the first guide that names the section
		}
		s.count++
	}
	rank := func(k string) int {
		if i := slices.Index(homeOrder, k); i >= 0 {
			return i
		}
		return -1
	}
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	out := make([]sectionItem, 0, len(keys))
	for _, k := range keys {
		out = append(out, *byKey[k])
	}
	return out
}

// sectionTitle names a guide's section: a local section by its guides'
// own front matter, a built-in one in the interface language.
func (h homeModel) sectionTitle(g *library.Entry) string {
	if g.SectionTitle != "" && !slices.Contains(library.Sections, g.Section) {
		return g.SectionTitle
	}
	return h.sh.cat.Section(g.Section)
}

// sectionItems lists the guides of one section.
func (h homeModel) sectionItems(section string) []listItem {
	guides := h.sh.lib.CatalogEntries(h.sh.cat.Lang())
	var items []listItem
	for _, s := range h.sections(guides) {
		if s.key == section {
			items = append(items, titleItem{text: s.title, style: sectionStyle})
		}
	}
	for _, g := range guides {
		if g.Section == section {
			items = append(items, guideItem{g: g, tag: h.tags(g)})
		}
	}
	return items
}

// tags are the marks after a title: the guide's language when it is not
// the interface's, and the local badge.
func (h homeModel) tags(g *library.Entry) string {
	var t []string
	if g.Lang != h.sh.cat.Lang() {
		t = append(t, "["+strings.ToUpper(string(g.Lang))+"]")
	}
	if g.Local {
		t = append(t, "["+h.sh.cat.T("tui.local")+"]")
	}
	return strings.Join(t, " ")
}

// resultItems lists the results of the query; with none, what to try.
func (h homeModel) resultItems() []listItem {
	c := h.sh.cat
	q := h.Query()
	switch {
	case h.sh.index == nil:
		return []listItem{titleItem{text: c.T("tui.search.preparing"), style: dimStyle}}
	case !h.current():
		return []listItem{titleItem{text: c.T("tui.search.searching"), style: dimStyle}}
	}
	var items []listItem
	for _, r := range h.found.results {
		tag := ""
		if r.Lang != c.Lang() {
			tag = "[" + strings.ToUpper(string(r.Lang)) + "]"
		}
		items = append(items, resultItem{r: r, tag: tag})
	}
	if len(items) > 0 {
		return items
	}
	items = append(items, titleItem{text: c.T("tui.search.none", q), wrap: true})
	if len(h.found.suggest) > 0 {
		items = append(items, titleItem{text: c.T("tui.search.try", strings.Join(h.found.suggest, ", ")), wrap: true})
	}
	items = append(items, titleItem{text: c.T("tui.search.hint"), style: dimStyle, wrap: true}, blank())
	for _, it := range h.topItems() {
		if _, ok := it.(sectionItem); ok {
			break
		}
		items = append(items, it)
	}
	return items
}

// top is what stands above the list: the title bar, the field, and a
// warning about the local folder when it had problems.
func (h homeModel) top() string {
	st := h.sh.st
	title := " defensa" + st.G.Sep + h.sh.cat.T("tui.home.tagline")
	lines := []string{st.Header.Width(h.width).Render(truncate(st, title, h.width)), " " + h.input.View()}
	if h.problems > 0 {
		// No count: defensa check counts what loading does not check, and
		// two numbers that disagree confuse more than they tell.
		for _, l := range wrapLines(h.sh.cat.T("tui.home.local_problems"), max(h.width-2, 10)) {
			lines = append(lines, " "+st.Error.Render(l))
		}
	}
	if h.hint {
		k := h.keys
		msg := h.sh.cat.T("tui.home.how_to_close", k.Quit.Help().Key, k.QuickExit.Help().Key)
		for _, l := range wrapLines(msg, max(h.width-2, 10)) {
			lines = append(lines, " "+st.Notice.Render(l))
		}
	}
	return strings.Join(lines, "\n")
}

// View draws the field and the list, and in a wide window the preview
// beside it.
func (h homeModel) View() string {
	lw, pw := panes(h.width)
	body := h.list.View()
	if pw > 0 && h.sh.lib != nil {
		lh := h.list.height
		left := lipgloss.NewStyle().Width(lw).Render(body)
		rule := strings.TrimSuffix(strings.Repeat(h.sh.st.Dim.Render(h.sh.st.G.VRule)+"\n", lh), "\n")
		body = lipgloss.JoinHorizontal(lipgloss.Top, left, " ", rule, " ", h.previewView(pw-1, lh))
	}
	return h.top() + "\n\n" + body
}

// Reset goes back to the top of the home screen, as it starts, with the
// open guide behind it: Esc goes back there.
func (h *homeModel) Reset() {
	h.behind = homeState{h.input.Value(), h.found, h.section, h.list.Index(), h.topAt}
	h.clear()
	h.guide, h.hint = true, false
}

// ForgetGuide says no guide is open behind the home any more.
func (h *homeModel) ForgetGuide() { h.guide, h.behind = false, homeState{} }
