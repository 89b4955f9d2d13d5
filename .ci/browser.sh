#!/usr/bin/env bash
# The HTML export in a real browser, as a person sees it: headless
# Chromium (Debian's) takes screenshots of the index and a guide at 360x800
# and 1280x800, checks that no page is wider than a 320 px phone, that the
# optional search works and that pages work without JavaScript, and prints
# the card sheet and two handouts to PDF on US letter and A4; poppler's
# pdfinfo and pdftotext check the page counts (the card sheet one sheet
# per side, each handout one page), the officer's-side English and the
# hotline. Installs chromium and poppler-utils when missing. Bounded in
# time; opens only files, listens on nothing.
#
# The screenshots and PDFs are kept in $BROWSER_OUT (default dist/browser)
# for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

. .ci/need.sh
need chromium chromium
need pdfinfo poppler-utils
need pdftotext poppler-utils

if [ -z "${BROWSER_OUT:-}" ]; then rm -rf dist/browser; fi
out=${BROWSER_OUT:-dist/browser}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
fail() { echo "browser: $*" >&2; exit 1; }

chrome() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --hide-scrollbars \
    --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"
}

echo "== export"
go build -o "$work/defensa" ./cmd/defensa
"$work/defensa" export html "$work/site" --guides internal/export/testdata/local >/dev/null
site=$work/site

echo "== screenshots"
# png_size FILE: the width and height in a PNG's header.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}'; }
for page in en/index.html es/index.html en/rights/at-home.html es/rights/if-detained.html; do
  for size in 360x800 1280x800; do
    png="$out/$(echo "${page%.html}" | tr / -)-$size.png"
    chrome --window-size="${size/x/,}" --screenshot="$png" "file://$site/$page" >/dev/null
    [ -s "$png" ] || fail "no screenshot of $page at $size"
    [ "$(png_size "$png")" = "$size" ] || fail "$png is $(png_size "$png"), not $size"
    [ "$(wc -c <"$png")" -gt 10000 ] || fail "$png looks blank"
  done
done
echo "8 screenshots in $out"

echo "== every page at 320 px"
# A page of this script's own (not of the export) loads every page into a
# 320 px frame and lists those wider than the frame.
(cd "$site" && find . -name '*.html' | sed 's#^\./##' | sort) >"$work/pages.txt"
{
  echo '<!DOCTYPE html><html><body><pre id="out">running</pre><iframe id="f" style="width:320px;height:600px;border:0"></iframe><script>'
  printf 'var pages = ['; sed 's/.*/"&",/' "$work/pages.txt" | tr -d '\n'; echo '];'
  cat <<'EOF'
var i = 0, wide = [], f = document.getElementById("f");
function next() {
  if (i >= pages.length) { document.getElementById("out").textContent = "CHECKED " + pages.length + " WIDE " + (wide.join(" ") || "none"); return; }
  f.src = "site/" + pages[i];
}
f.onload = function () {
  try { var w = f.contentDocument.documentElement.scrollWidth; if (w > 320) { wide.push(pages[i] + "=" + w + "px"); } }
  catch (e) { wide.push(pages[i] + "=" + e); }
  i++; next();
};
next();
</script></body></html>
EOF
} >"$work/width.html"
result=$(chrome --allow-file-access-from-files --virtual-time-budget=120000 --dump-dom "file://$work/width.html" | grep -o 'CHECKED [0-9]* WIDE [^<]*' || true)
[ -n "$result" ] || fail "the width check did not finish"
case "$result" in
  *"WIDE none") echo "${result% WIDE none} pages, none wider than 320 px" ;;
  *) fail "pages wider than 320 px: ${result#*WIDE }" ;;
esac

echo "== search, with and without JavaScript"
dom=$(chrome --dump-dom "file://$site/es/index.html?q=abogado%20gratis")
grep -q '<ol id="Results" class="results"><li><a href="[^"]*legal-help.html' <<<"$dom" || fail "the search for 'abogado gratis' did not list rights/legal-help first"
# Headless Chromium cannot dump a page with scripts switched off, so the
# page is loaded without its script tags: the only scripts there are.
sed 's#<script src="[^"]*"></script>##' "$site/en/index.html" >"$site/en/index.nojs.html"
grep -q "<script" "$site/en/index.nojs.html" && fail "a script tag is left"
dom=$(chrome --dump-dom "file://$site/en/index.nojs.html")
grep -q '<div id="Search" class="search" hidden="">' <<<"$dom" || fail "without JavaScript the search box shows"
grep -q '<a href="rights/at-home.html">ICE is at the door</a>' <<<"$dom" || fail "without JavaScript the index lacks Right now"
echo "search: ok; without JavaScript: ok"

echo "== printing"
# print PAGE PAPER: the page printed to $out, on letter or A4 as asked
# (a copy of the page that names its paper, next to it, so its links hold).
print() {
  local page=$1 paper=$2 copy="${1%.html}.$2.html" pdf
  pdf="$out/$(echo "${page%.html}" | tr / -)-$paper.pdf"
  sed "s#</head>#<style>@page{size:$paper}</style></head>#" "$site/$page" >"$site/$copy"
  chrome --no-pdf-header-footer --print-to-pdf="$pdf" "file://$site/$copy" >/dev/null
  [ -s "$pdf" ] || fail "no PDF of $page on $paper"
  echo "$pdf"
}
# expect PDF PAGES PAPER TEXT...: page count, paper and text of a PDF.
expect() {
  local pdf=$1 pages=$2 paper=$3; shift 3
  local info; info=$(pdfinfo "$pdf")
  grep -q "^Pages: *$pages$" <<<"$info" || fail "$pdf: $(grep ^Pages <<<"$info"), want $pages"
  case "$paper" in
    letter) grep -q "^Page size:.*(letter)" <<<"$info" || fail "$pdf is not on letter: $(grep 'Page size' <<<"$info")" ;;
    A4) grep -q "^Page size:.*(A4)" <<<"$info" || fail "$pdf is not on A4: $(grep 'Page size' <<<"$info")" ;;
  esac
  local text; text=$(pdftotext "$pdf" - | tr -s ' \n' ' ')
  for want in "$@"; do
    grep -qiF -- "$want" <<<"$text" || fail "$pdf lacks: $want"
  done
}
for paper in letter A4; do
  for lang in en es; do
    pdf=$(print "print/$lang/cards.html" $paper)
    expect "$pdf" 2 $paper "I am using my right to remain silent under the Fifth Amendment" "I want to speak to a lawyer." "1-800-555-0199"
    # The officer's side is the second page, and all English.
    pdftotext -f 2 -l 2 "$pdf" - | grep -q "abogado\|puerta" && fail "$pdf: Spanish on the officer's side"
  done
  expect "$(print print/es/cards.html $paper)" 2 $paper "CONOZCA SUS DERECHOS" "No abra la puerta."
  expect "$(print print/en/at-home.html $paper)" 1 $paper "In short" "Words to say" "I do not consent to your entry." "1-800-555-0199" "General information, not legal advice"
  expect "$(print print/es/if-detained.html $paper)" 1 $paper "En resumen" "Qué decir" "Si el agente solo habla inglés" "I am using my right to remain silent." "1-800-555-0199"
done
echo "card sheets: 2 pages (one sheet, both sides); handouts: 1 page; on letter and A4"

# Every handout, in both languages, fits one page on both papers.
for lang in en es; do
  for h in at-home in-a-car in-public at-work if-detained family-plan; do
    for paper in letter A4; do
      pdf=$(print "print/$lang/$h.html" $paper)
      [ "$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')" = 1 ] || fail "$pdf is more than one page"
    done
  done
done
echo "all 12 handouts: one page on letter and on A4"

# A guide prints whole: the disclaimer, the dates and web addresses.
pdf=$(print en/rights/legal-help.html letter)
expect "$pdf" "[0-9]*" letter "General information, not legal advice" "Reviewed" "list of pro bono legal service providers (https://www.justice.gov/"
echo "browser: all checks passed"
