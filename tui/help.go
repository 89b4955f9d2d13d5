package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// helpView lists every key of the screen in front, from its bindings, so
// help cannot drift from what the keys do.
func (m Model) helpView() string {
	st := m.sh.styles
	c := m.sh.cat
	var b strings.Builder
	b.WriteString(st.Header.Width(m.width).Render(" " + c.T("help.title")))
	b.WriteString("\n\n")
	keyWidth := 0
	groups := m.keysNow()
	for _, g := range groups {
		for _, k := range g {
			keyWidth = max(keyWidth, lipgloss.Width(k.Help().Key))
		}
	}
	lines := 0
	for i, g := range groups {
		if i > 0 {
			b.WriteString("\n")
			lines++
		}
		for _, k := range g {
			if !k.Enabled() {
				continue
			}
			h := k.Help()
			pad := strings.Repeat(" ", keyWidth-lipgloss.Width(h.Key))
			b.WriteString("  " + st.Key.Render(h.Key) + pad + "  " + h.Desc + "\n")
			lines++
		}
	}
	body := b.String()
	footer := st.Footer.Width(m.width).Render(" " + c.T("help.close"))
	return fitHeight(body, m.height-1) + "\n" + footer
}

// fitHeight pads or cuts s to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// shortHelp renders bindings as a one-line hint: "enter open · / search".
func shortHelp(st Styles, width int, bindings ...key.Binding) string {
	var parts []string
	for _, k := range bindings {
		if k.Enabled() {
			parts = append(parts, k.Help().Key+" "+k.Help().Desc)
		}
	}
	out := ""
	for _, p := range parts {
		next := p
		if out != "" {
			next = out + " · " + p
		}
		if lipgloss.Width(next)+1 > width {
			break
		}
		out = next
	}
	return out
}
