package tui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"defensa/internal/i18n"
	"defensa/internal/render"
)

// TestGoldenViews keeps what each screen shows, over the fixture library,
// so a change of layout is seen in review. Refresh with
// go test ./tui -run TestGoldenViews -update.
func TestGoldenViews(t *testing.T) {
	cases := []struct {
		name  string
		lang  i18n.Lang
		ascii bool
		w, h  int
		keys  string
	}{
		{"home-80x24", i18n.English, false, 80, 24, ""},
		{"home-40x12", i18n.English, false, 40, 12, ""},
		{"home-200x60", i18n.English, false, 200, 60, ""},
		{"home-es-linux-80x24", i18n.Spanish, true, 80, 24, ""},
		{"section-80x24", i18n.English, false, 80, 24, "<down><down><enter>"},
		{"results-80x24", i18n.English, false, 80, 24, "door"},
		{"results-40x12", i18n.English, false, 40, 12, "warrant"},
		{"no-results-80x24", i18n.Spanish, false, 80, 24, "zzzz"},
		{"reader-80x24", i18n.English, false, 80, 24, "<enter>"},
		{"reader-40x12", i18n.English, false, 40, 12, "<enter>"},
		{"reader-link-80x24", i18n.English, false, 80, 24, "<enter><tab><tab>"},
		{"reader-find-80x24", i18n.English, false, 80, 24, "<enter>/door<enter>"},
		{"contents-80x24", i18n.English, false, 80, 24, "<enter>t"},
		{"template-80x24", i18n.English, false, 80, 24, "support letter<enter>"},
		{"help-60x20", i18n.English, false, 60, 20, "<enter>?"},
		{"help-es-40x10", i18n.Spanish, false, 40, 10, "<f1>"},
		{"too-small-30x8", i18n.Spanish, false, 30, 8, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := testOptions(t, c.lang)
			opts.ASCII = c.ascii
			hs := start(t, opts, c.w, c.h).keys(c.keys)
			golden.RequireEqual(t, hs.screen())
		})
	}
}

// TestGoldenStyled keeps the escape sequences of one screen per theme, so
// a change of colour is seen too.
func TestGoldenStyled(t *testing.T) {
	for _, theme := range []render.Theme{render.Dark, render.Light, render.HighContrast, render.Plain} {
		t.Run(theme.String(), func(t *testing.T) {
			opts := testOptions(t, i18n.English)
			opts.Theme = theme
			hs := start(t, opts, 80, 24)
			golden.RequireEqual(t, hs.m.View().Content)
		})
	}
}
