package tui

import (
	"syscall"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/search"
	"defensa/internal/textsafe"
)

// The smallest window the interface draws in; below it, it says so (and
// the quit and quick-exit keys still work).
const (
	minWidth  = 40
	minHeight = 10
)

type screen int

const (
	screenHome screen = iota
	screenReader
)

type exitKind int

const (
	exitNone exitKind = iota
	exitQuit
	exitQuick
)

// Layouts kept for resizes and going back; past this many, they are
// dropped and made again when needed.
const maxLayouts = 64

// drawKey names a guide drawn in a theme; layoutKey, that drawing laid
// out at a width.
type (
	drawKey struct {
		id    string
		lang  i18n.Lang
		theme render.Theme
	}
	layoutKey struct {
		drawKey
		width int
	}
)

// shared is what every screen reads: the library, the language, the
// styles and the renderings made so far. Only the root Model changes it.
type shared struct {
	opts  Options
	lib   *library.Library // nil until loaded
	index *search.Index    // nil until built or loaded
	cat   i18n.Catalog
	names keyNamer
	st    *Styles
	drawn map[drawKey]*render.Drawn
	docs  map[layoutKey]*render.Document
}

// renderOptions are the options guides are drawn with.
func (s *shared) renderOptions(g *library.Guide) render.Options {
	return render.Options{Theme: s.st.Theme, ASCII: s.st.ASCII, Sources: i18n.For(g.Lang).T("tui.sources")}
}

// readCommand is the command that prints what copy would have copied: a
// template (of the section at anchor), or the guide's text as shown,
// straight to the terminal where it can be selected.
func (s *shared) readCommand(g *library.Guide, anchor string, template bool) string {
	cmd := "defensa read " + g.ID
	if anchor != "" {
		cmd += "#" + anchor
	}
	if template {
		cmd += " --template"
	} else {
		cmd += " --no-pager"
	}
	cmd += " --lang " + string(g.Lang)
	if g.Local && s.opts.Guides != "" {
		cmd += " --guides " + shellQuote(textsafe.Line(s.opts.Guides))
	}
	return cmd
}

// Model is the root of the interface. It handles what concerns the whole
// program (size, colours, language, start-up, quitting) and routes the
// rest to the screen in front.
type Model struct {
	sh        *shared
	keys      globalKeys
	width     int
	height    int
	screen    screen
	home      homeModel
	reader    readerModel
	help      helpModel
	footer    help.Model
	pending   []tea.KeyPressMsg // keys typed before what they act on was ready
	resizeSeq int
	exit      exitKind
	signal    syscall.Signal
	copied    bool // defensa wrote the clipboard: the quick exit empties it
}

// New builds the interface. Nothing is loaded yet: Init starts that.
func New(opts Options) Model {
	if !opts.Lang.Valid() {
		opts.Lang = i18n.English
	}
	st := newStyles(opts.Theme, opts.ASCII)
	sh := &shared{opts: opts, cat: i18n.For(opts.Lang), st: &st,
		drawn: map[drawKey]*render.Drawn{}, docs: map[layoutKey]*render.Document{}}
	sh.names = keyNamer{c: sh.cat, g: st.G}
	m := Model{sh: sh, width: 80, height: 24}
	m.keys = newGlobalKeys(sh.names)
	m.home = newHome(sh)
	m.reader = newReader(sh)
	m.help = newHelp(sh)
	m.footer = newFooter(&st)
	m.setSize()
	return m
}

func newFooter(st *Styles) help.Model {
	f := help.New()
	f.Styles = st.Help
	f.ShortSeparator = st.G.Dot
	f.Ellipsis = st.G.Ellipsis
	return f
}

// Messages that reach the root.
type (
	libraryMsg struct {
		lib      *library.Library
		problems int
	}
	indexMsg         struct{ index *search.Index }
	resizeSettledMsg struct{ seq int }
	signalMsg        struct{ sig syscall.Signal }
	// openMsg asks to show a guide; fresh starts a new reading history.
	openMsg struct {
		ref   guideRef
		fresh bool
	}
	closeReaderMsg struct{}
	// homeMsg goes to the home screen for a new search, the guide kept
	// open behind it; resumeReaderMsg goes back to that guide.
	homeMsg         struct{}
	resumeReaderMsg struct{}
	// suspendMsg asks to stop the program, as Ctrl+Z does in a shell.
	suspendMsg struct{}
)

// Init implements tea.Model: the first frame is drawn at once, while the
// library loads and the terminal is asked for its background colour (the
// answer may never come).
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.load()}
	if !m.sh.opts.FixedTheme {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

func (m Model) load() tea.Cmd {
	load := m.sh.opts.Load
	return func() tea.Msg {
		lib, err := load()
		n := 0
		for _, p := range library.Problems(err) {
			if !p.Warning {
				n++ // warnings are for defensa check; these guides did not load
			}
		}
		return libraryMsg{lib: lib, problems: n}
	}
}

func (m Model) buildIndex() tea.Cmd {
	index, lib := m.sh.opts.Index, m.sh.lib
	if index == nil {
		index = search.Build
	}
	return func() tea.Msg { return indexMsg{index(lib)} }
}

// Update implements tea.Model: what concerns the whole program first
// (size, colours, keys), then what the screens asked for or were sent.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg)
	case resizeSettledMsg:
		var cmd tea.Cmd
		if msg.seq == m.resizeSeq {
			cmd = m.reader.Relayout()
		}
		return m, cmd
	case tea.BackgroundColorMsg:
		return m.setBackground(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.QuickExit, m.keys.Quit, m.keys.Suspend) {
			return m.handleKey(msg)
		}
		if len(m.pending) > 0 || m.holds(msg) {
			m.pending = append(m.pending, msg)
			return m, nil
		}
		return m.handleKey(msg)
	case signalMsg:
		m.debugf("signal %v", msg.sig)
		if msg.sig == syscall.SIGINT {
			return m, tea.Interrupt
		}
		m.signal = msg.sig
		return m, tea.Quit
	}
	if next, cmd, ok := m.loaded(msg); ok {
		return next, cmd
	}
	return m.navigate(msg)
}

// loaded takes what start-up and the screens' commands produced: the
// library, the index, results, layouts. Keys that waited for them go on.
func (m Model) loaded(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case libraryMsg:
		if msg.lib == nil {
			m.debugf("library: none")
			m.pending = nil // nothing to act on; quit and quick exit still work
			m.home.LoadFailed()
			return m, nil, true
		}
		m.debugf("library ready: %d guides, %d problems", msg.lib.Len(), msg.problems)
		m.sh.lib = msg.lib
		m.home.LibraryReady(msg.problems)
		cmd = m.buildIndex()
	case indexMsg:
		m.debugf("search index ready")
		m.sh.index = msg.index
		cmd = m.home.Search()
	case searchDoneMsg:
		m.home, cmd = m.home.Update(msg)
	case renderedMsg:
		m.debugf("guide laid out at %d columns, theme %s, failed %v", msg.key.width, msg.key.theme, msg.err != nil)
		m.store(msg)
		m.reader, cmd = m.reader.Update(msg)
	default:
		return m, nil, false
	}
	next, cmd := m.drain(cmd)
	return next, cmd, true
}

// navigate goes where the screens ask, and routes the rest to the screen
// in front.
func (m Model) navigate(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case openMsg:
		m.screen = screenReader
		m.reader, cmd = m.reader.Open(msg)
		return m, cmd
	case closeReaderMsg:
		m.screen = screenHome
		m.home.ForgetGuide()
		return m, nil
	case homeMsg:
		m.screen = screenHome
		m.home.Reset()
		return m, nil
	case resumeReaderMsg:
		m.screen = screenReader
		return m, nil
	case copiedMsg:
		m.copied = true
		return m, nil
	case suspendMsg:
		return m, suspend
	}
	return m.route(msg)
}

// store keeps a rendering for later: a resize back, or going back.
func (m Model) store(msg renderedMsg) {
	if msg.err != nil {
		return
	}
	if len(m.sh.docs) >= maxLayouts {
		clear(m.sh.docs)
	}
	m.sh.drawn[msg.key.drawKey] = msg.drawn
	m.sh.docs[msg.key] = msg.doc
}

// holds reports whether a key must wait for what it acts on.
func (m Model) holds(msg tea.KeyPressMsg) bool {
	switch {
	case m.sh.lib == nil:
		return true
	case m.help.IsOpen():
		return false
	case m.screen == screenReader:
		return m.reader.Holds()
	}
	return m.home.Holds(msg)
}

// drain applies the keys that were waiting, in order, as far as they can
// go now.
func (m Model) drain(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	cmds := []tea.Cmd{cmd}
	for len(m.pending) > 0 && !m.holds(m.pending[0]) {
		k := m.pending[0]
		m.pending = m.pending[1:]
		next, c := m.handleKey(k)
		m = next.(Model)
		cmds = append(cmds, c)
	}
	return m, tea.Batch(cmds...)
}

// debugf writes to the debug log, which exists only with --debug FILE.
func (m Model) debugf(format string, args ...any) {
	if m.sh.opts.Debugf != nil {
		m.sh.opts.Debugf(format, args...)
	}
}

// handleKey deals with the keys that mean the same everywhere, then hands
// the key to the screen in front.
func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.QuickExit):
		m.exit = exitQuick
		if m.copied {
			return m, tea.Sequence(tea.SetClipboard(""), tea.Quit)
		}
		return m, tea.Quit
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Interrupt
	case key.Matches(msg, m.keys.Suspend):
		if canSuspend {
			return m, func() tea.Msg { return suspendMsg{} }
		}
		return m, nil
	case m.help.IsOpen():
		var cmd tea.Cmd
		m.help, cmd = m.help.Update(msg)
		return m, cmd
	case m.width < minWidth || m.height < minHeight:
		return m, nil
	}
	km := m.keyMap()
	switch k := km.(type) {
	case homeKeys:
		if key.Matches(msg, k.Help) {
			return m.openHelp(km)
		}
		if key.Matches(msg, k.Lang) {
			return m.setLang(m.sh.cat.Lang().Other())
		}
	case readerKeys:
		if key.Matches(msg, k.Help) {
			return m.openHelp(km)
		}
		if key.Matches(msg, k.Lang) {
			return m.setLang(m.sh.cat.Lang().Other())
		}
		// L (the guide's language) is the reader's own.
	default:
		if key.Matches(msg, m.keys.Help) {
			return m.openHelp(km)
		}
	}
	return m.route(msg)
}

func (m Model) openHelp(km help.KeyMap) (tea.Model, tea.Cmd) {
	m.help.Open(km, m.width, m.height)
	return m, nil
}

// keyMap returns the keys of what is in front.
func (m *Model) keyMap() help.KeyMap {
	switch {
	case m.help.IsOpen():
		return m.help.KeyMap()
	case m.screen == screenReader:
		return m.reader.KeyMap()
	}
	return m.home.KeyMap()
}

func (m Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenHome:
		m.home, cmd = m.home.Update(msg)
	case screenReader:
		m.reader, cmd = m.reader.Update(msg)
	}
	return m, cmd
}

// resize takes a new window size. The screens take it at once; a guide
// is laid out again once the size settles.
func (m Model) resize(msg tea.WindowSizeMsg) (tea.Model, tea.Cmd) {
	m.width, m.height = msg.Width, msg.Height
	m.resizeSeq++
	cmd := m.setSize()
	if settle := m.sh.opts.Settle; settle > 0 {
		seq := m.resizeSeq
		return m, tea.Tick(settle, func(time.Time) tea.Msg { return resizeSettledMsg{seq} })
	}
	return m, cmd
}

// setSize hands each screen its area: the window less the footer. It
// returns the command that lays the open guide out at the new width.
func (m *Model) setSize() tea.Cmd {
	h := m.height - lipgloss.Height(m.footerView())
	m.home.SetSize(m.width, h)
	m.help.SetSize(m.width, m.height)
	m.reader.SetSize(m.width, h)
	if m.sh.opts.Settle > 0 {
		return nil // once the size settles
	}
	return m.reader.Relayout()
}

// setBackground picks the dark or light theme from the terminal's answer.
func (m Model) setBackground(msg tea.BackgroundColorMsg) (tea.Model, tea.Cmd) {
	theme := render.Dark
	if !msg.IsDark() {
		theme = render.Light
	}
	if m.sh.opts.FixedTheme || theme == m.sh.st.Theme {
		return m, nil
	}
	*m.sh.st = newStyles(theme, m.sh.opts.ASCII)
	m.footer = newFooter(m.sh.st)
	m.home.SetStyles()
	m.reader.SetLang()
	return m, m.reader.Relayout()
}

// setLang switches the language of the interface (Ctrl+T); the open
// guide stays as it is: L switches the guide alone.
func (m Model) setLang(lang i18n.Lang) (tea.Model, tea.Cmd) {
	m.sh.cat = i18n.For(lang)
	m.sh.names = keyNamer{c: m.sh.cat, g: m.sh.st.G}
	m.keys = newGlobalKeys(m.sh.names)
	m.help = newHelp(m.sh)
	m.home.SetLang()
	m.reader.SetLang()
	cmd := m.setSize()
	return m, tea.Batch(cmd, m.home.Search())
}
