package search

import (
	"hash/crc32"
	"strconv"

	"defensa/internal/library"
)

// fingerprint sums what an index was made from: each guide's id,
// language and digest (the library's checksum of everything the guide
// says) and everything of the engine's own that shapes it (the format, the
// weights, the synonym and stem lists), so an index loaded for a library
// it was not made from is refused. It reads entries only, so loading an
// index decodes no guide.
func fingerprint(entries []*library.Entry) uint64 {
	var f fingerprinter
	f.add(magic)
	f.add(engineParams)
	f.add(synonymData)
	f.add(stemData)
	f.num(len(entries))
	for _, e := range entries {
		f.add(e.ID)
		f.add(string(e.Lang))
		f.add(strconv.FormatUint(e.Digest, 16))
	}
	return f.sum()
}

// engineParams names the constants baked into a built index.
var engineParams = "v" + strconv.Itoa(formatVersion) + " " + strconv.FormatFloat(weightTitle, 'g', -1, 64) + " " +
	strconv.FormatFloat(weightTitleOther, 'g', -1, 64) + " " + strconv.FormatFloat(weightHeading, 'g', -1, 64) + " " +
	strconv.FormatFloat(weightTags, 'g', -1, 64) + " " + strconv.FormatFloat(weightTagsOther, 'g', -1, 64) + " " +
	strconv.FormatFloat(weightSummary, 'g', -1, 64) + " " + strconv.FormatFloat(weightBody, 'g', -1, 64) + " " +
	strconv.FormatFloat(glossaryBoost, 'g', -1, 64) + " " + strconv.FormatFloat(recurringBoost, 'g', -1, 64) + " " +
	strconv.Itoa(tfScale) + " " + glossaryID + " " + strconv.FormatFloat(resourcesBoost, 'g', -1, 64) + " " + resourcesID + " " +
	strconv.FormatFloat(fillInShare, 'g', -1, 64)

// fingerprinter feeds strings to both checksums through one buffer, each
// string followed by a separator so "ab"+"c" and "a"+"bc" differ.
type fingerprinter struct {
	buf        [16 << 10]byte
	n          int
	ieee, cast uint32
}

func (f *fingerprinter) add(s string) {
	for len(s) > 0 {
		if f.n == len(f.buf) {
			f.flush()
		}
		c := copy(f.buf[f.n:], s)
		f.n += c
		s = s[c:]
	}
	if f.n == len(f.buf) {
		f.flush()
	}
	f.buf[f.n] = 0
	f.n++
}

func (f *fingerprinter) num(x int) { f.add(strconv.Itoa(x)) }

func (f *fingerprinter) flush() {
	f.ieee = crc32.Update(f.ieee, crc32.IEEETable, f.buf[:f.n])
	f.cast = crc32.Update(f.cast, castagnoli, f.buf[:f.n])
	f.n = 0
}

func (f *fingerprinter) sum() uint64 {
	f.flush()
	return uint64(f.ieee)<<32 | uint64(f.cast)
}
