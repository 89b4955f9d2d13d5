package search

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// largeGuides is how many local guides the large library holds: the size
// of the biggest guides folder an organization is expected to carry.
const largeGuides = 2000

var (
	largeOnce sync.Once
	largeLib  *library.Library
)

// largeLibrary builds a library of largeGuides local guides from the real
// ones: each a copy with its own title, a place name of its own, and one
// word in twenty changed, so the vocabulary grows as a real folder's would.
func largeLibrary(t testing.TB) *library.Library {
	t.Helper()
	lib, _ := corpus(t)
	largeOnce.Do(func() {
		real := lib.Guides("")
		fs := fstest.MapFS{}
		for n := range largeGuides {
			g := real[n%len(real)]
			var body strings.Builder
			words := strings.Fields(g.Body)
			for i, w := range words {
				if i%20 == 7 && len(w) > 4 && isLetters(w) {
					w = fmt.Sprintf("%s%c%c", w, 'a'+n%26, 'a'+(n/26)%26)
				}
				body.WriteString(w)
				if strings.HasPrefix(w, "#") || i+1 < len(words) && strings.HasPrefix(words[i+1], "#") {
					body.WriteString("\n\n")
				} else {
					body.WriteByte(' ')
				}
			}
			path := fmt.Sprintf("%s/local/g%04d.md", g.Lang, n)
			fs[path] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"---\ntitle: %q\nsummary: %q\nsection: local\norder: %d\nreviewed: 2026-11-01\ntags: [lugar%d]\n---\n%s\n\nLugar%d.\n",
				g.Title+" "+fmt.Sprint(n), g.Summary, n, n, body.String(), n))}
		}
		largeLib, _ = library.Load(fs, "", true)
	})
	if largeLib == nil || largeLib.Len() < largeGuides*9/10 {
		t.Fatalf("the large library has %d guides", largeLib.Len())
	}
	return largeLib
}

func isLetters(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// TestLargeLibrary indexes 2,000 local guides: the index builds, writes
// and loads back, and answers the suite's queries as the built one does,
// with every result in bounds.
func TestLargeLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 2,000 guides")
	}
	lib := largeLibrary(t)
	ix := Build(lib)
	data := Encode(ix)
	loaded, err := Load(string(data), lib)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d guides, %d sections, %d words, %d stems, %d bytes", lib.Len(), ix.Len(), len(ix.voc.words), ix.voc.stemCount(), len(data))
	for i, c := range loadRelevance(t) {
		if i%4 != 0 {
			continue
		}
		rs := ix.Search(c.query+" ", Options{Prefer: c.lang, Limit: 30})
		if len(rs) == 0 && !strings.Contains(c.query, "Galarza") {
			t.Errorf("%q: nothing in the large library", c.query)
		}
		if got := loaded.Search(c.query+" ", Options{Prefer: c.lang, Limit: 30}); fmt.Sprint(got) != fmt.Sprint(rs) {
			t.Fatalf("%q: the loaded index answers otherwise", c.query)
		}
	}
	if rs := ix.Search("lugar1234 ", Options{}); len(rs) == 0 || !strings.HasSuffix(rs[0].Title, " 1234") {
		t.Errorf("a guide's own word: %v", ids(rs))
	}
	if rs := ix.Search("lugar1243 abogado ", Options{Lang: i18n.English}); len(rs) > 20 {
		t.Errorf("%d results", len(rs))
	}
}

// BenchmarkBuildLarge indexes 2,000 local guides.
func BenchmarkBuildLarge(b *testing.B) {
	lib := largeLibrary(b)
	b.ReportAllocs()
	for b.Loop() {
		Build(lib)
	}
}

// BenchmarkQueryLarge runs the relevance suite against 2,000 local guides.
func BenchmarkQueryLarge(b *testing.B) {
	ix := Build(largeLibrary(b))
	cases := loadRelevance(b)
	for _, c := range cases {
		ix.Search(c.query, Options{Limit: 20})
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Search(cases[i%len(cases)].query, Options{Limit: 20})
		i++
	}
}
