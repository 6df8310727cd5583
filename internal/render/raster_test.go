package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"sanctuarymap/geo"
)

// planeLayer returns a layer whose regions have the given shapes, already
// in plane units, and a w×h viewport in which one plane unit is one pixel
// with the origin at the top left.
func planeLayer(t testing.TB, w, h int, shapes ...orb.MultiPolygon) (*geo.Layer, geo.Viewport) {
	var feats []string
	for i := range shapes {
		feats = append(feats, fmt.Sprintf(`{"type":"Feature","id":"%02d","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-100,40],[-99,40],[-99,41],[-100,41],[-100,40]]]}}`, i+1))
	}
	b, err := geo.Load("plane.geojson", []byte(`{"type":"FeatureCollection","features":[`+strings.Join(feats, ",")+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range shapes {
		b.States.Regions[i].Shape, b.States.Regions[i].Bound = s, s.Bound()
	}
	frame := orb.Bound{Max: orb.Point{float64(w), float64(h)}}
	return b.States, geo.Viewport{W: w, H: h, Frame: frame, Zoom: 1 / 0.96, Center: frame.Center()}
}

func ascii(b *idBuffer) string {
	var s strings.Builder
	for y := range b.h {
		for x := range b.w {
			if id := b.at(x, y); id < 0 {
				s.WriteByte('.')
			} else {
				s.WriteByte('A' + byte(id))
			}
		}
		s.WriteByte('\n')
	}
	return s.String()
}

func rect(x0, y0, x1, y1 float64) orb.Ring {
	return orb.Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
}

// A pixel belongs to the region covering its centre; a hole wound the
// other way is left out, and a second region fills it.
func Example_squareWithHole() {
	hole := rect(3, 2, 6, 5)
	hole.Reverse()
	layer, vp := planeLayer(nil, 10, 8,
		orb.MultiPolygon{{rect(1, 0.5, 8, 7), hole}},
		orb.MultiPolygon{{rect(4, 3, 5, 4)}})
	var b idBuffer
	b.rasterize(layer, vp)
	fmt.Print(ascii(&b))
	// Output:
	// .AAAAAAA..
	// .AAAAAAA..
	// .AA...AA..
	// .AA.B.AA..
	// .AA...AA..
	// .AAAAAAA..
	// .AAAAAAA..
	// ..........
}

// A pixel whose centre lies on an edge goes to the region on the edge's
// right or below it (a top-left rule), so two regions sharing an edge
// never both claim a pixel and never leave a gap between them.
func TestRasterPixelCentres(t *testing.T) {
	layer, vp := planeLayer(t, 6, 3,
		orb.MultiPolygon{{rect(0.5, 0.5, 2.5, 2.5)}},
		orb.MultiPolygon{{rect(2.5, 0.5, 4.5, 2.5)}})
	var b idBuffer
	b.rasterize(layer, vp)
	want := "AABB..\nAABB..\n......\n"
	if got := ascii(&b); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// The rows are split into bands, one per core: a shape across the band
// edges is drawn as a single band draws it.
func TestRasterBandEdges(t *testing.T) {
	tri := orb.MultiPolygon{{orb.Ring{{0.3, 0.2}, {11.7, 6.5}, {2.1, 12.9}, {0.3, 0.2}}}}
	layer, vp := planeLayer(t, 12, 13, tri)
	var banded idBuffer
	banded.rasterize(layer, vp)
	want := ascii(&banded)
	if strings.Count(want, "A") < 40 {
		t.Fatalf("the triangle barely drew:\n%s", want)
	}
	for _, splits := range [][]int{{0, 13}, {0, 6, 7, 13}, {0, 1, 12, 13}} {
		cut := idBuffer{w: vp.W, h: vp.H, ids: make([]int32, vp.W*vp.H)}
		for i := 0; i+1 < len(splits); i++ {
			cut.rasterizeRows(layer, vp, splits[i], splits[i+1])
		}
		if got := ascii(&cut); got != want {
			t.Errorf("bands %v\n%swant\n%s", splits, got, want)
		}
	}
}

// Property: at every pixel centre the id buffer says what the hit-test
// says, for the embedded states and for every boundary file of the fuzz
// corpus that loads.
func TestRasterAgreesWithHitTest(t *testing.T) {
	b, _ := embedded(t)
	layers := map[string]*geo.Layer{"embedded states": b.States}
	for _, dir := range []string{"FuzzLoadGeoJSON", "FuzzLoadTopoJSON"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "geo", "testdata", "fuzz", dir, "*"))
		for _, f := range files {
			data := corpusBytes(t, f)
			name := "x.geojson"
			if dir == "FuzzLoadTopoJSON" {
				name = "x.topojson"
			}
			if fb, err := geo.Load(name, data); err == nil {
				layers[f] = fb.States
				if fb.Counties != nil {
					layers[f] = fb.Counties
				}
			}
		}
	}
	if len(layers) < 3 {
		t.Fatalf("only %d layers loaded", len(layers))
	}
	for name, layer := range layers {
		frame := layer.Regions[0].Bound
		for _, r := range layer.Regions {
			frame = frame.Union(r.Bound)
		}
		vp := geo.Fit(240, 160, frame)
		var buf idBuffer
		buf.rasterize(layer, vp)
		bad := 0
		for y := range vp.H {
			for x := range vp.W {
				if got, want := buf.at(x, y), layer.RegionAt(vp.ToPlane(float64(x)+0.5, float64(y)+0.5)); int(got) != want {
					bad++
					if bad <= 3 {
						t.Errorf("%s: pixel (%d,%d) is region %d, hit-test says %d", name, x, y, got, want)
					}
				}
			}
		}
	}
}

// corpusBytes reads the []byte of a `go test fuzz v1` file.
func corpusBytes(t *testing.T, path string) []byte {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, arg, _ := strings.Cut(strings.TrimSpace(string(raw)), "\n")
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(arg, "[]byte("), ")"))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return []byte(s)
}
