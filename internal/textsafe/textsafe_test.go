package textsafe

import (
	"strings"
	"testing"
	"unicode"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
		removed        Removed
	}{
		{"plain", "hola, señora\n\tbien", "hola, señora\n\tbien", Removed{}},
		{"crlf", "a\r\nb\r\n", "a\nb\n", Removed{}},
		{"osc52 clipboard", "x\x1b]52;c;ZXZpbA==\x07y", "xy", Removed{Control: 1}},
		{"title change", "\x1b]0;pwned\x1b\\", "", Removed{Control: 1}},
		{"csi", "\x1b[2J\x1b[Hhi", "hi", Removed{Control: 2}},
		{"c1 csi", "a\u009b31mb", "ab", Removed{Control: 1}},
		{"c1 osc", "a\u009d8;;x\u009cb", "ab", Removed{Control: 1}},
		{"unterminated osc stops at the line's end", "a\x1b]0;x\nb", "a\nb", Removed{Control: 1}},
		{"two-character escape", "a\x1bcb", "ab", Removed{Control: 1}},
		{"invalid utf8", "a\xffb", "a\uFFFDb", Removed{Control: 1}},
		{"del and bell", "a\x7f\x07b", "ab", Removed{Control: 2}},
		{"right-to-left override reverses a number", "call \u202e0817-898-008-1", "call 0817-898-008-1", Removed{Hidden: 1}},
		{"isolates", "\u2066a\u2067b\u2068c\u2069", "abc", Removed{Hidden: 4}},
		{"zero-width space inside a word", "ab\u200bogado", "abogado", Removed{Hidden: 1}},
		{"byte-order mark and soft hyphen", "\ufeffcorte\u00ad", "corte", Removed{Hidden: 2}},
		{"tag characters", "hi\U000e0041\U000e0042", "hi", Removed{Hidden: 2}},
		{"private use, where defensa keeps its markers", "a\U000f0001b\ue000c", "abc", Removed{Hidden: 2}},
		{"joiner between digits", "1\u200d800", "1800", Removed{Hidden: 1}},
		{"joiner in an emoji sequence stays", "👩\u200d👧", "👩\u200d👧", Removed{}},
		{"combining flood", "e" + strings.Repeat("\u0301", 40), "e" + strings.Repeat("\u0301", maxMarks), Removed{Hidden: 40 - maxMarks}},
		{"real accents stay", "Nguyễn cafe\u0301", "Nguyễn cafe\u0301", Removed{}},
		{"line separator is a newline", "a\u2028b", "a\nb", Removed{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rm := Text(tt.in)
			if got != tt.want || rm != tt.removed {
				t.Errorf("Text(%q) = %q, %+v; want %q, %+v", tt.in, got, rm, tt.want, tt.removed)
			}
		})
	}
}

func TestLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hotline", "Hotline"},
		{"  two\nlines\tand  tabs \n", "two lines and tabs"},
		{"Hotline \x1b]52;c;UFdORUQ=\x07\x1b]0;PWNED\x07 now", "Hotline now"},
		{"name\r\nforged: line", "name forged: line"},
		{"\u202etxt.exe", "txt.exe"},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Whatever comes in, nothing that can drive a terminal or hide text comes
// out.
func FuzzText(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "\u202e123", "e\u0301\u0301", "👩\u200d👧", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{first(Text(s)), Line(s)} {
			for _, r := range out {
				if r != '\n' && r != '\t' && IsControl(r) || r != '\u200c' && r != '\u200d' && IsHidden(r) {
					t.Fatalf("%q kept %U", s, r)
				}
			}
			if again, rm := Text(out); again != out || rm.Any() {
				t.Fatalf("cleaning is not idempotent on %q", s)
			}
		}
		if strings.ContainsAny(Line(s), "\n\t\r") || strings.TrimFunc(Line(s), unicode.IsSpace) != Line(s) && strings.TrimSpace(Line(s)) != Line(s) {
			t.Fatalf("Line(%q) = %q is not one trimmed line", s, Line(s))
		}
	})
}

func first(s string, _ Removed) string { return s }

func TestFirstLines(t *testing.T) {
	if got := FirstInvalidLine([]byte("a\nb\n\xffc")); got != 3 {
		t.Errorf("FirstInvalidLine = %d, want 3", got)
	}
	if got := FirstInvalidLine([]byte("ok\nñ")); got != 0 {
		t.Errorf("FirstInvalidLine(valid) = %d, want 0", got)
	}
	if c, h := FirstUnsafeLines("a\r\nb\n\x1b[0m\n\u202ex"); c != 3 || h != 4 {
		t.Errorf("FirstUnsafeLines = %d, %d; want 3, 4", c, h)
	}
	if c, h := FirstUnsafeLines("señora\n👩\u200d👧\n"); c != 0 || h != 0 {
		t.Errorf("FirstUnsafeLines(clean) = %d, %d; want 0, 0", c, h)
	}
}
