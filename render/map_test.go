package render

import (
	"bytes"
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"

	"sanctuarymap/assets"
	"sanctuarymap/dataset"
	"sanctuarymap/geo"
	"sanctuarymap/style"
)

func embedded(t testing.TB) (*geo.Boundaries, *dataset.Dataset) {
	t.Helper()
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b, d
}

// pixelAt returns the colour drawn at a lon/lat point of a state.
func pixelAt(img *image.RGBA, vp geo.Viewport, fips string, lon, lat float64) color.RGBA {
	x, y := vp.ToPixel(geo.NewAlbersUSA().Project(fips, orb.Point{lon, lat}))
	return img.RGBAAt(int(x), int(y))
}

func TestStateFills(t *testing.T) {
	b, d := embedded(t)
	vp := geo.Fit(960, 600, geo.Frame)
	img := New(b, d).Draw(vp, Options{Theme: style.Light})
	for _, c := range []struct {
		name, fips string
		lon, lat   float64
	}{
		{"Colorado", "08", -105.5, 39.0},
		{"Texas", "48", -99.0, 31.0},
		{"Wisconsin", "55", -89.8, 44.5},
		{"Alaska", "02", -150, 64},
		{"Hawaii (Big Island)", "15", -155.5, 19.6},
	} {
		want := style.Category(d.Jurisdiction(c.fips).Category)
		if got := pixelAt(img, vp, c.fips, c.lon, c.lat); got != want {
			t.Errorf("%s: pixel %v, want %v (%s)", c.name, got, want, d.Jurisdiction(c.fips).Category)
		}
	}
	if got := img.RGBAAt(2, 2); got != style.Light.Background {
		t.Errorf("corner: %v, want the background", got)
	}
}

// Counties without a row of their own show their state's category in a
// lighter tint.
func TestCountyInheritsStateTint(t *testing.T) {
	b, d := embedded(t)
	vp := geo.Fit(1920, 1080, geo.Frame)
	img := New(b, d).Draw(vp, Options{Level: geo.Counties, Theme: style.Light})
	// Lincoln County, Colorado: far from any border.
	want := style.Inherited(d.Jurisdiction("08").Category)
	if got := pixelAt(img, vp, "08", -103.5, 39.0); got != want {
		t.Errorf("Lincoln County, CO: %v, want %v", got, want)
	}
}

func TestSelectionOutline(t *testing.T) {
	b, d := embedded(t)
	vp := geo.Fit(960, 600, geo.Frame)
	img := New(b, d).Draw(vp, Options{Theme: style.Light, Selected: "08"})
	co := b.States.Region("08")
	x0, y0 := vp.ToPixel(co.Bound.Min)
	x1, y1 := vp.ToPixel(co.Bound.Max)
	inside, outside := 0, 0
	for y := 0; y < vp.H; y++ {
		for x := 0; x < vp.W; x++ {
			if img.RGBAAt(x, y) != style.Light.Selection {
				continue
			}
			if float64(x) >= x0-1 && float64(x) <= x1+1 && float64(y) >= y0-1 && float64(y) <= y1+1 {
				inside++
			} else {
				outside++
			}
		}
	}
	// Colorado's perimeter is about 2×(70+55) px here, outlined 3 px deep.
	if inside < 500 || outside > 0 {
		t.Errorf("selection pixels: %d in Colorado's box, %d outside", inside, outside)
	}
	// The centre keeps its fill.
	if got, want := pixelAt(img, vp, "08", -105.5, 39.0), style.Category(d.Jurisdiction("08").Category); got != want {
		t.Errorf("Colorado centre: %v, want fill %v", got, want)
	}
}

func TestRegionAtPixel(t *testing.T) {
	b, _ := embedded(t)
	vp := geo.Fit(960, 600, geo.Frame)
	x, y := vp.ToPixel(geo.NewAlbersUSA().Project("15", orb.Point{-155.5, 19.6}))
	if r := RegionAt(b, geo.States, vp, x, y); r == nil || r.ID != "15" {
		t.Errorf("Hawaii inset: got %v", r)
	}
	zoomed := vp.ZoomAt(x, y, 8)
	if r := RegionAt(b, geo.States, zoomed, x, y); r == nil || r.ID != "15" {
		t.Errorf("Hawaii zoomed 8×: got %v", r)
	}
}

func BenchmarkRedrawCounties(b *testing.B) {
	bs, d := embedded(b)
	r := New(bs, d)
	vp := geo.Fit(1920, 1080, geo.Frame)
	img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	opt := Options{Level: geo.Counties, Theme: style.Light}
	for b.Loop() {
		r.valid = false // a full redraw: rasterise and paint
		r.DrawInto(img, vp, opt)
	}
}

func BenchmarkRecolourCounties(b *testing.B) {
	bs, d := embedded(b)
	r := New(bs, d)
	vp := geo.Fit(1920, 1080, geo.Frame)
	img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	opt := Options{Level: geo.Counties, Theme: style.Light}
	for i := 0; b.Loop(); i++ {
		opt.Hovered = []string{"08031", "36061"}[i%2]
		r.DrawInto(img, vp, opt)
	}
}

// An isolated category keeps its fill; the others fade toward the background.
func TestFilterFades(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	vp := geo.Fit(960, 600, geo.Frame)
	img := New(b, d).Draw(vp, Options{Theme: style.Light, Filter: dataset.Filter{Category: dataset.StateLimits}})
	if got, want := pixelAt(img, vp, "08", -105.5, 39.0), style.Category(dataset.StateLimits); got != want {
		t.Errorf("Colorado: %v, want %v", got, want)
	}
	faded := style.Mix(style.Category(dataset.StateMandates), style.Light.Background, 0.8)
	if got := pixelAt(img, vp, "48", -99.0, 31.0); got != faded {
		t.Errorf("Texas: %v, want faded %v", got, faded)
	}
}

// Redrawing after the hover or selection moved must give exactly the frame
// a full draw gives.
func TestRedrawMatchesFullDraw(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	vp := geo.Fit(960, 600, geo.Frame)
	r := New(b, d)
	steps := []Options{
		{Level: geo.Counties, ColorBy: style.ByBoth},
		{Level: geo.Counties, ColorBy: style.ByBoth, Hovered: "08031"},
		{Level: geo.Counties, ColorBy: style.ByBoth, Hovered: "17031", Selected: "08031"},
		{Level: geo.Counties, ColorBy: style.ByBoth, Hovered: "1714000", Selected: "08031"}, // Chicago's marker
		{Level: geo.Counties, ColorBy: style.ByBoth, Hovered: "", Selected: "2507000"},
		{Level: geo.Counties, ColorBy: style.ByBoth},
	}
	var prev *image.RGBA
	var prevOpt Options
	for i, o := range steps {
		o.Theme = style.Light
		got := r.Redraw(prev, prevOpt, vp, o)
		want := New(b, d).Draw(vp, o)
		if !bytes.Equal(got.Pix, want.Pix) {
			n := 0
			for j := range got.Pix {
				if got.Pix[j] != want.Pix[j] {
					n++
				}
			}
			t.Errorf("step %d (%+v): %d bytes differ from a full draw", i, o.Hovered+"/"+o.Selected, n)
		}
		prev, prevOpt = got, o
	}
}

func BenchmarkHoverCounties(b *testing.B) {
	bs, d, err := assets.Load()
	if err != nil {
		b.Fatal(err)
	}
	r := New(bs, d)
	vp := geo.Fit(1920, 1080, geo.Frame)
	opt := Options{Level: geo.Counties, Theme: style.Light}
	prev := r.Draw(vp, opt)
	for i := 0; b.Loop(); i++ {
		next := opt
		next.Hovered = []string{"08031", "36061", "17031"}[i%3]
		prev, opt = r.Redraw(prev, opt, vp, next), next
	}
}

// BenchmarkFirstFrame is start-up to the first frame of a 1280×800 window:
// the embedded data decoded and the states drawn.
func BenchmarkFirstFrame(b *testing.B) {
	for b.Loop() {
		bs, d, err := assets.Load()
		if err != nil {
			b.Fatal(err)
		}
		New(bs, d).Draw(geo.Fit(1280, 800, geo.Frame), Options{Theme: style.Light})
	}
}
