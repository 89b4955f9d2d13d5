// Package i18n holds the interface text of defensa in every language it speaks.
//
// Each language has one catalog (en.go, es.go) mapping a message key to a
// format string. Screens and commands never hard-code user-facing text; they
// ask a Catalog for it.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language code as used in the guides folder ("en", "es").
type Lang string

// The languages defensa ships with.
const (
	English Lang = "en"
	Spanish Lang = "es"
)

// Langs lists the supported languages in display order.
var Langs = []Lang{English, Spanish}

// Other returns the language to fall back to when a guide is missing.
func (l Lang) Other() Lang {
	if l == Spanish {
		return English
	}
	return Spanish
}

// Valid reports whether l is a language defensa has a catalog for.
func (l Lang) Valid() bool { return l == English || l == Spanish }

// Catalog formats messages in one language.
type Catalog struct {
	lang     Lang
	messages map[string]string
}

// For returns the catalog of lang, English for an unknown language.
func For(lang Lang) Catalog {
	if lang == Spanish {
		return Catalog{lang: Spanish, messages: spanish}
	}
	return Catalog{lang: English, messages: english}
}

// Lang returns the catalog's language.
func (c Catalog) Lang() Lang { return c.lang }

// T returns the message for key formatted with args. A key missing from the
// catalog falls back to English, then to the key itself, so a gap shows up
// as a visible key instead of an empty screen.
func (c Catalog) T(key string, args ...any) string {
	format, ok := c.messages[key]
	if !ok {
		format, ok = english[key]
	}
	if !ok {
		return key
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// Section names a guide section in the catalog's language; a section the
// catalog does not know (a local one) keeps its folder name.
func (c Catalog) Section(name string) string {
	if t, ok := c.messages["section."+name]; ok {
		return t
	}
	return name
}

// LangName names a language in the catalog's language ("inglés").
func (c Catalog) LangName(l Lang) string { return c.T("lang." + string(l)) }

// Parse turns a --lang value into a Lang; "all" is not a Lang and is handled
// by the commands that accept it.
func Parse(s string) (Lang, bool) {
	l := Lang(strings.ToLower(strings.TrimSpace(s)))
	return l, l.Valid()
}
