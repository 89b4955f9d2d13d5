package library

import (
	"slices"
	"strings"
	"unicode"
)

// The convention for the blanks of fill-in text (code blocks): capitals in
// square brackets, never nested, with choices separated by slashes:
// [FULL NAME], [HIS/HER/THEIR]. A word meant to be replaced is never left
// bare, and guidance goes in the prose around the block, not in a blank.

// acronyms are capital words that are not blanks when they stand bare.
var acronyms = []string{"ICE", "DHS", "ERO", "USCIS", "EOIR", "CBP", "DOJ", "NTA", "BIA", "OPLA", "ATD",
	"TPS", "DACA", "EAD", "LPR", "FOIA", "PD", "US", "USA", "EE", "UU", "ID", "ZIP", "OK", "PLLC", "NDLON", "NIPNLG", "AILA", "ACLU", "ILRC"}

// checkPlaceholders reports blanks in a guide's code blocks that break the
// convention, at their lines.
func checkPlaceholders(g *Guide) []*Problem {
	var ps []*Problem
	// A bare word is taken for a forgotten blank when a blank of the
	// guide starts with it ([FIRST NAME], [DATE]) and it is not a short
	// word that any sentence may hold.
	blankWords := map[string]bool{}
	for _, b := range g.Blocks {
		for _, ph := range placeholders(b.Text) {
			if ws := capitalWords(ph); len(ws) > 0 && len([]rune(ws[0])) >= 4 {
				blankWords[ws[0]] = true
			}
		}
	}
	for _, b := range g.Blocks {
		for i, line := range strings.Split(b.Text, "\n") {
			at := b.Line + i
			depth, start := 0, 0
			for j, r := range line {
				switch r {
				case '[':
					if depth > 0 {
						ps = append(ps, problem(g.Path, at, "check.placeholder_nested", line[start:]))
					}
					depth++
					start = j
				case ']':
					if depth == 1 {
						if ph := line[start+1 : j]; !IsBlank(ph) && !checkbox(ph) {
							ps = append(ps, problem(g.Path, at, "check.placeholder_shape", "["+ph+"]"))
						}
					}
					depth = max(depth-1, 0)
				}
			}
			for _, w := range capitalWords(outsideBrackets(line)) {
				if blankWords[w] && !slices.Contains(acronyms, w) {
					ps = append(ps, problem(g.Path, at, "check.placeholder_bare", w))
					break
				}
			}
		}
	}
	return ps
}

// placeholders returns the text inside each outermost pair of brackets.
func placeholders(text string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range text {
		switch r {
		case '[':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case ']':
			if depth == 1 {
				out = append(out, text[start:i])
			}
			depth = max(depth-1, 0)
		}
	}
	return out
}

// IsBlank reports whether s, the text between a pair of brackets, is a
// blank to fill in by the templates' convention: capitals, digits, spaces
// and / - ' , . : only, with at least one letter ("FULL NAME").
func IsBlank(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLetter(r):
			return false // lowercase: guidance inside a blank
		case unicode.IsDigit(r) || strings.ContainsRune(" /-',.:’", r):
		default:
			return false
		}
	}
	return letters > 0
}

// checkbox reports whether the text of a pair of brackets is a box to tick
// on a form: "[ ]" or "[x]".
func checkbox(s string) bool { return s == " " || s == "x" || s == "X" }

// capitalWords returns the words of s written in capitals, two letters or
// more.
func capitalWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		w = strings.Trim(w, "-")
		if len([]rune(w)) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			out = append(out, w)
		}
	}
	return out
}

// outsideBrackets blanks out the parts of line inside brackets.
func outsideBrackets(line string) string {
	var b strings.Builder
	depth := 0
	for _, r := range line {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth = max(depth-1, 0)
		case depth == 0:
			b.WriteRune(r)
			continue
		}
		b.WriteByte(' ')
	}
	return b.String()
}
