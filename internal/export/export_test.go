package export

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	defensa "defensa"
	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/textsafe"
)

var builtin = sync.OnceValues(func() (*library.Library, error) {
	return defensa.Library()
})

// withLocal is the built-in library with a local folder merged over it,
// as --guides does.
func withLocal(t *testing.T, local fs.FS) *library.Library {
	t.Helper()
	lib, err := defensa.Library()
	if err != nil {
		t.Fatalf("built-in guides: %v", err)
	}
	if local != nil {
		l, _ := library.Load(local, "local", true) // problems are the point of some fixtures
		lib.Merge(l)
	}
	return lib
}

func exportHTML(t *testing.T, lib *library.Library) map[string][]byte {
	t.Helper()
	res, err := HTML(lib, Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		if _, dup := files[f.Name]; dup {
			t.Errorf("%s written twice", f.Name)
		}
		files[f.Name] = f.Data
	}
	return files
}

// hostile is a local guides folder written to attack the export: raw
// HTML, script links in every Markdown form, event handlers, character
// references that decode to escape and direction characters, and the same
// in the front matter.
var hostile = fstest.MapFS{
	"en/rights/at-home.md": {Data: []byte("---\n" +
		`title: "Hotline \e]52;c;UFdORUQ=\a\e]0;PWNED\a <script>alert(1)</script> \u202e4321"` + "\n" +
		`summary: "<img src=x onerror=alert(1)> \x9b31m \u2066x\u2069"` + "\n" +
		"section: rights\nsection_title: \"<script>s</script>\"\norder: 1\ntags: [a, b, c]\nreviewed: 2026-01-01\nfacts_as_of: 2026-01\n" +
		"hotline:\n  name: \"<b onmouseover=alert(1)>Us</b>\"\n  phone: 1-800-555-0100\n  hours: \"\\e[2J now\"\n" +
		"sources:\n  - title: \"<script>src</script>\"\n    publisher: P\n    url: \"javascript:alert(7)\"\n    date: 2026\n" +
		"---\n\n" +
		"# <script>alert(\"title\")</script> Title &#x202E;evil\n\n" +
		"**In short**\n\n" +
		"- <img src=x onerror=alert(1)> item\n" +
		"- [js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [ent](&#106;avascript:alert(1)) [tab](java\tscript:x)\n" +
		"- <javascript:alert(1)> and [ref][r] and [data](data:text/html;base64,PHNjcmlwdD4=)\n" +
		"- [vb](vbscript:msgbox) [file](file:///etc/passwd) [smb](smb://host/share) [rel](../../x.html)\n" +
		"- Escape &#27;]0;PWNED&#7; and &#x9b;31m and bidi &#x202E;1-800&#x202C; zero&#x200B;width &#xE000; raw \u202e here\n" +
		"- `code &#27; <b> \u202e` and [titled](https://example.org \"&#27;t\\\" onclick=x\") Say: \"<script>say</script>\"\n\n" +
		"<script>alert(2)</script>\n\n" +
		"<div onclick=\"alert(3)\">div</div>\n\n" +
		"## Heading <b onmouseover=alert(4)>x</b> &#27;\n\n" +
		"| a <i onmouseover=x> | b |\n|---|---|\n| <a href=\"javascript:x\">c</a> | [d](javascript:d) |\n\n" +
		"```&#27;evil\"><script>\nfenced &#27; <script>\n```\n\n" +
		"![img](https://evil.example/x.png) and <svg onload=alert(5)> and <https://ok.example/a?b=<c>\n\n" +
		"[r]: javascript:alert(6)\n")},
	"en/x<y/z.md": {Data: []byte("---\ntitle: Odd folder\nsummary: s\nsection: x<y\norder: 1\nreviewed: 2026-01-01\n---\n\n# Odd\n\nText.\n")},
}

// allowedTags are the only elements an export may contain: defensa's
// templates and goldmark's Markdown elements. Raw HTML from a guide never
// gets through, so no other tag can appear.
var allowedTags = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "link": true, "body": true, "script": true,
	"header": true, "main": true, "article": true, "section": true, "nav": true, "footer": true,
	"div": true, "p": true, "span": true, "a": true, "ul": true, "ol": true, "li": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "strong": true, "em": true,
	"b": true, "i": true, "code": true, "pre": true, "blockquote": true, "hr": true, "br": true, "del": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"dl": true, "dt": true, "dd": true, "input": true, "label": true,
}

var safeStyle = regexp.MustCompile(`^(text-align:(left|right|center)|left:-?[0-9.]+mm;top:-?[0-9.]+mm)$`)

// checkPage tokenizes a page as a browser would and fails on anything that
// could run, load from outside, or show an escape or hidden character.
func checkPage(t *testing.T, name string, data []byte) {
	t.Helper()
	for i, r := range string(data) {
		if textsafe.IsControl(r) || textsafe.IsHidden(r) {
			t.Errorf("%s: character %U at byte %d", name, r, i)
			return
		}
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	scripts := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			for _, r := range tok.Data {
				if textsafe.IsControl(r) || textsafe.IsHidden(r) {
					t.Errorf("%s: text decodes to %U: %q", name, r, tok.Data)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if !allowedTags[tok.Data] {
				t.Errorf("%s: element <%s>", name, tok.Data)
			}
			for _, a := range tok.Attr {
				checkAttr(t, name, tok.Data, a)
			}
			if tok.Data == "script" {
				scripts++
				src := attr(tok, "src")
				if !strings.HasSuffix(src, "search.js") {
					t.Errorf("%s: script %q", name, src)
				}
			}
			if tok.Data == "input" && attr(tok, "type") != "search" && attr(tok, "type") != "checkbox" {
				t.Errorf("%s: input of type %q", name, attr(tok, "type"))
			}
		}
	}
}

func checkAttr(t *testing.T, name, tag string, a html.Attribute) {
	t.Helper()
	key := strings.ToLower(a.Key)
	for _, r := range a.Val {
		if textsafe.IsControl(r) || textsafe.IsHidden(r) {
			t.Errorf("%s: <%s %s> decodes to %U", name, tag, key, r)
		}
	}
	switch {
	case strings.HasPrefix(key, "on"):
		t.Errorf("%s: event handler <%s %s=%q>", name, tag, key, a.Val)
	case key == "style" && !safeStyle.MatchString(a.Val):
		t.Errorf("%s: style %q on <%s>", name, a.Val, tag)
	case key == "href" || key == "src" || key == "action" || key == "formaction":
		if scheme := urlScheme(a.Val); scheme != "" {
			external := tag == "a" && key == "href"
			if !external || !slices.Contains([]string{"http", "https", "mailto", "tel"}, scheme) {
				t.Errorf("%s: <%s %s=%q>", name, tag, key, a.Val)
			}
		} else if strings.HasPrefix(a.Val, "//") {
			t.Errorf("%s: <%s %s=%q> leaves the folder", name, tag, key, a.Val)
		}
	}
}

// urlScheme returns the lowercase scheme of a URL as a browser reads it
// (ignoring tabs, newlines and leading blanks), or "".
func urlScheme(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimLeft(v, " \x00-\x20"))
	i := strings.IndexAny(v, ":/?#")
	if i <= 0 || v[i] != ':' {
		return ""
	}
	return strings.ToLower(v[:i])
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// A hostile local guide cannot put a script, an event handler, a script
// link, a foreign image or an escape or bidi character on any page.
func TestHostileGuideIsEscaped(t *testing.T) {
	files := exportHTML(t, withLocal(t, hostile))
	page, ok := files["en/rights/at-home.html"]
	if !ok {
		t.Fatal("the hostile guide was not exported")
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			checkPage(t, name, data)
		}
	}
	text := string(page)
	// Whatever survives as text is escaped; checkPage has seen that no
	// attribute carries it.
	for _, bad := range []string{"<script>", "<img", "<svg", "<div onclick", "<b onmouseover", "<i onmouseover", "evil.example"} {
		if strings.Contains(strings.ToLower(text), bad) {
			t.Errorf("the hostile guide's page contains %q", bad)
		}
	}
	// What it says is still shown, as text.
	for _, want := range []string{"&lt;script&gt;alert(", "Title evil", "1-800", "<code>code &amp;#27; &lt;b&gt;", "fenced &amp;#27; &lt;script&gt;"} {
		if !strings.Contains(text, want) {
			t.Errorf("the hostile guide's page lacks %q", want)
		}
	}
	for _, name := range []string{"print/en/at-home.html", "print/en/cards.html", "en/index.html", "index.html"} {
		if bytes.Contains(files[name], []byte("<b onmouseover")) {
			t.Errorf("%s: the hotline's markup got through", name)
		}
	}
}

// No page loads anything from outside the export's folder: every src and
// every <link> is a relative path to a file of the export, and every link
// between pages lands on a page and an id that exist.
func TestNothingLoadsFromOutside(t *testing.T) {
	files := exportHTML(t, withLocal(t, os.DirFS("testdata/local")))
	ids := map[string]map[string]bool{}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			ids[name] = pageIDs(data)
		}
	}
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		z := html.NewTokenizer(bytes.NewReader(data))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			tok := z.Token()
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			for _, a := range tok.Attr {
				if a.Key != "src" && a.Key != "href" {
					continue
				}
				external := tok.Data == "a" && a.Key == "href" && urlScheme(a.Val) != ""
				if external {
					continue
				}
				if urlScheme(a.Val) != "" || strings.HasPrefix(a.Val, "/") {
					t.Errorf("%s: <%s %s=%q> is not a path inside the folder", name, tok.Data, a.Key, a.Val)
					continue
				}
				file, frag, _ := strings.Cut(a.Val, "#")
				target := name
				if file != "" {
					target = path.Join(path.Dir(name), file)
				}
				if _, ok := files[target]; !ok {
					t.Errorf("%s: <%s %s=%q>: no file %s", name, tok.Data, a.Key, a.Val, target)
					continue
				}
				if frag != "" && !ids[target][frag] {
					t.Errorf("%s: <%s %s=%q>: no id %q in %s", name, tok.Data, a.Key, a.Val, frag, target)
				}
			}
		}
	}
}

func pageIDs(data []byte) map[string]bool {
	ids := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(data))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			if id := attr(z.Token(), "id"); id != "" {
				ids[id] = true
			}
		}
	}
	return ids
}

// Every page is a complete document that sends no referrer and allows no
// connection or form beyond where it is served from, no frame and no
// worker; the scripts (only on index pages) use
// no storage, cookie, network or service worker.
func TestEveryPageHead(t *testing.T) {
	files := exportHTML(t, withLocal(t, os.DirFS("testdata/local")))
	n := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		n++
		s := string(data)
		for _, want := range []string{
			"<!DOCTYPE html>", `<meta charset="utf-8">`,
			`<meta name="viewport" content="width=device-width, initial-scale=1">`,
			`<meta name="referrer" content="no-referrer">`,
			`connect-src 'self'`, `form-action 'self'`, `worker-src 'none'`, `base-uri 'none'`,
			"<title>",
		} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		if !regexp.MustCompile(`<html lang="(en|es)">`).MatchString(s) {
			t.Errorf("%s: no language on <html>", name)
		}
	}
	if n < 100 {
		t.Errorf("only %d pages", n)
	}
	for _, js := range []string{searchJS, string(files["en/search.js"])} {
		for _, bad := range []string{"localStorage", "sessionStorage", "cookie", "serviceWorker", "XMLHttpRequest", "fetch(", "indexedDB", "innerHTML", "eval(", "sendBeacon", "WebSocket"} {
			if strings.Contains(js, bad) {
				t.Errorf("the search script uses %s", bad)
			}
		}
	}
}

// A guide's page: its title once, the disclaimer and both dates by it and
// at its end, its sources, every heading with the library's anchor as its
// id (in order), links to other guides as relative pages with their
// anchors, and the same guide in the other language.
func TestGuidePage(t *testing.T) {
	lib := withLocal(t, nil)
	files := exportHTML(t, lib)
	g, _ := lib.Get("rights/at-home", i18n.Spanish)
	s := string(files["es/rights/at-home.html"])
	if strings.Count(s, "<h1") != 1 {
		t.Errorf("%d h1 elements", strings.Count(s, "<h1"))
	}
	for _, want := range []string{
		"Información general, no asesoría legal", "Revisada el " + g.Reviewed.Format("2006-01-02"),
		"Datos actualizados a " + month(g.FactsAsOf, i18n.Spanish), `<h2>Fuentes</h2>`,
		`<a class="lang" href="../../en/rights/at-home.html" hreflang="en" lang="en">English</a>`,
		`<link rel="alternate" hreflang="en" href="../../en/rights/at-home.html">`,
		`href="warrants.html`, `href="../reference/glossary.html#`,
		`<span class="addr"> (`, `rel="noreferrer noopener"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("es/rights/at-home.html lacks %s", want)
		}
	}
	if c := strings.Count(s, "Información general, no asesoría legal"); c < 2 {
		t.Errorf("the disclaimer is on the page %d times, want it by the title and at the end", c)
	}
	got := regexp.MustCompile(`<h[1-6] id="([^"]+)">`).FindAllStringSubmatch(s, -1)
	if len(got) != len(g.Headings) {
		t.Fatalf("%d headings with ids, the guide has %d", len(got), len(g.Headings))
	}
	for i, m := range got {
		if html.UnescapeString(m[1]) != g.Headings[i].Anchor {
			t.Errorf("heading %d: id %q, anchor %q", i, m[1], g.Headings[i].Anchor)
		}
	}
}

// A link to another guide goes to that guide's page and heading; one whose
// anchor was typed without accents, or with the other language's anchor,
// still lands on the heading's real id (TestNothingLoadsFromOutside
// checks every id exists).
func TestGuideLinks(t *testing.T) {
	local := fstest.MapFS{
		"es/community/links.md": {Data: []byte("---\ntitle: Enlaces\nsummary: s\nsection: community\norder: 1\nreviewed: 2026-01-01\n---\n\n# Enlaces\n\n" +
			"[sin acentos](../rights/at-home.md#que-tricks) [otro idioma](../rights/at-home.md#what-should-you-do-when-someone-knocks) " +
			"[no existe](../rights/no-such.md) [aquí](#enlaces) [correo](mailto:ayuda@example.org) [tel](tel:+1-800-555-0100) " +
			"[misma](https://example.org/a) <https://example.org/b>\n")},
	}
	lib := withLocal(t, local)
	files := exportHTML(t, lib)
	s := string(files["es/community/links.html"])
	knock := lib.FindHeading(must(lib.Get("rights/at-home", i18n.Spanish)), "what-should-you-do-when-someone-knocks")
	anchor := must(lib.Get("rights/at-home", i18n.Spanish)).Headings[knock].Anchor
	for _, want := range []string{
		`<a href="../rights/at-home.html#` + anchor + `">otro idioma</a>`,
		`no existe`, `<a href="#enlaces">aquí</a>`,
		`<a href="mailto:ayuda@example.org" rel="noreferrer noopener">correo</a><span class="addr"> (ayuda@example.org)</span>`,
		`<a href="tel:+1-800-555-0100" rel="noreferrer noopener">tel</a><span class="addr"> (+1-800-555-0100)</span>`,
		`<a href="https://example.org/b" rel="noreferrer noopener">https://example.org/b</a>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("links page lacks %s", want)
		}
	}
	if strings.Contains(s, "no-such") {
		t.Error("a link to a missing guide was kept")
	}
}

func must[T any](v T, ok bool) T {
	if !ok {
		panic("missing")
	}
	return v
}

// The index of a language: "Right now" first, in its order, then every
// section in the library's order, a local section under its own name, and
// every guide once.
func TestIndexPage(t *testing.T) {
	lib := withLocal(t, os.DirFS("testdata/local"))
	files := exportHTML(t, lib)
	for _, lang := range i18n.Langs {
		s := string(files[langIndex(lang)])
		now := strings.Index(s, `<section id="RightNow"`)
		first := strings.Index(s, `<section id="s-`)
		if now < 0 || first < 0 || now > first {
			t.Fatalf("%s: Right now at %d, the first section at %d", lang, now, first)
		}
		last := now
		for _, e := range (&site{lib: lib}).rightNow(lang, langIndex(lang)) {
			i := strings.Index(s[now:], ">"+html.EscapeString(e.Title)+"</a>")
			if i < 0 || now+i < last {
				t.Errorf("%s: Right now lacks %q, or has it out of order", lang, e.Title)
			}
			last = now + i
		}
		if len((&site{lib: lib}).rightNow(lang, "")) < 4 {
			t.Errorf("%s: fewer than four Right now situations", lang)
		}
		pos := 0
		for _, sec := range append(slices.Clone(library.Sections), "community") {
			i := strings.Index(s, `<section id="`+sectionID(sec)+`">`)
			if i < pos {
				t.Errorf("%s: section %s missing or out of order", lang, sec)
			}
			pos = i
		}
		wantLocal := map[i18n.Lang]string{i18n.English: "<h2>Riverside Rapid Response</h2>", i18n.Spanish: "<h2>Respuesta Rápida de Riverside</h2>"}[lang]
		if !strings.Contains(s, wantLocal) {
			t.Errorf("%s: the local section is not named %s", lang, wantLocal)
		}
		for _, g := range lib.Catalog(lang) {
			if c := strings.Count(s[first:], `<li><a href="`+rel(langIndex(lang), guidePage(g))+`">`); c != 1 {
				t.Errorf("%s: %s listed %d times", lang, g.ID, c)
			}
		}
	}
	root := string(files[rootIndex])
	for _, want := range []string{`href="en/index.html"`, `href="es/index.html"`, "La migra está en la puerta", `href="en/rights/at-home.html"`} {
		if !strings.Contains(root, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

// The card sheet: eight cards a side, the person's side in their language
// with the organization's hotline, the officer's side in English, cut
// marks at every cut.
func TestCardSheet(t *testing.T) {
	lib := withLocal(t, os.DirFS("testdata/local"))
	files := exportHTML(t, lib)
	en, _ := lib.Get(cardID, i18n.English)
	officer := blockLines(en, officerBlock)
	if len(officer) == 0 {
		t.Fatalf("%s has no %s block", cardID, officerBlock)
	}
	for _, lang := range i18n.Langs {
		s := string(files[cardsPage(lang)])
		g, _ := lib.Get(cardID, lang)
		holder := blockLines(g, holderBlock)
		if len(holder) == 0 {
			t.Fatalf("%s (%s) has no %s block", cardID, lang, holderBlock)
		}
		if c := strings.Count(s, `<div class="card holder">`); c != cardColumns*cardRows {
			t.Errorf("%s: %d holder cards", lang, c)
		}
		if c := strings.Count(s, `<div class="card officer" lang="en">`); c != cardColumns*cardRows {
			t.Errorf("%s: %d officer cards", lang, c)
		}
		for _, line := range holder {
			if strings.Count(s, "<li>"+html.EscapeString(line)+"</li>") != cardColumns*cardRows {
				t.Errorf("%s: holder line %q not on every card", lang, line)
			}
		}
		for _, line := range officer {
			if strings.Count(s, "<p>"+html.EscapeString(line)+"</p>") != cardColumns*cardRows {
				t.Errorf("%s: officer line %q not on every card", lang, line)
			}
		}
		if c := strings.Count(s, "<b>1-800-555-0199</b>"); c != cardColumns*cardRows {
			t.Errorf("%s: the hotline is on %d cards", lang, c)
		}
		if c := strings.Count(s, `<i class="mark`); c != 2*(2*(cardColumns+1)+2*(cardRows+1)) {
			t.Errorf("%s: %d cut marks", lang, c)
		}
	}
	// Without a hotline, a line to write one on.
	plain := exportHTML(t, withLocal(t, nil))
	if !strings.Contains(string(plain[cardsPage(i18n.Spanish)]), `Abogado o línea de ayuda: <span class="blank">`) {
		t.Error("a card without a hotline has no line to write one")
	}
}

// Each handout: its guide's In short and the words to say (in Spanish
// with the English), the hotline, the dates, on its own page.
func TestHandouts(t *testing.T) {
	lib := withLocal(t, os.DirFS("testdata/local"))
	files := exportHTML(t, lib)
	for _, lang := range i18n.Langs {
		for _, id := range handoutIDs {
			g, _ := lib.Get(id, lang)
			name := handoutPage(lang, id)
			s := string(files[name])
			if s == "" {
				t.Errorf("no %s", name)
				continue
			}
			inShort := map[i18n.Lang]string{i18n.English: "In short", i18n.Spanish: "En resumen"}[lang]
			for _, want := range []string{"<h1>" + html.EscapeString(g.Title) + "</h1>", inShort, "1-800-555-0199", day(g.Reviewed), "defensa read " + id} {
				if !strings.Contains(s, want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
			phrases := sayings(g)
			if len(phrases) == 0 {
				t.Errorf("%s: no words to say", name)
			}
			for _, p := range phrases {
				if !strings.Contains(s, html.EscapeString(p.Text)) {
					t.Errorf("%s lacks %q", name, p.Text)
				}
				if lang != i18n.English && p.English == "" {
					t.Errorf("%s: %q has no English", name, p.Text)
				}
			}
			if strings.Contains(s[strings.Index(s, "<main"):], "<a href=\"../") {
				t.Errorf("%s links to guide pages: it is paper", name)
			}
		}
	}
}

// The words to say are found where content.md asks guides to write them,
// and nowhere else.
func TestSayings(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		text string
		want []phrase
	}{
		{i18n.English, `Say: "I do not consent to your entry."`, []phrase{{Text: "I do not consent to your entry."}}},
		{i18n.English, `Say "I do not consent to your entry." Stay silent.`, []phrase{{Text: "I do not consent to your entry."}}},
		{i18n.English, `Ask who they are. "Are you from immigration? From ICE?" Ask what they want.`, []phrase{{Text: "Are you from immigration? From ICE?"}}},
		{i18n.English, `If you are detained, tell the officers: "I have children who depend on me."`, []phrase{{Text: "I have children who depend on me."}}},
		{i18n.English, `It usually says "Department of Homeland Security" at the top, like "Warrant for Arrest of Alien".`, nil},
		{i18n.English, `Mark private areas with signs that say "Private".`, nil},
		{i18n.English, `Say: "Stay silent." Later: say: "stay silent"`, []phrase{{Text: "Stay silent."}}},
		{i18n.Spanish, `Diga: "No doy permiso para que entren". Si el agente solo habla inglés, diga: "I do not consent to your entry."`,
			[]phrase{{Text: "No doy permiso para que entren", English: "I do not consent to your entry."}}},
		{i18n.Spanish, `Un pasajero puede preguntar "¿Me puedo ir?" y, si le dicen que sí, irse. Si el agente solo habla inglés, diga: "Am I free to go?"`,
			[]phrase{{Text: "¿Me puedo ir?", English: "Am I free to go?"}}},
		{i18n.Spanish, `decir que son "policía" (police), o llevar chalecos`, nil},
		{i18n.Spanish, `Si el agente solo habla inglés, diga: "Am I free to go?"`, nil},
	}
	for _, tt := range tests {
		g := &library.Guide{Entry: library.Entry{Lang: tt.lang}, Sections: []library.Section{{Text: tt.text}}}
		if got := sayings(g); !slices.Equal(got, tt.want) {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

// The same library always exports the same bytes, so a ZIM or a checksum
// made twice is the same.
func TestDeterministic(t *testing.T) {
	lib, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := HTML(lib, Options{Version: "v"})
	b, _ := HTML(lib, Options{Version: "v"})
	if len(a.Files) != len(b.Files) {
		t.Fatal("different file counts")
	}
	for i := range a.Files {
		if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Fatalf("%s differs between two exports", a.Files[i].Name)
		}
	}
	if len(a.Skipped) > 0 {
		t.Errorf("the built-in library skips printable pages: %v", a.Skipped)
	}
}

// The printable export holds the cards, the handouts and a page listing
// them, and no guide pages.
func TestPrintOnly(t *testing.T) {
	lib, _ := builtin()
	res, err := Print(lib, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range res.Files {
		got[f.Name] = true
		if strings.HasSuffix(f.Name, ".html") {
			checkPage(t, f.Name, f.Data)
		}
	}
	for _, lang := range i18n.Langs {
		if !got[cardsPage(lang)] || !got[handoutPage(lang, "rights/at-home")] {
			t.Errorf("%s: no cards or handouts", lang)
		}
		if got[langIndex(lang)] || got["en/rights/at-home.html"] {
			t.Errorf("%s: the print export holds guide pages", lang)
		}
	}
	if !got[rootIndex] || !got[styleSheet] || !got[cardsSheet] {
		t.Error("no index or style sheets")
	}
}

// A local red card without the card's text is skipped, and said so; the
// officer's side falls back to the English guide's.
func TestCardsSkipped(t *testing.T) {
	local := fstest.MapFS{
		"en/rights/red-card.md": {Data: []byte("---\ntitle: Card\nsummary: s\nsection: rights\norder: 1\nreviewed: 2026-01-01\n---\n\n# Card\n\nNo blocks.\n")},
		"es/rights/red-card.md": {Data: []byte("---\ntitle: Tarjeta\nsummary: s\nsection: rights\norder: 1\nreviewed: 2026-01-01\n---\n\n# Tarjeta\n\n```card-holder\nNo abra.\n```\n")},
	}
	res, err := HTML(withLocal(t, local), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Skipped{{ID: cardID, Lang: i18n.English, Key: "export.skip_no_card"}, {ID: cardID, Lang: i18n.Spanish, Key: "export.skip_no_card"}}
	if !slices.Equal(res.Skipped, want) {
		t.Errorf("skipped %v, want %v", res.Skipped, want)
	}
	if msg := res.Skipped[0].Message(i18n.For(i18n.Spanish)); !strings.Contains(msg, "rights/red-card en inglés") {
		t.Errorf("message %q", msg)
	}
}

func TestSafeNameAndRel(t *testing.T) {
	for in, want := range map[string]string{"rights": "rights", "at-home": "at-home", "con": "", "Línea": "", "a?b": "", "Rights": "", "com1": ""} {
		got := safeName(in)
		if want != "" && got != want || want == "" && (got == in || !library.ValidID(got+"/x")) {
			t.Errorf("safeName(%q) = %q", in, got)
		}
	}
	if safeName("Rights") == safeName("rights") {
		t.Error("names differing in case meet")
	}
	for _, tt := range []struct{ from, to, want string }{
		{"index.html", "en/index.html", "en/index.html"},
		{"en/index.html", "en/rights/at-home.html", "rights/at-home.html"},
		{"en/rights/at-home.html", "en/rights/warrants.html", "warrants.html"},
		{"en/rights/at-home.html", "es/rights/at-home.html", "../../es/rights/at-home.html"},
		{"en/rights/at-home.html", "en/reference/glossary.html", "../reference/glossary.html"},
		{"en/rights/at-home.html", "en/index.html", "../index.html"},
		{"print/es/cards.html", "assets/site.css", "../../assets/site.css"},
	} {
		if got := rel(tt.from, tt.to); got != tt.want {
			t.Errorf("rel(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
	for _, tt := range []struct{ title, pub, date, want string }{
		{"What kind of lies?", "IDP", "undated (read 2026)", "What kind of lies? IDP, undated (read 2026)."},
		{"Title", "", "", "Title."},
		{"Title.", "Pub", "2025", "Title. Pub, 2025."},
	} {
		if got := sentence(tt.title, tt.pub, tt.date); got != tt.want {
			t.Errorf("sentence = %q, want %q", got, tt.want)
		}
	}
}

// Write writes inside its folder only: a symbolic link planted in it is
// not followed out.
func TestWriteStaysInside(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, dir+"/en"); err != nil {
		t.Skip("no symbolic links here")
	}
	err := Write(dir, []File{{Name: "index.html", Data: []byte("x")}, {Name: "en/index.html", Data: []byte("y")}})
	if err == nil {
		t.Error("wrote through a symbolic link")
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("wrote %s outside the folder", entries[0].Name())
	}
	if err := Write(t.TempDir()+"/new/site", []File{{Name: "a/b/c.html", Data: []byte("z")}}); err != nil {
		t.Errorf("a new folder: %v", err)
	}
	if err := Write(t.TempDir(), []File{{Name: "../x", Data: nil}}); err == nil {
		t.Error("wrote ../x")
	}
}

// Code keeps its ampersands: the tree's encoding for glamour is undone.
func TestCodeSpanAsWritten(t *testing.T) {
	local := fstest.MapFS{"en/community/code.md": {Data: []byte("---\ntitle: Code\nsummary: s\nsection: community\norder: 1\nreviewed: 2026-01-01\n---\n\n# Code\n\nType `A&B` or `&amp;` or `a\\b`.\n")}}
	s := string(exportHTML(t, withLocal(t, local))["en/community/code.html"])
	for _, want := range []string{"<code>A&amp;B</code>", "<code>&amp;amp;</code>", `<code>a\b</code>`} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %s", want)
		}
	}
}

// A handout too long for one page is set smaller.
func TestLongHandoutIsDense(t *testing.T) {
	long := strings.Repeat("- Say: \"Word after word after word after word after word.\" Then more words to read.\n", 40)
	local := fstest.MapFS{"en/rights/at-home.md": {Data: []byte("---\ntitle: Home\nsummary: s\nsection: rights\norder: 1\nreviewed: 2026-01-01\n---\n\n# Home\n\n**In short**\n\n" + long)}}
	s := string(exportHTML(t, withLocal(t, local))[handoutPage(i18n.English, "rights/at-home")])
	if !strings.Contains(s, `class="wrap sheet1 dense"`) {
		t.Error("a long handout is not set smaller")
	}
}

// FuzzGuidePage: whatever a guide body says, its page holds no script, no
// handler, no link but the allowed schemes and no escape or hidden
// character.
func FuzzGuidePage(f *testing.F) {
	f.Add([]byte(hostile["en/rights/at-home.md"].Data))
	f.Add([]byte("---\ntitle: T\n---\n\n# T\n\n[a](javascript:x) <script>x</script> &#27;"))
	f.Add([]byte("---\ntitle: T\n---\n\n# T\n\n| a | b |\n|---|---|\n| `&#27;` | [x][r] |\n\n[r]: vbscript:x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, _ := library.Load(fstest.MapFS{"en/community/fuzz.md": {Data: data}}, "f", true)
		g, ok := lib.Get("community/fuzz", i18n.English)
		if !ok {
			return
		}
		s := &site{lib: lib, full: true}
		if err := s.guidePage(g); err != nil {
			return
		}
		if err := s.handout(g); err != nil {
			return
		}
		for _, file := range s.out.Files {
			checkPage(t, file.Name, file.Data)
		}
	})
}

// BenchmarkHTML measures the whole site export of the built-in library
// (every guide in both languages, cards and handouts), without writing.
func BenchmarkHTML(b *testing.B) {
	lib, err := builtin()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := HTML(lib, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
