package tui

import (
	"charm.land/bubbles/v2/textinput"
	"image/color"

	"charm.land/lipgloss/v2"

	"defensa/internal/render"
)

// Styles holds every style of the interface, built from one theme. Screens
// never name a colour; they use these.
type Styles struct {
	Theme render.Theme
	ASCII bool

	Header, HeaderDim, Footer, FooterDim lipgloss.Style
	Section, Item, ItemSummary           lipgloss.Style
	Selected, SelectedSummary            lipgloss.Style
	Match, CurrentMatch, Link, LinkFocus lipgloss.Style
	Notice, Error, Dim, Key, Prompt      lipgloss.Style
	Rule                                 string
	Bullet, Pointer, Sep                 string
}

func newStyles(theme render.Theme, ascii bool) Styles {
	s := Styles{Theme: theme, ASCII: ascii, Rule: "─", Bullet: "•", Pointer: "›", Sep: " › "}
	if ascii {
		s.Rule, s.Bullet, s.Pointer, s.Sep = "-", "*", ">", " > "
	}
	base := lipgloss.NewStyle()
	var accent, dim, bar, barText, match, warn color.Color
	switch theme {
	case render.Light:
		accent, dim, bar, barText, match, warn = lipgloss.Color("25"), lipgloss.Color("244"), lipgloss.Color("254"), lipgloss.Color("235"), lipgloss.Color("229"), lipgloss.Color("124")
	case render.HighContrast:
		accent, dim, bar, barText, match, warn = lipgloss.Color("11"), lipgloss.Color("15"), lipgloss.Color("0"), lipgloss.Color("15"), lipgloss.Color("11"), lipgloss.Color("9")
	case render.Dark:
		accent, dim, bar, barText, match, warn = lipgloss.Color("39"), lipgloss.Color("245"), lipgloss.Color("236"), lipgloss.Color("252"), lipgloss.Color("58"), lipgloss.Color("209")
	}
	if theme == render.Plain {
		// No colour at all: structure comes from bold, reverse and underline.
		s.Header = base.Bold(true)
		s.HeaderDim = base
		s.Footer = base
		s.FooterDim = base
		s.Section = base.Bold(true).Underline(true)
		s.Item = base
		s.ItemSummary = base
		s.Selected = base.Reverse(true)
		s.SelectedSummary = base
		s.Match = base.Underline(true)
		s.CurrentMatch = base.Reverse(true)
		s.Link = base.Underline(true)
		s.LinkFocus = base.Reverse(true)
		s.Notice = base.Bold(true)
		s.Error = base.Bold(true)
		s.Dim = base
		s.Key = base.Bold(true)
		s.Prompt = base.Bold(true)
		return s
	}
	s.Header = base.Bold(true).Foreground(barText).Background(bar)
	s.HeaderDim = base.Foreground(dim).Background(bar)
	s.Footer = base.Foreground(barText).Background(bar)
	s.FooterDim = base.Foreground(dim).Background(bar)
	s.Section = base.Bold(true).Foreground(accent)
	s.Item = base
	s.ItemSummary = base.Foreground(dim)
	s.Selected = base.Bold(true).Reverse(true)
	s.SelectedSummary = base.Foreground(accent)
	s.Match = base.Background(match)
	s.CurrentMatch = base.Reverse(true).Bold(true)
	s.Link = base.Underline(true)
	s.LinkFocus = base.Reverse(true).Bold(true)
	s.Notice = base.Bold(true).Foreground(accent)
	s.Error = base.Bold(true).Foreground(warn)
	s.Dim = base.Foreground(dim)
	s.Key = base.Bold(true).Foreground(accent)
	s.Prompt = base.Bold(true).Foreground(accent)
	if theme == render.HighContrast {
		s.Match = base.Underline(true).Bold(true)
		s.Item = base.Foreground(lipgloss.Color("15"))
	}
	return s
}

// newInput makes a text field with a steady cursor: a blinking one redraws
// the screen twice a second for nothing, which costs bytes over slow links.
func newInput() textinput.Model {
	ti := textinput.New()
	st := ti.Styles()
	st.Cursor.Blink = false
	ti.SetStyles(st)
	return ti
}
