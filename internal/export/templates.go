package export

import "html/template"

// The page templates. html/template escapes every value for where it
// stands (text, attribute, URL), so a guide's title or a source's address
// can never become markup; the guide bodies arrive as goldmark's escaped
// output.
//
// The security policy keeps a page from reaching beyond where it is
// served from: it may connect and submit forms only there (kiwix-serve's
// own search bar does both), embed and frame nothing, start no worker (so
// no service worker), and its base URL cannot be changed. It names no
// source for styles, scripts or images, so it holds the same in a browser
// opening a file, in kiwix-serve and in the Kiwix apps.
const layoutHTML = `{{define "page"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="connect-src 'self'; form-action 'self'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'">
<title>{{.Title}}</title>
{{with .Description}}<meta name="description" content="{{.}}">
{{end}}{{range .Styles}}<link rel="stylesheet" href="{{.}}">
{{end}}
<link rel="icon" type="image/png" href="{{.Root}}illustration.png">
{{range .Alternates}}<link rel="alternate" hreflang="{{.Lang}}" href="{{.Href}}">
{{end}}</head>
<body{{with .Class}} class="{{.}}"{{end}}>
{{template "content" .}}
{{range .Scripts}}<script src="{{.}}"></script>
{{end}}</body>
</html>
{{end}}
{{define "langs"}}{{range .Alternates}} <a class="lang" href="{{.Href}}" hreflang="{{.Lang}}" lang="{{.Lang}}">{{.Name}}</a>{{end}}{{end}}
{{define "footer"}}<footer class="foot"><div class="wrap">
<p>{{.T "export.disclaimer"}}. {{.T "export.footer_offline"}}</p>
<p>defensa {{.Version}}</p>
</div></footer>{{end}}
`

const guideHTML = `{{define "content"}}{{$v := .Content}}<a class="skip" href="#Main">{{.T "export.skip"}}</a>
<header class="bar"><div class="wrap">{{template "langs" .}}
<a class="home" href="{{$v.Index}}">defensa</a> <span class="crumb">› <a href="{{$v.SectionHref}}">{{$v.SectionName}}</a></span>
</div></header>
<main id="Main" class="wrap">
<article>
{{if $v.Heading}}{{$v.Heading}}{{else}}<h1>{{.Title}}</h1>
{{end}}<p class="meta">{{.T "export.disclaimer"}}{{with $v.Reviewed}} · {{$.T "export.reviewed" .}}{{end}}{{with $v.FactsAsOf}} · {{$.T "export.facts_as_of" .}}{{end}}</p>
{{if $v.Local}}<p class="note">{{if $v.Replaces}}{{.T "export.local_replaces"}}{{else}}{{.T "export.local"}}{{end}}</p>
{{end}}{{$v.Rest}}</article>
{{if $v.Sources}}<section class="sources" id="Sources">
<h2>{{.T "export.sources"}}</h2>
<ol>
{{range $v.Sources}}<li>{{.Text}}{{if .Href}} <a href="{{.Href}}" rel="noreferrer noopener">{{.URL}}</a>{{else if .URL}} {{.URL}}{{end}}</li>
{{end}}</ol>
</section>
{{end}}<p class="meta end">{{.T "export.disclaimer"}}{{with $v.Reviewed}} · {{$.T "export.reviewed" .}}{{end}}{{with $v.FactsAsOf}} · {{$.T "export.facts_as_of" .}}{{end}}</p>
<p class="noprint"><a href="{{$v.Index}}">{{.T "export.all_guides"}}</a></p>
</main>
{{template "footer" .}}{{end}}`

const indexHTML = `{{define "content"}}{{$v := .Content}}<a class="skip" href="#Main">{{.T "export.skip"}}</a>
<header class="bar"><div class="wrap">{{template "langs" .}}
<a class="home" href="{{$v.Home}}">defensa</a>
</div></header>
<main id="Main" class="wrap">
<h1>{{.T "export.index_title"}}</h1>
<p class="lede">{{.T "export.tagline"}}</p>
<div id="Search" class="search" hidden>
<label for="Query">{{.T "export.search_label"}}</label>
<input id="Query" type="search" autocomplete="off" spellcheck="false" placeholder="{{.T "export.search_placeholder"}}">
<p id="Status" class="status" aria-live="polite"></p>
<ol id="Results" class="results"></ol>
</div>
{{if $v.RightNow}}<section id="RightNow" class="now">
<h2>{{.T "export.right_now"}}</h2>
<ul>
{{range $v.RightNow}}<li><a href="{{.Href}}">{{.Title}}</a>{{with .Other}} <span class="tag">({{.}})</span>{{end}}</li>
{{end}}</ul>
</section>
{{end}}<nav class="toc" aria-label="{{.T "export.sections"}}">
<h2>{{.T "export.sections"}}</h2>
<ul>
{{range $v.Sections}}<li><a href="#{{.ID}}">{{.Name}}</a></li>
{{end}}{{if $v.Print.Any}}<li><a href="#Print">{{.T "export.print"}}</a></li>
{{end}}</ul>
</nav>
{{range $v.Sections}}<section id="{{.ID}}">
<h2>{{.Name}}</h2>
<ul class="guides">
{{range .Guides}}<li><a href="{{.Href}}">{{.Title}}</a>{{with .Other}} <span class="tag">({{.}})</span>{{end}}{{if .Local}} <span class="tag">{{$.T "export.local_tag"}}</span>{{end}}<br><span class="sum">{{.Summary}}</span></li>
{{end}}</ul>
</section>
{{end}}{{template "prints" .}}
</main>
{{template "footer" .}}{{end}}
{{define "prints"}}{{$p := .Content.Print}}{{if $p.Any}}<section id="Print">
<h2>{{.T "export.print"}}</h2>
<ul class="guides">
{{with $p.Cards}}<li><a href="{{.}}">{{$.T "export.cards_title"}}</a><br><span class="sum">{{$.T "export.cards_summary"}}</span></li>
{{end}}{{range $p.Handouts}}<li><a href="{{.Href}}">{{.Title}}</a> <span class="tag">{{$.T "export.handout_tag"}}</span></li>
{{end}}</ul>
</section>{{end}}{{end}}`

const rootHTML = `{{define "content"}}{{$v := .Content}}<main id="Main" class="wrap root">
<h1>defensa</h1>
<p class="jump">{{range $i, $l := $v.Langs}}{{if $i}} · {{end}}<a href="#L-{{.Lang}}" lang="{{.Lang}}">{{.Title}}</a>{{end}}</p>
{{range $v.Langs}}{{$l := .}}<section lang="{{.Lang}}" class="langpart" id="L-{{.Lang}}">
<h2>{{if $v.Full}}<a href="{{.Index}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</h2>
<p class="lede">{{.Tagline}}</p>
{{if .RightNow}}<h3>{{.T "export.right_now"}}</h3>
<ul class="now">
{{range .RightNow}}<li><a href="{{.Href}}">{{.Title}}</a>{{with .Other}} <span class="tag">({{.}})</span>{{end}}</li>
{{end}}</ul>
{{end}}{{if $v.Full}}<p class="all"><a href="{{.Index}}">{{.T "export.all_guides"}}</a></p>
{{else}}{{$p := .Print}}<ul class="guides">
{{with $p.Cards}}<li><a href="{{.}}">{{$l.T "export.cards_title"}}</a></li>
{{end}}{{range $p.Handouts}}<li><a href="{{.Href}}">{{.Title}}</a></li>
{{end}}</ul>
{{end}}<p class="meta">{{.T "export.disclaimer"}}</p>
</section>
{{end}}</main>{{end}}`

const cardsHTML = `{{define "content"}}{{$v := .Content}}<div class="howto noprint wrap">
<h1>{{.T "export.cards_title"}}</h1>
<p>{{.T "export.cards_howto"}}</p>
<p>{{.T "export.cards_source"}}</p>
<p><a href="{{.Root}}index.html">defensa</a>{{if .Alternates}} ·{{end}}{{template "langs" .}}</p>
</div>
<div class="page front"><div class="grid">
{{range $v.Slots}}<div class="card holder"><p class="ct">{{$v.HolderTitle}}</p>
<ul>{{range $v.Holder}}<li>{{.}}</li>{{end}}</ul>
{{with $v.Hotline}}<p class="hl">{{.Name}}: <b>{{.Phone}}</b>{{with .Hours}} · {{.}}{{end}}</p>{{else}}<p class="hl">{{$v.WriteIn}} <span class="blank"></span></p>{{end}}
</div>
{{end}}{{template "marks" $v}}</div></div>
<div class="page back"><div class="grid">
{{range $v.Slots}}<div class="card officer" lang="en"><p class="ct">{{$v.OfficerTitle}}</p>
{{range $v.Officer}}<p>{{.}}</p>{{end}}
</div>
{{end}}{{template "marks" $v}}</div></div>
{{end}}
{{define "marks"}}{{range .Marks}}<i class="mark {{.Class}}" style="left:{{.Left}};top:{{.Top}}"></i>{{end}}{{end}}`

const handoutHTML = `{{define "content"}}{{$v := .Content}}<div class="howto noprint wrap"><p>{{.T "export.handout_howto"}}</p>
<p><a href="{{.Root}}index.html">defensa</a>{{if .Alternates}} ·{{end}}{{template "langs" .}}</p></div>
<main class="wrap sheet1{{if $v.Dense}} dense{{end}}">
<p class="kicker">defensa · {{.T "export.disclaimer"}}</p>
<h1>{{$v.Title}}</h1>
{{with $v.Hotline}}<p class="hotline">{{.Name}}: <strong>{{.Phone}}</strong>{{with .Hours}} · {{.}}{{end}}</p>
{{end}}<div class="inshort">{{$v.InShort}}</div>
{{if $v.Phrases}}<h2>{{.T "export.words_to_say"}}</h2>
<ul class="say">
{{range $v.Phrases}}<li><strong>“{{.Text}}”</strong>{{with .English}}<br><span class="en" lang="en">{{$.T "export.if_english"}} “{{.}}”</span>{{end}}</li>
{{end}}</ul>
{{end}}<p class="meta">{{with $v.Reviewed}}{{$.T "export.reviewed" .}} · {{end}}{{with $v.FactsAsOf}}{{$.T "export.facts_as_of" .}} · {{end}}{{.T "export.full_guide" $v.ID}}</p>
{{with $v.Publishers}}<p class="meta">{{$.T "export.sources"}}: {{.}}</p>
{{end}}</main>
{{end}}`

// pageTemplates are the page templates, parsed when an export first needs
// them: a program that never exports never parses them.
type pageTemplates struct {
	guide, index, root, cards, handout *template.Template
}

func parseTemplates() *pageTemplates {
	base := template.Must(template.New("layout").Parse(layoutHTML))
	page := func(content string) *template.Template {
		return template.Must(template.Must(base.Clone()).Parse(content))
	}
	return &pageTemplates{
		guide:   page(guideHTML),
		index:   page(indexHTML),
		root:    page(rootHTML),
		cards:   page(cardsHTML),
		handout: page(handoutHTML),
	}
}
