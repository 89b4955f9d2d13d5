package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"defensa/internal/fold"
	"defensa/internal/i18n"
	"defensa/internal/render"
)

// maxMatches bounds find: past it, the count says "more than". A guide
// with one letter repeated a quarter of a million times answers the first
// keystroke as fast as any other.
const maxMatches = 1000

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
	capped  bool // there are more matches than maxMatches
	current int
	// folded are the document's lines folded once, for every keystroke
	// after the first.
	folded   []string
	foldedOf *render.Document
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
	f.typing, f.query, f.matches, f.capped, f.current = false, "", nil, false, 0
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

// Recompute finds the matches in doc, up to maxMatches.
func (f *findModel) Recompute(doc *render.Document) {
	f.matches, f.capped = nil, false
	needle := fold.String(f.query)
	if needle == "" || doc == nil {
		return
	}
	if f.foldedOf != doc {
		f.folded = make([]string, len(doc.Plain))
		for i, line := range doc.Plain {
			f.folded[i] = fold.String(line)
		}
		f.foldedOf = doc
	}
	for i, line := range doc.Plain {
		f.matches, f.capped = matchLine(f.matches, i, line, f.folded[i], needle, maxMatches)
		if f.capped {
			break
		}
	}
	f.current = min(f.current, max(len(f.matches)-1, 0))
}

// matchLine appends the matches of needle (folded) in one line, given the
// line and its folding, and reports whether it stopped at limit. It goes
// over the line once: each match is found from where the last ended, and
// its columns are counted on from the last match's, never from the start
// of the line. Folding keeps one rune per rune, so the n-th rune of the
// folded line is the n-th of the line.
func matchLine(out []span, l int, line, folded, needle string, limit int) ([]span, bool) {
	orig, fol, col := 0, 0, 0 // where the walk is: in line, in folded, in cells
	advance := func(to int) int {
		runes := utf8.RuneCountInString(folded[fol:to])
		fol = to
		start := orig
		for ; runes > 0 && orig < len(line); runes-- {
			_, size := utf8.DecodeRuneInString(line[orig:])
			orig += size
		}
		col += ansi.StringWidth(line[start:orig])
		return col
	}
	for at := 0; ; {
		i := strings.Index(folded[at:], needle)
		if i < 0 {
			return out, false
		}
		if len(out) >= limit {
			return out, true
		}
		start := at + i
		from := advance(start)
		to := advance(start + len(needle))
		out = append(out, span{l, from, to})
		at = start + len(needle)
	}
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
	switch {
	case len(f.matches) == 0:
		return c.T("tui.find.none", f.query)
	case f.capped:
		return c.T("tui.find.count_many", f.current+1, len(f.matches), f.query)
	}
	return c.T("tui.find.count", f.current+1, len(f.matches), f.query)
}

// View draws the field.
func (f findModel) View() string { return f.input.View() }
