package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"defensa/internal/i18n"
	"defensa/internal/render"
)

// BenchmarkReaderFirstScreen measures opening the longest guide in the
// reader at 80x24 until its first screen is drawn: rendering (not cached)
// plus the view. view-bytes is the size of one full screen.
func BenchmarkReaderFirstScreen(b *testing.B) {
	lib := embedded(b)
	id, size := "", 0
	for _, g := range lib.Guides(i18n.English) {
		if len(g.Body) > size {
			id, size = g.ID, len(g.Body)
		}
	}
	var bytes int
	for b.Loop() {
		m := New(lib, Options{Lang: i18n.English, Theme: render.Dark, FixedTheme: true})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m = next.(Model)
		next, cmd := m.Update(openMsg{target: id, fresh: true})
		m = next.(Model)
		next, _ = m.Update(cmd())
		m = next.(Model)
		bytes = len(m.View().Content)
	}
	b.ReportMetric(float64(bytes), "view-bytes")
}

// BenchmarkReaderScroll measures one line of scrolling in an open guide.
func BenchmarkReaderScroll(b *testing.B) {
	m := newModel(b, i18n.English, 80, 24)
	m = send(b, m, openMsg{target: "rights/warrants", fresh: true})
	down := keys("j")[0]
	for b.Loop() {
		next, _ := m.Update(down)
		m = next.(Model)
		_ = m.View()
	}
}
