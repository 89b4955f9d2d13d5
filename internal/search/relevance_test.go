package search

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

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
		lib, err := library.Load(os.DirFS("../../guides"), "guides", false)
		if err != nil {
			t.Fatalf("built-in guides: %v", err)
		}
		corpusLib, corpusIndex = lib, Build(lib)
	})
	return corpusLib, corpusIndex
}

type relevanceCase struct {
	query   string
	lang    i18n.Lang
	answers []answer // any of them is right
	typo    bool     // typed with spelling mistakes
	line    int
}

// answer is a guide, and maybe the section of it, that answers a query.
type answer struct{ id, anchor string }

func (c relevanceCase) guideHit(r Result) bool {
	for _, a := range c.answers {
		if r.ID == a.id && (c.lang == "" || r.Lang == c.lang) {
			return true
		}
	}
	return false
}

func (c relevanceCase) sectionHit(r Result) bool {
	for _, a := range c.answers {
		if a.anchor != "" && r.ID == a.id && r.Anchor == a.anchor {
			return true
		}
	}
	return false
}

func (c relevanceCase) hasSection() bool {
	for _, a := range c.answers {
		if a.anchor != "" {
			return true
		}
	}
	return false
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
		if len(parts) < 3 || len(parts) > 4 || len(parts) == 4 && parts[3] != "typo" {
			t.Fatalf("relevance.tsv:%d: want query<TAB>lang<TAB>expected[<TAB>typo]", n)
		}
		c := relevanceCase{query: parts[0], line: n, typo: len(parts) == 4}
		if parts[1] != "all" {
			c.lang = i18n.Lang(parts[1])
		}
		for _, alt := range strings.Split(parts[2], "|") {
			id, anchor, _ := strings.Cut(alt, "#")
			c.answers = append(c.answers, answer{id, anchor})
		}
		cases = append(cases, c)
	}
	return cases
}

// relevanceScore counts one group of queries.
type relevanceScore struct {
	n, hit1, hit3        int
	withAnchor, section3 int
}

func (s relevanceScore) String() string {
	return fmt.Sprintf("%3d queries  hit@1 %5.1f%%  hit@3 %5.1f%%  section@3 %5.1f%% of %d",
		s.n, pct(s.hit1, s.n), pct(s.hit3, s.n), pct(s.section3, s.withAnchor), s.withAnchor)
}

// relevanceOutcome is how the index answered one case: the rank of the
// expected guide in the top three (-1 when absent), and whether the
// expected section was among the top three sections of its language.
type relevanceOutcome struct {
	rank    int
	section bool
	got     []Result
}

// judge runs one case as the search field runs it: all languages, the
// query's language preferred, one section per guide.
func judge(ix *Index, c relevanceCase) relevanceOutcome {
	out := relevanceOutcome{rank: -1}
	out.got = ix.Search(c.query+" ", Options{Prefer: c.lang, Limit: 3, PerGuide: 1})
	for i, r := range out.got {
		if c.guideHit(r) {
			out.rank = i
			break
		}
	}
	if c.hasSection() {
		for _, r := range ix.Search(c.query+" ", Options{Lang: c.lang, Limit: 3, PerGuide: 3}) {
			if c.sectionHit(r) {
				out.section = true
				break
			}
		}
	}
	return out
}

// TestRelevance runs the suite of realistic queries against the real
// guides. Each expected guide must appear in the top three for the
// language the query was written in. hit@1, hit@3 and section@3 are logged
// for the whole suite, per language and for misspelled and clean queries
// (run with -v), and must stay at or above their floors.
func TestRelevance(t *testing.T) {
	lib, ix := corpus(t)
	cases := loadRelevance(t)
	for _, c := range cases {
		lang := c.lang
		if lang == "" {
			lang = i18n.English
		}
		for _, a := range c.answers {
			g, ok := lib.Get(a.id, lang)
			if !ok || (a.anchor != "" && g.Anchor(a.anchor) < 0) {
				t.Errorf("relevance.tsv:%d: %s#%s does not exist in %s: fix the suite", c.line, a.id, a.anchor, lang)
			}
		}
	}
	if len(cases) < 60 {
		t.Fatalf("the suite has %d queries; it needs at least 60", len(cases))
	}
	groups := map[string]*relevanceScore{}
	order := []string{"all", "en", "es", "neutral", "clean", "misspelled"}
	for _, name := range order {
		groups[name] = &relevanceScore{}
	}
	for _, c := range cases {
		o := judge(ix, c)
		lang, kind := string(c.lang), "clean"
		if lang == "" {
			lang = "neutral"
		}
		if c.typo {
			kind = "misspelled"
		}
		for _, name := range []string{"all", lang, kind} {
			s := groups[name]
			s.n++
			if o.rank == 0 {
				s.hit1++
			}
			if o.rank >= 0 {
				s.hit3++
			}
			if c.hasSection() {
				s.withAnchor++
				if o.section {
					s.section3++
				}
			}
		}
		if o.rank < 0 {
			var got []string
			for _, r := range o.got {
				got = append(got, string(r.Lang)+":"+r.ID+"#"+r.Anchor)
			}
			t.Logf("miss (line %d): %q want %s:%v, got %v", c.line, c.query, c.lang, c.answers, got)
		}
	}
	for _, name := range order {
		t.Logf("relevance %-10s %v", name, *groups[name])
	}
	all := groups["all"]
	if got := pct(all.hit3, all.n); got < hitAt3Floor {
		t.Errorf("hit@3 = %.1f%%, below the %.0f%% floor", got, hitAt3Floor)
	}
	if got := pct(all.hit1, all.n); got < hitAt1Floor {
		t.Errorf("hit@1 = %.1f%%, below the %.0f%% floor", got, hitAt1Floor)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// The floors sit a little under the measured hit@3 and hit@1 (99.1% and
// 88.7% on 335 queries when they were last set), so a regression fails
// while an honest guide edit that moves a query or two does not.
const (
	hitAt3Floor = 98.0
	hitAt1Floor = 87.0
)
