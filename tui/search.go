package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/search"
)

// searchModel is the search screen: a field and results that follow the
// typing.
type searchModel struct {
	sh      *shared
	input   textinput.Model
	query   string // the query the results are for
	results []search.Result
	suggest []string
	cursor  int
	offset  int // first result shown
	width   int
	height  int
}

// searchDoneMsg carries results; query identifies them, so a slow answer
// to an old query is dropped.
type searchDoneMsg struct {
	query   string
	results []search.Result
	suggest []string
}

// resultHeight is the lines one result takes: title, snippet, blank.
const resultHeight = 3

func newSearch(sh *shared) searchModel {
	ti := newInput()
	ti.CharLimit = search.MaxQueryLen
	return searchModel{sh: sh, input: ti, width: 80, height: 24}
}

// SetSize sets the screen size.
func (s *searchModel) SetSize(w, h int) {
	s.width, s.height = w, h
	s.input.SetWidth(max(w-4-len(s.input.Prompt), 10))
	s.clamp()
}

func (s *searchModel) focus() tea.Cmd {
	s.input.Prompt = s.sh.cat.T("search.prompt") + " "
	s.input.Placeholder = s.sh.cat.T("search.placeholder")
	s.input.SetWidth(max(s.width-4-len(s.input.Prompt), 10))
	return s.input.Focus()
}

// rerun searches again, for a language switch: results prefer the new
// language and the prompt changes.
func (s *searchModel) rerun() tea.Cmd {
	s.input.Prompt = s.sh.cat.T("search.prompt") + " "
	s.input.Placeholder = s.sh.cat.T("search.placeholder")
	return s.run()
}

func (s searchModel) run() tea.Cmd {
	ix, q := s.sh.index, s.input.Value()
	if ix == nil || strings.TrimSpace(q) == "" {
		return nil
	}
	prefer := s.sh.cat.Lang()
	return func() tea.Msg {
		rs := ix.Search(q, search.Options{Prefer: prefer, Limit: 30})
		var sug []string
		if len(rs) == 0 {
			sug = ix.Suggest(q, 5)
		}
		return searchDoneMsg{query: q, results: rs, suggest: sug}
	}
}

func (s searchModel) bindings() [][]key.Binding {
	k := s.sh.keys
	return [][]key.Binding{{k.ResultUp, k.ResultDown, k.Open, k.Cancel, k.Interrupt, k.QuickExitTyping}}
}

// Update handles typing and moving through results.
func (s searchModel) Update(msg tea.Msg) (searchModel, tea.Cmd) {
	k := s.sh.keys
	switch msg := msg.(type) {
	case indexBuiltMsg:
		return s, s.run()
	case searchDoneMsg:
		if msg.query != s.input.Value() {
			return s, nil
		}
		s.query, s.results, s.suggest = msg.query, msg.results, msg.suggest
		s.cursor, s.offset = 0, 0
		return s, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Cancel):
			s.input.Blur()
			return s, func() tea.Msg { return closeSearchMsg{} }
		case key.Matches(msg, k.Open):
			if s.cursor < len(s.results) && s.query == s.input.Value() {
				r := s.results[s.cursor]
				target := r.ID
				if r.Anchor != "" {
					target += "#" + r.Anchor
				}
				return s, func() tea.Msg { return openMsg{target: target, lang: r.Lang, fresh: true} }
			}
			return s, nil
		case key.Matches(msg, k.ResultUp):
			s.cursor = max(s.cursor-1, 0)
			s.clamp()
			return s, nil
		case key.Matches(msg, k.ResultDown):
			s.cursor = min(s.cursor+1, max(len(s.results)-1, 0))
			s.clamp()
			return s, nil
		}
	}
	var cmd tea.Cmd
	before := s.input.Value()
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() != before {
		if strings.TrimSpace(s.input.Value()) == "" {
			s.query, s.results, s.suggest = "", nil, nil
		}
		return s, tea.Batch(cmd, s.run())
	}
	return s, cmd
}

func (s searchModel) listHeight() int { return max(s.height-4, 1) }

func (s *searchModel) clamp() {
	per := max(s.listHeight()/resultHeight, 1)
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+per {
		s.offset = s.cursor - per + 1
	}
}

// View draws the field, the results and the footer.
func (s searchModel) View() string {
	st := s.sh.styles
	c := s.sh.cat
	var b strings.Builder
	b.WriteString(st.Header.Width(s.width).Render(" defensa"+st.Sep+c.T("search.title")) + "\n")
	b.WriteString(" " + s.input.View() + "\n\n")
	var body []string
	q := strings.TrimSpace(s.input.Value())
	switch {
	case q == "":
		body = append(body, "  "+st.Dim.Render(c.T("search.hint")))
	case s.sh.index == nil:
		body = append(body, "  "+st.Dim.Render(c.T("search.preparing")))
	case s.query == s.input.Value() && len(s.results) == 0:
		body = append(body, "  "+c.T("search.none", q))
		if len(s.suggest) > 0 {
			body = append(body, "  "+c.T("search.try", strings.Join(s.suggest, ", ")))
		}
		body = append(body, "  "+st.Dim.Render(c.T("search.try_glossary")))
	default:
		per := max(s.listHeight()/resultHeight, 1)
		for i := s.offset; i < len(s.results) && i < s.offset+per; i++ {
			body = append(body, s.resultView(i)...)
		}
	}
	b.WriteString(fitHeight(strings.Join(body, "\n"), s.listHeight()) + "\n")
	k := s.sh.keys
	hint := shortHelp(st, s.width-2, k.ResultUp, k.ResultDown, k.Open, k.Cancel, k.QuickExitTyping)
	b.WriteString(st.Footer.Width(s.width).Render(" " + hint))
	return b.String()
}

func (s searchModel) resultView(i int) []string {
	st := s.sh.styles
	r := s.results[i]
	where := r.Title
	if r.Heading != "" {
		where += st.Sep + r.Heading
	}
	if r.Lang != s.sh.cat.Lang() {
		where += " [" + strings.ToUpper(string(r.Lang)) + "]"
	}
	where = ansi.Truncate(where, s.width-5, "…")
	snippet := ansi.Truncate(r.Snippet.Text, s.width-6, "…")
	if len(r.Snippet.Marks) > 0 && snippet == r.Snippet.Text {
		snippet = r.Snippet.Marked("\x00", "\x01")
		snippet = markWith(snippet, st)
	}
	if i == s.cursor {
		return []string{" " + st.Selected.Render(st.Pointer+" "+where+" "), "     " + st.Dim.Render(snippet), ""}
	}
	return []string{"   " + where, "     " + st.Dim.Render(snippet), ""}
}

// markWith styles the parts of s between \x00 and \x01 as matches.
func markWith(s string, st Styles) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, 0)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], 1)
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(st.Key.Render(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
}
