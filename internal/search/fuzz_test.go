package search

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/textsafe"
)

// hostileGuide is a local guide from a stranger's USB stick, as hostile as
// the loader lets through: escapes and bidi controls in the front matter,
// a word of thousands of letters, a line without spaces, brackets inside
// brackets, a hundred headings, empty headings' sections, blanks only,
// combining marks, scripts the stemmers do not know, and the corpus's own
// words, so queries reach it.
func hostileGuide() string {
	var b strings.Builder
	b.WriteString("---\ntitle: \"Hotline \\e]52;c;UFdORUQ=\\a\\e]0;PWNED\\a abogado \\u202e deportación\"\n")
	b.WriteString("summary: \"Resumen \\x9b31m con \\u2066 fianza \\u200b y migra\"\nsection: local\norder: 1\nreviewed: 2026-11-01\n")
	b.WriteString("tags: [\"la migra\", \"\\u202eorden\", fianza, \"" + strings.Repeat("x", 300) + "\"]\n---\n")
	b.WriteString("# Guía hostil de la migra\n\nEn resumen: abogado, fianza, deportación, I-246, 287(g), I 247A.\n\n")
	b.WriteString(strings.Repeat("a", 5000) + " abogado\n\n")
	b.WriteString("https://example.org/" + strings.Repeat("camino/", 400) + "\n\n")
	b.WriteString("[[[[FULL NAME]]]] [[ ]] ] [ [A-NUMBER [CITY]]\n\n")
	b.WriteString("e\u0301\u0301\u0301\u0301\u0301\u0301 detención 漢字 العربية עברית 😀👨‍👩‍👧 ᏣᎳᎩ\n\n")
	for i := range 100 {
		b.WriteString("## ¿Pregunta " + strings.Repeat("?", i%7) + " fianza?\n\n")
		if i%3 == 0 {
			b.WriteString("### Sub\n\n")
		}
		if i%2 == 0 {
			b.WriteString("- [ ] [BLANK]\n- [ ] migra abogado corte\n\n")
		}
	}
	b.WriteString("```\n[FULL NAME]\n[CITY], [DATE]\n" + strings.Repeat("[X] ", 500) + "\n```\n\n")
	b.WriteString("| a | b | c |\n|---|---|---|\n| fianza | [BLANK] | " + strings.Repeat("z", 2000) + " |\n")
	return b.String()
}

var (
	fuzzOnce  sync.Once
	fuzzIndex *Index
	fuzzErr   error
)

// fuzzCorpus is the real library with the hostile guide added as a local
// guide, indexed once.
func fuzzCorpus(t testing.TB) *Index {
	lib, _ := corpus(t)
	fuzzOnce.Do(func() {
		local, err := library.Load(fstest.MapFS{"es/local/hostil.md": {Data: []byte(hostileGuide())}}, "usb", true)
		if _, ok := local.Get("local/hostil", i18n.Spanish); !ok {
			fuzzErr = err
			return
		}
		all, _ := library.Load(fstest.MapFS{}, "", false)
		all.Merge(lib)
		all.Merge(local)
		fuzzIndex = Build(all)
	})
	if fuzzIndex == nil {
		t.Fatalf("the hostile guide did not load: %v", fuzzErr)
	}
	return fuzzIndex
}

// FuzzSearch runs arbitrary queries, with arbitrary options, against the
// real guides and a hostile local guide: no panic, no more results than
// asked, no more sections per guide than asked, only the language asked,
// and snippets that are short, valid UTF-8, free of control and hidden
// characters, with marks on word boundaries inside them.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"", "la migra", "fianza hostil", "I-246", `"exact phrase"`, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "¿Pregunta?", "\x1b]0;x\x07", "a\xffb", "e\u0301\u0301", "漢字 abogado"} {
		f.Add(s, uint8(0), 0)
	}
	ix := fuzzCorpus(f)
	f.Fuzz(func(t *testing.T, q string, langBits uint8, limit int) {
		opt := Options{Limit: limit % 50, PerGuide: int(langBits>>2) % 4}
		switch langBits & 3 {
		case 1:
			opt.Lang = i18n.English
		case 2:
			opt.Lang = i18n.Spanish
		case 3:
			opt.Prefer = i18n.Spanish
		}
		rs := ix.Search(q, opt)
		wantLimit, wantPer := opt.Limit, opt.PerGuide
		if wantLimit <= 0 {
			wantLimit = 20
		}
		if wantPer <= 0 {
			wantPer = 2
		}
		if len(rs) > wantLimit {
			t.Fatalf("%d results for a limit of %d", len(rs), wantLimit)
		}
		per := map[string]int{}
		for _, r := range rs {
			if opt.Lang != "" && r.Lang != opt.Lang {
				t.Fatalf("a %s result for a %s search", r.Lang, opt.Lang)
			}
			if per[string(r.Lang)+r.ID]++; per[string(r.Lang)+r.ID] > wantPer {
				t.Fatalf("more than %d sections of %s", wantPer, r.ID)
			}
			checkShown(t, r.Snippet.Text)
			checkMarks(t, q, r.Snippet)
			if n := utf8.RuneCountInString(r.Snippet.Text); n > SnippetLen+2*slack+2 {
				t.Fatalf("a snippet of %d characters", n)
			}
		}
		for _, w := range ix.Suggest(q, 5) {
			checkShown(t, w)
		}
	})
}

// checkShown fails on text a terminal could be driven by.
func checkShown(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
	for _, r := range s {
		if textsafe.IsControl(r) || r == '\n' || r == '\t' || r != '\u200c' && r != '\u200d' && textsafe.IsHidden(r) {
			t.Fatalf("%U in %q", r, s)
		}
	}
}

// TestHostileGuideIsSearchable makes sure the fuzzer's hostile guide is in
// the index and reachable, so FuzzSearch exercises it.
func TestHostileGuideIsSearchable(t *testing.T) {
	ix := fuzzCorpus(t)
	rs := ix.Search("hotline pwned ", Options{Lang: i18n.Spanish, Limit: 3})
	if len(rs) == 0 || rs[0].ID != "local/hostil" {
		t.Fatalf("hostile guide not found: %v", ids(rs))
	}
	for _, q := range []string{"fianza pregunta ", strings.Repeat("a", 5000) + " ", "camino ", "FULL NAME "} {
		for _, r := range ix.Search(q, Options{Limit: 50, PerGuide: 50}) {
			checkShown(t, r.Snippet.Text)
			checkMarks(t, q, r.Snippet)
		}
	}
}
