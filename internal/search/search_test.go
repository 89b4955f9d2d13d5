package search

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

func TestTokenize(t *testing.T) {
	tests := map[string][]string{
		"Form I-246 and I-247A":      {"form", "i246", "and", "i247a"},
		"i246, I 200":                {"i246", "i200"},
		"287(g) agreements":          {"287g", "agreements"},
		"Detención del Niño":         {"detencion", "del", "nino"},
		"judge's warrant":            {"judges", "warrant"},
		"la migra está en mi puerta": {"la", "migra", "esta", "en", "mi", "puerta"},
	}
	for in, want := range tests {
		var got []string
		for _, tok := range tokenize(in) {
			got = append(got, tok.word)
		}
		if !slices.Equal(got, want) {
			t.Errorf("tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParse(t *testing.T) {
	q := Parse(`warrant "judge signed" abo`)
	if len(q.Phrases) != 1 || strings.Join(q.Phrases[0], " ") != "judge signed" || !q.Partial {
		t.Errorf("Parse = %+v", q)
	}
	if Parse("hola ").Partial {
		t.Error("a trailing space ends the last word")
	}
	if q := Parse(`"unclosed quote`); len(q.Phrases) != 1 || len(q.Words) != 2 {
		t.Errorf("an unclosed quote must close at the end: %+v", q)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", `"`, `""`, "I-246", "287(g)", "la migra está", "\x1b[31m", "a\xffb", `"a" "b`, "i-", "5(", "x'"} {
		f.Add(s)
	}
	ix := testIndex(f)
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		for _, w := range q.Words {
			if w == "" {
				t.Fatalf("empty word from %q", s)
			}
		}
		_ = ix.Search(s, Options{})
		_ = ix.Suggest(s, 3)
	})
}

func TestBoundedDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"deportasion", "deportacion", 2, 1},
		{"warrent", "warrant", 2, 1},
		{"abogdo", "abogado", 1, 1},
		{"deportaiton", "deportation", 2, 1},
		{"casa", "perro", 1, 2},
	}
	for _, tt := range tests {
		if got := boundedDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("boundedDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

var testGuides = map[string]string{
	"en/rights/at-home.md":             "title: If agents come to your home\nsummary: Keep the door closed.\ntags: [door, la migra]\n---\n# If agents come to your home\n\nKeep the door closed.\n\n## Is it a judge's warrant?\n\nA warrant signed by a judge names the court. ICE Form I-205 is not signed by a judge.\n\n## What to say\n\nStay silent.\n",
	"es/rights/at-home.md":             "title: Si los agentes llegan a su casa\nsummary: Mantenga la puerta cerrada.\ntags: [puerta, la migra]\n---\n# Si los agentes llegan a su casa\n\nMantenga la puerta cerrada.\n\n## ¿Es una orden firmada por un juez?\n\nUna orden judicial la firma un juez. La deportación no es automática.\n",
	"en/discretion/stay-of-removal.md": "title: Asking for a stay of removal\nsummary: Form I-246 asks ICE to pause a removal.\ntags: [stay]\n---\n# Asking for a stay of removal\n\nUse Form I-246.\n\n## Where to file\n\nFile it at the field office with the deportation officer.\n",
	"es/campaign/overview.md":          "title: Campañas contra la deportación\nsummary: Cómo organizar una campaña.\ntags: [campaña]\n---\n# Campañas contra la deportación\n\nUna campaña pública pide a ICE que no deporte a una persona.\n\n## Busque un abogado\n\nUn abogado o representante acreditado revisa el caso.\n",
}

func guideFile(path, body string) *fstest.MapFile {
	section := strings.Split(path, "/")[1]
	return &fstest.MapFile{Data: []byte("---\nsection: " + section + "\norder: 1\nreviewed: 2026-11-01\n" + body)}
}

func testLibrary(t testing.TB) *library.Library {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, body := range testGuides {
		fsys[p] = guideFile(p, body)
	}
	lib, err := library.Load(fsys, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func testIndex(t testing.TB) *Index {
	t.Helper()
	return Build(testLibrary(t))
}

func TestSearchRanking(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		query, wantID, wantAnchor string
		lang                      i18n.Lang
	}{
		{"judge warrant", "rights/at-home", "is-it-a-judges-warrant", i18n.English},
		{"I-246", "discretion/stay-of-removal", "", ""},
		{"i246", "discretion/stay-of-removal", "", ""},
		{"deportasion", "campaign/overview", "", i18n.Spanish},
		{"abogdo", "campaign/overview", "busque-un-abogado", ""},
		{"warrent", "rights/at-home", "is-it-a-judges-warrant", ""},
		{"la migra esta en mi puerta", "rights/at-home", "", i18n.Spanish},
		{"detencion", "", "", ""},
		{`"signed by a judge"`, "rights/at-home", "is-it-a-judges-warrant", ""},
	}
	for _, tt := range tests {
		rs := ix.Search(tt.query, Options{Lang: tt.lang})
		if tt.wantID == "" {
			if len(rs) != 0 {
				t.Errorf("%q: want no results, got %+v", tt.query, rs)
			}
			continue
		}
		if len(rs) == 0 {
			t.Errorf("%q: no results", tt.query)
			continue
		}
		if rs[0].ID != tt.wantID || (tt.wantAnchor != "" && rs[0].Anchor != tt.wantAnchor) {
			t.Errorf("%q: top = %s#%s, want %s#%s", tt.query, rs[0].ID, rs[0].Anchor, tt.wantID, tt.wantAnchor)
		}
	}
}

func TestSearchPhraseExcludes(t *testing.T) {
	ix := testIndex(t)
	if rs := ix.Search(`"judge signed"`, Options{}); len(rs) != 0 {
		t.Errorf("an exact phrase that is nowhere must match nothing, got %+v", rs)
	}
}

func TestSnippetMarksMatches(t *testing.T) {
	ix := testIndex(t)
	rs := ix.Search("field office", Options{Lang: i18n.English})
	if len(rs) == 0 {
		t.Fatal("no results")
	}
	got := rs[0].Snippet.Marked("[", "]")
	if !strings.Contains(got, "[field] [office]") {
		t.Errorf("snippet = %q", got)
	}
}

func TestSuggest(t *testing.T) {
	ix := testIndex(t)
	got := ix.Suggest("wxrrantt", 3)
	if !slices.Contains(got, "warrant") {
		t.Errorf("Suggest = %v", got)
	}
}

func TestLiveSearchCompletesLastWord(t *testing.T) {
	ix := testIndex(t)
	rs := ix.Search("abog", Options{})
	if len(rs) == 0 || rs[0].ID != "campaign/overview" {
		t.Errorf("a word being typed must match the words it begins: %+v", rs)
	}
}
