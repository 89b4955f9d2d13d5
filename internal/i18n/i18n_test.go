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

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, English},
		{map[string]string{"LANG": "es_MX.UTF-8"}, Spanish},
		{map[string]string{"LANG": "es"}, Spanish},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, Spanish},
		{map[string]string{"LANG": "es_MX.UTF-8", "LC_ALL": "C"}, English},
		{map[string]string{"LANG": "estonian"}, English},
	}
	for _, tt := range tests {
		if got := FromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("FromEnv(%v) = %s, want %s", tt.env, got, tt.want)
		}
	}
}

func TestMissingKeyIsVisible(t *testing.T) {
	if got := For(Spanish).T("no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key must show itself, got %q", got)
	}
}
