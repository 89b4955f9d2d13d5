package search

import (
	"defensa/internal/fold"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// The tests of this file hold the promises of issue 12, on the real guides
// where the issue found the failure and on small libraries where a rule of
// the engine is easier to see.

func TestStemsKeepApartAndBringTogether(t *testing.T) {
	apart := [][2]string{
		{"caso", "casa"}, {"primo", "primer"}, {"corte", "corto"}, {"calle", "callar"},
		{"habeas", "habia"}, {"ordenanza", "orden"}, {"firmas", "firmar"}, {"licenciado", "licencia"},
		{"cara", "car"}, {"marido", "mar"},
	}
	for _, p := range apart {
		if a, b := stem(p[0], i18n.Spanish), stem(p[1], i18n.Spanish); a == b {
			t.Errorf("%q and %q share the stem %q", p[0], p[1], a)
		}
	}
	together := [][2]string{
		{"detuvieron", "detenido"}, {"detencion", "detener"}, {"cierre", "cerrar"},
		{"deportacion", "deportar"}, {"deportaron", "deportado"}, {"pidamos", "pedir"}, {"cuesta", "costo"},
	}
	for _, p := range together {
		if a, b := stem(p[0], i18n.Spanish), stem(p[1], i18n.Spanish); a != b {
			t.Errorf("%q (%q) and %q (%q) should share a stem", p[0], a, p[1], b)
		}
	}
	if a, b := stem("took", i18n.English), stem("take", i18n.English); a != b {
		t.Errorf("took %q, take %q", a, b)
	}
}

// TestLanguagesHaveTheirOwnStems: the Spanish stem "call" (of "callar")
// and the English stem "call" are different terms, so the Spanish word
// "calle" never finds an English section about calls.
func TestLanguagesHaveTheirOwnStems(t *testing.T) {
	_, ix := corpus(t)
	if en, es := ix.voc.stemID("call", 0), ix.voc.stemID("call", 1); en < 0 || es < 0 || en == es {
		t.Fatalf("English and Spanish \"call\": ids %d and %d", en, es)
	}
	for _, r := range ix.Search("calle ", Options{Lang: i18n.English}) {
		if strings.Contains(strings.ToLower(r.Snippet.Marked("[", "]")), "[call") {
			t.Errorf("\"calle\" matched %q in %s#%s", r.Snippet.Text, r.ID, r.Anchor)
		}
	}
}

func TestSoundKey(t *testing.T) {
	same := [][2]string{
		{"avogado", "abogado"}, {"aser", "hacer"}, {"ablar", "hablar"}, {"ise", "hice"}, {"sita", "cita"},
		{"kien", "quien"}, {"vijilia", "vigilia"}, {"yamar", "llamar"}, {"inprimir", "imprimir"},
		{"fiansa", "fianza"}, {"serrar", "cerrar"}, {"ermano", "hermano"}, {"imigrasion", "imigracion"},
	}
	for _, p := range same {
		if a, b := soundKey(p[0]), soundKey(p[1]); a != b {
			t.Errorf("soundKey(%q) = %q, soundKey(%q) = %q", p[0], a, p[1], b)
		}
	}
	for _, p := range [][2]string{{"casa", "cosa"}, {"juez", "jueves"}, {"corte", "carta"}} {
		if soundKey(p[0]) == soundKey(p[1]) {
			t.Errorf("%q and %q should not sound alike", p[0], p[1])
		}
	}
}

// readings returns the words a query word was read as.
func readings(ix *Index, q, lang string) []string {
	var out []string
	for _, w := range ix.readQuery(Parse(q+" "), i18n.Lang(lang)) {
		for _, r := range w.readings[1:] {
			out = append(out, ix.voc.words[r.word])
		}
	}
	return out
}

func TestTypoPath(t *testing.T) {
	_, ix := corpus(t)
	// A misspelled word is corrected even when its stem is a real stem
	// of the other language ("leter" stems to Spanish "let").
	if got := readings(ix, "leter", "en"); !slices.Contains(got, "letter") {
		t.Errorf("leter read as %v", got)
	}
	// Spelled as it sounds in Spanish.
	for q, want := range map[string]string{"avogado": "abogado", "fiansa": "fianza", "sita": "cita", "vijilia": "vigilia", "ablar": "hablar"} {
		if got := readings(ix, q, "es"); !slices.Contains(got, want) {
			t.Errorf("%s read as %v, want %s", q, got, want)
		}
	}
	// A form of a known word is not a typo.
	if got := readings(ix, "deportaron", "es"); len(got) != 0 {
		t.Errorf("deportaron read as %v", got)
	}
	// A corrected word brings its synonyms: "fiansa" is "fianza", which
	// is "bond" in English.
	rs := ix.Search("fiansa ", Options{Lang: i18n.English, Limit: 3})
	if len(rs) == 0 || rs[0].ID != "rights/bond-and-release" {
		t.Errorf("fiansa in English: %v", ids(rs))
	}
	// "ise la sita" (hice la cita) is Spanish, not English "sit".
	if rs := ix.Search("ise la sita ", Options{}); len(rs) == 0 || rs[0].Lang != i18n.Spanish {
		t.Errorf("ise la sita: %v", ids(rs))
	}
	if rs := ix.Search("qqqxxzz ", Options{}); len(rs) != 0 {
		t.Errorf("garbage found %v", ids(rs))
	}
}

func ids(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, string(r.Lang)+":"+r.ID+"#"+r.Anchor)
	}
	return out
}

func topIDs(ix *Index, q string, lang i18n.Lang, n int) []string {
	var out []string
	for _, r := range ix.Search(q+" ", Options{Lang: lang, Limit: n, PerGuide: 1}) {
		out = append(out, r.ID)
	}
	return out
}

// TestIssue12Queries runs the queries the issue found failing, as it
// describes them.
func TestIssue12Queries(t *testing.T) {
	_, ix := corpus(t)
	es, en := i18n.Spanish, i18n.English
	for _, q := range []string{"detuvieron a mi esposo", "se llevaron a mi esposo", "me detuvieron", "me agarraron"} {
		got := topIDs(ix, q, es, 3)
		if !slices.Contains(got, "rights/if-detained") && !slices.Contains(got, "campaign/first-48-hours") {
			t.Errorf("%q: %v", q, got)
		}
		if slices.Contains(got, "templates/press-release") || slices.Contains(got, "templates/support-letter") {
			t.Errorf("%q finds templates: %v", q, got)
		}
	}
	for _, q := range []string{"mi marido", "que hago", "que hacer", "what do I do"} {
		if len(ix.Search(q+" ", Options{})) == 0 {
			t.Errorf("%q: nothing found", q)
		}
	}
	for _, q := range []string{"firmar", "firma", "papeles", "que no firmar", "should I sign"} {
		if got := topIDs(ix, q, "", 1); len(got) == 0 || strings.Contains(got[0], "petition") {
			t.Errorf("%q: %v", q, got)
		}
	}
	if got := topIDs(ix, "find my husband", en, 3); !slices.Contains(got, "rights/find-someone-detained") || got[0] == "detainers/data" {
		t.Errorf("find my husband: %v", got)
	}
	for q, lang := range map[string]i18n.Lang{"do I have to open the door": en, "¿tengo que abrir la puerta?": es} {
		rs := ix.Search(q, Options{Lang: lang, Limit: 1})
		if len(rs) == 0 || rs[0].ID != "rights/at-home" || strings.Contains(rs[0].Anchor, "prepar") {
			t.Errorf("%q: %v", q, ids(rs))
		}
	}
	if got := topIDs(ix, "petition template", en, 1); len(got) == 0 || got[0] != "templates/petition" {
		t.Errorf("petition template: %v", got)
	}
	rs := ix.Search("call script ", Options{Lang: en, Limit: 1})
	if len(rs) == 0 || rs[0].ID != "templates/call-script" || rs[0].Anchor == "call-log" {
		t.Errorf("call script: %v", ids(rs))
	}
	if got := topIDs(ix, "cierre mi caso", es, 3); slices.Contains(got, "rights/at-home") {
		t.Errorf("cierre mi caso opens the home guide: %v", got)
	}
}

// TestRecurringSectionsStayBehind: over the whole suite, no query that does
// not ask what changed has a "What changed recently" or "Next steps"
// section as its first result.
func TestRecurringSectionsStayBehind(t *testing.T) {
	_, ix := corpus(t)
	for _, c := range loadRelevance(t) {
		q := fold.String(c.query)
		if strings.Contains(q, "cambi") || strings.Contains(q, "chang") || strings.Contains(q, "new") {
			continue
		}
		rs := ix.Search(c.query+" ", Options{Prefer: c.lang, Limit: 1})
		if len(rs) > 0 && ix.recurringHeading(rs[0]) {
			t.Errorf("%q: first result is %s#%s", c.query, rs[0].ID, rs[0].Anchor)
		}
	}
}

func (ix *Index) recurringHeading(r Result) bool {
	for i := range ix.units {
		u := &ix.units[i]
		g := ix.guide(u)
		if _, a := ix.heading(u); g.ID == r.ID && g.Lang == r.Lang && a == r.Anchor {
			return u.flags&unitRecurring != 0
		}
	}
	return false
}

// TestSnippetsShowWhatMatched checks every result of every suite query: a
// snippet is never empty, never the bare heading, never a line of blanks,
// marks whole words inside it, and shows a matched word whenever the
// section's text holds one.
func TestSnippetsShowWhatMatched(t *testing.T) {
	_, ix := corpus(t)
	unmarked := 0
	total := 0
	for _, c := range loadRelevance(t) {
		for _, r := range ix.Search(c.query+" ", Options{Prefer: c.lang, Limit: 10}) {
			total++
			s := r.Snippet
			if strings.TrimSpace(s.Text) == "" || s.Text == r.Heading || s.Text == r.Title {
				t.Errorf("%q %s#%s: snippet %q", c.query, r.ID, r.Anchor, s.Text)
			}
			if !sayable(s.Text) {
				t.Errorf("%q %s#%s: snippet %q says nothing", c.query, r.ID, r.Anchor, s.Text)
			}
			checkMarks(t, c.query, s)
			if len(s.Marks) == 0 {
				unmarked++
			}
		}
	}
	// A section matched only through its guide's title or tags shows the
	// summary or its first line, which may hold none of the words; most
	// snippets do.
	if unmarked*5 > total {
		t.Errorf("%d of %d snippets mark no word", unmarked, total)
	}
}

func checkMarks(t *testing.T, q string, s Snippet) {
	t.Helper()
	last := 0
	for _, m := range s.Marks {
		if m[0] < last || m[1] <= m[0] || m[1] > len(s.Text) || !utf8.RuneStart(s.Text[m[0]]) ||
			m[1] < len(s.Text) && !utf8.RuneStart(s.Text[m[1]]) {
			t.Fatalf("%q: bad mark %v in %q", q, m, s.Text)
		}
		last = m[1]
	}
}

// snippetLibrary is a template guide with blanks and a heading whose text
// is only its subsections.
func snippetLibrary(t *testing.T) *library.Library {
	t.Helper()
	fs := fstest.MapFS{
		"en/templates/letter.md": guideFile("en/templates/letter.md", "title: Letter template\nsummary: A letter to fill in.\ntags: [letter]\n---\n"+
			"# Letter template\n\nCopy it.\n\n## The letter text\n\n```text\n[FULL NAME]\n[CITY], [DATE]\nDear [OFFICER NAME],\nI have known [FIRST NAME] for years as a caring neighbour.\n```\n\n"+
			"## Which officers can help?\n\n### Deportation officers\n\nA deportation officer reads every neighbour letter first.\n"),
	}
	lib, err := library.Load(fs, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestSnippetsSkipBlanksAndBareHeadings(t *testing.T) {
	ix := Build(snippetLibrary(t))
	rs := ix.Search("neighbour letter ", Options{})
	if len(rs) == 0 {
		t.Fatal("no results")
	}
	for _, r := range rs {
		if strings.HasPrefix(r.Snippet.Text, "[") || !strings.Contains(r.Snippet.Marked("[", "]"), "[neighbour]") {
			t.Errorf("%s: snippet %q", r.Anchor, r.Snippet.Text)
		}
	}
	for _, r := range ix.Search("which officers ", Options{PerGuide: 3}) {
		if r.Anchor == "which-officers-can-help" && !strings.Contains(r.Snippet.Text, "deportation officer reads") {
			t.Errorf("an empty heading shows %q, not its subsection's text", r.Snippet.Text)
		}
	}
}

func TestWindowStaysShort(t *testing.T) {
	long := strings.Repeat("x", 5000) + " tail"
	s := window(long, [][2]int{{2000, 2001}})
	if n := utf8.RuneCountInString(s.Text); n > SnippetLen+slack+2 {
		t.Errorf("a line without spaces gave a snippet of %d characters", n)
	}
	words := strings.Repeat("palabra ", 200)
	s = window(words, [][2]int{{800, 807}})
	if !strings.HasPrefix(s.Text, "…palabra") || !strings.HasSuffix(s.Text, "…") {
		t.Errorf("cut %q", s.Text)
	}
	checkMarks(t, "window", s)
}

// TestSynonymLineCountsOnce: a section holding many ways to say one word of
// the query does not outrank one that holds the word that tells guides
// apart.
func TestSynonymLineCountsOnce(t *testing.T) {
	fs := fstest.MapFS{
		"es/rights/a.md": guideFile("es/rights/a.md", "title: Guía A\nsummary: Resumen.\ntags: [a]\n---\n# Guía A\n\nTexto.\n\n## Uno\n\nSi está detenido, pida el formulario azul.\n"),
		"es/rights/b.md": guideFile("es/rights/b.md", "title: Guía B\nsummary: Resumen.\ntags: [b]\n---\n# Guía B\n\nTexto.\n\n## Dos\n\nArrestado, arresto, preso, arrest, arrested, locked up, picked up: una persona y su formulario.\n"),
	}
	lib, err := library.Load(fs, "", false)
	if err != nil {
		t.Fatal(err)
	}
	rs := Build(lib).Search("detenido azul ", Options{})
	if len(rs) == 0 || rs[0].ID != "rights/a" {
		t.Errorf("got %v", ids(rs))
	}
}

// TestSuggestInTheQuerysLanguage: the closest words for a query nothing
// matches, those of the query's language first.
func TestSuggestInTheQuerysLanguage(t *testing.T) {
	_, ix := corpus(t)
	if got := ix.Suggest("la fiansaa", 3); len(got) == 0 || got[0] != "fianza" {
		t.Errorf("Suggest(la fiansaa) = %v", got)
	}
	for _, w := range ix.Suggest("el dokumentoz de la korte", 4) {
		if id := ix.voc.wordID(w); id < 0 || ix.voc.info[id].langs()&2 == 0 {
			t.Errorf("a Spanish query was offered %q", w)
		}
	}
}
