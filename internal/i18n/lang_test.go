package i18n

import (
	"reflect"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		system []string
		want   Lang
	}{
		{"nothing set", nil, nil, English},
		{"LANG", map[string]string{"LANG": "es_MX.UTF-8"}, nil, Spanish},
		{"LC_ALL wins", map[string]string{"LANG": "es_MX.UTF-8", "LC_ALL": "C"}, []string{"es-MX"}, English},
		{"LC_MESSAGES over LANG", map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES"}, nil, Spanish},
		{"a set variable beats the system", map[string]string{"LANG": "en_US.UTF-8"}, []string{"es-MX"}, English},
		{"Spanish Windows, no LANG", nil, []string{"es-MX", "en-US"}, Spanish},
		{"Latin American Spanish tag", nil, []string{"es-419"}, Spanish},
		{"first spoken language in the list", nil, []string{"fr-FR", "es-ES", "en-US"}, Spanish},
		{"no spoken language", nil, []string{"fr-FR", "de-DE"}, English},
		{"unsupported LANG", map[string]string{"LANG": "estonian"}, []string{"es-MX"}, English},
		{"GNU LANGUAGE first", map[string]string{"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}, nil, Spanish},
		{"LANGUAGE's first spoken entry", map[string]string{"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}, nil, Spanish},
		{"LANGUAGE ignored under C", map[string]string{"LANGUAGE": "es", "LC_ALL": "C"}, nil, English},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		if got := detect(getenv, func() []string { return tt.system }); got != tt.want {
			t.Errorf("%s: detect = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestParseAppleLanguages(t *testing.T) {
	out := "(\n    \"es-MX\",\n    \"en-US\",\n    fr\n)\n"
	if got, want := parseAppleLanguages(out), []string{"es-MX", "en-US", "fr"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parseAppleLanguages = %q, want %q", got, want)
	}
	if got := parseAppleLanguages(""); len(got) != 0 {
		t.Errorf("empty output gives %q", got)
	}
}
