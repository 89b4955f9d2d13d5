package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"defensa/internal/i18n"
)

// keyNamer spells keys the way the person's keyboard and language do:
// "Mayús+Tab", "espacio", "RePág"; arrows as arrows, or as words on a
// console that cannot draw them.
type keyNamer struct {
	c i18n.Catalog
	g Glyphs
}

func (n keyNamer) name(k string) string {
	if mod, rest, ok := strings.Cut(k, "+"); ok && rest != "" {
		if len(rest) == 1 {
			rest = strings.ToUpper(rest) // Ctrl+X, as keyboards print it
		}
		return n.name(mod) + "+" + n.name(rest)
	}
	arrows := map[string]string{"up": n.g.Up, "down": n.g.Down, "left": n.g.Left, "right": n.g.Right}
	if a := arrows[k]; a != "" {
		return a
	}
	switch k {
	case "ctrl", "shift", "alt", "space", "enter", "esc", "tab", "backspace", "pgup", "pgdown", "home", "end",
		"up", "down", "left", "right":
		return n.c.T("tui.kn." + k)
	}
	if len(k) >= 2 && k[0] == 'f' && k[1] >= '0' && k[1] <= '9' {
		return strings.ToUpper(k) // F1
	}
	return k
}

// Enter typed before the terminal is in raw mode arrives as a line feed
// (ctrl+j): every Enter binding takes both.

// binding declares a key: the keys it answers to, the ones its help shows
// (the first few), and what it does, from the catalog.
func (n keyNamer) binding(desc string, shown int, keys ...string) key.Binding {
	names := make([]string, 0, shown)
	for _, k := range keys[:min(shown, len(keys))] {
		names = append(names, n.name(k))
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(names, "/"), n.c.T(desc)))
}

// globalKeys work on every screen, even while typing: none of them is a
// character anyone types in a sentence.
type globalKeys struct {
	QuickExit, Quit, Help, Suspend key.Binding
}

func newGlobalKeys(n keyNamer) globalKeys {
	return globalKeys{
		QuickExit: n.binding("tui.key.quick_exit", 1, "ctrl+x"),
		Quit:      n.binding("tui.key.quit", 1, "ctrl+c"),
		Help:      n.binding("tui.key.help", 2, "f1", "ctrl+g"),
		Suspend:   n.binding("tui.key.suspend", 1, "ctrl+z"),
	}
}

// pinned are the keys the footer and help always show, whatever the size.
func (g globalKeys) pinned() []key.Binding { return []key.Binding{g.QuickExit, g.Quit, g.Help} }

// homeKeys are the keys of the home screen, where the search field always
// has the keyboard: every printable character is text.
type homeKeys struct {
	globalKeys
	Up, Down, PageUp, PageDown, Open       key.Binding
	Clear, CloseSection, BackToGuide, Lang key.Binding
	// Esc is what Esc does when nothing else is live: say how to close
	// defensa. It is never listed.
	Esc key.Binding
}

func newHomeKeys(n keyNamer) homeKeys {
	return homeKeys{
		globalKeys:   newGlobalKeys(n),
		Up:           n.binding("tui.key.up", 1, "up", "ctrl+p", "shift+tab"),
		Down:         n.binding("tui.key.down", 1, "down", "ctrl+n", "tab"),
		PageUp:       n.binding("tui.key.pageup", 1, "pgup"),
		PageDown:     n.binding("tui.key.pagedown", 1, "pgdown"),
		Open:         n.binding("tui.key.open", 1, "enter", "ctrl+j"),
		Clear:        n.binding("tui.key.clear", 1, "esc"),
		CloseSection: n.binding("tui.key.back", 1, "esc"),
		BackToGuide:  n.binding("tui.key.back_to_guide", 1, "esc"),
		Lang:         n.binding("tui.key.language", 1, "ctrl+t"),
		Esc:          n.binding("tui.key.back", 1, "esc"),
	}
}

// ShortHelp implements help.KeyMap.
func (k homeKeys) ShortHelp() []key.Binding {
	return append(k.pinned(), k.Clear, k.CloseSection, k.BackToGuide, k.Lang, k.Open)
}

// FullHelp implements help.KeyMap.
func (k homeKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Open},
		{k.Clear, k.CloseSection, k.BackToGuide, k.Lang, k.Suspend},
	}
}

// readerKeys are the keys of the reader: those of less, man and glow.
type readerKeys struct {
	globalKeys
	Up, Down, HalfUp, HalfDown, PageUp, PageDown, Top, Bottom key.Binding
	Close, Back, Forward, Home, SearchAll                     key.Binding
	Contents, Find, NextMatch, PrevMatch, ClearFind           key.Binding
	NextLink, PrevLink, Follow, Copy, GuideLang, Lang         key.Binding
}

func newReaderKeys(n keyNamer) readerKeys {
	k := readerKeys{
		globalKeys: newGlobalKeys(n),
		Up:         n.binding("tui.key.up", 2, "up", "k"),
		Down:       n.binding("tui.key.down", 2, "down", "j"),
		HalfUp:     n.binding("tui.key.halfup", 2, "u", "ctrl+u"),
		HalfDown:   n.binding("tui.key.halfdown", 2, "d", "ctrl+d"),
		PageUp:     n.binding("tui.key.pageup", 2, "b", "pgup", "ctrl+b"),
		PageDown:   n.binding("tui.key.pagedown", 2, "space", "pgdown", "f", "ctrl+f"),
		Top:        n.binding("tui.key.top", 2, "g", "home"),
		Bottom:     n.binding("tui.key.bottom", 2, "G", "end"),
		Close:      n.binding("tui.key.close", 2, "q", "esc"),
		Back:       n.binding("tui.key.back", 3, "h", "left", "backspace", "["),
		Forward:    n.binding("tui.key.forward", 1, "]", "alt+right"),
		Home:       n.binding("tui.key.home", 1, "H"),
		SearchAll:  n.binding("tui.key.search_all", 1, "s"),
		Contents:   n.binding("tui.key.contents", 1, "t"),
		Find:       n.binding("tui.key.find", 1, "/"),
		NextMatch:  n.binding("tui.key.next_match", 1, "n"),
		PrevMatch:  n.binding("tui.key.prev_match", 1, "N"),
		ClearFind:  n.binding("tui.key.clear_find", 1, "esc"),
		NextLink:   n.binding("tui.key.next_link", 1, "tab"),
		PrevLink:   n.binding("tui.key.prev_link", 1, "shift+tab"),
		Follow:     n.binding("tui.key.follow", 1, "enter", "ctrl+j"),
		Copy:       n.binding("tui.key.copy", 1, "c"),
		GuideLang:  n.binding("tui.key.guide_lang", 1, "L"),
		Lang:       n.binding("tui.key.language", 1, "ctrl+t"),
	}
	k.Help = n.binding("tui.key.help", 2, "?", "f1", "ctrl+g")
	return k
}

// ShortHelp implements help.KeyMap.
func (k readerKeys) ShortHelp() []key.Binding {
	return append(k.pinned(), k.Close, k.Contents, k.Find, k.NextLink, k.Copy, k.GuideLang, k.Lang)
}

// FullHelp implements help.KeyMap.
func (k readerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.Close, k.Back, k.Forward, k.Home, k.SearchAll},
		{k.Contents, k.Find, k.NextMatch, k.PrevMatch, k.ClearFind},
		{k.NextLink, k.PrevLink, k.Follow, k.Copy, k.GuideLang, k.Lang, k.Suspend},
	}
}

// findKeys are live while the find field has the keyboard.
type findKeys struct {
	globalKeys
	Done, Cancel key.Binding
}

func newFindKeys(n keyNamer) findKeys {
	return findKeys{
		globalKeys: newGlobalKeys(n),
		Done:       n.binding("tui.key.find_done", 1, "enter", "ctrl+j"),
		Cancel:     n.binding("tui.key.find_cancel", 1, "esc"),
	}
}

// ShortHelp implements help.KeyMap.
func (k findKeys) ShortHelp() []key.Binding { return append(k.pinned(), k.Done, k.Cancel) }

// FullHelp implements help.KeyMap.
func (k findKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Done, k.Cancel}} }

// listKeys move through a list that is not fed by typing: the contents of
// a guide and the help screen.
type listKeys struct {
	globalKeys
	Up, Down, PageUp, PageDown, Top, Bottom, Open, Close key.Binding
}

func newListKeys(n keyNamer, closeKeys ...string) listKeys {
	k := listKeys{
		globalKeys: newGlobalKeys(n),
		Up:         n.binding("tui.key.up", 2, "up", "k"),
		Down:       n.binding("tui.key.down", 2, "down", "j"),
		PageUp:     n.binding("tui.key.pageup", 2, "pgup", "b"),
		PageDown:   n.binding("tui.key.pagedown", 2, "pgdown", "space"),
		Top:        n.binding("tui.key.top", 2, "g", "home"),
		Bottom:     n.binding("tui.key.bottom", 2, "G", "end"),
		Open:       n.binding("tui.key.go", 1, "enter", "ctrl+j"),
		Close:      n.binding("tui.key.close", 2, closeKeys...),
	}
	k.Help.SetEnabled(false) // help about the list is the list itself
	return k
}

// ShortHelp implements help.KeyMap.
func (k listKeys) ShortHelp() []key.Binding { return append(k.pinned(), k.Open, k.Close) }

// FullHelp implements help.KeyMap.
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open, k.Close}}
}

// declared reports whether msg is one of the bindings' keys, live or not:
// a key that must wait is one that will be live once the wait is over.
func declared(msg tea.KeyPressMsg, bindings ...key.Binding) bool {
	for _, b := range bindings {
		if slices.Contains(b.Keys(), msg.String()) {
			return true
		}
	}
	return false
}
