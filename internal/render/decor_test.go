package render

import (
	"slices"
	"testing"
)

// Lines break at spaces within the width; a longer word stands alone.
func TestWrap(t *testing.T) {
	got := wrap("Datos del 1 jul 2017. Fuentes: conjunto-de-datos-de-Sanctuary-Map", 16, func(s string) int { return len(s) })
	want := []string{"Datos del 1 jul", "2017. Fuentes:", "conjunto-de-datos-de-Sanctuary-Map"}
	if !slices.Equal(got, want) {
		t.Errorf("wrap: %q, want %q", got, want)
	}
}

// A title runs to two lines at most, the second ending in "…".
func TestTitleLines(t *testing.T) {
	got := titleLines("uno dos tres cuatro cinco seis siete", 9, func(s string) int { return len(s) })
	if want := []string{"uno dos", "tres…"}; !slices.Equal(got, want) {
		t.Errorf("title lines %q, want %q", got, want)
	}
}
