package render

import (
	"image/color"
	"math"
	"slices"
	"testing"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// Every legend a map can show keeps its plain swatches (not the dotted or
// striped ones, which a pattern sets apart, nor the faded one, which
// stands for any fill outside the filter) at least ΔE2000 = 10 apart
// in both themes, and still apart for readers with deuteranopia or
// protanopia (Machado et al. 2009, severity 1).
func TestLegendColoursStayApart(t *testing.T) {
	b, d := embedded(t)
	f := dataset.Filter{Category: dataset.StateLimits}
	for _, th := range []struct {
		name  string
		theme style.Theme
	}{{"light", style.Light()}, {"dark", style.Dark()}} {
		for _, by := range style.ColorBys() {
			for _, level := range []geo.Level{geo.States, geo.Counties} {
				entries := Legend(at(b, d, level, date("2026-05-18")), by, docDHS, th.theme, i18n.English)
				entries = append(entries, Legend(resolveFiltered(b, d, level, f), by, docDHS, th.theme, i18n.English)...)
				var plain []LegendEntry
				for _, e := range entries {
					if e.Pattern == style.Plain && !e.Faded && e.Hatch == dataset.NoSuit && !containsColor(plain, e.Color) {
						plain = append(plain, e)
					}
				}
				for _, vision := range []struct {
					name string
					m    *[3][3]float64
					min  float64
				}{{"normal", nil, 10}, {"deuteranopia", &deuteranopia, 10}, {"protanopia", &protanopia, 10}} {
					for i := range plain {
						for j := i + 1; j < len(plain); j++ {
							a, c := plain[i].Color, plain[j].Color
							if vision.m != nil {
								a, c = simulate(a, vision.m), simulate(c, vision.m)
							}
							if de := deltaE2000(a, c); de < vision.min {
								t.Errorf("%s theme, %v, %v, %s: %q and %q are ΔE %.1f apart", th.name, by, level, vision.name, plain[i].Label, plain[j].Label, de)
							}
						}
					}
				}
			}
		}
	}
}

func containsColor(es []LegendEntry, c color.RGBA) bool {
	for _, e := range es {
		if e.Color == c {
			return true
		}
	}
	return false
}

func TestDeltaE2000(t *testing.T) {
	// Pairs from Sharma, Wu and Dalal (2005), table 1, given in Lab.
	for _, c := range []struct{ l1, a1, b1, l2, a2, b2, want float64 }{
		{50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425},
		{50, -1.3802, -84.2814, 50, 0, -82.7485, 1.0000},
		{50, 2.5, 0, 50, 0, -2.5, 4.3065},
		{60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
		{22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373},
	} {
		if got := deltaE2000Lab(c.l1, c.a1, c.b1, c.l2, c.a2, c.b2); math.Abs(got-c.want) > 1e-4 {
			t.Errorf("ΔE(%v) = %.4f, want %.4f", c, got, c.want)
		}
	}
}

// Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB.
var (
	deuteranopia = [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}
	protanopia   = [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}
)

func toLinear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

func fromLinear(v float64) uint8 {
	v = math.Max(0, math.Min(1, v))
	if v <= 0.0031308 {
		v *= 12.92
	} else {
		v = 1.055*math.Pow(v, 1/2.4) - 0.055
	}
	return uint8(v*255 + 0.5)
}

func simulate(c color.RGBA, m *[3][3]float64) color.RGBA {
	r, g, b := toLinear(c.R), toLinear(c.G), toLinear(c.B)
	ch := func(i int) uint8 { return fromLinear(m[i][0]*r + m[i][1]*g + m[i][2]*b) }
	return color.RGBA{ch(0), ch(1), ch(2), 0xff}
}

// lab converts sRGB to CIELAB (D65).
func lab(c color.RGBA) (l, a, b float64) {
	r, g, bl := toLinear(c.R), toLinear(c.G), toLinear(c.B)
	x := (0.4124564*r + 0.3575761*g + 0.1804375*bl) / 0.95047
	y := 0.2126729*r + 0.7151522*g + 0.0721750*bl
	z := (0.0193339*r + 0.1191920*g + 0.9503041*bl) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

func deltaE2000(x, y color.RGBA) float64 {
	l1, a1, b1 := lab(x)
	l2, a2, b2 := lab(y)
	return deltaE2000Lab(l1, a1, b1, l2, a2, b2)
}

// deltaE2000Lab is CIEDE2000 as Sharma, Wu and Dalal (2005) write it.
func deltaE2000Lab(l1, a1, b1, l2, a2, b2 float64) float64 {
	const rad = math.Pi / 180
	pow7 := func(v float64) float64 { return math.Pow(v, 7) }
	cBar := (math.Hypot(a1, b1) + math.Hypot(a2, b2)) / 2
	g := 0.5 * (1 - math.Sqrt(pow7(cBar)/(pow7(cBar)+pow7(25))))
	a1p, a2p := a1*(1+g), a2*(1+g)
	c1p, c2p := math.Hypot(a1p, b1), math.Hypot(a2p, b2)
	hue := func(b, a float64) float64 {
		if a == 0 && b == 0 {
			return 0
		}
		h := math.Atan2(b, a) / rad
		if h < 0 {
			h += 360
		}
		return h
	}
	h1p, h2p := hue(b1, a1p), hue(b2, a2p)
	dh := 0.0
	if c1p*c2p != 0 {
		dh = h2p - h1p
		if dh > 180 {
			dh -= 360
		} else if dh < -180 {
			dh += 360
		}
	}
	dL, dC := l2-l1, c2p-c1p
	dH := 2 * math.Sqrt(c1p*c2p) * math.Sin(dh/2*rad)
	lBar, cBarP := (l1+l2)/2, (c1p+c2p)/2
	hBar := h1p + h2p
	if c1p*c2p != 0 {
		if math.Abs(h1p-h2p) > 180 {
			if hBar < 360 {
				hBar += 360
			} else {
				hBar -= 360
			}
		}
		hBar /= 2
	}
	tt := 1 - 0.17*math.Cos((hBar-30)*rad) + 0.24*math.Cos(2*hBar*rad) + 0.32*math.Cos((3*hBar+6)*rad) - 0.20*math.Cos((4*hBar-63)*rad)
	dTheta := 30 * math.Exp(-math.Pow((hBar-275)/25, 2))
	rc := 2 * math.Sqrt(pow7(cBarP)/(pow7(cBarP)+pow7(25)))
	sl := 1 + 0.015*math.Pow(lBar-50, 2)/math.Sqrt(20+math.Pow(lBar-50, 2))
	sc := 1 + 0.045*cBarP
	sh := 1 + 0.015*cBarP*tt
	rt := -math.Sin(2*dTheta*rad) * rc
	return math.Sqrt(math.Pow(dL/sl, 2) + math.Pow(dC/sc, 2) + math.Pow(dH/sh, 2) + rt*(dC/sc)*(dH/sh))
}

func resolveFiltered(b *geo.Boundaries, d *dataset.Dataset, level geo.Level, f dataset.Filter) *view.View {
	return view.Resolve(d, b.Layer(level), date("2026-05-18"), f)
}

// Every fill the map draws can be read off its legend: its colour is an
// entry's, and its dots or fading have an entry of their own.
func TestLegendExplainsEveryFill(t *testing.T) {
	b, d := embedded(t)
	for _, th := range []style.Theme{style.Light(), style.Dark()} {
		for _, by := range style.ColorBys() {
			for _, v := range []*view.View{at(b, d, geo.Counties, date("2026-05-18")), resolveFiltered(b, d, geo.Counties, dataset.Filter{Category: dataset.StateMandates})} {
				entries := Legend(v, by, docDHS, th, i18n.English)
				has := func(ok func(LegendEntry) bool) bool { return slices.ContainsFunc(entries, ok) }
				for _, regs := range [][]view.Region{v.Regions, v.Cities} {
					for i := range regs {
						r := &regs[i]
						c, pat := fill(r, Options{ColorBy: by, Compare: docDHS, Theme: th})
						if !r.Shown {
							if !has(func(e LegendEntry) bool { return e.Faded }) {
								t.Fatalf("%v: %s is faded, the legend has no faded entry", by, r.Name)
							}
							continue
						}
						if !has(func(e LegendEntry) bool { return e.Color == c && e.Pattern == style.Plain && e.Hatch == dataset.NoSuit }) {
							t.Fatalf("%v: %s's fill %v is in no legend entry", by, r.Name, c)
						}
						if pat != style.Plain && !has(func(e LegendEntry) bool { return e.Pattern == pat }) {
							t.Fatalf("%v: %s has pattern %v, the legend has no entry with it", by, r.Name, pat)
						}
					}
				}
			}
		}
	}
}

// docDHS compares the DOJ's list with the DHS's.
var docDHS = view.Comparison{A: "doj-2025", B: "dhs-2025"}
