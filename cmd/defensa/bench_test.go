package main

import (
	"bytes"
	"testing"
)

// BenchmarkParse measures reading a command line: finding the command
// among the flags, parsing them once and settling the language. It is
// done once a run, before anything is loaded.
func BenchmarkParse(b *testing.B) {
	env := testEnv(map[string]string{"LANG": "es_MX.UTF-8"}, &bytes.Buffer{}, &bytes.Buffer{})
	args := []string{"--lang", "es", "read", "rights/at-home#como-prepararse-desde-ahora", "--width", "60", "--no-pager"}
	for b.Loop() {
		if _, err := parse(args, commands(), env); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHelp measures the general help, made from the command table.
func BenchmarkHelp(b *testing.B) {
	for b.Loop() {
		var out bytes.Buffer
		if code := run([]string{"--help"}, testEnv(nil, &out, &bytes.Buffer{})); code != 0 {
			b.Fatal(code)
		}
	}
}
