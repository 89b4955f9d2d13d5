package search

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"

	defensa "defensa"
	"defensa/internal/i18n"
	"defensa/internal/library"
)

var (
	corpusOnce  sync.Once
	corpusIndex *Index
	corpusLib   *library.Library
)

// corpus builds the index of the real, embedded guides once per test run.
func corpus(t testing.TB) (*library.Library, *Index) {
	t.Helper()
	corpusOnce.Do(func() {
		lib, err := library.Load(defensa.Guides(), "guides", false)
		if err != nil {
			t.Fatalf("built-in guides: %v", err)
		}
		corpusLib, corpusIndex = lib, Build(lib)
	})
	return corpusLib, corpusIndex
}

type relevanceCase struct {
	query  string
	lang   i18n.Lang
	id     string
	anchor string
	line   int
}

func loadRelevance(t testing.TB) []relevanceCase {
	t.Helper()
	f, err := os.Open("testdata/relevance.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []relevanceCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("relevance.tsv:%d: want query<TAB>lang<TAB>expected", n)
		}
		c := relevanceCase{query: parts[0], line: n}
		if parts[1] != "all" {
			c.lang = i18n.Lang(parts[1])
		}
		c.id, c.anchor, _ = strings.Cut(parts[2], "#")
		cases = append(cases, c)
	}
	return cases
}

// TestRelevance runs the suite of realistic queries against the real
// guides. Each expected guide must appear in the top three for the
// language the query was written in; hit@1 and hit@3 are logged (run with
// -v) and hit@3 must stay at or above the floor.
func TestRelevance(t *testing.T) {
	lib, ix := corpus(t)
	cases := loadRelevance(t)
	for _, c := range cases {
		lang := c.lang
		if lang == "" {
			lang = i18n.English
		}
		g, ok := lib.Get(c.id, lang)
		if !ok || (c.anchor != "" && g.Anchor(c.anchor) < 0) {
			t.Errorf("relevance.tsv:%d: %s#%s does not exist in %s: fix the suite", c.line, c.id, c.anchor, lang)
		}
	}
	if len(cases) < 60 {
		t.Fatalf("the suite has %d queries; it needs at least 60", len(cases))
	}
	var hit1, hit3, section3 int
	withAnchor := 0
	for _, c := range cases {
		// A query typed into the search field: prefer the language it was
		// typed in, searching all (as the TUI does).
		opt := Options{Prefer: c.lang, Limit: 3, PerGuide: 1}
		rs := ix.Search(c.query+" ", opt)
		rank := -1
		for i, r := range rs {
			if r.ID == c.id && (c.lang == "" || r.Lang == c.lang) {
				rank = i
				break
			}
		}
		if rank == 0 {
			hit1++
		}
		if rank >= 0 {
			hit3++
		} else {
			var got []string
			for _, r := range rs {
				got = append(got, string(r.Lang)+":"+r.ID+"#"+r.Anchor)
			}
			t.Logf("miss (line %d): %q want %s:%s, got %v", c.line, c.query, c.lang, c.id, got)
		}
		if c.anchor != "" {
			withAnchor++
			sec := ix.Search(c.query+" ", Options{Lang: c.lang, Limit: 3, PerGuide: 3})
			for _, r := range sec {
				if r.ID == c.id && r.Anchor == c.anchor {
					section3++
					break
				}
			}
		}
	}
	n := len(cases)
	t.Logf("relevance: %d queries, hit@1 %.1f%%, hit@3 %.1f%%, section@3 %.1f%% of %d with a section",
		n, pct(hit1, n), pct(hit3, n), pct(section3, withAnchor), withAnchor)
	if pct(hit3, n) < hitAt3Floor {
		t.Errorf("hit@3 = %.1f%%, below the %.0f%% floor", pct(hit3, n), hitAt3Floor)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// hitAt3Floor sits a little under the measured hit@3 (95.4% on 151 queries
// when it was set), so a regression fails while an honest guide edit that
// moves one query does not.
const hitAt3Floor = 93.0
