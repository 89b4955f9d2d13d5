package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// View implements tea.Model: the screen in front and, under it, the
// footer of its live keys, quit and quick exit always first.
func (m Model) View() tea.View {
	var content string
	switch {
	case m.width < minWidth || m.height < minHeight:
		content = m.tooSmall()
	case m.help.IsOpen():
		content = m.help.View()
	case m.screen == screenReader:
		content = m.reader.View() + "\n" + m.footerView()
	default:
		content = m.home.View() + "\n" + m.footerView()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	if m.sh.opts.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

// footerView draws as many live keys as fit, in their order (quick exit
// and quit first), and an ellipsis when some did not fit: with every name
// a key answers to ("F1/Ctrl+G": some terminals keep F1 for themselves),
// or when even quick exit and quit would not fit so, with first names
// only. Quick exit and quit are never dropped; at the narrowest the
// ellipsis goes before they do. help.Model's own
// cut keeps every key when not even the ellipsis fits, so the keys are
// counted here.
func (m Model) footerView() string {
	var live []key.Binding
	for _, b := range m.keyMap().ShortHelp() {
		if b.Enabled() {
			live = append(live, b)
		}
	}
	room := m.width - 2
	short := make([]key.Binding, len(live))
	for i, b := range live {
		name, _, _ := strings.Cut(b.Help().Key, "/")
		if name == "" {
			name = b.Help().Key // the key is "/" itself
		}
		short[i] = key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(name, b.Help().Desc))
	}
	pinned := min(2, len(live))
	more := " " + m.sh.st.Dim.Render(m.sh.st.G.Ellipsis)
	for _, keys := range [][]key.Binding{live, short} {
		for n := len(live); n >= pinned; n-- {
			v := m.footer.ShortHelpView(keys[:n])
			if n < len(live) && lipgloss.Width(v+more) <= room {
				return " " + v + more
			}
			if n == len(live) && lipgloss.Width(v) <= room {
				return " " + v
			}
		}
	}
	for _, keys := range [][]key.Binding{live, short} {
		if v := m.footer.ShortHelpView(keys[:pinned]); lipgloss.Width(v) <= room {
			return " " + v
		}
	}
	return " " + ansi.Truncate(m.footer.ShortHelpView(short[:pinned]), room, "")
}

// tooSmall asks for a bigger window, and still says how to leave.
func (m Model) tooSmall() string {
	c := m.sh.cat
	msg := c.T("tui.too_small", minWidth, minHeight, m.width, m.height) + "\n" +
		m.keys.QuickExit.Help().Key + " " + m.keys.QuickExit.Help().Desc + m.sh.st.G.Dot +
		m.keys.Quit.Help().Key + " " + m.keys.Quit.Help().Desc
	w := max(m.width, 1)
	return lipgloss.NewStyle().Width(w).MaxHeight(max(m.height, 1)).Render(lipgloss.Wrap(msg, w, ""))
}
