package tui

import (
	"log"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/search"
)

// The smallest window the interface draws in; below it, it says so.
const (
	minWidth  = 40
	minHeight = 10
)

// resizeSettle is how long the window must stay one size before guides are
// rendered again, so dragging a window edge renders once, not fifty times.
const resizeSettle = 80 * time.Millisecond

type screen int

const (
	screenHome screen = iota
	screenReader
	screenSearch
)

// shared is what every screen reads: the library, the language, keys and
// styles. Only the root Model changes it.
type shared struct {
	lib    *library.Library
	cat    i18n.Catalog
	keys   KeyMap
	styles Styles
	index  *search.Index // nil until built in the background
	cache  map[renderKey]*render.Document
}

type renderKey struct {
	id    string
	lang  i18n.Lang
	width int
	theme render.Theme
}

// Model is the root of the interface. It handles what concerns the whole
// program (size, colours, language, quitting) and routes the rest to the
// screen in front.
type Model struct {
	sh        *shared
	opts      Options
	width     int
	height    int
	screen    screen
	prev      screen // where search returns to
	showHelp  bool
	home      homeModel
	reader    readerModel
	search    searchModel
	resizeSeq int
	quickExit bool
}

// New builds the interface over lib. With a nil lib, opts.Load must be set:
// the interface then starts at once and shows the library when it is read.
func New(lib *library.Library, opts Options) Model {
	if !opts.Lang.Valid() {
		opts.Lang = i18n.English
	}
	cat := i18n.For(opts.Lang)
	sh := &shared{
		lib:    lib,
		cat:    cat,
		keys:   newKeyMap(cat),
		styles: newStyles(opts.Theme, opts.ASCII),
		cache:  map[renderKey]*render.Document{},
	}
	m := Model{sh: sh, opts: opts, width: 80, height: 24}
	m.home = newHome(sh, 0)
	m.reader = newReader(sh)
	m.search = newSearch(sh)
	return m
}

// indexBuiltMsg carries the search index built in the background.
type indexBuiltMsg struct{ index *search.Index }

// resizeSettledMsg fires resizeSettle after a size change.
type resizeSettledMsg struct{ seq int }

func buildIndex(lib *library.Library) tea.Cmd {
	return func() tea.Msg { return indexBuiltMsg{search.Build(lib)} }
}

// libraryMsg carries the library read off the main loop.
type libraryMsg struct {
	lib      *library.Library
	problems int
}

// Init implements tea.Model: ask the terminal for its background (the
// answer may never come), read the library if it is not there yet, and
// build the search index, all off the main loop.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if !m.opts.FixedTheme {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.sh.lib == nil {
		load := m.opts.Load
		cmds = append(cmds, func() tea.Msg {
			lib, err := load()
			return libraryMsg{lib: lib, problems: len(library.Problems(err))}
		})
	} else {
		cmds = append(cmds, buildIndex(m.sh.lib))
	}
	return tea.Batch(cmds...)
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resizeSeq++
		m.setSize()
		seq := m.resizeSeq
		return m, tea.Tick(resizeSettle, func(time.Time) tea.Msg { return resizeSettledMsg{seq} })
	case resizeSettledMsg:
		if msg.seq != m.resizeSeq || m.screen != screenReader {
			return m, nil
		}
		return m, m.reader.ensureRendered()
	case tea.BackgroundColorMsg:
		if m.opts.FixedTheme {
			return m, nil
		}
		theme := render.Dark
		if !msg.IsDark() {
			theme = render.Light
		}
		return m.setTheme(theme)
	case libraryMsg:
		m.debugf("library: %d guides, %d problems", msg.lib.Len(), msg.problems)
		m.sh.lib = msg.lib
		m.home.problems = msg.problems
		m.home.refresh()
		return m, buildIndex(m.sh.lib)
	case indexBuiltMsg:
		m.debugf("search index: %d sections", msg.index.Len())
		m.sh.index = msg.index
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return m, cmd
	case renderedMsg:
		m.debugf("rendered %s (%s) at %d columns, theme %s, err %v", msg.key.id, msg.key.lang, msg.key.width, msg.key.theme, msg.err)
		if msg.doc != nil {
			m.sh.cache[msg.key] = msg.doc
		}
		var cmd tea.Cmd
		m.reader, cmd = m.reader.Update(msg)
		return m, cmd
	case openMsg:
		return m.open(msg)
	case goHomeMsg:
		m.screen = screenHome
		return m, nil
	case closeSearchMsg:
		m.screen = m.prev
		return m, nil
	case quitMsg:
		m.quickExit = msg.quick
		return m, tea.Quit
	case tea.KeyPressMsg:
		if m.sh.lib == nil && !key.Matches(msg, m.sh.keys.Quit, m.sh.keys.QuickExit, m.sh.keys.Interrupt) {
			return m, nil // nothing to act on for the few milliseconds of loading
		}
		return m.handleKey(msg)
	}
	return m.route(msg)
}

// debugf writes to the debug log, which exists only with --debug FILE.
func (m Model) debugf(format string, args ...any) {
	if m.opts.Debug {
		log.Printf(format, args...)
	}
}

// handleKey deals with the keys that mean the same everywhere, then hands
// the key to the screen in front.
func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.sh.keys
	typing := m.typing()
	switch {
	case key.Matches(msg, k.QuickExitTyping), !typing && key.Matches(msg, k.QuickExit):
		m.quickExit = true
		return m, tea.Quit
	case key.Matches(msg, k.Interrupt):
		return m, tea.Interrupt
	case m.showHelp:
		if key.Matches(msg, k.Help, k.Cancel, k.Back, k.Quit) {
			m.showHelp = false
		}
		return m, nil
	case typing:
		return m.route(msg)
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Language):
		return m.setLang(m.sh.cat.Lang().Other())
	case key.Matches(msg, k.Search) && m.screen == screenHome,
		key.Matches(msg, k.SearchAll) && m.screen == screenReader:
		return m.openSearch()
	}
	return m.route(msg)
}

// typing reports whether a text field has the keyboard, so letters are
// text and not commands.
func (m Model) typing() bool {
	return (m.screen == screenSearch) || (m.screen == screenReader && m.reader.find.typing)
}

func (m Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenHome:
		m.home, cmd = m.home.Update(msg)
	case screenReader:
		m.reader, cmd = m.reader.Update(msg)
	case screenSearch:
		m.search, cmd = m.search.Update(msg)
	}
	return m, cmd
}

func (m Model) openSearch() (tea.Model, tea.Cmd) {
	if m.screen != screenSearch {
		m.prev = m.screen
	}
	m.screen = screenSearch
	return m, m.search.focus()
}

// open shows a guide in the reader; fresh starts a new reading history.
func (m Model) open(msg openMsg) (tea.Model, tea.Cmd) {
	if msg.search {
		return m.openSearch()
	}
	m.screen = screenReader
	var cmd tea.Cmd
	m.reader, cmd = m.reader.open(msg)
	return m, cmd
}

func (m Model) setTheme(theme render.Theme) (tea.Model, tea.Cmd) {
	if theme == m.sh.styles.Theme {
		return m, nil
	}
	m.sh.styles = newStyles(theme, m.opts.ASCII)
	return m, m.reader.ensureRendered()
}

// setLang switches the language of the interface and of the open guide.
func (m Model) setLang(lang i18n.Lang) (tea.Model, tea.Cmd) {
	m.sh.cat = i18n.For(lang)
	m.sh.keys = newKeyMap(m.sh.cat)
	m.home.refresh()
	var cmd tea.Cmd
	if m.screen == screenReader {
		m.reader, cmd = m.reader.switchLang(lang)
	}
	return m, tea.Batch(cmd, m.search.rerun())
}

// setSize hands each screen its area.
func (m *Model) setSize() {
	m.home.SetSize(m.width, m.height)
	m.reader.SetSize(m.width, m.height)
	m.search.SetSize(m.width, m.height)
}

// View implements tea.Model.
func (m Model) View() tea.View {
	var content string
	switch {
	case m.width < minWidth || m.height < minHeight:
		content = m.tooSmall()
	case m.showHelp:
		content = m.helpView()
	case m.screen == screenReader:
		content = m.reader.View()
	case m.screen == screenSearch:
		content = m.search.View()
	default:
		content = m.home.View()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

func (m Model) tooSmall() string {
	msg := m.sh.cat.T("ui.too_small", minWidth, minHeight, m.width, m.height)
	return lipgloss.NewStyle().Width(m.width).MaxHeight(m.height).Render(msg)
}

// keysNow lists the bindings of the screen in front, for help.
func (m Model) keysNow() [][]key.Binding {
	switch m.screen {
	case screenReader:
		return m.reader.bindings()
	case screenSearch:
		return m.search.bindings()
	}
	return m.home.bindings()
}

// Messages screens send to the root.
type (
	// openMsg asks to show a guide; target is "id" or "id#anchor".
	openMsg struct {
		target string
		lang   i18n.Lang // "" for the interface language
		fresh  bool      // start a new reading history
		search bool      // open the search screen instead
	}
	goHomeMsg      struct{}
	closeSearchMsg struct{}
	quitMsg        struct{ quick bool }
)
