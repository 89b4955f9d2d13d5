package library

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"defensa/internal/i18n"
	"defensa/internal/textsafe"
)

// MaxGuideSize is the largest guide file read. The longest real guide is a
// few tens of kilobytes; a bigger file is a mistake, not a guide.
const MaxGuideSize = 1 << 20

// frontMatter is the YAML header of a guide, as content.md defines it.
type frontMatter struct {
	Title    string    `yaml:"title"`
	Summary  string    `yaml:"summary"`
	Section  string    `yaml:"section"`
	Order    *int      `yaml:"order"`
	Tags     []string  `yaml:"tags"`
	Reviewed time.Time `yaml:"reviewed"`
	Sources  []Source  `yaml:"sources"`
}

// Load reads every guide in fsys. It returns the guides that could be read
// and, joined into one error, a Problem for every file that could not (or
// that was read only after removing something unsafe). prefix is prepended
// to paths in messages ("guides" for the embedded corpus, the folder for a
// user's own).
func Load(fsys fs.FS, prefix string, local bool) (*Library, error) {
	lib := newLibrary()
	var problems []*Problem
	display := func(p string) string {
		if prefix == "" {
			return p
		}
		return prefix + "/" + p
	}
	var files []string
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, problem(display(p), 0, "load.unreadable", errText(err)))
			if d != nil && d.IsDir() && p != "." {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".md") {
			return nil
		}
		if d.IsDir() {
			problems = append(problems, problem(display(p), 0, "load.is_dir"))
			return fs.SkipDir
		}
		files = append(files, p)
		return nil
	})
	if walkErr != nil {
		problems = append(problems, problem(display("."), 0, "load.unreadable", errText(walkErr)))
	}
	// Parsing (YAML above all) is most of start-up: spread it over the
	// cores, keeping results in file order so messages stay stable.
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
				g, ps := loadFile(fsys, files[i], display(files[i]))
				results[i] = result{g, ps}
			}
		}()
	}
	wg.Wait()
	for _, r := range results {
		problems = append(problems, r.ps...)
		if r.g != nil {
			r.g.Local = local
			lib.add(r.g)
		}
	}
	return lib, joinProblems(problems)
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// loadFile reads and parses one guide. It returns nil when the file cannot
// be used at all.
func loadFile(fsys fs.FS, p, shown string) (*Guide, []*Problem) {
	parts := strings.Split(p, "/")
	if len(parts) == 1 && strings.EqualFold(parts[0], "README.md") {
		return nil, nil // a folder's own README is not a guide
	}
	if len(parts) != 3 {
		return nil, []*Problem{problem(shown, 0, "load.layout")}
	}
	lang := i18n.Lang(parts[0])
	id := parts[1] + "/" + strings.TrimSuffix(parts[2], ".md")
	if !lang.Valid() {
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
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []*Problem{problem(shown, 1, "load.empty")}
	}
	if line := textsafe.FirstInvalidLine(data); line > 0 {
		return nil, []*Problem{problem(shown, line, "load.utf8")}
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	var problems []*Problem
	if line := textsafe.FirstControlLine(text); line > 0 {
		problems = append(problems, problem(shown, line, "load.control"))
	}
	text, _ = textsafe.Clean(text)

	head, body, bodyLine, ok := splitFrontMatter(text)
	if !ok {
		return nil, append(problems, problem(shown, 1, "load.no_front_matter"))
	}
	fm, yamlProblems := parseFrontMatter(head, shown)
	if fm == nil {
		return nil, append(problems, yamlProblems...)
	}
	problems = append(problems, yamlProblems...)
	g := &Guide{
		ID:       id,
		Lang:     lang,
		Section:  parts[1],
		Title:    strings.TrimSpace(fm.Title),
		Summary:  strings.TrimSpace(fm.Summary),
		Tags:     fm.Tags,
		Reviewed: fm.Reviewed,
		Sources:  fm.Sources,
		Body:     body,
		BodyLine: bodyLine,
		Path:     shown,
	}
	if fm.Order != nil {
		g.Order = *fm.Order
	}
	g.hasOrder = fm.Order != nil
	g.declaredSection = strings.TrimSpace(fm.Section)
	g.Headings, g.Links = scanBody(body, bodyLine, id)
	return g, problems
}

type errTooBig int64

func (e errTooBig) Error() string { return "file too large" }

func readLimited(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, errors.New("is a directory")
		}
		if info.Size() > MaxGuideSize {
			return nil, errTooBig(info.Size())
		}
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

var yamlLine = regexp.MustCompile(`line (\d+):\s*`)

// parseFrontMatter decodes the YAML header. The returned front matter is nil
// when the YAML cannot be parsed at all; wrong-typed fields are reported
// one by one with their file line (the YAML starts on file line 2).
func parseFrontMatter(head, shown string) (*frontMatter, []*Problem) {
	var fm frontMatter
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(head), &root); err != nil {
		return nil, yamlProblems(err, shown)
	}
	if len(root.Content) == 0 {
		return &fm, nil
	}
	if root.Content[0].Kind != yaml.MappingNode {
		return nil, []*Problem{problem(shown, 2, "load.fm_not_mapping")}
	}
	if err := root.Content[0].Decode(&fm); err != nil {
		return &fm, yamlProblems(err, shown)
	}
	return &fm, nil
}

func yamlProblems(err error, shown string) []*Problem {
	var te *yaml.TypeError
	var msgs []string
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	var out []*Problem
	for _, m := range msgs {
		line := 2
		if sm := yamlLine.FindStringSubmatchIndex(m); sm != nil {
			n, _ := strconv.Atoi(m[sm[2]:sm[3]])
			line = n + 1
			m = m[:sm[0]] + m[sm[1]:]
		}
		out = append(out, problem(shown, line, "load.yaml", strings.TrimSpace(m)))
	}
	return out
}
