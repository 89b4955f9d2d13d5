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
