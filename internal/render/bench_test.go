package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	defensa "defensa"
	"defensa/internal/library"
)

// longest returns the longest built-in guide, the worst case to render.
func longest(b *testing.B) *library.Guide {
	b.Helper()
	lib, err := defensa.Library()
	if err != nil {
		b.Fatal(err)
	}
	var best *library.Guide
	for _, g := range lib.Guides("") {
		if best == nil || len(g.Body) > len(best.Body) {
			best = g
		}
	}
	return best
}

// BenchmarkRender renders the longest guide at 80 columns in each theme and
// writes it for each colour profile, as `defensa read` does; bytes/op
// reports the size of what reaches the terminal.
func BenchmarkRender(b *testing.B) {
	g := longest(b)
	profiles := []struct {
		name string
		p    colorprofile.Profile
	}{{"truecolor", colorprofile.TrueColor}, {"256", colorprofile.ANSI256}, {"16", colorprofile.ANSI}, {"none", colorprofile.NoTTY}}
	for _, theme := range []Theme{Dark, Light, HighContrast, Plain} {
		for _, prof := range profiles {
			b.Run(theme.String()+"/"+prof.name, func(b *testing.B) {
				var out bytes.Buffer
				for b.Loop() {
					out.Reset()
					d, err := Render(g, Options{Width: 80, Theme: theme})
					if err != nil {
						b.Fatal(err)
					}
					w := &colorprofile.Writer{Forward: &out, Profile: prof.p}
					_, _ = w.WriteString(strings.Join(d.Lines, "\n"))
				}
				b.ReportMetric(float64(out.Len()), "out-bytes")
				b.ReportMetric(float64(len(g.Body)), "md-bytes")
			})
		}
	}
}
