package fold

import "testing"

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"Detención":   "detencion",
		"DETENCIÓN":   "detencion",
		"niño":        "nino",
		"plain ascii": "plain ascii",
		"Ünïcödé":     "unicode",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"serch", "search", 1},
		{"raed", "read", 2},
		{"detención", "detencion", 1}, // by rune, not by byte
		{"kitten", "sitting", 3},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.b, c.a, got, c.want)
		}
	}
}
