#!/bin/sh
# Runs the search package's fuzz targets briefly (issue 16: "CI runs each
# briefly"), each from its committed seed corpus in
# internal/search/testdata/fuzz. Self-contained; about 75 seconds.
# Usage: .ci/search.sh [seconds per target, default 20]
set -eu
cd "$(dirname "$0")/.."
t="${1:-20}"
for target in FuzzSearch FuzzLoad FuzzParse; do
	echo "== $target (${t}s)"
	timeout $((t + 120)) go test ./internal/search -run '^$' -fuzz "^${target}\$" -fuzztime "${t}s"
done
