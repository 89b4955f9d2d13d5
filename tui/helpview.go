package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// helpModel lists every live key of the screen it was opened from. The
// list scrolls in a small window; the quick-exit and quit lines stay
// under it, whatever the size.
type helpModel struct {
	sh     *shared
	keys   listKeys
	vp     viewport.Model
	of     help.KeyMap // the keys described
	open   bool
	width  int
	height int
}

func newHelp(sh *shared) helpModel {
	h := helpModel{sh: sh, keys: newListKeys(sh.names, "esc", "q", "?", "f1", "ctrl+g")}
	h.vp = viewport.New()
	h.vp.KeyMap = viewport.KeyMap{}
	h.vp.MouseWheelEnabled = sh.opts.Mouse
	return h
}

// Open shows the keys of km.
func (h *helpModel) Open(km help.KeyMap, w, hgt int) {
	h.of, h.open = km, true
	h.SetSize(w, hgt)
	h.vp.GotoTop()
}

// IsOpen reports whether help is shown.
func (h helpModel) IsOpen() bool { return h.open }

// KeyMap returns help's own keys.
func (h helpModel) KeyMap() help.KeyMap { return h.keys }

// SetSize sets the window size; help takes the whole window.
func (h *helpModel) SetSize(w, hgt int) {
	h.width, h.height = w, hgt
	if !h.open {
		return
	}
	h.vp.SetWidth(w)
	h.vp.SetContent(h.body())
	h.vp.SetHeight(max(hgt-lipgloss.Height(h.header())-lipgloss.Height(h.pinned()), 1))
}

// Update scrolls and closes.
func (h helpModel) Update(msg tea.Msg) (helpModel, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return h, nil
	}
	switch {
	case key.Matches(k, h.keys.Close):
		h.open = false
	case key.Matches(k, h.keys.Up):
		h.vp.ScrollUp(1)
	case key.Matches(k, h.keys.Down):
		h.vp.ScrollDown(1)
	case key.Matches(k, h.keys.PageUp):
		h.vp.PageUp()
	case key.Matches(k, h.keys.PageDown):
		h.vp.PageDown()
	case key.Matches(k, h.keys.Top):
		h.vp.GotoTop()
	case key.Matches(k, h.keys.Bottom):
		h.vp.GotoBottom()
	}
	return h, nil
}

func (h helpModel) header() string {
	st := h.sh.st
	return st.Header.Width(h.width).Render(truncate(st, " "+h.sh.cat.T("tui.help.title"), h.width))
}

// line draws one key and what it does, wrapped under itself when long.
func (h helpModel) line(b key.Binding, keyWidth int) string {
	st := h.sh.st
	k := b.Help().Key
	pad := strings.Repeat(" ", max(keyWidth-lipgloss.Width(k), 0))
	descWidth := max(h.width-keyWidth-5, 10)
	desc := strings.Split(lipgloss.Wrap(b.Help().Desc, descWidth, ""), "\n")
	out := "  " + st.Key.Render(k) + pad + "  " + desc[0]
	for _, d := range desc[1:] {
		out += "\n" + strings.Repeat(" ", keyWidth+4) + d
	}
	return out
}

func (h helpModel) keyWidth(groups [][]key.Binding) int {
	w := 0
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() {
				w = max(w, lipgloss.Width(b.Help().Key))
			}
		}
	}
	return min(w, h.width/3)
}

// body lists the enabled keys of every group, a blank line between
// groups, then what the quick exit does.
func (h helpModel) body() string {
	if h.of == nil {
		return ""
	}
	groups := h.of.FullHelp()
	kw := h.keyWidth(append(groups, h.pinnedKeys()))
	var lines []string
	for _, g := range groups {
		var group []string
		for _, b := range g {
			if b.Enabled() {
				group = append(group, h.line(b, kw))
			}
		}
		if len(group) > 0 {
			lines = append(lines, "")
			lines = append(lines, group...)
		}
	}
	lines = append(lines, "")
	for _, l := range wrapLines(h.sh.cat.T("tui.help.quick_exit"), max(h.width-2, 10)) {
		lines = append(lines, " "+h.sh.st.Dim.Render(l))
	}
	return strings.Join(lines, "\n")
}

func (h helpModel) pinnedKeys() []key.Binding {
	k := newGlobalKeys(h.sh.names)
	return []key.Binding{k.QuickExit, k.Quit, h.keys.Close}
}

// pinned is the part of help that never scrolls away.
func (h helpModel) pinned() string {
	st := h.sh.st
	kw := h.keyWidth([][]key.Binding{h.pinnedKeys()})
	rule := strings.Repeat(st.G.Rule, max(h.width, 1))
	if !h.vp.AtBottom() {
		// More keys below: say so, and how to reach them.
		more := " " + strings.TrimSpace(st.G.Down+" "+h.sh.cat.T("tui.help.more", h.keys.Down.Help().Key)) + " "
		rest := max(h.width-2-lipgloss.Width(more), 0)
		rule = truncate(st, strings.Repeat(st.G.Rule, 2)+more+strings.Repeat(st.G.Rule, rest), h.width)
	}
	lines := []string{st.Dim.Render(rule)}
	for _, b := range h.pinnedKeys() {
		lines = append(lines, h.line(b, kw))
	}
	return strings.Join(lines, "\n")
}

// View draws help over the whole window.
func (h helpModel) View() string {
	return h.header() + "\n" + h.vp.View() + "\n" + h.pinned()
}
