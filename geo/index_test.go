package geo

import (
	"testing"

	"github.com/paulmach/orb"
)

// A square "state" with a square hole, wound the wrong way round on
// purpose: loading must normalise it.
const holed = `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","properties":{"name":"Square"},
 "geometry":{"type":"Polygon","coordinates":[
  [[-109,37],[-109,41],[-102,41],[-102,37],[-109,37]],
  [[-106,38],[-105,38],[-105,39],[-106,39],[-106,38]]]}}]}`

func TestRegionAtHole(t *testing.T) {
	b, err := Load("holed.geojson", []byte(holed))
	if err != nil {
		t.Fatal(err)
	}
	a := NewAlbersUSA()
	l := b.States
	if got := l.RegionAt(a.Project("08", orb.Point{-108, 40})); got != 0 {
		t.Errorf("inside the ring: got %d, want 0", got)
	}
	if got := l.RegionAt(a.Project("08", orb.Point{-105.5, 38.5})); got != -1 {
		t.Errorf("inside the hole: got %d, want -1", got)
	}
	if got := l.RegionAt(a.Project("08", orb.Point{-100, 40})); got != -1 {
		t.Errorf("outside: got %d, want -1", got)
	}
	// Wound counter-clockwise in lon/lat, the outer ring turns clockwise
	// on the y-down plane, and the hole the other way.
	if outer := signedArea(l.Regions[0].Shape[0][0]); outer >= 0 {
		t.Errorf("outer ring not wound as Normalize winds it (plane area %g)", outer)
	}
	if hole := signedArea(l.Regions[0].Shape[0][1]); hole <= 0 {
		t.Errorf("hole not wound against its outer ring (plane area %g)", hole)
	}
}

func TestRegionAtInsets(t *testing.T) {
	b := loadEmbedded(t)
	a := NewAlbersUSA()
	for _, c := range []struct {
		fips     string
		lon, lat float64
	}{
		{"08", -105.0, 39.7},
		{"48", -99.0, 31.0},
		{"02", -149.9, 61.2},
		{"02", 172.96, 52.9}, // Attu, across the antimeridian
		{"15", -155.5, 19.6},
		{"72", -66.5, 18.2},
		{"11", -77.03, 38.9},
	} {
		i := b.States.RegionAt(a.Project(c.fips, orb.Point{c.lon, c.lat}))
		if i < 0 || b.States.Regions[i].FIPS != c.fips {
			t.Errorf("(%v, %v): got %d, want state %s", c.lon, c.lat, i, c.fips)
		}
	}
	// Amchitka (Aleutians West) lies just west of 180°: a county-level hit.
	if i := b.Counties.RegionAt(a.Project("02", orb.Point{179.03, 51.51})); i < 0 || b.Counties.Regions[i].FIPS != "02016" {
		t.Errorf("Amchitka: got %d, want 02016 Aleutians West", i)
	}
}

func TestViewportZoomKeepsAnchor(t *testing.T) {
	v := Fit(800, 500, Frame())
	before := v.ToPlane(200, 100)
	z := v.ZoomAt(200, 100, 3)
	after := z.ToPlane(200, 100)
	if before.Equal(after) == false && (abs(before[0]-after[0]) > 1e-9 || abs(before[1]-after[1]) > 1e-9) {
		t.Errorf("anchor moved: %v → %v", before, after)
	}
	if z.Zoom != 3 {
		t.Errorf("zoom = %v", z.Zoom)
	}
	x, y := z.ToPixel(z.ToPlane(123, 456))
	if abs(x-123) > 1e-9 || abs(y-456) > 1e-9 {
		t.Errorf("ToPixel(ToPlane) = %v,%v", x, y)
	}
	p := z.Pan(50, -20)
	x, y = p.ToPixel(z.ToPlane(100, 100))
	if abs(x-150) > 1e-9 || abs(y-80) > 1e-9 {
		t.Errorf("after pan the point moved to %v,%v, want 150,80", x, y)
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func BenchmarkRegionAt(b *testing.B) {
	bs := loadEmbedded(b)
	a := NewAlbersUSA()
	pts := []orb.Point{a.Project("08", orb.Point{-105, 39.7}), a.Project("36", orb.Point{-74, 40.7}),
		a.Project("48", orb.Point{-99, 31}), a.Project("02", orb.Point{-150, 61})}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		bs.Counties.RegionAt(pts[i%len(pts)])
	}
}

func BenchmarkLoadEmbedded(b *testing.B) {
	for b.Loop() {
		loadEmbedded(b)
	}
}

// Selecting a place frames it at about a third of the view, whether the
// view was zoomed in or out, and a tiny one stops at FocusZoom.
func TestCenterOnFramesAThird(t *testing.T) {
	for _, zoom := range []float64{1, 50} {
		vp := Fit(1200, 800, Frame())
		vp.Zoom = zoom
		b := orb.Bound{Min: orb.Point{400, 300}, Max: orb.Point{440, 320}}
		got := vp.CenterOn(b)
		x0, _ := got.ToPixel(b.Min)
		x1, _ := got.ToPixel(b.Max)
		if share := (x1 - x0) / float64(got.W); share < 0.3 || share > 0.36 {
			t.Errorf("from zoom %v: the bound spans %.2f of the width, want about a third", zoom, share)
		}
		if got.Center != b.Center() {
			t.Errorf("centre %v, want %v", got.Center, b.Center())
		}
	}
	tiny := orb.Bound{Min: orb.Point{400, 300}, Max: orb.Point{400.01, 300.01}}
	if z := Fit(1200, 800, Frame()).CenterOn(tiny).Zoom; z != FocusZoom {
		t.Errorf("a tiny bound zooms to %v, want %v", z, FocusZoom)
	}
}
