package textsafe

import "testing"

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
		removed        int
	}{
		{"plain", "hola, señora\n\tbien", "hola, señora\n\tbien", 0},
		{"crlf", "a\r\nb\r\n", "a\nb\n", 0},
		{"osc52 clipboard", "x\x1b]52;c;ZXZpbA==\x07y", "x]52;c;ZXZpbA==y", 2},
		{"title change", "\x1b]0;pwned\x1b\\", "]0;pwned\\", 2},
		{"csi", "\x1b[2J\x1b[Hhi", "[2J[Hhi", 2},
		{"c1 csi", "a\u009b31mb", "a31mb", 1},
		{"invalid utf8", "a\xffb", "a\uFFFDb", 1},
		{"del and bell", "a\x7f\x07b", "ab", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := Clean(tt.in)
			if got != tt.want || n != tt.removed {
				t.Errorf("Clean(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.removed)
			}
		})
	}
}

func TestFirstLines(t *testing.T) {
	if got := FirstInvalidLine([]byte("a\nb\n\xffc")); got != 3 {
		t.Errorf("FirstInvalidLine = %d, want 3", got)
	}
	if got := FirstInvalidLine([]byte("ok\nñ")); got != 0 {
		t.Errorf("FirstInvalidLine(valid) = %d, want 0", got)
	}
	if got := FirstControlLine("a\r\nb\n\x1b[0m"); got != 3 {
		t.Errorf("FirstControlLine = %d, want 3", got)
	}
}
