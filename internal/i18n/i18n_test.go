package i18n

import (
	"regexp"
	"sort"
	"testing"
)

// Every message exists in both languages, with the same placeholders, so
// no screen falls back to English or prints a broken format.
func TestCatalogsMatch(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	for key, en := range english {
		es, ok := spanish[key]
		if !ok {
			t.Errorf("Spanish lacks %q", key)
			continue
		}
		a, b := verbs.FindAllString(en, -1), verbs.FindAllString(es, -1)
		sort.Strings(a)
		sort.Strings(b)
		if len(a) != len(b) {
			t.Errorf("%q: placeholders differ: %v vs %v", key, a, b)
			continue
		}
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("%q: placeholders differ: %v vs %v", key, a, b)
				break
			}
		}
	}
	for key := range spanish {
		if _, ok := english[key]; !ok {
			t.Errorf("English lacks %q", key)
		}
	}
}

func TestMissingKeyIsVisible(t *testing.T) {
	if got := For(Spanish).T("no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key must show itself, got %q", got)
	}
}
