package library

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"strings"
	"time"

	"defensa/internal/i18n"
)

// The built-in library reaches the first screen without parsing Markdown or
// YAML: the guides are loaded at build time (go generate), by the same Load
// as any folder, and written as a snapshot that is embedded in the binary.
//
// Every guide's entry (what a list shows) is stored as it is and decoded at
// start; its content (Markdown, headings, links, sections) is stored
// compressed and decoded only when the guide is first asked for: a list
// costs nothing, `read ID` decodes one guide, and the binary stays small.
// Entry strings are slices of the embedded data, never copies.

// snapshotMagic starts every snapshot; the digit changes with the format.
const snapshotMagic = "defensa library snapshot 10\n"

// ErrSnapshot is returned for data that is not a snapshot of this format.
var ErrSnapshot = errors.New("not a library snapshot of this version: run go generate")

// EncodeSnapshot writes lib as a snapshot: every entry (compressed
// together: a list needs them all), then every guide's content,
// compressed on its own (so one guide decodes alone) with the entries and
// a sample of guide text as the compressor's dictionary. The output
// depends only on the guides, so the same guides always give the same
// bytes (a test compares the embedded snapshot with the guides folder).
func EncodeSnapshot(lib *Library) []byte {
	guides := lib.Guides("")
	head := &encoder{}
	head.uint(len(guides))
	for _, g := range guides {
		head.entry(&g.Entry)
	}
	sample := dictionarySample(lib)
	dict := dictionary(string(head.buf) + sample)
	head.str(sample)
	e := &encoder{buf: []byte(snapshotMagic)}
	e.str(deflate(head.buf, ""))
	for _, g := range guides {
		content := &encoder{}
		content.content(g)
		e.str(deflate(content.buf, dict))
	}
	return e.buf
}

// deflate compresses b with the dictionary dict.
func deflate(b []byte, dict string) string {
	var out bytes.Buffer
	w, _ := flate.NewWriterDict(&out, flate.BestCompression, []byte(dict))
	_, _ = w.Write(b)
	_ = w.Close()
	return out.String()
}

// inflate undoes deflate.
func inflate(s, dict string) (string, error) {
	b, err := io.ReadAll(flate.NewReaderDict(strings.NewReader(s), []byte(dict)))
	return string(b), err
}

// dictionary is the compressor's dictionary: the last 32 KB (the most a
// dictionary can use) of the entries and of a sample of guide text.
func dictionary(text string) string { return text[max(len(text)-32<<10, 0):] }

// dictionarySample is the guide text added to the dictionary: the start
// of the rights overview in each language, whose words every guide uses.
// It saves more than its own size.
func dictionarySample(lib *Library) string {
	var b strings.Builder
	for _, lang := range []i18n.Lang{i18n.Spanish, i18n.English} {
		if g, ok := lib.Get("rights/overview", lang); ok {
			c := &encoder{}
			c.content(g)
			b.Write(c.buf[:min(len(c.buf), 12<<10)])
		}
	}
	return b.String()
}

// DecodeSnapshot reads a snapshot written by EncodeSnapshot.
func DecodeSnapshot(data string) (lib *Library, err error) {
	rest, ok := strings.CutPrefix(data, snapshotMagic)
	if !ok {
		return nil, ErrSnapshot
	}
	d := &decoder{s: rest}
	defer func() {
		// A short or damaged snapshot is a build error, never a crash.
		if recover() != nil {
			lib, err = nil, ErrSnapshot
		}
	}()
	lib = newLibrary()
	head, err := inflate(d.str(), "")
	if err != nil {
		return nil, ErrSnapshot
	}
	h := &decoder{s: head}
	entries := make([]*Entry, h.uint())
	for i := range entries {
		entries[i] = h.entry()
	}
	entriesText := head[:len(head)-len(h.s)]
	lib.dict = dictionary(entriesText + h.str())
	for _, e := range entries {
		record := d.str()
		lib.slots[key{e.ID, e.Lang}] = &slot{entry: e, record: &record}
	}
	if d.s != "" {
		return nil, ErrSnapshot
	}
	return lib, nil
}

type encoder struct{ buf []byte }

func (e *encoder) uint(v int)   { e.buf = binary.AppendUvarint(e.buf, uint64(v)) }
func (e *encoder) int(v int)    { e.buf = binary.AppendVarint(e.buf, int64(v)) }
func (e *encoder) str(s string) { e.uint(len(s)); e.buf = append(e.buf, s...) }

func (e *encoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *encoder) time(t time.Time) {
	if t.IsZero() {
		e.int(0)
		return
	}
	e.int(int(t.Unix()/86400) + 1) // days since 1970, plus one: zero means none
}

func (e *encoder) entry(g *Entry) {
	e.str(g.ID)
	e.str(string(g.Lang))
	e.str(g.Section)
	e.str(g.SectionTitle)
	e.int(g.Order)
	e.str(g.Title)
	e.str(g.Summary)
	e.uint(len(g.Tags))
	for _, t := range g.Tags {
		e.str(t)
	}
	e.time(g.Reviewed)
	e.time(g.FactsAsOf)
	e.bool(g.RightNow != nil)
	if g.RightNow != nil {
		e.str(g.RightNow.Label)
		e.int(g.RightNow.Order)
	}
	e.bool(g.Hotline != nil)
	if g.Hotline != nil {
		e.str(g.Hotline.Name)
		e.str(g.Hotline.Phone)
		e.str(g.Hotline.Hours)
	}
	e.str(g.Path)
	e.bool(g.Local)
	e.uint64(g.Digest)
}

func (e *encoder) uint64(v uint64) { e.buf = binary.LittleEndian.AppendUint64(e.buf, v) }

func (e *encoder) content(g *Guide) {
	e.uint(len(g.Sources))
	for _, s := range g.Sources {
		e.str(s.Title)
		e.str(s.Publisher)
		e.str(s.URL)
		e.str(s.Date)
	}
	e.str(g.Body)
	e.uint(g.BodyLine)
	e.uint(len(g.Headings))
	for _, h := range g.Headings {
		e.uint(h.Level)
		e.str(h.Text)
		e.str(h.Anchor)
		e.uint(h.Line)
	}
	e.uint(len(g.Links))
	for _, l := range g.Links {
		e.str(l.Text)
		e.str(l.Target)
		e.uint(l.Line)
		e.uint(int(l.Kind))
		e.str(l.ID)
		e.str(l.Anchor)
	}
	e.uint(len(g.Blocks))
	for _, b := range g.Blocks {
		e.str(b.Text)
		e.str(b.Info)
		e.uint(b.Line)
		e.str(b.Intro)
	}
	e.uint(len(g.Sections))
	for _, s := range g.Sections {
		e.int(s.Heading)
		e.str(s.Text)
		e.uint(s.Links.From)
		e.uint(s.Links.To)
		e.uint(s.Blocks.From)
		e.uint(s.Blocks.To)
	}
	keys := make([]string, 0, len(g.meta.lines))
	for k := range g.meta.lines {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uint(len(keys))
	for _, k := range keys {
		e.str(k)
		e.uint(g.meta.lines[k])
	}
	e.str(g.meta.declaredSection)
	e.bool(g.meta.hasOrder)
}

type decoder struct{ s string }

// uint reads an unsigned varint straight off the string.
func (d *decoder) uint() int {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if shift > 63 || d.s == "" {
			panic(ErrSnapshot)
		}
		b := d.s[0]
		d.s = d.s[1:]
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return int(v)
		}
	}
}

// int reads a signed (zig-zag) varint.
func (d *decoder) int() int {
	u := uint64(d.uint())
	return int(int64(u>>1) ^ -int64(u&1))
}

func (d *decoder) str() string {
	n := d.uint()
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) bool() bool {
	b := d.s[0]
	d.s = d.s[1:]
	return b == 1
}

func (d *decoder) time() time.Time {
	days := d.int()
	if days == 0 {
		return time.Time{}
	}
	return time.Unix(int64(days-1)*86400, 0).UTC()
}

func (d *decoder) entry() *Entry {
	g := &Entry{
		ID:           d.str(),
		Lang:         i18n.Lang(d.str()),
		Section:      d.str(),
		SectionTitle: d.str(),
		Order:        d.int(),
		Title:        d.str(),
		Summary:      d.str(),
	}
	if n := d.uint(); n > 0 {
		g.Tags = make([]string, n)
		for i := range g.Tags {
			g.Tags[i] = d.str()
		}
	}
	g.Reviewed = d.time()
	g.FactsAsOf = d.time()
	if d.bool() {
		g.RightNow = &RightNow{Label: d.str(), Order: d.int()}
	}
	if d.bool() {
		g.Hotline = &Hotline{Name: d.str(), Phone: d.str(), Hours: d.str()}
	}
	g.Path = d.str()
	g.Local = d.bool()
	g.Digest = binary.LittleEndian.Uint64([]byte(d.s[:8]))
	d.s = d.s[8:]
	return g
}

// decodeRecord decodes a guide's compressed content. The snapshot was
// checked whole when the program was built; a damaged record is a bug, and
// says so.
func decodeRecord(e Entry, record, dict string) *Guide {
	raw, err := inflate(record, dict)
	if err != nil {
		panic("library: damaged snapshot record for " + e.Path + ": " + err.Error())
	}
	d := &decoder{s: raw}
	g := &Guide{Entry: e}
	d.content(g)
	return g
}

func (d *decoder) content(g *Guide) {
	if n := d.uint(); n > 0 {
		g.Sources = make([]Source, n)
		for i := range g.Sources {
			g.Sources[i] = Source{Title: d.str(), Publisher: d.str(), URL: d.str(), Date: d.str()}
		}
	}
	g.Body = d.str()
	g.BodyLine = d.uint()
	g.Headings = make([]Heading, d.uint())
	for i := range g.Headings {
		g.Headings[i] = Heading{Level: d.uint(), Text: d.str(), Anchor: d.str(), Line: d.uint()}
	}
	g.Links = make([]Link, d.uint())
	for i := range g.Links {
		g.Links[i] = Link{Text: d.str(), Target: d.str(), Line: d.uint(), Kind: LinkKind(d.uint()), ID: d.str(), Anchor: d.str()}
	}
	g.Blocks = make([]Block, d.uint())
	for i := range g.Blocks {
		g.Blocks[i] = Block{Text: d.str(), Info: d.str(), Line: d.uint(), Intro: d.str()}
	}
	g.Sections = make([]Section, d.uint())
	for i := range g.Sections {
		g.Sections[i] = Section{Heading: d.int(), Text: d.str(),
			Links: Range{From: d.uint(), To: d.uint()}, Blocks: Range{From: d.uint(), To: d.uint()}}
	}
	g.meta.lines = make(map[string]int, 12)
	for n := d.uint(); n > 0; n-- {
		k := d.str()
		g.meta.lines[k] = d.uint()
	}
	g.meta.declaredSection = d.str()
	g.meta.hasOrder = d.bool()
}
