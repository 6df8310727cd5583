package style

import (
	"fmt"
	"image/color"
	"maps"
	"slices"

	"gonum.org/v1/plot/palette/brewer"
)

// NoValue is the fill of a region whose row in a user's sheet has no
// number in the column classed: grey, apart from "no row" (the theme's
// no-data fill) and from every ramp.
var NoValue = rgb(0xb0b0b0)

// Ramps names the ColorBrewer schemes a classed map may take: the
// sequential ones (light to dark, for amounts), then the diverging ones
// (for values either side of a middle).
func Ramps() []string {
	return append(slices.Sorted(maps.Keys(brewer.SequentialPalettes)), slices.Sorted(maps.Keys(brewer.DivergingPalettes))...)
}

// Ramp returns the n colours of ColorBrewer's scheme name, light to dark
// (or one end to the other), from gonum/plot's copy of the schemes.
func Ramp(name string, n int) ([]color.RGBA, error) {
	p, err := brewer.GetPalette(brewer.TypeAny, name, n)
	if err != nil || !slices.Contains(Ramps(), name) {
		return nil, fmt.Errorf("no colour ramp %q of %d classes; the ramps are %v", name, n, Ramps())
	}
	out := make([]color.RGBA, n)
	for i, c := range p.Colors() {
		out[i] = color.RGBAModel.Convert(c).(color.RGBA)
	}
	return out, nil
}
