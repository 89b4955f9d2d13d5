//go:build !windows && !darwin

package i18n

// systemLanguages has nothing to add where the locale variables are the
// system's own word.
func systemLanguages() []string { return nil }
