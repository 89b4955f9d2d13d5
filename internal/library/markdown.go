package library

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

var (
	atxHeading = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`)
	mdLink     = regexp.MustCompile(`(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	inlineLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	schemeRe   = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

func hasScheme(target string) bool { return schemeRe.MatchString(target) }

// Slug turns heading text into its anchor the way code-hosting sites do:
// lowercase, punctuation dropped, spaces to hyphens, accents kept.
func Slug(text string) string {
	text = PlainHeading(text)
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PlainHeading strips inline Markdown (emphasis, code, links) from heading
// text, leaving what a reader sees.
func PlainHeading(text string) string {
	if strings.Contains(text, "](") {
		text = inlineLink.ReplaceAllString(text, "$1")
	}
	if strings.ContainsAny(text, "*_`") {
		text = emphasis.Replace(text)
	}
	return strings.TrimSpace(text)
}

// emphasis drops inline emphasis markers. A Replacer never changes and is
// safe for concurrent use.
var emphasis = strings.NewReplacer("**", "", "__", "", "`", "", "*", "")

// scanBody finds the headings and links of a Markdown body. firstLine is the
// file line the body starts on. Fenced code blocks are skipped: a template's
// "# " inside a fence is not a heading.
func scanBody(body string, firstLine int, id string) ([]Heading, []Link) {
	var (
		headings []Heading
		links    []Link
		fence    string
		seen     = map[string]int{}
	)
	for i, line := range strings.Split(body, "\n") {
		lineNo := firstLine + i
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if !strings.HasPrefix(trimmed, "#") {
			// Not a heading; the regular expression below is costly.
		} else if m := atxHeading.FindStringSubmatch(line); m != nil {
			text := PlainHeading(m[2])
			anchor := Slug(text)
			if n, dup := seen[anchor]; dup {
				seen[anchor] = n + 1
				anchor += "-" + strconv.Itoa(n+1)
			} else {
				seen[anchor] = 0
			}
			headings = append(headings, Heading{Level: len(m[1]), Text: text, Anchor: anchor, Line: lineNo})
		}
		if !strings.Contains(line, "](") {
			continue
		}
		for _, m := range mdLink.FindAllStringSubmatch(line, -1) {
			if m[1] == "!" {
				continue
			}
			links = append(links, resolveLink(id, m[2], m[3], lineNo))
		}
	}
	return headings, links
}

// resolveLink works out which guide a relative link points to. Links are
// written relative to the guide's file, <section>/<slug>.md inside its
// language folder.
func resolveLink(fromID, text, target string, line int) Link {
	l := Link{Text: text, Target: target, Line: line}
	if hasScheme(target) {
		return l
	}
	file, anchor, _ := strings.Cut(target, "#")
	l.Anchor = anchor
	if file == "" {
		l.ID = fromID
		return l
	}
	joined := path.Join(path.Dir(fromID), file)
	if id, ok := strings.CutSuffix(joined, ".md"); ok && validIDShape(id) {
		l.ID = id
	}
	return l
}

func validIDShape(id string) bool {
	section, slug, ok := strings.Cut(id, "/")
	return ok && section != "" && slug != "" && !strings.Contains(slug, "/") && !strings.HasPrefix(section, ".")
}

// ValidID reports whether id is lowercase ASCII words joined by hyphens, in
// the form section/slug.
func ValidID(id string) bool {
	section, slug, ok := strings.Cut(id, "/")
	return ok && validPart(section) && validPart(slug)
}

func validPart(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
