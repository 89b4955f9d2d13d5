package library

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestSnapshotRoundTrip(t *testing.T) {
	lib, err := Load(os.DirFS("../../guides"), "guides", false)
	if lib.Len() == 0 {
		t.Fatalf("no guides: %v", err)
	}
	data := EncodeSnapshot(lib)
	back, err := DecodeSnapshot(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if again := EncodeSnapshot(back); !bytes.Equal(again, data) {
		t.Fatal("a decoded snapshot encodes differently")
	}
	for _, g := range lib.Guides("") {
		b, ok := back.Get(g.ID, g.Lang)
		if !ok {
			t.Fatalf("%s lost", g.Path)
		}
		if !reflect.DeepEqual(normalized(g), normalized(b)) {
			t.Errorf("%s differs after the round trip", g.Path)
		}
	}
}

// normalized makes empty and nil slices alike, which the snapshot does not
// tell apart.
func normalized(g *Guide) Guide {
	c := *g
	if len(c.Tags) == 0 {
		c.Tags = nil
	}
	if len(c.Sources) == 0 {
		c.Sources = nil
	}
	if len(c.Headings) == 0 {
		c.Headings = nil
	}
	if len(c.Links) == 0 {
		c.Links = nil
	}
	if len(c.Blocks) == 0 {
		c.Blocks = nil
	}
	c.Reviewed, c.FactsAsOf = c.Reviewed.UTC(), c.FactsAsOf.UTC()
	return c
}

func TestSnapshotRejectsDamage(t *testing.T) {
	lib, _ := Load(os.DirFS("../../guides"), "guides", false)
	data := string(EncodeSnapshot(lib))
	for _, bad := range []string{"", "not a snapshot", data[:len(data)/2], data + "x", strings.Replace(data, "snapshot 10", "snapshot 9", 1)} {
		if _, err := DecodeSnapshot(bad); err == nil {
			t.Errorf("a damaged snapshot (%d bytes) decodes", len(bad))
		}
	}
}

func BenchmarkDecodeSnapshot(b *testing.B) {
	lib, _ := Load(os.DirFS("../../guides"), "guides", false)
	data := string(EncodeSnapshot(lib))
	b.ReportMetric(float64(len(data)), "snapshot-bytes")
	for b.Loop() {
		if _, err := DecodeSnapshot(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS("../../guides")
	for b.Loop() {
		if lib, _ := Load(fsys, "guides", false); lib.Len() == 0 {
			b.Fatal("no guides")
		}
	}
}
