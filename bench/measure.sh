#!/usr/bin/env bash
# Measures what the budgets of defensa are about, on this machine:
#   - stripped binary size for every release target (budget: linux/amd64 < 20 MB)
#   - peak memory reading the longest guide (budget: < 40 MB)
#   - time to the first screen in a real pseudo-terminal, with a terminal
#     that answers queries and one that never does (budget: < 100 ms)
#   - render speed and search speed (go test -bench)
# Usage: bench/measure.sh   (from the repository root; needs go and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== stripped binary size"
for t in linux/amd64 linux/arm64 linux/386 windows/amd64 windows/386 darwin/amd64 darwin/arm64; do
  os=${t%/*}; arch=${t#*/}
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -ldflags "-s -w -buildid=" -o "$out/defensa-$os-$arch" ./cmd/defensa
  printf '  %-14s %6.1f MB\n' "$t" "$(echo "$(wc -c < "$out/defensa-$os-$arch") / 1048576" | bc -l)"
done
bin=$out/defensa-linux-amd64
[ "$(go env GOOS)/$(go env GOARCH)" = linux/amd64 ] || bin=$out/defensa-native && go build -o "$bin" ./cmd/defensa

echo "== peak memory reading the longest guide"
longest=$("$bin" list --json --lang all | python3 -c '
import json, subprocess, sys
items = json.load(sys.stdin)
sizes = [(len(subprocess.run([sys.argv[1], "read", i["id"], "--raw", "--lang", i["lang"]], capture_output=True).stdout), i["id"], i["lang"]) for i in items]
print("%s %s" % max(sizes)[1:])' "$bin")
set -- $longest
/usr/bin/time -f "  read $1 ($2): max RSS %M KB, %e s" "$bin" read "$1" --lang "$2" > /dev/null
/usr/bin/time -f "  search (index build + query): max RSS %M KB, %e s" "$bin" search deportasion > /dev/null

echo "== first screen in a pseudo-terminal"
python3 bench/firstscreen.py "$bin" 20
python3 bench/firstscreen.py "$bin" 20 --answer

echo "== render and search benchmarks"
go test ./internal/render ./internal/search ./tui -run '^$' -bench . -benchtime 20x 2>&1 | grep -E '^Benchmark'
