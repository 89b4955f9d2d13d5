package i18n

import "golang.org/x/sys/windows"

// systemLanguages returns the user's display languages, most preferred
// first: a Spanish Windows sets no LANG, but says so here.
func systemLanguages() []string {
	tags, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil {
		return nil
	}
	return tags
}
