package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// The style sheets and the search script are written here rather than
// embedded: only embed.go embeds. The site works on phone browsers from
// ten years ago (no grid, no custom properties, ES5 script), at 320 px
// wide, in light and dark, and prints on letter and A4.
const (
	cardsSheet   = "assets/cards.css"
	handoutSheet = "assets/handout.css"
)

const siteCSS = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;font-size:106.25%;line-height:1.55;color:#1b1b1b;background:#fff;word-wrap:break-word;overflow-wrap:break-word}
[hidden]{display:none!important}
.wrap{max-width:44em;margin:0 auto;padding:0 16px}
a{color:#0b57b0}
a:visited{color:#6b3fa0}
a:focus{outline:3px solid #e0a800;outline-offset:1px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#000;padding:8px 12px;z-index:2}
.skip:focus{left:8px}
.bar{background:#8b1111;color:#fff;padding:10px 0;line-height:1.9}
.bar .wrap{overflow:hidden}
.bar a,.bar a:visited{color:#fff}
.bar .home{font-weight:700;text-decoration:none;margin-right:4px}
.bar .lang{float:right;border:1px solid #fff;border-radius:4px;padding:0 10px;margin-left:8px;text-decoration:none;font-weight:600}
h1{font-size:1.75em;line-height:1.2;margin:.7em 0 .3em}
h2{font-size:1.3em;line-height:1.25;margin:1.6em 0 .5em;padding-top:.5em;border-top:1px solid #ddd}
h3{font-size:1.1em;line-height:1.3;margin:1.3em 0 .4em}
h4,h5,h6{font-size:1em;margin:1.2em 0 .3em}
p,ul,ol,dl{margin:.6em 0}
ul,ol{padding-left:1.6em}
li{margin:.3em 0}
dt{font-weight:700;margin-top:.6em}
dd{margin-left:1.2em}
blockquote{margin:1em 0;padding:.1em 1em;border-left:4px solid #bbb;color:#333}
pre{white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere;background:#f5f5f5;border:1px solid #ccc;border-radius:4px;padding:10px 12px;font-size:.9em;line-height:1.45}
code{font-family:SFMono-Regular,Menlo,Consolas,"Liberation Mono","Courier New",monospace;font-size:.92em}
p code,li code,td code{background:#f0f0f0;padding:0 .2em;border-radius:3px}
.table{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:1em 0}
table{border-collapse:collapse;min-width:100%}
th,td{border:1px solid #bbb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
.addr{display:none}
.meta{color:#555;font-size:.88em;margin:.2em 0 1em}
.meta.end{margin-top:2em}
.note{background:#fff6d6;border-left:4px solid #c79a00;padding:8px 12px}
.lede{font-size:1.05em;color:#333;margin-top:0}
.now ul,ul.now{list-style:none;padding:0}
.now li{margin:.5em 0}
.now a,.now a:visited{display:block;padding:12px 14px;border:2px solid #8b1111;border-radius:6px;font-weight:700;text-decoration:none;color:#8b1111;background:#fff7f7}
.now .tag{margin-left:14px}
.toc li{margin:.55em 0}
ul.guides{list-style:none;padding:0}
ul.guides li{margin:.9em 0}
ul.guides a{font-weight:700}
.sum{color:#444;font-size:.94em}
.tag{font-size:.8em;color:#555;border:1px solid #bbb;border-radius:3px;padding:0 4px;white-space:nowrap}
.sources ol{padding-left:1.6em;font-size:.92em}
.foot{border-top:1px solid #ddd;margin-top:2em;padding:.6em 0;color:#555;font-size:.88em}
.search{margin:1em 0 1.5em}
.search label{display:block;font-weight:700;margin-bottom:4px}
.search input{width:100%;font-size:1.1em;padding:10px;border:2px solid #555;border-radius:6px;background:#fff;color:#000}
.status{color:#555;font-size:.9em;margin:.4em 0}
.results{padding-left:1.4em}
.results li{margin:.5em 0}
.results .in{display:block;color:#555;font-size:.88em}
.langpart{margin:1.2em 0 2em}
.root h1{margin-bottom:0}
.jump{font-size:1.1em;font-weight:700;margin-top:.2em}
.all a{font-weight:700}
.howto{margin-bottom:1em}
@media screen and (prefers-color-scheme:dark){
body{background:#121212;color:#e6e6e6}
a{color:#8ab4f8}
a:visited{color:#c5a3f5}
.meta,.sum,.status,.foot,.results .in,.lede{color:#b5b5b5}
pre,p code,li code,td code,th{background:#1e1e1e;border-color:#444}
th,td{border-color:#555}
h2,.foot{border-color:#333}
blockquote{color:#ccc;border-color:#555}
.now a,.now a:visited{background:#2a1414;color:#ffb3b3;border-color:#ff8a8a}
.note{background:#2b2410;color:#f0e2b6}
.tag{color:#bbb;border-color:#666}
.search input{background:#1e1e1e;color:#e6e6e6;border-color:#999}
}
@page{margin:16mm 15mm}
@media print{
body{font-size:10.5pt;line-height:1.4;color:#000;background:#fff}
.bar,.skip,.search,.toc,.noprint,.foot{display:none!important}
.wrap{max-width:none;padding:0}
a,a:visited{color:#000}
.addr{display:inline;word-wrap:break-word;overflow-wrap:anywhere}
h1,h2,h3,h4,dt{page-break-after:avoid;break-after:avoid}
h2{border-top:1px solid #999}
pre,blockquote,tr,li,img,.table,.note{page-break-inside:avoid;break-inside:avoid}
pre,th,p code,li code,td code{background:none}
pre{border:1px solid #999}
.table{overflow:visible}
table{width:100%;min-width:0}
th,td{word-wrap:break-word;overflow-wrap:anywhere}
.now a{border:1px solid #000;color:#000;background:none;padding:4px 8px}
.meta,.sum,.lede{color:#000}
}
`

// cardsCSS lays out a sheet of cards: on paper, two columns of four
// credit-card-size cards centred across the page, at the same place on
// both sides, with cut marks; on a screen, the cards simply flow.
const cardsCSS = `@page{size:auto;margin:0}
body.sheet{background:#eee}
.card{display:inline-block;vertical-align:top;width:85.6mm;max-width:100%;min-height:54mm;overflow:hidden;margin:0 6px 6px 0;padding:3.2mm 3.8mm;background:#fff;color:#000;font-family:Arial,"Helvetica Neue",Helvetica,"Liberation Sans",sans-serif;font-size:8.4pt;line-height:1.22;border:1px dashed #999}
.card .ct{margin:0 0 1.4mm;padding-bottom:.8mm;font-weight:700;font-size:9.4pt;letter-spacing:.02em;text-transform:uppercase;color:#a50000;border-bottom:.6mm solid #a50000}
.card ul{margin:0;padding-left:3.4mm}
.card li{margin:0 0 .7mm}
.card p{margin:0 0 .9mm}
.card .hl{margin:1.2mm 0 0;font-size:8.8pt}
.blank{display:inline-block;width:36mm;border-bottom:.3mm solid #000}
.page{margin:0 auto 12px;max-width:190mm;padding:0 8px}
.mark{display:none}
.card+.card{display:none}
@media print{
body.sheet{background:#fff}
.page{position:relative;height:250mm;max-width:none;margin:0;padding:22mm 0 0;page-break-after:always;break-after:page}
.page.back{page-break-after:auto;break-after:auto}
.grid{position:relative;width:171.2mm;height:216mm;margin:0 auto}
.card,.card+.card{display:block;float:left;max-width:none;height:54mm;min-height:0;margin:0;border:0}
.front .card{border:.2mm dashed #aaa}
.mark{display:block;position:absolute;width:0;height:0}
.mark.v{height:8mm;border-left:.25mm solid #000;margin-left:-.125mm}
.mark.h{width:8mm;border-top:.25mm solid #000;margin-top:-.125mm}
}
`

// handoutCSS sets a handout on one page of letter or A4: the narrower
// width of A4 and the shorter height of letter.
const handoutCSS = `@page{size:auto;margin:12mm 13mm}
.sheet1 .kicker{margin:.8em 0 0;font-size:.8em;letter-spacing:.04em;text-transform:uppercase;color:#8b1111}
.sheet1 h1{margin-top:.2em}
.hotline{border:2px solid #8b1111;border-radius:4px;padding:6px 10px;font-size:1.1em}
.inshort ul{padding-left:1.3em}
.say{padding-left:1.3em}
.say li{margin:.5em 0}
.say .en{color:#333}
@media print{
body.handout{font-size:13pt;line-height:1.35}
.sheet1 h1{font-size:21pt;margin:1mm 0 2mm}
.sheet1 h2{font-size:15pt;margin:3mm 0 1.5mm;padding-top:1.5mm}
.say strong{font-size:1.08em}
.sheet1 p,.sheet1 ul{margin:1mm 0}
.sheet1 li{margin:.8mm 0;page-break-inside:auto;break-inside:auto}
.sheet1.dense{font-size:11pt;line-height:1.3}
.sheet1.dense h1{font-size:18pt}
.hotline{font-size:12pt;padding:1.5mm 3mm}
.sheet1 .meta{font-size:8.5pt;margin:2mm 0 0}
}
`

// searchJS adds search-as-you-type to an index page. Every page works
// without it: it only reveals the search box, and it reads, stores and
// sends nothing but what is typed into that box, on that page.
const searchJS = `(function () {
  "use strict";
  var data = window.DEFENSA_SEARCH;
  var box = document.getElementById("Search");
  var input = document.getElementById("Query");
  var list = document.getElementById("Results");
  var status = document.getElementById("Status");
  if (!data || !box || !input || !list || !status || !document.createTextNode) { return; }
  var accents = {"\u00e1":"a","\u00e0":"a","\u00e4":"a","\u00e2":"a","\u00e3":"a","\u00e5":"a",
    "\u00e9":"e","\u00e8":"e","\u00eb":"e","\u00ea":"e","\u00ed":"i","\u00ec":"i","\u00ef":"i","\u00ee":"i",
    "\u00f3":"o","\u00f2":"o","\u00f6":"o","\u00f4":"o","\u00f5":"o","\u00fa":"u","\u00f9":"u","\u00fc":"u",
    "\u00fb":"u","\u00f1":"n","\u00e7":"c"};
  var accented = /[\u00e0-\u00e5\u00e7-\u00eb\u00ec-\u00ef\u00f1-\u00f6\u00f9-\u00fc]/g;
  function fold(s) {
    return String(s).toLowerCase().replace(accented, function (c) { return accents[c] || c; });
  }
  function words(s) {
    var out = [], parts = fold(s).split(/[^a-z0-9\u00c0-\uffff]+/);
    for (var i = 0; i < parts.length; i++) { if (parts[i]) { out.push(parts[i]); } }
    return out;
  }
  var entries = data.entries;
  for (var i = 0; i < entries.length; i++) {
    entries[i].tw = words(entries[i].t);
    entries[i].kw = words(entries[i].k);
  }
  function hit(list, w) {
    for (var i = 0; i < list.length; i++) { if (list[i].indexOf(w) === 0) { return true; } }
    return false;
  }
  function clear() { while (list.firstChild) { list.removeChild(list.firstChild); } }
  function run() {
    var q = words(input.value);
    clear();
    if (!q.length) { status.textContent = ""; return; }
    var found = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i], score = e.g ? 1 : 0, ok = true;
      for (var j = 0; j < q.length && ok; j++) {
        if (hit(e.tw, q[j])) { score += 3; } else if (hit(e.kw, q[j])) { score += 1; } else { ok = false; }
      }
      if (ok) { found.push({e: e, s: score, i: i}); }
    }
    found.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    status.textContent = found.length ? data.found.replace("%d", found.length) : data.none;
    for (var k = 0; k < found.length && k < 15; k++) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = found[k].e.u;
      a.appendChild(document.createTextNode(found[k].e.t));
      li.appendChild(a);
      if (found[k].e.c) {
        var span = document.createElement("span");
        span.className = "in";
        span.appendChild(document.createTextNode(found[k].e.c));
        li.appendChild(span);
      }
      list.appendChild(li);
    }
  }
  box.removeAttribute("hidden");
  // index.html?q=words opens with those words searched: a bookmark, or a
  // link from a poster.
  var asked = /[?&]q=([^&#]*)/.exec(window.location.search || "");
  if (asked) {
    try { input.value = decodeURIComponent(asked[1].replace(/\+/g, " ")); } catch (e) { input.value = ""; }
    run();
  }
  if (input.addEventListener) {
    input.addEventListener("input", run, false);
    input.addEventListener("keyup", run, false);
  } else {
    input.onkeyup = run;
  }
})();
`

// icon draws the export's 48x48 illustration: a red card with lines of
// text, the shape people know from the rights cards.
func icon() []byte {
	const size = 48
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	red := color.NRGBA{0x8b, 0x11, 0x11, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	for y := 8; y < 40; y++ {
		for x := 2; x < 46; x++ {
			corner := (x < 4 || x > 43) && (y < 10 || y > 37)
			if !corner {
				img.SetNRGBA(x, y, red)
			}
		}
	}
	for _, line := range []struct{ y, from, to int }{{14, 8, 40}, {21, 8, 36}, {28, 8, 40}, {33, 8, 28}} {
		for y := line.y; y < line.y+3; y++ {
			for x := line.from; x < line.to; x++ {
				img.SetNRGBA(x, y, white)
			}
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img) // writing to memory cannot fail
	return b.Bytes()
}
