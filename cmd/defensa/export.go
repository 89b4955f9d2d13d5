package main

import (
	"errors"
	"path/filepath"
	"slices"

	"defensa/internal/export"
	"defensa/internal/library"
)

// exporters are what defensa export can make.
var exporters = map[string]func(*library.Library, export.Options) (*export.Result, error){
	"html":  export.HTML,
	"cards": export.Print,
}

// exportKinds lists them, for help and completions.
func exportKinds() []string {
	kinds := make([]string, 0, len(exporters))
	for k := range exporters {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	return kinds
}

func exportCommand() *command {
	return &command{name: "export", guides: true, args: argExport, run: runExport}
}

// runExport writes the library as a website (export html DIR) or as pages
// to print (export cards DIR). It is the one command that writes files,
// and only into DIR.
func runExport(c *call) error {
	if len(c.args) != 2 {
		return usageError{c.cat.T("export.usage")}
	}
	kind, dir := c.args[0], c.args[1]
	build, ok := exporters[kind]
	if !ok {
		return usageError{message(c.cat, "export.bad_kind", kind)}
	}
	lib, err := c.library()
	if err != nil {
		return err
	}
	res, err := build(lib, export.Options{Version: version})
	if err != nil {
		return err
	}
	for _, s := range res.Skipped {
		c.stderr("defensa: " + s.Message(c.cat))
	}
	if err := export.Write(dir, res.Files); err != nil {
		return errors.New(message(c.cat, "export.failed", dir, err.Error()))
	}
	c.say("export.done", len(res.Files), dir, filepath.Join(dir, "index.html"))
	return nil
}
