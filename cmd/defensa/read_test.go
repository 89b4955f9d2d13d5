package main

import (
	"bytes"
	"strings"
	"testing"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// Anchors ignore accents and case, and the anchor of the other language's
// guide finds the same heading; --raw and the formatted guide honour them.
func TestReadAnchors(t *testing.T) {
	tests := []struct {
		lang, arg, want, notWant string
	}{
		{"es", "rights/at-home#como-prepararse-desde-ahora", "¿Cómo prepararse desde ahora?", "¿Qué debe hacer cuando alguien toca a la puerta?"},
		{"es", "rights/at-home#CÓMO-PREPARARSE-DESDE-AHORA", "¿Cómo prepararse desde ahora?", ""},
		{"es", "rights/warrants#is-it-a-judges-warrant", "¿Es una orden firmada por un juez?", "¿Cuáles son los dos tipos de orden?"},
		{"en", "rights/warrants#es-una-orden-firmada-por-un-juez", "Is it a judge's warrant?", "What are the two kinds of warrant?"},
		{"en", "rights/warrants#What-Changed-Recently", "What changed recently", "Is the memo legal?"},
	}
	for _, tt := range tests {
		for _, raw := range []bool{false, true} {
			args := []string{"--lang", tt.lang, "read", tt.arg}
			if raw {
				args = append(args, "--raw")
			}
			out, errOut, code := runCmd(t, nil, args...)
			first := strings.TrimLeft(strings.SplitN(strings.TrimLeft(out, "\n"), "\n", 2)[0], "# ")
			if code != 0 || first != tt.want || errOut != "" {
				t.Errorf("%q: exit %d, stderr %q, starts with %q; want %q", args, code, errOut, first, tt.want)
			}
			if tt.notWant != "" && strings.Contains(out, tt.notWant) {
				t.Errorf("%q: shows %q, which comes before the anchor", args, tt.notWant)
			}
		}
	}
	out, errOut, code := runCmd(t, nil, "read", "rights/warrants#no-such-heading")
	if code != 0 || !strings.Contains(errOut, `No heading "#no-such-heading"`) || !strings.Contains(out, "Judge's warrant or ICE form?") {
		t.Errorf("an unknown anchor shows the whole guide with a note: exit %d, %q", code, errOut)
	}
}

// --raw with an anchor prints the Markdown of that section: from its
// heading to the next heading of its level, subsections included.
func TestReadRawSection(t *testing.T) {
	out, _, _ := runCmd(t, nil, "read", "rights/warrants#what-are-the-two-kinds-of-warrant", "--raw")
	if !strings.HasPrefix(out, "## What are the two kinds of warrant?\n") || !strings.Contains(out, "### An ICE warrant") ||
		strings.Contains(out, "## Is it a judge's warrant?") {
		t.Errorf("section Markdown:\n%s", out)
	}
	whole, _, _ := runCmd(t, nil, "read", "rights/warrants", "--raw")
	lib, _ := loadLibrary(&globals{})
	g, _ := lib.Get("rights/warrants", "en")
	if whole != strings.Trim(g.Body, "\n")+"\n" || !strings.Contains(whole, out) {
		t.Error("--raw without an anchor must print the whole body, which holds the section as it is")
	}
}

// read --template prints only the template blocks, as written, ready to
// paste: no Markdown, no formatting, nothing else of the guide, even on a
// terminal; with an anchor, only that section's.
func TestReadTemplate(t *testing.T) {
	lib, _ := loadLibrary(&globals{})
	for _, g := range lib.Guides("") {
		if len(g.Blocks) == 0 {
			continue
		}
		c := &call{cat: i18n.For(g.Lang), g: &globals{}, env: testEnv(nil, nil, &bytes.Buffer{})}
		if err := c.templates(g, -1); err != nil {
			t.Fatalf("%s %s: %v", g.Lang, g.ID, err)
		}
		got := c.out.String()
		if want := blocksText(g.Blocks); unlabelled(got) != want {
			t.Errorf("%s %s: --template printed\n%q\nwant\n%q", g.Lang, g.ID, got, want)
		}
		if labels := strings.Count(got, "===== "); len(g.Blocks) > 1 && labels != len(g.Blocks) || len(g.Blocks) == 1 && labels != 0 {
			t.Errorf("%s %s: %d labels for %d blocks", g.Lang, g.ID, labels, len(g.Blocks))
		}
	}
	// The petition's conviction paragraph comes under what the guide says
	// of it, never as part of the letter.
	for _, lang := range []string{"en", "es"} {
		out, _, _ := runCmd(t, nil, "read", "templates/petition", "--template", "--lang", lang)
		cue := map[string]string{"en": "===== Optional: use this paragraph only if there is a conviction", "es": "===== Opcional: use este párrafo solo si hay una condena"}[lang]
		if !strings.Contains(out, cue) {
			t.Errorf("%s: the optional block is not labelled:\n%s", lang, out)
		}
	}
	// On a terminal too, the text is plain: no Markdown, no colour.
	var out, errOut bytes.Buffer
	env := testEnv(nil, &out, &errOut)
	env.StdoutIsTerminal = true
	env.TerminalSize = func() (int, int) { return 80, 100000 }
	g, _ := lib.Get("templates/petition", "es")
	if code := run([]string{"--lang", "es", "read", "templates/petition", "--template"}, env); code != 0 || unlabelled(out.String()) != blocksText(g.Blocks) {
		t.Errorf("exit %d, %s:\n%s", code, errOut.String(), out.String())
	}
	if strings.ContainsRune(out.String(), 0x1b) || strings.Contains(out.String(), "```") {
		t.Error("--template on a terminal is not plain")
	}
	// A section's templates alone.
	g, _ = lib.Get("templates/call-script", "en")
	h := lib.FindHeading(g, "script-for-calling-ice")
	from, to := sectionLines(g, h)
	var in []library.Block
	for _, b := range g.Blocks {
		if b.Line >= from && b.Line < to {
			in = append(in, b)
		}
	}
	section, _, _ := runCmd(t, nil, "read", "templates/call-script#script-for-calling-ice", "--template")
	if len(in) == 0 || len(in) == len(g.Blocks) || unlabelled(section) != blocksText(in) {
		t.Errorf("the section's %d of %d templates:\n%s", len(in), len(g.Blocks), section)
	}
	// A guide without templates says so.
	_, stderr, code := runCmd(t, nil, "read", "rights/at-home", "--template")
	if code != 1 || !strings.Contains(stderr, "rights/at-home has no template to copy") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

// unlabelled is --template's output without the lines that name blocks.
func unlabelled(s string) string {
	var keep []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(l, "===== ") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "")
}

func blocksText(blocks []library.Block) string {
	var parts []string
	for _, b := range blocks {
		parts = append(parts, strings.TrimRight(b.Text, "\n")+"\n")
	}
	return strings.Join(parts, "\n")
}
