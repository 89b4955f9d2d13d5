package search

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strconv"

	"defensa/internal/library"
)

// The binary form of an index:
//
//	magic "DSIX", format version (uvarint)
//	fingerprint of the library and of the engine's data (8 bytes)
//	checksum of everything after it (CRC-32C, 4 bytes)
//	counts: guides, units, words, English stems, Spanish stems, synonym groups
//	sections per guide, in the library's reading order
//	units: head length, length, boost, flags (the guide and section of each
//	  follow from the library's order)
//	words: length-prefixed, sorted; then each word's two stems (id+1) and flags
//	stems: length-prefixed, sorted, English then Spanish
//	synonyms: matching phrases, phrases per line, words per phrase, word ids
//	tags: per guide, tags, words per tag, word ids
//	postings: offsets (gaps), then the encoded lists
//	the word id of each frequency rank, commonest first
//	section words: offsets (gaps), then their frequency ranks, compressed
//	section lines: offsets (gaps), then each line's number of words
//
// Every number is a uvarint and every term count a whole number of
// quarters, so the form is compact and the same on every machine. Texts are
// not stored: a loaded index points into the library's own sections.

const (
	magic         = "DSIX"
	formatVersion = 5
)

// ErrMismatch is returned by Load for data made from another library, by
// another version of the engine, or damaged: build the index instead.
var ErrMismatch = errors.New("search: the index does not match the library")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Encode writes ix in its compact binary form (see Load). The same
// library gives the same bytes on every run and every machine. It is a
// function, not a MarshalBinary method, so a program that only loads
// indexes does not carry it (templates keep every exported method).
func Encode(ix *Index) []byte {
	var body []byte
	put := func(x int) { body = appendUvarint(body, uint64(x)) }
	putString := func(s string) {
		put(len(s))
		body = append(body, s...)
	}
	put(len(ix.entries))
	put(len(ix.units))
	put(len(ix.voc.words))
	put(len(ix.voc.stems[0]))
	put(len(ix.voc.stems[1]))
	put(len(ix.synonyms))
	for gi := range ix.entries {
		n := 0
		for _, u := range ix.units {
			if int(u.guide) == gi {
				n++
			}
		}
		put(n) // the guide's sections, so a load needs no guide
	}
	for _, u := range ix.units {
		put(int(u.headLen))
		put(int(u.length))
		put(int(u.boost))
		put(int(u.flags))
	}
	for _, w := range ix.voc.words {
		putString(w)
	}
	for _, info := range ix.voc.info {
		put(int(info.stems[0] + 1))
		put(int(info.stems[1] + 1))
		put(int(info.flags))
	}
	for _, stems := range ix.voc.stems {
		for _, s := range stems {
			putString(s)
		}
	}
	for _, g := range ix.synonyms {
		put(g.match)
		put(len(g.phrases))
		for _, p := range g.phrases {
			put(len(p))
			for _, id := range p {
				put(int(id))
			}
		}
	}
	for _, names := range ix.tags {
		put(len(names))
		for _, tag := range names {
			put(len(tag))
			for _, id := range tag {
				put(int(id))
			}
		}
	}
	putOffsets := func(at []uint32, data string) {
		for i := 1; i < len(at); i++ {
			put(int(at[i] - at[i-1]))
		}
		putString(data)
	}
	putOffsets(ix.post.at, ix.post.data)
	for _, id := range ix.byRank {
		put(int(id))
	}
	// The sections' words, the largest part, are stored compressed and
	// unpacked on the first query that needs them (about a millisecond).
	for i := 1; i < len(ix.wordAt); i++ {
		put(int(ix.wordAt[i] - ix.wordAt[i-1]))
	}
	putString(pack(ix.words()))
	putOffsets(ix.lineAt, ix.lineData)

	out := make([]byte, 0, len(magic)+1+8+4+len(body))
	out = append(out, magic...)
	out = appendUvarint(out, formatVersion)
	out = binary.LittleEndian.AppendUint64(out, ix.fingerprint)
	out = binary.LittleEndian.AppendUint32(out, checksum(string(body)))
	return append(out, body...)
}

// Load reads an index written by Encode for lib. It returns
// ErrMismatch, never a wrong index, when data was made from another
// library (its fingerprint covers every text the index read), by another
// version of the engine or of its word lists, or was damaged. The section
// texts are lib's own; data is kept, not copied, and most of it is decoded
// only when a query needs it.
func Load(data string, lib *library.Library) (*Index, error) {
	d := decoder{s: data}
	if len(data) < len(magic) || data[:len(magic)] != magic {
		return nil, fmt.Errorf("%w: not an index", ErrMismatch)
	}
	d.pos = len(magic)
	if v := d.uint(); v != formatVersion {
		return nil, fmt.Errorf("%w: format %d, want %d", ErrMismatch, v, formatVersion)
	}
	if d.pos+12 > len(data) {
		return nil, fmt.Errorf("%w: truncated", ErrMismatch)
	}
	fp := binary.LittleEndian.Uint64([]byte(data[d.pos : d.pos+8]))
	sum := binary.LittleEndian.Uint32([]byte(data[d.pos+8 : d.pos+12]))
	d.pos += 12
	if checksum(data[d.pos:]) != sum {
		return nil, fmt.Errorf("%w: damaged", ErrMismatch)
	}
	ix := &Index{lib: lib, entries: lib.Entries("")}
	ix.scratch.New = func() any { return new(scratch) }
	if ix.fingerprint = fingerprint(ix.entries); ix.fingerprint != fp {
		return nil, fmt.Errorf("%w: made from other guides", ErrMismatch)
	}
	if err := ix.decode(&d); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMismatch, err)
	}
	return ix, nil
}

func (ix *Index) decode(d *decoder) error {
	guides, units, words := d.uint(), d.uint(), d.uint()
	stems := [2]int{d.uint(), d.uint()}
	groups := d.uint()
	if d.err != nil {
		return d.err
	}
	if guides != len(ix.entries) || units > len(d.s) {
		return errors.New("counts differ")
	}
	perGuide := make([]int, guides)
	sections := 0
	for gi := range perGuide {
		perGuide[gi] = d.uint()
		sections += perGuide[gi]
	}
	if d.err != nil || sections != units {
		return errors.New("counts differ")
	}
	nstems := stems[0] + stems[1]
	if words > len(d.s) || nstems > len(d.s) || groups > len(d.s) {
		return errors.New("counts too large")
	}
	ix.units = make([]unit, 0, units)
	for gi, n := range perGuide {
		first := int32(len(ix.units))
		for si := range n {
			u := unit{guide: int32(gi), section: int32(si), first: first}
			u.headLen, u.length = int32(d.uint()), int32(d.uint())
			u.boost, u.flags = uint8(d.uint()), uint8(d.uint())
			if u.headLen > u.length {
				return errors.New("bad section")
			}
			ix.units = append(ix.units, u)
		}
	}
	ix.voc.words = make([]string, words)
	for i := range ix.voc.words {
		ix.voc.words[i] = d.string()
	}
	ix.voc.info = make([]wordInfo, words)
	for i := range ix.voc.info {
		a, b := d.uint()-1, d.uint()-1
		if a < -1 || a >= nstems || b < -1 || b >= nstems {
			return errors.New("bad stem id")
		}
		ix.voc.info[i] = wordInfo{stems: [2]int32{int32(a), int32(b)}, flags: uint8(d.uint())}
	}
	for li := range ix.voc.stems {
		ix.voc.stems[li] = make([]string, stems[li])
		for i := range ix.voc.stems[li] {
			ix.voc.stems[li][i] = d.string()
		}
	}
	ix.synonyms = make([]synGroup, groups)
	for i := range ix.synonyms {
		match := d.uint()
		phrases := make([][]int32, d.count())
		for j := range phrases {
			phrases[j] = make([]int32, d.count())
			for k := range phrases[j] {
				if phrases[j][k] = int32(d.uint()); int(phrases[j][k]) >= words {
					return errors.New("bad synonym")
				}
			}
		}
		if match > len(phrases) {
			return errors.New("bad synonym line")
		}
		ix.synonyms[i] = synGroup{phrases: phrases, match: match}
	}
	ix.tags = make([][][]int32, len(ix.entries))
	for gi := range ix.tags {
		names := make([][]int32, d.count())
		for i := range names {
			names[i] = make([]int32, d.count())
			for k := range names[i] {
				if names[i][k] = int32(d.uint()); int(names[i][k]) >= words {
					return errors.New("bad tag")
				}
			}
		}
		ix.tags[gi] = names
	}
	ix.post.at, ix.post.data = d.offsets(nstems)
	ix.byRank = make([]int32, words)
	seen := make([]bool, words)
	for i := range ix.byRank {
		id := d.uint()
		if id >= words || seen[id] {
			return errors.New("bad word rank")
		}
		seen[id] = true
		ix.byRank[i] = int32(id)
	}
	ix.wordAt = make([]uint32, units+1)
	for i := 1; i <= units; i++ {
		ix.wordAt[i] = ix.wordAt[i-1] + uint32(d.uint())
	}
	ix.wordPacked = d.string()
	ix.lineAt, ix.lineData = d.offsets(units)
	if d.err != nil {
		return d.err
	}
	if d.pos != len(d.s) {
		return errors.New("trailing data")
	}
	ix.avgLen = averageLength(ix.units)
	return nil
}

// pack compresses s (deterministically: the same bytes give the same
// output).
func pack(s string) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	_, _ = io.WriteString(w, s)
	_ = w.Close()
	return b.String()
}

// checksum is the CRC-32C of s, read through a small buffer so a large
// index is not copied whole.
func checksum(s string) uint32 {
	var buf [32 << 10]byte
	var sum uint32
	for len(s) > 0 {
		n := copy(buf[:], s)
		sum = crc32.Update(sum, castagnoli, buf[:n])
		s = s[n:]
	}
	return sum
}

// decoder reads uvarints from a string, remembering the first error; a
// bad read yields zeros, so callers check err once at the end.
type decoder struct {
	s   string
	pos int
	err error
}

func (d *decoder) uint() int {
	if d.err != nil {
		return 0
	}
	var x uint64
	for shift := uint(0); shift < 35; shift += 7 {
		if d.pos >= len(d.s) {
			break
		}
		b := d.s[d.pos]
		d.pos++
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			if x > 1<<31 {
				break
			}
			return int(x)
		}
	}
	d.err = errors.New("bad number at " + strconv.Itoa(d.pos))
	return 0
}

// count reads a length that cannot exceed what is left to read.
func (d *decoder) count() int {
	n := d.uint()
	if n > len(d.s)-d.pos {
		d.err = errors.New("bad count at " + strconv.Itoa(d.pos))
		return 0
	}
	return n
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := d.s[d.pos : d.pos+n]
	d.pos += n
	return s
}

// offsets reads n gaps and the data they cut, as n+1 offsets into it.
func (d *decoder) offsets(n int) ([]uint32, string) {
	at := make([]uint32, n+1)
	for i := 1; i <= n; i++ {
		at[i] = at[i-1] + uint32(d.uint())
	}
	data := d.string()
	if d.err == nil && int(at[n]) != len(data) {
		d.err = errors.New("offsets do not fit their data")
	}
	return at, data
}
