package main

import (
	"bytes"
	"os/exec"
	"runtime"
	"slices"
	"strings"
)

// pager returns the pager to show b through, and its environment, or nil
// when b goes straight to the terminal: in a pipe, when b fits the
// window, with PAGER=cat, or where there is no pager (Windows, unless
// PAGER names one).
func (c *call) pager(b []byte) (argv, env []string) {
	if !c.env.StdoutIsTerminal {
		return nil, nil
	}
	if _, height := c.env.size(); height > 0 && bytes.Count(b, []byte("\n")) < height {
		return nil, nil
	}
	argv, ours := pagerArgs(c.env.Getenv, runtime.GOOS, exec.LookPath)
	if argv == nil {
		return nil, nil
	}
	if ours {
		// Someone who has never met less learns how to leave it.
		argv = append(argv, lessPrompt(c.cat.T("cmd.pager.prompt")))
	}
	return argv, pagerEnv(c.env.Environ)
}

// pagerArgs is the pager command: the person's $PAGER, else less -R where
// there is one (ours), as git and man do. PAGER=cat means none.
func pagerArgs(getenv func(string) string, goos string, lookPath func(string) (string, error)) (argv []string, ours bool) {
	if fields := strings.Fields(getenv("PAGER")); len(fields) > 0 {
		if fields[0] == "cat" {
			return nil, false
		}
		p, err := lookPath(fields[0])
		if err != nil {
			return nil, false
		}
		return append([]string{p}, fields[1:]...), false
	}
	if goos == "windows" {
		return nil, false
	}
	p, err := lookPath("less")
	if err != nil {
		return nil, false
	}
	return []string{p, "-R"}, true
}

// lessPrompt is less's short prompt (-Ps): hint, then "(END)" at the end,
// with the characters less's prompts treat specially escaped. less draws
// only ASCII in a prompt: anything else is left out.
func lessPrompt(hint string) string {
	hint = strings.Map(func(r rune) rune {
		if r >= 0x80 {
			return -1
		}
		return r
	}, asciiText(hint))
	escaped := strings.NewReplacer(`\`, `\\`, "%", `\%`, "?", `\?`, ":", `\:`, ".", `\.`).Replace(hint)
	return "-Ps" + escaped + "?e  (END)."
}

// pagerEnv is the pager's environment: the person's, with less told to
// keep no history file (~/.lesshst), to read UTF-8, and, unless the
// person set LESS, to pass colours through and quit when the text fits.
func pagerEnv(environ []string) []string {
	env := slices.DeleteFunc(slices.Clone(environ), func(kv string) bool {
		return strings.HasPrefix(kv, "LESSHISTFILE=")
	})
	env = append(env, "LESSHISTFILE=-")
	has := func(name string) bool {
		return slices.ContainsFunc(env, func(kv string) bool { return strings.HasPrefix(kv, name+"=") })
	}
	if !has("LESS") {
		env = append(env, "LESS=FR")
	}
	if !has("LESSCHARSET") {
		env = append(env, "LESSCHARSET=utf-8")
	}
	return env
}

// runPager shows b through the pager argv and waits for the person to
// close it. A pager that cannot start leaves b to be printed as it is.
func (c *call) runPager(argv, env []string, b []byte) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = bytes.NewReader(b)
	cmd.Stdout = c.env.Stdout
	cmd.Stderr = c.env.Stderr
	cmd.Env = env
	c.guard.begin()
	if err := cmd.Start(); err != nil {
		if sig := c.guard.done(); sig != nil {
			return signalled{sig}
		}
		if _, err := c.env.Stdout.Write(b); err != nil {
			return writeError{err}
		}
		return nil
	}
	c.guard.started(cmd.Process)
	// The pager's own exit status says nothing about defensa's output:
	// quitting less before the end is how it is used.
	_ = cmd.Wait()
	if sig := c.guard.done(); sig != nil {
		return signalled{sig}
	}
	return nil
}
