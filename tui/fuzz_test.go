package tui

import (
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/search"
)

// hostile is a guides folder from a stranger's USB stick: escape
// sequences in YAML escapes, C1 controls, bidi overrides, dangerous link
// schemes, a huge heading and a name with a control character.
func hostile() fstest.MapFS {
	fm := "---\ntitle: \"Hotline \\e]52;c;UFdORUQ=\\a\\e]0;PWNED\\a\\x9b31m\"\nsummary: \"Sum\\u009d8;;https://evil/\\u009c mary \\u202eevil\"\n" +
		"section: usb\nsection_title: \"Ours \\e[2J\"\norder: 1\ntags: [\"\\e[5m\"]\nreviewed: 2026-11-01\nfacts_as_of: 2026-06\n" +
		"right_now:\n  label: \"Call \\e]8;;file:///etc/passwd\\a us\"\n  order: 1\n" +
		"sources:\n  - title: \"S\\e[31m\"\n    publisher: P\n    url: \"javascript:alert(1)\"\n---\n"
	body := "# Hotline\n\n[run](javascript:alert(1)) [file](file:///etc/passwd) <data:text/html,x> [ref][r] [tel](tel:+1555\x1b]0;x\x07)\n\n" +
		"[r]: vbscript:msgbox\n\n## " + strings.Repeat("Long heading ", 30) + "\n\n" +
		"```text\n[NAME \x1b[31m] \u202e[DATE]\n```\n\n> > > > > deep\n\n| a | b |\n|---|---|\n| \x1b]52;c;x\x07 | y |\n"
	return fstest.MapFS{
		"en/usb/hot\u0085line.md": {Data: []byte(fm + body)},
		"en/usb/second.md":        {Data: []byte(strings.Replace(fm, "order: 1", "order: 2", 1) + body)},
		"es/usb/second.md":        {Data: []byte(strings.Replace(fm, "order: 1", "order: 2", 1) + body)},
		"en/rights/at-home.md":    {Data: []byte(strings.Replace(fm, "section: usb", "section: rights", 1) + body)},
		// One unbroken line far wider than any window, with wide
		// characters, brackets and an address in it: rows, find and
		// highlights over it.
		"en/usb/wide.md": {Data: []byte(strings.Replace(fm, "order: 1", "order: 3", 1) + "# Wide\n\n" +
			strings.Repeat("a[B]漢字é", 2000) + " https://example.org/" + strings.Repeat("x-", 3000) + "\n\n```text\n" +
			strings.Repeat("[NAME]", 3000) + "\n```\n")},
	}
}

// fuzzKeys are the keys the fuzzer presses: every key any screen binds,
// and some no screen does.
var fuzzKeys = []string{"<enter>", "<esc>", "<tab>", "<s-tab>", "<bs>", "<down>", "<up>", "<left>", "<right>",
	"<pgdown>", "<pgup>", "<home>", "<end>", "<f1>", "<space>", "<ctrl+d>", "<ctrl+u>", "<ctrl+f>", "<ctrl+b>",
	"<ctrl+t>", "<ctrl+g>", "<ctrl+j>", "<ctrl+n>", "<ctrl+p>", "<ctrl+z>", "<ctrl+a>", "<ctrl+e>", "<ctrl+k>", "<ctrl+w>",
	"j", "k", "d", "u", "b", "f", "g", "G", "q", "h", "H", "s", "t", "/", "n", "N", "c", "L", "?", "]", "[", "x", "é", "ñ", "a", "1"}

// decode turns fuzz bytes into messages: keys, pastes, wheel turns and
// resizes.
func decode(data []byte) []tea.Msg {
	var out []tea.Msg
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch {
		case b < 200:
			out = append(out, keys(fuzzKeys[int(b)%len(fuzzKeys)])...)
		case b < 215:
			out = append(out, tea.PasteMsg{Content: "pega\x1b]52;c;x\x07\u202e do"})
		case b < 230:
			out = append(out, tea.MouseWheelMsg{Button: tea.MouseWheelDown}, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
		default:
			if i+2 < len(data) {
				out = append(out, tea.WindowSizeMsg{Width: int(data[i+1]) % 220, Height: int(data[i+2]) % 70})
				i += 2
			}
		}
	}
	return out
}

// safeView reports the first escape sequence or control character in a
// view that is not a colour or weight (SGR): nothing a guide contains can
// reach the terminal as a command.
func safeView(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x1b:
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return s[i:min(i+12, len(s))], false
			}
			j++
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				return s[i:min(j+1, len(s))], false
			}
			i = j
		case c < 0x20 && c != '\n':
			return s[i : i+1], false
		}
	}
	for _, r := range s {
		if r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return string(r), false
		}
	}
	return "", true
}

// FuzzKeys presses random keys, pastes, turns the wheel and resizes over
// a library with a hostile local folder, and checks that nothing panics
// and no view carries an escape sequence other than colours.
func FuzzKeys(f *testing.F) {
	for _, seed := range []string{"", "\x00", "\x00\x02\x05\x03", "\xe8\x28\x0a\x00\x02", "hello\x00", "\x27\x28\x29\x00\x2b"} {
		f.Add([]byte(seed))
	}
	lib := fixtureLibrary(f)
	own, _ := library.Load(hostile(), "usb", true)
	lib.Merge(own)
	ix := search.Build(lib)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lang := range i18n.Langs {
			opts := Options{Lang: lang, Theme: render.Theme(len(data) % 4), FixedTheme: true, ASCII: len(data)%3 == 0,
				Load:  func() (*library.Library, error) { return lib, nil },
				Index: func(*library.Library) *search.Index { return ix }}
			opts.Mouse = len(data)%2 == 0
			hs := start(t, opts, 80, 24)
			check := func() {
				if bad, ok := safeView(hs.m.View().Content); !ok {
					t.Fatalf("escape or control %q in the view:\n%s", bad, hs.screen())
				}
			}
			check()
			for _, msg := range decode(data) {
				hs.send(msg)
				check()
				if quit, intr := hs.quit(); quit || intr {
					break
				}
			}
		}
	})
}
