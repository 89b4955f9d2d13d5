#!/usr/bin/env bash
# The command line's tests that need programs beyond Go and tmux: the
# shells its completions are for (bash, zsh, fish), less (read's pager)
# and groff (the man page). They skip without them elsewhere; here they
# must run. Bounded: apt at most 5 minutes, the tests at most 10.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for p in bash zsh fish less groff tmux; do
  command -v "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -qq
  timeout 300 apt-get install -y -qq "${missing[@]}" >/dev/null
fi

DEFENSA_REQUIRE_SHELLS=1 DEFENSA_REQUIRE_TMUX=1 timeout 600 \
  go test -count=1 -run 'Completion|TestBash|TestFishAndZsh|TestManPage|TestReadOnATerminal|TestReadPager|TestReadPagesOnATerminal' ./cmd/defensa
