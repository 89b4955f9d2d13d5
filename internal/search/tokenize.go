package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/spanish"

	"defensa/internal/fold"
	"defensa/internal/i18n"
)

// token is a word of text: its folded surface form and where it stands in
// the original string (byte offsets), for snippets.
type token struct {
	word       string
	start, end int
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits text into folded words (see eachToken).
func tokenize(text string) []token {
	var toks []token
	eachToken(text, func(w string, start, end int) { toks = append(toks, token{w, start, end}) })
	return toks
}

// countTokens returns how many words text has.
func countTokens(text string) int {
	n := 0
	eachToken(text, func(string, int, int) { n++ })
	return n
}

// eachToken calls fn with each folded word of text and its byte range.
// Form numbers stay whole: "I-246", "I 246" and "i246" all become "i246";
// "287(g)" becomes "287g". An apostrophe inside a word is dropped
// ("judge's" -> "judges"). A word already in lowercase ASCII is passed as a
// substring of text, without copying: most words are.
func eachToken(text string, fn func(word string, start, end int)) {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		if w, end, ok := plainWord(text, i); ok {
			i = end
			if !(len(w) == 1 && i < len(text) && (text[i] == '-' || text[i] == ' ' || text[i] == '(')) && !(i < len(text) && text[i] == '(') {
				fn(w, start, i)
				continue
			}
			i = start
		}
		var b strings.Builder
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				b.WriteRune(fold.Rune(r))
				i += size
				continue
			}
			if (r == '\'' || r == '’') && i+size < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[i+size:]); unicode.IsLetter(next) {
					i += size
					continue
				}
			}
			break
		}
		word := b.String()
		// "287(g)": a number followed by one letter in parentheses.
		if isDigits(word) && strings.HasPrefix(text[i:], "(") && len(text) >= i+3 && text[i+2] == ')' && unicode.IsLetter(rune(text[i+1])) {
			word += string(fold.Rune(rune(text[i+1])))
			i += 3
		}
		// "I-246", "I 247A": a single letter joined to a form number.
		if len(word) == 1 && unicode.IsLetter(rune(word[0])) && i < len(text) && (text[i] == '-' || text[i] == ' ') {
			j := i + 1
			k := j
			for k < len(text) && text[k] >= '0' && text[k] <= '9' {
				k++
			}
			if k-j >= 2 && k-j <= 4 {
				for k < len(text) && unicode.IsLetter(rune(text[k])) && k-j < 6 && (k+1 == len(text) || !unicode.IsLetter(rune(text[k+1]))) {
					k++
				}
				word += fold.String(text[j:k])
				i = k
			}
		}
		fn(word, start, i)
	}
}

// plainWord reads a word of lowercase ASCII letters and digits at text[i]
// that needs no folding, ending at a non-letter that is not an apostrophe.
func plainWord(text string, i int) (string, int, bool) {
	j := i
	for j < len(text) {
		c := text[j]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			j++
			continue
		}
		if c >= 0x80 || c >= 'A' && c <= 'Z' || c == '\'' {
			return "", 0, false
		}
		break
	}
	return text[i:j], j, j > i
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// stopSounds maps the Spanish sound keys of the stopwords (see soundKey)
// to the stopword spelled so (the first in order when two sound alike).
var stopSounds = func() map[string]string {
	m := make(map[string]string, len(stopwords))
	for w := range stopwords {
		k := soundKey(w)
		if prev, ok := m[k]; !ok || w < prev {
			m[k] = w
		}
	}
	return m
}()

// stem reduces a folded word to its stem in lang. Form numbers, numbers and
// very short words are kept as they are; the words of stems.txt get the
// stem it gives them.
func stem(word string, lang i18n.Lang) string {
	if len(word) < 3 || strings.ContainsAny(word, "0123456789") {
		return word
	}
	if lang == i18n.Spanish {
		if st, ok := stemOverrides[1][word]; ok {
			return st
		}
		return fold.String(spanish.Stem(accentSuffix(word), true))
	}
	if st, ok := stemOverrides[0][word]; ok {
		return st
	}
	return english.Stem(word, true)
}

// accentSuffix puts back the accent of the endings -ción and -sión, which
// folding removed and the Spanish stemmer needs: without it "deportacion"
// keeps its ending while "deportaciones" and "deportar" lose theirs.
func accentSuffix(word string) string {
	if strings.HasSuffix(word, "cion") || strings.HasSuffix(word, "sion") {
		return word[:len(word)-2] + "ón"
	}
	return word
}

// stopwords are dropped from queries and from the index: they match
// everything and say nothing. Both languages' lists apply to all text,
// since people mix them.
var stopwords = func() map[string]bool {
	words := strings.Fields(`a an and are as at be by can do does for from has have how i if in into is it its
	me my of on or our so than that the their them then there they this to was we what when where which who
	will with you your el la los las lo un una unos unas y o de del al en que se es por con para su sus
	mi mis me le les como mas pero si ya este esta estan esto eso ese hay muy tu te nos qué cuando donde
	puede pueden puedo hacer hago sobre entre ser son fue ha han
	am been being were would could did get got gets he she him her his us im ive dont doesnt didnt cant
	wont isnt just also any some very too about need needs want wants now
	podemos podria podrian pudo pude tengo tiene tienen tenemos tenia quiero queremos quiere quieren
	necesito necesitamos estoy estamos estaba soy somos era fueron sido nada algo todo todos ahora aqui
	ahi bien q x xq pq porque tambien solo hoy ayer cual cuales quien quienes ella ellos ellas usted
	ustedes yo nosotros hace hacen haga hagan hizo hice dijo dijeron va van vamos voy ir creo
	lunes martes miercoles jueves viernes sabado domingo manana anoche semana acaba acaban acabo acabamos cuanto cuanta cuantos cuantas
	monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight morning week
	happen happens happened happening`)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[fold.String(w)] = true
	}
	return m
}()
