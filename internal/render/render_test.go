package render

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

const sample = `---
title: At home
summary: S
section: rights
order: 1
reviewed: 2026-11-01
---
# At home

**In short**

- Keep the door closed; read [the warrant guide](../rights/warrants.md#judge-or-ice) first.
- Visit [ICE](https://www.ice.gov/) for forms.

## Is it a judge's warrant?

A long paragraph that goes on and on so that it has to wrap across several lines of the window at a narrow width, then ends.

### What to say

Say: "I do not consent." See [the glossary](../reference/glossary.md).
`

func sampleGuide(t testing.TB) *library.Guide {
	t.Helper()
	lib, err := library.Load(fstest.MapFS{"en/rights/at-home.md": {Data: []byte(sample)}}, "", false)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := lib.Get("rights/at-home", i18n.English)
	return g
}

func TestRenderFindsHeadingsAndLinks(t *testing.T) {
	g := sampleGuide(t)
	for _, theme := range []Theme{Dark, Light, HighContrast, Plain} {
		for _, width := range []int{40, 80} {
			d, err := Render(g, Options{Width: width, Theme: theme})
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range d.Headings {
				if line < 0 || !strings.Contains(d.Plain[line], strings.Fields(g.Headings[i].Text)[0]) {
					t.Errorf("%v/%d: heading %q at line %d", theme, width, g.Headings[i].Text, line)
				}
			}
			for i, s := range d.Links {
				if s.Line < 0 {
					t.Errorf("%v/%d: link %q not found", theme, width, g.Links[i].Text)
					continue
				}
				got := string([]rune(d.Plain[s.Line])[s.Start:s.End])
				if !strings.HasPrefix(g.Links[i].Text, strings.TrimSpace(got)) {
					t.Errorf("%v/%d: link %d spot %+v shows %q", theme, width, i, s, got)
				}
			}
			all := strings.Join(d.Plain, "\n")
			if strings.Contains(all, "warrants.md") {
				t.Errorf("a relative link path leaked onto the screen:\n%s", all)
			}
			if !strings.Contains(all, "https://www.ice.gov/") {
				t.Errorf("a web address must be shown in full:\n%s", all)
			}
			for _, line := range d.Plain {
				if w := len([]rune(line)); w > width {
					t.Errorf("line wider than %d: %q", width, line)
				}
			}
			if theme == Plain && strings.Contains(strings.Join(d.Lines, ""), "\x1b") {
				t.Error("plain theme must have no escape sequences")
			}
		}
	}
}

func TestCompact(t *testing.T) {
	in := "\x1b[1mHi\x1b[m\x1b[38;5;252m\x1b[m \x1b[38;5;252m \x1b[m  "
	if got, want := compact(in), "\x1b[1mHi\x1b[m"; got != want {
		t.Errorf("compact = %q, want %q", got, want)
	}
}

// FuzzRender sends arbitrary Markdown through the loader and the renderer,
// the path from a guide file to the screen: no panic, and no escape
// sequence other than the renderer's own colour codes and hyperlinks.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		sample,
		"# T\n\n```\n\x1b[2J\n```\n",
		"# T\n\n[a](javascript:alert(1)) [b](../x/y.md#z) ![i](x.png)\n",
		"# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"# T\n\n> quote\n\n- [ ] task\n- [x] done\n\n1. one\n",
		"# \x1b]0;title\x07\n",
		"# T\n\n<script>x</script>\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		data := "---\ntitle: T\nsection: rights\n---\n" + body
		lib, _ := library.Load(fstest.MapFS{"en/rights/x.md": {Data: []byte(data)}}, "", false)
		g, ok := lib.Get("rights/x", i18n.English)
		if !ok {
			return
		}
		for _, theme := range []Theme{Dark, Plain} {
			d, err := Render(g, Options{Width: 60, Theme: theme})
			if err != nil {
				return
			}
			for _, line := range d.Lines {
				if bad := unsafeSequence(line); bad != "" {
					t.Fatalf("unsafe sequence %q in %q", bad, line)
				}
			}
		}
	})
}

// unsafeSequence returns the first escape sequence in s that is not a
// colour (SGR) or an OSC 8 hyperlink, or "" when there is none.
func unsafeSequence(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != 0x1b && c != 0x07 && (c >= 0x20 || c == '\t') {
			continue
		}
		rest := s[i:]
		switch {
		case sgr.MatchString(rest):
			i += len(sgr.FindString(rest)) - 1
		case osc8.MatchString(rest):
			i += len(osc8.FindString(rest)) - 1
		default:
			return rest[:min(len(rest), 12)]
		}
	}
	return ""
}

var (
	sgr  = regexp.MustCompile(`^\x1b\[[0-9;:]*m`)
	osc8 = regexp.MustCompile(`^\x1b\]8;[^\x07\x1b]*(\x07|\x1b\\)`)
)

func TestListItemsHangIndent(t *testing.T) {
	lib, err := library.Load(fstest.MapFS{"en/rights/l.md": {Data: []byte("---\ntitle: L\nsection: rights\n---\n# L\n\n- A first item that is long enough that it has to wrap over more than one line here.\n- Short.\n\n1. A numbered step that goes on long enough to wrap onto a second line too.\n\n- [ ] A task that is long enough to wrap onto the next line of the window.\n")}}, "", false)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := lib.Get("rights/l", i18n.English)
	for _, theme := range []Theme{Dark, Plain} {
		d, err := Render(g, Options{Width: 40, Theme: theme})
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(d.Plain, "\n")
		for _, want := range []string{"\n  it has to wrap", "\n   enough to wrap", "\n    "} {
			if !strings.Contains(text, want) {
				t.Errorf("%v: wrapped item lines must start under the text (%q):\n%s", theme, want, text)
			}
		}
		for _, l := range d.Plain {
			if len([]rune(l)) > 40 {
				t.Errorf("%v: line wider than 40: %q", theme, l)
			}
		}
	}
}
