package search

import (
	"sort"
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

// BenchmarkQueryLatency reports the median and worst time of one query
// over the relevance suite, as extra metrics (p50-ms, max-ms).
func BenchmarkQueryLatency(b *testing.B) {
	_, ix := corpus(b)
	cases := loadRelevance(b)
	var times []time.Duration
	for b.Loop() {
		for _, c := range cases {
			start := time.Now()
			ix.Search(c.query, Options{Limit: 20})
			times = append(times, time.Since(start))
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
}
