package main

import (
	"cmp"
	"slices"
	"strings"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

func checkCommand() *command {
	return &command{
		name:   "check",
		args:   argDir,
		guides: true,
		run:    runCheck,
	}
}

// runCheck checks the built-in guides or, given a folder (check DIR, or
// --guides DIR), that folder's guides, resolving their links against the
// built-in ones as well. Every problem is one FILE:LINE: line, sorted;
// warnings are marked and counted apart, and only problems fail.
func runCheck(c *call) error {
	if err := c.noArgs(1); err != nil {
		return err
	}
	dir := c.g.guides
	if len(c.args) == 1 {
		if dir != "" && dir != c.args[0] {
			return usageError{c.cat.T("cmd.check.two_folders")}
		}
		dir = c.args[0]
		if err := checkFolder(c.cat, dir); err != nil {
			return err
		}
	}
	all, err := loadLibrary(&globals{})
	if all == nil {
		return err
	}
	problems := library.Problems(err)
	target := all
	if dir != "" {
		local, localErr := loadFolder(dir)
		problems = library.Problems(localErr)
		all.Merge(local)
		target = local
	}
	problems = append(problems, library.Problems(library.Check(target, all, c.env.now()))...)
	slices.SortStableFunc(problems, func(a, b *library.Problem) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
	files, failed, warnings := map[string]bool{}, 0, 0
	for _, p := range problems {
		c.println(problemLine(c.cat, p))
		if p.Warning {
			warnings++
		} else {
			failed++
			files[p.Path] = true
		}
	}
	if dir != "" && target.Len() == 0 && len(problems) == 0 {
		// Most likely the wrong folder, or one a level too high or low.
		c.fail(message(c.cat, "cmd.check.empty", dir))
		return errReported
	}
	c.println(checkSummary(c.cat, target.Len(), failed, len(files), warnings))
	if failed > 0 {
		return errReported
	}
	return nil
}

// checkSummary is check's last line: "112 guides checked: 3 problems in 2
// files, 1 warning".
func checkSummary(cat i18n.Catalog, guides, problems, files, warnings int) string {
	var parts []string
	if problems == 0 {
		parts = append(parts, cat.T("cmd.check.clean"))
	} else {
		parts = append(parts, plural(cat, "cmd.check.problems", problems)+" "+plural(cat, "cmd.check.in_files", files))
	}
	if warnings > 0 {
		parts = append(parts, plural(cat, "cmd.check.warnings", warnings))
	}
	return plural(cat, "cmd.check.guides", guides) + ": " + strings.Join(parts, ", ")
}

// plural formats the message for n under key+".one" or key+".other".
func plural(cat i18n.Catalog, key string, n int) string {
	if n == 1 {
		return cat.T(key+".one", n)
	}
	return cat.T(key+".other", n)
}
