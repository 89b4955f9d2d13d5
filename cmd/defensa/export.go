package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"defensa/internal/export"
	"defensa/internal/library"
	"defensa/internal/textsafe"
)

// exporters are what defensa export can make.
var exporters = map[string]func(*library.Library, export.Options) (*export.Result, error){
	"html":  export.HTML,
	"cards": export.Print,
}

// runExport writes the library as a website (export html DIR) or as pages
// to print (export cards DIR). It is the one command that writes files,
// and only into DIR.
func runExport(g *globals, args []string, env *Env) error {
	pos, cat, err := setup(g, "export", args, env, nil)
	if err != nil {
		return quietHelp(err)
	}
	if len(pos) != 2 {
		return usageError{cat.T("export.usage")}
	}
	kind, dir := pos[0], pos[1]
	build, ok := exporters[kind]
	if !ok {
		return usageError{cat.T("export.bad_kind", textsafe.String(kind))}
	}
	lib, loadErr := loadLibrary(g)
	var ue usageError
	if lib == nil || errors.As(loadErr, &ue) {
		// Without the --guides folder asked for, the cards would lack
		// its hotline: better to stop.
		return loadErr
	}
	printProblems(env.Stderr, cat, loadErr)
	res, err := build(lib, export.Options{Version: version})
	if err != nil {
		return err
	}
	for _, s := range res.Skipped {
		fmt.Fprintln(env.Stderr, "defensa: "+s.Message(cat))
	}
	if err := export.Write(dir, res.Files); err != nil {
		return errors.New(cat.T("export.failed", textsafe.String(dir), err.Error()))
	}
	shown := textsafe.String(dir)
	_, err = fmt.Fprintln(env.Stdout, cat.T("export.done", len(res.Files), shown, textsafe.String(filepath.Join(dir, "index.html"))))
	return err
}
