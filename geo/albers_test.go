package geo

import (
	"context"
	"math"
	"os"
	"testing"

	"github.com/paulmach/orb"
)

// TestProjectionMatchesD3 checks the composite against an independent
// oracle: us-atlas' counties-albers file is d3.geoAlbersUsa's projection of
// the same 2023 shapes onto the same 975×610 plane. Every state's and
// county's projected bounds must agree with d3's to within a pixel; d3's
// file was simplified after projecting, which drops a few islets (the Dry
// Tortugas in Monroe, FL), so up to five counties may differ.
func TestProjectionMatchesD3(t *testing.T) {
	data, err := os.ReadFile("testdata/counties-albers-10m.json")
	if err != nil {
		t.Fatal(err)
	}
	feats, err := decodeTopology(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	b := loadEmbedded(t)
	checked, off := 0, 0
	for _, f := range feats {
		lvl, ok := LevelOf(f.id)
		if !ok {
			continue
		}
		ours := b.Layer(lvl).Region(f.id)
		if ours == nil {
			t.Errorf("%s is in d3's file but not loaded", f.id)
			continue
		}
		want := f.geom.Bound()
		if want.Max[0]-want.Min[0] < 1 {
			continue // d3 collapsed it (Falls Church and friends)
		}
		const tol = 1.0
		if d := maxDiff(ours.Bound, want); d > tol {
			off++
			if lvl == Counties && off <= 5 {
				t.Logf("%s %s: off by %.2f", f.id, ours.Name, d)
				continue
			}
			t.Errorf("%s %s: bound %v, d3 %v (off by %.2f)", f.id, ours.Name, ours.Bound, want, d)
		}
		checked++
	}
	if checked < 3000 {
		t.Errorf("checked %d regions, want all states and counties", checked)
	}
}

func maxDiff(a, b orb.Bound) float64 {
	return math.Max(math.Max(math.Abs(a.Min[0]-b.Min[0]), math.Abs(a.Min[1]-b.Min[1])),
		math.Max(math.Abs(a.Max[0]-b.Max[0]), math.Abs(a.Max[1]-b.Max[1])))
}

func TestInvertRoundTrip(t *testing.T) {
	a := NewAlbersUSA()
	for _, c := range []struct {
		fips     string
		lon, lat float64
	}{
		{"08", -105.0, 39.7},   // Denver
		{"36", -74.0, 40.7},    // New York
		{"02", -149.9, 61.2},   // Anchorage
		{"02", 179.5, 51.8},    // Aleutians, east of the antimeridian
		{"02", -179.5, 51.8},   // and west of it
		{"15", -157.86, 21.31}, // Honolulu
		{"72", -66.1, 18.4},    // San Juan
	} {
		p := a.Project(c.fips, orb.Point{c.lon, c.lat})
		got := a.Invert(p)
		if math.Abs(got[0]-c.lon) > 1e-6 || math.Abs(got[1]-c.lat) > 1e-6 {
			t.Errorf("%s (%v,%v) → %v → %v", c.fips, c.lon, c.lat, p, got)
		}
	}
}

// The Aleutians straddle 180°: points a degree apart across it must land a
// few pixels apart in the Alaska inset, not across the map.
func TestAntimeridian(t *testing.T) {
	a := NewAlbersUSA()
	east := a.Project("02", orb.Point{179.5, 51.8})
	west := a.Project("02", orb.Point{-179.5, 51.8})
	if d := east.X() - west.X(); d > 0 || d < -5 {
		t.Errorf("179.5°E at %v, 179.5°W at %v: want east just left of west", east, west)
	}
}

// outerBound is orb's Bound, read in one pass, for every embedded region
// and for shapes with holes, several polygons or an empty polygon.
func TestOuterBoundIsOrbs(t *testing.T) {
	b := loadEmbedded(t)
	var shapes []orb.MultiPolygon
	for _, l := range []*Layer{b.States, b.Counties} {
		for _, r := range l.Regions {
			shapes = append(shapes, r.Shape)
		}
	}
	square := orb.Ring{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}
	hole := orb.Ring{{1, 1}, {1, 9}, {2, 1}, {1, 1}} // outside its polygon: still not counted
	far := orb.Ring{{-3, 5}, {-1, 5}, {-1, 7}, {-3, 5}}
	shapes = append(shapes,
		orb.MultiPolygon{{square, hole}},
		orb.MultiPolygon{{square}, {}, {far}},
		orb.MultiPolygon{{}, {square}},
		orb.MultiPolygon{})
	for i, mp := range shapes {
		if got, want := outerBound(mp), mp.Bound(); got != want {
			t.Errorf("shape %d: outerBound %v, orb %v", i, got, want)
		}
	}
}

// Longitudes wrap into [-180, 180), the usual ones without Mod, exactly
// as Mod would.
func TestWrapDegrees(t *testing.T) {
	for d, want := range map[float64]float64{0: 0, -180: -180, 180: -180, 179.5: 179.5, -181: 179, 190: -170, 540: -180, -540: -180, 1e-17: 0} {
		if got := wrapDegrees(d); got != want {
			t.Errorf("wrapDegrees(%g) = %g, want %g", d, got, want)
		}
	}
}
