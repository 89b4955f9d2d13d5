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
	target string // "id" or "id#anchor"
	lang   i18n.Lang // "" for the interface language
}

// opener is an item that opens a guide.
type opener interface{ ref() guideRef }

// rightNowItem is a situation of the "Right now" block: its label, then
// the guide's title, dimmer.
type rightNowItem struct {
	g     *library.Guide
	local string // the badge of a local guide, "" for a built-in one
}

func (r rightNowItem) Selectable() bool { return true }
func (r rightNowItem) ref() guideRef   { return guideRef{target: r.g.ID, lang: r.g.Lang} }

func (r rightNowItem) Render(st *Styles, width int, selected bool) []string {
	label := r.g.RightNow.Label
	if r.local != "" {
		label += " [" + r.local + "]"
	}
	label = truncate(st, label, width-4)
	room := width - 4 - lipgloss.Width(label) - 3
	title := ""
	if room >= 12 {
		title = "  " + truncate(st, r.g.Title, room)
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
	g     *library.Guide
	tag string // "[EN]" when not in the interface language, the local badge
}

func (g guideItem) Selectable() bool { return true }
func (g guideItem) ref() guideRef   { return guideRef{target: g.g.ID, lang: g.g.Lang} }

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
	// The heading says where in the guide the answer is: it keeps half
	// the room, however narrow the window.
	where := title
	if heading != "" {
		room := width - 4
		hw := min(lipgloss.Width(heading), max(room/2, room-lipgloss.Width(title)-3))
		where = truncate(st, title, room-hw-3) + st.G.Sep + truncate(st, heading, hw)
	}
	snippet := truncate(st, r.r.Snippet.Text, width-6)
	if len(r.r.Snippet.Marks) > 0 && snippet == r.r.Snippet.Text {
		snippet = marked(st, r.r.Snippet)
	} else {
		snippet = st.Summary.Render(snippet)
	}
	return []string{pointed(st, where, width, selected), "     " + snippet}
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
