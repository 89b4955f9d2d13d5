package render

import (
	"strings"

	"charm.land/glamour/v2/ansi"
)

// Theme is a colour scheme for guides and the interface around them.
type Theme int

// The themes. Plain has no colour (NO_COLOR, --theme plain): structure
// comes from bold, italics and underlines. Output with no escape sequence
// at all (pipes) is Options.Strip, whatever the theme.
const (
	Dark Theme = iota
	Light
	HighContrast
	Plain
)

var themeNames = []string{"dark", "light", "high-contrast", "plain"}

// String returns the theme's name as --theme takes it.
func (t Theme) String() string { return themeNames[t] }

// ParseTheme reads a --theme value. "auto" is not a theme: the caller picks
// dark or light from the terminal.
func ParseTheme(s string) (Theme, bool) {
	for i, name := range themeNames {
		if strings.EqualFold(s, name) {
			return Theme(i), true
		}
	}
	return Dark, false
}

// Palette is the handful of colours a theme is made of; the glamour style
// here and the interface styles (tui) are both built from it, so a guide
// and the screen around it always match. Colours are ANSI 256-colour
// indexes (0-15 are the 16 basic colours, which every console has); the
// terminal's own foreground is used for body text. Empty means "no
// colour".
type Palette struct {
	Accent   string // headings, section names, keys
	Title    string // the guide title's text
	TitleBg  string // the guide title's bar
	Link     string // link text and addresses
	Code     string // code and templates
	CodeBg   string // inline code background
	Dim      string // secondary text: summaries, rules, hints
	Quote    string // quoted text
	Warn     string // errors and warnings
	Bar      string // header and footer bars
	BarText  string // text on the bars
	Match    string // find-in-page matches (background)
	Selected string // the selected row (background); "" means reverse video
}

// Palette returns the theme's colours.
func (t Theme) Palette() Palette { return t.palette() }

func (t Theme) palette() Palette {
	switch t {
	case Light:
		// Dark text on a light background; every colour keeps its
		// contrast when a 16-colour terminal rounds it (dark blue, dark
		// green, dark red, black).
		return Palette{Accent: "25", Title: "231", TitleBg: "25", Link: "22", Code: "88", CodeBg: "254",
			Dim: "238", Quote: "238", Warn: "124", Bar: "254", BarText: "232", Match: "229"}
	case HighContrast:
		// The 16 basic colours, bright variants: they survive any console.
		return Palette{Accent: "11", Title: "0", TitleBg: "11", Link: "14", Code: "15", Dim: "15",
			Quote: "15", Warn: "9", Bar: "0", BarText: "15", Match: "11"}
	case Plain:
		return Palette{}
	default:
		return Palette{Accent: "39", Title: "230", TitleBg: "62", Link: "78", Code: "216", CodeBg: "236",
			Dim: "245", Quote: "248", Warn: "209", Bar: "236", BarText: "252", Match: "58"}
	}
}

// linkSGR is the escape sequence that starts the link style.
func (p Palette) linkSGR() string {
	if p.Link == "" {
		return "\x1b[4m"
	}
	return "\x1b[4;38;5;" + p.Link + "m"
}

func ptr[T any](v T) *T { return &v }

func color(c string) *string {
	if c == "" {
		return nil
	}
	return &c
}

// StyleConfig builds the glamour style of a theme. Body text has no colour
// of its own (the terminal's foreground), so it reads on any background and
// costs no escape sequences. Headings are drawn as headings, by weight and
// colour, never with the "##" of their Markdown. ascii replaces bullets and
// rules with plain ASCII for consoles that cannot draw them.
//
// No style sets a code-block theme or Chroma rules: defensa never
// highlights code, and its build carries no highlighter (a test checks
// both).
func StyleConfig(t Theme, ascii bool) ansi.StyleConfig {
	p := t.palette()
	const styled = true // weight and underline: Plain keeps them, Strip drops everything
	bullet, quote, rule, ticked := "• ", "│ ", strings.Repeat("─", 8), "[✓] "
	if ascii {
		bullet, quote, rule, ticked = "* ", "| ", strings.Repeat("-", 8), "[x] "
	}
	return ansi.StyleConfig{
		Document: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{BlockPrefix: "\n", BlockSuffix: "\n"}},
		BlockQuote: ansi.StyleBlock{
			StylePrimitive: ansi.StylePrimitive{Color: color(p.Quote), Italic: ptr(styled)},
			Indent:         ptr(uint(1)),
			IndentToken:    ptr(quote),
		},
		Paragraph: ansi.StyleBlock{},
		List:      ansi.StyleList{LevelIndent: 2},
		Heading: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{
			BlockPrefix: "\n", BlockSuffix: "\n", Color: color(p.Accent), Bold: ptr(styled),
		}},
		H1: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{
			Prefix: " ", Suffix: " ", Color: color(p.Title), BackgroundColor: color(p.TitleBg), Bold: ptr(styled),
		}},
		H2: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Underline: ptr(styled && p.Accent == "")}},
		H3: ansi.StyleBlock{},
		H4: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Italic: ptr(styled)}},
		H5: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Italic: ptr(styled)}},
		H6: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Italic: ptr(styled)}},

		Strikethrough:  ansi.StylePrimitive{CrossedOut: ptr(styled)},
		Emph:           ansi.StylePrimitive{Italic: ptr(styled)},
		Strong:         ansi.StylePrimitive{Bold: ptr(styled)},
		HorizontalRule: ansi.StylePrimitive{Color: color(p.Dim), Format: "\n" + rule + "\n"},
		Item:           ansi.StylePrimitive{BlockPrefix: bullet},
		Enumeration:    ansi.StylePrimitive{BlockPrefix: ". "},
		Task:           ansi.StyleTask{Ticked: ticked, Unticked: "[ ] "},
		Link:           ansi.StylePrimitive{Color: color(p.Link), Underline: ptr(styled)},
		LinkText:       ansi.StylePrimitive{Color: color(p.Link), Bold: ptr(styled), Underline: ptr(styled && p.Link == "")},
		Image:          ansi.StylePrimitive{Color: color(p.Link)},
		ImageText:      ansi.StylePrimitive{Format: "{{.text}}"},
		Code: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{
			Color: color(p.Code), BackgroundColor: color(p.CodeBg),
		}},
		CodeBlock: ansi.StyleCodeBlock{StyleBlock: ansi.StyleBlock{
			StylePrimitive: ansi.StylePrimitive{Color: color(p.Code)},
			Margin:         ptr(uint(2)),
		}},
		Table:                 ansi.StyleTable{},
		DefinitionDescription: ansi.StylePrimitive{BlockPrefix: "\n  "},
	}
}
