package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Plane size of the composite projection: the frame d3.geoAlbersUsa draws
// into with scale 1300 and translate (487.5, 305). Keeping d3's numbers lets
// tests compare against us-atlas' pre-projected files.
const (
	PlaneWidth  = 975
	PlaneHeight = 610
	planeScale  = 1300
)

// conic is an Albers equal-area conic projection placed on the plane,
// following d3-geo's conicEqualArea (rotate, center, parallels, scale,
// translate) so the insets land where readers expect them.
type conic struct {
	rotate     float64 // degrees added to longitude before projecting
	n, c, r0   float64
	k, dx, dy  float64
	minX, minY float64 // inset box on the plane, for the inverse
	maxX, maxY float64
	hasBox     bool
}

func newConic(rotate, centerLon, centerLat, p0, p1, k, tx, ty float64) *conic {
	c := &conic{rotate: rotate, k: k}
	s0 := math.Sin(p0 * math.Pi / 180)
	c.n = (s0 + math.Sin(p1*math.Pi/180)) / 2
	c.c = 1 + s0*(2*c.n-s0)
	c.r0 = math.Sqrt(c.c) / c.n
	cx, cy := c.raw(centerLon*math.Pi/180, centerLat*math.Pi/180)
	c.dx = tx - k*cx
	c.dy = ty + k*cy
	return c
}

func (c *conic) raw(lam, phi float64) (x, y float64) {
	r := math.Sqrt(c.c-2*c.n*math.Sin(phi)) / c.n
	sin, cos := math.Sincos(lam * c.n)
	return r * sin, c.r0 - r*cos
}

// project maps lon/lat in degrees to the plane. Rotation wraps longitude into
// [-180, 180), so the Aleutians on both sides of the antimeridian stay together.
func (c *conic) project(lon, lat float64) orb.Point {
	lam := wrapDegrees(lon+c.rotate) * math.Pi / 180
	x, y := c.raw(lam, lat*math.Pi/180)
	return orb.Point{c.dx + c.k*x, c.dy - c.k*y}
}

func (c *conic) invert(p orb.Point) (lon, lat float64) {
	x := (p[0] - c.dx) / c.k
	y := (c.dy - p[1]) / c.k
	r0y := c.r0 - y
	l := math.Atan2(x, math.Abs(r0y)) * sign(r0y)
	if r0y*c.n < 0 {
		l -= math.Pi * sign(x) * sign(r0y)
	}
	s := (c.c - (x*x+r0y*r0y)*c.n*c.n) / (2 * c.n)
	s = math.Max(-1, math.Min(1, s))
	lon = wrapDegrees(l/c.n*180/math.Pi - c.rotate)
	return lon, math.Asin(s) * 180 / math.Pi
}

func (c *conic) contains(p orb.Point) bool {
	return c.hasBox && p[0] >= c.minX && p[0] < c.maxX && p[1] >= c.minY && p[1] < c.maxY
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func wrapDegrees(d float64) float64 {
	t := d + 180
	if t >= 0 && t < 360 {
		return t - 180 // what Mod would give, exactly: most points need no wrap
	}
	t = math.Mod(t, 360)
	if t < 0 {
		t += 360
	}
	return t - 180
}

// AlbersUSA is the composite every US map reader knows: the lower 48 in an
// Albers equal-area conic, with Alaska, Hawaii and Puerto Rico moved and
// scaled into insets below the Southwest and Florida.
type AlbersUSA struct {
	lower48, alaska, hawaii, puertoRico *conic
}

// NewAlbersUSA returns the composite on the 975×610 plane, with d3's
// parameters for the lower 48, Alaska and Hawaii and those of
// d3-composite-projections for Puerto Rico.
func NewAlbersUSA() *AlbersUSA {
	const k, x, y = planeScale, PlaneWidth / 2.0, PlaneHeight / 2.0
	a := &AlbersUSA{
		lower48:    newConic(96, -0.6, 38.7, 29.5, 45.5, k, x, y),
		alaska:     newConic(154, -2, 58.5, 55, 65, 0.35*k, x-0.307*k, y+0.201*k),
		hawaii:     newConic(157, -3, 19.9, 8, 18, k, x-0.205*k, y+0.212*k),
		puertoRico: newConic(66, 0, 18, 8, 18, k, x+0.350*k, y+0.224*k),
	}
	box := func(c *conic, x0, y0, x1, y1 float64) {
		c.minX, c.minY, c.maxX, c.maxY, c.hasBox = x+x0*k, y+y0*k, x+x1*k, y+y1*k, true
	}
	box(a.alaska, -0.425, 0.120, -0.214, 0.234)
	box(a.hawaii, -0.214, 0.166, -0.115, 0.234)
	box(a.puertoRico, 0.320, 0.204, 0.380, 0.234)
	return a
}

// part chooses the projection for a region by its state FIPS code: insets
// are chosen per state, not per point, so no state is split between frames.
func (a *AlbersUSA) part(fips string) *conic {
	if len(fips) >= 2 {
		switch fips[:2] {
		case "02":
			return a.alaska
		case "15":
			return a.hawaii
		case "72":
			return a.puertoRico
		}
	}
	return a.lower48
}

// Project maps a lon/lat point of the state with the given FIPS code to the plane.
func (a *AlbersUSA) Project(fips string, p orb.Point) orb.Point {
	return a.part(fips).project(p[0], p[1])
}

// Invert maps a plane point back to lon/lat, choosing the inset whose box
// holds the point.
func (a *AlbersUSA) Invert(p orb.Point) orb.Point {
	c := a.lower48
	for _, in := range []*conic{a.alaska, a.hawaii, a.puertoRico} {
		if in.contains(p) {
			c = in
		}
	}
	lon, lat := c.invert(p)
	return orb.Point{lon, lat}
}

// Supported reports whether a region with this FIPS code has a place on the
// composite: the 50 states, DC and Puerto Rico. Other territories have none.
func Supported(fips string) bool {
	if len(fips) < 2 {
		return false
	}
	switch fips[:2] {
	case "60", "66", "69", "74", "78":
		return false
	}
	return true
}
