package export

import (
	"encoding/hex"
	"hash/fnv"
	"path"
	"strings"

	"defensa/internal/i18n"
	"defensa/internal/library"
)

// The export's layout, relative to the folder it is written to:
//
//	index.html                 the welcome page, in every language
//	illustration.png           the 48x48 icon (favicon, ZIM illustration)
//	assets/                    style sheet and the optional search script
//	<lang>/index.html          "Right now", then every section
//	<lang>/search.js           the data of the optional search
//	<lang>/<section>/<slug>.html
//	print/<lang>/cards.html    wallet cards to cut out
//	print/<lang>/<slug>.html   one-page handouts
//
// Guide pages sit under a language folder, so no section name, however a
// local folder spells it, can meet assets/ or print/.
const (
	rootIndex    = "index.html"
	illustration = "illustration.png"
	styleSheet   = "assets/site.css"
	searchScript = "assets/search.js"
)

func langIndex(lang i18n.Lang) string  { return string(lang) + "/index.html" }
func searchData(lang i18n.Lang) string { return string(lang) + "/search.js" }
func cardsPage(lang i18n.Lang) string  { return "print/" + string(lang) + "/cards.html" }

func handoutPage(lang i18n.Lang, id string) string {
	_, slug, _ := strings.Cut(id, "/")
	return "print/" + string(lang) + "/" + safeName(slug) + ".html"
}

// guidePage is where g's page is written.
func guidePage(g *library.Guide) string {
	section, slug, _ := strings.Cut(g.ID, "/")
	return string(g.Lang) + "/" + safeName(section) + "/" + safeName(slug) + ".html"
}

// safeName is a folder or file name that is the same on every file system
// and in every URL: an id part that is already lowercase ASCII words (every
// built-in one) is kept; any other (a local folder named "Línea Directa",
// "CON" or "a?b") becomes a fixed hash of itself, so two names never meet,
// not even on a file system that ignores case.
func safeName(part string) string {
	if library.ValidID(part+"/x") && !windowsDevice(part) {
		return part
	}
	h := fnv.New128a()
	_, _ = h.Write([]byte(part))
	return "x" + hex.EncodeToString(h.Sum(nil)[:8])
}

// rel is the relative URL from the page at from to the file at to (both
// relative to the export's root).
func rel(from, to string) string {
	dir := strings.Split(path.Dir(from), "/")
	if dir[0] == "." {
		dir = nil
	}
	parts := strings.Split(to, "/")
	common := 0
	for common < len(dir) && common < len(parts)-1 && dir[common] == parts[common] {
		common++
	}
	return strings.Repeat("../", len(dir)-common) + strings.Join(parts[common:], "/")
}

// windowsDevice reports whether name is one Windows keeps for a device
// ("con", "nul", "com1"...), which no folder or file may be called there.
func windowsDevice(name string) bool {
	switch name {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(name) == 4 && (strings.HasPrefix(name, "com") || strings.HasPrefix(name, "lpt")) &&
		name[3] >= '0' && name[3] <= '9'
}
