package main

import (
	"bytes"
	"testing"
)

// BenchmarkCommands runs whole commands in process, as bench/startup.py
// runs them as processes (which adds start-up to these figures).
func BenchmarkCommands(b *testing.B) {
	for _, args := range [][]string{
		{"version"},
		{"list"},
		{"read", "reference/glossary"},
		{"search", "detuvieron", "a", "mi", "esposo"},
	} {
		b.Run(args[0], func(b *testing.B) {
			for b.Loop() {
				var out, errOut bytes.Buffer
				if code := run(args, testEnv(nil, &out, &errOut)); code != 0 {
					b.Fatalf("%v: exit %d: %s", args, code, errOut.String())
				}
			}
		})
	}
}
