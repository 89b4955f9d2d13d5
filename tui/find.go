package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/fold"
	"defensa/internal/i18n"
	"defensa/internal/render"
)

// span is a run of cells on one line of a document.
type span struct{ line, from, to int }

// findModel is find in this guide: the field, and where the query
// matches, ignoring case and accents.
type findModel struct {
	keys    findKeys
	input   textinput.Model
	typing  bool
	query   string
	matches []span
	current int
}

func newFind(sh *shared) findModel {
	f := findModel{keys: newFindKeys(sh.names), input: newInput(*sh.st, 100)}
	f.input.Prompt = sh.cat.T("tui.find.prompt") + " "
	return f
}

// Start opens the field with the last query in it.
func (f *findModel) Start(width int) tea.Cmd {
	f.typing = true
	f.input.SetWidth(max(width-lenWidth(f.input.Prompt)-3, 1))
	f.input.SetValue(f.query)
	f.input.CursorEnd()
	return f.input.Focus()
}

func lenWidth(s string) int { return ansi.StringWidth(s) }

// Active reports whether there is a query to show matches for.
func (f findModel) Active() bool { return f.query != "" }

// Typing reports whether the field has the keyboard.
func (f findModel) Typing() bool { return f.typing }

// Clear forgets the query.
func (f *findModel) Clear() {
	f.input.Blur()
	f.typing, f.query, f.matches, f.current = false, "", nil, 0
}

// Update takes a key while typing. It reports whether the query changed,
// so the reader can go to the first match.
func (f findModel) Update(msg tea.Msg, doc *render.Document, from int) (findModel, bool, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, f.keys.Cancel):
			f.Clear()
			return f, true, nil
		case key.Matches(k, f.keys.Done):
			f.input.Blur()
			f.typing = false
			if f.query == "" {
				f.Clear()
			}
			return f, false, nil
		}
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(cleanInput(msg))
	if q := f.input.Value(); q != f.query {
		f.query = q
		f.Recompute(doc)
		f.current = 0
		for i, m := range f.matches {
			if m.line >= from {
				f.current = i
				break
			}
		}
		return f, true, cmd
	}
	return f, false, cmd
}

// Recompute finds every match in doc. Folding keeps one rune per rune,
// so a match in the folded line is a match at the same place in the line.
func (f *findModel) Recompute(doc *render.Document) {
	f.matches = nil
	needle := []rune(fold.String(f.query))
	if len(needle) == 0 || doc == nil {
		return
	}
	for i, line := range doc.Plain {
		runes := []rune(line)
		hay := []rune(fold.String(line))
		if len(hay) != len(runes) {
			continue // cannot happen with fold's promise; never mislead
		}
		for j := 0; j+len(needle) <= len(hay); j++ {
			if string(hay[j:j+len(needle)]) != string(needle) {
				continue
			}
			from := ansi.StringWidth(string(runes[:j]))
			to := from + ansi.StringWidth(string(runes[j:j+len(needle)]))
			f.matches = append(f.matches, span{i, from, to})
			j += len(needle) - 1
		}
	}
	f.current = min(f.current, max(len(f.matches)-1, 0))
}

// Step goes to the next (dir 1) or previous (-1) match.
func (f *findModel) Step(dir int) {
	if n := len(f.matches); n > 0 {
		f.current = (f.current + dir + n) % n
	}
}

// Current returns the current match.
func (f findModel) Current() (span, bool) {
	if len(f.matches) == 0 {
		return span{}, false
	}
	return f.matches[f.current], true
}

// Summary says where the reader is among the matches.
func (f findModel) Summary(c i18n.Catalog) string {
	if len(f.matches) == 0 {
		return c.T("tui.find.none", f.query)
	}
	return c.T("tui.find.count", f.current+1, len(f.matches), f.query)
}

// View draws the field.
func (f findModel) View() string { return f.input.View() }
