package geo

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func checkLoad(t *testing.T, data []byte) {
	b, err := Load("f.json", data)
	if (b == nil) == (err == nil) {
		t.Fatalf("want exactly one of boundaries and an error, got %v and %v", b, err)
	}
	if b == nil {
		return
	}
	for _, l := range []*Layer{b.States, b.Counties, b.Tracts} {
		if l == nil {
			continue
		}
		for _, r := range l.Regions {
			for _, v := range []float64{r.Bound.Min[0], r.Bound.Min[1], r.Bound.Max[0], r.Bound.Max[1]} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("region %s has bound %v", r.FIPS, r.Bound)
				}
			}
			l.RegionAt(r.Bound.Center())
		}
		l.RegionAt(orb.Point{500, 300})
	}
}

// FuzzLoadGeoJSON: any bytes give boundaries or an error, never a panic.
func FuzzLoadGeoJSON(f *testing.F) {
	f.Add([]byte(holed))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":6069,"geometry":{"type":"MultiPolygon","coordinates":[[[[-121,36],[-120,36],[-120,37],[-121,36]]]]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"GEOID":"06069"},"geometry":null}]}`))
	f.Fuzz(func(t *testing.T, data []byte) { checkLoad(t, data) })
}

// FuzzLoadTopoJSON: the TopoJSON decoder, quantised and not.
func FuzzLoadTopoJSON(f *testing.F) {
	f.Add([]byte(`{"type":"Topology","transform":{"scale":[0.01,0.01],"translate":[-110,35]},"objects":{"s":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":"08","arcs":[[0]]},{"type":"MultiPolygon","id":"49","arcs":[[[~0]]]}]}},"arcs":[[[0,0],[100,0],[0,100],[-100,-100]]]}`))
	f.Add([]byte(`{"type":"Topology","objects":{"c":{"type":"Polygon","id":"08001","arcs":[[0,1]]}},"arcs":[[[-105,39],[-104,39]],[[-104,39],[-104,40],[-105,39]]]}`))
	f.Fuzz(func(t *testing.T, data []byte) { checkLoad(t, data) })
}

// FuzzNumber: a number the reader takes is the number strconv.ParseFloat
// reads from the same text, bit for bit.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{"0", "-0", "1.5", "-122.419415", "37.77492950", "-97.12345678901234567", "1e308", "1.7976931348623157e308", "4.9e-324",
		"0.1000000000000000055511151231257827", "123456789012345678", "9007199254740993", "01", ".5", "+1", "1.", "-", "1e", "0.30000000000000004441"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := arcParser{b: []byte(s)}
		got, err := p.number()
		if err != nil || p.i != len(s) {
			return
		}
		// The reader steps over JSON's white space before a number.
		want, perr := strconv.ParseFloat(strings.TrimLeft(s, " \t\r\n"), 64)
		if perr != nil {
			t.Fatalf("read %q as %v, which ParseFloat refuses: %v", s, got, perr)
		}
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("read %q as %v (%#x), ParseFloat gives %v (%#x)", s, got, math.Float64bits(got), want, math.Float64bits(want))
		}
	})
}
