package search

import (
	"testing"
	"testing/fstest"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// The tests of this file hold the ranking rules of the second pass on
// issue 12 (hit@1): each on the pure function it rests on, or on a small
// library where the rule decides.

func fixtureIndex(t *testing.T, guides map[string]string) *Index {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, body := range guides {
		fsys[p] = guideFile(p, body)
	}
	lib, err := library.Load(fsys, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return Build(lib)
}

func TestDetainerIsNotDetained(t *testing.T) {
	for _, lang := range i18n.Langs {
		if a, b := stem("detainer", lang), stem("detained", lang); a == b {
			t.Errorf("%s: detainer and detained share the stem %q", lang, a)
		}
		if a, b := stem("detainer", lang), stem("detainers", lang); a != b {
			t.Errorf("%s: detainer %q, detainers %q", lang, a, b)
		}
	}
}

// TestQueryWordWeights: a misspelled word weighs as its surest reading; a
// synonym line by its phrases' rarity on average and at most, not by its
// rarest phrase alone.
func TestQueryWordWeights(t *testing.T) {
	typo := group{own: true, phrases: [][][]alt{{{{stem: 1, weight: 0.8, idf: 2}, {stem: 2, weight: 0.6, idf: 5}, {stem: 3, weight: 0.8, idf: 2.5}}}}}
	if got := surestIDF(&typo); got != 2.5 {
		t.Errorf("surestIDF = %v, want 2.5 (the rarer of the two surest readings)", got)
	}
	line := group{phrases: [][][]alt{
		{{{stem: 1, idf: 1}}},
		{{{stem: 2, idf: 2}}, {{stem: 3, idf: 0.5}}}, // a phrase counts by its rarest word
		{{{stem: 4, idf: 6}}},
	}}
	if got := lineIDF(&line); got != 0.5*3+0.5*6 {
		t.Errorf("lineIDF = %v, want 4.5", got)
	}
}

func TestQuestionFrames(t *testing.T) {
	for _, c := range []struct {
		query, heading string
		same           bool
	}{
		{"do I have to give my name to ICE", "Do you have to answer questions or show ID?", true},
		{"¿tengo que abrir la puerta?", "¿Tiene que contestar preguntas o mostrar identificación?", true},
		{"kids scared after dad was taken how to talk to them", "How do you talk with your children?", true},
		{"can they search my car", "Can they search the car?", true},
		{"me pueden revisar el carro", "¿Pueden revisar el carro?", false}, // the frame stops at "revisar": one word
		{"do I have to give my name to ICE", "What should you do if agents arrive at work?", false},
		{"can they search my car", "Do you have to answer questions or show ID?", false},
		{"husband detained", "Do you have to answer questions or show ID?", false},
	} {
		var heading []string
		for _, t := range tokenize(c.heading) {
			heading = append(heading, t.word)
		}
		h := askFrame(len(heading), func(i int) string { return heading[i] })
		if got := queryFrame(Parse(c.query).Words).same(h); got != c.same {
			t.Errorf("%q and %q: same frame %v, want %v", c.query, c.heading, got, c.same)
		}
	}
}

func TestOrganizingAsksHow(t *testing.T) {
	for q, want := range map[string]bool{"organizing a phone zap": true, "organizar una vigilia": true, "call script": false, "phone zap organizing": false} {
		if got := asksQuestion(q, Parse(q).Words); got != want {
			t.Errorf("asksQuestion(%q) = %v", q, got)
		}
	}
}

// TestTemplateIsMostlyTextToFillIn: a guide that explains and shows one
// short script with a blank is not a template; one made of text to fill
// in is.
func TestTemplateIsMostlyTextToFillIn(t *testing.T) {
	explain := "Los agentes pueden pedirle que firme papeles en inglés. No firme nada sin hablar con un abogado.\n\n"
	fsys := fstest.MapFS{
		"es/templates/carta.md": guideFile("es/templates/carta.md", "title: Carta\nsummary: Una carta.\n---\n# Carta\n\nUse esta carta.\n\n## Texto\n\n```\nEstimado [NOMBRE]:\nLe escribo por [NOMBRE DE LA PERSONA], que vive en [CIUDAD] desde [AÑO].\nEs padre de [NÚMERO] hijos y trabaja en [TRABAJO].\nAtentamente, [SU NOMBRE]\n```\n"),
		"es/rights/firmar.md":   guideFile("es/rights/firmar.md", "title: Firmar\nsummary: Qué no firmar.\n---\n# Firmar\n\n"+explain+"## Qué decir\n\n"+explain+explain+explain+"```\nMe llamo [NOMBRE].\n```\n\n## Más\n\n"+explain+explain),
	}
	lib, err := library.Load(fsys, "", false)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"templates/carta": true, "rights/firmar": false} {
		g, _ := lib.Get(id, i18n.Spanish)
		if got := fillIn(g); got != want {
			t.Errorf("%s: fillIn = %v, want %v", id, got, want)
		}
	}
}

// TestPartOfAPhraseIsNotThePhrase: through the line of "deportación
// acelerada", "deportación rápida" reaches a section that has the whole
// phrase, which then holds both query words, and one that has
// "deportación" only, which holds only the first.
func TestPartOfAPhraseIsNotThePhrase(t *testing.T) {
	ix := fixtureIndex(t, map[string]string{
		"es/rights/a.md": "title: Guía A\nsummary: Resumen.\n---\n# Guía A\n\nTexto.\n\n## Uno\n\nLa deportación acelerada no pasa por un juez.\n",
		"es/rights/b.md": "title: Guía B\nsummary: Resumen.\n---\n# Guía B\n\nTexto.\n\n## Dos\n\nLa deportación tiene plazos.\n",
	})
	q := Parse("deportación rápida ")
	groups := ix.expand(ix.readQuery(q, i18n.Spanish))
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	sc.reset(len(ix.units))
	ix.score(groups, sc)
	for i := range ix.units {
		un := &ix.units[i]
		if un.top() {
			continue
		}
		whole := ix.entry(un).ID == "rights/a"
		if got := sc.concepts[i]&(1<<1) != 0; got != whole {
			t.Errorf("%s holds 'rápida': %v, want %v", ix.entry(un).ID, got, whole)
		}
	}
}

// TestOneWayLineWordWeighsAsItsLine: "esposo" is rare in the guides, which
// say "la persona"; read through its one-way line it weighs no more than
// the words the line gives for it.
func TestOneWayLineWordWeighsAsItsLine(t *testing.T) {
	_, ix := corpus(t)
	groups := ix.expand(ix.readQuery(Parse("detuvieron a mi esposo "), i18n.Spanish))
	var own, line float64
	for i := range groups {
		g := &groups[i]
		if g.concept != 3 { // "esposo"
			continue
		}
		g.eachAlt(func(a *alt) {
			if g.own {
				own = max(own, a.idf)
			} else {
				line = max(line, a.idf)
			}
		})
	}
	if own == 0 || line == 0 || own > line {
		t.Errorf("esposo weighs %v, its line at most %v", own, line)
	}
}

// TestRightNowLabelSaidWhole: a query that says a Right now guide's label
// word for word, through synonyms, puts that guide before one whose title
// says the same words.
func TestRightNowLabelSaidWhole(t *testing.T) {
	ix := fixtureIndex(t, map[string]string{
		"es/campaign/primeras.md": "title: Las primeras horas\nsummary: Qué hacer primero.\nright_now:\n  label: Acaban de detener a alguien\n  order: 1\n---\n# Las primeras horas\n\nConsiga un abogado hoy.\n\n## Paso 1: Busque a la persona\n\nUse el localizador de ICE para saber dónde está la persona detenida.\n",
		"es/rights/buscar.md":     "title: Buscar a alguien detenido\nsummary: El localizador.\nright_now:\n  label: Encontrar a un detenido\n  order: 2\n---\n# Buscar a alguien detenido\n\nUse el localizador.\n\n## ¿Y si la persona no aparece?\n\nBusque otra vez a la persona detenida en el localizador de ICE.\n",
	})
	rs := ix.Search("se llevaron a mi esposo ", Options{Lang: i18n.Spanish, PerGuide: 1})
	if len(rs) == 0 || rs[0].ID != "campaign/primeras" {
		t.Errorf("got %v", ids(rs))
	}
}

func TestStopwordByEarIsReadAsMeant(t *testing.T) {
	_, ix := corpus(t)
	words := ix.readQuery(Parse("nesesito un avogado "), i18n.Spanish)
	if !words[0].stop || words[0].readings[0].word != ix.voc.wordID("necesito") {
		t.Errorf("nesesito read as %v", words[0].readings[0])
	}
	if got := topIDs(ix, "nesesito un avogado", i18n.Spanish, 1); len(got) == 0 || got[0] != "rights/legal-help" {
		t.Errorf("nesesito un avogado: %v", got)
	}
}
