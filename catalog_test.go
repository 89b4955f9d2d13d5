package defensa

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/search"
)

// catalog is the library defensa promises: every id, in every language. A
// guide missing here fails CI.
var catalog = []string{
	"campaign/overview", "campaign/first-48-hours", "campaign/case-assessment", "campaign/consent-and-risk",
	"campaign/team", "campaign/story", "campaign/petition", "campaign/letters-of-support",
	"campaign/call-in-days", "campaign/media", "campaign/public-actions", "campaign/elected-officials",
	"campaign/faith-communities", "campaign/escalation", "campaign/after-the-decision", "campaign/digital-safety",
	"templates/petition", "templates/support-letter", "templates/call-script", "templates/press-release",
	"templates/social-media", "templates/case-intake", "templates/evidence-checklist", "templates/official-letter",
	"rights/overview", "rights/at-home", "rights/warrants", "rights/in-public", "rights/in-a-car", "rights/at-work",
	"rights/court-and-check-ins", "rights/notice-to-appear", "rights/border-and-airports", "rights/if-detained", "rights/red-card",
	"rights/family-plan", "rights/find-someone-detained", "rights/legal-help", "rights/recording-and-reporting",
	"rights/bond-and-release", "rights/pressure-to-leave",
	"discretion/what-is-pd", "discretion/forms", "discretion/factors", "discretion/requesting",
	"discretion/stay-of-removal", "discretion/history", "discretion/now",
	"detainers/what-is-a-detainer", "detainers/court-decisions", "detainers/local-policies",
	"detainers/campaign-for-policy", "detainers/data",
	"officials/guide-for-officials", "officials/congressional-casework",
	"reference/glossary", "reference/resources", "reference/reports", "reference/about",
}

func loadCorpus(t *testing.T) *library.Library {
	t.Helper()
	lib, err := library.Load(os.DirFS("guides"), "guides", false)
	if err != nil {
		t.Fatalf("built-in guides: %v", err)
	}
	return lib
}

func TestCatalogIsComplete(t *testing.T) {
	lib := loadCorpus(t)
	want := map[string]bool{}
	for _, id := range catalog {
		want[id] = true
		for _, lang := range i18n.Langs {
			if _, ok := lib.Get(id, lang); !ok {
				t.Errorf("missing guide %s in %s", id, lang)
			}
		}
	}
	for _, id := range lib.IDs() {
		if !want[id] {
			t.Errorf("guide %s is not in the catalog: add it here", id)
		}
	}
}

func TestCorpusChecksClean(t *testing.T) {
	lib := loadCorpus(t)
	if err := library.Check(lib, nil, time.Now()); err != nil {
		for _, p := range library.Problems(err) {
			if !p.Warning { // facts older than six months are a warning, by design
				t.Error(p)
			}
		}
	}
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

// visibleWords counts the words a reader reads: headings and the text of
// every section, not link targets or Markdown.
func visibleWords(g *library.Guide) int {
	n := 0
	for _, h := range g.Headings {
		n += len(wordRe.FindAllString(h.Text, -1))
	}
	for _, s := range g.Sections {
		n += len(wordRe.FindAllString(s.Text, -1))
	}
	return n
}

// The shape content.md asks of every guide.
func TestGuidesFollowContentRules(t *testing.T) {
	lib := loadCorpus(t)
	for _, g := range lib.Guides("") {
		words := visibleWords(g)
		low := 300
		if g.Section == "templates" {
			low = 120
		}
		if words < low || words > 1500 {
			t.Errorf("%s: %d words, want %d to 1,500", g.Path, words, low)
		}
		if len(g.Sources) == 0 {
			t.Errorf("%s: no sources", g.Path)
		}
		if len(g.Tags) < 3 {
			t.Errorf("%s: only %d tags: add the words people type", g.Path, len(g.Tags))
		}
		inShort := "**In short**"
		if g.Lang == i18n.Spanish {
			inShort = "**En resumen**"
		}
		if !strings.Contains(g.Body, inShort) {
			t.Errorf("%s: no %s list", g.Path, inShort)
		}
		if g.Headings[0].Text != g.Title {
			t.Errorf("%s: the # heading %q differs from the title %q", g.Path, g.Headings[0].Text, g.Title)
		}
		hasLink := false
		for _, l := range g.Links {
			if !l.External() && l.ID != g.ID {
				hasLink = true
			}
		}
		if !hasLink {
			t.Errorf("%s: links to no other guide", g.Path)
		}
	}
}

// The glossary carries at least 60 terms, one ### heading each.
func TestGlossaryTerms(t *testing.T) {
	lib := loadCorpus(t)
	for _, lang := range i18n.Langs {
		g, _ := lib.Get("reference/glossary", lang)
		n := 0
		for _, h := range g.Headings {
			if h.Level == 3 {
				n++
			}
		}
		if n < 60 {
			t.Errorf("%s glossary has %d terms, want at least 60", lang, n)
		}
	}
}

// Guides that discuss discretion policy must say what changed recently:
// 2011-2024 policy is history.
func TestRecentChangesSections(t *testing.T) {
	lib := loadCorpus(t)
	for _, id := range []string{"discretion/what-is-pd", "discretion/forms", "discretion/requesting", "discretion/stay-of-removal", "rights/at-home", "rights/warrants", "rights/court-and-check-ins", "detainers/local-policies"} {
		for _, lang := range i18n.Langs {
			g, _ := lib.Get(id, lang)
			want := "what-changed-recently"
			if lang == i18n.Spanish {
				want = "qué-cambió-recientemente"
			}
			if g.Anchor(want) < 0 {
				t.Errorf("%s: no %q section", g.Path, want)
			}
		}
	}
}

// The embedded snapshot is what guides/ loads to: a guide edited without
// regenerating it would not reach the program.
func TestSnapshotIsCurrent(t *testing.T) {
	lib := loadCorpus(t)
	if string(library.EncodeSnapshot(lib)) != librarySnapshot {
		t.Fatal("internal/snapshot/library.bin is stale: run `go generate .` and commit it")
	}
	if _, err := Library(); err != nil {
		t.Fatalf("the embedded snapshot does not decode: %v", err)
	}
}

// The embedded index is the index of the embedded library, and it loads.
func TestIndexSnapshotIsCurrent(t *testing.T) {
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	built := search.Encode(search.Build(lib))
	if string(built) != indexSnapshot {
		t.Fatal("internal/snapshot/index.bin is stale: run `go generate .` and commit it")
	}
	if _, err := Index(lib); err != nil {
		t.Fatalf("the embedded index does not load: %v", err)
	}
	// A library with other guides merged in is not the one it indexes.
	local, _ := library.Load(fstest.MapFS{"en/rights/at-home.md": {Data: []byte("---\ntitle: Ours\nsummary: S\nsection: rights\norder: 1\n---\n# Ours\n")}}, "ours", true)
	lib.Merge(local)
	if _, err := Index(lib); !errors.Is(err, search.ErrMismatch) {
		t.Errorf("an index loads for a library it was not made from: %v", err)
	}
}
