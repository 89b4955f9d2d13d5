package library

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"defensa/internal/textsafe"
)

// frontMatter is the YAML header of a guide, as content.md defines it, with
// every string cleaned after decoding (an escape inside a double-quoted
// YAML string is decoded by YAML, so cleaning the raw file is not enough).
type frontMatter struct {
	Title, Summary, Section, SectionTitle string
	Order                                 *int
	Tags                                  []string
	Reviewed, FactsAsOf                   time.Time
	Sources                               []Source
	RightNow                              *RightNow
	Hotline                               *Hotline
	lines                                 map[string]int // key -> file line
}

// fmStart is the file line where the YAML starts: line 1 is "---".
const fmStart = 2

// fmDecoder decodes one front matter, collecting problems with their
// lines instead of stopping at the first.
type fmDecoder struct {
	shown    string
	problems []*Problem
}

func (d *fmDecoder) problem(n *yaml.Node, key string, args ...any) {
	d.problems = append(d.problems, problem(d.shown, fileLine(n), key, args...))
}

func fileLine(n *yaml.Node) int { return n.Line + fmStart - 1 }

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// parseFrontMatter decodes the YAML header. The front matter is nil when
// the YAML cannot be read at all; a wrong field is reported at its line and
// left out, so the rest of the guide still loads.
func parseFrontMatter(head, shown string) (*frontMatter, []*Problem) {
	d := &fmDecoder{shown: shown}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(head), &root); err != nil {
		msg, line := err.Error(), fmStart
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
		}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = n+fmStart-1, msg[len(m[0]):]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		return nil, []*Problem{problem(shown, line, "load.yaml", msg)}
	}
	fm := &frontMatter{lines: map[string]int{}}
	if len(root.Content) == 0 {
		return fm, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, []*Problem{problem(shown, fileLine(m), "load.fm_not_mapping")}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		name := k.Value
		if _, dup := fm.lines[name]; dup {
			d.problem(k, "load.fm_duplicate", textsafe.Line(name))
			continue
		}
		fm.lines[name] = fileLine(k)
		switch name {
		case "title":
			fm.Title = d.str(v, name)
		case "summary":
			fm.Summary = d.str(v, name)
		case "section":
			fm.Section = d.str(v, name)
		case "section_title":
			fm.SectionTitle = d.str(v, name)
		case "order":
			if n, ok := d.integer(v, name); ok {
				fm.Order = &n
			}
		case "tags":
			fm.Tags = d.strList(v, name)
		case "reviewed":
			fm.Reviewed = d.date(v, name, time.DateOnly, "YYYY-MM-DD")
		case "facts_as_of":
			fm.FactsAsOf = d.date(v, name, "2006-01", "YYYY-MM")
		case "sources":
			fm.Sources = d.sources(v)
		case "right_now":
			fm.RightNow = d.rightNow(v)
		case "hotline":
			fm.Hotline = d.hotline(v)
		default:
			d.problems = append(d.problems, warning(shown, fileLine(k), "load.fm_unknown", textsafe.Line(name)))
		}
	}
	return fm, d.problems
}

// resolve follows an alias to the node it names, once: YAML aliases are
// how a tiny file expands into a huge one, and a guide needs none.
func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// scalar returns the text of a scalar node, or false with a problem.
func (d *fmDecoder) scalar(n *yaml.Node, field string) (string, bool) {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode {
		d.problem(n, "load.fm_not_text", field)
		return "", false
	}
	if n.Tag == "!!binary" {
		d.problem(n, "load.fm_binary", field)
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return n.Value, true
}

// str decodes a one-line text field and cleans it, saying so when it held
// control or invisible characters.
func (d *fmDecoder) str(n *yaml.Node, field string) string {
	s, ok := d.scalar(n, field)
	if !ok {
		return ""
	}
	out, rm := textsafe.LineCounted(s)
	if rm.Control > 0 {
		d.problem(n, "load.fm_control", field)
	}
	if rm.Hidden > 0 {
		d.problem(n, "load.fm_hidden", field)
	}
	return out
}

func (d *fmDecoder) integer(n *yaml.Node, field string) (int, bool) {
	s, ok := d.scalar(n, field)
	if !ok {
		return 0, false
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		d.problem(n, "load.fm_not_number", field, textsafe.Line(s))
		return 0, false
	}
	return v, true
}

func (d *fmDecoder) strList(n *yaml.Node, field string) []string {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.problem(n, "load.fm_not_list", field)
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if s := d.str(item, field); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// date reads a date field written as layout (quoted or not); a wrong one
// names itself and its line.
func (d *fmDecoder) date(n *yaml.Node, field, layout, shape string) time.Time {
	s, ok := d.scalar(n, field)
	if !ok {
		return time.Time{}
	}
	s = strings.TrimSpace(s)
	t, err := time.Parse(layout, s)
	if err != nil {
		d.problem(n, "load.fm_bad_date", field, textsafe.Line(s), shape)
		return time.Time{}
	}
	return t
}

func (d *fmDecoder) mapping(n *yaml.Node, field string, each func(key string, v *yaml.Node)) bool {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.problem(n, "load.fm_not_mapping_field", field)
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		each(n.Content[i].Value, n.Content[i+1])
	}
	return true
}

func (d *fmDecoder) sources(n *yaml.Node) []Source {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.problem(n, "load.fm_not_list", "sources")
		return nil
	}
	var out []Source
	for i, item := range n.Content {
		var s Source
		field := "sources " + strconv.Itoa(i+1)
		if !d.mapping(item, field, func(key string, v *yaml.Node) {
			switch key {
			case "title":
				s.Title = d.str(v, field+" title")
			case "publisher":
				s.Publisher = d.str(v, field+" publisher")
			case "url":
				s.URL = d.str(v, field+" url")
			case "date":
				s.Date = d.str(v, field+" date")
			}
		}) {
			continue
		}
		out = append(out, s)
	}
	return out
}

func (d *fmDecoder) rightNow(n *yaml.Node) *RightNow {
	r := &RightNow{}
	hasOrder := false
	if !d.mapping(n, "right_now", func(key string, v *yaml.Node) {
		switch key {
		case "label":
			r.Label = d.str(v, "right_now label")
		case "order":
			r.Order, hasOrder = d.integer(v, "right_now order")
		}
	}) {
		return nil
	}
	if r.Label == "" || !hasOrder {
		d.problem(n, "load.fm_right_now")
		return nil
	}
	return r
}

func (d *fmDecoder) hotline(n *yaml.Node) *Hotline {
	h := &Hotline{}
	if !d.mapping(n, "hotline", func(key string, v *yaml.Node) {
		switch key {
		case "name":
			h.Name = d.str(v, "hotline name")
		case "phone":
			h.Phone = d.str(v, "hotline phone")
		case "hours":
			h.Hours = d.str(v, "hotline hours")
		}
	}) {
		return nil
	}
	switch {
	case h.Name == "" || h.Phone == "":
		d.problem(n, "load.fm_hotline")
		return nil
	case !validPhone(h.Phone):
		d.problem(n, "load.fm_hotline_phone", h.Phone)
		return nil
	}
	return h
}
