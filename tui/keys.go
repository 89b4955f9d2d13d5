package tui

import (
	"charm.land/bubbles/v2/key"

	"defensa/internal/i18n"
)

// KeyMap declares every key once. Help is built from it, and bindings that
// do nothing in the current state are disabled, so help never lists a dead
// key.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Back, Forward, Home               key.Binding
	Search, Find, NextMatch, PrevMatch      key.Binding
	Contents, NextLink, PrevLink            key.Binding
	Copy, Language, Help, Quit, QuickExit   key.Binding
	// Interrupt (ctrl+c) quits like q, from anywhere, with the exit
	// status of an interrupt.
	Interrupt key.Binding
	// SearchAll opens search from the reader, where / finds in the page.
	SearchAll key.Binding
	Cancel    key.Binding
	// ResultUp and ResultDown move through search results: arrows only,
	// since j and k are letters of the query.
	ResultUp, ResultDown key.Binding
	// QuickExitTyping is the part of QuickExit that works while typing in
	// a field, where a plain "x" is text.
	QuickExitTyping key.Binding
}

// newKeyMap builds the bindings with help text in the catalog's language.
func newKeyMap(c i18n.Catalog) KeyMap {
	b := func(help string, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, c.T(desc)))
	}
	return KeyMap{
		Up:        b("↑/k", "key.up", "up", "k"),
		Down:      b("↓/j", "key.down", "down", "j"),
		PageUp:    b("pgup/b", "key.pageup", "pgup", "b"),
		PageDown:  b("pgdn/space", "key.pagedown", "pgdown", "space", " ", "f"),
		Top:       b("g/home", "key.top", "g", "home"),
		Bottom:    b("G/end", "key.bottom", "G", "end"),
		Open:      b("enter", "key.open", "enter"),
		Back:      b("esc/⌫", "key.back", "esc", "backspace"),
		Forward:   b("]", "key.forward", "]", "alt+right"),
		Home:      b("H", "key.home", "H"),
		Search:    b("/", "key.search", "/"),
		Find:      b("/", "key.find", "/"),
		NextMatch: b("n", "key.next_match", "n"),
		PrevMatch: b("N", "key.prev_match", "N"),
		Contents:  b("t", "key.contents", "t"),
		NextLink:  b("tab", "key.next_link", "tab"),
		PrevLink:  b("shift+tab", "key.prev_link", "shift+tab"),
		Copy:      b("c", "key.copy", "c"),
		Language:  b("L", "key.language", "L"),
		Help:      b("?", "key.help", "?"),
		Quit:      b("q", "key.quit", "q"),
		Interrupt: b("ctrl+c", "key.quit", "ctrl+c"),
		SearchAll: b("s", "key.search", "s"),
		QuickExit: b("x/ctrl+x", "key.quick_exit", "x", "ctrl+x"),
		Cancel:    b("esc", "key.cancel", "esc"),

		QuickExitTyping: b("ctrl+x", "key.quick_exit", "ctrl+x"),
		ResultUp:        b("↑", "key.up", "up"),
		ResultDown:      b("↓", "key.down", "down"),
	}
}
