package render

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

func embedded(t testing.TB) (*geo.Boundaries, *dataset.Dataset) {
	t.Helper()
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b, d
}

// at resolves d at a level on a day (zero: as loaded), unfiltered.
func at(b *geo.Boundaries, d *dataset.Dataset, level geo.Level, day time.Time) *view.View {
	return view.Resolve(d, b.Layer(level), day, dataset.Filter{})
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// pixelAt returns the colour drawn at a lon/lat point of a state.
func pixelAt(img *image.RGBA, vp geo.Viewport, fips string, lon, lat float64) color.RGBA {
	x, y := vp.ToPixel(geo.NewAlbersUSA().Project(fips, orb.Point{lon, lat}))
	return img.RGBAAt(int(x), int(y))
}

func TestStateFills(t *testing.T) {
	b, d := embedded(t)
	vp := geo.Fit(960, 600, geo.Frame())
	img := New(b).Draw(vp, Options{View: at(b, d, geo.States, time.Time{}), Theme: style.Light()})
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
	if got := img.RGBAAt(2, 2); got != style.Light().Background {
		t.Errorf("corner: %v, want the background", got)
	}
}

// patchAt counts the colours of the 4×4 pixels at a lon/lat point: one
// period of the dots.
func patchAt(img *image.RGBA, vp geo.Viewport, fips string, lon, lat float64) map[color.RGBA]int {
	x, y := vp.ToPixel(geo.NewAlbersUSA().Project(fips, orb.Point{lon, lat}))
	out := map[color.RGBA]int{}
	for dy := range 4 {
		for dx := range 4 {
			out[img.RGBAAt(int(x)+dx, int(y)+dy)]++
		}
	}
	return out
}

// dotted is the patch of a region that follows its state's category c.
func dotted(c dataset.Category) map[color.RGBA]int {
	f := style.Category(c)
	return map[color.RGBA]int{f: 15, style.DotColor(f): 1}
}

// Counties without a row of their own show their state's category, dotted.
func TestCountyFollowsStateDotted(t *testing.T) {
	b, d := embedded(t)
	vp := geo.Fit(1920, 1080, geo.Frame())
	img := New(b).Draw(vp, Options{View: at(b, d, geo.Counties, time.Time{}), Theme: style.Light()})
	// Lincoln County, Colorado: far from any border.
	if got, want := patchAt(img, vp, "08", -103.5, 39.0), dotted(d.Jurisdiction("08").Category); !maps.Equal(got, want) {
		t.Errorf("Lincoln County, CO: %v, want %v", got, want)
	}
	// In 2019 King County, Washington, shows its own row: no dots.
	img = New(b).Draw(vp, Options{View: at(b, d, geo.Counties, time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)), Theme: style.Light()})
	if got, want := patchAt(img, vp, "53", -121.8, 47.45), style.Category(dataset.LocalLimitsDetainers); got[want] != 16 {
		t.Errorf("King County, WA: %v, want only %v", got, want)
	}
}

// A fact last confirmed long before the day is lined: Lancaster County,
// Nebraska's 2014 detainer policy in 2026.
func TestStaleFactLined(t *testing.T) {
	b, d := embedded(t)
	vp := geo.Fit(1920, 1080, geo.Frame())
	img := New(b).Draw(vp, Options{View: at(b, d, geo.Counties, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)), Theme: style.Light()})
	f := style.Category(dataset.LocalLimitsDetainers)
	rules, fill := 0, 0
	x, y0 := vp.ToPixel(geo.NewAlbersUSA().Project("31", orb.Point{-96.69, 40.78}))
	for y := range 5 {
		switch img.RGBAAt(int(x), int(y0)+y) {
		case style.DotColor(f):
			rules++
		case f:
			fill++
		}
	}
	if rules != 1 || fill != 4 {
		t.Errorf("Lancaster County, NE: %d rule pixels and %d fill pixels in a column of 5, want 1 and 4", rules, fill)
	}
}

func TestSelectionOutline(t *testing.T) {
	b, d := embedded(t)
	vp := geo.Fit(960, 600, geo.Frame())
	img := New(b).Draw(vp, Options{View: at(b, d, geo.States, time.Time{}), Theme: style.Light(), Selected: "08"})
	co := b.States.Region("08")
	x0, y0 := vp.ToPixel(co.Bound.Min)
	x1, y1 := vp.ToPixel(co.Bound.Max)
	inside, outside := 0, 0
	for y := 0; y < vp.H; y++ {
		for x := 0; x < vp.W; x++ {
			if img.RGBAAt(x, y) != style.Light().Selection {
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
	vp := geo.Fit(960, 600, geo.Frame())
	x, y := vp.ToPixel(geo.NewAlbersUSA().Project("15", orb.Point{-155.5, 19.6}))
	if r := RegionAt(b, geo.States, vp, x, y); r == nil || r.FIPS != "15" {
		t.Errorf("Hawaii inset: got %v", r)
	}
	zoomed := vp.ZoomAt(x, y, 8)
	if r := RegionAt(b, geo.States, zoomed, x, y); r == nil || r.FIPS != "15" {
		t.Errorf("Hawaii zoomed 8×: got %v", r)
	}
}

func BenchmarkRedrawCounties(b *testing.B) {
	bs, d := embedded(b)
	r := New(bs)
	vp := geo.Fit(1920, 1080, geo.Frame())
	img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	opt := Options{View: at(bs, d, geo.Counties, time.Time{}), Theme: style.Light()}
	for b.Loop() {
		r.valid = false // a full redraw: rasterise and paint
		r.DrawInto(img, vp, opt)
	}
}

func BenchmarkRecolourCounties(b *testing.B) {
	bs, d := embedded(b)
	r := New(bs)
	vp := geo.Fit(1920, 1080, geo.Frame())
	img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	opt := Options{View: at(bs, d, geo.Counties, time.Time{}), Theme: style.Light()}
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
	vp := geo.Fit(960, 600, geo.Frame())
	v := view.Resolve(d, b.States, time.Time{}, dataset.Filter{Category: dataset.StateLimits})
	img := New(b).Draw(vp, Options{View: v, Theme: style.Light()})
	if got, want := pixelAt(img, vp, "08", -105.5, 39.0), style.Category(dataset.StateLimits); got != want {
		t.Errorf("Colorado: %v, want %v", got, want)
	}
	faded := style.Mix(style.Category(dataset.StateMandates), style.Light().Background, 0.8)
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
	vp := geo.Fit(960, 600, geo.Frame())
	r := New(b)
	v := at(b, d, geo.Counties, time.Time{})
	steps := []Options{
		{View: v, ColorBy: style.ByBoth},
		{View: v, ColorBy: style.ByBoth, Hovered: "08031"},
		{View: v, ColorBy: style.ByBoth, Hovered: "17031", Selected: "08031"},
		{View: v, ColorBy: style.ByBoth, Hovered: "1714000", Selected: "08031"}, // Chicago's marker
		{View: v, ColorBy: style.ByBoth, Hovered: "", Selected: "2507000"},
		{View: v, ColorBy: style.ByBoth},
	}
	var prev *image.RGBA
	var prevOpt Options
	for i, o := range steps {
		o.Theme = style.Light()
		got := r.Redraw(prev, prevOpt, vp, o)
		want := New(b).Draw(vp, o)
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

// bands puts the bands DrawBands hands out together, checking each holds
// the rows it should.
func bands(t *testing.T, b *geo.Boundaries, vp geo.Viewport, opt Options) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	var mu sync.Mutex
	err := DrawBands(b, vp, opt, func(y0 int, band *image.RGBA) error {
		mu.Lock()
		defer mu.Unlock()
		if want := image.Rect(0, max(y0-1, 0), vp.W, min(y0+BandRows, vp.H)); band.Bounds() != want {
			t.Errorf("band at row %d holds %v, want %v", y0, band.Bounds(), want)
		}
		draw.Draw(img, band.Bounds(), band, band.Bounds().Min, draw.Src)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// A frame drawn a band at a time is the frame Draw gives, at sizes whose
// last band is short, at a zoom whose frame cuts regions, with the legend
// and title across bands, and with outlines.
func TestBandsMatchDraw(t *testing.T) {
	b, d := embedded(t)
	states, counties := at(b, d, geo.States, time.Time{}), at(b, d, geo.Counties, time.Time{})
	zoomed := geo.Fit(700, 500, orb.Bound{Min: orb.Point{600, 200}, Max: orb.Point{700, 270}}) // the Midwest, cut
	for _, c := range []struct {
		vp  geo.Viewport
		opt Options
	}{
		{geo.Fit(960, 600, geo.Frame()), Options{View: states, Decorations: true, Title: "t"}},
		{geo.Fit(1920, 1080, geo.Frame()), Options{View: counties, ColorBy: style.ByBoth, Decorations: true, Title: "Counties", Stamp: "2025-06"}},
		{geo.Fit(333, 2*BandRows+1, geo.Frame()), Options{View: counties, ColorBy: style.ByLawsuits}},
		{zoomed, Options{View: counties}},
		{geo.Fit(960, 600, geo.Frame()), Options{View: counties, Selected: "08031"}},
	} {
		c.opt.Theme = style.Light()
		got, want := bands(t, b, c.vp, c.opt), New(b).Draw(c.vp, c.opt)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("%dx%d %v: the bands differ from Draw's frame", c.vp.W, c.vp.H, c.opt.ColorBy)
		}
	}
}

func BenchmarkHoverCounties(b *testing.B) {
	bs, d, err := assets.Load()
	if err != nil {
		b.Fatal(err)
	}
	r := New(bs)
	vp := geo.Fit(1920, 1080, geo.Frame())
	opt := Options{View: at(bs, d, geo.Counties, time.Time{}), Theme: style.Light()}
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
		New(bs).Draw(geo.Fit(1280, 800, geo.Frame()), Options{View: at(bs, d, geo.States, time.Time{}), Theme: style.Light()})
	}
}

// One step of the as-of slider on the counties map: resolve the day and
// recolour every county (the raster is kept).
func BenchmarkAsOfStepCounties(b *testing.B) {
	bs, d := embedded(b)
	r := New(bs)
	vp := geo.Fit(1920, 1080, geo.Frame())
	img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	r.DrawInto(img, vp, Options{View: at(bs, d, geo.Counties, date("2025-01-01")), Theme: style.Light()})
	day := date("2024-01-01")
	for b.Loop() {
		day = day.AddDate(0, 1, 0)
		r.DrawInto(img, vp, Options{View: at(bs, d, geo.Counties, day), Theme: style.Light()})
	}
}

// Counties whose sheriff holds a 287(g) agreement show it from the day it
// began; before, they follow their state.
func TestCounty287gThroughTime(t *testing.T) {
	b, d := embedded(t)
	vp := geo.Fit(1920, 1080, geo.Frame())
	r := New(b)
	// Autauga County, Alabama: its sheriff's agreements began 2025-09-22.
	before := r.Draw(vp, Options{View: at(b, d, geo.Counties, date("2025-06-30")), Theme: style.Light()})
	after := r.Draw(vp, Options{View: at(b, d, geo.Counties, date("2026-05-18")), Theme: style.Light()})
	if got, want := pixelAt(after, vp, "01", -86.64, 32.53), style.Category(dataset.Agreement287g); got != want {
		t.Errorf("Autauga on 2026-05-18: %v, want the 287(g) fill %v", got, want)
	}
	if got, want := patchAt(before, vp, "01", -86.64, 32.53), dotted(d.Jurisdiction("01").Category); !maps.Equal(got, want) {
		t.Errorf("Autauga on 2025-06-30: %v, want Alabama's category, dotted %v", got, want)
	}
}
