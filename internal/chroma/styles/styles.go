// Package styles is a stand-in for chroma's style registry; see the
// module's README.md.
package styles

import "github.com/alecthomas/chroma/v2"

// Registry holds registered styles. It starts empty: no style is built in.
var Registry = map[string]*chroma.Style{}

// Register adds a style to the registry and returns it.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}
