package tui

import "defensa/internal/i18n"

// place is a point in the reading history: a guide and a line of it.
type place struct {
	id   string
	lang i18n.Lang
	line int
}

// history is the reader's back and forward stacks, as in a web browser:
// going somewhere new pushes where the reader was and forgets the way
// forward.
type history struct {
	back, forward []place
}

// Push records where the reader was before going somewhere new.
func (h *history) Push(p place) {
	h.back = append(h.back, p)
	h.forward = nil
}

// Back returns the previous place, moving cur onto the forward stack.
func (h *history) Back(cur place) (place, bool) {
	if len(h.back) == 0 {
		return place{}, false
	}
	p := h.back[len(h.back)-1]
	h.back = h.back[:len(h.back)-1]
	h.forward = append(h.forward, cur)
	return p, true
}

// Forward undoes a Back.
func (h *history) Forward(cur place) (place, bool) {
	if len(h.forward) == 0 {
		return place{}, false
	}
	p := h.forward[len(h.forward)-1]
	h.forward = h.forward[:len(h.forward)-1]
	h.back = append(h.back, cur)
	return p, true
}

// CanBack and CanForward report whether there is somewhere to go.
func (h history) CanBack() bool    { return len(h.back) > 0 }
func (h history) CanForward() bool { return len(h.forward) > 0 }

// Reset forgets everything, for a guide opened from home.
func (h *history) Reset() { h.back, h.forward = nil, nil }

// SetLang moves every place to the same guide in another language, after
// a language switch; lines are dropped, since the twin is laid out
// differently.
func (h *history) SetLang(lang i18n.Lang) {
	for _, s := range [][]place{h.back, h.forward} {
		for i := range s {
			s[i].lang, s[i].line = lang, 0
		}
	}
}
