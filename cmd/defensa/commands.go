package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/colorprofile"

	"defensa/internal/i18n"
	"defensa/internal/library"
	"defensa/internal/render"
	"defensa/internal/search"
	"defensa/internal/textsafe"
)

func runVersion(g *globals, args []string, env *Env) error {
	if args != nil {
		if _, _, err := setup(g, "version", args, env, nil); err != nil {
			return quietHelp(err)
		}
	}
	printVersion(env)
	return nil
}

func printVersion(env *Env) {
	fmt.Fprintf(env.Stdout, "defensa %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func runHelp(g *globals, args []string, env *Env) error {
	_, cat, err := setup(g, "help", args, env, nil)
	if err != nil {
		return quietHelp(err)
	}
	fmt.Fprint(env.Stdout, cat.T("help.main"))
	return nil
}

// quietHelp turns "help was shown" into success.
func quietHelp(err error) error {
	if err == errHelpShown {
		return nil
	}
	return err
}

type listItem struct {
	ID       string    `json:"id"`
	Lang     i18n.Lang `json:"lang"`
	Section  string    `json:"section"`
	Title    string    `json:"title"`
	Summary  string    `json:"summary"`
	Reviewed string    `json:"reviewed"`
}

func runList(g *globals, args []string, env *Env) error {
	var asJSON bool
	pos, cat, err := setup(g, "list", args, env, func(fs *flag.FlagSet) { fs.BoolVar(&asJSON, "json", false, "") })
	if err != nil {
		return quietHelp(err)
	}
	if len(pos) > 0 {
		return usageError{cat.T("cli.extra_args", strings.Join(pos, " "))}
	}
	lib, loadErr := loadLibrary(g)
	if lib == nil {
		return loadErr
	}
	printProblems(env.Stderr, cat, loadErr)
	lang := pickLang(g, env)
	guides := lib.Guides(lang)
	if asJSON {
		items := make([]listItem, 0, len(guides))
		for _, gd := range guides {
			items = append(items, listItem{gd.ID, gd.Lang, gd.Section, gd.Title, gd.Summary, dateOf(gd.Reviewed)})
		}
		return writeJSON(env, items)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	section := ""
	for _, gd := range guides {
		if gd.Section != section {
			if section != "" {
				fmt.Fprintln(tw)
			}
			section = gd.Section
			fmt.Fprintln(tw, cat.Section(section))
		}
		id := gd.ID
		if lang == "" {
			id += " [" + string(gd.Lang) + "]"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", id, gd.Title)
	}
	return tw.Flush()
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func writeJSON(env *Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func runRead(g *globals, args []string, env *Env) error {
	var raw bool
	var width int
	pos, cat, err := setup(g, "read", args, env, func(fs *flag.FlagSet) {
		fs.BoolVar(&raw, "raw", false, "")
		fs.IntVar(&width, "width", 0, "")
	})
	if err != nil {
		return quietHelp(err)
	}
	if len(pos) != 1 {
		return usageError{cat.T("cli.read_needs_id")}
	}
	lib, loadErr := loadLibrary(g)
	if lib == nil {
		return loadErr
	}
	printProblems(env.Stderr, cat, loadErr)
	id, anchor, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(pos[0], "/"), ".md"), "#")
	gd, fellBack, err := lib.Lookup(id, cat.Lang())
	if err != nil {
		msg := cat.T("cli.no_guide", textsafe.String(id))
		if s := lib.Suggest(id, 3); len(s) > 0 {
			msg += "\n" + cat.T("cli.did_you_mean", strings.Join(s, ", "))
		}
		fmt.Fprintln(env.Stderr, msg)
		return errReported
	}
	if fellBack {
		fmt.Fprintln(env.Stderr, cat.T("cli.fallback", cat.LangName(gd.Lang)))
	}
	if raw {
		_, err := fmt.Fprint(env.Stdout, gd.Body)
		return err
	}
	if width <= 0 {
		width = 80
		if env.StdoutIsTerminal && env.TerminalWidth != nil {
			if w := env.TerminalWidth(); w > 0 {
				width = w
			}
		}
	}
	theme := outputTheme(g, env)
	doc, err := render.Render(gd, render.Options{Width: width, Theme: theme, ASCII: g.ascii})
	if err != nil {
		return err
	}
	lines := doc.Lines
	if anchor != "" {
		if i := gd.Anchor(anchor); i >= 0 && doc.Headings[i] >= 0 {
			lines = lines[doc.Headings[i]:]
		} else {
			fmt.Fprintln(env.Stderr, cat.T("cli.no_anchor", textsafe.String(anchor)))
		}
	}
	footer := "\n" + cat.T("reader.disclaimer") + " · " + cat.T("reader.reviewed", dateOf(gd.Reviewed)) + "\n"
	out := colorprofile.NewWriter(env.Stdout, env.Environ)
	_, err = fmt.Fprint(out, strings.Join(lines, "\n")+"\n"+footer)
	return err
}

// outputTheme picks the theme for printed output: none in a pipe or with
// NO_COLOR, else the one asked for, else dark.
func outputTheme(g *globals, env *Env) render.Theme {
	if env.plain() {
		return render.Plain
	}
	if t, ok := render.ParseTheme(g.theme); ok {
		return t
	}
	return render.Dark
}

type searchItem struct {
	ID      string         `json:"id"`
	Lang    i18n.Lang      `json:"lang"`
	Title   string         `json:"title"`
	Heading string         `json:"heading"`
	Anchor  string         `json:"anchor"`
	Score   float64        `json:"score"`
	Snippet search.Snippet `json:"snippet"`
}

func runSearch(g *globals, args []string, env *Env) error {
	var asJSON bool
	var limit int
	pos, cat, err := setup(g, "search", args, env, func(fs *flag.FlagSet) {
		fs.BoolVar(&asJSON, "json", false, "")
		fs.IntVar(&limit, "limit", 10, "")
	})
	if err != nil {
		return quietHelp(err)
	}
	query := strings.Join(pos, " ")
	if strings.TrimSpace(query) == "" {
		return usageError{cat.T("cli.search_needs_query")}
	}
	if limit <= 0 {
		return usageError{cat.T("cli.bad_limit")}
	}
	lib, loadErr := loadLibrary(g)
	if lib == nil {
		return loadErr
	}
	printProblems(env.Stderr, cat, loadErr)
	ix := search.Build(lib)
	// A complete query from the command line: the last word is not partial.
	results := ix.Search(query+" ", search.Options{Lang: searchLang(g), Prefer: cat.Lang(), Limit: limit})
	if asJSON {
		items := make([]searchItem, 0, len(results))
		for _, r := range results {
			items = append(items, searchItem{r.ID, r.Lang, r.Title, r.Heading, r.Anchor, round(r.Score), r.Snippet})
		}
		return writeJSON(env, items)
	}
	if len(results) == 0 {
		fmt.Fprintln(env.Stdout, cat.T("search.none", textsafe.String(query)))
		if s := ix.Suggest(query, 5); len(s) > 0 {
			fmt.Fprintln(env.Stdout, cat.T("search.try", strings.Join(s, ", ")))
		}
		fmt.Fprintln(env.Stdout, cat.T("search.try_glossary"))
		return nil
	}
	open, close := "", ""
	if !env.plain() {
		open, close = "\x1b[1m", "\x1b[22m"
	}
	for i, r := range results {
		where := r.Title
		target := r.ID
		if r.Heading != "" {
			where += " › " + r.Heading
			target += "#" + r.Anchor
		}
		lang := ""
		if searchLang(g) == "" {
			lang = " [" + string(r.Lang) + "]"
		}
		fmt.Fprintf(env.Stdout, "%d. %s%s\n   %s\n   %s\n", i+1, where, lang, target, r.Snippet.Marked(open, close))
	}
	return nil
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func runCheck(g *globals, args []string, env *Env) error {
	pos, cat, err := setup(g, "check", args, env, nil)
	if err != nil {
		return quietHelp(err)
	}
	if len(pos) > 1 {
		return usageError{cat.T("cli.extra_args", strings.Join(pos[1:], " "))}
	}
	// Without a folder, check the built-in guides; with one, check its
	// guides, resolving their links against the built-in ones as well.
	all, embErr := loadLibrary(&globals{})
	target := all
	var problems []*library.Problem
	if len(pos) == 1 {
		dir := pos[0]
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return usageError{cat.T("cli.not_a_folder", textsafe.String(dir))}
		}
		local, localErr := library.Load(os.DirFS(dir), strings.TrimRight(dir, "/"), true)
		problems = append(problems, library.Problems(localErr)...)
		all.Merge(local)
		target = local
	} else {
		problems = append(problems, library.Problems(embErr)...)
	}
	problems = append(problems, library.Problems(library.Check(target, all, env.now()))...)
	slices.SortStableFunc(problems, func(a, b *library.Problem) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
	bad, warnings := map[string]bool{}, 0
	for _, p := range problems {
		fmt.Fprintln(env.Stdout, p.Message(cat))
		if p.Warning {
			warnings++
		} else {
			bad[p.Path] = true
		}
	}
	errorsCount := len(problems) - warnings
	if warnings > 0 {
		fmt.Fprintln(env.Stdout, cat.T("check.warnings", warnings))
	}
	if errorsCount > 0 {
		fmt.Fprintln(env.Stdout, cat.T("check.failed", errorsCount, len(bad)))
		return errReported
	}
	fmt.Fprintln(env.Stdout, cat.T("check.ok", target.Len()))
	return nil
}

// searchLang is the language filter of search: none unless --lang names
// one, since people search in whichever language the words come to them.
func searchLang(g *globals) i18n.Lang {
	if l, ok := i18n.Parse(g.lang); ok {
		return l
	}
	return ""
}
