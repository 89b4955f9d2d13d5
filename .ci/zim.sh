#!/usr/bin/env bash
# The library as Kiwix users get it: build the ZIM with `make zim` (with a
# local guides folder, so its hotline is on the cards), run zimcheck, serve
# it with kiwix-serve on 127.0.0.1 on a free port, fetch a guide page, a
# printable card sheet and full-text searches in both languages, and check
# what comes back. Installs zim-tools, kiwix-tools and curl when missing.
# Every step is bounded in time; nothing listens beyond loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

. .ci/need.sh
need zimwriterfs zim-tools
need zimcheck zim-tools
need kiwix-serve kiwix-tools
need curl curl

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "zim: $*" >&2; exit 1; }

echo "== make zim"
zim=$work/defensa.zim # kiwix-serve names the book after the file: /defensa/...
timeout 300 make --no-print-directory zim ZIM="$zim" ZIM_HTML="$work/html" GUIDES=internal/export/testdata/local >"$work/make.log" 2>&1 ||
  { cat "$work/make.log"; fail "make zim failed"; }
tail -1 "$work/make.log"

echo "== zimcheck"
timeout 120 zimcheck -A "$zim" >"$work/zimcheck.log" 2>&1 || { cat "$work/zimcheck.log"; fail "zimcheck failed"; }
grep -q "Overall Test Status: Pass" "$work/zimcheck.log" || { cat "$work/zimcheck.log"; fail "zimcheck did not pass"; }
echo "zimcheck: pass"

echo "== kiwix-serve on 127.0.0.1"
# A free port: one nothing answers on. kiwix-serve exits at once if it
# cannot listen, which the readiness loop below notices.
port=
for _ in $(seq 50); do
  p=$(( (RANDOM % 20000) + 30000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || fail "no free port"
timeout 120 kiwix-serve --address=127.0.0.1 --port="$port" "$zim" >"$work/serve.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
up=
for _ in $(seq 100); do
  if curl -fsS --max-time 2 -o /dev/null "$base/" 2>/dev/null; then up=1; break; fi
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; fail "kiwix-serve exited"; }
  sleep 0.1
done
[ -n "$up" ] || { cat "$work/serve.log"; fail "kiwix-serve did not answer"; }
if command -v ss >/dev/null 2>&1; then
  listening=$(ss -ltnH "sport = :$port" | awk '{print $4}')
  case "$listening" in
    127.0.0.1:"$port") ;;
    *) fail "kiwix-serve listens on $listening, not only on 127.0.0.1" ;;
  esac
fi

fetch() { curl -fsS --max-time 10 "$base$1" -o "$work/page.html" || fail "GET $1 failed"; }
has() { grep -qF -- "$1" "$work/page.html" || fail "$2 lacks: $1"; }

fetch /defensa/en/rights/at-home.html
has '<h1 id="if-immigration-agents-come-to-your-home">' "the guide page"
has '<meta name="referrer" content="no-referrer">' "the guide page"
has 'href="../../es/rights/at-home.html"' "the guide page"
echo "guide page: ok"

fetch /defensa/print/es/cards.html
has '1-800-555-0199' "the Spanish card sheet"
has 'I am using my right to remain silent' "the Spanish card sheet"
echo "card sheet: ok"

fetch "/search?content=defensa&pattern=warrant"
has 'href="/defensa/en/rights/warrants.html"' "the search for warrant"
fetch "/search?content=defensa&pattern=abogado"
has 'href="/defensa/es/rights/legal-help.html"' "the search for abogado"
echo "full-text search: ok"

# kiwix-serve, without --verbose, keeps no record of what was read.
if grep -q "at-home\|warrant\|abogado" "$work/serve.log"; then
  cat "$work/serve.log"; fail "kiwix-serve logged the pages read"
fi
echo "zim: all checks passed ($(( $(wc -c < "$zim") / 1024 )) KB)"
