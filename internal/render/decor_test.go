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
