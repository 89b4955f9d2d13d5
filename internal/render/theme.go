package render

import (
	"strings"

	"charm.land/glamour/v2/ansi"
)

// Theme is a colour scheme for guides and the interface around them.
type Theme int

// The themes. Plain has no colour at all (NO_COLOR, --theme plain, pipes).
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

// palette is the handful of colours a theme is made of; the glamour style
// and the interface styles (tui) are both built from it.
type palette struct {
	Heading, Title, TitleBg, Link, Code, CodeBg, Rule, Quote string
}

func (t Theme) palette() palette {
	switch t {
	case Light:
		return palette{Heading: "25", Title: "231", TitleBg: "25", Link: "28", Code: "124", CodeBg: "254", Rule: "246", Quote: "240"}
	case HighContrast:
		// The 16 basic colours, bright variants: they survive any console.
		return palette{Heading: "11", Title: "0", TitleBg: "11", Link: "14", Code: "15", Rule: "15", Quote: "15"}
	case Plain:
		return palette{}
	default:
		return palette{Heading: "39", Title: "230", TitleBg: "62", Link: "78", Code: "216", CodeBg: "236", Rule: "240", Quote: "248"}
	}
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
// costs no escape sequences. ascii replaces bullets and rules with plain
// ASCII for consoles that cannot draw them.
func StyleConfig(t Theme, ascii bool) ansi.StyleConfig {
	p := t.palette()
	bullet, quote, rule, ticked := "• ", "│ ", "────────", "[x] "
	if ascii {
		bullet, quote, rule = "* ", "| ", "--------"
	}
	headingPrefix := func(level int) string { return strings.Repeat("#", level) + " " }
	h := func(level int) ansi.StyleBlock {
		return ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Prefix: headingPrefix(level)}}
	}
	return ansi.StyleConfig{
		Document: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{BlockPrefix: "\n", BlockSuffix: "\n"}},
		BlockQuote: ansi.StyleBlock{
			StylePrimitive: ansi.StylePrimitive{Color: color(p.Quote), Italic: ptr(t != Plain)},
			Indent:         ptr(uint(1)),
			IndentToken:    ptr(quote),
		},
		Paragraph: ansi.StyleBlock{},
		List:      ansi.StyleList{LevelIndent: 2},
		Heading: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{
			BlockSuffix: "\n", Color: color(p.Heading), Bold: ptr(true),
		}},
		H1: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{
			Prefix: " ", Suffix: " ", Color: color(p.Title), BackgroundColor: color(p.TitleBg), Bold: ptr(true),
		}},
		H2: h(2), H3: h(3), H4: h(4), H5: h(5), H6: h(6),
		Strikethrough:  ansi.StylePrimitive{CrossedOut: ptr(true)},
		Emph:           ansi.StylePrimitive{Italic: ptr(true)},
		Strong:         ansi.StylePrimitive{Bold: ptr(true)},
		HorizontalRule: ansi.StylePrimitive{Color: color(p.Rule), Format: "\n" + rule + "\n"},
		Item:           ansi.StylePrimitive{BlockPrefix: bullet},
		Enumeration:    ansi.StylePrimitive{BlockPrefix: ". "},
		Task:           ansi.StyleTask{Ticked: ticked, Unticked: "[ ] "},
		Link:           ansi.StylePrimitive{Color: color(p.Link), Underline: ptr(t != Plain)},
		LinkText:       ansi.StylePrimitive{Color: color(p.Link), Bold: ptr(true)},
		Image:          ansi.StylePrimitive{Color: color(p.Link)},
		ImageText:      ansi.StylePrimitive{Format: "Image: {{.text}}"},
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
