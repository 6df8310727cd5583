// Package style turns policy categories and lawsuit states into colours,
// with palettes that stay apart for colour-blind readers (ColorBrewer PuOr
// and PRGn) and read on light and dark backgrounds. Every fill the map
// draws is a legend entry: a category, a lawsuit state, "no data", or one
// of them with a pattern (dots: follows its state; rules: last confirmed
// long ago; stripes: DOJ suit).
package style

import (
	"image/color"
	"strings"

	"sanctuarymap/internal/dataset"
)

// ColorBy chooses what the map's fills show.
type ColorBy int

const (
	ByPolicy ColorBy = iota
	ByLawsuits
	ByBoth    // policy fill with lawsuit hatching
	ByCompare // two lists (or a list and a category) side by side
	// ByData colours by a column of the user's own sheet; it is offered
	// only once a sheet is open, so ColorBys leaves it out.
	ByData
)

// ColorBys lists the colourings, in menu order.
func ColorBys() []ColorBy { return []ColorBy{ByPolicy, ByLawsuits, ByBoth, ByCompare} }

// ParseColorBy reads a colouring by its name (the --color flag's values)
// or its label, in any case.
func ParseColorBy(s string) (ColorBy, bool) {
	for _, c := range append(ColorBys(), ByData) {
		if strings.EqualFold(s, c.String()) || strings.EqualFold(s, c.Label()) {
			return c, true
		}
	}
	return 0, false
}

func (c ColorBy) String() string {
	return [...]string{"policy", "lawsuits", "both", "compare", "data"}[c]
}

// Label names the colouring in a menu.
func (c ColorBy) Label() string {
	return [...]string{"Policy", "Lawsuits", "Both", "Compare lists", "Your data"}[c]
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// Category colours run purple (limits cooperation) through grey (nothing
// known) to orange (mandates cooperation): ColorBrewer's PuOr, a diverging
// scheme with no good/bad reading such as red and green would suggest, and
// one that stays apart under deuteranopia and protanopia. Its middle grey
// is darkened (b0b0b0, not PuOr's f7f7f7) so "no known policy" stays apart
// from the palest purple and from "no data" (ΔE2000 ≥ 10; render/legend_test.go).
var categoryColor = map[dataset.Category]color.RGBA{
	dataset.StateLimits:           rgb(0x542788),
	dataset.LocalLimitsDetainers:  rgb(0x8073ac),
	dataset.LocalLimitsInfoAccess: rgb(0xb2abd2),
	dataset.LocalDeclarationOnly:  rgb(0xd8daeb),
	dataset.NoKnownPolicy:         rgb(0xb0b0b0),
	dataset.CooperatesPractice:    rgb(0xfee0b6),
	dataset.Agreement287g:         rgb(0xf1a340),
	dataset.StateMandates:         rgb(0xb35806),
}

// Category returns the fill of a category.
func Category(c dataset.Category) color.RGBA {
	if v, ok := categoryColor[c]; ok {
		return v
	}
	return categoryColor[dataset.NoKnownPolicy]
}

// Pattern marks a fill whose meaning is qualified: patterns rather than
// lighter tints, since a tint of one category looks like another.
type Pattern uint8

const (
	Plain Pattern = iota
	// Dots: the region follows its state (no row of its own).
	Dots
	// Rules: the region's own fact was last confirmed long before the
	// day shown (horizontal lines, apart from the suits' diagonals).
	Rules
)

// On says whether pixel (x, y) is a mark of the pattern.
func (p Pattern) On(x, y int) bool {
	switch p {
	case Dots:
		return x%4 == 1 && y%4 == 1
	case Rules:
		return y%5 == 2
	}
	return false
}

// DotColor is the colour of a pattern's marks on fill c: darker on light fills,
// lighter on dark ones.
func DotColor(c color.RGBA) color.RGBA {
	if 299*int(c.R)+587*int(c.G)+114*int(c.B) > 128*1000 {
		return Mix(c, rgb(0x000000), 0.55)
	}
	return Mix(c, rgb(0xffffff), 0.6)
}

// Faded is fill c outside the filter.
func Faded(c color.RGBA, th Theme) color.RGBA { return Mix(c, th.Background, 0.8) }

var suitColor = [...]color.RGBA{
	dataset.NoSuit:       rgb(0xdcdcdc),
	dataset.SuitResolved: rgb(0xa6dba0),
	dataset.SuitPending:  rgb(0x1b7837),
}

// compareColor fills the sides of a comparison, in view.Side's order
// (neither, only the first, only the second, both): ColorBrewer PuOr's
// dark orange and purple for the two "only" sides, which stay apart under
// deuteranopia and protanopia, a darker purple for both, and light grey
// for neither.
var compareColor = [...]color.RGBA{rgb(0xdcdcdc), rgb(0xe66101), rgb(0x8073ac), rgb(0x2d004b)}

// sheetColor is ColorBrewer's Paired, twelve colours for the values of a
// user's column, in the order of the sorted values, so the same values get
// the same colours on every run.
var sheetColor = [...]color.RGBA{rgb(0xa6cee3), rgb(0x1f78b4), rgb(0xb2df8a), rgb(0x33a02c), rgb(0xfb9a99), rgb(0xe31a1c),
	rgb(0xfdbf6f), rgb(0xff7f00), rgb(0xcab2d6), rgb(0x6a3d9a), rgb(0xffff99), rgb(0xb15928)}

// SheetColors is how many values of a user's column get a colour of their
// own; the rest share the last, as "Other".
const SheetColors = len(sheetColor)

// Sheet returns the fill of the i-th of a column's sorted values.
func Sheet(i int) color.RGBA { return sheetColor[min(i, SheetColors-1)] }

// Compare returns the fill of side s of a comparison (a view.Side).
func Compare(s int) color.RGBA { return compareColor[s] }

// Suit returns the fill of a lawsuit state when colouring by lawsuits.
func Suit(s dataset.SuitState) color.RGBA { return suitColor[s] }

// Hatch says whether pixel (x, y) of a region with suit state s is a hatch
// line when colouring by both: dense dark stripes for a pending suit,
// sparse ones the other way for a resolved one, so the fill stays readable.
func Hatch(s dataset.SuitState, x, y int) bool {
	switch s {
	case dataset.SuitPending:
		return (x+y)%7 < 2
	case dataset.SuitResolved:
		return (x-y+1<<20)%9 == 0
	}
	return false
}

// HatchColor is the colour of hatch lines.
func HatchColor() color.RGBA { return rgb(0x1a1a1a) }

// RGBA converts any colour to color.RGBA.
func RGBA(c color.Color) color.RGBA {
	return color.RGBAModel.Convert(c).(color.RGBA)
}

// Mix returns a*(1-t) + b*t.
func Mix(a, b color.RGBA, t float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}

// Theme holds the colours around the fills.
type Theme struct {
	Background  color.RGBA
	Text        color.RGBA
	StateBorder color.RGBA
	// CountyBorder is blended over the fill so county lines stay subtle.
	CountyBorder color.RGBA
	CountyAlpha  float64
	Selection    color.RGBA
	Hover        color.RGBA
	Changed      color.RGBA
	Panel        color.NRGBA // legend background
	// NoData fills a region with no row of its own and none above it.
	NoData color.RGBA
}

// Light is for exports and light desktops.
func Light() Theme {
	return Theme{
		Background:   rgb(0xffffff),
		Text:         rgb(0x1a1a1a),
		StateBorder:  rgb(0x3a3a3a),
		CountyBorder: rgb(0xffffff),
		CountyAlpha:  0.6,
		Selection:    rgb(0x00a0e0),
		Hover:        rgb(0x202020),
		Changed:      rgb(0xe6007e),
		Panel:        color.NRGBA{0xff, 0xff, 0xff, 0xe8},
		NoData:       rgb(0xffffff),
	}
}

// Dark is for dark desktops: the fills are unchanged, so the legend means
// the same in both; only "no data" follows the background.
func Dark() Theme {
	return Theme{
		Background:   rgb(0x17181c),
		Text:         rgb(0xececec),
		StateBorder:  rgb(0x101010),
		CountyBorder: rgb(0x17181c),
		CountyAlpha:  0.5,
		Selection:    rgb(0x38c8ff),
		Hover:        rgb(0xffffff),
		Changed:      rgb(0xff4fb0),
		Panel:        color.NRGBA{0x22, 0x23, 0x28, 0xe8},
		NoData:       rgb(0x33353b),
	}
}
