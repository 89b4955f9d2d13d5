package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	defensa "defensa"
	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/search"
)

// corpus loads the built-in guides, for measurements only: tests and
// goldens use the fixture.
func corpus(b *testing.B) (*library.Library, *library.Guide) {
	lib, err := defensa.Library()
	if err != nil {
		b.Fatal(err)
	}
	var longest *library.Guide
	for _, g := range lib.Guides(i18n.English) {
		if longest == nil || len(g.Body) > len(longest.Body) {
			longest = g
		}
	}
	return lib, longest
}

// BenchmarkFirstFrame measures what stands between start and the first
// frame: building the interface and drawing it, before anything loads.
func BenchmarkFirstFrame(b *testing.B) {
	opts := Options{Lang: i18n.Spanish, Theme: render.Dark, FixedTheme: true}
	var bytes int
	for b.Loop() {
		m := New(opts)
		next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		bytes = len(next.(Model).View().Content)
	}
	b.ReportMetric(float64(bytes), "view-bytes")
}

// BenchmarkOpenLongestGuide measures opening the longest guide at 80x24,
// not drawn before: drawing, layout and the first view.
func BenchmarkOpenLongestGuide(b *testing.B) {
	lib, g := corpus(b)
	opts := Options{Lang: i18n.English, Theme: render.Dark, FixedTheme: true,
		Load: func() (*library.Library, error) { return lib, nil }, Index: func(*library.Library) *search.Index { return nil }}
	for b.Loop() {
		hs := start(b, opts, 80, 24)
		hs.send(openMsg{ref: guideRef{target: g.ID}, fresh: true})
		_ = hs.m.View()
	}
}

// BenchmarkResizeLongestGuide measures a resize of the open longest
// guide: a new layout, no new drawing.
func BenchmarkResizeLongestGuide(b *testing.B) {
	lib, g := corpus(b)
	opts := Options{Lang: i18n.English, Theme: render.Dark, FixedTheme: true,
		Load: func() (*library.Library, error) { return lib, nil }, Index: func(*library.Library) *search.Index { return nil }}
	hs := start(b, opts, 80, 24)
	hs.send(openMsg{ref: guideRef{target: g.ID}, fresh: true})
	widths := []int{81, 82}
	i := 0
	for b.Loop() {
		clear(hs.m.sh.docs) // a new width each time
		hs.send(tea.WindowSizeMsg{Width: widths[i%2] + i%20, Height: 24})
		i++
	}
}

// BenchmarkScroll measures one line of scrolling and the view after it.
func BenchmarkScroll(b *testing.B) {
	lib, g := corpus(b)
	opts := Options{Lang: i18n.English, Theme: render.Dark, FixedTheme: true,
		Load: func() (*library.Library, error) { return lib, nil }, Index: func(*library.Library) *search.Index { return nil }}
	hs := start(b, opts, 80, 24)
	hs.send(openMsg{ref: guideRef{target: g.ID}, fresh: true})
	down, up := keys("j")[0], keys("k")[0]
	for i := 0; b.Loop(); i++ {
		if i%200 < 100 {
			hs.update(down)
		} else {
			hs.update(up)
		}
		_ = hs.m.View()
	}
}

// BenchmarkFindHugeLine measures one keystroke of find in a guide of one
// 250,000-character line (QA 1): the query changes, find runs up to its
// cap, and the line's rows are painted again.
func BenchmarkFindHugeLine(b *testing.B) {
	hs := start(b, hugeLine(b), 80, 24)
	hs.keys("line<enter>/")
	typed, erased := keys("a")[0], keys("<bs>")[0]
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			hs.update(typed)
		} else {
			hs.update(erased)
		}
	}
}
