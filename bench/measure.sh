#!/usr/bin/env bash
# What issue 13's budgets are about, measured on this machine, side by side:
#   - the stripped linux/amd64 binary (budget: under 11 MB), and the other
#     release targets;
#   - start-up, against a bare Bubble Tea v2 program and `defensa version`
#     (bench/startup.py: first screen <= 1.5x bare, read <= 2x version,
#     search <= 2.5x version, peak RSS < 20 MiB);
#   - the benchmarks of loading, indexing, rendering and searching.
# Usage: bench/measure.sh [runs]   (from anywhere; needs go and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== stripped binaries"
for t in linux/amd64 linux/arm64 linux/386 windows/amd64 windows/386 darwin/amd64 darwin/arm64; do
  os=${t%/*}; arch=${t#*/}
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -buildvcs=false -ldflags "-s -w -buildid=" -o "$out/defensa-$os-$arch" ./cmd/defensa
  printf '  %-14s %10d bytes\n' "$t" "$(wc -c < "$out/defensa-$os-$arch")"
done

echo "== start-up, side by side"
CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags "-s -w -buildid=" -o "$out/defensa" ./cmd/defensa
CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags "-s -w -buildid=" -o "$out/hello" ./bench/hello
python3 bench/startup.py "$out/defensa" "$out/hello" --runs "$runs"

echo "== benchmarks"
go test ./internal/library ./internal/search ./internal/render ./cmd/defensa ./tui -run '^$' \
  -bench 'DecodeSnapshot|Load|Build$|QueryLatency|Render|Commands|FirstFrame|Open' -benchmem 2>&1 | grep -E '^Benchmark'
