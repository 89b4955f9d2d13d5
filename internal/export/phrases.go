package export

import (
	"regexp"
	"strings"

	"defensa/internal/fold"
	"defensa/internal/i18n"
	"defensa/internal/library"
)

// phrase is something a guide tells a person to say to an officer, and,
// in a guide not in English, the English the guide gives for it.
type phrase struct {
	Text    string
	English string
}

// A phrase to say is a quotation in a guide's text right after a cue
// ("Say:", "Ask:", "Diga:", "Pregunte quiénes son."), as content.md asks
// guides to write them. In a Spanish guide the English follows as its own
// quotation after "Si el agente solo habla inglés, diga:". This reads the
// plain text of the library's one parse (Section.Text), never Markdown.
var (
	quoteRe = regexp.MustCompile(`["“]([^"”]{2,})["”]`)
	// A cue ends the text before the quotation: a verb of saying, maybe a
	// few words, then a colon; or the verb alone right before the quote;
	// or a short sentence that starts with one ("Ask for a warrant.").
	cueRe = map[i18n.Lang]*regexp.Regexp{
		i18n.English: regexp.MustCompile(`(?i)(?:\b(?:say|ask|tell)\b[^.:"]{0,60}:|\b(?:say|ask)|(?:^|[.!?] )(?:say|ask)\b[^.:"]{0,40}[.:])\s*$`),
		i18n.Spanish: regexp.MustCompile(`(?i)(?:\b(?:diga|dígalo|pregunte|preguntar|decir)\b[^.:"]{0,60}:|\b(?:diga|pregunte|preguntar)|(?:^|[.!?] )(?:diga|pregunte|pida)\b[^.:"]{0,40}[.:])\s*$`),
	}
	englishCue = regexp.MustCompile(`(?i)habla inglés, diga:\s*$`)
)

// sayings are the phrases of g, in the order they first appear, each once.
func sayings(g *library.Guide) []phrase {
	cue, ok := cueRe[g.Lang]
	if !ok {
		return nil
	}
	var out []phrase
	seen := map[string]bool{}
	last := -1 // the phrase an English quotation belongs to, in this line
	for _, sec := range g.Sections {
		for _, line := range strings.Split(sec.Text, "\n") {
			last = -1
			prev := 0
			for _, m := range quoteRe.FindAllStringSubmatchIndex(line, -1) {
				before := line[prev:m[0]]
				prev = m[1]
				text := strings.TrimSpace(line[m[2]:m[3]])
				switch {
				case englishCue.MatchString(before):
					if last >= 0 && out[last].English == "" {
						out[last].English = text
					}
					last = -1
				case cue.MatchString(before) && spoken(text):
					key := fold.String(strings.TrimRight(text, ".!? "))
					if seen[key] {
						last = -1
						for i := range out {
							if fold.String(strings.TrimRight(out[i].Text, ".!? ")) == key {
								last = i
							}
						}
						continue
					}
					seen[key] = true
					out = append(out, phrase{Text: text})
					last = len(out) - 1
				default:
					last = -1
				}
			}
		}
	}
	return out
}

// spoken reports whether a quotation reads as words to say, not a name on
// a form: a sentence of more than one word.
func spoken(s string) bool {
	return strings.Contains(s, " ") && !strings.HasSuffix(s, ",")
}
