package library

import (
	"bytes"
	"errors"
	"hash/fnv"
	"io"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"defensa/internal/i18n"
	"defensa/internal/textsafe"
)

// MaxFiles is how many entries of a guides folder are looked at: a folder
// copied from a stranger's USB stick may hold anything.
const MaxFiles = 10000

// Load reads every guide in fsys. It returns the guides that could be read
// and, joined into one error, a Problem for every file that could not (or
// that was read only after removing something unsafe). prefix is prepended
// to paths in messages ("guides" for the embedded corpus, the folder for a
// user's own). Only regular files are opened: a folder, a FIFO, a device or
// a socket named like a guide is refused before it is opened, and a
// symbolic link is followed only to a regular file inside fsys.
func Load(fsys fs.FS, prefix string, local bool) (*Library, error) {
	display := func(p string) string {
		if prefix == "" {
			return textsafe.Line(p)
		}
		return textsafe.Line(prefix + "/" + p)
	}
	files, problems := listGuides(fsys, display)
	// Parsing is most of the work: spread it over the cores, keeping
	// results in file order so messages stay stable.
	type result struct {
		g  *Guide
		ps []*Problem
	}
	results := make([]result, len(files))
	workers := min(runtime.GOMAXPROCS(0), max(len(files)/8, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(files); i += workers {
				g, ps := loadFile(fsys, files[i], display(files[i]), local)
				results[i] = result{g, ps}
			}
		}()
	}
	wg.Wait()
	lib := newLibrary()
	for _, r := range results {
		problems = append(problems, r.ps...)
		if r.g != nil {
			lib.add(r.g)
		}
	}
	return lib, joinProblems(problems)
}

// listGuides walks fsys for guide files, refusing what is not one before
// anything is opened.
func listGuides(fsys fs.FS, display func(string) string) ([]string, []*Problem) {
	var (
		files    []string
		problems []*Problem
		seen     int
	)
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, problem(display(p), 0, "load.unreadable", errText(err)))
			if d != nil && d.IsDir() && p != "." {
				return fs.SkipDir
			}
			return nil
		}
		if seen++; seen > MaxFiles {
			problems = append(problems, problem(display("."), 0, "load.too_many_files", MaxFiles))
			return fs.SkipAll
		}
		if p == "." {
			return nil
		}
		if !utf8.ValidString(p) {
			problems = append(problems, problem(display(p), 0, "load.bad_name"))
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		depth := strings.Count(p, "/") + 1
		if d.IsDir() {
			switch {
			case strings.HasSuffix(p, ".md"):
				problems = append(problems, problem(display(p), 0, "load.is_dir"))
				return fs.SkipDir
			case depth > 2:
				// Guides live at LANG/SECTION/SLUG.md: deeper folders hold
				// none, and a nesting bomb is deep.
				problems = append(problems, problem(display(p), 0, "load.layout"))
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".md") {
			return nil
		}
		if err := regularFile(fsys, p, d.Type()); err != nil {
			problems = append(problems, problem(display(p), 0, "load.not_regular", errText(err)))
			return nil
		}
		files = append(files, p)
		return nil
	})
	if walkErr != nil {
		problems = append(problems, problem(display("."), 0, "load.unreadable", errText(walkErr)))
	}
	return files, problems
}

var (
	errNotRegular = errors.New("not a regular file (a folder, pipe, device or socket)")
	errOutside    = errors.New("a link to a file outside the guides folder")
	errLinkLoop   = errors.New("too many symbolic links")
)

// regularFile reports an error unless p, or what its chain of symbolic
// links ends at, is a regular file inside fsys. It never opens p.
func regularFile(fsys fs.FS, p string, mode fs.FileMode) error {
	for hops := 0; ; hops++ {
		if mode&fs.ModeSymlink == 0 {
			if !mode.IsRegular() {
				return errNotRegular
			}
			return nil
		}
		if hops == 8 {
			return errLinkLoop
		}
		dest, err := fs.ReadLink(fsys, p)
		if err != nil {
			return err
		}
		if strings.HasPrefix(dest, "/") || strings.Contains(dest, `\`) || strings.Contains(dest, ":") {
			return errOutside
		}
		next := path.Join(path.Dir(p), dest)
		if !fs.ValidPath(next) || next == "." {
			return errOutside
		}
		info, err := fs.Lstat(fsys, next)
		if err != nil {
			return err
		}
		p, mode = next, info.Mode()
	}
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return textsafe.Line(pe.Err.Error())
	}
	return textsafe.Line(err.Error())
}

// file is what the path of a guide file says about it.
type file struct {
	id      string
	lang    i18n.Lang
	section string
	path    string // as shown in messages
	local   bool
}

// loadFile reads and parses one guide. It returns nil when the file cannot
// be used at all.
func loadFile(fsys fs.FS, p, shown string, local bool) (*Guide, []*Problem) {
	parts := strings.Split(p, "/")
	if len(parts) == 1 && strings.EqualFold(parts[0], "README.md") {
		return nil, nil // a folder's own README is not a guide
	}
	if len(parts) != 3 {
		return nil, []*Problem{problem(shown, 0, "load.layout")}
	}
	f := file{
		id:      parts[1] + "/" + strings.TrimSuffix(parts[2], ".md"),
		lang:    i18n.Lang(parts[0]),
		section: parts[1],
		path:    shown,
		local:   local,
	}
	if !f.lang.Valid() {
		return nil, []*Problem{problem(shown, 0, "load.lang", parts[0])}
	}
	data, err := readLimited(fsys, p)
	if err != nil {
		var tooBig errTooBig
		if errors.As(err, &tooBig) {
			return nil, []*Problem{problem(shown, 0, "load.too_big", int64(tooBig)/1024, MaxGuideSize/1024)}
		}
		return nil, []*Problem{problem(shown, 0, "load.unreadable", errText(err))}
	}
	return parseFile(f, data)
}

// parseFile turns the bytes of a guide file into a Guide.
func parseFile(f file, data []byte) (*Guide, []*Problem) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []*Problem{problem(f.path, 1, "load.empty")}
	}
	if line := textsafe.FirstInvalidLine(data); line > 0 {
		return nil, []*Problem{problem(f.path, line, "load.utf8")}
	}
	raw := strings.TrimPrefix(string(data), "\ufeff")
	var problems []*Problem
	text, removed := textsafe.Text(raw)
	if removed.Any() {
		control, hidden := textsafe.FirstUnsafeLines(raw)
		if control > 0 {
			problems = append(problems, problem(f.path, control, "load.control"))
		}
		if hidden > 0 {
			problems = append(problems, problem(f.path, hidden, "load.hidden"))
		}
	}
	head, body, bodyLine, ok := splitFrontMatter(text)
	if !ok {
		return nil, append(problems, problem(f.path, 1, "load.no_front_matter"))
	}
	fm, fmProblems := parseFrontMatter(head, f.path)
	problems = append(problems, fmProblems...)
	if fm == nil {
		return nil, problems
	}
	parts, limit := parseBody(body, bodyLine, f.id)
	if limit != nil {
		return nil, append(problems, problem(f.path, limit.line, limit.key, limit.limit))
	}
	if parts.html > 0 {
		problems = append(problems, warning(f.path, parts.html, "load.html"))
	}
	return newGuide(f, fm, body, bodyLine, parts), problems
}

// newGuide is the one place a file becomes a Guide. Whatever fields the
// type grows, sanitize cleans every string of it, so none can carry an
// escape sequence or an invisible character to a screen or a page.
func newGuide(f file, fm *frontMatter, body string, bodyLine int, p parsed) *Guide {
	g := &Guide{
		Entry: Entry{
			ID:           f.id,
			Lang:         f.lang,
			Section:      f.section,
			SectionTitle: fm.SectionTitle,
			Title:        fm.Title,
			Summary:      fm.Summary,
			Tags:         fm.Tags,
			Reviewed:     fm.Reviewed,
			FactsAsOf:    fm.FactsAsOf,
			RightNow:     fm.RightNow,
			Hotline:      fm.Hotline,
			Path:         f.path,
			Local:        f.local,
		},
		Sources:  fm.Sources,
		Body:     body,
		BodyLine: bodyLine,
		Headings: p.headings,
		Links:    p.links,
		Blocks:   p.blocks,
		Sections: p.sections,
		meta: fieldFacts{
			lines:           fm.lines,
			declaredSection: fm.Section,
			hasOrder:        fm.Order != nil,
		},
	}
	if fm.Order != nil {
		g.Order = *fm.Order
	}
	sanitize(reflect.ValueOf(g).Elem(), false)
	g.Digest = digest(g)
	return g
}

// digest sums what a guide says: the fields a list or an index reads and
// the Markdown everything else is parsed from.
func digest(g *Guide) uint64 {
	h := fnv.New64a()
	for _, s := range append([]string{g.ID, string(g.Lang), g.Section, g.SectionTitle, g.Title, g.Summary, g.Body}, g.Tags...) {
		_, _ = io.WriteString(h, s)
		_, _ = h.Write([]byte{0})
	}
	if g.RightNow != nil {
		_, _ = io.WriteString(h, g.RightNow.Label)
	}
	return h.Sum64()
}

// sanitize cleans every exported string reachable from v in place: one-line
// text with textsafe.Line, fields tagged `text:"multiline"` with
// textsafe.Text.
func sanitize(v reflect.Value, multiline bool) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			if multiline {
				s, _ := textsafe.Text(v.String())
				v.SetString(s)
			} else {
				v.SetString(textsafe.Line(v.String()))
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				sanitize(v.Field(i), f.Tag.Get("text") == "multiline")
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			sanitize(v.Elem(), multiline)
		}
	case reflect.Slice:
		for i := range v.Len() {
			sanitize(v.Index(i), multiline)
		}
	}
}

type errTooBig int64

func (e errTooBig) Error() string { return "file too large" }

// readLimited reads a regular file of at most MaxGuideSize bytes. The
// entry was checked before; the opened file is checked again, so a file
// swapped for a pipe in between is still refused.
func readLimited(fsys fs.FS, p string) ([]byte, error) {
	if info, err := fs.Stat(fsys, p); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, errNotRegular
	} else if info.Size() > MaxGuideSize {
		return nil, errTooBig(info.Size())
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return nil, errNotRegular
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxGuideSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxGuideSize {
		return nil, errTooBig(len(data))
	}
	return data, nil
}

// splitFrontMatter separates the YAML between the opening and closing "---"
// lines from the body. bodyLine is the file line the body starts on.
func splitFrontMatter(text string) (head, body string, bodyLine int, ok bool) {
	rest, found := strings.CutPrefix(text, "---\n")
	if !found {
		return "", "", 0, false
	}
	lines := 1
	for offset := 0; offset <= len(rest); {
		end := strings.IndexByte(rest[offset:], '\n')
		var line string
		if end < 0 {
			line = rest[offset:]
		} else {
			line = rest[offset : offset+end]
		}
		lines++
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			head = rest[:offset]
			if end < 0 {
				return head, "", lines + 1, true
			}
			return head, rest[offset+end+1:], lines + 1, true
		}
		if end < 0 {
			break
		}
		offset += end + 1
	}
	return "", "", 0, false
}
