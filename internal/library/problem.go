package library

import (
	"errors"
	"fmt"

	"defensa/internal/i18n"
	"defensa/internal/textsafe"
)

// ErrNotFound is returned when no guide has the requested id in any language.
var ErrNotFound = errors.New("guide not found")

// Problem is one thing wrong with one file, at a line when it has one. The
// text is a message key and arguments, so `check` can speak either language.
type Problem struct {
	Path string
	Line int
	Key  string
	Args []any
	// Warning marks a problem that does not make the library wrong, such as
	// a local guide without a translation; check prints it but passes.
	Warning bool
}

func problem(path string, line int, key string, args ...any) *Problem {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = textsafe.String(s)
		}
	}
	return &Problem{Path: textsafe.String(path), Line: line, Key: key, Args: args}
}

// warning is a problem that does not fail check.
func warning(path string, line int, key string, args ...any) *Problem {
	p := problem(path, line, key, args...)
	p.Warning = true
	return p
}

// Error implements error, in English.
func (p *Problem) Error() string { return p.Message(i18n.For(i18n.English)) }

// Message renders the problem as FILE:LINE: message in the catalog's language.
func (p *Problem) Message(c i18n.Catalog) string {
	loc := p.Path
	if p.Line > 0 {
		loc = fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	if p.Key == "" {
		// Not one of ours: an error from elsewhere, shown as it is.
		return loc + ": " + fmt.Sprint(p.Args...)
	}
	return loc + ": " + c.T(p.Key, p.Args...)
}

// Problems unpacks the problems joined into err by Load or Check.
func Problems(err error) []*Problem {
	if err == nil {
		return nil
	}
	var out []*Problem
	var p *Problem
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			out = append(out, Problems(e)...)
		}
		return out
	}
	if errors.As(err, &p) {
		return []*Problem{p}
	}
	return []*Problem{{Args: []any{textsafe.String(err.Error())}}}
}

func joinProblems(ps []*Problem) error {
	if len(ps) == 0 {
		return nil
	}
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errors.Join(errs...)
}
