package search

import (
	"errors"
	"reflect"
	"runtime"
	"testing"
	"testing/fstest"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// TestMarshalDeterministic builds the real index several times, with one
// and with several cores, and requires the same bytes every time: stems are
// made on several goroutines, and no id may depend on which finished first.
func TestMarshalDeterministic(t *testing.T) {
	lib, ix := corpus(t)
	want := Encode(ix)
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		for range 2 {
			got := Encode(Build(lib))
			if string(got) != string(want) {
				t.Errorf("GOMAXPROCS=%d: a second build wrote other bytes (%d vs %d)", procs, len(got), len(want))
			}
		}
		runtime.GOMAXPROCS(old)
	}
	t.Logf("index of %d sections: %d bytes", ix.Len(), len(want))
	if len(want) > 1<<20 {
		t.Errorf("the built-in index takes %d bytes; keep it under 1 MB", len(want))
	}
}

// TestLoadSearchesAsBuilt runs every query of the relevance suite, in every
// way the interface and the command line run them, on the built and on the
// loaded index, and requires the same results.
func TestLoadSearchesAsBuilt(t *testing.T) {
	lib, built := corpus(t)
	data := Encode(built)
	loaded, err := Load(string(data), lib)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range loadRelevance(t) {
		for _, q := range []string{c.query, c.query + " "} {
			for _, opt := range []Options{{Prefer: c.lang}, {Lang: c.lang, Limit: 3, PerGuide: 3}, {Lang: i18n.Spanish}} {
				want, got := built.Search(q, opt), loaded.Search(q, opt)
				if !reflect.DeepEqual(want, got) {
					t.Fatalf("%q %+v: loaded index found\n%+v\nbuilt index found\n%+v", q, opt, got, want)
				}
			}
		}
		if want, got := built.Suggest(c.query, 5), loaded.Suggest(c.query, 5); !reflect.DeepEqual(want, got) {
			t.Errorf("Suggest(%q): loaded %v, built %v", c.query, got, want)
		}
	}
	again := Encode(loaded)
	if string(again) != string(data) {
		t.Error("a loaded index writes other bytes than it read")
	}
}

// TestLoadRefusesOtherLibraries changes one thing the index read at a time
// and requires ErrMismatch, never an index.
func TestLoadRefusesOtherLibraries(t *testing.T) {
	base := fstest.MapFS{}
	for p, body := range testGuides {
		base[p] = guideFile(p, body)
	}
	lib, _ := library.Load(base, "", false)
	data := Encode(Build(lib))
	if _, err := Load(string(data), lib); err != nil {
		t.Fatalf("the library it was made from: %v", err)
	}
	changes := map[string]func(fstest.MapFS){
		"a word of a section": func(fs fstest.MapFS) {
			fs["en/rights/at-home.md"] = guideFile("en/rights/at-home.md", testGuides["en/rights/at-home.md"]+"One more line.\n")
		},
		"a title": func(fs fstest.MapFS) {
			fs["en/discretion/stay-of-removal.md"] = guideFile("en/discretion/stay-of-removal.md",
				"title: Asking for a stay\n"+testGuides["en/discretion/stay-of-removal.md"][len("title: Asking for a stay of removal\n"):])
		},
		"a guide fewer": func(fs fstest.MapFS) { delete(fs, "es/campaign/overview.md") },
		"a guide more": func(fs fstest.MapFS) {
			fs["en/rights/new.md"] = guideFile("en/rights/new.md", "title: New\nsummary: New.\ntags: [x]\n---\n# New\n\nText.\n")
		},
	}
	for name, change := range changes {
		fs := fstest.MapFS{}
		for k, v := range base {
			fs[k] = v
		}
		change(fs)
		other, err := library.Load(fs, "", false)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if ix, err := Load(string(data), other); !errors.Is(err, ErrMismatch) || ix != nil {
			t.Errorf("%s: Load = %v, %v; want ErrMismatch", name, ix, err)
		}
	}
}

// TestLoadRefusesDamagedData flips bytes, cuts the data short and feeds
// nonsense: every time an error, never a panic nor an index.
func TestLoadRefusesDamagedData(t *testing.T) {
	lib, ix := corpus(t)
	data := Encode(ix)
	for _, bad := range []string{"", "DSIX", "garbage", string(data[:len(data)/2]), string(data) + "x"} {
		if got, err := Load(bad, lib); err == nil || got != nil {
			t.Errorf("Load of %d bytes: no error", len(bad))
		}
	}
	for i := 0; i < len(data); i += len(data)/97 + 1 {
		b := []byte(string(data))
		b[i] ^= 0x5a
		if got, err := Load(string(b), lib); err == nil || got != nil {
			t.Errorf("byte %d flipped: no error", i)
		}
	}
}

func FuzzLoad(f *testing.F) {
	lib := testLibrary(f)
	data := Encode(Build(lib))
	f.Add(string(data))
	f.Add("DSIX\x01")
	f.Fuzz(func(t *testing.T, s string) {
		ix, err := Load(s, lib)
		if err == nil {
			_ = ix.Search("warrant juez", Options{})
		}
	})
}

// BenchmarkLoad measures reading the built-in library's index, as every
// start does, with its check against the library.
func BenchmarkLoad(b *testing.B) {
	lib, ix := corpus(b)
	data := Encode(ix)
	s := string(data)
	b.ReportAllocs()
	b.ReportMetric(float64(len(data)), "bytes")
	for b.Loop() {
		if _, err := Load(s, lib); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentSearches searches a freshly loaded index from several
// goroutines at once, as the interface does while a person types: the
// tables made on first need and the per-query scratch are shared safely
// (run with -race), and every goroutine gets what a lone search gets.
func TestConcurrentSearches(t *testing.T) {
	lib, built := corpus(t)
	data := Encode(built)
	ix, err := Load(string(data), lib)
	if err != nil {
		t.Fatal(err)
	}
	cases := loadRelevance(t)
	want := make([][]Result, len(cases))
	for i, c := range cases {
		want[i] = built.Search(c.query, Options{Limit: 5})
	}
	done := make(chan error, 4)
	for w := range 4 {
		go func() {
			for i := w; i < len(cases); i += 2 {
				if got := ix.Search(cases[i].query, Options{Limit: 5}); !reflect.DeepEqual(got, want[i]) {
					done <- errors.New(cases[i].query)
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Errorf("a concurrent search answered otherwise: %q", err)
		}
	}
}
