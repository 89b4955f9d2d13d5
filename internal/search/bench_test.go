package search

import (
	"slices"
	"testing"
	"time"
)

// BenchmarkBuild measures indexing the whole embedded corpus, both
// languages (the work done in the background at start-up).
func BenchmarkBuild(b *testing.B) {
	lib, _ := corpus(b)
	b.ReportAllocs()
	for b.Loop() {
		Build(lib)
	}
}

// BenchmarkQuery runs every query of the relevance suite (typos, slang,
// questions, form numbers) in turn.
func BenchmarkQuery(b *testing.B) {
	_, ix := corpus(b)
	cases := loadRelevance(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Search(cases[i%len(cases)].query, Options{Limit: 20})
		i++
	}
}

// BenchmarkQueryLatency reports the time of one query over the relevance
// suite as extra metrics: p50-ms is the median query and max-ms the slowest
// one, each query timed by the median of its runs so a pause of the
// collector or of a busy machine is not taken for a slow query; and
// worst-run-ms, the slowest single run.
func BenchmarkQueryLatency(b *testing.B) {
	_, ix := corpus(b)
	cases := loadRelevance(b)
	for _, c := range cases {
		ix.Search(c.query, Options{Limit: 20}) // the typo tables are made once
	}
	runs := make([][]time.Duration, len(cases))
	var worst time.Duration
	round := func() {
		for i, c := range cases {
			start := time.Now()
			ix.Search(c.query, Options{Limit: 20})
			d := time.Since(start)
			runs[i] = append(runs[i], d)
			worst = max(worst, d)
		}
	}
	for b.Loop() {
		round()
	}
	for len(runs[0]) < 11 {
		round() // enough runs for a median whatever b.N was
	}
	perQuery := make([]time.Duration, len(cases))
	for i, r := range runs {
		slices.Sort(r)
		perQuery[i] = r[len(r)/2]
	}
	slices.Sort(perQuery)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(perQuery[len(perQuery)/2]), "p50-ms")
	b.ReportMetric(ms(perQuery[len(perQuery)-1]), "max-ms")
	b.ReportMetric(ms(worst), "worst-run-ms")
}
