package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"defensa/internal/render"
	"defensa/internal/textsafe"
)

// Glyphs are the drawing characters of the interface. The Linux console
// and --ascii get plain ASCII ones.
type Glyphs struct {
	Pointer, Sep, Bullet, Ellipsis, Rule, VRule, Dot string
	Up, Down, Left, Right                            string
}

var (
	unicodeGlyphs = Glyphs{Pointer: "›", Sep: " › ", Bullet: "•", Ellipsis: "…", Rule: "─", VRule: "│", Dot: " · ",
		Up: "↑", Down: "↓", Left: "←", Right: "→"}
	asciiGlyphs = Glyphs{Pointer: ">", Sep: " > ", Bullet: "*", Ellipsis: "...", Rule: "-", Dot: " | "}
)

// Styles holds every style of the interface, built from one theme's
// palette: the same palette glamour draws the guides with. Screens never
// name a colour; they use these.
type Styles struct {
	Theme render.Theme
	ASCII bool
	G     Glyphs

	Header, HeaderDim, Badge           lipgloss.Style // the bar on top of every screen
	Info, Notice, Error                lipgloss.Style // the line above the keys
	RightNow, RightNowLabel            lipgloss.Style // the "Right now" block
	Section, Item, Summary, Dim        lipgloss.Style
	Selected, SelectedSummary          lipgloss.Style
	Match, CurrentMatch, LinkFocus     lipgloss.Style
	Placeholder, Prompt, Key, HelpDesc lipgloss.Style
	Help                               help.Styles
}

func newStyles(theme render.Theme, ascii bool) Styles {
	p := theme.Palette()
	c := func(s string) color.Color {
		if s == "" {
			return lipgloss.NoColor{}
		}
		return lipgloss.Color(s)
	}
	base := lipgloss.NewStyle()
	s := Styles{Theme: theme, ASCII: ascii, G: unicodeGlyphs}
	if ascii {
		s.G = asciiGlyphs
	}
	plain := theme == render.Plain
	bar := base.Foreground(c(p.BarText)).Background(c(p.Bar))
	s.Header = bar.Bold(true)
	s.HeaderDim = bar.Foreground(c(p.Dim))
	s.Badge = base.Foreground(c(p.Title)).Background(c(p.TitleBg)).Bold(true)
	s.Info = base.Foreground(c(p.Dim))
	s.Notice = base.Foreground(c(p.Accent)).Bold(true)
	s.Error = base.Foreground(c(p.Warn)).Bold(true)
	s.RightNow = base.Foreground(c(p.Title)).Background(c(p.TitleBg)).Bold(true)
	s.RightNowLabel = base.Bold(true)
	s.Section = base.Foreground(c(p.Accent)).Bold(true)
	s.Item = base
	s.Summary = base.Foreground(c(p.Dim))
	s.Dim = base.Foreground(c(p.Dim))
	s.Selected = base.Bold(true).Reverse(true)
	s.SelectedSummary = base.Foreground(c(p.Accent))
	s.Match = base.Background(c(p.Match))
	s.CurrentMatch = base.Reverse(true).Bold(true)
	s.LinkFocus = base.Reverse(true).Bold(true)
	s.Placeholder = base.Foreground(c(p.Warn)).Bold(true)
	s.Prompt = base.Foreground(c(p.Accent)).Bold(true)
	s.Key = base.Foreground(c(p.Accent)).Bold(true)
	s.HelpDesc = base
	if p.Selected != "" {
		s.Selected = base.Bold(true).Background(c(p.Selected))
	}
	if plain {
		// No colour at all: structure comes from weight, underline and
		// reverse video, which every terminal has.
		s.Header = base.Bold(true).Reverse(true)
		s.HeaderDim = base.Reverse(true)
		s.Badge = base.Bold(true)
		s.RightNow = base.Bold(true).Reverse(true)
		s.Section = base.Bold(true).Underline(true)
		s.Match = base.Underline(true)
		s.Placeholder = base.Bold(true).Underline(true)
		s.SelectedSummary = base
	}
	if theme == render.HighContrast {
		s.Match = base.Underline(true).Bold(true)
	}
	s.Help = help.Styles{
		Ellipsis:       s.Dim,
		ShortKey:       s.Key,
		ShortDesc:      base,
		ShortSeparator: s.Dim,
		FullKey:        s.Key,
		FullDesc:       base,
		FullSeparator:  s.Dim,
	}
	return s
}

// newInput makes a text field with a steady cursor: a blinking one redraws
// the screen twice a second for nothing, which costs bytes over slow links
// and keeps a timer running.
func newInput(st Styles, limit int) textinput.Model {
	ti := textinput.New()
	ti.CharLimit = limit
	is := ti.Styles()
	is.Cursor.Blink = false
	// The terminal's own colours, reversed: a dark block on a light
	// background, a light one on a dark background; the letter under it
	// always shows.
	is.Cursor.Color = lipgloss.NoColor{}
	is.Focused.Prompt = st.Prompt
	is.Blurred.Prompt = st.Prompt
	is.Focused.Placeholder = st.Dim
	is.Blurred.Placeholder = st.Dim
	ti.SetStyles(is)
	return ti
}

// cleanInput takes what the person typed or pasted into a field and
// removes what must never be drawn (controls, bidi overrides, invisible
// characters): a paste can carry anything.
func cleanInput(msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.PasteMsg:
		m.Content = textsafe.Line(m.Content)
		return m
	case tea.KeyPressMsg:
		if _, removed := textsafe.Text(m.Text); removed.Any() {
			return nil
		}
	}
	return msg
}
