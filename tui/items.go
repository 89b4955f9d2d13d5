package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/search"
)

// truncate cuts s to w columns with the style's ellipsis.
func truncate(st *Styles, s string, w int) string {
	return ansi.Truncate(s, max(w, 0), st.G.Ellipsis)
}

// pointed draws a selectable row: a pointer and reverse video when under
// the cursor, an indent otherwise, so the text does not move.
func pointed(st *Styles, text string, width int, selected bool) string {
	text = truncate(st, text, width-4)
	if selected {
		return " " + st.Selected.Render(st.G.Pointer+" "+text+" ")
	}
	return "   " + text
}

// titleItem is a title the cursor skips: "Right now", a section name, a
// message.
type titleItem struct {
	text  string
	style func(*Styles) lipgloss.Style
	wrap  bool // long messages wrap instead of being cut
}

func (t titleItem) Selectable() bool { return false }

func (t titleItem) Render(st *Styles, width int, _ bool) []string {
	if t.text == "" {
		return []string{""}
	}
	style := lipgloss.NewStyle()
	if t.style != nil {
		style = t.style(st)
	}
	if !t.wrap {
		return []string{" " + style.Render(truncate(st, t.text, width-2))}
	}
	var out []string
	for _, l := range strings.Split(lipgloss.Wrap(t.text, max(width-3, 10), ""), "\n") {
		out = append(out, " "+style.Render(l))
	}
	return out
}

func blank() listItem { return titleItem{} }

// guideRef is what opens a guide: its id, with an anchor, in a language.
type guideRef struct {
	target string    // "id" or "id#anchor"
	lang   i18n.Lang // "" for the interface language
}

// opener is an item that opens a guide.
type opener interface{ ref() guideRef }

// rightNowItem is a situation of the "Right now" block: its label, then
// the guide's title, dimmer, in a column when there is room for it.
type rightNowItem struct {
	g      *library.Entry
	local  string // the badge of a local guide, "" for a built-in one
	column int    // width of the widest label of the block
}

func (r rightNowItem) Selectable() bool { return true }
func (r rightNowItem) ref() guideRef    { return guideRef{target: r.g.ID, lang: r.g.Lang} }

func (r rightNowItem) label() string {
	if r.local != "" {
		return r.g.RightNow.Label + " [" + r.local + "]"
	}
	return r.g.RightNow.Label
}

func (r rightNowItem) Render(st *Styles, width int, selected bool) []string {
	label := truncate(st, r.label(), width-4)
	title := ""
	if room := width - 4 - r.column - 4; room >= 16 {
		pad := strings.Repeat(" ", max(r.column-lipgloss.Width(label), 0))
		title = pad + "   " + truncate(st, r.g.Title, room)
	}
	if selected {
		return []string{" " + st.Selected.Render(st.G.Pointer+" "+label+" ") + st.SelectedSummary.Render(title)}
	}
	return []string{"   " + st.RightNowLabel.Render(label) + " " + st.Summary.Render(title)}
}

// sectionItem is a section of the library: it opens the list of its
// guides.
type sectionItem struct {
	key, title string
	count      int
	local      string // badge for an organization's own section
}

func (s sectionItem) Selectable() bool { return true }

func (s sectionItem) Render(st *Styles, width int, selected bool) []string {
	text := s.title
	if s.local != "" {
		text += " [" + s.local + "]"
	}
	line := pointed(st, text, width-6, selected)
	return []string{line + st.Summary.Render(" ("+strconv.Itoa(s.count)+")")}
}

// guideItem is a guide in a section's list: its title and, below, its
// summary.
type guideItem struct {
	g   *library.Entry
	tag string // "[EN]" when not in the interface language, the local badge
}

func (g guideItem) Selectable() bool { return true }
func (g guideItem) ref() guideRef    { return guideRef{target: g.g.ID, lang: g.g.Lang} }

func (g guideItem) Render(st *Styles, width int, selected bool) []string {
	title := g.g.Title
	if g.tag != "" {
		title += " " + g.tag
	}
	out := []string{pointed(st, title, width, selected)}
	if g.g.Summary != "" {
		style := st.Summary
		if selected {
			style = st.SelectedSummary
		}
		out = append(out, "     "+style.Render(truncate(st, g.g.Summary, width-6)))
	}
	return out
}

// resultItem is a search result: where it is (guide and section heading,
// which stay at every width) and the snippet.
type resultItem struct {
	r   search.Result
	tag string // "[EN]" for a result in the other language
}

func (r resultItem) Selectable() bool { return true }

func (r resultItem) ref() guideRef {
	target := r.r.ID
	if r.r.Anchor != "" {
		target += "#" + r.r.Anchor
	}
	return guideRef{target: target, lang: r.r.Lang}
}

func (r resultItem) Render(st *Styles, width int, selected bool) []string {
	title, heading := r.r.Title, r.r.Heading
	if r.tag != "" {
		title += " " + r.tag
	}
	// The heading says where in the guide the answer is: when the title
	// and the heading do not fit on one line, the heading gets its own.
	lines := []string{pointed(st, title, width, selected)}
	if heading != "" {
		if one := title + st.G.Sep + heading; lipgloss.Width(one) <= width-4 {
			lines[0] = pointed(st, one, width, selected)
		} else {
			lines = append(lines, "     "+truncate(st, strings.TrimLeft(st.G.Sep, " ")+heading, width-6))
		}
	}
	sn := r.r.Snippet
	if st.ASCII {
		sn = asciiSnippet(sn)
	}
	snippet := truncate(st, sn.Text, width-6)
	if len(sn.Marks) > 0 && snippet == sn.Text {
		snippet = marked(st, sn)
	} else {
		snippet = st.Summary.Render(snippet)
	}
	return append(lines, "     "+snippet)
}

// marked draws a snippet with its matched words in the key colour.
func marked(st *Styles, s search.Snippet) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		if m[0] < at || m[1] > len(s.Text) {
			continue
		}
		b.WriteString(st.Summary.Render(s.Text[at:m[0]]))
		b.WriteString(st.Key.Render(s.Text[m[0]:m[1]]))
		at = m[1]
	}
	b.WriteString(st.Summary.Render(s.Text[at:]))
	return b.String()
}

// asciiSnippet writes a snippet's ellipses as three dots, moving its
// marks along, for consoles that cannot draw "…".
func asciiSnippet(s search.Snippet) search.Snippet {
	const from, to = "…", "..."
	grow := len(to) - len(from)
	var b strings.Builder
	var marks [][2]int
	shift, at := 0, 0
	for _, m := range s.Marks {
		part := s.Text[at:m[0]]
		b.WriteString(strings.ReplaceAll(part, from, to))
		shift += strings.Count(part, from) * grow
		word := s.Text[m[0]:m[1]]
		start := m[0] + shift
		b.WriteString(strings.ReplaceAll(word, from, to))
		shift += strings.Count(word, from) * grow
		marks = append(marks, [2]int{start, m[1] + shift})
		at = m[1]
	}
	b.WriteString(strings.ReplaceAll(s.Text[at:], from, to))
	return search.Snippet{Text: b.String(), Marks: marks}
}

// fitWords cuts s to w columns between two words, with the ellipsis: a
// hint that does not fit reads better short than cut mid-word.
func fitWords(s string, w int, ellipsis string) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	room := w - lipgloss.Width(ellipsis)
	cut := ""
	for i, r := range s {
		if r != ' ' {
			continue
		}
		if lipgloss.Width(s[:i]) > room {
			break
		}
		cut = strings.TrimRight(strings.TrimRight(s[:i], " "), ",;:")
	}
	if cut == "" {
		return truncateCells(s, w, ellipsis)
	}
	return cut + ellipsis
}

// truncateCells cuts s to w columns with the ellipsis.
func truncateCells(s string, w int, ellipsis string) string {
	return ansi.Truncate(s, max(w, 0), ellipsis)
}
