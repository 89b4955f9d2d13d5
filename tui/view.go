package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
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

func (m Model) footerView() string {
	km := m.keyMap()
	return " " + m.footer.ShortHelpView(km.ShortHelp())
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
