package i18n

import "strings"

// envNames are the variables that name the language, in the order POSIX
// reads them: the first one set decides.
var envNames = [...]string{"LC_ALL", "LC_MESSAGES", "LANG"}

// Detect picks the language the person's machine speaks: GNU's LANGUAGE
// list first (as gettext reads it: not under the C locale), then LC_ALL,
// LC_MESSAGES and LANG, as POSIX does (the first one set decides); when
// none is set, the user's display languages on Windows or preferred
// languages on macOS, the first that defensa speaks; English otherwise.
// A --lang flag, checked by the caller, still wins.
func Detect(getenv func(string) string) Lang {
	return detect(getenv, systemLanguages)
}

// detect is Detect with the system's language list as a parameter, so it
// can be tested on any machine.
func detect(getenv func(string) string, system func() []string) Lang {
	if list := getenv("LANGUAGE"); list != "" && !cLocale(getenv) {
		for _, tag := range strings.Split(list, ":") {
			if l, ok := tagLang(tag); ok {
				return l
			}
		}
	}
	for _, name := range envNames {
		if v := getenv(name); v != "" {
			if l, ok := tagLang(v); ok {
				return l
			}
			return English
		}
	}
	for _, tag := range system() {
		if l, ok := tagLang(tag); ok {
			return l
		}
	}
	return English
}

// cLocale reports whether the locale in force is C or POSIX, under which
// gettext ignores LANGUAGE.
func cLocale(getenv func(string) string) bool {
	for _, name := range envNames {
		if v := getenv(name); v != "" {
			return v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.")
		}
	}
	return false
}

// tagLang reads a locale name ("es_MX.UTF-8") or a BCP 47 tag ("es-419",
// "en-US") as a language defensa speaks.
func tagLang(tag string) (Lang, bool) {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "_-.@"); i >= 0 {
		tag = tag[:i]
	}
	switch Lang(tag) {
	case English, Spanish:
		return Lang(tag), true
	}
	return "", false
}

// parseAppleLanguages reads the output of `defaults read -g
// AppleLanguages`, a property list array such as
//
//	(
//	    "es-MX",
//	    "en-US"
//	)
//
// into its tags, in order.
func parseAppleLanguages(out string) []string {
	var tags []string
	for _, line := range strings.Split(out, "\n") {
		line = strings.Trim(strings.TrimSpace(line), `(),"`)
		if line != "" {
			tags = append(tags, line)
		}
	}
	return tags
}
